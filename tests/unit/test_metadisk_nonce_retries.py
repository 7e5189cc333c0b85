"""A signed Metadisk request carries a single-use nonce: once the bridge has seen it, the
transport must not send the same bytes again (the bridge would refuse them as a replay)."""

from __future__ import annotations

import httpx
import pytest

from cloudspec.core.retry import RetryPolicy
from cloudspec.metadisk import Buckets, ECDSAKeyPair, MetadiskServerError

FAST = RetryPolicy(initial_delay=0.0, max_delay=0.0, statuses=frozenset({502, 503, 504}))


def test_a_signed_request_seen_by_the_bridge_is_not_replayed() -> None:
    seen: list[str] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["x-signature"])
        return httpx.Response(503, json={"error": "busy"})

    buckets = Buckets(
        ECDSAKeyPair.generate(),
        base_url="http://bridge.test",
        retry=FAST,
        transport=httpx.MockTransport(bridge),
    )
    with pytest.raises(MetadiskServerError):
        buckets.list()
    assert len(seen) == 1


def test_a_signed_request_that_never_left_is_sent_again() -> None:
    attempts: list[int] = []

    def bridge(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        if len(attempts) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=[])

    buckets = Buckets(
        ECDSAKeyPair.generate(),
        base_url="http://bridge.test",
        retry=FAST,
        transport=httpx.MockTransport(bridge),
    )
    assert list(buckets.list()) == []
    assert len(attempts) == 2
