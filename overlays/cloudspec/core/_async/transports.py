"""Transport wrappers: retries with backoff, server-requested slow-down, debug output.

They wrap httpx's own transport, so auth flows run above them (each retry is
re-sent with the same, already-signed request) and vcrpy, which patches the
innermost transport, sees every attempt.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import AsyncIterator, Callable
from typing import cast

import httpx

from .._backends import AsyncSleep, async_sleep
from ..budget import PerClientBudget, RetryBudget
from ..debug import format_request, format_response, logger, should_read_body
from ..limits import reads_whole
from ..redact import Redactor, default_redactor
from ..retry import EXT_RETRY, RetryPolicy, backoff_seconds

__all__ = ["AsyncDebugTransport", "AsyncRetryTransport"]

_log = logging.getLogger("cloudspec.retry")
_NO_RETRY = RetryPolicy(max_retries=0)


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Re-sends a request when :class:`RetryPolicy` says it is safe and useful.

    ``sleep``, ``clock`` and ``jitter`` are injectable so tests record the
    delays instead of waiting. A per-request policy may ride in
    ``request.extensions["cloudspec.retry"]``.

    Every retry is paid from :attr:`budget` (see ``cloudspec.core.budget``): the
    transport's own bucket unless the policy shares one or turns it off. A retry
    the budget cannot pay is not made; the failure goes to the caller at once.
    A healthy answer (below 500, not 408 or 429) refills it.
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: AsyncSleep = async_sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy or RetryPolicy()
        self._sleep = sleep
        self._clock = clock
        self._jitter = jitter
        # Deadline set by the server's Backoff header: no request leaves before it.
        self._not_before = 0.0
        chosen = self._policy.budget
        self._budget = chosen.new_budget() if isinstance(chosen, PerClientBudget) else chosen

    @property
    def policy(self) -> RetryPolicy:
        return self._policy

    @property
    def budget(self) -> RetryBudget | None:
        """The bucket this client's retries are paid from (None: no budget)."""
        return self._budget

    def _budget_for(self, policy: RetryPolicy) -> RetryBudget | None:
        # A per-request policy saying PerClientBudget means this client's own bucket.
        return self._budget if isinstance(policy.budget, PerClientBudget) else policy.budget

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get(EXT_RETRY, self._policy)
        if policy is None:  # explicitly off for this request
            policy = _NO_RETRY
        budget = self._budget_for(policy)
        retries_taken = 0
        last_cost: int | None = None  # tokens the latest retry took
        while True:
            await self._wait_for_backoff(policy)
            try:
                response = await self._wrapped.handle_async_request(request)
                self._observe_backoff(policy, response)
                delay = policy.delay_for_response(
                    request, response, retries_taken, self._jitter(), now=time.time()
                )
                if delay is None and policy.retries_broken_body(request, retries_taken):
                    # A body cut mid-way is a dropped connection too: read it here, while a
                    # retry is still possible (only a body the caller reads whole anyway).
                    await _read_whole_body(request, response)
            except httpx.TransportError as exc:
                delay = policy.delay_for_error(request, exc, retries_taken, self._jitter())
                if delay is None:
                    raise
                if budget is not None:
                    last_cost = budget.try_acquire(exc)
                    if last_cost is None:
                        _log_budget_spent(request, type(exc).__name__, budget)
                        raise
                _log.info(
                    "retrying %s %s in %.2fs after %s (retry %d of %d)",
                    request.method,
                    request.url.path,
                    delay,
                    type(exc).__name__,
                    retries_taken + 1,
                    policy.max_retries,
                )
            else:
                if delay is None:
                    if budget is not None and _healthy(response):
                        budget.record_success(last_cost)
                    return response
                # Polling a 202 + Retry-After (the server asked to come back) costs nothing.
                if budget is not None and response.status_code != 202:
                    last_cost = budget.try_acquire(None)
                    if last_cost is None:
                        _log_budget_spent(request, f"status {response.status_code}", budget)
                        return response
                _log.info(
                    "retrying %s %s in %.2fs after status %d (retry %d of %d)",
                    request.method,
                    request.url.path,
                    delay,
                    response.status_code,
                    retries_taken + 1,
                    policy.max_retries,
                )
                await response.aclose()
            _rewind(request)
            await self._sleep(delay)
            retries_taken += 1

    def _observe_backoff(self, policy: RetryPolicy, response: httpx.Response) -> None:
        if policy.backoff_header is None:
            return
        seconds = backoff_seconds(response.headers, policy.backoff_header)
        if seconds is not None:
            seconds = min(seconds, policy.backoff_cap)
            self._not_before = max(self._not_before, self._clock() + seconds)

    async def _wait_for_backoff(self, policy: RetryPolicy) -> None:
        if policy.backoff_header is None:
            return
        wait = self._not_before - self._clock()
        if wait > 0:
            _log.info("server asked to back off: waiting %.2fs", wait)
            await self._sleep(min(wait, policy.backoff_cap))

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def _healthy(response: httpx.Response) -> bool:
    """The service answered as a working service does (a 404 or 409 included)."""
    status = response.status_code
    return status < 500 and status not in (408, 429)


