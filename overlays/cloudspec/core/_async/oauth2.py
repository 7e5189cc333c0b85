"""Bearer auth that refreshes its OAuth 2 token: before expiry, and once after a 401.

Refresh tokens may be single-use (Box rotates them on every refresh), so two refreshes
with the same refresh token void each other. Refreshing is therefore single-flight:

1. take the in-process lock, shared by every thread (and in the async twin every task and
   event loop) using this auth;
2. take the store's cross-process lock, if it has one (a file lock, a Redis lock);
3. re-read the store: if it holds another, usable token, another caller has refreshed
   already, and that token is adopted without a refresh;
4. otherwise call ``refresh``, save the new token (before anything uses it), call
   ``on_refresh``, and release the locks.

If ``refresh`` fails (``invalid_grant``: the refresh token was spent), the store is read
once more: a process that does not take the lock may have rotated it, and its token is
adopted; otherwise the error is raised.

The current token is kept in memory; the store is read on first use and under the locks.
A request made with a token that another process has rotated away gets a 401, which leads
here and adopts the stored token. Set ``skew`` below the token lifetime.

A request is re-sent once after a 401, with the new token; a second 401 is the caller's.
A body that cannot be replayed (a file streamed from disk) is not re-sent:
``ResendRequiredError`` tells the caller to build it again.

Never share one instance between a sync and an async client: the two twins use different
locks, which do not exclude each other.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator

import httpx

from .._backends import AsyncLock
from ..errors import AuthenticationError, ResendRequiredError
from ..retry import is_replayable
from ..tokens import AsyncTokenStore, Token, TokenStore, as_async_store, async_store_lock

__all__ = ["AsyncRefreshingAuth"]

_log = logging.getLogger("cloudspec.auth")


class AsyncRefreshingAuth(httpx.Auth):
    """``Authorization: Bearer <token>`` from ``store``, refreshed with ``refresh``.

    ``refresh(token)`` is the service's refresh grant: it returns the new token or raises.
    ``on_refresh(token)`` runs after the new token is saved and before it is used.
    ``initial`` is used while the store holds no token (a token in the store wins: another
    process may have rotated it). ``clock`` gives epoch seconds, like ``Token.expires_at``.
    """

    def __init__(
        self,
        *,
        store: AsyncTokenStore | TokenStore,
        refresh: Callable[[Token], Awaitable[Token]],
        on_refresh: Callable[[Token], None] | None = None,
        skew: float = 60.0,
        initial: Token | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = as_async_store(store)
        self._refresh = refresh
        self._on_refresh = on_refresh
        self.skew = skew
        self._initial = initial
        self._clock = clock
        self._lock = AsyncLock()
        self._token: Token | None = None

    async def get_token(self) -> Token:
        """The token to use now, refreshed first if it expires within ``skew`` seconds."""
        token = self._token
        if token is None:
            token = await self._load()
        if token.expires_within(self.skew, now=self._clock()):
            token = await self._refresh_after(token)
        return token

    async def force_refresh(self, failed: Token | None = None) -> Token:
        """A token newer than ``failed`` (default: the current one), e.g. after a 401 seen
        outside this auth. Single-flight like every refresh: if another caller has refreshed
        since ``failed`` was handed out, its token is returned without a second refresh."""
        if failed is None:
            failed = self._token or await self._load()
        return await self._refresh_after(failed, force=True)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        used = await self.get_token()
        _authorize(request, used)
        response = yield request
        if response.status_code != 401:
            return
        fresh = await self._refresh_after(used, force=True)
        if not is_replayable(request):
            raise ResendRequiredError(
                "the server refused the access token; it has been refreshed, but the request "
                "body cannot be sent twice: send the request again",
                status=401,
                headers=response.headers,
                response=response,
            )
        rewind = getattr(request.stream, "rewind", None)
        if callable(rewind):
            rewind()
        _authorize(request, fresh)
        yield request

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        # Reached only from the other kind of client; its lock would not exclude this one's.
        raise RuntimeError(f"{type(self).__name__} cannot authorize this kind of client")

    async def _load(self) -> Token:
        async with self._lock:
            if self._token is None:
                self._token = await self.store.load() or self._initial
            if self._token is None:
                raise AuthenticationError(
                    "there is no token to send: the store is empty and no initial token was given",
                    status=401,
                )
            return self._token

    async def _refresh_after(self, used: Token, *, force: bool = False) -> Token:
        """A token to use instead of ``used`` (expiring, or refused when ``force``)."""
        async with self._lock, async_store_lock(self.store):
            current = await self.store.load()
            if current is not None and self._usable_instead_of(current, used, force=force):
                _log.debug("using a token another caller refreshed")
                self._token = current
                return current
            stale = current or used
            try:
                fresh = await self._refresh(stale)
            except Exception:
                again = await self.store.load()
                if again is not None and again.access_token != stale.access_token:
                    _log.info("refresh refused; using the token another process saved since")
                    self._token = again
                    return again
                raise
            await self.store.save(fresh)
            if self._on_refresh is not None:
                self._on_refresh(fresh)
            self._token = fresh
            _log.info("refreshed the access token")
            return fresh

    def _usable_instead_of(self, current: Token, used: Token, *, force: bool) -> bool:
        if current.access_token != used.access_token:
            # Refreshed by someone else since `used` was handed out. Adopt it unless it is
            # expired already; "expiring soon" is fine, or a short-lived token would make
            # every waiter refresh once more.
            return not current.expires_within(0, now=self._clock())
        # The same token: a refusal must be refreshed; an expiry may already be pushed back.
        return not force and not current.expires_within(self.skew, now=self._clock())

    def __repr__(self) -> str:
        return f"{type(self).__name__}(store={self.store!r}, skew={self.skew!r})"


def _authorize(request: httpx.Request, token: Token) -> None:
    request.headers["Authorization"] = f"Bearer {token.access_token}"
