"""``debug=True`` on Metadisk clients: every request and answer is printed, the signature,
tokens, password and private key never are."""

from __future__ import annotations

import logging

import httpx
import pytest

from cloudspec.metadisk import Bucket, ECDSAKeyPair, Keys, Users

TOKEN = "5e1f0c0ffee0123456789abcdef0123456789abcdef0123456789abcdef01234"


def _bridge(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/tokens"):
        return httpx.Response(201, json={"token": TOKEN, "operation": "PULL", "bucket": "b1"})
    return httpx.Response(200, json=[])


def test_debug_output_shows_the_exchange_and_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    key_pair = ECDSAKeyPair.generate()
    transport = httpx.MockTransport(_bridge)
    caplog.set_level(logging.DEBUG)
    with Bucket(
        "b1", key_pair, base_url="http://bridge.test", debug=True, transport=transport
    ) as b:
        assert b.files.list() == []
        assert b.files.token("PULL").token == TOKEN
    with Users(
        "me@example.com",
        "hunter2 hunter2",
        base_url="http://bridge.test",
        debug=True,
        transport=transport,
    ) as user:
        assert Keys(user).list() == []
    text = caplog.text
    assert "GET: http://bridge.test/buckets/b1/files?__nonce=" in text
    assert '"operation": "PULL"' in text
    assert key_pair.public_key_hex in text  # public, and useful when a key is refused
    for secret in (TOKEN, key_pair.private_key_hex, "hunter2"):
        assert secret not in text
    assert "x-signature : <redacted>" in text
    assert "authorization : <redacted>" in text.lower()
