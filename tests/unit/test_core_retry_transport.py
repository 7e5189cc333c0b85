"""AsyncRetryTransport and its generated twin RetryTransport, driven by a scripted server.

Every test runs twice, once per transport (the ``rig`` fixture). Sleeping, the monotonic clock
and the jitter are injected, so no test waits; the wire is ``httpx.MockTransport`` (or, for
body-replay tests, a transport that consumes the request stream the way the network one does).
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any, Literal

import attrs
import httpx
import pytest

from cloudspec.core import AsyncRetryTransport, RetryPolicy, RetryTransport
from cloudspec.core.retry import EXT_IDEMPOTENT, EXT_RETRY

URL = "https://api.example.test/v1/buckets/b/records"

Outcome = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Wire:
    """A scripted server: attempt ``i`` gets ``outcomes[i]`` (the last one repeats).

    An outcome is a response (a fresh copy is made for each attempt), an exception to
    raise, or a callable building the response.
    """

    def __init__(self, *outcomes: Outcome) -> None:
        assert outcomes
        self.outcomes = outcomes
        self.requests: list[httpx.Request] = []
        self.bodies: list[bytes] = []

    @property
    def attempts(self) -> int:
        return len(self.requests)

    def respond(self, request: httpx.Request, body: bytes) -> httpx.Response:
        self.requests.append(request)
        self.bodies.append(body)
        outcome = self.outcomes[min(len(self.requests), len(self.outcomes)) - 1]
        if isinstance(outcome, Exception):
            raise outcome
        if isinstance(outcome, httpx.Response):
            return httpx.Response(
                outcome.status_code, headers=outcome.headers, content=outcome.content
            )
        return outcome(request)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        # httpx.MockTransport has read the body already.
        return self.respond(request, request.content)


class StreamingWire(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Consumes the request body by iterating its stream, like httpx's network transport.

    (``httpx.MockTransport`` calls ``request.read()``, which buffers a generator body and
    swaps in a replayable stream, hiding whether the retry layer would re-send it.)
    """

    def __init__(self, wire: Wire) -> None:
        self.wire = wire

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        stream: Any = request.stream
        return self.wire.respond(request, b"".join(stream))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        stream: Any = request.stream
        body = b"".join([chunk async for chunk in stream])
        return self.wire.respond(request, body)


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@attrs.define
class Rig:
    """Builds a retry transport of one kind and sends through it."""

    kind: Literal["async", "sync"]
    clock: FakeClock = attrs.field(factory=FakeClock)
    sleeps: list[float] = attrs.field(factory=list)
    transport: AsyncRetryTransport | RetryTransport | None = None

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock.advance(seconds)

    async def _async_sleep(self, seconds: float) -> None:
        self._sleep(seconds)

    def build(
        self,
        wire: Wire,
        policy: RetryPolicy | None = None,
        *,
        jitter: float = 0.0,
        streaming: bool = False,
    ) -> Rig:
        inner: Any = StreamingWire(wire) if streaming else httpx.MockTransport(wire)
        if self.kind == "async":
            self.transport = AsyncRetryTransport(
                inner, policy, sleep=self._async_sleep, clock=self.clock, jitter=lambda: jitter
            )
        else:
            self.transport = RetryTransport(
                inner, policy, sleep=self._sleep, clock=self.clock, jitter=lambda: jitter
            )
        return self

    async def send(self, request: httpx.Request) -> httpx.Response:
        if isinstance(self.transport, AsyncRetryTransport):
            return await self.transport.handle_async_request(request)
        assert isinstance(self.transport, RetryTransport)
        return self.transport.handle_request(request)

    def streaming_request(self, method: str, chunks: Sequence[bytes]) -> httpx.Request:
        """A request whose body is a one-shot generator (sync or async to match the rig)."""
        if self.kind == "async":

            async def agen() -> AsyncIterator[bytes]:
                for chunk in chunks:
                    yield chunk

            return httpx.Request(method, URL, content=agen())

        def gen() -> Iterator[bytes]:
            yield from chunks

        return httpx.Request(method, URL, content=gen())


