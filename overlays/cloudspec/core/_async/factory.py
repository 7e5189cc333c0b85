"""The one place an httpx client is built: real timeouts, retries, debug output, auth."""

from __future__ import annotations

import ssl
import warnings

import httpx

from .._backends import AsyncSleep, async_sleep
from ..config import DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT, TimeoutTypes
from ..debug import enable_debug_output
from ..redact import Redactor, default_redactor
from ..retry import RetryPolicy
from .transports import AsyncDebugTransport, AsyncRetryTransport

__all__ = ["build_async_client"]


def build_async_client(
    base_url: str,
    *,
    auth: httpx.Auth | None = None,
    timeout: TimeoutTypes = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    headers: dict[str, str] | None = None,
    debug: bool = False,
    redactor: Redactor = default_redactor,
    verify: bool | str | ssl.SSLContext = True,
    transport: httpx.AsyncBaseTransport | None = None,
    limits: httpx.Limits = DEFAULT_LIMITS,
    follow_redirects: bool = False,
    sleep: AsyncSleep = async_sleep,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` with cloudspec's defaults.

    ``transport`` replaces the network transport (tests pass ``httpx.MockTransport``);
    retries and debug output still wrap it. ``timeout=None`` is refused: a
    client without a timeout can hang forever, so pass a large value instead.
    """
    if timeout is None:
        raise ValueError("timeout=None would wait forever; pass a number of seconds")
    if verify is False:
        warnings.warn(
            "TLS certificate verification is off: anyone on the network path can "
            "read and change this traffic",
            stacklevel=2,
        )
    inner: httpx.AsyncBaseTransport = transport or httpx.AsyncHTTPTransport(
        verify=verify, limits=limits
    )
    if debug:
        enable_debug_output()
        inner = AsyncDebugTransport(inner, redactor)
    outer = AsyncRetryTransport(inner, retry or RetryPolicy(), sleep=sleep)
    all_headers = {"User-Agent": USER_AGENT}
    all_headers.update(headers or {})
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=all_headers,
        transport=outer,
        follow_redirects=follow_redirects,
    )
