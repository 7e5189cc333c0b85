# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The transport that caps bodies read whole (see :mod:`cloudspec.core.limits`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import httpx

from ..limits import (
    EXT_MAX_RESPONSE_BYTES,
    default_max_response_bytes,
    reads_whole,
    too_large,
)

__all__ = ["BodyLimitTransport"]


class BodyLimitTransport(httpx.BaseTransport):
    """Refuses a JSON or HTML body over ``max_bytes`` (``None``: the default cap): at once
    when ``Content-Length`` says so, else while it is read."""

    def __init__(self, wrapped: httpx.BaseTransport, max_bytes: int | None = None) -> None:
        self._wrapped = wrapped
        self._max_bytes = max_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._wrapped.handle_request(request)
        if not reads_whole(request, response.headers):
            return response
        limit: int
        if EXT_MAX_RESPONSE_BYTES in request.extensions:
            limit = request.extensions[EXT_MAX_RESPONSE_BYTES]  # not None: reads_whole said so
        elif self._max_bytes is not None:
            limit = self._max_bytes
        else:
            limit = default_max_response_bytes()
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            response.close()
            raise too_large(response.status_code, response.headers, limit)
        stream = cast(httpx.SyncByteStream, response.stream)
        response.stream = _AsyncLimitedStream(stream, limit, response.status_code, response.headers)
        return response

    def close(self) -> None:
        self._wrapped.close()


class _AsyncLimitedStream(httpx.SyncByteStream):
    def __init__(
        self, wrapped: httpx.SyncByteStream, limit: int, status: int, headers: httpx.Headers
    ) -> None:
        self._wrapped = wrapped
        self._limit = limit
        self._status = status
        self._headers = headers

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._wrapped:
            seen += len(chunk)
            if seen > self._limit:
                raise too_large(self._status, self._headers, self._limit)
            yield chunk

    def close(self) -> None:
        self._wrapped.close()