@pytest.fixture(params=["async", "sync"])
def rig(request: pytest.FixtureRequest) -> Rig:
    return Rig(kind=request.param)


def req(
    method: str = "GET",
    *,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
    **kw: Any,
) -> httpx.Request:
    return httpx.Request(method, URL, headers=headers, extensions=extensions, **kw)


def ok() -> httpx.Response:
    return httpx.Response(200, json={"ok": True})


def status(code: int, **headers: str) -> httpx.Response:
    return httpx.Response(code, headers={k.replace("_", "-"): v for k, v in headers.items()})


# --- which statuses are retried -------------------------------------------------------------


@pytest.mark.parametrize("code", [408, 429, 500, 502, 503, 504])
async def test_every_policy_status_is_retried_for_get(rig: Rig, code: int) -> None:
    wire = Wire(status(code), ok())
    response = await rig.build(wire).send(req("GET"))
    assert response.status_code == 200
    assert wire.attempts == 2
    assert rig.sleeps == [0.5]


def test_default_policy_lists_the_documented_statuses() -> None:
    assert RetryPolicy().statuses == frozenset({408, 429, 500, 502, 503, 504})


@pytest.mark.parametrize("code", [400, 401, 403, 404, 405, 409, 410, 412, 422, 501, 505])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_other_statuses_are_returned_at_once(rig: Rig, code: int, method: str) -> None:
    wire = Wire(status(code), ok())
    response = await rig.build(wire).send(req(method))
    assert response.status_code == code
    assert wire.attempts == 1
    assert rig.sleeps == []


@pytest.mark.parametrize("code", [401, 409, 412])
@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "POST"])
async def test_conflicts_and_auth_never_retried_even_with_retry_after(
    rig: Rig, code: int, method: str
) -> None:
    wire = Wire(status(code, retry_after="1"), ok())
    response = await rig.build(wire).send(req(method, headers={"If-Match": '"1"'}))
    assert response.status_code == code
    assert wire.attempts == 1


@pytest.mark.parametrize("code", [401, 409, 412])
async def test_conflicts_and_auth_never_retried_even_if_server_says_so(rig: Rig, code: int) -> None:
    wire = Wire(status(code, x_should_retry="true"), ok())
    response = await rig.build(wire).send(req("PUT"))
    assert response.status_code == code
    assert wire.attempts == 1


@pytest.mark.parametrize(("method", "code"), [("GET", 200), ("POST", 201), ("PUT", 204)])
async def test_success_is_never_retried_even_if_server_says_so(
    rig: Rig, method: str, code: int
) -> None:
    wire = Wire(status(code, x_should_retry="true"))
    response = await rig.build(wire).send(req(method, json={"a": 1}))
    assert response.status_code == code
    assert wire.attempts == 1


async def test_success_is_returned_without_retry(rig: Rig) -> None:
    wire = Wire(ok())
    response = await rig.build(wire).send(req())
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert wire.attempts == 1
    assert rig.sleeps == []


async def test_custom_statuses_replace_the_default_set(rig: Rig) -> None:
    policy = RetryPolicy(statuses=frozenset({418}))
    wire = Wire(status(418), ok())
    assert (await rig.build(wire, policy).send(req())).status_code == 200
    assert wire.attempts == 2

    wire = Wire(status(503), ok())
    assert (await Rig(kind=rig.kind).build(wire, policy).send(req())).status_code == 503
    assert wire.attempts == 1


