"""The Metadisk client through dropped connections and bursts of 502/503, against the
emulator's fault rules: each run ends with the file intact (and stored once), or with a typed
error and nothing half-written left behind.

Written once as async source; ``python -m generator.unasync`` writes the sync twin.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.core import RetryPolicy, TransportError
from cloudspec.emulators.urls import ServerURLs
from cloudspec.metadisk import (
    AsyncBucket,
    AsyncBuckets,
    AsyncKeys,
    AsyncUsers,
    ECDSAKeyPair,
    MetadiskServerError,
    bridge_hash,
)

pytestmark = pytest.mark.live

FAST = RetryPolicy(initial_delay=0.0, max_delay=0.0, statuses=frozenset({502, 503, 504}))
SIZE = 2 * 1024 * 1024 + 4321  # three shards on the test emulator (1 MiB each)


def _control(server: ServerURLs, method: str, path: str, body: Any = None) -> Any:
    response = httpx.request(
        method, f"{server.base_url}/_emulator/{path}", json=body, trust_env=False
    )
    response.raise_for_status()
    return response.json() if response.content else None


@pytest.fixture
def faults(metadisk_server: ServerURLs) -> Iterator[Any]:
    """Arms rules for one test; whatever did not fire is cleared afterwards."""

    def arm(*rules: dict[str, Any]) -> None:
        _control(metadisk_server, "POST", "faults", {"rules": list(rules)})

    yield arm
    _control(metadisk_server, "DELETE", "faults")


@pytest.fixture
async def bucket(metadisk_server: ServerURLs) -> AsyncIterator[AsyncBucket]:
    """A bucket of a new, activated account, through a client that retries at once."""
    key_pair = ECDSAKeyPair.generate()
    email = f"faults-{uuid.uuid4().hex[:12]}@example.com"
    base_url = metadisk_server.base_url
    async with AsyncUsers(email, "pass phrase", base_url=base_url) as user:
        await user.register()
        activation = _control(metadisk_server, "GET", f"activation/{email}")
        await user.activate(activation["token"])
        await AsyncKeys(user).create(key_pair)
    async with AsyncBuckets(key_pair, base_url=base_url, retry=FAST) as buckets:
        bucket_id = (await buckets.create("faults")).id
    async with AsyncBucket(bucket_id, key_pair, base_url=base_url, retry=FAST) as opened:
        yield opened


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, bytes]:
    data = os.urandom(SIZE)
    path = tmp_path / "source.bin"
    path.write_bytes(data)
    return path, data


def _uploads(server: ServerURLs) -> int:
    uploads = _control(server, "GET", "stats")["uploads"]
    assert isinstance(uploads, int)
    return uploads


def _armed(server: ServerURLs) -> list[Any]:
    """The rules that have not fired yet."""
    rules = _control(server, "GET", "faults")["rules"]
    assert isinstance(rules, list)
    return rules


@pytest.mark.parametrize("store", [False, True], ids=["cut-before-storing", "answer-lost"])
async def test_upload_survives_a_dropped_connection_and_stores_the_file_once(
    metadisk_server: ServerURLs,
    bucket: AsyncBucket,
    faults: Any,
    source: tuple[Path, bytes],
    tmp_path: Path,
    store: bool,
) -> None:
    path, data = source
    before = _uploads(metadisk_server)
    faults(
        {
            "method": "PUT",
            "path": "/files$",
            "action": "drop",
            "after_bytes": 100_000,
            "store": store,
        }
    )
    uploaded = await bucket.files.upload(path)
    assert uploaded.hash_ == bridge_hash(data)
    # Stored exactly once: the lost answer is found by its hash, not uploaded again.
    assert _uploads(metadisk_server) - before == 1
    assert _armed(metadisk_server) == []
    assert [(f.hash_, f.size) for f in await bucket.files.list()] == [(uploaded.hash_, SIZE)]
    dest = tmp_path / "back.bin"
    await bucket.files.download(bridge_hash(data), dest)
    assert dest.read_bytes() == data


async def test_download_resumes_at_the_shard_that_broke(
    metadisk_server: ServerURLs,
    bucket: AsyncBucket,
    faults: Any,
    source: tuple[Path, bytes],
    tmp_path: Path,
) -> None:
    path, data = source
    file_hash = bridge_hash(data)
    await bucket.files.upload(path)
    faults({"method": "GET", "path": "^/shards/", "action": "drop", "after_bytes": 5000, "skip": 1})
    dest = tmp_path / "out" / "copy.bin"
    assert await bucket.files.download(file_hash, dest) == dest
    assert _armed(metadisk_server) == []
    assert dest.read_bytes() == data
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.bin"]


async def test_download_gives_up_with_a_typed_error_and_leaves_nothing(
    bucket: AsyncBucket, faults: Any, source: tuple[Path, bytes], tmp_path: Path
) -> None:
    path, data = source
    await bucket.files.upload(path)
    faults(
        {"method": "GET", "path": "^/shards/", "action": "drop", "after_bytes": 5000, "count": 10}
    )
    dest = tmp_path / "out" / "copy.bin"
    with pytest.raises(TransportError):
        await bucket.files.download(bridge_hash(data), dest)
    assert list(dest.parent.iterdir()) == []


async def test_signed_calls_ride_out_a_burst_of_503(
    metadisk_server: ServerURLs, bucket: AsyncBucket, faults: Any
) -> None:
    faults(
        {
            "method": "GET",
            "path": "^/buckets/",
            "action": "status",
            "status": 503,
            "count": FAST.max_retries,
        }
    )
    assert (await bucket.info()).id == bucket.id
    faults({"method": "POST", "path": "/tokens$", "action": "status", "status": 502, "count": 1})
    assert (await bucket.files.token("PULL")).operation == "PULL"
    faults(
        {
            "method": "GET",
            "path": "^/buckets/",
            "action": "status",
            "status": 503,
            "count": FAST.max_retries + 1,
        }
    )
    with pytest.raises(MetadiskServerError) as caught:
        await bucket.files.list()
    assert caught.value.status == 503
