"""Blocking primitives in async and sync pairs.

The ``_async`` sources use the async names; ``generator.unasync`` rewrites them
to the sync twins (``async_sleep`` -> ``sleep``, ``AsyncSleep`` -> ``Sleep``), so the
two families must keep matching names (a refresh lock pair belongs here too, when the
first OAuth flow needs one).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

__all__ = ["AsyncSleep", "Sleep", "async_sleep", "sleep"]

AsyncSleep = Callable[[float], Awaitable[None]]
Sleep = Callable[[float], None]


async def async_sleep(seconds: float) -> None:
    if seconds > 0:
        await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)
