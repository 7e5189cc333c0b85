"""The bridge's one error form: ``{"error": "<message>"}`` with the status the reference gives."""

from __future__ import annotations

from collections.abc import Mapping

from ..box.asgi import Response, json_response


class MetadiskError(Exception):
    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.headers = dict(headers or {})

    def response(self) -> Response:
        return json_response({"error": self.message}, self.status, self.headers)


def not_authorized(message: str) -> MetadiskError:
    return MetadiskError(401, message)
