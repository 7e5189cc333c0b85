"""Metadisk client flows replayed from cassettes (recorded from the Metadisk emulator by
`make record`).

Each test registers its own account and signs with a key pair it generates (never stored).
Assertions use only what the test chose (names, bytes) and what follows from it (the bridge
hash), or compare answers with each other: bucket ids, keys and tokens change on every
recording.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cloudspec.metadisk import (
    AsyncBucket,
    AsyncBuckets,
    AsyncKeys,
    AsyncUsers,
    ECDSAKeyPair,
    InvalidTokenError,
    MetadiskNotFoundError,
    bridge_hash,
)

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

PASSWORD = "replay password"
DATA = b"cloudspec metadisk replay\n" * 6  # 156 bytes: two 64-byte shards and a short one


async def _account(url: str, email: str, activation_token: Callable[[str], str]) -> ECDSAKeyPair:
    """A registered, activated account with one key pair."""
    key_pair = ECDSAKeyPair.generate()
    async with AsyncUsers(email, PASSWORD, base_url=url) as user:
        await user.register()
        await user.activate(activation_token(email))
        await AsyncKeys(user).create(key_pair)
    return key_pair


async def test_register_activate_and_keys(
    metadisk_url: str, email: str, activation_token: Callable[[str], str]
) -> None:
    async with AsyncUsers(email, PASSWORD, base_url=metadisk_url) as user:
        created = await user.register()
        assert (created.email, created.activated) == (email, False)
        activated = await user.activate(activation_token(email))
        assert (activated.email, activated.activated) == (email, True)
        keys = AsyncKeys(user)
        first = await keys.create(ECDSAKeyPair.generate())
        second = await keys.create(ECDSAKeyPair.generate())
        assert first.user == second.user == email
        assert {k.key for k in await keys.list()} == {first.key, second.key}
        await keys.delete(second.key)
        assert [k.key for k in await keys.list()] == [first.key]


async def test_bucket_upload_list_download_delete(
    metadisk_url: str, email: str, activation_token: Callable[[str], str], tmp_path: Path
) -> None:
    key_pair = await _account(metadisk_url, email, activation_token)
    source = tmp_path / "note.txt"
    source.write_bytes(DATA)
    async with AsyncBuckets(key_pair, base_url=metadisk_url) as buckets:
        created = await buckets.create("replay", storage=1, transfer=1)
        assert created.name == "replay"
        assert [b.id for b in await buckets.list()] == [created.id]
    async with AsyncBucket(created.id, key_pair, base_url=metadisk_url) as bucket:
        info = await bucket.info()
        assert (info.id, info.name) == (created.id, "replay")
        assert info.pubkeys == created.pubkeys
        assert isinstance(info.pubkeys, list) and len(info.pubkeys) == 1
        push = await bucket.files.token("PUSH")
        assert push.operation == "PUSH"
        uploaded = await bucket.files.upload(source, push)
        assert (uploaded.hash_, uploaded.size) == (bridge_hash(DATA), len(DATA))
        assert uploaded.filename == "note.txt"
        listed = await bucket.files.list()
        assert [(f.hash_, f.filename) for f in listed] == [(uploaded.hash_, "note.txt")]
        assert isinstance(uploaded.hash_, str)
        pointers = await bucket.files.pointers(uploaded.hash_, await bucket.files.token("PULL"))
        assert len(pointers) == 3
        copy = await bucket.files.download(uploaded.hash_, tmp_path / "out" / "copy.txt")
        assert copy.read_bytes() == DATA
        await bucket.delete()
    async with AsyncBuckets(key_pair, base_url=metadisk_url) as buckets:
        assert await buckets.list() == []


async def test_typed_errors(
    metadisk_url: str, email: str, activation_token: Callable[[str], str], tmp_path: Path
) -> None:
    key_pair = await _account(metadisk_url, email, activation_token)
    source = tmp_path / "once.txt"
    source.write_bytes(b"only once\n")
    async with AsyncBucket("0" * 24, key_pair, base_url=metadisk_url) as missing:
        with pytest.raises(MetadiskNotFoundError) as not_found:
            await missing.info()
        assert (not_found.value.status, not_found.value.message) == (404, "Bucket not found")
    async with AsyncBuckets(key_pair, base_url=metadisk_url) as buckets:
        bucket_id = (await buckets.create("errors")).id
    async with AsyncBucket(bucket_id, key_pair, base_url=metadisk_url) as bucket:
        push = await bucket.files.token("PUSH")
        await bucket.files.upload(source, push)
        with pytest.raises(InvalidTokenError) as spent:
            await bucket.files.upload(source, push)
        assert spent.value.message == "Invalid or expired token"
        await bucket.delete()
