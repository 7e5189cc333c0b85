"""The Metadisk operations of the fault matrix (:mod:`tests.reliability.matrix`).

Shard traffic goes through the proxy too. Pointers name a farmer channel, which on the emulator
is the bridge's own host, so a client given the proxy's URL would still fetch every shard
straight from the emulator. ``run`` therefore moves the channel the emulator advertises onto the
run's proxy (``PUT /_emulator/channel``), and ``verify`` moves it back (``DELETE``) before it
reads anything, so checks never go through the proxy. The world runs an emulator of its own
(:data:`SETTINGS`, 64 KiB shards, so a file of 190 KiB spans three), and the channel it moves
concerns no other test.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx

from cloudspec.emulators.urls import ServerURLs
from cloudspec.metadisk import (
    DEFAULT_RETRY,
    Bucket,
    Buckets,
    ECDSAKeyPair,
    Keys,
    Users,
    bridge_hash,
)
from tests.reliability.matrix import Operation, RunContext, Verdict

from .storage_checks import leftovers, local_verdict

__all__ = ["OPERATIONS", "SETTINGS", "MetadiskWorld", "operations"]

OPERATIONS = ("create_bucket", "upload_sharded", "download_sharded")
SHARD = 64 * 1024
SETTINGS: dict[str, object] = {"shard_size": SHARD}
"""Emulator settings for the matrix."""
SIZE = 3 * SHARD - 1234  # three shards, the last one short
# Quick backoff keeps the matrix fast; which requests are retried stays the client's default.
RETRY = attrs.evolve(DEFAULT_RETRY, initial_delay=0.01, max_delay=0.05)
TIMEOUT = 10.0


def control(server: ServerURLs, method: str, path: str, body: Any = None) -> Any:
    """Call the emulator's ``/_emulator/<path>`` (the test's hands, not the client)."""
    response = httpx.request(
        method, f"{server.base_url}/_emulator/{path}", json=body, trust_env=False, timeout=10
    )
    response.raise_for_status()
    return response.json() if response.content else None


class MetadiskWorld:
    """An activated account with a registered key and one bucket, and direct clients."""

    def __init__(self, server: ServerURLs) -> None:
        self.server = server
        self.key_pair = ECDSAKeyPair.generate()
        email = f"matrix-{uuid.uuid4().hex[:12]}@example.com"
        with Users(email, "matrix pass phrase", base_url=server.base_url) as user:
            user.register()
            user.activate(control(server, "GET", f"activation/{email}")["token"])
            Keys(user).create(self.key_pair)
        self.buckets = Buckets(self.key_pair, base_url=server.base_url)
        self.bucket_id = self.buckets.create("matrix", storage=100, transfer=1000).id
        self.direct = Bucket(self.bucket_id, self.key_pair, base_url=server.base_url)

    def close(self) -> None:
        control(self.server, "DELETE", "channel")
        self.direct.close()
        self.buckets.close()

    @contextmanager
    def bucket(self, ctx: RunContext) -> Iterator[Bucket]:
        """The bucket through the run's proxy, shard downloads included."""
        control(self.server, "PUT", "channel", {"url": ctx.urls["api"]})
        with Bucket(
            self.bucket_id, self.key_pair, base_url=ctx.urls["api"], retry=RETRY, timeout=TIMEOUT
        ) as bucket:
            yield bucket

    def direct_channel(self) -> None:
        control(self.server, "DELETE", "channel")

    def stored(self, name: str, data: bytes, workdir: Path) -> Verdict:
        """How many files named ``name`` the bucket holds, and whether each is ``data``: the
        bridge hash and size, then a direct download (every shard hash-checked) byte for
        byte."""
        self.direct_channel()
        named = [f for f in self.direct.files.list() if f.filename == name]
        wrong = []
        for stored in named:
            if stored.hash_ != bridge_hash(data) or stored.size != len(data):
                wrong.append(f"{stored.size} bytes hashing to {stored.hash_}")
                continue
            back = workdir / f"check-{uuid.uuid4().hex[:8]}"
            self.direct.files.download(stored.hash_, back)
            if back.read_bytes() != data:
                wrong.append("downloads as other bytes")
            back.unlink()
        detail = f"{len(named)} file(s) named {name!r}" + (f", wrong: {wrong}" if wrong else "")
        return Verdict(objects=len(named), intact=not wrong, detail=detail)


