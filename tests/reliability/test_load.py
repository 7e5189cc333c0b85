"""Issue 7, item 6: load without leaks.

Against the real Kinto (``get_bucket``) and the SmartFile emulator (``GET /ping``, Basic auth),
the requests are sent at once by 64 asyncio tasks sharing one async client and by 16 threads
sharing one sync client (half each). Measured around each run: open file descriptors of this
process (``/proc/self/fd``), its TCP connections to the server (sockets whose inode
``/proc/net/tcp`` lists with the server's port), resident memory (``VmRSS``) after a warm-up,
and every error. Asserted: no error at all (nothing is injected here), connections bounded by
the workers while running and zero once the clients are closed, descriptors back to where they
were, memory growth under a fixed bound. Throughput is recorded as a figure, never asserted.

``make chaos`` (``CLOUDSPEC_CHAOS=full``) sends 10,000 requests per server; the default run a
sample of 1,000, to stay well under 30 s on a 2-core machine.
"""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest

from cloudspec.core.config import DEFAULT_LIMITS
from cloudspec.emulators.urls import ServerURLs
from cloudspec.kinto import AsyncKintoClient, KintoClient
from cloudspec.smartfile import AsyncBasicClient, BasicClient
from tests.conftest import KintoServer
from tests.live import smartfile_support as smartfile
from tests.reliability.figures import FULL, record

pytestmark = pytest.mark.live

REQUESTS = 10_000 if FULL else 1_000
TASKS = 64
THREADS = 16
WARM_UP = 2 * (TASKS + THREADS)
# Memory may grow by caches filling once; a leak of even 3 KiB a request over 10,000 shows.
RSS_BOUND = 32 * 1024 * 1024


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def connections_to(port: int) -> int:
    """This process's TCP sockets (open descriptors) whose remote end is ``port``."""
    inodes: set[str] = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as rows:
                next(rows)
                for row in rows:
                    fields = row.split()
                    remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                    if remote_port == port and fields[9] in inodes:
                        count += 1
        except FileNotFoundError:
            continue
    return count


def rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


@attrs.define
class Figures:
    name: str
    requests: int = 0
    errors: list[str] = attrs.field(factory=list)
    fds_before: int = 0
    fds_after: int = 0
    peak_connections: int = 0
    connections_after: int = 0
    rss_before: int = 0
    rss_after: int = 0
    seconds: float = 0.0

    def row(self) -> list[Any]:
        return [
            self.name,
            self.requests,
            f"{TASKS} tasks + {THREADS} threads",
            len(self.errors),
            f"{self.fds_before} -> {self.fds_after}",
            self.peak_connections,
            self.connections_after,
            f"{self.rss_before / 2**20:.1f} -> {self.rss_after / 2**20:.1f}",
            round(self.requests / self.seconds) if self.seconds else 0,
        ]


@attrs.frozen
class Target:
    name: str
    port: int
    make_sync: Callable[[], Any]
    make_async: Callable[[], Any]
    sync_call: Callable[[Any], object]
    async_call: Callable[[Any], Awaitable[object]]


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


async def hammer(target: Target, total: int, figures: Figures) -> None:
    """``total`` requests: half from TASKS tasks on one async client, half from THREADS
    threads on one sync client, all at once; both clients closed at the end."""
    lock = threading.Lock()
    sync_client = target.make_sync()
    async_client = target.make_async()
    peak = [0]

    def note_error(error: BaseException) -> None:
        with lock:
            figures.errors.append(f"{type(error).__name__}: {error}")

    def thread_worker(count: int) -> None:
        for _ in range(count):
            try:
                target.sync_call(sync_client)
            except Exception as error:
                note_error(error)

    async def task_worker(count: int) -> None:
        for i in range(count):
            try:
                await target.async_call(async_client)
            except Exception as error:
                note_error(error)
            if i % 8 == 0:
                peak[0] = max(peak[0], connections_to(target.port))

    threads_total = total // 2
    threads = [
        threading.Thread(target=thread_worker, args=(n,)) for n in split(threads_total, THREADS)
    ]
    for thread in threads:
        thread.start()
    await asyncio.gather(*(task_worker(n) for n in split(total - threads_total, TASKS)))
    for thread in threads:
        thread.join()
    figures.peak_connections = max(figures.peak_connections, peak[0])
    sync_client.close()
    await async_client.aclose()


