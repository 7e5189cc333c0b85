"""The SmartFile operations of the fault matrix (:mod:`tests.reliability.matrix`).

Each run works under a directory of its own (``/<key>``), made directly by ``prepare``.
Moves and copies are server tasks: a task whose start was answered into a dropped connection
still runs, so ``verify`` first waits (through the direct client) until the server has no task
left running; only then is the state settled enough to judge, or to resume from.

The world runs an emulator of its own with quick tasks (:data:`SETTINGS`), so that waiting for
every task concerns this matrix's tasks only.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx

from cloudspec.emulators.urls import ServerURLs
from cloudspec.smartfile import DEFAULT_RETRY, BasicClient, ResponseStream
from tests.reliability.matrix import Operation, RunContext, Verdict

from .storage_checks import leftovers, local_verdict

__all__ = ["OPERATIONS", "SETTINGS", "SmartFileWorld", "operations"]

OPERATIONS = ("mkdir", "upload_small", "download", "move", "copy")
SETTINGS: dict[str, object] = {"task_seconds": 0.02}
"""Emulator settings for the matrix."""
SMALL = 48 * 1024
LARGE = 320 * 1024
# Quick backoff keeps the matrix fast; which requests are retried stays the client's default.
RETRY = attrs.evolve(DEFAULT_RETRY, initial_delay=0.01, max_delay=0.05)
TIMEOUT = 10.0
_SETTLE_SECONDS = 30.0
_DONE = frozenset({"SUCCESS", "FAILURE", "REVOKED"})


class SmartFileWorld:
    """The emulator's user and a client that talks to the emulator directly."""

    def __init__(self, server: ServerURLs) -> None:
        self.server = server
        response = httpx.get(
            f"{server.base_url}/_emulator/credentials", trust_env=False, timeout=10
        )
        response.raise_for_status()
        basic = response.json()["basic"]
        self.key, self.password = str(basic["key"]), str(basic["password"])
        self.direct = BasicClient(self.key, self.password, url=server.base_url)

    def close(self) -> None:
        self.direct.close()

    @contextmanager
    def client(self, ctx: RunContext) -> Iterator[BasicClient]:
        with BasicClient(
            self.key, self.password, url=ctx.urls["api"], retry=RETRY, timeout=TIMEOUT
        ) as api:
            yield api

    def settle(self) -> None:
        """Wait until no task is pending or in progress on the server."""
        deadline = time.monotonic() + _SETTLE_SECONDS
        while self._running():
            if time.monotonic() > deadline:
                raise RuntimeError(f"tasks still running after {_SETTLE_SECONDS} s")
            time.sleep(0.02)

    def _running(self) -> bool:
        page = 1
        while True:
            body = self.direct.get("/task/", page=page, limit=1000)
            if any(task.get("status") not in _DONE for task in body.get("results", [])):
                return True
            if page >= int(body.get("pages") or 1):
                return False
            page += 1

    def names(self, directory: str) -> list[str]:
        return [str(child.name) for child in self.direct.ls(directory)]

    def content(self, path: str) -> bytes:
        stream = self.direct.download(path, perform_download=False)
        assert isinstance(stream, ResponseStream)
        with stream:
            return stream.read()

    def files(self, directory: str, name: str, data: bytes) -> Verdict:
        """Whether ``directory`` holds ``name`` (SmartFile paths are unique: 0 or 1), and
        whether it is exactly ``data``."""
        if name not in self.names(directory):
            return Verdict(objects=0, detail=f"{directory}/{name} absent")
        content = self.content(f"{directory}/{name}")
        return Verdict(
            objects=1,
            intact=content == data,
            detail=f"{directory}/{name}: {len(content)} bytes",
        )


