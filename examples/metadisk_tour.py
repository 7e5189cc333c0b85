"""A tour of cloudspec.metadisk, run by `make demo`.

It starts the Metadisk emulator (a 2016 Storj bridge that verifies every ECDSA signature and
nonce on its own), then walks the original client's surface: register and activate an
account, add a key pair, create a bucket, upload with a PUSH token, list, and the download
the original never finished (shard by shard, hash-checked, renamed into place), then a
dropped connection in the middle of a download, the async twins, and old pymdc code with a
callback.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import uuid
from pathlib import Path
from typing import Any

import httpx

from cloudspec.emulators import run
from cloudspec.metadisk import (
    AsyncBuckets,
    Bucket,
    Buckets,
    ECDSAKeyPair,
    InvalidTokenError,
    Keys,
    Users,
    bridge_hash,
    pymdc,
)

PASSWORD = "a long pass phrase"


def say(text: str) -> None:
    print(f"  {text}")


def emailed_activation_token(base_url: str, email: str) -> str:
    """What the bridge would email; the emulator hands it over on a test-only endpoint."""
    answer = httpx.get(f"{base_url}/_emulator/activation/{email}", trust_env=False)
    answer.raise_for_status()
    return str(answer.json()["token"])


def tour(base_url: str, scratch: Path) -> None:
    print("\n1. Register and activate an account (Basic auth: the SHA-256 of the password)")
    email = f"tour-{uuid.uuid4().hex[:8]}@example.com"
    with Users(email, PASSWORD, base_url=base_url) as user:
        say(f"registered {user.register().email}")
        say(f"activated: {user.activate(emailed_activation_token(base_url, email)).activated}")

        print("\n2. An ECDSA key pair (secp256k1) signs every later request")
        key_pair = ECDSAKeyPair.generate()
        Keys(user).create(key_pair)
        say(f"keys on the account: {[k.key[:16] + '...' for k in Keys(user).list()]}")

    print("\n3. A bucket, an upload with a PUSH token, a listing")
    with Buckets(key_pair, base_url=base_url) as buckets:
        created = buckets.create("My cat pictures", storage=10, transfer=10)
        say(f"bucket {created.id} ({created.name!r}, {created.storage} GB)")
    source = scratch / "cats.bin"
    data = os.urandom(3 * 1024 * 1024 + 77)
    source.write_bytes(data)
    with Bucket(created.id, key_pair, base_url=base_url) as bucket:
        token = bucket.files.token("PUSH")
        uploaded = bucket.files.upload(source, token)
        say(f"uploaded {uploaded.filename}: {uploaded.size} bytes, hash {uploaded.hash_}")
        say(f"the hash the client computed while reading: {bridge_hash(data)}")
        try:
            bucket.files.upload(source, token)
        except InvalidTokenError as exc:
            say(f"the token is single-use: {type(exc).__name__}: {exc.message}")
        say(f"files: {[(f.filename, f.size) for f in bucket.files.list()]}")

        print("\n4. Download: pointers, then each shard, every hash checked")
        assert isinstance(uploaded.hash_, str)
        copy = bucket.files.download(uploaded.hash_, scratch / "copy.bin")
        say(f"downloaded {copy.stat().st_size} bytes, identical: {copy.read_bytes() == data}")

        print("\n5. The connection drops in the middle of the second shard")
        rule = {"method": "GET", "path": "^/shards/", "action": "drop", "after_bytes": 4096}
        httpx.post(
            f"{base_url}/_emulator/faults", json={"rules": [{**rule, "skip": 1}]}, trust_env=False
        ).raise_for_status()
        again = bucket.files.download(uploaded.hash_, scratch / "again.bin")
        say(f"resumed at that shard with fresh pointers; identical: {again.read_bytes() == data}")

    print("\n6. The same, async")

    async def async_part() -> None:
        async with AsyncBuckets(key_pair, base_url=base_url) as buckets:
            say(f"buckets: {[b.name for b in await buckets.list()]}")

    asyncio.run(async_part())

    print("\n7. Old pymdc code, with a callback")
    done = threading.Event()

    def callback(result: Any) -> None:
        say(f"in callback: {[b['name'] for b in result]}")
        done.set()

    pymdc.api.buckets.Buckets(key_pair, url=base_url).list(callback=callback)
    done.wait(30)


def main() -> None:
    settings = {"shard_size": 1024 * 1024}
    with (
        run("metadisk", settings=settings) as server,
        tempfile.TemporaryDirectory(prefix="metadisk-tour-") as scratch,
    ):
        print(f"started the Metadisk emulator at {server.base_url}")
        tour(server.base_url, Path(scratch))
    print("\ndone")


if __name__ == "__main__":
    main()
