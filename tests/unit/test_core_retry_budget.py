"""The retry budget (``cloudspec.core.budget``): a token bucket, as in botocore's "standard"
retry mode, that keeps a failing service from a retry storm.

Why these tests: the bucket is only worth having if its arithmetic is exact under contention
(threads, tasks, several event loops), if every client gets its own bucket unless told to
share one, if a spent budget turns a retry into an immediate error rather than a wait, and if
a recovered service is served at once. Each test states which of those it pins. Nothing
sleeps: the transports get a recording sleep, and the facades' sleep names are patched.
"""

from __future__ import annotations

import asyncio
import builtins
import threading
from collections.abc import Callable
from pathlib import Path

import attrs
import httpx
import pytest

from cloudspec.core import (
    BudgetState,
    PerClientBudget,
    RetryBudget,
    RetryPolicy,
    build_async_client,
    build_client,
    retry_budget_of,
)
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.errors import ConnectionError as CloudspecConnectionError
from cloudspec.core.retry import EXT_RETRY

URL = "https://api.example.test/v1/things"
NO_WAIT = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def _no_sleep(seconds: float) -> None:
    pass


async def _async_no_sleep(seconds: float) -> None:
    pass


Handler = Callable[[httpx.Request], httpx.Response]


def _client(handler: Handler, policy: RetryPolicy = NO_WAIT) -> httpx.Client:
    return build_client(
        "https://api.example.test",
        retry=policy,
        transport=httpx.MockTransport(handler),
        sleep=_no_sleep,
    )


