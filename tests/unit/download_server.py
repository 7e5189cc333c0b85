"""A scripted file server for the download engine's tests (shared by the sync and async twins)."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator

import httpx

PAYLOAD = bytes(range(256)) * 400  # 102,400 bytes, every byte value
DIGEST = hashlib.sha256(PAYLOAD).hexdigest()


class Dropping(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks after ``cut`` bytes, like a connection reset mid-transfer."""

    def __init__(self, data: bytes, cut: int | None) -> None:
        self.data, self.cut = data, cut

    def _chunks(self) -> Iterator[bytes]:
        end = len(self.data) if self.cut is None else self.cut
        for i in range(0, end, 10_000):
            yield self.data[i : min(i + 10_000, end)]
        if self.cut is not None:
            raise httpx.ReadError("connection reset")

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


class Server:
    """Serves PAYLOAD, dropping the first ``drops`` responses after ``cut`` bytes."""

    def __init__(self, drops: int = 0, cut: int = 30_000, honour_range: bool = True) -> None:
        self.drops, self.cut, self.honour_range = drops, cut, honour_range
        self.ranges: list[str | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.ranges.append(request.headers.get("range"))
        start = 0
        status = 200
        header = request.headers.get("range")
        if header and self.honour_range:
            start = int(header.removeprefix("bytes=").rstrip("-"))
            status = 206
        body = PAYLOAD[start:]
        cut = None
        if self.drops:
            self.drops -= 1
            cut = self.cut
        headers = {"content-length": str(len(body))}
        return httpx.Response(status, headers=headers, stream=Dropping(body, cut))
