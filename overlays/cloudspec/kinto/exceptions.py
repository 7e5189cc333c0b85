"""Kinto's errors, named as in kinto-http so ``except KintoException`` keeps working.

Every HTTP error is a :class:`KintoException` *and* the matching core class,
so callers may catch ``cloudspec.core.NotFoundError`` or ``KintoException``
alike. The class is picked from the status and Kinto's ``errno``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
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
    "BackoffException",
    "BatchSubResponse",
    "BucketForbidden",
    "BucketNotFound",
    "CollectionForbidden",
    "CollectionNotFound",
    "KintoAPIError",
    "KintoAlert",
    "KintoAuthenticationError",
    "KintoBadRequest",
    "KintoBatchException",
    "KintoConflict",
    "KintoException",
    "KintoMalformedResponse",
    "KintoNotFound",
    "KintoPermissionDenied",
    "KintoPreconditionFailed",
    "KintoRateLimited",
    "KintoServerError",
    "error_from_response",
]


class KintoException(CloudspecError):
    """Base of every Kinto error (kinto-http's name); ``message`` holds its text."""

    message: str

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message


class KintoAPIError(APIError, KintoException):
    """Kinto answered with an error status. ``errno`` is Kinto's own error number."""

    @property
    def errno(self) -> int | None:
        return self.code if isinstance(self.code, int) else None

    @property
    def details(self) -> Any:
        return self.body.get("details") if isinstance(self.body, dict) else None


class KintoBadRequest(KintoAPIError, BadRequestError):
    pass


class KintoAuthenticationError(KintoAPIError, AuthenticationError):
    pass


class KintoPermissionDenied(KintoAPIError, PermissionDeniedError):
    pass


class KintoNotFound(KintoAPIError, NotFoundError):
    pass


class BucketNotFound(KintoNotFound):
    """The bucket does not exist (404), or may not be read (403, see ``BucketForbidden``)."""


class CollectionNotFound(KintoNotFound):
    """The collection does not exist (404), or may not be read (403)."""


class BucketForbidden(BucketNotFound, KintoPermissionDenied):
    """403 on a bucket. Kinto answers 403 both for a bucket you may not read and for one
    that does not exist (so existence does not leak). It is a ``BucketNotFound``, as in
    kinto-http, *and* a ``PermissionDeniedError``, so either ``except`` catches it."""


class CollectionForbidden(CollectionNotFound, KintoPermissionDenied):
    """403 on a collection: missing, or in a bucket you may not read."""


class KintoConflict(KintoAPIError, ConflictError):
    pass


class KintoPreconditionFailed(KintoAPIError, PreconditionFailedError):
    """412: the object changed since the version you sent (``If-Match``) or exists already."""

    @property
    def existing(self) -> dict[str, Any] | None:
        details = self.details
        if isinstance(details, dict) and isinstance(details.get("existing"), dict):
            existing: dict[str, Any] = details["existing"]
            return existing
        return None


class KintoRateLimited(KintoAPIError, RateLimitError):
    pass


class KintoServerError(KintoAPIError, ServerError):
    pass


class KintoMalformedResponse(KintoAPIError, MalformedResponseError):
    """Kinto answered a body the client cannot use (not JSON, the wrong shape, too big)."""


class BackoffException(KintoException):
    """Kept for kinto-http compatibility. cloudspec never raises it: when Kinto sends
    ``Backoff``, the client waits before its next request instead of failing calls."""

    def __init__(self, message: str, backoff: float) -> None:
        super().__init__(message)
        self.backoff = backoff


class KintoAlert(DeprecationWarning):
    """The server announced a deprecation or an end of service (``Alert`` header)."""


@attrs.frozen(kw_only=True)
class BatchSubResponse:
    """One sub-request of a batch and what the server answered to it."""

    index: int
    method: str
    path: str
    status: int
    headers: dict[str, str] = attrs.field(repr=False)
    body: Any = attrs.field(repr=False)

    @property
    def ok(self) -> bool:
        return self.status < 400


class KintoBatchException(KintoException):
    """Some sub-requests of a batch failed; every other one was applied.

    ``exceptions`` holds one typed error per failed sub-request, ``results`` every
    sub-response body in request order, ``responses`` every sub-response.
    """

    def __init__(
        self,
        exceptions: Sequence[KintoAPIError],
        failed: Sequence[BatchSubResponse],
        responses: Sequence[BatchSubResponse],
    ) -> None:
        self.exceptions = list(exceptions)
        self.failed = list(failed)
        self.responses = list(responses)
        self.results = [r.body for r in responses]
        lines = [
            f"#{r.index} {r.method} {r.path} -> {err}"
            for r, err in zip(self.failed, self.exceptions, strict=True)
        ]
        summary = f"{len(self.failed)} of {len(self.responses)} batch requests failed"
        super().__init__(summary + ":\n  " + "\n  ".join(lines))


_BY_STATUS: dict[int, type[KintoAPIError]] = {
    401: KintoAuthenticationError,
    403: KintoPermissionDenied,
    404: KintoNotFound,
    410: KintoNotFound,
    409: KintoConflict,
    412: KintoPreconditionFailed,
    429: KintoRateLimited,
}


_FORBIDDEN: dict[type[KintoNotFound], type[KintoAPIError]] = {
    BucketNotFound: BucketForbidden,
    CollectionNotFound: CollectionForbidden,
}


def _error_class(status: int) -> type[KintoAPIError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return KintoServerError
    if status >= 400:
        return KintoBadRequest
    return KintoAPIError


def error_from_parts(
    status: int,
    headers: httpx.Headers,
    body: Any,
    *,
    excerpt: str = "",
    response: httpx.Response | None = None,
    redactor: Redactor = default_redactor,
    not_found: type[KintoNotFound] | None = None,
) -> KintoAPIError:
    errno: int | None = None
    message = excerpt
    if isinstance(body, dict):
        raw_errno = body.get("errno")
        errno = raw_errno if isinstance(raw_errno, int) else None
        message = str(body.get("message") or body.get("error") or excerpt)
    elif not message:
        message = "no error body"
    cls: type[KintoAPIError] = _error_class(status)
    if not_found is not None and status == 404:
        cls = not_found
    elif not_found is not None and status == 403:
        cls = _FORBIDDEN.get(not_found, cls)
    kwargs: dict[str, Any] = {
        "status": status,
        "code": errno,
        "headers": headers,
        "body": body,
        "response": response,
        "redactor": redactor,
    }
    if issubclass(cls, RateLimitError):
        kwargs["retry_after"] = parse_retry_after(headers)
    return cls(message, **kwargs)


def error_from_response(
    response: httpx.Response,
    *,
    redactor: Redactor = default_redactor,
    not_found: type[KintoNotFound] | None = None,
) -> KintoAPIError:
    """A typed error for any error response, JSON or not (a proxy's HTML page, an empty body)."""
    body = decode_error_body(response)
    excerpt = "" if body is not None else body_excerpt(response, redactor)
    return error_from_parts(
        response.status_code,
        response.headers,
        body,
        excerpt=excerpt,
        response=response,
        redactor=redactor,
        not_found=not_found,
    )
