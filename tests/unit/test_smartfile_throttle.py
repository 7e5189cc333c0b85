"""Throttling in the SmartFile clients: 429 + Retry-After and the original's 503 + X-Throttle.

The wire is a scripted ``httpx.MockTransport``. The client sleeps through the name it imported
(``from cloudspec.core._backends import sleep``), so the tests replace that name in the client
module (patching ``cloudspec.core._backends`` would not reach an already-bound import) and
record each wait instead of sleeping; one test lets a short real wait happen and checks the
elapsed time loosely (a lower bound only, never a tight one).

The original ``smartfile`` 2.19 client is run on the same 503 + X-Throttle script for the
give-up message; it did not know 429 at all (reference 1.7), which ours does on purpose.
"""

from __future__ import annotations

import email
import email.policy
import io
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
import smartfile  # type: ignore[import-untyped]

from cloudspec.core import errors as core
from cloudspec.smartfile import (
    APIError,
    AsyncBasicClient,
    BasicClient,
    RateLimitError,
    RequestError,
    ServerError,
    ThrottledError,
)
from cloudspec.smartfile._async import client as async_client_module
from cloudspec.smartfile._sync import client as sync_client_module

KEY = "k" * 30
PASSWORD = "p" * 30
BASE = "https://files.example.test/"
GIVE_UP = "Could not complete request after 3 trys."


def too_many(wait: str | None = "0.01") -> httpx.Response:
    headers = {"retry-after": wait} if wait is not None else {}
    return httpx.Response(429, json={"detail": "Request was throttled."}, headers=headers)


def x_throttle(wait: str = "0.01") -> httpx.Response:
    return httpx.Response(503, text="", headers={"x-throttle": f"throttled; next={wait} sec"})


def ok(body: Any = None) -> httpx.Response:
    return httpx.Response(200, json={"ping": "pong"} if body is None else body)


