"""OAuth2 with Box: the authorization-code flow of the original SDK, and the refresh grant.

Box rotates refresh tokens: every refresh returns a new pair and kills the old refresh token.
:func:`async_refresh_token` only performs the grant; single flight, persistence before use and
the ``tokens_changed`` callback belong to :class:`cloudspec.core.AsyncRefreshingAuth`.
"""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from cloudspec.box_api.api.oauth import post_oauth2_revoke, post_oauth2_token
from cloudspec.core._async.factory import build_async_client
from cloudspec.core.config import DEFAULT_TIMEOUT, TimeoutTypes, VerifyTypes
from cloudspec.core.redact import default_redactor
from cloudspec.core.retry import RetryPolicy
from cloudspec.core.tokens import Token

from .. import _bodies as bodies
from ..errors import BoxAuthenticationError, BoxAuthFlowError, BoxError, BoxOAuthError
from ..loopback import Redirect
from ..urls import BoxURLs
from .http import AsyncBoxHTTP

__all__ = ["AsyncBoxAuthenticateFlow", "async_refresh_token", "token_from_json"]


def token_from_json(data: Any, *, now: float | None = None) -> Token:
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
        raise BoxError("Box's token endpoint answered without an access_token", status=200)
    expires_in = data.get("expires_in")
    issued = time.time() if now is None else now
    refresh = data.get("refresh_token")
    return Token(
        access_token=data["access_token"],
        refresh_token=refresh if isinstance(refresh, str) else None,
        token_type=str(data.get("token_type") or "bearer"),
        expires_at=issued + float(expires_in) if isinstance(expires_in, int | float) else None,
    )


async def async_refresh_token(
    http: AsyncBoxHTTP, client_id: str, client_secret: str, token: Token
) -> Token:
    """Trade ``token.refresh_token`` for a new pair (the old refresh token dies)."""
    if not token.refresh_token:
        raise BoxOAuthError(
            "no refresh token to renew the access token with", status=401, code="invalid_grant"
        )
    kwargs = post_oauth2_token._get_kwargs(
        body=bodies.refresh_grant(client_id, client_secret, token.refresh_token)
    )
    # Never re-sent by the transport: a refresh whose answer was lost has already rotated
    # the refresh token, and a replay would be refused anyway.
    try:
        data = await http.json(kwargs, idempotent=False)
    except BoxOAuthError as exc:
        # A spent or revoked refresh token means "log in again": an authentication error
        # for the caller, whatever status the token endpoint used (Box: 400).
        raise BoxAuthenticationError(
            f"the refresh token was refused ({exc.code}): {exc.message}; log in again",
            status=exc.status,
            code=exc.code,
            headers=exc.headers,
            body=exc.body,
            response=exc.response,
        ) from None
    return token_from_json(data)


class AsyncBoxAuthenticateFlow:
    """The original SDK's two steps: :meth:`get_authorization_url`, then
    :meth:`get_access_tokens` with the code Box put in the redirect (valid 30 seconds).

    The ``state`` sent is random and checked on return (the original sent a constant, which
    lets another site complete a login with its own code).
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        redirect_uri: str | None = None,
        *,
        urls: BoxURLs | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
        debug: bool = False,
        verify: VerifyTypes = True,
    ) -> None:
        self.client_id = client_id
        self._client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.urls = urls or BoxURLs()
        self.state: str | None = None
        self.token: Token | None = None
        redactor = default_redactor.with_secrets(client_secret)
        client = build_async_client(
            self.urls.api,
            timeout=timeout,
            retry=RetryPolicy(),
            transport=transport,
            debug=debug,
            redactor=redactor,
            verify=verify,
        )
        self._http = AsyncBoxHTTP(client, self.urls, redactor)

    def get_authorization_url(self, *, state: str | None = None, scope: str | None = None) -> str:
        """The page where the user grants access; a fresh random ``state`` unless given."""
        self.state = state or f"box_csrf_token_{secrets.token_urlsafe(16)}"
        query = {"response_type": "code", "client_id": self.client_id, "state": self.state}
        if self.redirect_uri:
            query["redirect_uri"] = self.redirect_uri
        if scope:
            query["scope"] = scope
        return f"{self.urls.authorize}?{urlencode(query)}"

    def check_redirect(self, redirect: str | Redirect) -> str:
        """The code in a redirect (the URL the browser landed on, or a parsed one), after
        checking its ``state`` against the one this flow sent."""
        if isinstance(redirect, str):
            query = {k: v[0] for k, v in parse_qs(urlsplit(redirect).query).items()}
            redirect = Redirect(
                code=query.get("code"),
                state=query.get("state"),
                error=query.get("error"),
                error_description=query.get("error_description"),
            )
        if redirect.error:
            detail = f": {redirect.error_description}" if redirect.error_description else ""
            raise BoxAuthFlowError(f"Box refused the authorization ({redirect.error}){detail}")
        if self.state is None or redirect.state is None:
            raise BoxAuthFlowError("the redirect carries no state to check; start again")
        if not secrets.compare_digest(redirect.state, self.state):
            raise BoxAuthFlowError("the redirect's state does not match this login; start again")
        if not redirect.code:
            raise BoxAuthFlowError("the redirect carries no authorization code")
        return redirect.code

    async def get_access_tokens(
        self, auth_code: str, *, state: str | None = None
    ) -> tuple[str, str]:
        """``(access_token, refresh_token)``, as the original returned them; the full
        :class:`Token` (with its expiry) is kept in :attr:`token`."""
        if state is not None:
            self.check_redirect(Redirect(code=auth_code, state=state))
        kwargs = post_oauth2_token._get_kwargs(
            body=bodies.code_grant(
                self.client_id, self._client_secret, auth_code, self.redirect_uri
            )
        )
        token = token_from_json(await self._http.json(kwargs, idempotent=False))
        self.token = token
        return token.access_token, token.refresh_token or ""

    async def complete(self, redirect: str | Redirect) -> Token:
        """Check the redirect and trade its code for tokens."""
        code = self.check_redirect(redirect)
        await self.get_access_tokens(code)
        assert self.token is not None
        return self.token

    async def revoke(self, token: str) -> None:
        """Kill an access or refresh token (logging out)."""
        kwargs = post_oauth2_revoke._get_kwargs(
            body=bodies.revoke(self.client_id, self._client_secret, token)
        )
        await self._http.empty(kwargs)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncBoxAuthenticateFlow:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client_id!r})"
