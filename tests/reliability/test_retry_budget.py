"""Issue 7, item 7: no retry storms. A service answering 503 to everything receives at most
the calls made plus a bounded number of retries, and recovers at once when the service does.

One client (built by ``build_client``/``build_async_client``, the default policy: 2 retries,
a 500-token budget, 5 tokens a retry) makes ``CALLS`` calls in sequence, from 16 threads and
from 64 tasks, against a service that fails everything. The bound follows from the bucket,
not from timing: no call refills it (nothing succeeds), every retry costs at least 5 tokens,
so at most ``500 // 5 = 100`` retries are paid for in all; the server sees at most
``CALLS + 100`` requests, however the calls interleave. The same calls with the budget off
(``RetryPolicy(budget=None)``) show what it prevents: ``CALLS * 3``. Then the service
recovers, and the very next call must succeed without a wait: first attempts never need a
token, and each success refills the bucket.

The wire is ``httpx.MockTransport`` for the three concurrency shapes, and a tiny threaded
HTTP/1.1 server on loopback for the live runs (real sockets, connection pool, keep-alive).
Sleeps are injected and recorded, never slept; nothing asserts on time.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.server
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest

from cloudspec.core import (
    PerClientBudget,
    RetryBudget,
    RetryPolicy,
    build_async_client,
    build_client,
    retry_budget_of,
)
from cloudspec.core.errors import CloudspecError
from tests.reliability.figures import FULL, record

CALLS = 10_000 if FULL else 1_000
LIVE_CALLS = 2_000 if FULL else 300
THREADS = 16
TASKS = 64
BUDGET = PerClientBudget()
BOUND = BUDGET.capacity // BUDGET.retry_cost  # retries one client can pay for while all fails
POLICY = RetryPolicy()
UNBUDGETED = attrs.evolve(POLICY, budget=None)
PATH = "/v1/things"


class Service:
    """What the server answers (503 for an outage, 200 once recovered), and how often it was
    asked. Shared by the mock wire and the loopback server."""

    def __init__(self) -> None:
        self.status = 503
        self.hits = 0
        self._lock = threading.Lock()

    def hit(self) -> int:
        with self._lock:
            self.hits += 1
        return self.status

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(self.hit(), json={"error": "unavailable"})


@attrs.define
class Run:
    """One client's calls against one :class:`Service`: what reached the server, and waits."""

    service: Service = attrs.field(factory=Service)
    sleeps: list[float] = attrs.field(factory=list)
    statuses: list[int] = attrs.field(factory=list)
    budget: RetryBudget | None = None

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


def _sync_run(
    policy: RetryPolicy,
    calls: int,
    threads: int,
    *,
    service: Service | None = None,
    base_url: str | None = None,
) -> tuple[Run, httpx.Client]:
    """Makes ``calls`` calls with one sync client (``threads`` at a time) to a mock wire, or to
    ``base_url`` (where ``service`` answers); answers the run and the client."""
    run = Run(service=service or Service())
    transport = None if base_url else httpx.MockTransport(run.service)
    client = build_client(
        base_url or "https://api.example.test",
        retry=policy,
        transport=transport,
        sleep=run.sleep,
        limits=httpx.Limits(max_connections=threads, max_keepalive_connections=threads),
    )
    run.budget = retry_budget_of(client)

    def one() -> int:
        return client.get(PATH).status_code

    if threads == 1:
        run.statuses = [one() for _ in range(calls)]
    else:
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            run.statuses = list(pool.map(lambda _: one(), range(calls)))
    return run, client


def _async_run(
    policy: RetryPolicy, calls: int, tasks: int
) -> tuple[Run, Callable[[], Awaitable[int]], httpx.AsyncClient]:
    run = Run()
    client = build_async_client(
        "https://api.example.test",
        retry=policy,
        transport=httpx.MockTransport(run.service),
        sleep=run.async_sleep,
    )
    run.budget = retry_budget_of(client)

    async def one() -> int:
        return (await client.get(PATH)).status_code

    async def worker(count: int) -> list[int]:
        return [await one() for _ in range(count)]

    async def main() -> None:
        share, extra = divmod(calls, tasks)
        counts = [share + (1 if i < extra else 0) for i in range(tasks)]
        results = await asyncio.gather(*(worker(count) for count in counts))
        run.statuses = [status for result in results for status in result]

    asyncio.run(main())
    return run, one, client


