"""SmartFile's error forms (Django REST framework's): ``{"detail": ...}``, field errors
``{"<field>": ["..."]}``, the OAuth provider's plain-text 403, and Django's HTML 404 page."""

from __future__ import annotations

from collections.abc import Mapping

from ..box.asgi import Response, json_response

OAUTH_FAILURE = "Could not verify OAuth request."
NOT_PROVIDED = "Authentication credentials were not provided."
INVALID_BASIC = "Invalid username/password."
REQUIRED = "This field is required."
BASIC_CHALLENGE = 'Basic realm="api"'


class SmartFileError(Exception):
    """An error answered as ``{"detail": message}``."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message
        self.headers = dict(headers or {})

    def response(self) -> Response:
        return json_response({"detail": self.message}, self.status, self.headers)


class FieldErrors(SmartFileError):
    """A 400 validation error: ``{"<field>": ["message", ...]}``."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        super().__init__(400, "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = dict(errors)

    def response(self) -> Response:
        return json_response(self.errors, 400)


class OAuthFailure(SmartFileError):
    """The OAuth provider's refusal: 403, ``text/plain``, always the same sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(403, reason)  # the reason is for logs; the body never varies

    def response(self) -> Response:
        return Response(403, OAUTH_FAILURE.encode(), {"content-type": "text/plain"})


class PageNotFound(SmartFileError):
    """No URL pattern matched: Django's HTML 404."""

    def __init__(self, path: str) -> None:
        super().__init__(404, f"no route for {path}")
        self.path = path

    def response(self) -> Response:
        escaped = self.path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        page = (
            '<!DOCTYPE html>\n<html lang="en"><head><title>Not Found</title></head>'
            f"<body><h1>Not Found</h1><p>The requested resource {escaped} was not found "
            "on this server.</p></body></html>\n"
        )
        return Response(404, page.encode(), {"content-type": "text/html; charset=utf-8"})


def field_error(field: str, message: str) -> FieldErrors:
    return FieldErrors({field: [message]})


def not_found() -> SmartFileError:
    return SmartFileError(404, "Not found.")
