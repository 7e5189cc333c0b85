"""When to retry and how long to wait: pure decisions, no I/O.

The transports in ``cloudspec.core.transports`` ask these functions and do the
sleeping. Rules, in the order they apply:

* Nothing is re-sent whose body cannot be replayed byte for byte.
* A failure before the request left (connect error, pool timeout) is retried
  for every method: the server never saw it.
  A certificate that fails to verify is never retried: it would fail again.
* Other failures (a read error, a timeout, 408/5xx) are retried only for
  requests that are safe to repeat: GET, HEAD, OPTIONS, PUT, DELETE, a
  conditional write (``If-Match``: a replay cannot apply twice), or a request
  the overlay marked ``extensions["cloudspec.idempotent"] = True``.
* A body cut mid-way (dropped or reset after the headers, shorter than its
  ``Content-Length``) is such a read error: for a body read whole anyway
  (``cloudspec.core.limits.reads_whole``) of a request safe to repeat, the
  transport reads it before returning, so it is retried like a dropped
  connection (same backoff, budget cost and attempt limit). Streamed downloads
  are not read ahead; their resume logic is the caller's.
* 429 is retried for every method: the server refused the request unread.
* ``x-should-retry: true|false`` from the server wins, except for 2xx, 401, 409, 412.
* 401, 409 and 412 are never retried here: the auth flow owns 401, and in
  storage 409/412 are real conflicts.
* ``Retry-After`` (``retry-after-ms``, seconds or an HTTP date) is honoured up
  to ``retry_after_cap``; a longer demand is not retried, the caller sees the
  error; 0 or a past date falls back to backoff. Otherwise the wait is
  exponential, with jitter that only shortens it.
* Every retry is paid from the client's retry budget (``cloudspec.core.budget``,
  a token bucket as in botocore's "standard" mode); when it is spent, the
  error is returned at once. Polling a 202 + ``Retry-After`` is not a failure
  and costs nothing.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import ssl
import time
from collections.abc import Mapping

import attrs
import httpx

from .budget import PerClientBudget, RetryBudget

__all__ = [
    "EXT_IDEMPOTENT",
    "EXT_RETRY",
    "RetryPolicy",
    "is_certificate_error",
    "is_replayable",
    "is_safe_to_repeat",
    "parse_retry_after",
    "safe_to_repeat",
]

# Request extensions the overlays set; they never reach the wire.
EXT_RETRY = "cloudspec.retry"
EXT_IDEMPOTENT = "cloudspec.idempotent"

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
# The auth flow owns 401; in storage 409 and 412 are real conflicts.
_NEVER_RETRIED = frozenset({401, 409, 412})
_NOT_SENT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


# A frozen value, so one instance serves as the default of every policy.
_PER_CLIENT = PerClientBudget()


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How a client retries. Frozen: share it freely, change it with ``attrs.evolve``."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    retry_after_cap: float = 60.0
    statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
    # Box answers 202 + Retry-After while a commit or representation is not ready.
    retry_accepted_with_retry_after: bool = False
    # Name of a header by which the server asks every client to slow down
    # (Kinto's ``Backoff``); the transport then waits before the next request.
    backoff_header: str | None = None
    backoff_cap: float = 60.0
    # What pays for retries: by default each client builds its own bucket of this size
    # (PerClientBudget); a RetryBudget is shared by every client given it; None: no budget,
    # only max_retries limits retries (a service failing everything then gets
    # (1 + max_retries) requests per call).
    budget: PerClientBudget | RetryBudget | None = _PER_CLIENT

    def for_client(self) -> RetryPolicy:
        """This policy with its per-client budget made a live :class:`RetryBudget`.

        A facade that builds several httpx clients (Box: the API and the token endpoint)
        gives each the result, so one client object has one budget. A shared bucket or
        ``None`` is kept as it is.
        """
        if isinstance(self.budget, PerClientBudget):
            return attrs.evolve(self, budget=self.budget.new_budget())
        return self

    def backoff_delay(self, retries_taken: int, jitter: float) -> float:
        """``jitter`` is a number in [0, 1); it only ever shortens the wait."""
        n = min(retries_taken, 1000)
        delay = min(self.initial_delay * math.pow(2.0, n), self.max_delay)
        return max(0.0, delay * (1 - 0.25 * jitter))

    def delay_for_error(
        self, request: httpx.Request, error: Exception, retries_taken: int, jitter: float
    ) -> float | None:
        """Seconds to wait before re-sending after a transport error, or None to give up."""
        if retries_taken >= self.max_retries or not is_replayable(request):
            return None
        if not isinstance(error, httpx.TransportError) or is_certificate_error(error):
            return None
        if isinstance(error, _NOT_SENT_ERRORS) or is_safe_to_repeat(request):
            return self.backoff_delay(retries_taken, jitter)
        return None

    def retries_broken_body(self, request: httpx.Request, retries_taken: int) -> bool:
        """Whether a body cut mid-way (a read error after the headers came) would be retried:
        what :meth:`delay_for_error` answers for such an error, without drawing a wait."""
        return (
            retries_taken < self.max_retries
            and is_replayable(request)
            and is_safe_to_repeat(request)
        )

    def delay_for_response(
        self,
        request: httpx.Request,
        response: httpx.Response,
        retries_taken: int,
        jitter: float,
        now: float | None = None,
    ) -> float | None:
        """Seconds to wait before re-sending after this response, or None to return it."""
        status = response.status_code
        if retries_taken >= self.max_retries or not is_replayable(request):
            return None
        if status in _NEVER_RETRIED or (status < 400 and status != 202):
            return None
        should = response.headers.get("x-should-retry")
        if should == "false":
            return None
        retry_after = parse_retry_after(response.headers, now=now)
        if status == 202:
            if not (self.retry_accepted_with_retry_after and retry_after is not None):
                return None
        elif should != "true":
            if status not in self.statuses:
                return None
            if status != 429 and not is_safe_to_repeat(request):
                return None
        # Retry-After of 0 or a date in the past (clock skew) would make every retry go
        # out at once: fall back to backoff then.
        if retry_after is not None and retry_after > 0:
            if retry_after > self.retry_after_cap:
                return None
            return retry_after
        return self.backoff_delay(retries_taken, jitter)


def is_certificate_error(error: BaseException) -> bool:
    """Whether ``error`` comes from a certificate that failed to verify: the same
    certificate comes back on every attempt, so retrying only delays the error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def is_safe_to_repeat(request: httpx.Request) -> bool:
    """True when sending the request twice has the effect of sending it once."""
    return safe_to_repeat(request.method, request.headers, request.extensions.get(EXT_IDEMPOTENT))


