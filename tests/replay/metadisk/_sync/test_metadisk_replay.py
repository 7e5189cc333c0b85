# Generated from the _async twin by python -m generator.unasync; do not edit.
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
    Bucket,
    Buckets,
    ECDSAKeyPair,
    InvalidTokenError,
    Keys,
    MetadiskNotFoundError,
    Users,
    bridge_hash,
)

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

PASSWORD = "replay password"
DATA = b"cloudspec metadisk replay\n" * 6  # 156 bytes: two 64-byte shards and a short one


def _account(url: str, email: str, activation_token: Callable[[str], str]) -> ECDSAKeyPair:
    """A registered, activated account with one key pair."""
    key_pair = ECDSAKeyPair.generate()
    with Users(email, PASSWORD, base_url=url) as user:
        user.register()
        user.activate(activation_token(email))
        Keys(user).create(key_pair)
    return key_pair


def test_register_activate_and_keys(
    metadisk_url: str, email: str, activation_token: Callable[[str], str]
) -> None:
    with Users(email, PASSWORD, base_url=metadisk_url) as user:
        created = user.register()
        assert (created.email, created.activated) == (email, False)
        activated = user.activate(activation_token(email))
        assert (activated.email, activated.activated) == (email, True)
        keys = Keys(user)
        first = keys.create(ECDSAKeyPair.generate())
        second = keys.create(ECDSAKeyPair.generate())
        assert first.user == second.user == email
        assert {k.key for k in keys.list()} == {first.key, second.key}
        keys.delete(second.key)
        assert [k.key for k in keys.list()] == [first.key]


def test_bucket_upload_list_download_delete(
    metadisk_url: str, email: str, activation_token: Callable[[str], str], tmp_path: Path
) -> None:
    key_pair = _account(metadisk_url, email, activation_token)
    source = tmp_path / "note.txt"
    source.write_bytes(DATA)
    with Buckets(key_pair, base_url=metadisk_url) as buckets:
        created = buckets.create("replay", storage=1, transfer=1)
        assert created.name == "replay"
        assert [b.id for b in buckets.list()] == [created.id]
    with Bucket(created.id, key_pair, base_url=metadisk_url) as bucket:
        info = bucket.info()
        assert (info.id, info.name) == (created.id, "replay")
        assert info.pubkeys == created.pubkeys
        assert isinstance(info.pubkeys, list) and len(info.pubkeys) == 1
        push = bucket.files.token("PUSH")
        assert push.operation == "PUSH"
        uploaded = bucket.files.upload(source, push)
        assert (uploaded.hash_, uploaded.size) == (bridge_hash(DATA), len(DATA))
        assert uploaded.filename == "note.txt"
        listed = bucket.files.list()
        assert [(f.hash_, f.filename) for f in listed] == [(uploaded.hash_, "note.txt")]
        assert isinstance(uploaded.hash_, str)
        pointers = bucket.files.pointers(uploaded.hash_, bucket.files.token("PULL"))
        assert len(pointers) == 3
        copy = bucket.files.download(uploaded.hash_, tmp_path / "out" / "copy.txt")
        assert copy.read_bytes() == DATA
        bucket.delete()
    with Buckets(key_pair, base_url=metadisk_url) as buckets:
        assert buckets.list() == []


def test_typed_errors(
    metadisk_url: str, email: str, activation_token: Callable[[str], str], tmp_path: Path
) -> None:
    key_pair = _account(metadisk_url, email, activation_token)
    source = tmp_path / "once.txt"
    source.write_bytes(b"only once\n")
    with Bucket("0" * 24, key_pair, base_url=metadisk_url) as missing:
        with pytest.raises(MetadiskNotFoundError) as not_found:
            missing.info()
        assert (not_found.value.status, not_found.value.message) == (404, "Bucket not found")
    with Buckets(key_pair, base_url=metadisk_url) as buckets:
        bucket_id = (buckets.create("errors")).id
    with Bucket(bucket_id, key_pair, base_url=metadisk_url) as bucket:
        push = bucket.files.token("PUSH")
        bucket.files.upload(source, push)
        with pytest.raises(InvalidTokenError) as spent:
            bucket.files.upload(source, push)
        assert spent.value.message == "Invalid or expired token"
        bucket.delete()