def operations(world: MetadiskWorld) -> dict[str, Operation]:
    """Every Metadisk operation of the matrix, by name."""
    urls = dict(world.server.urls)

    def op(name: str, **kw: Any) -> Operation:
        return Operation(client="metadisk", name=name, urls=urls, **kw)

    # -- create a bucket ------------------------------------------------------------------
    def bucket_prepare(ctx: RunContext) -> None:
        ctx.scratch["name"] = f"bucket-{ctx.key}"

    def named_buckets(ctx: RunContext) -> int:
        world.direct_channel()
        return sum(b.name == ctx.scratch["name"] for b in world.buckets.list())

    def bucket_run(ctx: RunContext) -> None:
        # Never re-sent by the client (a second bucket would be a duplicate): a user resumes
        # by looking first.
        if ctx.attempt > 1 and named_buckets(ctx):
            return
        with Buckets(
            world.key_pair, base_url=ctx.urls["api"], retry=RETRY, timeout=TIMEOUT
        ) as buckets:
            made = buckets.create(ctx.scratch["name"], storage=1, transfer=1)
        assert made.name == ctx.scratch["name"], made.name

    def bucket_verify(ctx: RunContext) -> Verdict:
        count = named_buckets(ctx)
        return Verdict(objects=count, detail=f"{count} bucket(s) named {ctx.scratch['name']!r}")

    # -- upload (several shards) ----------------------------------------------------------
    def upload_prepare(ctx: RunContext) -> None:
        data = os.urandom(SIZE)
        local = ctx.workdir / f"{ctx.key}.bin"
        local.write_bytes(data)
        ctx.scratch.update(local=local, data=data)

    def upload_run(ctx: RunContext) -> None:
        # The client's own resume: it looks the file up by hash before sending it again.
        with world.bucket(ctx) as bucket:
            uploaded = bucket.files.upload(ctx.scratch["local"])
        assert uploaded.hash_ == bridge_hash(ctx.scratch["data"]), uploaded.hash_

    def upload_verify(ctx: RunContext) -> Verdict:
        local: Path = ctx.scratch["local"]
        remote = world.stored(local.name, ctx.scratch["data"], ctx.workdir)
        source = local_verdict(local, ctx.scratch["data"])
        return Verdict(
            objects=remote.objects,
            intact=remote.intact and source.intact,
            detail=f"remote: {remote.detail}; source: {source.detail}",
        )

    # -- download (several shards) --------------------------------------------------------
    def download_prepare(ctx: RunContext) -> None:
        data = os.urandom(SIZE)
        source = ctx.workdir / f"{ctx.key}.bin"
        source.write_bytes(data)
        world.direct_channel()
        world.direct.files.upload(source)
        source.unlink()
        target = ctx.workdir / "downloads"
        target.mkdir()
        ctx.scratch.update(name=source.name, data=data, target=target)

    def download_run(ctx: RunContext) -> None:
        with world.bucket(ctx) as bucket:
            bucket.files.download(
                bridge_hash(ctx.scratch["data"]), ctx.scratch["target"] / ctx.scratch["name"]
            )

    def download_verify(ctx: RunContext) -> Verdict:
        world.direct_channel()
        target: Path = ctx.scratch["target"]
        got = local_verdict(target / ctx.scratch["name"], ctx.scratch["data"])
        extra = leftovers(target, keep=ctx.scratch["name"])
        remote = world.stored(ctx.scratch["name"], ctx.scratch["data"], ctx.workdir)
        return Verdict(
            objects=got.objects,
            intact=got.intact and not extra and remote.objects == 1 and remote.intact,
            detail=f"local: {got.detail}; left behind: {extra}; remote: {remote.detail}",
        )

    return {
        "create_bucket": op(
            "create_bucket", prepare=bucket_prepare, run=bucket_run, verify=bucket_verify
        ),
        "upload_sharded": op(
            "upload_sharded", prepare=upload_prepare, run=upload_run, verify=upload_verify
        ),
        "download_sharded": op(
            "download_sharded", prepare=download_prepare, run=download_run, verify=download_verify
        ),
    }
