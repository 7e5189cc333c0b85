"""A signed Metadisk request carries a single-use nonce: once the bridge has seen it, the
transport must not send the same bytes again (the bridge would refuse them as a replay). The
facade re-sends what may be done twice, freshly signed; what may not (a new bucket) goes once."""

from __future__ import annotations

import json

import httpx
import pytest

from cloudspec.core.errors import ConnectionError
from cloudspec.core.retry import RetryPolicy
from cloudspec.metadisk import (
    Bucket,
    Buckets,
    ECDSAKeyPair,
    MetadiskServerError,
    verify_signature,
)
from cloudspec.metadisk.auth import signing_message

FAST = RetryPolicy(initial_delay=0.0, max_delay=0.0, statuses=frozenset({502, 503, 504}))
KEY = ECDSAKeyPair.generate()


def _nonce(request: httpx.Request) -> str:
    if request.method in ("POST", "PUT", "PATCH"):
        return str(json.loads(request.content)["__nonce"])
    return request.url.params["__nonce"]


def _valid(request: httpx.Request) -> bool:
    payload = request.content if request.method in ("POST", "PUT", "PATCH") else request.url.query
    message = signing_message(request.method, request.url.path, payload)
    return verify_signature(KEY.public_key_hex, request.headers["x-signature"], message)


def _buckets(handler: httpx.MockTransport) -> Buckets:
    return Buckets(KEY, base_url="http://bridge.test", retry=FAST, transport=handler)


def test_a_read_is_resent_with_a_fresh_nonce_and_signature_until_the_budget_is_spent() -> None:
    seen: list[httpx.Request] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503, json={"error": "busy"})

    with pytest.raises(MetadiskServerError) as caught:
        _buckets(httpx.MockTransport(bridge)).list()
    assert caught.value.status == 503
    assert len(seen) == 1 + FAST.max_retries
    assert len({_nonce(r) for r in seen}) == len(seen)
    assert len({r.headers["x-signature"] for r in seen}) == len(seen)
    assert all(_valid(r) for r in seen)


def test_a_read_whose_answer_was_lost_succeeds_on_the_resend() -> None:
    seen: list[httpx.Request] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            raise httpx.ReadError("connection reset", request=request)
        return httpx.Response(200, json=[])

    assert _buckets(httpx.MockTransport(bridge)).list() == []
    assert len(seen) == 2
    assert _nonce(seen[0]) != _nonce(seen[1])
    assert _valid(seen[1])


def test_a_new_bucket_is_never_resent_once_the_bridge_may_have_made_it() -> None:
    seen: list[httpx.Request] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        raise httpx.ReadError("connection reset", request=request)

    with pytest.raises(ConnectionError):
        _buckets(httpx.MockTransport(bridge)).create("photos")
    assert len(seen) == 1


def test_a_delete_whose_answer_was_lost_is_done_when_the_resend_finds_nothing() -> None:
    seen: list[httpx.Request] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            raise httpx.ReadError("connection reset", request=request)
        return httpx.Response(404, json={"error": "Bucket not found"})

    bucket = Bucket(
        "b1", KEY, base_url="http://bridge.test", retry=FAST, transport=httpx.MockTransport(bridge)
    )
    bucket.delete()
    assert [r.method for r in seen] == ["DELETE", "DELETE"]


def test_a_500_is_a_client_mistake_on_this_bridge_and_is_not_resent() -> None:
    seen: list[httpx.Request] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500, json={"error": "Invalid or expired token"})

    with pytest.raises(MetadiskServerError):
        _buckets(httpx.MockTransport(bridge)).list()
    assert len(seen) == 1


def test_a_signed_request_that_never_left_is_sent_again() -> None:
    attempts: list[int] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=[])

    assert list(_buckets(httpx.MockTransport(bridge)).list()) == []
    assert len(attempts) == 2
