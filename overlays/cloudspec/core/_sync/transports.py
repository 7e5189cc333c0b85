# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Transport wrappers: retries with backoff, server-requested slow-down, debug output.

They wrap httpx's own transport, so auth flows run above them (each retry is
re-sent with the same, already-signed request) and vcrpy, which patches the
innermost transport, sees every attempt.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

import httpx

from .._backends import Sleep, sleep
from ..debug import format_request, format_response, logger, should_read_body
from ..redact import Redactor, default_redactor
from ..retry import EXT_RETRY, RetryPolicy, backoff_seconds

__all__ = ["DebugTransport", "RetryTransport"]

_log = logging.getLogger("cloudspec.retry")
_NO_RETRY = RetryPolicy(max_retries=0)


class RetryTransport(httpx.BaseTransport):
    """Re-sends a request when :class:`RetryPolicy` says it is safe and useful.

    ``sleep``, ``clock`` and ``jitter`` are injectable so tests record the
    delays instead of waiting. A per-request policy may ride in
    ``request.extensions["cloudspec.retry"]``.
    """

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Sleep = sleep,
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

    @property
    def policy(self) -> RetryPolicy:
        return self._policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get(EXT_RETRY, self._policy)
        if policy is None:  # explicitly off for this request
            policy = _NO_RETRY
        retries_taken = 0
        while True:
            self._wait_for_backoff(policy)
            try:
                response = self._wrapped.handle_request(request)
            except httpx.TransportError as exc:
                delay = policy.delay_for_error(request, exc, retries_taken, self._jitter())
                if delay is None:
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
                self._observe_backoff(policy, response)
                delay = policy.delay_for_response(
                    request, response, retries_taken, self._jitter(), now=time.time()
                )
                if delay is None:
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
                response.close()
            _rewind(request)
            self._sleep(delay)
            retries_taken += 1

    def _observe_backoff(self, policy: RetryPolicy, response: httpx.Response) -> None:
        if policy.backoff_header is None:
            return
        seconds = backoff_seconds(response.headers, policy.backoff_header)
        if seconds is not None:
            seconds = min(seconds, policy.backoff_cap)
            self._not_before = max(self._not_before, self._clock() + seconds)

    def _wait_for_backoff(self, policy: RetryPolicy) -> None:
        if policy.backoff_header is None:
            return
        wait = self._not_before - self._clock()
        if wait > 0:
            _log.info("server asked to back off: waiting %.2fs", wait)
            self._sleep(min(wait, policy.backoff_cap))

    def close(self) -> None:
        self._wrapped.close()


def _rewind(request: httpx.Request) -> None:
    rewind = getattr(request.stream, "rewind", None)
    if callable(rewind):
        rewind()


class DebugTransport(httpx.BaseTransport):
    """Prints each request and response (redacted) to the ``cloudspec.http`` logger."""

    def __init__(self, wrapped: httpx.BaseTransport, redactor: Redactor = default_redactor):
        self._wrapped = wrapped
        self._redactor = redactor

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(format_request(request, self._redactor))
        response = self._wrapped.handle_request(request)
        if logger.isEnabledFor(logging.DEBUG):
            content: bytes | None = None
            if should_read_body(response):
                content = response.read()
            logger.debug(format_response(response, self._redactor, content))
        return response

    def close(self) -> None:
        self._wrapped.close()