def safe_to_repeat(method: str, headers: Mapping[str, str], marked: object = None) -> bool:
    """:func:`is_safe_to_repeat` for a request not built yet (a batch sub-request)."""
    if marked is not None:
        return bool(marked)
    if method.upper() in _SAFE_METHODS:
        return True
    names = {name.lower(): value for name, value in headers.items()}
    # Conditional writes: a replay after success is refused (412), never applied twice.
    return "if-match" in names or names.get("if-none-match") == "*"


def is_replayable(request: httpx.Request) -> bool:
    """True when the request body can be sent again byte for byte."""
    stream = request.stream
    if isinstance(stream, httpx.ByteStream):
        return True
    # Upload streams that know how to seek back to their start (the transfer engine's).
    return callable(getattr(stream, "rewind", None))


def parse_retry_after(
    headers: Mapping[str, str] | httpx.Headers, now: float | None = None
) -> float | None:
    """Seconds the server asked us to wait: ``retry-after-ms``, then ``Retry-After``."""
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            ms = float(value)
        except ValueError:
            ms = math.nan
        if math.isfinite(ms) and ms >= 0:
            return ms / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # asctime dates carry no zone; HTTP dates are GMT
        parsed = parsed.replace(tzinfo=datetime.UTC)
    current = time.time() if now is None else now
    return max(0.0, parsed.timestamp() - current)


def backoff_seconds(headers: httpx.Headers, header: str) -> float | None:
    value = headers.get(header)
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None