def operations(world: SmartFileWorld) -> dict[str, Operation]:
    """Every SmartFile operation of the matrix, by name."""
    urls = dict(world.server.urls)

    def op(name: str, **kw: Any) -> Operation:
        return Operation(client="smartfile", name=name, urls=urls, **kw)

    def home(ctx: RunContext) -> str:
        return f"/{ctx.key}"

    # -- mkdir ----------------------------------------------------------------------------
    def mkdir_prepare(ctx: RunContext) -> None:
        world.direct.mkdir(home(ctx))

    def mkdir_run(ctx: RunContext) -> None:
        with world.client(ctx) as api:
            made = api.mkdir(f"{home(ctx)}/made")
        assert made.isdir is True, made

    def mkdir_verify(ctx: RunContext) -> Verdict:
        found = [c for c in world.direct.ls(home(ctx)) if c.name == "made"]
        return Verdict(
            objects=len(found),
            intact=all(c.isdir is True for c in found),
            detail=f"{len(found)} item(s) named 'made'",
        )

    # -- upload a small file --------------------------------------------------------------
    def upload_prepare(ctx: RunContext) -> None:
        data = os.urandom(SMALL)
        local = ctx.workdir / f"{ctx.key}.bin"
        local.write_bytes(data)
        world.direct.mkdir(home(ctx))
        ctx.scratch.update(local=local, data=data)

    def upload_run(ctx: RunContext) -> None:
        with world.client(ctx) as api:
            uploaded = api.upload(ctx.scratch["local"], directory=home(ctx))
        assert uploaded.size == SMALL, uploaded.size

    def upload_verify(ctx: RunContext) -> Verdict:
        local: Path = ctx.scratch["local"]
        remote = world.files(home(ctx), local.name, ctx.scratch["data"])
        source = local_verdict(local, ctx.scratch["data"])
        return Verdict(
            objects=remote.objects,
            intact=remote.intact and source.intact,
            detail=f"remote: {remote.detail}; source: {source.detail}",
        )

    # -- download -------------------------------------------------------------------------
    def download_prepare(ctx: RunContext) -> None:
        data = os.urandom(LARGE)
        name = f"{ctx.key}.bin"
        world.direct.mkdir(home(ctx))
        source = ctx.workdir / name
        source.write_bytes(data)
        world.direct.upload(source, directory=home(ctx))
        source.unlink()
        target = ctx.workdir / "downloads"
        target.mkdir()
        ctx.scratch.update(name=name, data=data, target=target)

    def download_run(ctx: RunContext) -> None:
        with world.client(ctx) as api:
            api.download(
                f"{home(ctx)}/{ctx.scratch['name']}", download_to_path=ctx.scratch["target"]
            )

    def download_verify(ctx: RunContext) -> Verdict:
        target: Path = ctx.scratch["target"]
        got = local_verdict(target / ctx.scratch["name"], ctx.scratch["data"])
        extra = leftovers(target, keep=ctx.scratch["name"])
        remote = world.files(home(ctx), ctx.scratch["name"], ctx.scratch["data"])
        return Verdict(
            objects=got.objects,
            intact=got.intact and not extra and remote.objects == 1 and remote.intact,
            detail=f"local: {got.detail}; left behind: {extra}; remote: {remote.detail}",
        )

    # -- move and copy (server tasks) -----------------------------------------------------
    def transfer_prepare(ctx: RunContext) -> None:
        data = os.urandom(SMALL)
        name = f"{ctx.key}.bin"
        world.direct.mkdir(f"{home(ctx)}/from")
        world.direct.mkdir(f"{home(ctx)}/to")
        source = ctx.workdir / name
        source.write_bytes(data)
        world.direct.upload(source, directory=f"{home(ctx)}/from")
        ctx.scratch.update(name=name, data=data)

    def transfer_run(copy: bool) -> Any:
        def run(ctx: RunContext) -> None:
            name = ctx.scratch["name"]
            if ctx.attempt > 1 and name in world.names(f"{home(ctx)}/to"):
                return  # the first try did it: nothing to resume
            with world.client(ctx) as api:
                call = api.copy if copy else api.move
                call(f"{home(ctx)}/from/{name}", f"{home(ctx)}/to")

        return run

    def transfer_verify(copy: bool) -> Any:
        def verify(ctx: RunContext) -> Verdict:
            world.settle()
            name, data = ctx.scratch["name"], ctx.scratch["data"]
            at_target = world.files(f"{home(ctx)}/to", name, data)
            at_source = world.files(f"{home(ctx)}/from", name, data)
            # A move leaves the file in exactly one of the two directories; a copy leaves the
            # source alone. Anything else lost or doubled something.
            placed = at_source.objects == (1 if copy else 1 - at_target.objects)
            return Verdict(
                objects=at_target.objects,
                intact=at_target.intact and at_source.intact and placed,
                detail=f"target: {at_target.detail}; source: {at_source.detail}",
            )

        return verify

    return {
        "mkdir": op("mkdir", prepare=mkdir_prepare, run=mkdir_run, verify=mkdir_verify),
        "upload_small": op(
            "upload_small", prepare=upload_prepare, run=upload_run, verify=upload_verify
        ),
        "download": op(
            "download", prepare=download_prepare, run=download_run, verify=download_verify
        ),
        "move": op(
            "move", prepare=transfer_prepare, run=transfer_run(False), verify=transfer_verify(False)
        ),
        "copy": op(
            "copy", prepare=transfer_prepare, run=transfer_run(True), verify=transfer_verify(True)
        ),
    }