@pytest.fixture(scope="module")
def rows() -> Iterator[list[list[Any]]]:
    table: list[list[Any]] = []
    yield table
    if table:
        record(
            "retry_budget",
            {
                "title": "No retry storms: a retry budget per client",
                "summary": [
                    ["budget per client", f"{BUDGET.capacity} tokens"],
                    [
                        "cost of a retry",
                        f"{BUDGET.retry_cost} ({BUDGET.timeout_retry_cost} after a "
                        "timeout or broken connection)",
                    ],
                    [
                        "refund per success",
                        f"{BUDGET.success_refund} (a retry's cost if it succeeded)",
                    ],
                    ["retries per call (policy)", f"{POLICY.max_retries} (Box: 5)"],
                    ["bound while everything fails", f"calls + {BOUND}"],
                    ["scenarios", len(table)],
                    ["scenarios over the bound", sum(1 for row in table if row[3] > row[6])],
                    ["recovered on the first call", sum(1 for row in table if row[7] == "yes")],
                ],
                "columns": [
                    "scenario",
                    "wire",
                    "calls",
                    "server hits (budget)",
                    "retries spent",
                    "retries refused",
                    "bound",
                    "recovered at once",
                    "server hits (no budget)",
                ],
                "rows": table,
                "notes": [
                    "Every answer is 503 until the recovery call (SmartFile: 503 + X-Throttle, "
                    "which its own throttle loop retries); one client per scenario.",
                    "Client rows go through each service's facade, so its own retry loops "
                    "(Metadisk re-sends, SmartFile throttle retries) are counted too.",
                    "Sleeps are injected and recorded, so no run waits; the bound is "
                    "asserted from the bucket's size, not from timing.",
                    "'recovered at once': after the outage the next call got 200 with no "
                    "wait and one request.",
                ],
            },
        )


def _check(run: Run, calls: int) -> tuple[int, int]:
    """The bound, and the budget's own account of it: every retry was paid, none overdrawn."""
    assert run.budget is not None
    state = run.budget.state()
    assert run.statuses == [503] * calls
    assert run.service.hits <= calls + BOUND
    assert run.service.hits == calls + state.retries_granted
    # Nothing succeeded, so nothing refilled the bucket: it paid for exactly BOUND retries.
    assert state.tokens_refunded == 0
    assert state.retries_granted == BOUND
    assert state.available == 0
    assert len(run.sleeps) == state.retries_granted
    return state.retries_granted, state.retries_refused


def _recovers(run: Run, status_of_next_call: int, hits_before: int) -> str:
    """After the service recovers, one call, one request, no wait, and the bucket refills."""
    assert status_of_next_call == 200
    assert run.service.hits == hits_before + 1
    assert run.budget is not None and run.budget.available == BUDGET.success_refund
    return "yes"


@pytest.mark.parametrize(("scenario", "threads"), [("sequential", 1), ("16 threads", THREADS)])
def test_a_sync_client_sends_at_most_calls_plus_the_budget(
    scenario: str, threads: int, rows: list[list[Any]]
) -> None:
    run, client = _sync_run(POLICY, CALLS, threads)
    spent, refused = _check(run, CALLS)
    sleeps, hits = len(run.sleeps), run.service.hits
    run.service.status = 200
    try:
        recovered = _recovers(run, client.get(PATH).status_code, hits)
    finally:
        client.close()
    assert len(run.sleeps) == sleeps

    unbudgeted, other = _sync_run(UNBUDGETED, CALLS, threads)
    other.close()
    assert unbudgeted.budget is None
    assert unbudgeted.service.hits == CALLS * (1 + POLICY.max_retries)
    rows.append(
        [
            f"sync, {scenario}",
            "mock",
            CALLS,
            hits,
            spent,
            refused,
            CALLS + BOUND,
            recovered,
            unbudgeted.service.hits,
        ]
    )