class Script:
    """A server answering ``status`` to everything (changeable between calls), counting hits."""

    def __init__(self, status: int = 503, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.headers = headers or {}
        self.hits = 0
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.hits += 1
        return httpx.Response(self.status, headers=self.headers, json={})


# --- the bucket itself -----------------------------------------------------------------------


def test_a_fresh_budget_holds_botocores_standard_figures() -> None:
    """500 tokens, 5 per retry, 10 after a timeout or broken connection, 1 back per success:
    the figures every AWS SDK's standard mode uses, so the bound is the familiar one."""
    budget = RetryBudget()
    assert budget.state() == BudgetState(
        capacity=500,
        available=500,
        retries_granted=0,
        retries_refused=0,
        tokens_spent=0,
        tokens_refunded=0,
    )
    assert (budget.retry_cost, budget.timeout_retry_cost, budget.success_refund) == (5, 10, 1)


@pytest.mark.parametrize(
    ("error", "cost"),
    [
        (None, 5),
        (RuntimeError("a 503"), 5),
        (httpx.ReadTimeout("slow"), 10),
        (httpx.ConnectError("refused"), 10),
        (CloudspecConnectionError("reset"), 10),
        (builtins.TimeoutError(), 10),
    ],
)
def test_a_retry_after_a_timeout_or_a_broken_connection_costs_double(
    error: BaseException | None, cost: int
) -> None:
    """Timeouts held a connection for a whole timeout: they are the expensive failures."""
    budget = RetryBudget()
    assert budget.try_acquire(error) == cost
    assert budget.available == 500 - cost


def test_a_budget_that_cannot_pay_refuses_and_never_goes_negative() -> None:
    """Refusal is the whole point: no tokens, no retry, and the count says how often."""
    budget = RetryBudget(12)
    assert budget.try_acquire() == 5
    assert budget.try_acquire() == 5
    assert budget.try_acquire(httpx.ReadTimeout("slow")) is None  # 10 > 2 left
    assert budget.try_acquire() is None
    state = budget.state()
    assert (state.available, state.retries_granted, state.retries_refused) == (2, 2, 2)


def test_a_cheap_retry_still_fits_where_an_expensive_one_does_not() -> None:
    budget = RetryBudget(7)
    assert budget.try_acquire(httpx.ReadTimeout("slow")) is None
    assert budget.try_acquire() == 5


def test_successes_refill_one_token_or_the_whole_cost_of_the_retry_that_succeeded() -> None:
    """As botocore: a plain success earns 1; a success after a retry returns that retry's
    cost, so a blip that one retry fixes costs nothing in the end."""
    budget = RetryBudget(100)
    cost = budget.try_acquire(httpx.ConnectError("refused"))
    assert cost == 10
    budget.record_success(cost)
    assert budget.available == 100
    budget.try_acquire()
    budget.try_acquire()
    budget.record_success()
    assert budget.available == 91


def test_refunds_never_exceed_the_capacity() -> None:
    budget = RetryBudget(10)
    for _ in range(5):
        budget.record_success()
    budget.record_success(10)
    assert budget.available == 10
    assert budget.state().tokens_refunded == 0


@pytest.mark.parametrize(
    "field", ["capacity", "retry_cost", "timeout_retry_cost", "success_refund"]
)
def test_zero_sizes_and_prices_are_refused(field: str) -> None:
    """A free retry is no budget, and an empty bucket forbids every retry: both are better
    said with ``budget=None`` or ``max_retries=0`` than by a silent zero."""
    with pytest.raises(ValueError, match=field):
        PerClientBudget(**{field: 0})
    with pytest.raises(ValueError, match=field):
        RetryBudget(**{field: 0})


def test_equality_is_identity_and_repr_shows_the_level() -> None:
    one, other = RetryBudget(), RetryBudget()
    assert one != other
    assert one == one
    one.try_acquire()
    assert repr(one) == "RetryBudget(capacity=500, available=495)"


def test_threads_never_overspend_the_bucket() -> None:
    """16 threads racing for 10,000 retries: exactly capacity // cost are granted."""
    budget = RetryBudget(500)
    barrier = threading.Barrier(16)
    granted: list[int] = []
    guard = threading.Lock()

    def spend() -> None:
        barrier.wait()
        mine = sum(1 for _ in range(625) if budget.try_acquire() is not None)
        with guard:
            granted.append(mine)

    threads = [threading.Thread(target=spend) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(granted) == 100
    state = budget.state()
    assert (state.available, state.retries_granted, state.retries_refused) == (0, 100, 9900)


def test_tasks_of_several_event_loops_share_one_bucket_exactly() -> None:
    """4 threads, each with its own event loop running 16 tasks: the lock guards arithmetic
    only, so no loop can stall another and none can bypass it."""
    budget = RetryBudget(1000)

    async def task() -> int:
        granted = 0
        for _ in range(50):
            if budget.try_acquire() is not None:
                granted += 1
            await asyncio.sleep(0)
            budget.record_success()
        return granted

    async def loop_main() -> int:
        return sum(await asyncio.gather(*(task() for _ in range(16))))

    results: list[int] = []
    guard = threading.Lock()

    def run_loop() -> None:
        total = asyncio.run(loop_main())
        with guard:
            results.append(total)

    threads = [threading.Thread(target=run_loop) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = budget.state()
    # Conservation: what is left is what was there, less what was spent, plus refunds.
    assert state.available == 1000 - state.tokens_spent + state.tokens_refunded
    assert state.retries_granted == sum(results)
    assert state.retries_granted + state.retries_refused == 4 * 16 * 50
    assert 0 <= state.available <= 1000


# --- the policy ----------------------------------------------------------------------------


def test_every_policy_asks_for_a_budget_per_client_by_default() -> None:
    """Policies are frozen values shared by many clients (module-level defaults), so the
    default is a description that each client turns into its own bucket."""
    policy = RetryPolicy()
    assert policy.budget == PerClientBudget()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.budget.capacity = 1  # type: ignore[misc]
    first, second = policy.for_client(), policy.for_client()
    assert isinstance(first.budget, RetryBudget)
    assert first.budget is not second.budget


def test_for_client_keeps_a_shared_budget_or_none() -> None:
    shared = RetryBudget()
    assert RetryPolicy(budget=shared).for_client().budget is shared
    assert RetryPolicy(budget=None).for_client().budget is None


# --- the transport ---------------------------------------------------------------------------


def test_each_client_gets_its_own_budget() -> None:
    """One misbehaving service must not spend the retries of another service's client."""
    script = Script()
    first, second = _client(script), _client(script)
    one, two = retry_budget_of(first), retry_budget_of(second)
    assert one is not None and two is not None and one is not two
    first.get(URL)
    assert one.available == 500 - 2 * 5
    assert two.available == 500


def test_a_shared_budget_is_shared_and_none_turns_it_off() -> None:
    script = Script()
    shared = RetryBudget(10)
    first = _client(script, attrs.evolve(NO_WAIT, budget=shared))
    second = _client(script, attrs.evolve(NO_WAIT, budget=shared))
    assert retry_budget_of(first) is retry_budget_of(second) is shared
    first.get(URL)  # 1 + 2 retries: spends all 10
    second.get(URL)  # nothing left: 1 hit
    assert script.hits == 4
    unbudgeted = _client(script, attrs.evolve(NO_WAIT, budget=None))
    assert retry_budget_of(unbudgeted) is None
    assert budget_allows_retry(unbudgeted)
    unbudgeted.get(URL)
    assert script.hits == 7


def test_a_spent_budget_returns_the_failure_at_once_and_recovery_is_immediate() -> None:
    """No tokens: the 503 comes back without a sleep; then the service recovers, and the next
    call goes out and succeeds without waiting for a refill (first attempts are free)."""
    script = Script(503)
    sleeps: list[float] = []
    client = build_client(
        "https://api.example.test",
        retry=attrs.evolve(RetryPolicy(), budget=PerClientBudget(capacity=10)),
        transport=httpx.MockTransport(script),
        sleep=sleeps.append,
    )
    budget = retry_budget_of(client)
    assert budget is not None
    assert client.get(URL).status_code == 503
    assert (script.hits, len(sleeps)) == (3, 2)
    assert client.get(URL).status_code == 503
    assert (script.hits, len(sleeps)) == (4, 2)  # refused: no retry, no wait
    assert budget.state().retries_refused == 1
    script.status = 200
    assert client.get(URL).status_code == 200
    assert (script.hits, len(sleeps)) == (5, 2)
    assert budget.available == 1


def test_a_retry_that_succeeds_gives_its_tokens_back() -> None:
    answers = iter([503, 200])
    client = _client(lambda request: httpx.Response(next(answers)))
    budget = retry_budget_of(client)
    assert budget is not None
    assert client.get(URL).status_code == 200
    assert budget.available == 500
    assert budget.state().retries_granted == 1


def test_a_connection_error_retry_costs_ten_and_a_spent_budget_raises_it() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = _client(refuse, attrs.evolve(NO_WAIT, budget=PerClientBudget(capacity=25)))
    budget = retry_budget_of(client)
    assert budget is not None
    with pytest.raises(httpx.ConnectError):
        client.get(URL)
    assert budget.available == 5
    with pytest.raises(httpx.ConnectError):
        client.get(URL)
    assert budget.state().retries_refused == 1


@pytest.mark.parametrize(("status", "refund"), [(200, 1), (404, 1), (409, 1), (500, 0)])
def test_healthy_answers_refill_the_bucket_and_failures_do_not(status: int, refund: int) -> None:
    """A 404 or 409 is a working service answering; a 5xx (or 408/429) is not."""
    client = _client(
        lambda request: httpx.Response(status),
        attrs.evolve(NO_WAIT, max_retries=0),
    )
    budget = retry_budget_of(client)
    assert budget is not None
    budget.try_acquire()
    client.post(URL)
    assert budget.available == 495 + refund


def test_polling_a_202_with_retry_after_costs_nothing() -> None:
    """Box answers 202 + Retry-After while a commit is processed: the server asked us to come
    back, which is not a failure to ration."""
    answers = iter([202, 202, 202, 201])

    def box(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        return httpx.Response(status, headers={"retry-after": "1"} if status == 202 else {})

    policy = attrs.evolve(NO_WAIT, max_retries=5, retry_accepted_with_retry_after=True)
    client = _client(box, policy)
    budget = retry_budget_of(client)
    assert budget is not None
    assert client.post(URL, extensions={"cloudspec.idempotent": True}).status_code == 201
    assert budget.state().retries_granted == 0
    assert budget.available == 500


def test_a_request_with_retries_off_still_refills_the_clients_budget() -> None:
    client = _client(lambda request: httpx.Response(200))
    budget = retry_budget_of(client)
    assert budget is not None
    budget.try_acquire()
    client.get(URL, extensions={EXT_RETRY: None})
    assert budget.available == 496


async def test_the_async_client_draws_from_its_own_budget() -> None:
    script = Script(503)
    client = build_async_client(
        "https://api.example.test",
        retry=attrs.evolve(NO_WAIT, budget=PerClientBudget(capacity=50)),
        transport=httpx.MockTransport(script),
        sleep=_async_no_sleep,
    )
    async with client:
        budget = retry_budget_of(client)
        assert budget is not None
        await asyncio.gather(*(client.get(URL) for _ in range(64)))
    assert script.hits == 64 + 10
    assert budget.state().retries_granted == 10


# --- facade loops draw from the same budget ---------------------------------------------------


def test_metadisk_resends_draw_from_the_clients_budget() -> None:
    """Metadisk re-signs and re-sends reads itself (single-use nonces): those re-sends are
    paid from the budget the transport uses, so they cannot storm either."""
    from cloudspec.metadisk import Buckets, ECDSAKeyPair, MetadiskServerError

    script = Script(503)
    policy = RetryPolicy(
        initial_delay=0.0,
        max_delay=0.0,
        statuses=frozenset({502, 503, 504}),
        budget=PerClientBudget(capacity=10),
    )
    buckets = Buckets(
        ECDSAKeyPair.generate(),
        base_url="http://bridge.test",
        retry=policy,
        transport=httpx.MockTransport(script),
    )
    with pytest.raises(MetadiskServerError):
        buckets.list()
    assert script.hits == 3  # 2 re-sends, 10 tokens
    with pytest.raises(MetadiskServerError):
        buckets.list()
    assert script.hits == 4  # spent: raised at once
    script.status = 200
    assert buckets.list() == []
    assert script.hits == 5


def test_smartfile_throttle_retries_draw_from_the_clients_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cloudspec.smartfile import BasicClient, RateLimitError
    from cloudspec.smartfile._sync import client as module

    waits: list[float] = []
    monkeypatch.setattr(module, "sleep", waits.append)
    script = Script(429, headers={"retry-after": "1"})
    client = BasicClient(
        "k" * 30,
        "p" * 30,
        url="https://files.example.test/",
        transport=httpx.MockTransport(script),
        retry=attrs.evolve(module.DEFAULT_RETRY, budget=PerClientBudget(capacity=5)),
    )
    with pytest.raises(RateLimitError):
        client.get("/ping")  # one throttle retry (5 tokens), then refused
    assert script.hits == 2 and waits == [1.0]
    with pytest.raises(RateLimitError):
        client.get("/ping")  # refused at once: no wait
    assert script.hits == 3 and waits == [1.0]


def _dropping(hits: list[httpx.Request]) -> httpx.MockTransport:
    def drop(request: httpx.Request) -> httpx.Response:
        hits.append(request)
        raise httpx.ReadError("connection reset", request=request)

    return httpx.MockTransport(drop)


@pytest.mark.parametrize(("budget", "expected_hits"), [(True, 4), (False, 12)])
def test_resumed_downloads_draw_from_the_clients_budget(
    budget: bool, expected_hits: int, tmp_path: Path
) -> None:
    """A resume after a drop is a retry too. With 30 tokens: the transport's two retries take
    20, the first resume 10, and the second resume is refused. Without a budget: 3 attempts
    for each of the 4 tries (1 + 3 resumes)."""
    from cloudspec.core._sync.download import download_to_path
    from cloudspec.core.errors import TransportError

    hits: list[httpx.Request] = []
    policy = attrs.evolve(NO_WAIT, budget=PerClientBudget(capacity=30) if budget else None)
    client = build_client(
        "https://files.example.test", retry=policy, transport=_dropping(hits), sleep=_no_sleep
    )
    with client, pytest.raises(TransportError):
        download_to_path(client, "/f", tmp_path / "f", max_resumes=3)
    assert len(hits) == expected_hits


@pytest.mark.parametrize(("budget", "expected_hits"), [(True, 4), (False, 12)])
def test_resumed_buttfs_downloads_draw_from_the_clients_budget(
    budget: bool, expected_hits: int, tmp_path: Path
) -> None:
    from cloudspec.buttfs._sync.rest import ButtFSRESTAdapter
    from cloudspec.core.errors import TransportError

    hits: list[httpx.Request] = []
    policy = attrs.evolve(NO_WAIT, budget=PerClientBudget(capacity=30) if budget else None)
    adapter = ButtFSRESTAdapter(
        "http://buttfs.test", "id", "secret", retry=policy, transport=_dropping(hits)
    )
    adapter.access_token = "token"
    with pytest.raises(TransportError):
        adapter.download_file("/f", tmp_path / "f", max_resumes=3)
    adapter.close()
    assert len(hits) == expected_hits


@pytest.mark.parametrize(("budget", "expected_hits"), [(True, 3), (False, 6)])
def test_box_upload_retries_draw_from_the_clients_budget(
    budget: bool, expected_hits: int, tmp_path: Path
) -> None:
    """Box re-sends a direct upload itself (the multipart body is re-read from the file): with
    10 tokens, 2 of its 5 retries are paid for."""
    from cloudspec.box import BoxClient
    from cloudspec.core.errors import ServerError

    script = Script(503)
    policy = RetryPolicy(
        max_retries=5,
        initial_delay=0.0,
        max_delay=0.0,
        budget=PerClientBudget(capacity=10) if budget else None,
    )
    source = tmp_path / "small.txt"
    source.write_bytes(b"hello")
    with (
        BoxClient(access_token="token", retry=policy, transport=httpx.MockTransport(script)) as box,
        pytest.raises(ServerError),
    ):
        box.files.upload(source, "0")
    assert script.hits == expected_hits
