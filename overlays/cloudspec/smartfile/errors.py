"""SmartFile errors: the original client's names, typed by status underneath.

Code written for the original catches ``APIError`` (everything), ``RequestError`` (no usable
answer: a dropped connection, a timeout, throttled three times) and ``ResponseError`` (an
error status, with ``.response``, ``.status_code`` and ``.detail``; ``str()`` is
``"Response <status>: <detail>"``). Each of those is also the matching ``cloudspec.core``
class, and ``ResponseError`` has a subclass per status (``NotFoundError`` is also a core
``NotFoundError``), so new code can be precise.

``detail`` is chosen as the original chose it, except that a JSON ``{"detail": ...}`` is read
(the original showed the raw bytes): ``field_errors`` of a 400, else the first message of
``src`` (a failed move) or ``path`` (a failed remove), else ``detail``; a body that is not JSON
gives ``'Invalid URL, check your API path'`` for a 404 and ``'Server error; check response for
errors'`` otherwise.

Tasks add ``TaskError`` (``TaskFailed``, ``TaskTimeout``, ``PartialFailure``) for operations
that run on the server after the call returned.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from cloudspec.core import errors as core
from cloudspec.core.redact import Redactor, default_redactor

from .throttle import throttle_wait

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ContentDecodingError",
    "ConnectionError",
    "MalformedResponseError",
    "NotFoundError",
    "PartialFailure",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RangeNotSatisfiableError",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "ServerError",
    "TaskError",
    "TaskFailed",
    "TaskTimeout",
    "ThrottledError",
    "TimeoutError",
    "error_from_response",
    "map_transport_errors",
    "transport_error",
]

INVALID_URL = "Invalid URL, check your API path"
SERVER_ERROR = "Server error; check response for errors"


class APIError(core.CloudspecError):
    """Base of every SmartFile error (also raised for missing or short credentials)."""


class RequestError(APIError):
    """No usable answer. ``exc`` is the cause (an exception or a message), ``detail`` its
    text, which ``str()`` returns."""

    def __init__(self, exc: BaseException | str) -> None:
        self.exc = exc
        self.detail = str(exc)
        super().__init__(self.detail)

    def __str__(self) -> str:
        return self.detail


class ConnectionError(RequestError, core.ConnectionError):
    """The connection failed or dropped."""


class TimeoutError(RequestError, core.TimeoutError):
    """No answer in time."""


class TransportError(RequestError, core.TransportError):
    """Another transport failure (an invalid URL, an unsupported protocol)."""


class ContentDecodingError(TransportError, core.ContentDecodingError):
    """A body whose gzip/deflate coding is broken (httpx's ``DecodingError``)."""


class ThrottledError(RequestError):
    """Still throttled after the allowed retries (the original's "Could not complete request
    after 3 trys."); ``retry_after`` is the server's last requested wait, in seconds."""

    def __init__(self, exc: BaseException | str, retry_after: float | None = None) -> None:
        super().__init__(exc)
        self.retry_after = retry_after


class ResponseError(APIError, core.APIError):
    """An error status. ``detail`` is a message, or a dict of field errors for a 400."""

    detail: str | dict[str, Any]

    def __init__(
        self,
        response: httpx.Response,
        detail: str | dict[str, Any],
        *,
        body: Any = None,
        redactor: Redactor = default_redactor,
    ) -> None:
        self.detail = detail
        message = detail if isinstance(detail, str) else _fields_text(detail)
        core.APIError.__init__(
            self,
            message,
            status=response.status_code,
            headers=response.headers,
            body=body,
            response=response,
            redactor=redactor,
        )

    @property
    def field_errors(self) -> dict[str, builtins.list[str]]:
        """Messages per form field of a validation error (empty otherwise)."""
        if not isinstance(self.body, Mapping):
            return {}
        source = self.body.get("field_errors", self.body)
        if not isinstance(source, Mapping):
            return {}
        return {
            str(name): [str(m) for m in (msgs if isinstance(msgs, list) else [msgs])]
            for name, msgs in source.items()
            if name != "detail"
        }

    def __str__(self) -> str:
        return f"Response {self.status}: {self.message}"


class BadRequestError(ResponseError, core.BadRequestError):
    """400: a missing or invalid form field (see ``field_errors``), a bad operation."""


class AuthenticationError(ResponseError, core.AuthenticationError):
    """401: no credentials, or wrong ones."""


class PermissionDeniedError(ResponseError, core.PermissionDeniedError):
    """403: not allowed, or an OAuth request the server could not verify."""


class NotFoundError(ResponseError, core.NotFoundError):
    """404: no such path, task, link or user (or no such API URL)."""


class ConflictError(ResponseError, core.ConflictError):
    """409: the path exists already, or changed under the operation."""


class PreconditionFailedError(ResponseError, core.PreconditionFailedError):
    """412: a precondition of the request did not hold."""


class RangeNotSatisfiableError(ResponseError, core.BadRequestError):
    """416: a Range (download) or an append offset that does not fit the file."""


class RateLimitError(ResponseError, core.RateLimitError):
    """429 (or the older 503 + ``X-Throttle``) when throttle retries are off or spent."""

    def __init__(
        self,
        response: httpx.Response,
        detail: str | dict[str, Any],
        *,
        body: Any = None,
        redactor: Redactor = default_redactor,
    ) -> None:
        super().__init__(response, detail, body=body, redactor=redactor)
        self.retry_after = throttle_wait(response)


class ServerError(ResponseError, core.ServerError):
    """5xx."""


class MalformedResponseError(ResponseError, core.MalformedResponseError):
    """SmartFile answered a body the client cannot use (not JSON, the wrong shape, too big):
    a :class:`ResponseError` (and a core ``MalformedResponseError``), with ``excerpt``."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 200,
        headers: httpx.Headers | None = None,
        response: httpx.Response | None = None,
        excerpt: str = "",
        redactor: Redactor = default_redactor,
    ) -> None:
        self.detail = message
        self.excerpt = excerpt
        core.APIError.__init__(
            self,
            message,
            status=status,
            headers=headers,
            response=response,
            redactor=redactor,
        )


class TaskError(APIError):
    """A server-side operation (move, copy, remove, checksum, compress) did not succeed.
    ``task`` is its last state as the server reported it."""

    def __init__(self, message: str, task: Any = None) -> None:
        super().__init__(message)
        self.task = task


class TaskFailed(TaskError):
    """The task ended in ``FAILURE``; ``errors`` maps each path to its message."""

    def __init__(
        self, message: str, task: Any = None, errors: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message, task)
        self.errors = dict(errors or {})


class PartialFailure(TaskFailed):
    """The task ended in ``SUCCESS`` but some paths failed (``errors``); the others are
    done."""


class TaskTimeout(TaskError, core.TimeoutError):
    """The task was still running when the wait ran out; it may yet finish."""


_BY_STATUS: dict[int, type[ResponseError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: NotFoundError,
    412: PreconditionFailedError,
    416: RangeNotSatisfiableError,
    429: RateLimitError,
}


def _fields_text(fields: Mapping[str, Any]) -> str:
    parts = []
    for name, messages in fields.items():
        text = "; ".join(str(m) for m in messages) if isinstance(messages, list) else messages
        parts.append(f"{name}: {text}")
    return ", ".join(parts)


def _first(value: Any) -> str | None:
    if isinstance(value, list) and value:
        return str(value[0])
    return value if isinstance(value, str) else None


def _detail(status: int, body: Any, is_json: bool) -> str | dict[str, Any]:
    if not is_json:
        return INVALID_URL if status == 404 else SERVER_ERROR
    if isinstance(body, Mapping):
        fields = body.get("field_errors")
        if status == 400 and isinstance(fields, Mapping):
            return dict(fields)
        for key in ("src", "path"):
            first = _first(body.get(key))
            if first is not None:
                return first
        detail = body.get("detail")
        if isinstance(detail, str):
            return detail
        if status == 400 and body:
            return dict(body)
    return SERVER_ERROR if body is None else str(body)


def error_from_response(
    response: httpx.Response, *, redactor: Redactor = default_redactor
) -> ResponseError:
    """The typed error for an error answer (its body already read)."""
    status = response.status_code
    body = core.decode_error_body(response)
    is_json = body is not None
    excerpt = "" if is_json else core.body_excerpt(response, redactor)
    if not is_json and status == 403 and excerpt:
        detail: str | dict[str, Any] = excerpt  # "Could not verify OAuth request."
    else:
        detail = _detail(status, body, is_json)
    if isinstance(detail, str):
        detail = redactor.text(detail)
    if status in _BY_STATUS:
        cls = _BY_STATUS[status]
    elif status == 503 and throttle_wait(response) is not None:
        cls = RateLimitError
    elif status >= 500:
        cls = ServerError
    elif status >= 400:
        cls = BadRequestError
    else:
        cls = ResponseError
    return cls(response, detail, body=body, redactor=redactor)


_BY_KIND: dict[type[core.TransportError], type[RequestError]] = {
    core.TimeoutError: TimeoutError,
    core.ConnectionError: ConnectionError,
    core.ContentDecodingError: ContentDecodingError,
    core.TransportError: TransportError,
}


def transport_error(exc: BaseException, redactor: Redactor = default_redactor) -> RequestError:
    """The ``RequestError`` for a transport failure (httpx's, or cloudspec.core's), with
    ``exc`` as its cause: core's classification, as this family's classes."""
    cls = _BY_KIND[core.transport_error_kind(exc) or core.TransportError]
    error = cls(exc)
    error.detail = redactor.text(f"{type(exc).__name__}: {exc}")
    error.args = (error.detail,)
    return error


@contextmanager
def map_transport_errors(redactor: Redactor = default_redactor) -> Iterator[None]:
    """httpx's transport exceptions as the original's ``RequestError`` family (``exc`` is the
    httpx exception; each class is also the matching ``cloudspec.core`` one)."""
    try:
        yield
    except core.TRANSPORT_FAILURES as exc:
        raise transport_error(exc, redactor) from exc
