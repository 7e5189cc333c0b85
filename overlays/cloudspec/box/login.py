"""Log in through the browser from a terminal: the loopback flow for command-line tools."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

import httpx

from cloudspec.core.config import DEFAULT_TIMEOUT, TimeoutTypes, VerifyTypes
from cloudspec.core.tokens import Token, TokenStore

from ._sync.oauth import BoxAuthenticateFlow
from .loopback import LoopbackReceiver
from .urls import BoxURLs

__all__ = ["login_with_browser"]


def login_with_browser(
    client_id: str,
    client_secret: str,
    *,
    urls: BoxURLs | None = None,
    port: int = 0,
    path: str = "/callback",
    scope: str | None = None,
    open_browser: Callable[[str], object] = webbrowser.open,
    timeout: float = 300.0,
    store: TokenStore | None = None,
    http_timeout: TimeoutTypes = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    verify: VerifyTypes = True,
) -> Token:
    """Open Box's authorize page, receive the redirect on ``127.0.0.1:<port><path>``, check its
    ``state``, trade the code for tokens and (if given) save them in ``store``.

    The app's redirect URI must be ``http://127.0.0.1<path>`` (any port is accepted for
    loopback addresses, RFC 8252 §7.3) or exactly the one this listens on. ``open_browser``
    receives the URL: pass ``print`` on a machine without a browser and open it elsewhere.
    """
    with LoopbackReceiver(port=port, path=path) as receiver:
        flow = BoxAuthenticateFlow(
            client_id,
            client_secret,
            receiver.redirect_uri,
            urls=urls,
            timeout=http_timeout,
            transport=transport,
            verify=verify,
        )
        with flow:
            open_browser(flow.get_authorization_url(scope=scope))
            token = flow.complete(receiver.wait(timeout))
    if store is not None:
        store.save(token)
    return token