# --- which methods are retried ----------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize("code", [408, 500, 502, 503, 504])
async def test_post_and_patch_not_retried_on_server_errors(
    rig: Rig, method: str, code: int
) -> None:
    wire = Wire(status(code), ok())
    response = await rig.build(wire).send(req(method, json={"data": {}}))
    assert response.status_code == code
    assert wire.attempts == 1
    assert rig.sleeps == []


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_post_and_patch_retried_on_429(rig: Rig, method: str) -> None:
    wire = Wire(status(429), ok())
    response = await rig.build(wire).send(req(method, json={"data": {"x": 1}}))
    assert response.status_code == 200
    assert wire.attempts == 2
    assert wire.bodies[0] == wire.bodies[1] == b'{"data":{"x":1}}'


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"])
async def test_idempotent_methods_retried_on_server_errors(rig: Rig, method: str) -> None:
    wire = Wire(status(503), status(500), ok())
    response = await rig.build(wire).send(req(method))
    assert response.status_code == 200
    assert wire.attempts == 3
    assert rig.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("method", ["PATCH", "POST"])
async def test_conditional_write_with_if_match_is_retried(rig: Rig, method: str) -> None:
    wire = Wire(status(503), ok())
    request = req(method, headers={"If-Match": '"1528"'}, json={"data": {"x": 1}})
    response = await rig.build(wire).send(request)
    assert response.status_code == 200
    assert wire.attempts == 2
    assert all(r.headers["if-match"] == '"1528"' for r in wire.requests)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_create_only_write_with_if_none_match_star_is_retried(rig: Rig, method: str) -> None:
    wire = Wire(status(503), ok())
    response = await rig.build(wire).send(req(method, headers={"If-None-Match": "*"}, json={}))
    assert response.status_code == 200
    assert wire.attempts == 2


async def test_idempotent_extension_true_makes_post_retryable(rig: Rig) -> None:
    wire = Wire(status(502), status(504), ok())
    request = req("POST", json={"q": 1}, extensions={EXT_IDEMPOTENT: True})
    response = await rig.build(wire).send(request)
    assert response.status_code == 200
    assert wire.attempts == 3


async def test_idempotent_extension_true_retries_post_after_read_error(rig: Rig) -> None:
    wire = Wire(httpx.ReadTimeout("slow"), ok())
    request = req("POST", json={"q": 1}, extensions={EXT_IDEMPOTENT: True})
    assert (await rig.build(wire).send(request)).status_code == 200
    assert wire.attempts == 2


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_idempotent_extension_false_stops_retry_on_server_errors(
    rig: Rig, method: str
) -> None:
    wire = Wire(status(503), ok())
    response = await rig.build(wire).send(req(method, extensions={EXT_IDEMPOTENT: False}))
    assert response.status_code == 503
    assert wire.attempts == 1


async def test_idempotent_extension_false_beats_if_match(rig: Rig) -> None:
    wire = Wire(status(503), ok())
    request = req("PATCH", headers={"If-Match": '"1"'}, extensions={EXT_IDEMPOTENT: False})
    assert (await rig.build(wire).send(request)).status_code == 503
    assert wire.attempts == 1


async def test_idempotent_extension_false_still_retries_429(rig: Rig) -> None:
    wire = Wire(status(429), ok())
    response = await rig.build(wire).send(req("GET", extensions={EXT_IDEMPOTENT: False}))
    assert response.status_code == 200
    assert wire.attempts == 2


async def test_idempotent_extension_false_still_retries_connect_errors(rig: Rig) -> None:
    wire = Wire(httpx.ConnectError("refused"), ok())
    response = await rig.build(wire).send(req("GET", extensions={EXT_IDEMPOTENT: False}))
    assert response.status_code == 200
    assert wire.attempts == 2


async def test_idempotent_extension_false_stops_retry_after_read_error(rig: Rig) -> None:
    wire = Wire(httpx.ReadError("reset"), ok())
    with pytest.raises(httpx.ReadError):
        await rig.build(wire).send(req("GET", extensions={EXT_IDEMPOTENT: False}))
    assert wire.attempts == 1


# --- transport errors -------------------------------------------------------------------------


