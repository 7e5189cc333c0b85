"""The one place an httpx client is built: real timeouts, retries, debug output, auth."""

from __future__ import annotations

import os
import ssl
import sys
import warnings

import attrs
import httpx

from .._backends import AsyncSleep, async_sleep
from ..budget import PerClientBudget
from ..config import DEFAULT_LIMITS, DEFAULT_TIMEOUT, USER_AGENT, TimeoutTypes
from ..debug import enable_debug_output
from ..proxies import environment_proxies
from ..redact import Redactor, default_redactor
from ..retry import RetryPolicy
from .limits import AsyncBodyLimitTransport
from .transports import AsyncDebugTransport, AsyncRetryTransport

__all__ = ["build_async_client"]

# Every cloudspec source root shares this parent (overlays/cloudspec in a checkout, the
# installed cloudspec/ in a wheel): frames under it are the library's, not the user's.
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _user_stacklevel() -> int:
    """The ``stacklevel`` that points a warning raised by our caller at the user's code.

    Clients reach the factory through one or more of their own constructors (``Bucket`` ->
    ``KintoClient`` -> here): a fixed level would blame a cloudspec file.
    """
    frame = sys._getframe(1)  # the function calling warnings.warn: level 1
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR + os.sep):
        frame = frame.f_back
        level += 1
    return level


def _tls_context(verify: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    """A CA bundle path (a file, or a directory of hashed certificates) as an SSLContext:
    httpx 0.28 deprecates ``verify=<str>``."""
    if not isinstance(verify, str):
        return verify
    if os.path.isdir(verify):
        return ssl.create_default_context(capath=verify)
    return ssl.create_default_context(cafile=verify)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


async def _keep_bodies_home(response: httpx.Response) -> None:
    """A 307/308 keeps the method and the body (a password form, a signed upload): one that
    points at another origin is not followed, and is answered to the caller as it came.

    httpx already drops ``Authorization`` on a redirect to another origin, but not the body.
    """
    if response.status_code not in (307, 308) or response.request.method in ("GET", "HEAD"):
        return
    location = response.headers.get("location")
    if location is None:
        return
    target = response.request.url.join(location)
    if _origin(target) != _origin(response.request.url):
        del response.headers["location"]


def _wrap(
    network: httpx.AsyncBaseTransport,
    *,
    policy: RetryPolicy,
    sleep: AsyncSleep,
    debug: bool,
    redactor: Redactor,
    max_response_bytes: int | None,
) -> AsyncRetryTransport:
    """cloudspec's stack around one network transport: retry -> debug -> body cap -> it."""
    inner: httpx.AsyncBaseTransport = AsyncBodyLimitTransport(network, max_response_bytes)
    if debug:
        inner = AsyncDebugTransport(inner, redactor)
    return AsyncRetryTransport(inner, policy, sleep=sleep)


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
    max_response_bytes: int | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` with cloudspec's defaults.

    ``transport`` replaces the network transport (tests pass ``httpx.MockTransport``);
    retries and debug output still wrap it, and so does the cap on JSON/HTML bodies
    (``max_response_bytes``, default :func:`~cloudspec.core.limits.default_max_response_bytes`).
    Without ``transport``, the environment's proxies (``HTTP_PROXY``, ``HTTPS_PROXY``,
    ``ALL_PROXY``, ``NO_PROXY``, read as httpx reads them) are used, under the same layers.
    ``timeout=None`` is refused: a
    client without a timeout can hang forever, so pass a large value instead.
    """
    if timeout is None:
        raise ValueError("timeout=None would wait forever; pass a number of seconds")
    if verify is False:
        warnings.warn(
            "TLS certificate verification is off: anyone on the network path can "
            "read and change this traffic",
            stacklevel=_user_stacklevel(),
        )
    if debug:
        enable_debug_output()
    policy = retry or RetryPolicy()
    tls = _tls_context(verify)

    def wrap(network: httpx.AsyncBaseTransport, policy: RetryPolicy) -> AsyncRetryTransport:
        return _wrap(
            network,
            policy=policy,
            sleep=sleep,
            debug=debug,
            redactor=redactor,
            max_response_bytes=max_response_bytes,
        )

    outer = wrap(transport or httpx.AsyncHTTPTransport(verify=tls, limits=limits), policy)
    # Environment proxies (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY). httpx 0.28 reads
    # them only when no transport= is given (so beside ``outer`` they were ignored), and its
    # own proxy transports would skip this stack anyway; so they are read here and each proxy
    # gets a transport with the same verify and limits, wrapped in the same layers. A NO_PROXY
    # pattern mounts None: httpx's "use transport=", i.e. ``outer``. A transport= from the
    # caller (a test's MockTransport, a transport routing as it likes) is used for every URL,
    # as before: no proxy mounts then.
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    if transport is None:
        # One retry budget per client, whichever mount a request takes: the proxy stacks pay
        # from ``outer``'s bucket (a shared RetryBudget or None is already one object). The
        # server's Backoff deadline stays per stack: one origin is reached through one.
        shared = policy
        if isinstance(policy.budget, PerClientBudget):
            shared = attrs.evolve(policy, budget=outer.budget)
        for pattern, proxy in environment_proxies().items():
            mounts[pattern] = (
                None
                if proxy is None
                else wrap(httpx.AsyncHTTPTransport(proxy=proxy, verify=tls, limits=limits), shared)
            )
    all_headers = {"User-Agent": USER_AGENT}
    all_headers.update(headers or {})
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=timeout,
        headers=all_headers,
        transport=outer,
        mounts=mounts,
        # The environment's proxies are in ``mounts`` already (above); trust_env=False keeps
        # httpx from ever mounting bare proxy transports of its own beside them (0.28 reads
        # the environment only without transport=, but that is its detail, not a promise).
        trust_env=False,
        follow_redirects=follow_redirects,
        event_hooks={"response": [_keep_bodies_home]},
    )
