"""The ButtFS operations of the fault matrix (:mod:`tests.reliability.matrix`).

Each run works in folders of its own, made directly on the emulator by ``prepare``. ``run``
goes through the proxy with a fresh :class:`~cloudspec.buttfs.Session` holding the world's
access token (logging in is not the operation under test); ``verify`` lists and reads through
a session pointed straight at the emulator and compares bytes.

Resuming after a typed error is what a user would do: run the operation again, in the form that
cannot make a second object (``exists=reuse`` for a folder or an upload of the same bytes; a
move or copy only if it did not happen).
"""

from __future__ import annotations

import io
import os
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path as FSPath
from typing import Any

from cloudspec.buttfs import ExistValues, File, Folder, Path, Session
from cloudspec.core import RetryPolicy
from cloudspec.emulators.urls import ServerURLs
from tests.reliability.matrix import Operation, RunContext, Verdict

from .storage_checks import leftovers, local_verdict

__all__ = ["OPERATIONS", "ButtFSWorld", "operations"]

OPERATIONS = ("create_folder", "upload_small", "download", "move", "copy")
APP_ID, APP_SECRET = "buttfs-demo", "buttfs-demo-secret"
ADMIN_ID, ADMIN_SECRET = "buttfs-admin", "buttfs-admin-secret"
SMALL = 48 * 1024
LARGE = 320 * 1024
# Quick backoff keeps the matrix fast; which requests are retried stays the client's default.
RETRY = RetryPolicy(initial_delay=0.01, max_delay=0.05)


