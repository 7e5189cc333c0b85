"""Box under the fault matrix: the Box emulator's api, upload and download hosts, each behind
a fault proxy (one fault budget for all three; redirects to the download host stay proxied).

Each run works in a folder of its own, made directly; the checks list that folder and read
file contents directly, with a token of their own. Resuming after a typed error is what a
user would do: create the folder with ``exist_ok``, upload only if the file is not there
(or finish the upload session with ``resume_upload``), download again, and call again with
the token pair the client last persisted.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.box import AsyncBoxClient, BoxClient, BoxURLs
from cloudspec.core.retry import RetryPolicy
from cloudspec.emulators import ServerURLs
from tests.live import box_support as box
from tests.reliability import matrix

pytestmark = pytest.mark.live

MiB = 1024 * 1024
SMALL = 100 * 1024 + 7
# Over the session minimum (2 MiB) with 1 MiB parts: two full parts and a short last one.
LARGE = 2 * MiB + 300 * 1024
DOWNLOAD = 700 * 1024 + 3
HOSTS = ("api", "upload", "download")
# Box's default policy with quick waits: the matrix's faults are short bursts.
RETRY = RetryPolicy(
    max_retries=5, initial_delay=0.01, max_delay=0.05, retry_accepted_with_retry_after=True
)

OPERATIONS = [
    "create_folder",
    "upload_small",
    "upload_chunked",
    "upload_version",
    "upload_version_if_match",
    "download",
    "token_refresh",
    "upload_chunked_async",
    "download_async",
]
_SPENT_REFRESH = (
    "not a client defect: Box refresh tokens are single-use (the emulator, like Box, spends the "
    "old one when it issues a new pair), so when the refresh response is lost on the wire the "
    "client keeps a spent pair and only a new login recovers"
)
KNOWN: dict[tuple[str, str], str] = {
    # The second connection is the OAuth client's: the refresh grant.
    ("token_refresh", "drop_response_second"): _SPENT_REFRESH,
    ("token_refresh", "truncate_body"): _SPENT_REFRESH,
}
# Defects the matrix found and that were fixed in the Box overlay: CI always runs them.
REGRESSIONS = [
    ("upload_version", "drop_response_at_0"),
    ("upload_version", "reset_response_at_0"),
    ("upload_chunked", "status_503"),
    ("upload_chunked", "drop_response_at_0"),
]
CASES = matrix.cases("box", OPERATIONS, known=KNOWN, always=REGRESSIONS)


class Direct:
    """The test's own hands on the emulator: plain httpx with a token of its own."""

    def __init__(self, urls: Any) -> None:
        self.urls = urls
        token = box.mint(_server(urls))["access_token"]
        self.http = httpx.Client(
            headers={"Authorization": f"Bearer {token}"}, trust_env=False, timeout=30
        )

    def close(self) -> None:
        self.http.close()

    def new_folder(self, name: str, parent: str = "0") -> str:
        answer = self.http.post(
            f"{self.urls['api']}/2.0/folders", json={"name": name, "parent": {"id": parent}}
        )
        answer.raise_for_status()
        folder_id: str = answer.json()["id"]
        return folder_id

    def items(self, folder: str) -> list[dict[str, Any]]:
        answer = self.http.get(
            f"{self.urls['api']}/2.0/folders/{folder}/items",
            params={"fields": "name,type,size,sha1", "limit": 1000},
        )
        answer.raise_for_status()
        entries: list[dict[str, Any]] = answer.json()["entries"]
        return entries

    def content(self, file_id: str) -> bytes:
        answer = self.http.get(
            f"{self.urls['api']}/2.0/files/{file_id}/content", follow_redirects=True
        )
        answer.raise_for_status()
        return answer.content

    def upload(self, folder: str, name: str, data: bytes) -> str:
        attributes = f'{{"name": "{name}", "parent": {{"id": "{folder}"}}}}'
        answer = self.http.post(
            f"{self.urls['upload']}/2.0/files/content",
            data={"attributes": attributes},
            files={"file": (name, data)},
        )
        answer.raise_for_status()
        file_id: str = answer.json()["entries"][0]["id"]
        return file_id

    def info(self, file_id: str) -> dict[str, Any]:
        answer = self.http.get(
            f"{self.urls['api']}/2.0/files/{file_id}", params={"fields": "etag,sha1,size"}
        )
        answer.raise_for_status()
        data: dict[str, Any] = answer.json()
        return data

    def me(self, access_token: str) -> int:
        answer = httpx.get(
            f"{self.urls['api']}/2.0/users/me",
            headers={"Authorization": f"Bearer {access_token}"},
            trust_env=False,
        )
        return answer.status_code


