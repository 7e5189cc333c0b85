"""The exception tree shared by every cloudspec client.

::

    CloudspecError
    ├── APIError(status, code, message, request_id, headers, body)
    │   ├── BadRequestError            400, 405, 406, 411, 413, 415, 422
    │   ├── AuthenticationError        401
    │   │   └── ResendRequiredError    401 on a body that cannot be sent twice
    │   ├── PermissionDeniedError      403
    │   ├── NotFoundError              404, 410
    │   ├── ConflictError              409
    │   ├── PreconditionFailedError    412
    │   ├── RateLimitError(retry_after) 429
    │   ├── ServerError                5xx
    │   └── MalformedResponseError     a body that does not parse (any status)
    │       ├── ResponseTooLargeError  a body over the size cap
    │       └── UnsafeFileNameError    a server-supplied file name with nothing usable left
    ├── TransportError
    │   ├── TimeoutError    (also a builtins.TimeoutError)
    │   ├── ConnectionError (also a builtins.ConnectionError)
    │   └── ContentDecodingError  a body whose gzip/deflate/br/zstd coding is broken
    └── IntegrityError      checksum or size mismatch

Services subclass these and pick the class from the status and their own
error code. ``str()`` and ``repr()`` never show a secret: they are built from
the status, the service's code and a short, redacted excerpt of the body.
"""

from __future__ import annotations

import builtins
import contextlib
import json
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from typing import Any

import httpx

from .redact import Redactor, default_redactor

__all__ = [
    "TRANSPORT_FAILURES",
    "transport_error_kind",
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "CloudspecError",
    "ConflictError",
    "ConnectionError",
    "ContentDecodingError",
    "IntegrityError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "ResendRequiredError",
    "ResponseTooLargeError",
    "ServerError",
    "TimeoutError",
    "TransportError",
    "UnsafeFileNameError",
    "body_excerpt",
    "decode_error_body",
    "map_transport_errors",
    "status_error_class",
]

EXCERPT_CHARS = 200
MESSAGE_CHARS = 1000


class CloudspecError(Exception):
    """Base of every error a cloudspec client raises."""


class APIError(CloudspecError):
    """The service answered with an error status."""

    status: int
    code: str | int | None
    message: str
    request_id: str | None
    headers: httpx.Headers
    body: Any

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str | int | None = None,
        request_id: str | None = None,
        headers: httpx.Headers | Mapping[str, str] | None = None,
        body: Any = None,
        response: httpx.Response | None = None,
        redactor: Redactor = default_redactor,
    ) -> None:
        if response is not None:
            # An error body may echo the request back, credentials and all.
            with contextlib.suppress(RuntimeError):
                redactor = redactor.with_credentials_of(response.request.headers.items())
        self.status = status
        self.code = code
        # Redact, then cut: a server's message can be any size (a 100 KB "error" field).
        text = redactor.text(message)
        self.message = text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + "..."
        self.request_id = request_id
        self.headers = httpx.Headers(headers or {})
        self.body = body
        self.response = response
        self._redactor = redactor
        super().__init__(self.message)

    @property
    def status_code(self) -> int:
        return self.status

    @property
    def request(self) -> httpx.Request | None:
        if self.response is None:
            return None
        try:
            return self.response.request
        except RuntimeError:
            return None

    def __str__(self) -> str:
        reason = _reason(self.status)
        parts = [f"{self.status} {reason}".rstrip()]
        if self.code is not None:
            parts.append(f"[{self.code}]")
        if self.message:
            parts.append(self.message)
        text = " ".join(parts)
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIError):
    pass


class AuthenticationError(APIError):
    pass


class ResendRequiredError(AuthenticationError):
    """401 on a request whose body is a one-shot stream (a file being uploaded).

    The auth has refreshed the token already, but cannot send the body again: build the
    request anew (re-open the file) and send it; it will carry the new token.
    """


class PermissionDeniedError(APIError):
    pass


class NotFoundError(APIError):
    pass


class ConflictError(APIError):
    pass


class PreconditionFailedError(APIError):
    pass


class RateLimitError(APIError):
    """429. ``retry_after`` is the wait in seconds the server asked for, if any."""

    retry_after: float | None

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(APIError):
    pass


