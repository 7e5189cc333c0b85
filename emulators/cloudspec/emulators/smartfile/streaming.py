"""A response whose body is sent chunk by chunk (downloads), with a known length."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from ..box.asgi import Response, Send


class StreamResponse(Response):
    def __init__(
        self,
        status: int,
        headers: Mapping[str, str],
        chunks: Iterator[bytes],
        length: int,
        on_chunk: Callable[[int], None],
    ) -> None:
        super().__init__(status, b"", headers)
        self.chunks = chunks
        self.length = length
        self.on_chunk = on_chunk

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        pairs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()]
        pairs.append((b"content-length", str(self.length).encode()))
        return pairs

    async def send(self, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status, "headers": self.raw_headers()}
        )
        for chunk in self.chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            self.on_chunk(len(chunk))
        await send({"type": "http.response.body", "body": b""})