@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
@pytest.mark.parametrize("method", ["POST", "PATCH", "GET", "PUT"])
async def test_not_sent_errors_are_retried_for_every_method(
    rig: Rig, error: type[httpx.TransportError], method: str
) -> None:
    wire = Wire(error("nothing left the machine"), ok())
    response = await rig.build(wire).send(req(method, json={"a": 1}))
    assert response.status_code == 200
    assert wire.attempts == 2
    assert rig.sleeps == [0.5]


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadError,
        httpx.ReadTimeout,
        httpx.WriteError,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
    ],
)
@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_errors_after_sending_are_not_retried_for_post_and_patch(
    rig: Rig, error: type[httpx.TransportError], method: str
) -> None:
    wire = Wire(error("mid-flight"), ok())
    with pytest.raises(error):
        await rig.build(wire).send(req(method, json={"a": 1}))
    assert wire.attempts == 1
    assert rig.sleeps == []


@pytest.mark.parametrize(
    "error", [httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.WriteError]
)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_errors_after_sending_are_retried_for_idempotent_methods(
    rig: Rig, error: type[httpx.TransportError], method: str
) -> None:
    wire = Wire(error("mid-flight"), ok())
    assert (await rig.build(wire).send(req(method))).status_code == 200
    assert wire.attempts == 2


async def test_transport_error_raised_once_retries_are_exhausted(rig: Rig) -> None:
    boom = httpx.ConnectError("refused")
    wire = Wire(boom)
    with pytest.raises(httpx.ConnectError) as caught:
        await rig.build(wire, RetryPolicy(max_retries=3)).send(req("POST"))
    assert caught.value is boom
    assert wire.attempts == 4
    assert rig.sleeps == [0.5, 1.0, 2.0]


async def test_non_transport_exceptions_are_not_retried(rig: Rig) -> None:
    wire = Wire(ValueError("a bug, not the network"), ok())
    with pytest.raises(ValueError, match="a bug"):
        await rig.build(wire).send(req("GET"))
    assert wire.attempts == 1


# --- how many, how long -------------------------------------------------------------------------


@pytest.mark.parametrize("max_retries", [0, 1, 2, 5])
async def test_max_retries_is_honoured_exactly(rig: Rig, max_retries: int) -> None:
    wire = Wire(status(503))
    response = await rig.build(wire, RetryPolicy(max_retries=max_retries)).send(req())
    assert response.status_code == 503
    assert wire.attempts == max_retries + 1
    assert len(rig.sleeps) == max_retries


async def test_default_policy_makes_three_attempts(rig: Rig) -> None:
    wire = Wire(status(500))
    assert (await rig.build(wire).send(req())).status_code == 500
    assert wire.attempts == 3


async def test_backoff_is_exponential_and_capped(rig: Rig) -> None:
    policy = RetryPolicy(max_retries=6, initial_delay=0.5, max_delay=4.0)
    wire = Wire(status(503))
    await rig.build(wire, policy).send(req())
    assert rig.sleeps == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