def _server(urls: Any) -> ServerURLs:
    return ServerURLs(base_url=urls["api"], urls=urls)


def _client(ctx: matrix.RunContext, **kwargs: Any) -> BoxClient:
    pair = ctx.scratch["pair"]
    return BoxClient(
        urls=BoxURLs.from_emulator(ctx.urls),
        access_token=pair[1],
        refresh_token=pair[0],
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        tokens_changed=lambda refresh, access: ctx.scratch.__setitem__("pair", (refresh, access)),
        retry=RETRY,
        timeout=10,
        chunked_threshold=2 * MiB,
        **kwargs,
    )


def _async_client(ctx: matrix.RunContext) -> AsyncBoxClient:
    pair = ctx.scratch["pair"]
    return AsyncBoxClient(
        urls=BoxURLs.from_emulator(ctx.urls),
        access_token=pair[1],
        refresh_token=pair[0],
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        tokens_changed=lambda refresh, access: ctx.scratch.__setitem__("pair", (refresh, access)),
        retry=RETRY,
        timeout=10,
        chunked_threshold=2 * MiB,
    )


def _upload_async_run(ctx: matrix.RunContext) -> object:
    # The async client is the source the sync one is generated from; its parts go out as
    # concurrent tasks rather than threads.
    def keep(session: Any) -> None:
        ctx.scratch["session"] = session.id

    async def upload() -> object:
        async with _async_client(ctx) as client:
            return await client.files.upload_large(
                ctx.scratch["source"], ctx.scratch["folder"], on_session=keep
            )

    return asyncio.run(upload())


def _download_async_run(ctx: matrix.RunContext) -> object:
    async def download() -> object:
        async with _async_client(ctx) as client:
            target = ctx.workdir / "out" / "local.bin"
            return await client.files.download(ctx.scratch["file"], target)

    return asyncio.run(download())


def _pattern(size: int, seed: str) -> bytes:
    block = hashlib.sha256(seed.encode()).digest() * 2048
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += counter.to_bytes(8, "big") + block
        counter += 1
    return bytes(out[:size])


def _folder_prepare(ctx: matrix.RunContext, direct: Direct) -> None:
    minted = box.mint(_server(ctx.direct))
    ctx.scratch["pair"] = (minted["refresh_token"], minted["access_token"])
    ctx.scratch["folder"] = direct.new_folder(ctx.key)


def _named(direct: Direct, ctx: matrix.RunContext, name: str) -> list[dict[str, Any]]:
    return [e for e in direct.items(ctx.scratch["folder"]) if e["name"].lower() == name.lower()]


# create_folder ---------------------------------------------------------------------------


def _create_run(ctx: matrix.RunContext) -> object:
    with _client(ctx) as client:
        return client.folders.create("child", ctx.scratch["folder"])


def _create_resume(ctx: matrix.RunContext) -> object:
    with _client(ctx) as client:
        return client.folders.create("child", ctx.scratch["folder"], exist_ok=True)


def _create_verify(direct: Direct, ctx: matrix.RunContext) -> matrix.Verdict:
    found = _named(direct, ctx, "child")
    intact = all(e["type"] == "folder" for e in found)
    return matrix.Verdict(objects=len(found), intact=intact, detail=str(found))


# upload_small and upload_chunked ---------------------------------------------------------


def _upload_prepare(size: int) -> Any:
    def prepare(ctx: matrix.RunContext, direct: Direct) -> None:
        _folder_prepare(ctx, direct)
        source = ctx.workdir / "source.bin"
        source.write_bytes(_pattern(size, ctx.key))
        ctx.scratch["source"] = source

    return prepare


def _upload_run(ctx: matrix.RunContext) -> object:
    source: Path = ctx.scratch["source"]

    def keep(session: Any) -> None:
        ctx.scratch["session"] = session.id

    with _client(ctx) as client:
        if source.stat().st_size >= 2 * MiB:
            return client.files.upload_large(source, ctx.scratch["folder"], on_session=keep)
        return client.files.upload(source, ctx.scratch["folder"])


