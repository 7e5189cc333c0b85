"""A network transport that keeps every JSON answer, for the emulator fidelity tests."""

from __future__ import annotations

import json
from typing import Any

import attrs
import httpx


@attrs.frozen
class Exchange:
    method: str
    url: httpx.URL
    status: int
    body: Any

    @property
    def path(self) -> str:
        return self.url.path


class Recorder(httpx.BaseTransport):
    """The real transport, keeping every JSON answer (errors included)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.seen: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if "json" not in response.headers.get("content-type", ""):
            return response
        content = response.read()
        self.seen.append(
            Exchange(request.method, request.url, response.status_code, json.loads(content))
        )
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=content,
            extensions=response.extensions,
        )

    def close(self) -> None:
        self.inner.close()
