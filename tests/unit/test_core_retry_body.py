"""A response body cut mid-way is retried like a dropped connection, for bodies read whole.

The retry transport reads a body the caller reads whole anyway (JSON/HTML, or a request marked
``cloudspec.read_whole``) inside its loop when the request is safe to repeat, so a connection
dropped or reset mid-body (or a body shorter than its ``Content-Length``) is retried with the
same backoff, budget cost and attempt limit as a connection error. Streamed downloads are not
read ahead. Every test runs against the sync and the async client built by the factory (the
whole stack: retry -> body cap -> network), the network being a fake transport whose body
stream raises ``httpx.ReadError`` after N bytes, or a tiny server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Literal

import httpx
import pytest

from cloudspec.core import RetryBudget, RetryPolicy, build_async_client, build_client
from cloudspec.core.errors import ConnectionError, ResponseTooLargeError, map_transport_errors
from cloudspec.core.limits import EXT_MAX_RESPONSE_BYTES, EXT_READ_WHOLE
from cloudspec.core.retry import EXT_IDEMPOTENT

BASE = "https://api.example.test"
JSON_BODY = json.dumps({"data": [{"id": f"r{i}", "n": i} for i in range(200)]}).encode()
CHUNK = 1024

Kind = Literal["sync", "async"]


class CutBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body yielded in ``CHUNK``-byte pieces that raises ``ReadError`` after ``cut`` bytes
    (``None``: never). Counts what it has yielded, and whether it was closed."""

    def __init__(self, body: bytes, cut: int | None, error: type[Exception]) -> None:
        self.body = body
        self.cut = cut
        self.error = error
        self.yielded = 0
        self.closed = False

    def _pieces(self) -> Iterator[bytes]:
        end = len(self.body) if self.cut is None else self.cut
        for start in range(0, end, CHUNK):
            piece = self.body[start : min(start + CHUNK, end)]
            self.yielded += len(piece)
            yield piece
        if self.cut is not None:
            raise self.error("connection reset by peer")

    def __iter__(self) -> Iterator[bytes]:
        yield from self._pieces()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces():
            yield piece

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Network(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Attempt ``i`` gets a body cut after ``cuts[i]`` bytes (``None``: whole); the last entry
    repeats for later attempts."""

    def __init__(
        self,
        *cuts: int | None,
        body: bytes = JSON_BODY,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        error: type[Exception] = httpx.ReadError,
    ) -> None:
        self.cuts = cuts or (None,)
        self.body = body
        self.headers = {"content-type": content_type, **(headers or {})}
        self.error = error
        self.requests: list[httpx.Request] = []
        self.streams: list[CutBody] = []

    @property
    def attempts(self) -> int:
        return len(self.requests)

    def _respond(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        cut = self.cuts[min(len(self.requests), len(self.cuts)) - 1]
        stream = CutBody(self.body, cut, self.error)
        self.streams.append(stream)
        return httpx.Response(200, headers=self.headers, stream=stream)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._respond(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self._respond(request)


class Rig:
    """Builds a factory client of one kind over a network and sends through it."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.sleeps: list[float] = []

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def _async_sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def client(self, network: Network | None, **kwargs: Any) -> Any:
        base = kwargs.pop("base_url", BASE)
        kwargs.setdefault("retry", RetryPolicy(max_retries=2))
        if self.kind == "sync":
            return build_client(base, transport=network, sleep=self._sleep, **kwargs)
        return build_async_client(base, transport=network, sleep=self._async_sleep, **kwargs)

    def run(self, client: Any, use: Callable[[Any], Any]) -> Any:
        """``use(client)`` returns a value (sync) or a coroutine (async); its result."""
        if self.kind == "sync":
            with client:
                return use(client)

        async def main() -> Any:
            async with client:
                return await use(client)

        return asyncio.run(main())

    def fetch(
        self, client: Any, method: str = "GET", extensions: dict[str, Any] | None = None
    ) -> bytes:
        """Sends and reads the body whole, under the facades' error mapping."""
        request = client.build_request(method, "/v1/records", extensions=extensions)
        if self.kind == "sync":

            def use(c: Any) -> bytes:
                with map_transport_errors():
                    return bytes(c.send(request).content)

            return bytes(self.run(client, use))

        async def use_async(c: Any) -> bytes:
            with map_transport_errors():
                response = await c.send(request)
            return bytes(response.content)

        return bytes(self.run(client, use_async))


@pytest.fixture(params=["sync", "async"])
def rig(request: pytest.FixtureRequest) -> Rig:
    return Rig(request.param)


def _budget(client: Any) -> RetryBudget:
    budget = client._transport.budget
    assert isinstance(budget, RetryBudget)
    return budget


# Safe to repeat: retried ---------------------------------------------------------------


def test_get_cut_mid_body_is_retried_and_succeeds(rig: Rig) -> None:
    network = Network(3000, None)
    client = rig.client(network)
    budget = _budget(client)
    assert rig.fetch(client) == JSON_BODY
    assert network.attempts == 2
    assert network.streams[0].closed  # the broken response was closed
    # The same backoff as a connection error: initial_delay, which jitter only shortens.
    assert len(rig.sleeps) == 1 and 0.375 <= rig.sleeps[0] <= 0.5
    state = budget.state()
    # Charged as a broken connection (timeout_retry_cost), refunded by the retry's success.
    assert state.retries_granted == 1
    assert state.tokens_spent == budget.timeout_retry_cost == 10
    assert state.tokens_refunded == 10


def test_remote_protocol_error_mid_body_is_retried(rig: Rig) -> None:
    """What httpx raises for a body shorter than its Content-Length."""
    network = Network(0, None, error=httpx.RemoteProtocolError)
    client = rig.client(network)
    assert rig.fetch(client) == JSON_BODY
    assert network.attempts == 2


def test_post_marked_idempotent_is_retried(rig: Rig) -> None:
    network = Network(100, None)
    client = rig.client(network)
    assert rig.fetch(client, "POST", {EXT_IDEMPOTENT: True}) == JSON_BODY
    assert network.attempts == 2


def test_any_type_is_read_whole_when_the_request_says_so(rig: Rig) -> None:
    network = Network(100, None, content_type="text/plain")
    client = rig.client(network)
    assert rig.fetch(client, extensions={EXT_READ_WHOLE: True}) == JSON_BODY
    assert network.attempts == 2


def test_cut_every_time_gives_up_after_max_attempts(rig: Rig) -> None:
    network = Network(500)
    client = rig.client(network)
    budget = _budget(client)
    with pytest.raises(ConnectionError) as caught:
        rig.fetch(client)
    assert isinstance(caught.value.__cause__, httpx.ReadError)
    assert network.attempts == 3  # 1 + max_retries
    assert len(rig.sleeps) == 2
    assert 0.375 <= rig.sleeps[0] <= 0.5 and 0.75 <= rig.sleeps[1] <= 1.0
    assert budget.state().tokens_spent == 20
    assert all(stream.closed for stream in network.streams)


def test_a_budget_that_cannot_pay_stops_the_retry(rig: Rig) -> None:
    shared = RetryBudget(capacity=15, retry_cost=5, timeout_retry_cost=10)
    network = Network(500)
    client = rig.client(network, retry=RetryPolicy(max_retries=5, budget=shared))
    with pytest.raises(ConnectionError):
        rig.fetch(client)
    assert network.attempts == 2  # one retry paid (10 of 15 tokens), the next refused
    state = shared.state()
    assert (state.retries_granted, state.retries_refused, state.available) == (1, 1, 5)


# Not safe to repeat, or not read whole: untouched ----------------------------------------


def test_post_not_marked_idempotent_is_not_retried(rig: Rig) -> None:
    network = Network(3000, None)
    client = rig.client(network)
    budget = _budget(client)
    with pytest.raises(ConnectionError) as caught:
        rig.fetch(client, "POST")
    assert isinstance(caught.value.__cause__, httpx.ReadError)
    assert network.attempts == 1
    assert rig.sleeps == []
    assert budget.state().retries_granted == 0
    assert budget.available == budget.capacity


def test_retries_off_for_the_request_is_not_read_ahead(rig: Rig) -> None:
    network = Network(3000, None)
    client = rig.client(network, retry=RetryPolicy(max_retries=0))
    with pytest.raises(ConnectionError):
        rig.fetch(client)
    assert network.attempts == 1


@pytest.mark.parametrize(
    ("content_type", "extensions"),
    [
        ("application/octet-stream", None),  # a file's bytes: not read whole
        ("application/json", {EXT_MAX_RESPONSE_BYTES: None}),  # a download opting out
    ],
    ids=["binary", "uncapped-json"],
)
def test_a_download_is_streamed_not_read_ahead(
    rig: Rig, content_type: str, extensions: dict[str, Any] | None
) -> None:
    cap = 16 * CHUNK
    body = bytes(range(256)) * (64 * CHUNK // 256)  # 4x the cap
    network = Network(None, body=body, content_type=content_type)
    client = rig.client(network, max_response_bytes=cap)
    # The most the network had produced beyond what the caller had consumed.
    ahead: list[int] = []

    def use(c: Any) -> int:
        with c.stream("GET", "/v1/file", extensions=extensions) as response:
            assert network.streams[0].yielded == 0  # nothing read before the caller reads
            seen = 0
            for piece in response.iter_raw():
                seen += len(piece)
                ahead.append(network.streams[0].yielded - seen)
            return seen

    async def use_async(c: Any) -> int:
        async with c.stream("GET", "/v1/file", extensions=extensions) as response:
            assert network.streams[0].yielded == 0
            seen = 0
            async for piece in response.aiter_raw():
                seen += len(piece)
                ahead.append(network.streams[0].yielded - seen)
            return seen

    assert rig.run(client, use if rig.kind == "sync" else use_async) == len(body)
    assert max(ahead) == 0  # constant memory: one chunk at a time, none buffered
    assert network.attempts == 1


def test_a_download_cut_mid_body_is_left_to_the_caller(rig: Rig) -> None:
    """Its resume logic lives elsewhere (cloudspec.core.download): the transport stays out."""
    network = Network(3000, None, content_type="application/octet-stream")
    client = rig.client(network)
    with pytest.raises(ConnectionError):
        rig.fetch(client)
    assert network.attempts == 1


def test_too_large_a_body_is_refused_not_retried(rig: Rig) -> None:
    network = Network(None)
    client = rig.client(network, max_response_bytes=4 * CHUNK)
    with pytest.raises(ResponseTooLargeError):
        rig.fetch(client)
    assert network.attempts == 1
    assert network.streams[0].closed


# A response read in the transport behaves as any other ---------------------------------


def test_a_read_ahead_response_behaves_normally(rig: Rig) -> None:
    payload = {"a": "r\u00e9sum\u00e9", "n": list(range(50))}
    raw = gzip.compress(json.dumps(payload).encode())
    network = Network(100, None, body=raw, headers={"content-encoding": "gzip"})
    client = rig.client(network)
    text = json.dumps(payload)

    def use(c: Any) -> None:
        response = c.send(c.build_request("GET", "/a"), stream=True)
        assert not response.is_stream_consumed and not response.is_closed
        assert response.read() == text.encode()
        assert response.json() == payload
        assert response.elapsed.total_seconds() >= 0
        response = c.send(c.build_request("GET", "/b"), stream=True)
        assert b"".join(response.iter_bytes()) == text.encode()
        response.close()
        with c.stream("GET", "/c") as response:
            assert b"".join(response.iter_raw()) == raw  # still encoded, decoded once
        with c.stream("GET", "/d") as response:
            assert "".join(response.iter_text()) == text
        assert c.get("/e").json() == payload

    async def use_async(c: Any) -> None:
        response = await c.send(c.build_request("GET", "/a"), stream=True)
        assert not response.is_stream_consumed and not response.is_closed
        assert await response.aread() == text.encode()
        assert response.json() == payload
        assert response.elapsed.total_seconds() >= 0
        response = await c.send(c.build_request("GET", "/b"), stream=True)
        assert b"".join([piece async for piece in response.aiter_bytes()]) == text.encode()
        await response.aclose()
        async with c.stream("GET", "/c") as response:
            assert b"".join([piece async for piece in response.aiter_raw()]) == raw
        async with c.stream("GET", "/d") as response:
            assert "".join([piece async for piece in response.aiter_text()]) == text
        assert (await c.get("/e")).json() == payload

    rig.run(client, use if rig.kind == "sync" else use_async)
    assert network.attempts == 6  # /a cut once and retried, then one attempt each
    assert all(stream.closed for stream in network.streams)


def test_debug_output_shows_each_response_once(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    network = Network(None, headers={"content-length": str(len(JSON_BODY))})
    client = rig.client(network, debug=True)
    with caplog.at_level(logging.DEBUG, logger="cloudspec.http"):
        assert rig.fetch(client) == JSON_BODY
    shown = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Response:")]
    assert len(shown) == 1
    assert "r199" in shown[0]  # the body, printed


# A real socket: a body shorter than its Content-Length -----------------------------------


class ShortBodyServer:
    """127.0.0.1 server: the first ``short`` answers promise more bytes than they send, then
    close; later ones are whole. ``Connection: close`` on every answer."""

    def __init__(self, short: int) -> None:
        self.short = short
        self.served = 0
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.05)
        self._stop = threading.Event()
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    more = conn.recv(65536)
                    if not more:
                        break
                    data += more
                self.served += 1
                body = JSON_BODY if self.served > self.short else JSON_BODY[:700]
                head = (
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(JSON_BODY)}\r\nConnection: close\r\n\r\n"
                )
                conn.sendall(head.encode() + body)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()


@pytest.fixture
def short_server() -> Iterator[ShortBodyServer]:
    server = ShortBodyServer(short=1)
    yield server
    server.close()


def test_truncated_body_on_the_wire_is_retried(rig: Rig, short_server: ShortBodyServer) -> None:
    client = rig.client(None, base_url=short_server.url, timeout=5)
    assert rig.fetch(client) == JSON_BODY
    assert short_server.served == 2


def test_truncated_body_on_the_wire_for_a_post_is_not_retried(
    rig: Rig, short_server: ShortBodyServer
) -> None:
    client = rig.client(None, base_url=short_server.url, timeout=5)
    with pytest.raises(ConnectionError) as caught:
        rig.fetch(client, "POST")
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    assert short_server.served == 1
