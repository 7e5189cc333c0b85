"""What differs between the async and the sync twins, in pairs.

The ``_async`` sources use the async names; ``generator.unasync`` rewrites them to the sync
twins (``async_sleep`` -> ``sleep``, ``AsyncLock`` -> ``Lock``, ``async_run_workers`` ->
``run_workers``, ``import_async_redis`` -> ``import_redis``), so each pair keeps matching
names and the same meaning. Whatever cannot be expressed by that textual rewrite (event
loops and threads, executors) lives here instead of in the ``_async`` sources.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib
import threading
import time
import types
import weakref
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

__all__ = [
    "AsyncLock",
    "AsyncSleep",
    "Lock",
    "Sleep",
    "async_offload",
    "async_run_workers",
    "async_sleep",
    "import_async_redis",
    "import_redis",
    "offload",
    "run_workers",
    "sleep",
]

P = ParamSpec("P")
T = TypeVar("T")

AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]


async def async_sleep(seconds: float) -> None:
    if seconds > 0:
        await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)


# --- a lock for every caller -----------------------------------------------------------------

# How long a task waits before trying again for a lock another thread holds; doubled per try.
_POLL_FIRST = 0.001
_POLL_MAX = 0.05


class AsyncLock:
    """Mutual exclusion between tasks of one event loop, of several loops, and threads.

    An ``asyncio.Lock`` binds to one loop and does nothing for threads, and a blocking
    ``threading.Lock`` would stall the loop. So: tasks of one loop first queue on that loop's
    own ``asyncio.Lock`` (fair, no polling), and the one task at the head then takes the
    shared ``threading.Lock`` without blocking, polling with a short back-off while a task of
    another loop (or thread) holds it. No executor thread is parked in ``acquire``, so a
    cancelled waiter can never acquire the lock after it stopped waiting.

    Used for rare, short critical sections (a token refresh); create it anywhere, even
    outside a running loop.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._guard = threading.Lock()
        self._per_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def _loop_lock(self) -> asyncio.Lock | None:
        loop = asyncio.get_running_loop()
        with self._guard:
            try:
                lock = self._per_loop.get(loop)
                if lock is None:
                    lock = self._per_loop[loop] = asyncio.Lock()
            except TypeError:  # a loop type without weak references: polling alone is enough
                return None
            return lock

    async def __aenter__(self) -> None:
        loop_lock = self._loop_lock()
        if loop_lock is not None:
            await loop_lock.acquire()
        try:
            delay = _POLL_FIRST
            while not self._lock.acquire(blocking=False):
                await asyncio.sleep(delay)
                delay = min(delay * 2, _POLL_MAX)
        except BaseException:
            if loop_lock is not None:
                loop_lock.release()
            raise

    async def __aexit__(self, *exc: object) -> None:
        self._lock.release()
        loop_lock = self._loop_lock()
        if loop_lock is not None:
            loop_lock.release()

    def locked(self) -> bool:
        return self._lock.locked()


class Lock:
    """The sync twin of :class:`AsyncLock`: a plain ``threading.Lock``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def locked(self) -> bool:
        return self._lock.locked()


# --- blocking work -----------------------------------------------------------------------------


async def async_offload(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Runs blocking work (reading and hashing a part, a sync token store) in a thread."""
    return await asyncio.to_thread(fn, *args, **kwargs)


def offload(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """The sync twin of :func:`async_offload`: the caller's thread is the one to block."""
    return fn(*args, **kwargs)


# --- bounded parallel work ---------------------------------------------------------------------


async def async_run_workers(
    worker: Callable[[], Awaitable[None]], count: int, *, stop: Callable[[], None]
) -> None:
    """Runs ``count`` copies of ``worker`` as tasks until all return.

    On the first exception ``stop()`` is called (the workers must then take no new work),
    the other tasks are cancelled and awaited, and that first exception is raised as it is.
    If the caller is cancelled, the workers are stopped and cancelled the same way.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    errors: list[BaseException] = []

    async def run() -> None:
        try:
            await worker()
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            errors.append(exc)
            stop()
            raise

    tasks = [asyncio.create_task(run()) for _ in range(count)]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        if errors or not all(task.done() for task in tasks):
            stop()
            for task in tasks:
                task.cancel()
        # Every task is finished before returning, whatever happened; their exceptions are
        # retrieved here so asyncio does not log them as never retrieved.
        await asyncio.wait(tasks)
        for task in tasks:
            if not task.cancelled():
                task.exception()
    if errors:
        raise errors[0]


def run_workers(worker: Callable[[], None], count: int, *, stop: Callable[[], None]) -> None:
    """Runs ``count`` copies of ``worker`` in threads until all return.

    On the first exception ``stop()`` is called (the workers must then take no new work),
    the other threads finish what they are doing, and that first exception is raised as it
    is. An interrupt (Ctrl-C) while waiting stops the workers the same way.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    errors: list[BaseException] = []
    guard = threading.Lock()

    def run() -> None:
        try:
            worker()
        except BaseException as exc:
            with guard:
                errors.append(exc)
            stop()
            raise

    pool = concurrent.futures.ThreadPoolExecutor(count, thread_name_prefix="cloudspec-worker")
    try:
        futures = [pool.submit(run) for _ in range(count)]
        concurrent.futures.wait(futures)
    except BaseException:
        stop()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if errors:
        raise errors[0]


# --- optional dependencies ---------------------------------------------------------------------

_REDIS_MISSING = (
    "RedisTokenStore needs the redis package: pip install 'cloudspec[redis]' (or pip install redis)"
)


def import_async_redis() -> types.ModuleType:
    """``redis.asyncio``, imported on first use: most users never need it."""
    return _import("redis.asyncio")


def import_redis() -> types.ModuleType:
    return _import("redis")


def _import(name: str) -> types.ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(_REDIS_MISSING) from exc