def test_an_async_client_in_64_tasks_sends_at_most_calls_plus_the_budget(
    rows: list[list[Any]],
) -> None:
    run, one, client = _async_run(POLICY, CALLS, TASKS)
    spent, refused = _check(run, CALLS)
    sleeps, hits = len(run.sleeps), run.service.hits
    run.service.status = 200

    async def recover() -> int:
        try:
            return await one()
        finally:
            await client.aclose()

    recovered = _recovers(run, asyncio.run(recover()), hits)
    assert len(run.sleeps) == sleeps

    unbudgeted, _, _ = _async_run(UNBUDGETED, CALLS, TASKS)
    assert unbudgeted.service.hits == CALLS * (1 + POLICY.max_retries)
    rows.append(
        [
            f"async, {TASKS} tasks",
            "mock",
            CALLS,
            hits,
            spent,
            refused,
            CALLS + BOUND,
            recovered,
            unbudgeted.service.hits,
        ]
    )


# --- live: a real HTTP server on loopback -----------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the client's pool reuses connections
    disable_nagle_algorithm = True  # headers and body go in two writes: don't stall on ACKs
    service: Service

    def do_GET(self) -> None:
        status = self.server.service.hit()  # type: ignore[attr-defined]
        body = b'{"ok":true}' if status == 200 else b'{"error":"unavailable"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client closing its pooled connections at the end is not news


@pytest.fixture
def loopback() -> Iterator[tuple[str, Callable[[Service], None]]]:
    """A threaded HTTP/1.1 server on a free loopback port; the test plugs a Service in."""
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def plug(service: Service) -> None:
        server.service = service  # type: ignore[attr-defined]

    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", plug
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.parametrize(("scenario", "threads"), [("sequential", 1), ("16 threads", THREADS)])
def test_live_against_a_loopback_server(
    scenario: str,
    threads: int,
    loopback: tuple[str, Callable[[Service], None]],
    rows: list[list[Any]],
) -> None:
    base_url, plug = loopback
    service = Service()
    plug(service)
    run, client = _sync_run(POLICY, LIVE_CALLS, threads, service=service, base_url=base_url)
    spent, refused = _check(run, LIVE_CALLS)
    hits = service.hits
    service.status = 200
    try:
        recovered = _recovers(run, client.get(PATH).status_code, hits)
    finally:
        client.close()

    without = Service()
    plug(without)
    unbudgeted, other = _sync_run(
        UNBUDGETED, LIVE_CALLS, threads, service=without, base_url=base_url
    )
    other.close()
    assert unbudgeted.service.hits == LIVE_CALLS * (1 + POLICY.max_retries)
    rows.append(
        [
            f"sync, {scenario}",
            "loopback HTTP/1.1",
            LIVE_CALLS,
            hits,
            spent,
            refused,
            LIVE_CALLS + BOUND,
            recovered,
            unbudgeted.service.hits,
        ]
    )


# --- every client's facade, its own retry loops included --------------------------------------

FACADE_CALLS = 1_000 if FULL else 200


def _policy(base: RetryPolicy, budget: bool) -> RetryPolicy:
    """``base`` without waits (nothing sleeps), with its budget or with none."""
    quick = attrs.evolve(base, initial_delay=0.0, max_delay=0.0)
    return quick if budget else attrs.evolve(quick, budget=None)


@attrs.frozen
class Facade:
    """How to build one client on a wire with or without a budget, and one read call."""

    name: str
    build: Callable[[httpx.BaseTransport, bool], Any]
    call: Callable[[Any], object]
    attempts_per_call: int  # what the policy allows a call when nothing limits it
    answer: Callable[[], httpx.Response] = lambda: httpx.Response(503, json={"error": "busy"})