def _upload_resume(ctx: matrix.RunContext) -> object:
    source: Path = ctx.scratch["source"]
    with _client(ctx) as client:
        if client.folders.find(source.name, ctx.scratch["folder"]) is not None:
            return None
        session = ctx.scratch.get("session")
        if session is not None:
            return client.files.resume_upload(session, source, ctx.scratch["folder"])
        return _upload_run(ctx)


def _upload_verify(direct: Direct, ctx: matrix.RunContext) -> matrix.Verdict:
    source: Path = ctx.scratch["source"]
    expected = source.read_bytes()
    found = _named(direct, ctx, source.name)
    intact = all(direct.content(e["id"]) == expected for e in found)
    sizes = [e.get("size") for e in found]
    return matrix.Verdict(objects=len(found), intact=intact, detail=f"sizes {sizes}")


# upload_version and upload_version_if_match ----------------------------------------------


def _version_prepare(ctx: matrix.RunContext, direct: Direct) -> None:
    _folder_prepare(ctx, direct)
    old = _pattern(SMALL, ctx.key + "-v1")
    ctx.scratch["old"] = old
    ctx.scratch["file"] = direct.upload(ctx.scratch["folder"], "versioned.bin", old)
    ctx.scratch["etag"] = direct.info(ctx.scratch["file"])["etag"]
    source = ctx.workdir / "versioned.bin"
    source.write_bytes(_pattern(SMALL + 11, ctx.key + "-v2"))
    ctx.scratch["source"] = source


def _version_run(conditional: bool) -> Any:
    def run(ctx: matrix.RunContext) -> object:
        etag = ctx.scratch["etag"] if conditional else None
        with _client(ctx) as client:
            return client.files.upload_version(
                ctx.scratch["file"], ctx.scratch["source"], etag=etag
            )

    return run


def _version_resume(conditional: bool) -> Any:
    def resume(ctx: matrix.RunContext) -> object:
        source: Path = ctx.scratch["source"]
        wanted = hashlib.sha1(source.read_bytes(), usedforsecurity=False).hexdigest()
        with _client(ctx) as client:
            current = client.files.get(ctx.scratch["file"], fields="etag,sha1")
            if current.sha1 == wanted:
                return current
            etag = current.etag if conditional and isinstance(current.etag, str) else None
            return client.files.upload_version(ctx.scratch["file"], source, etag=etag)

    return resume


def _version_verify(direct: Direct, ctx: matrix.RunContext) -> matrix.Verdict:
    info = direct.info(ctx.scratch["file"])
    # Every new version bumps the etag once: two bumps are a duplicate upload.
    versions = int(info["etag"]) - int(ctx.scratch["etag"])
    content = direct.content(ctx.scratch["file"])
    wanted = ctx.scratch["source"].read_bytes() if versions else ctx.scratch["old"]
    return matrix.Verdict(
        objects=versions, intact=content == wanted, detail=f"{versions} new version(s)"
    )


# download --------------------------------------------------------------------------------


def _download_prepare(ctx: matrix.RunContext, direct: Direct) -> None:
    _folder_prepare(ctx, direct)
    data = _pattern(DOWNLOAD, ctx.key)
    ctx.scratch["data"] = data
    ctx.scratch["file"] = direct.upload(ctx.scratch["folder"], "remote.bin", data)
    (ctx.workdir / "out").mkdir()


def _download_run(ctx: matrix.RunContext) -> object:
    with _client(ctx) as client:
        return client.files.download(ctx.scratch["file"], ctx.workdir / "out" / "local.bin")


def _download_verify(direct: Direct, ctx: matrix.RunContext) -> matrix.Verdict:
    target = ctx.workdir / "out" / "local.bin"
    data: bytes = ctx.scratch["data"]
    # The remote file must be untouched, and the local one whole or absent.
    remote_ok = direct.content(ctx.scratch["file"]) == data
    stray = sorted(p.name for p in target.parent.iterdir() if p.name != target.name)
    if not target.exists():
        return matrix.Verdict(objects=0, intact=remote_ok, detail=f"absent; stray {stray}")
    local_ok = target.read_bytes() == data
    # A temporary file left beside a finished download is a second local object.
    return matrix.Verdict(
        objects=1 + len(stray), intact=remote_ok and local_ok, detail=f"stray {stray}"
    )


# token_refresh ---------------------------------------------------------------------------


