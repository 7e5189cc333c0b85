"""Live tests of the Metadisk client (``Users``, ``Keys``, ``Buckets``, ``Bucket``) against the
Metadisk emulator.

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. Each test registers a fresh account (activated through the emulator's
control endpoint) with its own key pair, so no test sees another's keys, buckets or files.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from cloudspec.core import AuthenticationError, NotFoundError, ServerError
from cloudspec.emulators.urls import ServerURLs
from cloudspec.metadisk import (
    AsyncBucket,
    AsyncBuckets,
    AsyncKeys,
    AsyncUsers,
    ECDSAKeyPair,
    InvalidTokenError,
    MetadiskAuthenticationError,
    MetadiskError,
    MetadiskIntegrityError,
    MetadiskNotFoundError,
    MetadiskServerError,
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
async def account(metadisk_server: ServerURLs) -> AsyncIterator[tuple[AsyncUsers, ECDSAKeyPair]]:
    """A new, activated account with one registered key pair."""
    key_pair = ECDSAKeyPair.generate()
    async with AsyncUsers(_email(), PASSWORD, base_url=metadisk_server.base_url) as user:
        await user.register()
        await user.activate(_activation_token(metadisk_server, user.email))
        await AsyncKeys(user).create(key_pair)
        yield user, key_pair


async def test_register_and_activate(metadisk_server: ServerURLs) -> None:
    async with AsyncUsers(_email(), PASSWORD, base_url=metadisk_server.base_url) as user:
        created = await user.register()
        assert created.email == user.email
        assert created.activated is False
        with pytest.raises(MetadiskServerError) as info:
            await user.register()
        assert info.value.message == "Email is already registered"
        activated = await user.activate(_activation_token(metadisk_server, user.email))
        assert activated.activated is True
        with pytest.raises(MetadiskError) as bad:
            await user.activate("0" * 64)
        assert bad.value.status == 400


async def test_keys_create_list_delete(account: tuple[AsyncUsers, ECDSAKeyPair]) -> None:
    user, first = account
    keys = AsyncKeys(user)
    second = ECDSAKeyPair.generate()
    added = await keys.create(second.public_key_hex)
    assert added.key == second.public_key_hex
    listed = {key.key for key in await keys.list()}
    assert listed == {first.public_key_hex, second.public_key_hex}
    await keys.delete(second)
    assert [key.key for key in await keys.list()] == [first.public_key_hex]
    with pytest.raises(MetadiskNotFoundError) as info:
        await keys.delete(second)
    assert isinstance(info.value, NotFoundError)
    assert info.value.message == "Public key was not found"


async def test_wrong_password_is_typed(metadisk_server: ServerURLs) -> None:
    async with AsyncUsers("demo@example.com", "not-it", base_url=metadisk_server.base_url) as u:
        with pytest.raises(MetadiskServerError) as info:
            await AsyncKeys(u).list()
    assert info.value.message == "Invalid email or password"


async def test_buckets_create_list_info_delete(
    metadisk_server: ServerURLs, account: tuple[AsyncUsers, ECDSAKeyPair]
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        assert await buckets.list() == []
        created = await buckets.create("photos", storage=2, transfer=5)
        assert created.name == "photos"
        assert created.storage == 2
        assert created.transfer == 5
        assert [b.id for b in await buckets.list()] == [created.id]
    async with AsyncBucket(created.id, key_pair, base_url=base_url) as bucket:
        info = await bucket.info()
        assert info.id == created.id
        assert info.name == "photos"
        assert key_pair.public_key_hex in (info.pubkeys or [])
        await bucket.delete()
        with pytest.raises(MetadiskNotFoundError):
            await bucket.info()
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        assert await buckets.list() == []


async def test_upload_download_round_trip(
    metadisk_server: ServerURLs, account: tuple[AsyncUsers, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    data = os.urandom(2 * 1024 * 1024 + 12345)  # three 1 MiB shards, the last one short
    source = tmp_path / "report.bin"
    source.write_bytes(data)
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (await buckets.create("files")).id
    async with AsyncBucket(bucket_id, key_pair, base_url=base_url) as bucket:
        push = await bucket.files.token("PUSH")
        assert push.operation == "PUSH"
        uploaded = await bucket.files.upload(source, push)
        assert uploaded.hash_ == bridge_hash(data)
        assert uploaded.size == len(data)
        assert uploaded.filename == "report.bin"
        listed = await bucket.files.list()
        assert [(f.hash_, f.size) for f in listed] == [(uploaded.hash_, len(data))]
        pull = await bucket.files.token("PULL")
        dest = tmp_path / "out" / "copy.bin"
        assert isinstance(uploaded.hash_, str)
        result = await bucket.files.download(uploaded.hash_, dest, pull)
        assert result == dest
        assert dest.read_bytes() == data
        assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.bin"]
        # Without a token, download asks for a PULL token itself.
        again = await bucket.files.download(uploaded.hash_, tmp_path / "again.bin")
        assert again.read_bytes() == data


async def test_reused_token_is_rejected(
    metadisk_server: ServerURLs, account: tuple[AsyncUsers, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    source = tmp_path / "small.txt"
    source.write_bytes(b"hello metadisk\n")
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (await buckets.create("once")).id
    async with AsyncBucket(bucket_id, key_pair, base_url=base_url) as bucket:
        push = await bucket.files.token("PUSH")
        uploaded = await bucket.files.upload(source, push)
        with pytest.raises(InvalidTokenError) as info:
            await bucket.files.upload(source, push)
        assert isinstance(info.value, ServerError)
        assert info.value.message == "Invalid or expired token"
        pull = await bucket.files.token("PULL")
        assert isinstance(uploaded.hash_, str)
        await bucket.files.download(uploaded.hash_, tmp_path / "first.txt", pull)
        with pytest.raises(InvalidTokenError):
            await bucket.files.download(uploaded.hash_, tmp_path / "second.txt", pull)
        assert not (tmp_path / "second.txt").exists()
        # A PUSH token does not pull.
        push = await bucket.files.token("PUSH")
        with pytest.raises(MetadiskAuthenticationError):
            await bucket.files.download(uploaded.hash_, tmp_path / "third.txt", push)


async def test_wrong_key_pair_is_rejected(
    metadisk_server: ServerURLs, account: tuple[AsyncUsers, ECDSAKeyPair]
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (await buckets.create("mine")).id
    stranger = ECDSAKeyPair.generate()
    async with AsyncBuckets(stranger, base_url=base_url) as buckets:
        with pytest.raises(MetadiskAuthenticationError) as info:
            await buckets.list()
        assert isinstance(info.value, AuthenticationError)
        assert info.value.status == 401
        assert info.value.message == "Public key not registered"
    async with AsyncBucket(bucket_id, stranger, base_url=base_url) as bucket:
        with pytest.raises(MetadiskAuthenticationError):
            await bucket.info()
        with pytest.raises(MetadiskAuthenticationError):
            await bucket.files.token("PUSH")


async def test_corrupt_shard_is_rejected_and_leaves_nothing(tmp_path: Path) -> None:
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
    async with AsyncBucket("b1", key_pair, base_url="http://bridge.test", transport=transport) as b:
        with pytest.raises(MetadiskIntegrityError):
            await b.files.download("f1", dest, "pull-token")
    assert list(tmp_path.iterdir()) == []


def _emailed(server: ServerURLs, email: str, which: str) -> str:
    response = httpx.get(f"{server.base_url}/_emulator/activation/{email}", trust_env=False)
    response.raise_for_status()
    token = response.json()[which]
    assert isinstance(token, str)
    return token


async def test_resend_activation_reset_password_and_delete_account(
    metadisk_server: ServerURLs,
) -> None:
    base_url = metadisk_server.base_url
    async with AsyncUsers(_email(), PASSWORD, base_url=base_url) as user:
        await user.register()
        first = _activation_token(metadisk_server, user.email)
        assert (await user.resend_activation()).activated is False
        second = _activation_token(metadisk_server, user.email)
        assert second != first
        await user.activate(second)
        with pytest.raises(MetadiskError) as already:
            await user.resend_activation()
        assert already.value.message == "User is already activated"

        await user.reset_password("a new pass phrase")
        assert await AsyncKeys(user).list() == []  # the old password holds until confirmed
        await user.confirm_reset(_emailed(metadisk_server, user.email, "reset_token"))
        assert await AsyncKeys(user).list() == []  # this client follows the new password
    async with AsyncUsers(user.email, PASSWORD, base_url=base_url) as stale:
        with pytest.raises(MetadiskServerError):
            await AsyncKeys(stale).list()
    async with AsyncUsers(user.email, "a new pass phrase", base_url=base_url) as renewed:
        await renewed.delete()
        gone = await renewed.confirm_delete(
            _emailed(metadisk_server, user.email, "deactivation_token")
        )
        assert gone.email == user.email
        with pytest.raises(MetadiskServerError):
            await AsyncKeys(renewed).list()


async def test_bucket_update_and_file_delete(
    metadisk_server: ServerURLs, account: tuple[AsyncUsers, ECDSAKeyPair], tmp_path: Path
) -> None:
    _, key_pair = account
    base_url = metadisk_server.base_url
    extra = ECDSAKeyPair.generate()
    async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
        bucket_id = (await buckets.create("before", 1, 1)).id
    source = tmp_path / "note.txt"
    source.write_bytes(b"to be deleted\n")
    async with AsyncBucket(bucket_id, key_pair, base_url=base_url) as bucket:
        updated = await bucket.update(name="after", transfer=3, pubkeys=[key_pair, extra])
        assert (updated.name, updated.storage, updated.transfer) == ("after", 1, 3)
        assert set(updated.pubkeys or []) == {key_pair.public_key_hex, extra.public_key_hex}
        uploaded = await bucket.files.upload(source)
        assert isinstance(uploaded.hash_, str)
        await bucket.files.delete(uploaded.hash_)
        assert await bucket.files.list() == []
        with pytest.raises(MetadiskNotFoundError):
            await bucket.files.delete(uploaded.hash_)