def _kinto(transport: httpx.BaseTransport, budget: bool) -> Any:
    from cloudspec.kinto import KintoClient

    extra: dict[str, Any] = {} if budget else {"retry_budget": None}
    return KintoClient(
        server_url="http://kinto.test/v1", transport=transport, retry_after=0, **extra
    )


def _box(transport: httpx.BaseTransport, budget: bool) -> Any:
    from cloudspec.box import BoxClient
    from cloudspec.box._sync.client import DEFAULT_RETRY

    policy = _policy(DEFAULT_RETRY, budget)
    return BoxClient(access_token="token", transport=transport, retry=policy)


def _buttfs(transport: httpx.BaseTransport, budget: bool) -> Any:
    from cloudspec.buttfs._sync.rest import ButtFSRESTAdapter

    policy = _policy(RetryPolicy(), budget)
    adapter = ButtFSRESTAdapter(
        "http://buttfs.test", "id", "secret", transport=transport, retry=policy
    )
    adapter.access_token = "token"
    return adapter


def _metadisk(transport: httpx.BaseTransport, budget: bool) -> Any:
    from cloudspec.metadisk import DEFAULT_RETRY, Buckets, ECDSAKeyPair

    policy = _policy(DEFAULT_RETRY, budget)
    return Buckets(
        ECDSAKeyPair.generate(), base_url="http://bridge.test", transport=transport, retry=policy
    )


def _smartfile(transport: httpx.BaseTransport, budget: bool) -> Any:
    from cloudspec.smartfile import DEFAULT_RETRY, BasicClient

    policy = _policy(DEFAULT_RETRY, budget)
    return BasicClient(
        "k" * 30, "p" * 30, url="https://files.test/", transport=transport, retry=policy
    )


FACADES = [
    # Kinto, Box and ButtFS: the transport retries the read.
    Facade("kinto", _kinto, lambda c: c.get_bucket(id="b"), 3),
    Facade("box", _box, lambda c: c.folders.get("0"), 6),
    Facade("buttfs", _buttfs, lambda c: c.ping(), 3),
    # Metadisk: the facade re-signs and re-sends the read itself (single-use nonces).
    Facade("metadisk", _metadisk, lambda c: c.list(), 3),
    # SmartFile: the facade's throttle loop (503 + X-Throttle, as the original client knew).
    Facade(
        "smartfile",
        _smartfile,
        lambda c: c.get("/ping"),
        3,
        lambda: httpx.Response(503, headers={"x-throttle": "throttled; next=0 sec"}),
    ),
]


def _facade_hits(facade: Facade, budget: bool) -> int:
    service = Service()

    def wire(request: httpx.Request) -> httpx.Response:
        service.hit()
        return facade.answer()

    client = facade.build(httpx.MockTransport(wire), budget)
    try:
        for _ in range(FACADE_CALLS):
            with pytest.raises(CloudspecError):  # a typed error, every time
                facade.call(client)
    finally:
        client.close()
    return service.hits


@pytest.mark.parametrize("facade", FACADES, ids=[f.name for f in FACADES])
def test_every_client_and_its_own_retry_loops_stay_within_the_budget(
    facade: Facade, rows: list[list[Any]]
) -> None:
    """The facades' own loops (Metadisk's re-signed re-sends, SmartFile's throttle retries)
    draw from the same per-client budget as the transport, so the bound holds for every
    client, not only for the core transport."""
    hits = _facade_hits(facade, budget=True)
    unbudgeted = _facade_hits(facade, budget=False)
    assert hits == FACADE_CALLS + BOUND
    assert unbudgeted == FACADE_CALLS * facade.attempts_per_call
    rows.append(
        [
            f"{facade.name} client",
            "mock",
            FACADE_CALLS,
            hits,
            hits - FACADE_CALLS,
            "-",
            FACADE_CALLS + BOUND,
            "-",
            unbudgeted,
        ]
    )
