"""cloudspec.core.retry: the pure decisions (RetryPolicy, parse_retry_after, helpers)."""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Iterator

import attrs
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudspec.core import RetryTransport
from cloudspec.core.retry import (
    EXT_IDEMPOTENT,
    RetryPolicy,
    backoff_seconds,
    is_replayable,
    is_safe_to_repeat,
    parse_retry_after,
)

URL = "https://api.example.test/v1/x"
NOW = 1_700_000_000.0


def test_defaults_match_the_documented_constants() -> None:
    policy = RetryPolicy()
    assert policy.max_retries == 2
    assert policy.initial_delay == 0.5
    assert policy.max_delay == 8.0
    assert policy.retry_after_cap == 60.0
    assert policy.statuses == frozenset({408, 429, 500, 502, 503, 504})
    assert policy.retry_accepted_with_retry_after is False
    assert policy.backoff_header is None


def test_policy_is_frozen_and_evolvable() -> None:
    policy = RetryPolicy()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        policy.max_retries = 5  # type: ignore[misc]
    evolved = attrs.evolve(policy, max_retries=5)
    assert evolved.max_retries == 5
    assert policy.max_retries == 2


def test_policy_takes_keywords_only() -> None:
    with pytest.raises(TypeError):
        RetryPolicy(3)  # type: ignore[call-arg]


# --- backoff_delay --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retries_taken", "expected"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0)]
)
def test_backoff_delay_doubles_up_to_max_delay(retries_taken: int, expected: float) -> None:
    assert RetryPolicy().backoff_delay(retries_taken, jitter=0.0) == expected


def test_backoff_delay_survives_huge_retry_counts() -> None:
    assert RetryPolicy().backoff_delay(10**9, jitter=0.0) == 8.0


@given(
    retries_taken=st.integers(min_value=0, max_value=5000),
    jitter=st.floats(min_value=0.0, max_value=1.0, exclude_max=True),
    initial=st.floats(min_value=0.001, max_value=10.0),
    cap=st.floats(min_value=0.001, max_value=120.0),
)
def test_jitter_only_shortens_and_never_exceeds_max_delay(
    retries_taken: int, jitter: float, initial: float, cap: float
) -> None:
    policy = RetryPolicy(initial_delay=initial, max_delay=cap)
    full = policy.backoff_delay(retries_taken, 0.0)
    delay = policy.backoff_delay(retries_taken, jitter)
    assert full <= cap
    assert 0.75 * full - 1e-12 <= delay <= full


# --- delay_for_response ---------------------------------------------------------------------


def request(method: str = "GET", **headers: str) -> httpx.Request:
    return httpx.Request(method, URL, headers={k.replace("_", "-"): v for k, v in headers.items()})


def response(code: int, **headers: str) -> httpx.Response:
    return httpx.Response(code, headers={k.replace("_", "-"): v for k, v in headers.items()})


def decide(
    req: httpx.Request,
    resp: httpx.Response,
    retries_taken: int = 0,
    policy: RetryPolicy | None = None,
) -> float | None:
    return (policy or RetryPolicy()).delay_for_response(req, resp, retries_taken, 0.0, now=NOW)


@pytest.mark.parametrize("code", sorted(RetryPolicy().statuses))
def test_policy_statuses_are_retried_for_get(code: int) -> None:
    assert decide(request(), response(code)) == 0.5


@pytest.mark.parametrize("code", [200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 412, 501])
def test_other_statuses_are_not_retried(code: int) -> None:
    assert decide(request(), response(code)) is None


@pytest.mark.parametrize("code", [401, 409, 412])
def test_conflicts_are_not_retried_even_with_retry_after(code: int) -> None:
    assert decide(request("PUT"), response(code, retry_after="1")) is None


def test_no_retry_once_max_retries_taken() -> None:
    policy = RetryPolicy(max_retries=3)
    assert decide(request(), response(503), retries_taken=2, policy=policy) == 2.0
    assert decide(request(), response(503), retries_taken=3, policy=policy) is None


def test_429_is_retried_for_post_but_5xx_is_not() -> None:
    assert decide(request("POST"), response(429)) == 0.5
    assert decide(request("POST"), response(503)) is None
    assert decide(request("POST", if_match='"3"'), response(503)) == 0.5