def _refresh_prepare(ctx: matrix.RunContext, direct: Direct) -> None:
    _folder_prepare(ctx, direct)
    # An access token that is dead on arrival: the first call gets 401 and refreshes.
    minted = box.mint(_server(ctx.direct), expires_in=0)
    ctx.scratch["pair"] = (minted["refresh_token"], minted["access_token"])
    ctx.scratch["original"] = ctx.scratch["pair"]


def _refresh_run(ctx: matrix.RunContext) -> object:
    with _client(ctx) as client:
        return client.folders.get(ctx.scratch["folder"])


def _refresh_verify(direct: Direct, ctx: matrix.RunContext) -> matrix.Verdict:
    _refresh, access = ctx.scratch["pair"]
    if ctx.scratch["pair"] == ctx.scratch["original"]:
        return matrix.Verdict(objects=0, detail="no new pair persisted")
    status = direct.me(access)
    # A persisted pair that does not work is a lost login.
    return matrix.Verdict(objects=1, intact=status == 200, detail=f"new token answers {status}")


@pytest.fixture(scope="module")
def box_operations(box_server: ServerURLs) -> Iterator[dict[str, matrix.Operation]]:
    urls = dict(box_server.urls)
    direct = Direct(urls)

    def bind(step: Any) -> Any:
        def bound(ctx: matrix.RunContext) -> Any:
            return step(ctx, direct) if step.__code__.co_argcount == 2 else step(ctx)

        return bound

    def checker(step: Any) -> Any:
        def bound(ctx: matrix.RunContext) -> matrix.Verdict:
            verdict: matrix.Verdict = step(direct, ctx)
            return verdict

        return bound

    def operation(name: str, hosts: tuple[str, ...], **steps: Any) -> matrix.Operation:
        return matrix.Operation(
            client="box",
            name=name,
            urls=urls,
            hosts=hosts,
            prepare=bind(steps["prepare"]),
            run=steps["run"],
            resume=steps.get("resume"),
            verify=checker(steps["verify"]),
        )

    yield {
        "create_folder": operation(
            "create_folder",
            ("api",),
            prepare=_folder_prepare,
            run=_create_run,
            resume=_create_resume,
            verify=_create_verify,
        ),
        "upload_small": operation(
            "upload_small",
            ("api", "upload"),
            prepare=_upload_prepare(SMALL),
            run=_upload_run,
            resume=_upload_resume,
            verify=_upload_verify,
        ),
        "upload_chunked": operation(
            "upload_chunked",
            ("api", "upload"),
            prepare=_upload_prepare(LARGE),
            run=_upload_run,
            resume=_upload_resume,
            verify=_upload_verify,
        ),
        "upload_version": operation(
            "upload_version",
            ("api", "upload"),
            prepare=_version_prepare,
            run=_version_run(conditional=False),
            resume=_version_resume(conditional=False),
            verify=_version_verify,
        ),
        "upload_version_if_match": operation(
            "upload_version_if_match",
            ("api", "upload"),
            prepare=_version_prepare,
            run=_version_run(conditional=True),
            resume=_version_resume(conditional=True),
            verify=_version_verify,
        ),
        "download": operation(
            "download",
            HOSTS,
            prepare=_download_prepare,
            run=_download_run,
            verify=_download_verify,
        ),
        "upload_chunked_async": operation(
            "upload_chunked_async",
            ("api", "upload"),
            prepare=_upload_prepare(LARGE),
            run=_upload_async_run,
            resume=_upload_resume,
            verify=_upload_verify,
        ),
        "download_async": operation(
            "download_async",
            HOSTS,
            prepare=_download_prepare,
            run=_download_async_run,
            resume=_download_run,
            verify=_download_verify,
        ),
        "token_refresh": operation(
            "token_refresh",
            ("api",),
            prepare=_refresh_prepare,
            run=_refresh_run,
            verify=_refresh_verify,
        ),
    }
    direct.close()


@pytest.fixture(scope="module")
def matrix_log() -> Iterator[matrix.MatrixLog]:
    log = matrix.MatrixLog("box", known=KNOWN)
    yield log
    log.record()


@pytest.mark.parametrize(("operation", "scenario"), CASES)
def test_box_matrix(
    operation: str,
    scenario: str,
    box_operations: dict[str, matrix.Operation],
    matrix_log: matrix.MatrixLog,
    tmp_path: Path,
) -> None:
    run = matrix.execute(box_operations[operation], scenario, tmp_path)
    matrix_log.add(run)
    matrix.check(run)
