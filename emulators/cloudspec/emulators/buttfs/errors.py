"""The two error forms: the ``{"error": {code, message, data}, "result": null}`` envelope and
the OAuth string form ``{"error": "invalid_request", "error_description": ...}``.

The HTTP status of each code is not documented upstream; the choice is :data:`STATUS`
(anything not listed: 400).
"""

from __future__ import annotations

from typing import Any

from ..box.asgi import Response, json_response

STATUS: dict[int, int] = {
    # not found
    2002: 404,
    2003: 404,
    2039: 404,
    2046: 404,
    3001: 404,
    6002: 404,
    6004: 404,
    8004: 404,
    # conflicts
    2042: 409,
    2044: 409,
    2052: 409,
    3021: 409,
    8002: 409,
    10001: 409,
    # locked share / wrong share password / not allowed
    9000: 400,
    10002: 403,
    # request quota (the spec declares it under 403)
    9006: 403,
    9999: 500,
}


class ButtFSError(Exception):
    """Answered as the error envelope."""

    def __init__(
        self, code: int, message: str, *, status: int | None = None, data: Any = None
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status if status is not None else STATUS.get(code, 400)
        self.data = data

    def response(self) -> Response:
        body = {
            "error": {"code": self.code, "message": self.message, "data": self.data},
            "result": None,
        }
        return json_response(body, self.status)


class OAuthFailure(Exception):
    """A failed signed request (token, admin): the OAuth string error form."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description
        self.status = status

    def response(self) -> Response:
        body = {"error": self.error, "error_description": self.description, "result": None}
        return json_response(body, self.status, {"cache-control": "no-store"})


def ok(result: object, status: int = 200) -> Response:
    return json_response({"result": result, "error": None}, status)
