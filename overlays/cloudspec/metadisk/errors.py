"""Metadisk errors: the bridge's ``{"error": "<message>"}`` answers, typed by status.

``MetadiskError`` is a :class:`cloudspec.core.errors.APIError`; each subclass is also the core
class for its status, so callers may catch either (``MetadiskAuthenticationError`` is an
``AuthenticationError``). The bridge of 2016 answers several client mistakes with 500; the one
a client can act on, a spent, expired or unknown ``x-token`` ("Invalid or expired token"), gets
its own class, :class:`InvalidTokenError`. A downloaded file whose bridge hash does not match
raises :class:`MetadiskIntegrityError` (a core ``IntegrityError``).
"""

from __future__ import annotations

import httpx

from cloudspec.core.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    IntegrityError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    body_excerpt,
    decode_error_body,
)
from cloudspec.core.redact import Redactor, default_redactor

__all__ = [
    "InvalidTokenError",
    "MetadiskAuthenticationError",
    "MetadiskBadRequestError",
    "MetadiskError",
    "MetadiskIntegrityError",
    "MetadiskMalformedResponseError",
    "MetadiskNotFoundError",
    "MetadiskPermissionDeniedError",
    "MetadiskRateLimitError",
    "MetadiskServerError",
    "TransferLimitExceeded",
    "error_from_response",
]


class MetadiskError(APIError):
    """The bridge answered with an error status; ``message`` is its ``error`` text."""


class MetadiskBadRequestError(MetadiskError, BadRequestError):
    """400 (and other 4xx without a class of their own): a bad argument, a replayed nonce."""


class MetadiskAuthenticationError(MetadiskError, AuthenticationError):
    """401: bad signature, unregistered public key, inactive account, wrong token scope."""


class MetadiskPermissionDeniedError(MetadiskError, PermissionDeniedError):
    """403."""


class MetadiskNotFoundError(MetadiskError, NotFoundError):
    """404: no such user, key, bucket or file."""


class TransferLimitExceeded(MetadiskError, BadRequestError):
    """420: the bucket's transfer allowance is used up."""


class MetadiskRateLimitError(MetadiskError, RateLimitError):
    """429."""


class MetadiskServerError(MetadiskError, ServerError):
    """5xx (the 2016 bridge also uses 500 for several client mistakes)."""


class MetadiskMalformedResponseError(MetadiskError, MalformedResponseError):
    """The bridge answered a body the client cannot use (not JSON, the wrong shape, too big)."""


class InvalidTokenError(MetadiskServerError):
    """500 "Invalid or expired token": the PUSH/PULL token was spent, expired or unknown."""


class MetadiskIntegrityError(IntegrityError):
    """Downloaded bytes do not hash to the file's bridge hash."""


_BY_STATUS: dict[int, type[MetadiskError]] = {
    401: MetadiskAuthenticationError,
    403: MetadiskPermissionDeniedError,
    404: MetadiskNotFoundError,
    410: MetadiskNotFoundError,
    420: TransferLimitExceeded,
    429: MetadiskRateLimitError,
}

_INVALID_TOKEN = "invalid or expired token"


def _error_class(status: int, message: str) -> type[MetadiskError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        if message.strip().lower() == _INVALID_TOKEN:
            return InvalidTokenError
        return MetadiskServerError
    if status >= 400:
        return MetadiskBadRequestError
    return MetadiskError


def error_from_response(
    response: httpx.Response, *, redactor: Redactor = default_redactor
) -> MetadiskError:
    """The typed error for an error answer (its body already read)."""
    body = decode_error_body(response)
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        message: str = body["error"]
    elif body is not None:
        message = str(body)
    else:
        message = body_excerpt(response, redactor)
    cls = _error_class(response.status_code, message)
    return cls(
        message,
        status=response.status_code,
        headers=response.headers,
        body=body,
        response=response,
        redactor=redactor,
    )