class Wire:
    """Attempt ``i`` gets ``outcomes[i]`` (the last one repeats); each request is kept with
    the body the server received."""

    def __init__(self, *outcomes: httpx.Response) -> None:
        self.outcomes = outcomes
        self.requests: list[httpx.Request] = []
        self.bodies: list[bytes] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.bodies.append(request.read())
        outcome = self.outcomes[min(len(self.requests), len(self.outcomes)) - 1]
        # A fresh response per attempt: a Response can be read once.
        return httpx.Response(outcome.status_code, headers=outcome.headers, content=outcome.content)

    @property
    def attempts(self) -> int:
        return len(self.requests)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the clients (sync and async) ask for, instead of sleeping."""
    waited: list[float] = []

    def record(seconds: float) -> None:
        waited.append(seconds)

    async def async_record(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(sync_client_module, "sleep", record)
    monkeypatch.setattr(async_client_module, "async_sleep", async_record)
    return waited


def client(wire: Wire, **kwargs: Any) -> BasicClient:
    # The default RetryPolicy on purpose: it must not add attempts of its own on 429/503.
    return BasicClient(KEY, PASSWORD, url=BASE, transport=wire.transport, **kwargs)


def multipart_parts(request: httpx.Request, body: bytes) -> list[tuple[str, str | None, bytes]]:
    message = email.message_from_bytes(
        b"Content-Type: " + request.headers["content-type"].encode() + b"\r\n\r\n" + body,
        policy=email.policy.HTTP,
    )
    parts = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        name = part.get_param("name", header="content-disposition")
        parts.append((str(name), part.get_filename(), payload))
    return parts


class OneShot(io.RawIOBase):
    """A stream that can be read once and cannot seek or tell (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        raise io.UnsupportedOperation("not seekable")

    def seek(self, offset: int, whence: int = 0) -> int:
        raise io.UnsupportedOperation("not seekable")


# ---- waits and attempts -------------------------------------------------------------------------


def test_429_retry_after_then_success(sleeps: list[float]) -> None:
    wire = Wire(too_many("0.01"), ok())
    assert client(wire).get("/ping") == {"ping": "pong"}
    assert wire.attempts == 2
    assert sleeps == [0.01]


def test_429_without_retry_after_waits_one_second(sleeps: list[float]) -> None:
    # NODE's default when the header is missing (reference 1.7).
    wire = Wire(too_many(None), ok())
    assert client(wire).get("/ping") == {"ping": "pong"}
    assert sleeps == [1.0]


def test_503_x_throttle_is_retried(sleeps: list[float]) -> None:
    wire = Wire(x_throttle("0.02"), ok())
    assert client(wire).get("/ping") == {"ping": "pong"}
    assert wire.attempts == 2
    assert sleeps == [0.02]


@pytest.mark.parametrize(
    "headers",
    [{}, {"x-throttle": "throttled"}, {"x-throttle": "throttled; next=soon sec"}],
)
def test_plain_503_is_a_server_error_at_once(sleeps: list[float], headers: dict[str, str]) -> None:
    wire = Wire(httpx.Response(503, headers=headers))
    with pytest.raises(ServerError) as caught:
        client(wire).get("/ping")
    assert caught.value.status_code == 503
    assert wire.attempts == 1
    assert sleeps == []


@pytest.mark.parametrize("throttled", [too_many, x_throttle])
def test_three_throttled_answers_give_up(sleeps: list[float], throttled: Any) -> None:
    wire = Wire(throttled())
    with pytest.raises(ThrottledError) as caught:
        client(wire).get("/ping")
    error = caught.value
    assert str(error) == error.detail == GIVE_UP
    assert isinstance(error, RequestError)
    assert isinstance(error, APIError)
    assert error.retry_after == 0.01
    assert wire.attempts == 3
    assert sleeps == [0.01, 0.01]


def test_give_up_message_is_the_original_one(monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[str] = []

    def send(adapter: Any, request: Any, **kwargs: Any) -> Any:
        attempts.append(request.url)
        response = requests.Response()
        response.status_code = 503
        response.headers["X-Throttle"] = "throttled; next=0.01 sec"
        response.raw = io.BytesIO(b"")
        response.request = request
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    monkeypatch.setattr(smartfile.time, "sleep", lambda seconds: None)
    with pytest.raises(smartfile.errors.RequestError) as original:
        smartfile.BasicClient(KEY, PASSWORD, url=BASE).get("/ping")
    assert str(original.value) == GIVE_UP
    assert len(attempts) == 3


def test_original_did_not_retry_429(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented divergence: the original raised at the first 429."""

    def send(adapter: Any, request: Any, **kwargs: Any) -> Any:
        response = requests.Response()
        response.status_code = 429
        response.headers["Retry-After"] = "0.01"
        response.raw = io.BytesIO(b"")
        response.request = request
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    with pytest.raises(smartfile.errors.ResponseError) as original:
        smartfile.BasicClient(KEY, PASSWORD, url=BASE).get("/ping")
    assert original.value.status_code == 429


@pytest.mark.parametrize(("throttled", "wait"), [(too_many, 0.01), (x_throttle, 0.01)])
def test_throttle_wait_false_raises_rate_limit_at_once(
    sleeps: list[float], throttled: Any, wait: float
) -> None:
    wire = Wire(throttled(), ok())
    with pytest.raises(RateLimitError) as caught:
        client(wire, throttle_wait=False).get("/ping")
    assert caught.value.retry_after == wait
    assert isinstance(caught.value, core.RateLimitError)
    assert wire.attempts == 1
    assert sleeps == []


def test_a_wait_longer_than_the_cap_gives_up_without_sleeping(sleeps: list[float]) -> None:
    wire = Wire(too_many("3600"), ok())
    with pytest.raises(ThrottledError) as caught:
        client(wire).get("/ping")
    assert caught.value.retry_after == 3600
    assert wire.attempts == 1
    assert sleeps == []


def test_the_wait_really_happens() -> None:
    """No patched sleep: the retry comes after the server's wait (lower bound only)."""
    wire = Wire(too_many("0.05"), ok())
    started = time.monotonic()
    assert client(wire).get("/ping") == {"ping": "pong"}
    assert time.monotonic() - started >= 0.04
    assert wire.attempts == 2


def test_typed_helper_is_retried_too(sleeps: list[float]) -> None:
    wire = Wire(x_throttle("0.01"), ok())
    assert client(wire).ping().ping == "pong"
    assert wire.attempts == 2
    assert sleeps == [0.01]


# ---- bodies re-sent -----------------------------------------------------------------------------


def test_form_post_is_re_sent_identically(sleeps: list[float]) -> None:
    wire = Wire(too_many(), x_throttle(), ok())
    client(wire).post("/path/oper/move", src=["/a b", "/ü"], dst="/to")
    assert wire.attempts == 3
    assert (
        wire.bodies[0]
        == wire.bodies[1]
        == wire.bodies[2]
        == (b"src=%2Fa+b&src=%2F%C3%BC&dst=%2Fto")
    )
    for request in wire.requests:
        assert request.method == "POST"
        assert request.url.path == "/api/2/path/oper/move/"
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"


def test_multipart_from_a_seekable_file_is_re_sent_whole(
    sleeps: list[float], tmp_path: Path
) -> None:
    data = bytes(range(256)) * 512
    local = tmp_path / "data.bin"
    local.write_bytes(data)
    wire = Wire(too_many(), ok({"name": "data.bin"}))
    with local.open("rb") as stream:
        client(wire).post("/path/data", "/d", file=("data.bin", stream), note="n")
    assert wire.attempts == 2
    first, second = (multipart_parts(r, b) for r, b in zip(wire.requests, wire.bodies, strict=True))
    assert first == second
    assert ("file", "data.bin", data) in second


def test_multipart_rewinds_to_where_the_stream_started(sleeps: list[float]) -> None:
    # A stream handed over part-read is sent, and re-sent, from that point, not from byte 0.
    stream = io.BytesIO(b"HEADER|payload")
    stream.seek(7)
    wire = Wire(too_many(), ok())
    client(wire).post("/path/data", "/d", file=("p.txt", stream))
    parts = [multipart_parts(r, b) for r, b in zip(wire.requests, wire.bodies, strict=True)]
    assert parts[0] == parts[1] == [("file", "p.txt", b"payload")]


def test_typed_upload_from_a_seekable_file_is_re_sent_whole(
    sleeps: list[float], tmp_path: Path
) -> None:
    data = b"0123456789" * 10_000
    local = tmp_path / "up.txt"
    local.write_bytes(data)
    wire = Wire(x_throttle(), too_many(), ok([{"name": "up.txt"}]))
    info = client(wire).upload(local, directory="/in")
    assert info.name == "up.txt"
    assert wire.attempts == 3
    for request, body in zip(wire.requests, wire.bodies, strict=True):
        assert multipart_parts(request, body) == [("file", "up.txt", data)]


def test_multipart_from_a_non_seekable_stream_is_not_re_sent(sleeps: list[float]) -> None:
    wire = Wire(too_many(), ok())
    with pytest.raises(RateLimitError) as caught:
        client(wire).post("/path/data", "/d", file=("pipe.bin", OneShot(b"once only")))
    assert caught.value.status_code == 429
    assert wire.attempts == 1
    assert sleeps == []


def test_typed_upload_from_a_non_seekable_stream_is_not_re_sent(sleeps: list[float]) -> None:
    wire = Wire(x_throttle(), ok([{"name": "x"}]))
    with pytest.raises(RateLimitError) as caught:
        client(wire).upload("pipe.bin", OneShot(b"once only"))  # type: ignore[arg-type]
    assert caught.value.status_code == 503
    assert caught.value.retry_after == 0.01
    assert wire.attempts == 1
    assert sleeps == []


# ---- async --------------------------------------------------------------------------------------


def async_client(wire: Wire, **kwargs: Any) -> AsyncBasicClient:
    return AsyncBasicClient(KEY, PASSWORD, url=BASE, transport=wire.transport, **kwargs)


async def test_async_429_then_success(sleeps: list[float]) -> None:
    wire = Wire(too_many("0.01"), x_throttle("0.02"), ok())
    async with async_client(wire) as api:
        assert await api.get("/ping") == {"ping": "pong"}
    assert wire.attempts == 3
    assert sleeps == [0.01, 0.02]


async def test_async_gives_up_after_three(sleeps: list[float]) -> None:
    wire = Wire(x_throttle())
    async with async_client(wire) as api:
        with pytest.raises(ThrottledError, match=r"^Could not complete request after 3 trys\.$"):
            await api.get("/ping")
    assert wire.attempts == 3
    assert sleeps == [0.01, 0.01]


async def test_async_throttle_wait_false(sleeps: list[float]) -> None:
    wire = Wire(too_many(), ok())
    async with async_client(wire, throttle_wait=False) as api:
        with pytest.raises(RateLimitError):
            await api.get("/ping")
    assert wire.attempts == 1


async def test_async_form_body_re_sent(sleeps: list[float]) -> None:
    wire = Wire(too_many(), ok())
    async with async_client(wire) as api:
        await api.put("/user", "bob", name="Bob ü", groups=["a", "b"])
    assert wire.attempts == 2
    assert wire.bodies[0] == wire.bodies[1] == b"name=Bob+%C3%BC&groups=a&groups=b"


async def test_async_multipart_seekable_re_sent_and_one_shot_not(sleeps: list[float]) -> None:
    wire = Wire(too_many(), ok())
    async with async_client(wire) as api:
        await api.post("/path/data", "/d", file=("a.txt", io.BytesIO(b"abc")))
    parts = [multipart_parts(r, b) for r, b in zip(wire.requests, wire.bodies, strict=True)]
    assert parts == [[("file", "a.txt", b"abc")]] * 2

    wire = Wire(too_many(), ok())
    async with async_client(wire) as api:
        with pytest.raises(RateLimitError):
            await api.post("/path/data", "/d", file=("b.txt", OneShot(b"abc")))
    assert wire.attempts == 1


async def test_async_wait_really_happens() -> None:
    wire = Wire(x_throttle("0.05"), ok())
    started = time.monotonic()
    async with async_client(wire) as api:
        assert await api.get("/ping") == {"ping": "pong"}
    assert time.monotonic() - started >= 0.04