class MalformedResponseError(APIError):
    """The service answered, but with a body the client cannot use: not JSON, JSON of the
    wrong shape (a list where an object belongs, a missing key, a wrong type), too deep, too
    big. ``status`` is the answer's status (often 200); ``excerpt`` is a short, redacted,
    single-line excerpt of what arrived. Services subclass it together with their own error
    base, so ``except BoxError`` (say) catches it too.
    """

    excerpt: str

    def __init__(self, message: str, *, excerpt: str = "", **kw: Any) -> None:
        kw.setdefault("status", 200)
        super().__init__(message, **kw)
        self.excerpt = excerpt


class ResponseTooLargeError(MalformedResponseError):
    """A body larger than the cap (``cloudspec.core.limits``) was refused unread."""


class UnsafeFileNameError(MalformedResponseError, ValueError):
    """A file name from the server has no usable part left once made safe (``..``, ``/``,
    NUL only); also a ``ValueError``, as before."""


class TransportError(CloudspecError):
    """The request did not complete: no usable response was received."""


class TimeoutError(TransportError, builtins.TimeoutError):
    pass


class ConnectionError(TransportError, builtins.ConnectionError):
    pass


class ContentDecodingError(TransportError):
    """The body's ``Content-Encoding`` (gzip, deflate, br, zstd) could not be undone: httpx's
    ``DecodingError``.

    A ``TransportError`` rather than a :class:`MalformedResponseError`: httpx raises it while
    the body is read, inside ``send``/``stream`` or while iterating, carrying the request but
    not the response, so no status or headers are at hand for an ``APIError`` (a made-up 200
    would be wrong for a broken 404 page); and what arrived is no usable response, which is
    what ``TransportError`` means. Like any ``TransportError`` it may be re-sent by a facade's
    bounded, budgeted resume loop (a middlebox mangling one answer), never by the transport.
    """


class IntegrityError(CloudspecError):
    """Transferred data does not match its declared size or checksum."""


_BY_STATUS: dict[int, type[APIError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    410: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIError]:
    """The most specific core class for an HTTP error status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    if 400 <= status < 500:
        return BadRequestError
    return APIError


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def decode_error_body(response: httpx.Response) -> Any:
    """The JSON body of an error response, or ``None`` when it is not JSON."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):  # not JSON; nested too deep to decode
        return None


def body_excerpt(response: httpx.Response, redactor: Redactor = default_redactor) -> str:
    """A short, single-line, redacted excerpt of a body that is not JSON (an HTML page...)."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return ""
    # Redact before cutting: a secret straddling the cut would otherwise show its start.
    text = redactor.text(content.decode("utf-8", errors="replace"))
    text = " ".join(text[: EXCERPT_CHARS * 4].split())
    if len(text) > EXCERPT_CHARS:
        text = text[:EXCERPT_CHARS] + "..."
    return text


# Which cloudspec class each transport failure becomes, most specific first. httpx's own
# exceptions and cloudspec's (a resumed download re-raises those) are classified alike, so a
# service with its own subclasses (SmartFile) maps the kind instead of repeating the rules.
# A redirect loop gives no usable response either; a broken gzip/deflate body: see
# ContentDecodingError for why it is not an APIError.
_TRANSPORT_KINDS: tuple[tuple[tuple[type[BaseException], ...], type[TransportError]], ...] = (
    ((httpx.TimeoutException, builtins.TimeoutError), TimeoutError),
    ((httpx.DecodingError, ContentDecodingError), ContentDecodingError),
    (
        (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError, builtins.ConnectionError),
        ConnectionError,
    ),
    ((httpx.TransportError, httpx.TooManyRedirects, TransportError), TransportError),
)
TRANSPORT_FAILURES = (httpx.TransportError, httpx.TooManyRedirects, httpx.DecodingError)
"""The httpx exceptions :func:`map_transport_errors` turns into cloudspec's."""


def transport_error_kind(exc: BaseException) -> type[TransportError] | None:
    """The cloudspec class for the transport failure ``exc``, or None if it is not one."""
    for causes, kind in _TRANSPORT_KINDS:
        if isinstance(exc, causes):
            return kind
    return None


@contextlib.contextmanager
def map_transport_errors(redactor: Redactor = default_redactor) -> Iterator[None]:
    """Turns httpx's transport exceptions into cloudspec's, once, at the facade edge."""
    try:
        yield
    except TRANSPORT_FAILURES as exc:
        kind = transport_error_kind(exc) or TransportError
        raise kind(redactor.text(f"{type(exc).__name__}: {exc}")) from exc
