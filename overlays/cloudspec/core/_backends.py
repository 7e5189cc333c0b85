"""Blocking primitives in async and sync pairs.

The ``_async`` sources use the async names; ``generator.unasync`` rewrites them
to the sync twins (``AsyncLock`` -> ``Lock``, ``async_sleep`` -> ``sleep``,
``AsyncSleep`` -> ``Sleep``), so the two families must keep matching names.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable

__all__ = ["AsyncLock", "AsyncSleep", "Lock", "Sleep", "async_sleep", "sleep"]

AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]


async def async_sleep(seconds: float) -> None:
    if seconds > 0:
        await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)


class AsyncLock:
    """An asyncio lock created on first use, so it can be built outside a running loop."""

    def __init__(self) -> None:
        self._lock: asyncio.Lock | None = None

    async def __aenter__(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        await self._lock.acquire()

    async def __aexit__(self, *exc: object) -> None:
        assert self._lock is not None
        self._lock.release()


class Lock:
    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