@pytest.fixture(scope="module")
def rows() -> Iterator[list[list[Any]]]:
    collected: list[list[Any]] = []
    yield collected
    if collected:
        record(
            "load",
            {
                "title": "Load: no leaked connections or descriptors, memory flat",
                "summary": [
                    ["requests per server", REQUESTS],
                    ["errors", sum(int(row[3]) for row in collected)],
                    ["connections left open after close", sum(int(r[6]) for r in collected)],
                ],
                "columns": [
                    "server",
                    "requests",
                    "concurrency",
                    "errors",
                    "open fds before -> after",
                    "peak connections",
                    "connections after close",
                    "RSS MiB before -> after",
                    "requests/s (figure only)",
                ],
                "rows": collected,
                "notes": [
                    "Half the requests from 64 asyncio tasks sharing one async client, half "
                    "from 16 threads sharing one sync client, concurrently.",
                    "Throughput is shared with whatever else runs on the machine: a figure, "
                    "never asserted.",
                ],
            },
        )


async def run_load(target: Target, rows: list[list[Any]]) -> Figures:
    figures = Figures(target.name, requests=REQUESTS)
    await hammer(target, WARM_UP, figures)  # pools, caches and imports made once
    figures.errors.clear()
    figures.peak_connections = 0
    gc.collect()
    figures.fds_before = open_fds()
    figures.rss_before = rss_bytes()
    assert connections_to(target.port) == 0
    started = time.perf_counter()
    await hammer(target, REQUESTS, figures)
    figures.seconds = time.perf_counter() - started
    gc.collect()
    figures.fds_after = open_fds()
    figures.connections_after = connections_to(target.port)
    figures.rss_after = rss_bytes()
    rows.append(figures.row())

    assert figures.errors == [], (figures, figures.errors[:5])
    # While running: bounded by the two pools (a connection the server closed keeps its
    # descriptor until the pool next looks at it, so the workers' count is not a bound).
    assert 0 < figures.peak_connections <= 2 * (DEFAULT_LIMITS.max_connections or 0), figures
    assert figures.connections_after == 0, figures
    assert figures.fds_after <= figures.fds_before, figures
    assert figures.rss_after - figures.rss_before < RSS_BOUND, figures
    return figures


async def test_kinto_under_load(
    kinto_server: KintoServer, kinto_flush: None, rows: list[list[Any]]
) -> None:
    with KintoClient(server_url=kinto_server.url, auth=kinto_server.auth) as setup:
        setup.create_bucket(id="load", if_not_exists=True)
    port = httpx.URL(kinto_server.url).port
    assert port is not None
    target = Target(
        "kinto (real)",
        port,
        lambda: KintoClient(server_url=kinto_server.url, auth=kinto_server.auth),
        lambda: AsyncKintoClient(server_url=kinto_server.url, auth=kinto_server.auth),
        lambda client: client.get_bucket(id="load"),
        lambda client: client.get_bucket(id="load"),
    )
    await run_load(target, rows)


async def test_smartfile_emulator_under_load(
    smartfile_server: ServerURLs, rows: list[list[Any]]
) -> None:
    basic = smartfile.credentials(smartfile_server)["basic"]
    url = smartfile_server.base_url
    port = httpx.URL(url).port
    assert port is not None
    target = Target(
        "smartfile (emulator)",
        port,
        lambda: BasicClient(basic["key"], basic["password"], url=url),
        lambda: AsyncBasicClient(basic["key"], basic["password"], url=url),
        lambda client: client.get("/ping"),
        lambda client: client.get("/ping"),
    )
    await run_load(target, rows)
