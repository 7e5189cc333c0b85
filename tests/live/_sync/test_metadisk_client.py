# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Live tests of the Metadisk client (``Users``, ``Keys``, ``Buckets``, ``Bucket``) against the
Metadisk emulator.

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. Each test registers a fresh account (activated through the emulator's
control endpoint) with its own key pair, so no test sees another's keys, buckets or files.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cloudspec.core import AuthenticationError, NotFoundError, ServerError
from cloudspec.emulators.urls import ServerURLs
from cloudspec.metadisk import (
    Bucket,
    Buckets,
    ECDSAKeyPair,
    InvalidTokenError,
    Keys,
    MetadiskAuthenticationError,
    MetadiskError,
    MetadiskIntegrityError,
    MetadiskNotFoundError,
    MetadiskServerError,
    Users,
    bridge_hash,
)

pytestmark = pytest.mark.live

PASSWORD = "correct horse battery staple"


def _activation_token(server: ServerURLs, email: str) -> str:
    response = httpx.get(f"{server.base_url}/_emulator/activation/{email}", trust_env=False)
    response.raise_for_status()
    token = response.json()["token"]
    assert isinstance(token, str)
    return token


def _email() -> str:
    return f"user-{uuid.uuid4().hex[:12]}@example.com"


@pytest.fixture
def account(metadisk_server: ServerURLs) -> Iterator[tuple[Users, ECDSAKeyPair]]:
    """A new, activated account with one registered key pair."""
    key_pair = ECDSAKeyPair.generate()
    with Users(_email(), PASSWORD, base_url=metadisk_server.base_url) as user:
        user.register()
        user.activate(_activation_token(metadisk_server, user.email))
        Keys(user).create(key_pair)
        yield user, key_pair


def test_register_and_activate(metadisk_server: ServerURLs) -> None:
    with Users(_email(), PASSWORD, base_url=metadisk_server.base_url) as user:
        created = user.register()
        assert created.email == user.email
        assert created.activated is False
        with pytest.raises(MetadiskServerError) as info:
            user.register()
        assert info.value.message == "Email is already registered"
        activated = user.activate(_activation_token(metadisk_server, user.email))
        assert activated.activated is True
        with pytest.raises(MetadiskError) as bad:
            user.activate("0" * 64)
        assert bad.value.status == 400


def test_keys_create_list_delete(account: tuple[Users, ECDSAKeyPair]) -> None:
    user, first = account
    keys = Keys(user)
    second = ECDSAKeyPair.generate()
    added = keys.create(second.public_key_hex)
    assert added.key == second.public_key_hex
    listed = {key.key for key in keys.list()}
    assert listed == {first.public_key_hex, second.public_key_hex}
    keys.delete(second)
    assert [key.key for key in keys.list()] == [first.public_key_hex]
    with pytest.raises(MetadiskNotFoundError) as info:
        keys.delete(second)
    assert isinstance(info.value, NotFoundError)
    assert info.value.message == "Public key was not found"


def test_wrong_password_is_typed(metadisk_server: ServerURLs) -> None:
    with Users("demo@example.com", "not-it", base_url=metadisk_server.base_url) as u:
        with pytest.raises(MetadiskServerError) as info:
            Keys(u).list()
    assert info.value.message == "Invalid email or password"


