"""What only one twin has: the async auth shared by several event loops and threads, its lock,
sync stores driven from async code, and each auth refusing the other kind of client."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from cloudspec.core import (
    AsyncLockingTokenStore,
    AsyncRefreshingAuth,
    AsyncStoreAdapter,
    FileTokenStore,
    LockingTokenStore,
    MemoryTokenStore,
    RefreshingAuth,
    Token,
)
from cloudspec.core._backends import AsyncLock
from cloudspec.core.tokens import as_async_store, as_store

NOW = 1_000_000.0


def clock() -> float:
    return NOW


def token(n: int, expires_in: float = 3600.0) -> Token:
    return Token(access_token=f"acc-{n}", refresh_token=f"ref-{n}", expires_at=NOW + expires_in)


def in_threads(count: int, target: object) -> None:
    threads = [threading.Thread(target=target) for _ in range(count)]  # type: ignore[arg-type]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
        assert not thread.is_alive()


# --- AsyncLock ---------------------------------------------------------------------------------


def test_async_lock_excludes_tasks_of_several_loops() -> None:
    lock = AsyncLock()  # made outside any loop
    inside = 0
    most = 0
    entries = 0
    guard = threading.Lock()

    async def enter_many() -> None:
        nonlocal inside, most, entries

        async def once() -> None:
            nonlocal inside, most, entries
            async with lock:
                with guard:
                    inside += 1
                    most = max(most, inside)
                    entries += 1
                await asyncio.sleep(0.001)
                with guard:
                    inside -= 1

        await asyncio.gather(*(once() for _ in range(10)))

    in_threads(4, lambda: asyncio.run(enter_many()))
    assert entries == 40
    assert most == 1
    assert not lock.locked()


async def test_a_cancelled_waiter_never_holds_the_async_lock() -> None:
    lock = AsyncLock()
    holder_may_leave = threading.Event()
    held = threading.Event()

    def other_thread() -> None:
        async def hold() -> None:
            async with lock:
                held.set()
                await asyncio.to_thread(holder_may_leave.wait, 5)

        asyncio.run(hold())

    thread = threading.Thread(target=other_thread)
    thread.start()
    assert await asyncio.to_thread(held.wait, 5)
    waiter = asyncio.create_task(lock.__aenter__())
    await asyncio.sleep(0.02)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    holder_may_leave.set()
    await asyncio.to_thread(thread.join, 5)
    assert not lock.locked()
    async with lock:  # still usable by this loop
        assert lock.locked()


# --- one async auth, several loops -------------------------------------------------------------


def test_one_async_auth_used_from_four_loops_refreshes_once() -> None:
    refreshes: list[Token] = []
    guard = threading.Lock()

    async def refresh(old: Token) -> Token:
        with guard:
            refreshes.append(old)
        await asyncio.sleep(0.05)
        return token(2)

    store = MemoryTokenStore(token(1, expires_in=-1))
    auth = AsyncRefreshingAuth(store=store, refresh=refresh, clock=clock)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        with guard:
            seen.append(request.headers["authorization"])
        return httpx.Response(200)

    async def eight_requests() -> None:
        async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(handler)) as http:
            answers = await asyncio.gather(*(http.get("https://api.test/") for _ in range(8)))
        assert [a.status_code for a in answers] == [200] * 8

    in_threads(4, lambda: asyncio.run(eight_requests()))
    assert len(refreshes) == 1
    assert seen == ["Bearer acc-2"] * 32
    assert store.load() == token(2)


# --- each twin refuses the other kind of client ------------------------------------------------


def test_an_async_auth_refuses_a_sync_client() -> None:
    auth = AsyncRefreshingAuth(store=MemoryTokenStore(token(1)), refresh=_never, clock=clock)
    with (
        httpx.Client(auth=auth, transport=httpx.MockTransport(lambda r: httpx.Response(200))) as c,
        pytest.raises(RuntimeError, match="AsyncRefreshingAuth cannot authorize"),
    ):
        c.get("https://api.test/")


async def test_a_sync_auth_refuses_an_async_client() -> None:
    auth = RefreshingAuth(store=MemoryTokenStore(token(1)), refresh=_never_sync, clock=clock)
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    async with httpx.AsyncClient(auth=auth, transport=transport) as c:
        with pytest.raises(RuntimeError, match="RefreshingAuth cannot authorize"):
            await c.get("https://api.test/")


async def _never(old: Token) -> Token:
    raise AssertionError("no refresh expected")


def _never_sync(old: Token) -> Token:
    raise AssertionError("no refresh expected")


# --- stores seen from async code ---------------------------------------------------------------


class NativeAsyncStore:
    """An async store with its own lock: used as it is, lock included."""

    def __init__(self, current: Token) -> None:
        self.current = current
        self.events: list[str] = []

    async def load(self) -> Token | None:
        self.events.append("load")
        return self.current

    async def save(self, new: Token) -> None:
        self.events.append("save")
        self.current = new

    @contextlib.asynccontextmanager
    async def lock(self) -> AsyncIterator[None]:
        self.events.append("lock")
        yield
        self.events.append("unlock")


async def test_a_native_async_store_and_its_lock_are_used() -> None:
    store = NativeAsyncStore(token(1, expires_in=0))
    assert isinstance(store, AsyncLockingTokenStore)
    assert as_async_store(store) is store

    async def refresh(old: Token) -> Token:
        store.events.append("refresh")
        return token(2)

    auth = AsyncRefreshingAuth(store=store, refresh=refresh, clock=clock)
    assert await auth.get_token() == token(2)
    assert store.events == ["load", "lock", "load", "refresh", "save", "unlock"]


def test_a_sync_auth_refuses_an_async_store() -> None:
    with pytest.raises(TypeError, match="async token store"):
        RefreshingAuth(store=NativeAsyncStore(token(1)), refresh=_never_sync)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        as_store(NativeAsyncStore(token(1)))  # type: ignore[arg-type]


async def test_a_sync_store_is_wrapped_and_its_lock_taken_in_a_thread(tmp_path: Path) -> None:
    file_store = FileTokenStore(tmp_path / "token.json")
    file_store.save(token(1))
    assert isinstance(file_store, LockingTokenStore)
    adapted = as_async_store(file_store)
    assert isinstance(adapted, AsyncStoreAdapter)
    assert await adapted.load() == token(1)
    await adapted.save(token(2))
    assert file_store.load() == token(2)
    assert "acc-2" not in repr(adapted) and "token.json" in repr(adapted)
    async with adapted.lock():
        # Held for real: another handle on the lock file cannot take it now.
        assert not await asyncio.to_thread(_try_lock, file_store)
    assert await asyncio.to_thread(_try_lock, file_store)


def _try_lock(store: FileTokenStore) -> bool:
    import fcntl

    with open(store.lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return True


class SlowLockStore(MemoryTokenStore):
    """A sync store whose lock is held by someone else for a while."""

    def __init__(self) -> None:
        super().__init__(token(1))
        self.lock_held = threading.Lock()
        self.entered = 0
        self.exited = 0
        self.released = threading.Event()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        try:
            with self.lock_held:
                self.entered += 1
                try:
                    yield
                finally:
                    self.exited += 1
        finally:
            self.released.set()


async def test_cancelling_a_wait_for_a_sync_lock_does_not_leak_it() -> None:
    store = SlowLockStore()
    adapted = AsyncStoreAdapter(store)
    store.lock_held.acquire()  # "another process" holds the lock

    async def wait_for_lock() -> None:
        async with adapted.lock():
            raise AssertionError("the body must not run: the wait was cancelled")

    waiter = asyncio.create_task(wait_for_lock())
    await asyncio.sleep(0.05)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    store.lock_held.release()  # the worker thread now acquires it, sees it was abandoned...
    assert await asyncio.to_thread(store.released.wait, 5)
    assert (store.entered, store.exited) == (1, 1)  # ...and releases it at once
    assert not store.lock_held.locked()