def _log_budget_spent(request: httpx.Request, reason: str, budget: RetryBudget) -> None:
    _log.info(
        "not retrying %s %s after %s: retry budget spent (%d of %d tokens left)",
        request.method,
        request.url.path,
        reason,
        budget.available,
        budget.capacity,
    )


async def _read_whole_body(request: httpx.Request, response: httpx.Response) -> None:
    """Reads a body the caller reads whole anyway (:func:`~cloudspec.core.limits.reads_whole`)
    into memory, through the body-size cap below, so that a connection dropped or reset
    mid-body, or a body shorter than its ``Content-Length``, reaches the retry loop as the
    transport error it is. On any error the response is closed (its connection released) and
    the error raised. A streamed body (a download) is left alone: memory stays constant.

    The bytes read, still encoded, become the response's stream again, so every caller sees
    an ordinary unread response: ``aread()``, ``aiter_bytes()``, ``aiter_raw()``, ``.json()``,
    and ``elapsed`` once it is read. (``Response.aread()`` here would leave it read and closed
    instead: httpx then has no ``elapsed`` for it, and ``aiter_raw()`` raises
    ``StreamConsumed``.)
    """
    if response.is_stream_consumed or not reads_whole(request, response.headers):
        return  # already read (the debug transport printed it), or streamed
    stream = cast(httpx.AsyncByteStream, response.stream)
    try:
        chunks = [chunk async for chunk in stream]
    except Exception:
        await response.aclose()
        raise
    await stream.aclose()
    response.stream = _ReadBody(b"".join(chunks))


class _ReadBody(httpx.AsyncByteStream):
    """A body read already, handed out once: the bytes go when the caller reads them, so the
    response and its stream (httpx ties them in a reference cycle) keep no second copy."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content, self._content = self._content, b""
        if content:
            yield content


def _rewind(request: httpx.Request) -> None:
    rewind = getattr(request.stream, "rewind", None)
    if callable(rewind):
        rewind()


class AsyncDebugTransport(httpx.AsyncBaseTransport):
    """Prints each request and response (redacted) to the ``cloudspec.http`` logger."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport, redactor: Redactor = default_redactor):
        self._wrapped = wrapped
        self._redactor = redactor

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(format_request(request, self._redactor))
        response = await self._wrapped.handle_async_request(request)
        if logger.isEnabledFor(logging.DEBUG):
            content: bytes | None = None
            if should_read_body(response):
                content = await response.aread()
            # A server may echo the request's credentials back: hide those too.
            redactor = self._redactor.with_credentials_of(request.headers.items())
            logger.debug(format_response(response, redactor, content))
        return response

    async def aclose(self) -> None:
        await self._wrapped.aclose()
