"""Tokens in Redis: one store for every worker on every machine, with a lock for refreshes.

The token is one JSON value under ``key``; ``lock()`` is redis-py's lock on ``<key>:lock``
(``SET NX PX`` with a random owner token), so of many machines seeing the same expired
token only one refreshes. ``lock_timeout`` bounds how long a crashed holder can block the
others; keep it above the time a refresh takes. ``redis`` is needed only by
:meth:`AsyncRedisTokenStore.from_url` (``pip install 'cloudspec[redis]'``); a client you
build yourself works as it is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any, Protocol, Self

from .._backends import import_async_redis
from ..tokens import Token

__all__ = ["AsyncRedisClient", "AsyncRedisLock", "AsyncRedisTokenStore"]

_log = logging.getLogger("cloudspec.auth")


class AsyncRedisLock(Protocol):
    def acquire(self) -> Awaitable[bool]: ...

    def release(self) -> Awaitable[None]: ...


class AsyncRedisClient(Protocol):
    """What the store uses of a redis-py client."""

    def get(self, name: str) -> Awaitable[bytes | str | None]: ...

    def set(self, name: str, value: str) -> Awaitable[Any]: ...

    def lock(
        self,
        name: str,
        *,
        timeout: float | None = ...,
        blocking_timeout: float | None = ...,
        thread_local: bool = ...,
    ) -> AsyncRedisLock: ...


class AsyncRedisTokenStore:
    """A token store on a redis-py client (``decode_responses`` either way)."""

    def __init__(
        self,
        client: AsyncRedisClient,
        key: str,
        *,
        lock_timeout: float = 30.0,
        lock_blocking_timeout: float = 30.0,
    ) -> None:
        self.client = client
        self.key = key
        self.lock_timeout = lock_timeout
        self.lock_blocking_timeout = lock_blocking_timeout
        self._owned: Any = None

    @classmethod
    def from_url(
        cls,
        url: str,
        key: str,
        *,
        lock_timeout: float = 30.0,
        lock_blocking_timeout: float = 30.0,
    ) -> Self:
        """A store with its own client (``redis://host:port/db``); close it when done."""
        redis = import_async_redis()
        client = redis.Redis.from_url(url)
        store = cls(
            client,
            key,
            lock_timeout=lock_timeout,
            lock_blocking_timeout=lock_blocking_timeout,
        )
        store._owned = client
        return store

    async def load(self) -> Token | None:
        raw = await self.client.get(self.key)
        if raw is None:
            return None
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError(f"Redis key {self.key!r} does not hold a token object")
        return Token.from_json(value)

    async def save(self, token: Token) -> None:
        await self.client.set(self.key, json.dumps(token.to_json()))

    @asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        # Not thread-local: the lock object is made per use, and async code using the sync
        # store takes it in one worker thread and frees it in another.
        lock = self.client.lock(
            f"{self.key}:lock",
            timeout=self.lock_timeout,
            blocking_timeout=self.lock_blocking_timeout,
            thread_local=False,
        )
        if not await lock.acquire():
            raise TimeoutError(
                f"Redis lock {self.key}:lock still held by another client after "
                f"{self.lock_blocking_timeout:g} s"
            )
        try:
            yield
        finally:
            try:
                await lock.release()
            except Exception as exc:  # expired (a refresh slower than lock_timeout), or lost
                # The token is saved already; the lock frees itself when it expires.
                _log.warning("could not release Redis lock %s:lock: %s", self.key, exc)

    async def aclose(self) -> None:
        """Closes the client :meth:`from_url` made (a client passed in is yours to close)."""
        if self._owned is not None:
            await self._owned.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key={self.key!r})"