def test_buckets_create_list_info_delete(
    metadisk_server: ServerURLs, account: tuple[Users, ECDSAKeyPair]
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    with Buckets(key_pair, base_url=base_url) as buckets:
        assert buckets.list() == []
        created = buckets.create("photos", storage=2, transfer=5)
        assert created.name == "photos"
        assert created.storage == 2
        assert created.transfer == 5
        assert [b.id for b in buckets.list()] == [created.id]
    with Bucket(created.id, key_pair, base_url=base_url) as bucket:
        info = bucket.info()
        assert info.id == created.id
        assert info.name == "photos"
        assert key_pair.public_key_hex in (info.pubkeys or [])
        bucket.delete()
        with pytest.raises(MetadiskNotFoundError):
            bucket.info()
    with Buckets(key_pair, base_url=base_url) as buckets:
        assert buckets.list() == []


def test_upload_download_round_trip(
    metadisk_server: ServerURLs, account: tuple[Users, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    data = os.urandom(2 * 1024 * 1024 + 12345)  # three 1 MiB shards, the last one short
    source = tmp_path / "report.bin"
    source.write_bytes(data)
    with Buckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (buckets.create("files")).id
    with Bucket(bucket_id, key_pair, base_url=base_url) as bucket:
        push = bucket.files.token("PUSH")
        assert push.operation == "PUSH"
        uploaded = bucket.files.upload(source, push)
        assert uploaded.hash_ == bridge_hash(data)
        assert uploaded.size == len(data)
        assert uploaded.filename == "report.bin"
        listed = bucket.files.list()
        assert [(f.hash_, f.size) for f in listed] == [(uploaded.hash_, len(data))]
        pull = bucket.files.token("PULL")
        dest = tmp_path / "out" / "copy.bin"
        assert isinstance(uploaded.hash_, str)
        result = bucket.files.download(uploaded.hash_, dest, pull)
        assert result == dest
        assert dest.read_bytes() == data
        assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.bin"]
        # Without a token, download asks for a PULL token itself.
        again = bucket.files.download(uploaded.hash_, tmp_path / "again.bin")
        assert again.read_bytes() == data


def test_reused_token_is_rejected(
    metadisk_server: ServerURLs, account: tuple[Users, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    source = tmp_path / "small.txt"
    source.write_bytes(b"hello metadisk\n")
    with Buckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (buckets.create("once")).id
    with Bucket(bucket_id, key_pair, base_url=base_url) as bucket:
        push = bucket.files.token("PUSH")
        uploaded = bucket.files.upload(source, push)
        with pytest.raises(InvalidTokenError) as info:
            bucket.files.upload(source, push)
        assert isinstance(info.value, ServerError)
        assert info.value.message == "Invalid or expired token"
        pull = bucket.files.token("PULL")
        assert isinstance(uploaded.hash_, str)
        bucket.files.download(uploaded.hash_, tmp_path / "first.txt", pull)
        with pytest.raises(InvalidTokenError):
            bucket.files.download(uploaded.hash_, tmp_path / "second.txt", pull)
        assert not (tmp_path / "second.txt").exists()
        # A PUSH token does not pull.
        push = bucket.files.token("PUSH")
        with pytest.raises(MetadiskAuthenticationError):
            bucket.files.download(uploaded.hash_, tmp_path / "third.txt", push)


def test_wrong_key_pair_is_rejected(
    metadisk_server: ServerURLs, account: tuple[Users, ECDSAKeyPair]
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    with Buckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (buckets.create("mine")).id
    stranger = ECDSAKeyPair.generate()
    with Buckets(stranger, base_url=base_url) as buckets:
        with pytest.raises(MetadiskAuthenticationError) as info:
            buckets.list()
        assert isinstance(info.value, AuthenticationError)
        assert info.value.status == 401
        assert info.value.message == "Public key not registered"
    with Bucket(bucket_id, stranger, base_url=base_url) as bucket:
        with pytest.raises(MetadiskAuthenticationError):
            bucket.info()
        with pytest.raises(MetadiskAuthenticationError):
            bucket.files.token("PUSH")


def test_corrupt_shard_is_rejected_and_leaves_nothing(tmp_path: Path) -> None:
    """A shard whose bytes do not hash to its pointer's hash: a typed integrity error, and
    neither the destination nor the temporary file is left behind."""
    good = b"the bytes the bridge stored"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/buckets/b1/files/f1":
            assert request.headers["x-token"] == "pull-token"
            pointer = {
                "hash": bridge_hash(good),
                "token": "shard-token",
                "operation": "PULL",
                "channel": "ws://farmer.test:4000",
            }
            return httpx.Response(200, json=[pointer])
        assert request.url.host == "farmer.test"
        assert request.url.path == f"/shards/{bridge_hash(good)}"
        assert request.url.params["token"] == "shard-token"
        return httpx.Response(200, content=b"not the bytes the bridge stored")

    transport = httpx.MockTransport(handler)
    key_pair = ECDSAKeyPair.generate()
    dest = tmp_path / "out.bin"
    with Bucket("b1", key_pair, base_url="http://bridge.test", transport=transport) as b:
        with pytest.raises(MetadiskIntegrityError):
            b.files.download("f1", dest, "pull-token")
    assert list(tmp_path.iterdir()) == []


def _emailed(server: ServerURLs, email: str, which: str) -> str:
    response = httpx.get(f"{server.base_url}/_emulator/activation/{email}", trust_env=False)
    response.raise_for_status()
    token = response.json()[which]
    assert isinstance(token, str)
    return token


def test_resend_activation_reset_password_and_delete_account(
    metadisk_server: ServerURLs,
) -> None:
    base_url = metadisk_server.base_url
    with Users(_email(), PASSWORD, base_url=base_url) as user:
        user.register()
        first = _activation_token(metadisk_server, user.email)
        assert (user.resend_activation()).activated is False
        second = _activation_token(metadisk_server, user.email)
        assert second != first
        user.activate(second)
        with pytest.raises(MetadiskError) as already:
            user.resend_activation()
        assert already.value.message == "User is already activated"

        user.reset_password("a new pass phrase")
        assert Keys(user).list() == []  # the old password holds until confirmed
        user.confirm_reset(_emailed(metadisk_server, user.email, "reset_token"))
        assert Keys(user).list() == []  # this client follows the new password
    with Users(user.email, PASSWORD, base_url=base_url) as stale:
        with pytest.raises(MetadiskServerError):
            Keys(stale).list()
    with Users(user.email, "a new pass phrase", base_url=base_url) as renewed:
        renewed.delete()
        gone = renewed.confirm_delete(_emailed(metadisk_server, user.email, "deactivation_token"))
        assert gone.email == user.email
        with pytest.raises(MetadiskServerError):
            Keys(renewed).list()


def test_bucket_update_and_file_delete(
    metadisk_server: ServerURLs, account: tuple[Users, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    extra = ECDSAKeyPair.generate()
    with Buckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (buckets.create("before", 1, 1)).id
    source = tmp_path / "note.txt"
    source.write_bytes(b"to be deleted\n")
    with Bucket(bucket_id, key_pair, base_url=base_url) as bucket:
        updated = bucket.update(name="after", transfer=3, pubkeys=[key_pair, extra])
        assert (updated.name, updated.storage, updated.transfer) == ("after", 1, 3)
        assert set(updated.pubkeys or []) == {key_pair.public_key_hex, extra.public_key_hex}
        uploaded = bucket.files.upload(source)
        assert isinstance(uploaded.hash_, str)
        bucket.files.delete(uploaded.hash_)
        assert bucket.files.list() == []
        with pytest.raises(MetadiskNotFoundError):
            bucket.files.delete(uploaded.hash_)
