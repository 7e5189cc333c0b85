"""build_client / build_async_client: real timeouts, TLS warnings, User-Agent, retries wired in."""

from __future__ import annotations

import warnings
from typing import Any

import httpx
import pytest

from cloudspec.core import (
    DEFAULT_TIMEOUT,
    USER_AGENT,
    RetryPolicy,
    build_async_client,
    build_client,
)
from cloudspec.core.retry import EXT_RETRY

BASE = "https://kinto.example.test/v1"


class Recorder:
    """A MockTransport handler that records requests and replays scripted statuses."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses) or [200]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        code = self.statuses[min(len(self.requests), len(self.statuses)) - 1]
        return httpx.Response(code, json={"n": len(self.requests)})

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


@pytest.fixture(params=["async", "sync"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def get(kind: str, rec: Recorder, path: str = "/", **options: Any) -> httpx.Response:
    """One GET through a client built by the factory of this kind."""
    extensions = options.pop("extensions", None)
    if kind == "async":
        async_sleeps: list[float] = options.pop("sleeps", [])

        async def async_sleep(seconds: float) -> None:
            async_sleeps.append(seconds)

        async with build_async_client(
            BASE, transport=rec.transport, sleep=async_sleep, **options
        ) as ac:
            return await ac.get(path, extensions=extensions)
    sleeps: list[float] = options.pop("sleeps", [])
    with build_client(BASE, transport=rec.transport, sleep=sleeps.append, **options) as client:
        return client.get(path, extensions=extensions)


# --- timeouts ----------------------------------------------------------------------------------


def test_default_timeout_is_finite() -> None:
    for value in (
        DEFAULT_TIMEOUT.connect,
        DEFAULT_TIMEOUT.read,
        DEFAULT_TIMEOUT.write,
        DEFAULT_TIMEOUT.pool,
    ):
        assert value is not None
        assert 0 < value <= 300


async def test_default_timeout_reaches_every_request(kind: str) -> None:
    rec = Recorder()
    await get(kind, rec)
    timeout = rec.requests[0].extensions["timeout"]
    assert set(timeout) == {"connect", "read", "write", "pool"}
    assert all(v is not None for v in timeout.values())
    assert timeout == DEFAULT_TIMEOUT.as_dict()


def test_clients_carry_the_default_timeout() -> None:
    with build_client(BASE) as client:
        assert client.timeout == DEFAULT_TIMEOUT
    assert build_async_client(BASE).timeout == DEFAULT_TIMEOUT


async def test_custom_timeout_is_applied(kind: str) -> None:
    rec = Recorder()
    await get(kind, rec, timeout=3.0)
    assert rec.requests[0].extensions["timeout"] == httpx.Timeout(3.0).as_dict()


def test_timeout_none_is_refused() -> None:
    with pytest.raises(ValueError, match="forever"):
        build_client(BASE, timeout=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="forever"):
        build_async_client(BASE, timeout=None)  # type: ignore[arg-type]


# --- TLS ------------------------------------------------------------------------------------------


def test_verify_false_warns() -> None:
    with pytest.warns(UserWarning, match="verification is off"):
        build_client(BASE, verify=False).close()
    with pytest.warns(UserWarning, match="verification is off"):
        build_async_client(BASE, verify=False)


def test_verify_false_warning_points_at_the_caller() -> None:
    with pytest.warns(UserWarning) as record:
        build_client(BASE, verify=False).close()
    assert record[0].filename == __file__


def test_verify_true_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        build_client(BASE).close()
        build_async_client(BASE)


# --- headers ----------------------------------------------------------------------------------


async def test_user_agent_is_set(kind: str) -> None:
    rec = Recorder()
    await get(kind, rec)
    agent = rec.requests[0].headers["user-agent"]
    assert agent == USER_AGENT
    assert agent.startswith("cloudspec/")
    assert f"httpx/{httpx.__version__}" in agent


async def test_extra_headers_are_sent_and_may_override_the_user_agent(kind: str) -> None:
    rec = Recorder()
    await get(kind, rec, headers={"X-App": "demo", "User-Agent": "mine/1.0"})
    headers = rec.requests[0].headers
    assert headers["x-app"] == "demo"
    assert headers["user-agent"] == "mine/1.0"


async def test_base_url_and_auth_are_applied(kind: str) -> None:
    rec = Recorder()
    await get(kind, rec, "/buckets", auth=("alice", "pw-1234"))
    request = rec.requests[0]
    assert str(request.url) == f"{BASE}/buckets"
    assert request.headers["authorization"].startswith("Basic ")


# --- retries and transport ------------------------------------------------------------------


async def test_retries_are_wired_in_with_the_injected_sleep(kind: str) -> None:
    rec = Recorder(503, 502, 200)
    sleeps: list[float] = []
    response = await get(kind, rec, sleeps=sleeps)
    assert response.status_code == 200
    assert len(rec.requests) == 3
    assert len(sleeps) == 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


async def test_retry_policy_argument_is_used(kind: str) -> None:
    rec = Recorder(503)
    sleeps: list[float] = []
    response = await get(kind, rec, retry=RetryPolicy(max_retries=4), sleeps=sleeps)
    assert response.status_code == 503
    assert len(rec.requests) == 5
    assert len(sleeps) == 4


async def test_per_request_retry_extension_passes_through_the_client(kind: str) -> None:
    rec = Recorder(503)
    response = await get(kind, rec, extensions={EXT_RETRY: RetryPolicy(max_retries=0)})
    assert response.status_code == 503
    assert len(rec.requests) == 1


async def test_redirects_are_not_followed_by_default(kind: str) -> None:
    rec = Recorder(302)
    response = await get(kind, rec)
    assert response.status_code == 302
    assert len(rec.requests) == 1