@pytest.mark.parametrize("jitter", [0.0, 0.3, 0.999999])
async def test_jitter_only_shortens_the_wait(rig: Rig, jitter: float) -> None:
    policy = RetryPolicy(max_retries=5, initial_delay=1.0, max_delay=8.0)
    await rig.build(Wire(status(503)), policy, jitter=jitter).send(req())
    full = [1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(rig.sleeps) == len(full)
    for got, cap in zip(rig.sleeps, full, strict=True):
        assert 0.75 * cap <= got <= cap
        assert got == pytest.approx(cap * (1 - 0.25 * jitter))


async def test_retry_after_seconds_is_honoured(rig: Rig) -> None:
    wire = Wire(status(503, retry_after="3"), status(429, retry_after="1.5"), ok())
    assert (await rig.build(wire).send(req())).status_code == 200
    assert rig.sleeps == [3.0, 1.5]


async def test_retry_after_on_429_post_is_honoured(rig: Rig) -> None:
    wire = Wire(status(429, retry_after="7"), ok())
    assert (await rig.build(wire).send(req("POST", json={}))).status_code == 200
    assert rig.sleeps == [7.0]


async def test_retry_after_ms_wins_over_retry_after(rig: Rig) -> None:
    wire = Wire(status(503, retry_after_ms="250", retry_after="9"), ok())
    assert (await rig.build(wire).send(req())).status_code == 200
    assert rig.sleeps == [0.25]


async def test_retry_after_http_date_is_honoured(rig: Rig) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    wire = Wire(status(503, retry_after=when), ok())
    assert (await rig.build(wire).send(req())).status_code == 200
    assert len(rig.sleeps) == 1
    # An HTTP date has one-second resolution.
    assert 27.0 < rig.sleeps[0] <= 30.0


@pytest.mark.parametrize(
    "headers", [{"retry-after": "120"}, {"retry-after": "60.5"}, {"retry-after-ms": "61000"}]
)
async def test_retry_after_above_the_cap_returns_the_response(
    rig: Rig, headers: dict[str, str]
) -> None:
    wire = Wire(httpx.Response(429, headers=headers), ok())
    response = await rig.build(wire, RetryPolicy(retry_after_cap=60.0)).send(req())
    assert response.status_code == 429
    assert wire.attempts == 1
    assert rig.sleeps == []


async def test_retry_after_equal_to_the_cap_is_honoured(rig: Rig) -> None:
    wire = Wire(status(503, retry_after="5"), ok())
    response = await rig.build(wire, RetryPolicy(retry_after_cap=5.0)).send(req())
    assert response.status_code == 200
    assert rig.sleeps == [5.0]


async def test_retry_after_above_max_delay_but_below_cap_is_honoured(rig: Rig) -> None:
    wire = Wire(status(503, retry_after="30"), ok())
    assert (await rig.build(wire, RetryPolicy(max_delay=8.0)).send(req())).status_code == 200
    assert rig.sleeps == [30.0]


@pytest.mark.parametrize("value", ["soon", "-3", "nan", "inf", ""])
async def test_unusable_retry_after_falls_back_to_backoff(rig: Rig, value: str) -> None:
    wire = Wire(status(503, retry_after=value), ok())
    assert (await rig.build(wire).send(req())).status_code == 200
    assert rig.sleeps == [0.5]


@pytest.mark.parametrize("value", ["0", "Sun, 06 Nov 1994 08:49:37 GMT"])
async def test_zero_or_past_retry_after_uses_backoff(rig: Rig, value: str) -> None:
    wire = Wire(status(503, retry_after=value))
    await rig.build(wire).send(req())
    assert rig.sleeps == [0.5, 1.0]


# --- the server's word: x-should-retry, 202 ---------------------------------------------------


@pytest.mark.parametrize("code", [429, 500, 503])
async def test_x_should_retry_false_stops_retry(rig: Rig, code: int) -> None:
    wire = Wire(status(code, x_should_retry="false"), ok())
    response = await rig.build(wire).send(req("GET"))
    assert response.status_code == code
    assert wire.attempts == 1


async def test_x_should_retry_true_retries_post_on_500(rig: Rig) -> None:
    wire = Wire(status(500, x_should_retry="true"), ok())
    assert (await rig.build(wire).send(req("POST", json={}))).status_code == 200
    assert wire.attempts == 2


async def test_x_should_retry_true_retries_an_unlisted_status(rig: Rig) -> None:
    wire = Wire(status(400, x_should_retry="true"), ok())
    assert (await rig.build(wire).send(req("GET"))).status_code == 200
    assert wire.attempts == 2


async def test_x_should_retry_true_still_honours_max_retries(rig: Rig) -> None:
    wire = Wire(status(500, x_should_retry="true"))
    response = await rig.build(wire, RetryPolicy(max_retries=1)).send(req("POST"))
    assert response.status_code == 500
    assert wire.attempts == 2


async def test_202_with_retry_after_is_retried_when_opted_in(rig: Rig) -> None:
    policy = RetryPolicy(retry_accepted_with_retry_after=True)
    wire = Wire(status(202, retry_after="2"), status(202, retry_after="2"), status(201))
    response = await rig.build(wire, policy).send(req("POST", json={"parts": []}))
    assert response.status_code == 201
    assert wire.attempts == 3
    assert rig.sleeps == [2.0, 2.0]


async def test_202_with_retry_after_is_returned_by_default(rig: Rig) -> None:
    wire = Wire(status(202, retry_after="2"), status(201))
    response = await rig.build(wire).send(req("POST"))
    assert response.status_code == 202
    assert wire.attempts == 1


async def test_202_without_retry_after_is_returned_even_when_opted_in(rig: Rig) -> None:
    policy = RetryPolicy(retry_accepted_with_retry_after=True)
    wire = Wire(status(202), status(201))
    assert (await rig.build(wire, policy).send(req("GET"))).status_code == 202
    assert wire.attempts == 1


async def test_202_with_retry_after_above_cap_is_returned(rig: Rig) -> None:
    policy = RetryPolicy(retry_accepted_with_retry_after=True, retry_after_cap=10.0)
    wire = Wire(status(202, retry_after="11"), status(201))
    assert (await rig.build(wire, policy).send(req("GET"))).status_code == 202
    assert wire.attempts == 1


# --- per-request policy -----------------------------------------------------------------------


async def test_per_request_policy_overrides_the_transport_policy(rig: Rig) -> None:
    wire = Wire(status(503))
    rig.build(wire, RetryPolicy(max_retries=1))
    await rig.send(req(extensions={EXT_RETRY: RetryPolicy(max_retries=4, initial_delay=0.1)}))
    assert wire.attempts == 5
    assert rig.sleeps == pytest.approx([0.1, 0.2, 0.4, 0.8])


async def test_per_request_policy_can_switch_retries_off(rig: Rig) -> None:
    wire = Wire(status(503), ok())
    rig.build(wire)
    response = await rig.send(req(extensions={EXT_RETRY: RetryPolicy(max_retries=0)}))
    assert response.status_code == 503
    assert wire.attempts == 1
    # The transport's own policy still applies to the next request.
    assert (await rig.send(req())).status_code == 200


async def test_per_request_policy_governs_errors_too(rig: Rig) -> None:
    wire = Wire(httpx.ConnectError("refused"))
    rig.build(wire, RetryPolicy(max_retries=5))
    with pytest.raises(httpx.ConnectError):
        await rig.send(req("POST", extensions={EXT_RETRY: RetryPolicy(max_retries=1)}))
    assert wire.attempts == 2


async def test_per_request_policy_none_does_not_crash(rig: Rig) -> None:
    wire = Wire(status(503), ok())
    response = await rig.build(wire).send(req(extensions={EXT_RETRY: None}))
    assert response.status_code in (200, 503)


def test_transport_exposes_its_policy() -> None:
    policy = RetryPolicy(max_retries=7)
    assert RetryTransport(httpx.MockTransport(lambda r: ok()), policy).policy is policy
    assert AsyncRetryTransport(httpx.MockTransport(lambda r: ok())).policy == RetryPolicy()


# --- the Backoff header -------------------------------------------------------------------------

BACKOFF = RetryPolicy(backoff_header="Backoff", backoff_cap=60.0)


async def test_backoff_header_delays_the_next_request(rig: Rig) -> None:
    wire = Wire(status(200, backoff="10"), ok(), ok())
    rig.build(wire, BACKOFF)
    first = await rig.send(req())
    # The response carrying Backoff is returned, not failed or delayed.
    assert first.status_code == 200
    assert rig.sleeps == []
    second = await rig.send(req())
    assert second.status_code == 200
    assert rig.sleeps == [10.0]
    # The deadline has passed: no more waiting.
    await rig.send(req())
    assert rig.sleeps == [10.0]
    assert wire.attempts == 3


async def test_backoff_counts_time_already_elapsed(rig: Rig) -> None:
    wire = Wire(status(200, backoff="10"), ok())
    rig.build(wire, BACKOFF)
    await rig.send(req())
    rig.clock.advance(4.0)
    await rig.send(req())
    assert rig.sleeps == [pytest.approx(6.0)]


async def test_backoff_is_capped(rig: Rig) -> None:
    wire = Wire(status(200, backoff="100000"), ok())
    rig.build(wire, RetryPolicy(backoff_header="Backoff", backoff_cap=30.0))
    await rig.send(req())
    await rig.send(req())
    assert rig.sleeps == [30.0]


async def test_backoff_ignored_unless_the_policy_names_the_header(rig: Rig) -> None:
    wire = Wire(status(200, backoff="10"), ok())
    rig.build(wire)
    await rig.send(req())
    await rig.send(req())
    assert rig.sleeps == []


@pytest.mark.parametrize("value", ["soon", "-5", "0", "nan", "inf", ""])
async def test_unusable_backoff_values_are_ignored(rig: Rig, value: str) -> None:
    wire = Wire(status(200, backoff=value), ok())
    rig.build(wire, BACKOFF)
    await rig.send(req())
    await rig.send(req())
    assert rig.sleeps == []


async def test_backoff_on_a_retried_response_paces_the_retry(rig: Rig) -> None:
    wire = Wire(status(503, backoff="5"), ok())
    response = await rig.build(wire, BACKOFF).send(req())
    assert response.status_code == 200
    assert wire.attempts == 2
    # The retry waits its own delay (0.5 s), then whatever remains of the Backoff.
    assert rig.sleeps == [0.5, pytest.approx(4.5)]
    assert sum(rig.sleeps) == pytest.approx(5.0)


async def test_backoff_from_an_error_response_applies_to_later_requests(rig: Rig) -> None:
    wire = Wire(status(404, backoff="3"), ok())
    rig.build(wire, BACKOFF)
    assert (await rig.send(req())).status_code == 404
    assert (await rig.send(req())).status_code == 200
    assert rig.sleeps == [3.0]


# --- bodies and response hygiene ------------------------------------------------------------


class TrackedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that records when it is closed."""

    def __init__(self, events: list[str], name: str) -> None:
        self.events = events
        self.name = name

    def __iter__(self) -> Iterator[bytes]:
        yield b"busy"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"busy"

    def close(self) -> None:
        self.events.append(f"close {self.name}")

    async def aclose(self) -> None:
        self.events.append(f"close {self.name}")


async def test_failed_responses_are_closed_before_retrying(rig: Rig) -> None:
    events: list[str] = []
    count = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal count
        count += 1
        events.append(f"send {count}")
        if count < 3:
            return httpx.Response(503, stream=TrackedStream(events, f"r{count}"))
        return httpx.Response(200, stream=TrackedStream(events, "final"))

    response = await rig.build(Wire(handler)).send(req())
    assert response.status_code == 200
    assert events == ["send 1", "close r1", "send 2", "close r2", "send 3"]


async def test_the_returned_failure_is_left_open_and_readable(rig: Rig) -> None:
    wire = Wire(httpx.Response(503, json={"message": "try later"}))
    response = await rig.build(wire, RetryPolicy(max_retries=1)).send(req())
    assert response.status_code == 503
    assert response.json() == {"message": "try later"}


@pytest.mark.parametrize("outcome", [status(503), httpx.ConnectError("refused"), status(429)])
async def test_non_replayable_body_is_never_resent(rig: Rig, outcome: Outcome) -> None:
    wire = Wire(outcome, ok())
    rig.build(wire, streaming=True)
    request = rig.streaming_request("PUT", [b"part1-", b"part2"])
    if isinstance(outcome, Exception):
        with pytest.raises(type(outcome)):
            await rig.send(request)
    else:
        assert isinstance(outcome, httpx.Response)
        response = await rig.send(request)
        assert response.status_code == outcome.status_code
    assert wire.attempts == 1
    assert wire.bodies == [b"part1-part2"]
    assert rig.sleeps == []


class RewindableBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """An upload stream that can seek back to its start (like the transfer engine's)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.rewinds = 0

    def _chunks(self) -> Iterator[bytes]:
        while self.pos < len(self.data):
            chunk = self.data[self.pos : self.pos + 4]
            self.pos += len(chunk)
            yield chunk

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk

    def rewind(self) -> None:
        self.rewinds += 1
        self.pos = 0


async def test_rewindable_body_is_rewound_and_resent(rig: Rig) -> None:
    body = RewindableBody(b"0123456789abcdef")
    wire = Wire(status(503), httpx.ConnectError("refused"), ok())
    rig.build(wire, streaming=True)
    response = await rig.send(httpx.Request("PUT", URL, stream=body))
    assert response.status_code == 200
    assert wire.attempts == 3
    assert wire.bodies == [b"0123456789abcdef"] * 3
    assert body.rewinds == 2


async def test_retry_resends_the_same_request_headers_and_body(rig: Rig) -> None:
    wire = Wire(status(503), ok())
    request = req(
        "PUT",
        headers={"Authorization": "Bearer t0k3n-value", "If-Match": '"7"'},
        json={"data": {"title": "x"}},
    )
    await rig.build(wire).send(request)
    assert wire.attempts == 2
    first, second = wire.requests
    assert first.headers["authorization"] == second.headers["authorization"]
    assert first.headers["if-match"] == second.headers["if-match"]
    assert wire.bodies[0] == wire.bodies[1] == b'{"data":{"title":"x"}}'


async def test_retry_logs_name_the_path_but_not_the_query(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="cloudspec.retry")
    wire = Wire(status(503), httpx.ConnectError("refused"), ok())
    request = httpx.Request("GET", URL + "?access_token=SECRET-QUERY-TOKEN")
    await rig.build(wire).send(request)
    messages = [r.getMessage() for r in caplog.records if r.name == "cloudspec.retry"]
    assert len(messages) == 2
    assert "status 503" in messages[0]
    assert "ConnectError" in messages[1]
    assert all("/v1/buckets/b/records" in m for m in messages)
    assert not any("SECRET-QUERY-TOKEN" in m for m in messages)


async def test_close_is_forwarded_to_the_wrapped_transport(rig: Rig) -> None:
    closed: list[str] = []

    class Inner(httpx.BaseTransport, httpx.AsyncBaseTransport):
        def close(self) -> None:
            closed.append("sync")

        async def aclose(self) -> None:
            closed.append("async")

    inner = Inner()
    if rig.kind == "async":
        await AsyncRetryTransport(inner).aclose()
    else:
        RetryTransport(inner).close()
    assert closed == [rig.kind]


async def test_retry_through_a_real_client(rig: Rig) -> None:
    """The transport under httpx.Client/AsyncClient: extensions and bodies survive the client."""
    wire = Wire(status(503), status(503), ok())
    rig.build(wire, RetryPolicy(max_retries=1))
    policy = RetryPolicy(max_retries=3)
    if isinstance(rig.transport, AsyncRetryTransport):
        async with httpx.AsyncClient(transport=rig.transport) as client:
            response = await client.put(URL, json={"a": 1}, extensions={EXT_RETRY: policy})
    else:
        assert isinstance(rig.transport, RetryTransport)
        with httpx.Client(transport=rig.transport) as client:
            response = client.put(URL, json={"a": 1}, extensions={EXT_RETRY: policy})
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert wire.attempts == 3
    assert set(wire.bodies) == {b'{"a":1}'}
