"""The download host: signed, expiring URLs (no Authorization needed), Range, streamed from disk.

``GET {api}/2.0/files/{id}/content`` answers 302 to ``{download}/d/<token>``; the token names a
file version and an expiry and is signed with the server's secret, as dl.boxcloud.com URLs are
signed by Box. Anyone holding the URL may fetch it until it expires, and nothing else is needed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import time
from pathlib import Path
from urllib.parse import quote

from .asgi import BoxError, Request, Response, Router, Send
from .state import State

CHUNK_SIZE = 1024 * 1024
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


def sign(state: State, version_id: str) -> str:
    payload = json.dumps(
        {"v": version_id, "e": int(time.time() + state.settings.download_url_ttl)},
        separators=(",", ":"),
    ).encode()
    mac = hmac.new(state.secret, payload, hashlib.sha256).digest()[:16]
    return f"{_b64(payload)}.{_b64(mac)}"


def download_url(state: State, version_id: str) -> str:
    return f"{state.urls['download']}/d/{sign(state, version_id)}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify(state: State, token: str) -> str:
    """The version id a token names; 403 when it is forged or expired."""
    try:
        payload_text, mac_text = token.split(".")
        payload = _unb64(payload_text)
        mac = _unb64(mac_text)
    except ValueError:
        raise BoxError(403, "forbidden", "Invalid download URL") from None
    expected = hmac.new(state.secret, payload, hashlib.sha256).digest()[:16]
    if not hmac.compare_digest(mac, expected):
        raise BoxError(403, "forbidden", "Invalid download URL")
    claims = json.loads(payload)
    if claims["e"] < time.time():
        raise BoxError(403, "forbidden", "The download URL has expired")
    return str(claims["v"])


def download_router(state: State) -> Router:
    router = Router()

    async def download(request: Request) -> Response:
        version_id = verify(state, request.params["token"])
        found = state.versions.get(version_id)
        if found is None:
            raise BoxError(404, "not_found", "Not Found")
        file, version = found
        size = version.size
        headers = {
            "content-type": "application/octet-stream",
            "accept-ranges": "bytes",
            "content-disposition": f"attachment; filename*=UTF-8''{quote(file.name)}",
            "etag": f'"{version.sha1}"',
        }
        span = _byte_range(request.header("range"), size)
        if span is None:
            start, end, status = 0, size, 200
        else:
            start, end = span
            status = 206
            headers["content-range"] = f"bytes {start}-{end - 1}/{size}"
        if request.method == "GET":
            state.stats.downloads += 1
            state.stats.bytes_downloaded += end - start
        return BlobResponse(status, headers, version.path, start, end, request.method == "HEAD")

    router.add(["GET", "HEAD"], "/d/{token}", download)
    return router


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``[start, end)`` of a single ``Range: bytes=...``; None means the whole file (200).

    Several ranges are answered with the whole file, which RFC 9110 allows.
    """
    if not header or "," in header:
        return None
    match = _RANGE.match(header)
    if match is None:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last) + 1, size) if last else size
    elif last:
        start, end = max(0, size - int(last)), size
    else:
        return None
    if start >= size or start >= end:
        raise BoxError(
            416,
            "requested_range_not_satisfiable",
            "Requested Range Not Satisfiable",
            headers={"content-range": f"bytes */{size}"},
        )
    return start, end


class BlobResponse(Response):
    """Bytes ``[start, end)`` of a file on disk, sent in 1 MiB chunks as the client reads."""

    def __init__(
        self, status: int, headers: dict[str, str], path: Path, start: int, end: int, head: bool
    ) -> None:
        super().__init__(status, b"", headers)
        self.path = path
        self.start = start
        self.end = end
        self.head = head

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        pairs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()]
        pairs.append((b"content-length", str(self.end - self.start).encode()))
        return pairs

    async def send(self, send: Send) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            # Deleted between the lookup and now.
            await BoxError(404, "not_found", "Not Found").response().send(send)
            return
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status,
                    "headers": self.raw_headers(),
                }
            )
            if self.head:
                await send({"type": "http.response.body", "body": b""})
                return
            position, end = self.start, self.end
            while position < end:
                chunk = os.pread(fd, min(CHUNK_SIZE, end - position), position)
                if not chunk:
                    raise OSError(f"{self.path} is shorter than expected")
                position += len(chunk)
                await send(
                    {"type": "http.response.body", "body": chunk, "more_body": position < end}
                )
            if self.start == end:
                await send({"type": "http.response.body", "body": b""})
        finally:
            os.close(fd)
