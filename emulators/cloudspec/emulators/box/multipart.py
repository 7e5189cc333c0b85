"""A streaming ``multipart/form-data`` reader: parts in order, contents as they arrive.

Part order matters to Box (``attributes`` must precede ``file``), and file parts must go to disk
without being held in memory, so the body is parsed as a stream rather than as a whole form.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import attrs

from .asgi import BoxError

_MAX_HEADER_BYTES = 16 * 1024


def boundary_of(content_type: str | None) -> bytes:
    kind, params = parse_header(content_type or "")
    boundary = params.get("boundary")
    if kind != "multipart/form-data" or not boundary:
        raise BoxError(400, "bad_request", "Expected a multipart/form-data body with a boundary")
    return boundary.encode("latin-1")


def parse_header(value: str) -> tuple[str, dict[str, str]]:
    """``type; key=value; key="quoted"`` as ``(type, {key: value})``."""
    head, _, rest = value.partition(";")
    params: dict[str, str] = {}
    while rest:
        rest = rest.lstrip(" \t;")
        key, eq, rest = rest.partition("=")
        if not eq:
            break
        if rest.startswith('"'):
            chars: list[str] = []
            index = 1
            while index < len(rest) and rest[index] != '"':
                if rest[index] == "\\" and index + 1 < len(rest):
                    index += 1
                chars.append(rest[index])
                index += 1
            params[key.strip().lower()] = "".join(chars)
            rest = rest[index + 1 :]
        else:
            raw, _, rest = rest.partition(";")
            params[key.strip().lower()] = raw.strip()
    return head.strip().lower(), params


@attrs.frozen
class PartInfo:
    name: str
    filename: str | None


def _malformed() -> BoxError:
    return BoxError(400, "bad_request", "Malformed multipart body")


class MultipartReader:
    def __init__(self, chunks: AsyncIterator[bytes], boundary: bytes) -> None:
        self._chunks = chunks
        self._buffer = bytearray()
        self._eof = False
        self._delimiter = b"\r\n--" + boundary
        self._first = b"--" + boundary
        self._started = False
        self._done = False

    async def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            self._buffer += await anext(self._chunks)
        except StopAsyncIteration:
            self._eof = True
            return False
        return True

    async def next_part(self) -> PartInfo | None:
        """Header of the next part (the previous part must have been read); None at the end."""
        if self._done:
            return None
        buffer = self._buffer
        if not self._started:
            while (index := buffer.find(self._first)) < 0:
                if not await self._fill():
                    raise _malformed()
            del buffer[: index + len(self._first)]
            self._started = True
        while len(buffer) < 2:
            if not await self._fill():
                raise _malformed()
        if buffer[:2] == b"--":
            self._done = True
            return None
        if buffer[:2] != b"\r\n":
            raise _malformed()
        while (end := buffer.find(b"\r\n\r\n")) < 0:
            if len(buffer) > _MAX_HEADER_BYTES or not await self._fill():
                raise _malformed()
        headers = bytes(buffer[2:end]).decode("utf-8", "replace").split("\r\n")
        del buffer[: end + 4]
        disposition = ""
        for line in headers:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-disposition":
                disposition = value
        kind, params = parse_header(disposition)
        if kind != "form-data" or "name" not in params:
            raise _malformed()
        return PartInfo(name=params["name"], filename=params.get("filename"))

    async def stream(self) -> AsyncIterator[bytes]:
        """The current part's contents, chunk by chunk, up to the next delimiter."""
        buffer = self._buffer
        delimiter = self._delimiter
        keep = len(delimiter) - 1
        while True:
            index = buffer.find(delimiter)
            if index >= 0:
                if index:
                    yield bytes(buffer[:index])
                del buffer[: index + len(delimiter)]
                return
            if len(buffer) > keep:
                # The tail might be the start of a delimiter split across two chunks.
                cut = len(buffer) - keep
                yield bytes(buffer[:cut])
                del buffer[:cut]
            if not await self._fill():
                raise _malformed()

    async def read(self, limit: int) -> bytes:
        data = bytearray()
        async for chunk in self.stream():
            data += chunk
            if len(data) > limit:
                raise BoxError(400, "bad_request", "Form field is too large")
        return bytes(data)

    async def skip(self) -> None:
        async for _ in self.stream():
            pass