def test_retry_after_wins_over_backoff_and_is_capped() -> None:
    assert decide(request(), response(503, retry_after="12")) == 12.0
    assert decide(request(), response(503, retry_after="61")) is None
    assert decide(request(), response(503, retry_after_ms="1500")) == 1.5


def test_retry_after_http_date_uses_now() -> None:
    when = email.utils.formatdate(NOW + 20, usegmt=True)
    assert decide(request(), response(429, retry_after=when)) == pytest.approx(20.0)


def test_x_should_retry_false_wins() -> None:
    assert decide(request(), response(503, x_should_retry="false")) is None


def test_x_should_retry_true_allows_post() -> None:
    assert decide(request("POST"), response(500, x_should_retry="true")) == 0.5


def test_202_needs_both_the_opt_in_and_retry_after() -> None:
    opted = RetryPolicy(retry_accepted_with_retry_after=True)
    assert decide(request("POST"), response(202, retry_after="3")) is None
    assert decide(request("POST"), response(202), policy=opted) is None
    assert decide(request("POST"), response(202, retry_after="3"), policy=opted) == 3.0


def test_non_replayable_request_is_never_retried() -> None:
    def gen() -> Iterator[bytes]:
        yield b"x"

    streamed = httpx.Request("PUT", URL, content=gen())
    assert decide(streamed, response(503)) is None
    assert decide(streamed, response(429)) is None
    policy = RetryPolicy()
    assert policy.delay_for_error(streamed, httpx.ConnectError("x"), 0, 0.0) is None


# --- delay_for_error ------------------------------------------------------------------------


@pytest.mark.parametrize("error", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_not_sent_errors_are_retryable_for_any_method(
    error: type[httpx.TransportError], method: str
) -> None:
    delay = RetryPolicy().delay_for_error(request(method), error("x"), 0, 0.0)
    assert delay == 0.5


@pytest.mark.parametrize("error", [httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError])
def test_sent_errors_are_retryable_only_when_safe(error: type[httpx.TransportError]) -> None:
    policy = RetryPolicy()
    assert policy.delay_for_error(request("GET"), error("x"), 0, 0.0) == 0.5
    assert policy.delay_for_error(request("POST"), error("x"), 0, 0.0) is None
    assert policy.delay_for_error(request("PATCH", if_match='"1"'), error("x"), 0, 0.0) == 0.5


def test_delay_for_error_respects_max_retries_and_ignores_other_exceptions() -> None:
    policy = RetryPolicy(max_retries=1)
    assert policy.delay_for_error(request(), httpx.ConnectError("x"), 1, 0.0) is None
    assert policy.delay_for_error(request(), ValueError("x"), 0, 0.0) is None


# --- is_safe_to_repeat, is_replayable -------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("GET", True),
        ("HEAD", True),
        ("OPTIONS", True),
        ("PUT", True),
        ("DELETE", True),
        ("POST", False),
        ("PATCH", False),
    ],
)
def test_is_safe_to_repeat_by_method(method: str, expected: bool) -> None:
    assert is_safe_to_repeat(request(method)) is expected


def test_is_safe_to_repeat_with_if_match_and_extension() -> None:
    assert is_safe_to_repeat(request("PATCH", If_Match='"1"')) is True
    marked = httpx.Request("POST", URL, extensions={EXT_IDEMPOTENT: True})
    assert is_safe_to_repeat(marked) is True
    unmarked = httpx.Request("GET", URL, extensions={EXT_IDEMPOTENT: False})
    assert is_safe_to_repeat(unmarked) is False


def test_is_replayable() -> None:
    def gen() -> Iterator[bytes]:
        yield b"x"

    assert is_replayable(httpx.Request("POST", URL, json={"a": 1})) is True
    assert is_replayable(httpx.Request("POST", URL, content=b"raw")) is True
    assert is_replayable(httpx.Request("POST", URL, data={"a": "1"})) is True
    assert is_replayable(httpx.Request("GET", URL)) is True
    assert is_replayable(httpx.Request("POST", URL, content=gen())) is False


def test_backoff_seconds() -> None:
    headers = httpx.Headers({"Backoff": "30"})
    assert backoff_seconds(headers, "Backoff") == 30.0
    assert backoff_seconds(headers, "backoff") == 30.0
    assert backoff_seconds(httpx.Headers(), "Backoff") is None
    for bad in ["0", "-1", "nan", "inf", "later", ""]:
        assert backoff_seconds(httpx.Headers({"Backoff": bad}), "Backoff") is None


