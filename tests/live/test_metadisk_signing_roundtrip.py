"""What the client signs, the Metadisk emulator accepts (its verifier is written independently):
requests built by the generated operations, signed by ``ECDSAAuth`` with any Unicode in the
body or the query, pass; a replayed signed request does not (its nonce is spent).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs
from cloudspec.metadisk import BasicAuth, ECDSAAuth, ECDSAKeyPair
from cloudspec.metadisk_api.api.buckets import create_bucket, delete_bucket, list_buckets
from cloudspec.metadisk_api.api.keys import add_key
from cloudspec.metadisk_api.models import AddKeyRequest, BucketRequest

pytestmark = pytest.mark.live

EMAIL = "demo@example.com"
PASSWORD = "demo-password"


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with run("metadisk") as urls:
        yield urls


@pytest.fixture(scope="module")
def key_pair(server: ServerURLs) -> ECDSAKeyPair:
    pair = ECDSAKeyPair.generate()
    with httpx.Client(base_url=server.base_url, auth=BasicAuth(EMAIL, PASSWORD)) as client:
        answer = client.request(**add_key._get_kwargs(body=AddKeyRequest(key=pair.public_key_hex)))
    assert answer.status_code in (200, 201), answer.text
    return pair


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=40))
def test_any_unicode_body_passes_the_signature_check(
    server: ServerURLs, key_pair: ECDSAKeyPair, name: str
) -> None:
    with httpx.Client(base_url=server.base_url, auth=ECDSAAuth(key_pair)) as client:
        created = client.request(**create_bucket._get_kwargs(body=BucketRequest(name=name)))
        assert created.status_code in (200, 201), created.text
        assert created.json()["name"] == name
        bucket_id = created.json()["id"]
        listed = client.request(**list_buckets._get_kwargs())
        assert listed.status_code == 200, listed.text
        gone = client.request(**delete_bucket._get_kwargs(bucket_id))
        assert gone.status_code in (200, 204), gone.text


def test_a_replayed_signed_request_is_refused(server: ServerURLs, key_pair: ECDSAKeyPair) -> None:
    sent: list[httpx.Request] = []
    with httpx.Client(
        base_url=server.base_url,
        auth=ECDSAAuth(key_pair),
        event_hooks={"request": [sent.append]},
    ) as client:
        first = client.request(**create_bucket._get_kwargs(body=BucketRequest(name="once")))
        assert first.status_code in (200, 201), first.text
    replay = sent[-1]
    with httpx.Client() as raw:
        again = raw.send(
            raw.build_request(
                replay.method, replay.url, headers=replay.headers, content=replay.content
            )
        )
    assert again.status_code >= 400
    assert "error" in again.json()