def _copies(items: list[Mapping[str, Any]], name: str) -> list[Mapping[str, Any]]:
    """Items named ``name`` or renamed from it (``stem (2).ext``, ButtFS's ``exists=rename``):
    more than one is a duplicate."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    renamed = re.compile(re.escape(stem) + r" \(\d+\)" + re.escape(dot + ext) + "$")
    return [i for i in items if i.get("name") == name or renamed.match(str(i.get("name")))]


class ButtFSWorld:
    """A fresh user on the emulator and a session that talks to the emulator directly."""

    def __init__(self, server: ServerURLs) -> None:
        self.server = server
        self.direct = Session(server.base_url, APP_ID, APP_SECRET)
        self.direct.set_admin_credentials(ADMIN_ID, ADMIN_SECRET)
        username = f"matrix-{uuid.uuid4().hex[:12]}"
        self.direct.create_account(username, "matrix-password", log_in_after_creation=True)

    def close(self) -> None:
        self.direct.close()

    @contextmanager
    def client(self, ctx: RunContext) -> Iterator[Session]:
        session = Session(ctx.urls["api"], APP_ID, APP_SECRET, retry=RETRY)
        session.rest_interface.access_token = self.direct.rest_interface.access_token
        with session:
            yield session

    def folder(self) -> Path:
        """A fresh folder in the root, made directly."""
        result = self.direct.rest_interface.create_folder("/", f"run-{uuid.uuid4().hex}")
        return Path([str(result["items"][0]["id"])])

    def children(self, folder: Path) -> list[Mapping[str, Any]]:
        result = self.direct.rest_interface.list_folder(str(folder))
        return [item for item in result.get("items", []) if isinstance(item, dict)]

    def upload(self, folder: Path, name: str, data: bytes) -> dict[str, Any]:
        meta: dict[str, Any] = self.direct.rest_interface.upload_file(
            str(folder), io.BytesIO(data), name=name
        )
        return meta

    def files(self, folder: Path, name: str, data: bytes) -> Verdict:
        """How many copies of ``name`` ``folder`` holds, and whether each is exactly ``data``."""
        found = _copies(self.children(folder), name)
        wrong = []
        for item in found:
            path = folder.copy().append(str(item["id"]))
            content = self.direct.rest_interface.read_range(str(path), 0, None)
            if item.get("type") == "folder" or content != data:
                wrong.append(f"{item.get('name')!r}: {len(content)} bytes")
        detail = f"{len(found)} cop(ies) of {name!r}" + (f", wrong: {wrong}" if wrong else "")
        return Verdict(objects=len(found), intact=not wrong, detail=detail)


def _folder(session: Session, path: Path) -> Folder:
    return Folder(session.rest_interface, {"id": path[-1], "type": "folder"}, path[:-1])


def _file(session: Session, meta: Mapping[str, Any], parent: Path) -> File:
    return File(session.rest_interface, meta, parent)


def operations(world: ButtFSWorld) -> dict[str, Operation]:
    """Every ButtFS operation of the matrix, by name."""
    urls = dict(world.server.urls)

    def op(name: str, **kw: Any) -> Operation:
        return Operation(client="buttfs", name=name, urls=urls, **kw)

    # -- create a folder ------------------------------------------------------------------
    def folder_prepare(ctx: RunContext) -> None:
        ctx.scratch["parent"] = world.folder()
        ctx.scratch["name"] = f"made-{ctx.key}"

    def folder_run(ctx: RunContext) -> None:
        # A re-run reuses what the first try may have made.
        exists = ExistValues.fail if ctx.attempt == 1 else ExistValues.reuse
        with world.client(ctx) as session:
            made = _folder(session, ctx.scratch["parent"]).create_folder(
                ctx.scratch["name"], exists=exists
            )
        assert made.name == ctx.scratch["name"], made.name

    def folder_verify(ctx: RunContext) -> Verdict:
        found = _copies(world.children(ctx.scratch["parent"]), ctx.scratch["name"])
        kinds = {str(item.get("type")) for item in found}
        return Verdict(
            objects=len(found),
            intact=kinds <= {"folder"},
            detail=f"{len(found)} item(s) named {ctx.scratch['name']!r}: {sorted(kinds)}",
        )

    # -- upload a small file --------------------------------------------------------------
    def upload_prepare(ctx: RunContext) -> None:
        data = os.urandom(SMALL)
        local = ctx.workdir / f"{ctx.key}.bin"
        local.write_bytes(data)
        ctx.scratch.update(parent=world.folder(), local=local, data=data)

    def upload_run(ctx: RunContext) -> None:
        # Identical bytes are reused on a re-run, never stored twice.
        exists = ExistValues.fail if ctx.attempt == 1 else ExistValues.reuse
        with world.client(ctx) as session:
            uploaded = _folder(session, ctx.scratch["parent"]).upload(
                str(ctx.scratch["local"]), exists=exists
            )
        assert uploaded.size == SMALL, uploaded.size

    def upload_verify(ctx: RunContext) -> Verdict:
        local: FSPath = ctx.scratch["local"]
        remote = world.files(ctx.scratch["parent"], local.name, ctx.scratch["data"])
        source = local_verdict(local, ctx.scratch["data"])
        return Verdict(
            objects=remote.objects,
            intact=remote.intact and source.intact,
            detail=f"remote: {remote.detail}; source: {source.detail}",
        )

    # -- download -------------------------------------------------------------------------
    def download_prepare(ctx: RunContext) -> None:
        data = os.urandom(LARGE)
        parent = world.folder()
        name = f"{ctx.key}.bin"
        target = ctx.workdir / "downloads"
        target.mkdir()
        meta = world.upload(parent, name, data)
        ctx.scratch.update(parent=parent, name=name, data=data, meta=meta, target=target)

    def download_run(ctx: RunContext) -> None:
        with world.client(ctx) as session:
            _file(session, ctx.scratch["meta"], ctx.scratch["parent"]).download(
                ctx.scratch["target"]
            )

    def download_verify(ctx: RunContext) -> Verdict:
        target: FSPath = ctx.scratch["target"]
        got = local_verdict(target / ctx.scratch["name"], ctx.scratch["data"])
        extra = leftovers(target, keep=ctx.scratch["name"])
        remote = world.files(ctx.scratch["parent"], ctx.scratch["name"], ctx.scratch["data"])
        return Verdict(
            objects=got.objects,
            intact=got.intact and not extra and remote.objects == 1 and remote.intact,
            detail=f"local: {got.detail}; left behind: {extra}; remote: {remote.detail}",
        )

    # -- move and copy --------------------------------------------------------------------
    def transfer_prepare(ctx: RunContext) -> None:
        data = os.urandom(SMALL)
        source, target = world.folder(), world.folder()
        name = f"{ctx.key}.bin"
        meta = world.upload(source, name, data)
        ctx.scratch.update(source=source, target=target, name=name, data=data, meta=meta)

    def transfer_run(copy: bool) -> Any:
        def run(ctx: RunContext) -> None:
            if ctx.attempt > 1 and _copies(
                world.children(ctx.scratch["target"]), ctx.scratch["name"]
            ):
                return  # the first try did it: nothing to resume
            with world.client(ctx) as session:
                item = _file(session, ctx.scratch["meta"], ctx.scratch["source"])
                if copy:
                    item.copy_to(ctx.scratch["target"], exists=ExistValues.fail)
                else:
                    item.move_to(ctx.scratch["target"], exists=ExistValues.fail)

        return run

    def transfer_verify(copy: bool) -> Any:
        def verify(ctx: RunContext) -> Verdict:
            name, data = ctx.scratch["name"], ctx.scratch["data"]
            at_target = world.files(ctx.scratch["target"], name, data)
            at_source = world.files(ctx.scratch["source"], name, data)
            # A move leaves the file in exactly one of the two folders; a copy leaves the
            # source alone. Anything else lost or doubled something.
            source_ok = (
                at_source.objects == 1 if copy else at_source.objects + at_target.objects == 1
            )
            return Verdict(
                objects=at_target.objects,
                intact=at_target.intact and at_source.intact and source_ok,
                detail=f"target: {at_target.detail}; source: {at_source.detail}",
            )

        return verify

    return {
        "create_folder": op(
            "create_folder", prepare=folder_prepare, run=folder_run, verify=folder_verify
        ),
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
