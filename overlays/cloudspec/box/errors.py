"""Box's errors: ``BoxError`` (the original SDK's name, with ``.status``) and typed subclasses.

Every HTTP error is a :class:`BoxError` *and* the matching core class, so callers may catch
``cloudspec.core.NotFoundError`` or ``BoxError`` alike, and test ``err.status == 409`` as the
original README does. Box sends two error shapes: ``ClientError`` (``code``, ``message``,
``context_info``, ``request_id``) from the API, and ``OAuth2Error`` (``error``,
``error_description``) from the token endpoint; both become a ``BoxError``.
"""

from __future__ import annotations

from typing import Any

import httpx

from cloudspec.core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    CloudspecError,
    ConflictError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ServerError,
    body_excerpt,
    decode_error_body,
)
from cloudspec.core.redact import Redactor, default_redactor
from cloudspec.core.retry import parse_retry_after

__all__ = [
    "BoxAuthFlowError",
    "BoxAuthenticationError",
    "BoxBadRequest",
    "BoxConflict",
    "BoxError",
    "BoxMalformedResponse",
    "BoxNotFound",
    "BoxOAuthError",
    "BoxPermissionDenied",
    "BoxPreconditionFailed",
    "BoxRateLimited",
    "BoxServerError",
    "conflict_id",
    "error_from_response",
]


class BoxError(APIError):
    """Box answered with an error status: ``status``, ``code`` (Box's string code, open-ended),
    ``message``, ``request_id``, ``context_info`` and ``help_url``."""

    @property
    def context_info(self) -> dict[str, Any] | None:
        info = self.body.get("context_info") if isinstance(self.body, dict) else None
        return info if isinstance(info, dict) else None

    @property
    def help_url(self) -> str | None:
        url = self.body.get("help_url") if isinstance(self.body, dict) else None
        return url if isinstance(url, str) else None

    def conflict_id(self) -> str | None:
        """The id of the existing item a 409 ``item_name_in_use`` names, else None."""
        return conflict_id(self.body)


class BoxBadRequest(BoxError, BadRequestError):
    pass


class BoxAuthenticationError(BoxError, AuthenticationError):
    pass


class BoxPermissionDenied(BoxError, PermissionDeniedError):
    pass


class BoxNotFound(BoxError, NotFoundError):
    pass


class BoxConflict(BoxError, ConflictError):
    """409: ``item_name_in_use`` (see :meth:`conflict_id`), ``operation_blocked_temporary``..."""


class BoxPreconditionFailed(BoxError, PreconditionFailedError):
    pass


class BoxRateLimited(BoxError, RateLimitError):
    pass


class BoxServerError(BoxError, ServerError):
    pass


class BoxMalformedResponse(BoxError, MalformedResponseError):
    """Box answered a body the client cannot use (not JSON, the wrong shape, too big)."""


class BoxOAuthError(BoxError):
    """The token endpoint refused a grant: ``code`` is the OAuth2 ``error``
    (``invalid_grant``, ``invalid_client``...), ``message`` its ``error_description``."""

    @property
    def invalid_grant(self) -> bool:
        return self.code == "invalid_grant"


class BoxAuthFlowError(CloudspecError):
    """The browser step of the OAuth2 flow failed: access denied, or a ``state`` that does not
    match the one this flow sent (a forged or stale redirect)."""


def conflict_id(body: Any) -> str | None:
    """The existing item's id in a 409 body.

    ``context_info.conflicts`` is a list of minis for folder creation and a single object for
    file uploads, preflight and upload sessions; both shapes are accepted.
    """
    info = body.get("context_info") if isinstance(body, dict) else None
    conflicts = info.get("conflicts") if isinstance(info, dict) else None
    if isinstance(conflicts, list):
        conflicts = conflicts[0] if conflicts else None
    if isinstance(conflicts, dict) and isinstance(conflicts.get("id"), str | int):
        return str(conflicts["id"])
    return None


_BY_STATUS: dict[int, type[BoxError]] = {
    400: BoxBadRequest,
    401: BoxAuthenticationError,
    403: BoxPermissionDenied,
    404: BoxNotFound,
    405: BoxNotFound,  # a malformed id: Box answers 405 where a well-formed one would be 404
    409: BoxConflict,
    410: BoxNotFound,
    412: BoxPreconditionFailed,
    429: BoxRateLimited,
}


def _class_for(status: int) -> type[BoxError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return BoxServerError
    if 400 <= status < 500:
        return BoxBadRequest
    return BoxError


def error_from_response(
    response: httpx.Response, *, redactor: Redactor = default_redactor, oauth: bool = False
) -> BoxError:
    """The typed error for a read error response (its body must have been read)."""
    status = response.status_code
    body = decode_error_body(response)
    code: str | None = None
    message = ""
    request_id = response.headers.get("box-request-id")
    cls: type[BoxError] = _class_for(status)
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        cls = BoxOAuthError
        code = body["error"]
        description = body.get("error_description")
        message = description if isinstance(description, str) else ""
    elif isinstance(body, dict):
        raw_code, raw_message = body.get("code"), body.get("message")
        code = raw_code if isinstance(raw_code, str) else None
        message = raw_message if isinstance(raw_message, str) else ""
        if isinstance(body.get("request_id"), str):
            request_id = body["request_id"]
    elif oauth:
        cls = BoxOAuthError
    if not message and body is None:
        message = body_excerpt(response, redactor)
    kwargs: dict[str, Any] = {
        "status": status,
        "code": code,
        "request_id": request_id,
        "headers": response.headers,
        "body": body,
        "response": response,
        "redactor": redactor,
    }
    if issubclass(cls, RateLimitError):
        kwargs["retry_after"] = parse_retry_after(response.headers)
    return cls(message, **kwargs)