# --- parse_retry_after ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, None),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": "5"}, 5.0),
        ({"Retry-After": " 5 "}, 5.0),
        ({"Retry-After": "2.5"}, 2.5),
        ({"retry-after": "120"}, 120.0),
        ({"Retry-After": "-1"}, None),
        ({"Retry-After": "-0.001"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "NaN"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "-inf"}, None),
        ({"Retry-After": "1e400"}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": ""}, None),
        ({"Retry-After": "5 seconds"}, None),
        ({"Retry-After": "Mon, 99 Foo 2024 25:61:61 GMT"}, None),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "0"}, 0.0),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"retry-after-ms": "-5", "Retry-After": "9"}, 9.0),
        ({"retry-after-ms": "nan", "Retry-After": "9"}, 9.0),
        ({"retry-after-ms": "junk", "Retry-After": "9"}, 9.0),
        ({"retry-after-ms": "junk"}, None),
    ],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert parse_retry_after(httpx.Headers(headers), now=NOW) == expected


def test_parse_retry_after_accepts_plain_mappings() -> None:
    assert parse_retry_after({"retry-after": "3"}) == 3.0


def test_parse_retry_after_future_http_date() -> None:
    when = email.utils.formatdate(NOW + 42, usegmt=True)
    assert parse_retry_after(httpx.Headers({"Retry-After": when}), now=NOW) == pytest.approx(42)


def test_parse_retry_after_numeric_offset_date() -> None:
    when = email.utils.formatdate(NOW + 42, localtime=False)  # "... -0000" or "+0000"
    assert parse_retry_after({"retry-after": when}, now=NOW) == pytest.approx(42)


@pytest.mark.parametrize(
    "when", ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT"]
)
def test_parse_retry_after_past_date_is_zero(when: str) -> None:
    assert parse_retry_after(httpx.Headers({"Retry-After": when}), now=NOW) == 0.0


def test_parse_retry_after_defaults_now_to_wall_clock() -> None:
    when = email.utils.formatdate(time.time() + 100, usegmt=True)
    seconds = parse_retry_after({"retry-after": when})
    assert seconds is not None
    assert 97.0 < seconds <= 100.0


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_parse_retry_after_gmt_date_ignores_local_timezone(new_york: None) -> None:
    now = email.utils.parsedate_to_datetime("Sun, 06 Nov 1994 08:49:30 GMT").timestamp()
    assert parse_retry_after({"retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"}, now=now) == 7.0


def test_parse_retry_after_asctime_date_is_gmt(new_york: None) -> None:
    now = email.utils.parsedate_to_datetime("Sun, 06 Nov 1994 08:49:30 GMT").timestamp()
    assert parse_retry_after({"retry-after": "Sun Nov  6 08:49:37 1994"}, now=now) == 7.0


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_parse_retry_after_round_trips_seconds(seconds: float) -> None:
    assert parse_retry_after({"retry-after": repr(seconds)}, now=NOW) == seconds


@given(st.text(max_size=40))
def test_parse_retry_after_never_raises_and_is_never_negative(value: str) -> None:
    try:
        headers = httpx.Headers({"retry-after": value, "retry-after-ms": value})
    except (UnicodeEncodeError, httpx.InvalidURL, ValueError):
        return  # not a valid header value at all
    result = parse_retry_after(headers, now=NOW)
    assert result is None or (math.isfinite(result) and result >= 0)


@pytest.mark.parametrize(
    "value",
    [
        "Sun, 06 Nov 1994 08:49:37 +99999999999999999999",
        "Sun, 06 Nov 1994 99999999999999999999:49:37 GMT",
    ],
)
def test_parse_retry_after_survives_overflowing_dates(value: str) -> None:
    assert parse_retry_after({"retry-after": value}, now=NOW) is None


def test_retry_transport_survives_an_overflowing_retry_after() -> None:
    bad = {"retry-after": "Sun, 06 Nov 1994 08:49:37 +99999999999999999999"}
    transport = RetryTransport(
        httpx.MockTransport(lambda r: httpx.Response(200, headers=bad)), sleep=lambda s: None
    )
    assert transport.handle_request(httpx.Request("GET", URL)).status_code == 200
