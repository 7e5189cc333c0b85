# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The file-like answer of a generic call whose response is not JSON (a download)."""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import Self

import httpx

from cloudspec.core.redact import Redactor, default_redactor

from ..errors import map_transport_errors

__all__ = ["ResponseStream"]

_CHUNK = 64 * 1024


class ResponseStream:
    """``read(size)`` over a streamed response body, in constant memory; close it (or use
    ``with``) when done. ``response`` is the underlying ``httpx.Response`` (status, headers)."""

    def __init__(self, response: httpx.Response, redactor: Redactor = default_redactor) -> None:
        self.response = response
        self._redactor = redactor
        self._chunks: Iterator[bytes] = response.iter_bytes(_CHUNK)
        self._buffer = bytearray()
        self._done = False

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", ""))

    def _fill(self, size: int) -> None:
        with map_transport_errors(self._redactor):
            while not self._done and (size < 0 or len(self._buffer) < size):
                try:
                    self._buffer += self._chunks.__next__()
                except StopIteration:
                    self._done = True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when ``size`` is negative); ``b""`` at the
        end."""
        self._fill(size)
        if size < 0 or size >= len(self._buffer):
            data, self._buffer = bytes(self._buffer), bytearray()
        else:
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
        return data

    def __iter__(self) -> Iterator[bytes]:
        if self._buffer:
            data, self._buffer = bytes(self._buffer), bytearray()
            yield data
        with map_transport_errors(self._redactor):
            for chunk in self._chunks:
                yield chunk
        self._done = True

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
