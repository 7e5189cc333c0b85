"""OAuth-style tokens and where they are kept between runs.

A refreshed token is saved *before* it is used, so a crash after a refresh
never loses a rotated refresh token.

A store shared by several processes (a file, Redis) also offers ``lock()``: a
cross-process lock that the refreshing auth holds while it re-reads the store,
refreshes and saves, so that of many processes seeing the same expired token only
one spends its single-use refresh token and the others adopt the result.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from pathlib import Path
from typing import Protocol, cast, runtime_checkable

import attrs

__all__ = [
    "AsyncLockingTokenStore",
    "AsyncStoreAdapter",
    "AsyncTokenStore",
    "FileTokenStore",
    "LockingTokenStore",
    "MemoryTokenStore",
    "Token",
    "TokenStore",
    "as_async_store",
    "as_store",
    "async_store_lock",
    "store_lock",
]


@attrs.frozen(kw_only=True)
class Token:
    access_token: str = attrs.field(repr=False)
    refresh_token: str | None = attrs.field(default=None, repr=False)
    token_type: str = "bearer"
    expires_at: float | None = None
    scope: str | None = None

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        return (time.time() if now is None else now) + seconds >= self.expires_at

    def to_json(self) -> dict[str, str | float | None]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, value: Mapping[str, object]) -> Token:
        def text(key: str) -> str | None:
            item = value.get(key)
            return item if isinstance(item, str) else None

        access = text("access_token")
        if access is None:
            raise ValueError("stored token has no access_token")
        expires = value.get("expires_at")
        return cls(
            access_token=access,
            refresh_token=text("refresh_token"),
            token_type=text("token_type") or "bearer",
            expires_at=float(expires) if isinstance(expires, int | float) else None,
            scope=text("scope"),
        )


@runtime_checkable
class TokenStore(Protocol):
    def load(self) -> Token | None: ...

    def save(self, token: Token) -> None: ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    async def load(self) -> Token | None: ...

    async def save(self, token: Token) -> None: ...


@runtime_checkable
class LockingTokenStore(TokenStore, Protocol):
    """A store shared by processes: ``lock()`` excludes the other processes (and threads)
    for the re-read, refresh and save of one token rotation."""

    def lock(self) -> AbstractContextManager[None]: ...


@runtime_checkable
class AsyncLockingTokenStore(AsyncTokenStore, Protocol):
    def lock(self) -> AbstractAsyncContextManager[None]: ...


def store_lock(store: TokenStore) -> AbstractContextManager[None]:
    """The store's cross-process lock, or nothing to hold if it has none."""
    lock = getattr(store, "lock", None)
    if callable(lock):
        held: AbstractContextManager[None] = lock()
        return held
    return contextlib.nullcontext()


def async_store_lock(store: AsyncTokenStore) -> AbstractAsyncContextManager[None]:
    lock = getattr(store, "lock", None)
    if callable(lock):
        held: AbstractAsyncContextManager[None] = lock()
        return held
    return contextlib.nullcontext()


def _is_async_store(store: object) -> bool:
    return inspect.iscoroutinefunction(getattr(store, "load", None))


def as_store(store: TokenStore) -> TokenStore:
    """``store`` itself; refuses an async store, which a sync client cannot await."""
    if _is_async_store(store):
        raise TypeError(f"{type(store).__name__} is an async token store: use it with async code")
    return store


def as_async_store(store: AsyncTokenStore | TokenStore) -> AsyncTokenStore:
    """An async store as it is; a sync one (memory, file, Redis) wrapped in an
    :class:`AsyncStoreAdapter`."""
    if _is_async_store(store):
        return cast(AsyncTokenStore, store)
    return AsyncStoreAdapter(cast(TokenStore, store))


class AsyncStoreAdapter:
    """A sync store seen as an async one.

    Its calls run in a worker thread, so a file's fsync or a Redis round trip never stalls the
    event loop (a :class:`MemoryTokenStore` is called inline: it cannot block). ``lock()``
    takes the wrapped store's cross-process lock, if it has one, in a thread as well.
    """

    def __init__(self, store: TokenStore) -> None:
        self.store = as_store(store)
        self._inline = isinstance(store, MemoryTokenStore)

    async def load(self) -> Token | None:
        if self._inline:
            return self.store.load()
        return await asyncio.to_thread(self.store.load)

    async def save(self, token: Token) -> None:
        if self._inline:
            self.store.save(token)
        else:
            await asyncio.to_thread(self.store.save, token)

    @contextlib.asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        lock = getattr(self.store, "lock", None)
        if not callable(lock):
            yield
            return
        held: AbstractContextManager[None] = lock()
        await _enter_in_thread(held)
        try:
            yield
        finally:
            await asyncio.to_thread(held.__exit__, None, None, None)

    def __repr__(self) -> str:
        return f"AsyncStoreAdapter({self.store!r})"


async def _enter_in_thread(held: AbstractContextManager[None]) -> None:
    """Enters a blocking context manager (a file or Redis lock) in a worker thread.

    If the waiting task is cancelled, the thread cannot be: it may still acquire the lock
    later. Whoever comes second (the thread, after acquiring, or the cancelled task, after
    the thread acquired) releases it, so a cancelled wait never leaves the lock held.
    """

    guard = threading.Lock()
    state = {"entered": False, "abandoned": False}

    def enter() -> None:
        held.__enter__()
        with guard:
            if state["abandoned"]:
                held.__exit__(None, None, None)
            else:
                state["entered"] = True

    try:
        await asyncio.to_thread(enter)
    except BaseException:
        with guard:
            state["abandoned"] = True
            entered = state["entered"]
        if entered:
            held.__exit__(None, None, None)
        raise


class MemoryTokenStore:
    def __init__(self, token: Token | None = None) -> None:
        self._token = token

    def load(self) -> Token | None:
        return self._token

    def save(self, token: Token) -> None:
        self._token = token

    def __repr__(self) -> str:
        return f"MemoryTokenStore(has_token={self._token is not None})"


class FileTokenStore:
    """A JSON file readable by its owner only, replaced atomically on every save.

    ``lock()`` holds an exclusive lock on a sidecar file, ``<path>.lock``: processes on this
    machine that share the token file take it in turn to re-read, refresh and save. (The lock
    file is never deleted: a lock on a file that is unlinked and re-created locks nothing.
    Network file systems may not honour it; share tokens between machines with Redis.)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def load(self) -> Token | None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError(f"{self.path} does not hold a token object")
        return Token.from_json(value)

    def save(self, token: Token) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".token-", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(token.to_json(), handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_file(fd)
            # Closing the descriptor releases the lock, also when the process dies.
            yield
        finally:
            os.close(fd)

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"


if sys.platform == "win32":
    import msvcrt

    def _lock_file(fd: int) -> None:
        while True:
            try:
                # LK_LOCK retries for about 10 s, then gives up: keep waiting, as flock does.
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            except OSError:
                continue
            return

else:
    import fcntl

    def _lock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
