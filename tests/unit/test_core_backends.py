"""The twin-specific primitives: bounded workers (tasks and threads) and their first error."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from cloudspec.core._backends import async_offload, async_run_workers, offload, run_workers


class Boom(Exception):
    pass


def test_run_workers_runs_them_in_parallel_threads() -> None:
    barrier = threading.Barrier(4, timeout=5)
    names: set[str] = set()

    def worker() -> None:
        barrier.wait()  # only passes if all four run at once
        names.add(threading.current_thread().name)

    run_workers(worker, 4, stop=lambda: None)
    assert len(names) == 4


def test_run_workers_stops_the_others_and_raises_the_first_error() -> None:
    stopped = threading.Event()
    finished: list[str] = []
    calls = iter(range(3))
    guard = threading.Lock()

    def worker() -> None:
        with guard:
            number = next(calls)
        if number == 0:
            raise Boom("first")
        # The others finish what they were doing, then take no new work.
        assert stopped.wait(5)
        finished.append("done")

    with pytest.raises(Boom, match="first"):
        run_workers(worker, 3, stop=stopped.set)
    assert finished == ["done", "done"]


async def test_async_run_workers_cancels_the_others_and_raises_the_first_error() -> None:
    stopped: list[bool] = []
    cancelled: list[bool] = []
    started = 0

    async def worker() -> None:
        nonlocal started
        started += 1
        if started == 2:
            await asyncio.sleep(0.01)
            raise Boom("second worker")
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    begin = time.monotonic()
    with pytest.raises(Boom, match="second worker"):
        await async_run_workers(worker, 4, stop=lambda: stopped.append(True))
    assert time.monotonic() - begin < 5
    assert stopped and len(cancelled) == 3


async def test_cancelling_the_caller_stops_and_cancels_the_workers() -> None:
    stopped: list[bool] = []
    cancelled: list[bool] = []

    async def worker() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    runner = asyncio.create_task(async_run_workers(worker, 3, stop=lambda: stopped.append(True)))
    await asyncio.sleep(0.01)
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
    assert stopped and len(cancelled) == 3


@pytest.mark.parametrize("count", [0, -1])
async def test_worker_counts_must_be_positive(count: int) -> None:
    with pytest.raises(ValueError):
        run_workers(lambda: None, count, stop=lambda: None)

    async def nothing() -> None:
        pass

    with pytest.raises(ValueError):
        await async_run_workers(nothing, count, stop=lambda: None)


async def test_offload_runs_blocking_work_off_the_loop() -> None:
    loop_thread = threading.current_thread()
    assert await async_offload(threading.current_thread) is not loop_thread
    assert offload(threading.current_thread) is loop_thread
    assert await async_offload(max, 1, 2) == 2
