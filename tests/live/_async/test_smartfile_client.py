"""Live tests of the SmartFile clients (``AsyncBasicClient``, ``AsyncOAuthClient``: the original's
generic calls, the typed helpers, tasks, the three-legged OAuth 1.0a flow and the typed errors)
against the SmartFile emulator.

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. The emulator is shared by the session, so every test works in a fresh
top-level directory of its own.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import time
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudspec.core import errors as core
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs
from cloudspec.smartfile import (
    APIError,
    AsyncBasicClient,
    AsyncOAuthClient,
    AsyncResponseStream,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    OAuthToken,
    PartialFailure,
    PermissionDeniedError,
    ResponseError,
    TaskFailed,
    TaskTimeout,
)
from cloudspec.smartfile_api.models import Task, TaskRef
from tests.live import smartfile_support as sf

pytestmark = pytest.mark.live

DONE = ("SUCCESS", "FAILURE")
# True in the generated sync twin (where the client class is ``OAuthClient``).


@pytest.fixture(scope="module")
def creds(smartfile_server: ServerURLs) -> dict[str, Any]:
    return sf.credentials(smartfile_server)


def _basic(server: ServerURLs, creds: dict[str, Any]) -> AsyncBasicClient:
    key, password = creds["basic"]["key"], creds["basic"]["password"]
    return AsyncBasicClient(key, password, url=server.base_url, timeout=10)


@pytest.fixture
async def api(
    smartfile_server: ServerURLs, creds: dict[str, Any]
) -> AsyncIterator[AsyncBasicClient]:
    async with _basic(smartfile_server, creds) as client:
        yield client


@pytest.fixture
async def folder(api: AsyncBasicClient) -> str:
    """A fresh directory for one test."""
    path = sf.unique()
    made = await api.mkdir(path)
    assert made.path == path and made.isdir is True
    return path


@pytest.fixture(scope="module")
def slow_server() -> Iterator[ServerURLs]:
    """A second emulator whose tasks stay PENDING for 5 s, for timeouts."""
    with run("smartfile", settings={"task_seconds": 5}) as urls:
        yield urls


async def _put(api: AsyncBasicClient, directory: str, name: str, data: bytes) -> None:
    info = await api.upload(name, io.BytesIO(data), directory=directory)
    assert info.size == len(data)


# ---- the original's generic calls ----
async def test_generic_calls_answer_json_or_a_stream(
    api: AsyncBasicClient, folder: str, tmp_path: Path
) -> None:
    assert await api.get("/ping") == {"ping": "pong"}
    assert await api("/ping") == {"ping": "pong"}
    root = await api.get("/path/info", "/")
    assert root["path"] == "/" and root["isdir"] is True
    made = await api.post("/path/oper/mkdir/", path=f"{folder}/generic")
    assert made["path"] == f"{folder}/generic" and made["isdir"] is True

    target = f"{folder}/generic"
    uploaded = await api.post(
        "/path/data", target, file=("name.txt", io.BytesIO(b"hello smartfile"))
    )
    assert uploaded["path"] == f"{target}/name.txt" and uploaded["size"] == 15
    local = tmp_path / "named.bin"
    local.write_bytes(os.urandom(200_000))
    with local.open("rb") as fileobj:  # a file object with a .name: uploaded under that name
        named = await api.post("/path/data", target, file=fileobj)
    assert named["path"] == f"{target}/named.bin" and named["size"] == 200_000

    listing = await api.get("/path/info", target, children=True, fields=["name", "size"])
    assert {(c["name"], c["size"]) for c in listing["children"]} == {
        ("name.txt", 15),
        ("named.bin", 200_000),
    }

    stream = await api.get("/path/data", f"{target}/name.txt")
    assert isinstance(stream, AsyncResponseStream)
    async with stream:
        assert stream.response.status_code == 200
        assert not stream.content_type.startswith("application/json")
        assert await stream.read(5) == b"hello"
        assert await stream.read() == b" smartfile"
        assert await stream.read() == b""
    big = await api.get("/path/data", f"{target}/named.bin")
    async with big:
        received = b"".join([chunk async for chunk in big])
    assert received == local.read_bytes()


async def test_readme_task_polling(api: AsyncBasicClient, folder: str) -> None:
    """``t = api.post('/path/oper/move/', src=..., dst=...)``, then poll ``/task/<uuid>``."""
    await api.post("/path/oper/mkdir/", path=f"{folder}/archive")
    for name in ("a.txt", "b.txt"):
        await api.post("/path/data", folder, file=(name, io.BytesIO(name.encode())))
    t = await api.post(
        "/path/oper/move/", src=[f"{folder}/a.txt", f"{folder}/b.txt"], dst=f"{folder}/archive"
    )
    assert set(t) == {"uuid"}
    deadline = time.monotonic() + 10
    while True:
        s = await api.get("/task", t["uuid"])
        assert s["uuid"] == t["uuid"]
        if s["result"]["status"] in DONE:
            break
        assert time.monotonic() < deadline, s
        await asyncio.sleep(0.02)
    assert s["result"]["status"] == "SUCCESS"
    assert s["result"]["result"]["errors"] == {}
    listing = await api.get("/path/info", f"{folder}/archive", children=True)
    assert sorted(child["name"] for child in listing["children"]) == ["a.txt", "b.txt"]
    with pytest.raises(NotFoundError):
        await api.get("/path/info", f"{folder}/a.txt")


# ---- typed helpers ----
async def test_service_calls(api: AsyncBasicClient, creds: dict[str, Any]) -> None:
    assert (await api.ping()).ping == "pong"
    me = await api.whoami()
    assert me.user.username == creds["user"]["username"]
    assert me.user.email == creds["user"]["email"]


async def test_mkdir_upload_info_and_paged_listing(
    api: AsyncBasicClient, smartfile_server: ServerURLs, folder: str, tmp_path: Path
) -> None:
    nested = await api.mkdir(f"{folder}/x/y/z")
    assert nested.path == f"{folder}/x/y/z" and nested.isdir is True
    assert (await api.mkdir(f"{folder}/x/y/z")).id == nested.id  # an existing one is fine
    assert (await api.info(f"{folder}/x/y")).items == 1

    directory = f"{folder}/x/y/z"
    expected: dict[str, bytes] = {}
    for index in range(4):  # four streamed from local paths
        local = tmp_path / f"local{index}.txt"
        local.write_bytes(b"l" * (index + 1))
        info = await api.upload(local, directory=directory)
        assert info.path == f"{directory}/local{index}.txt" and info.size == index + 1
        expected[local.name] = local.read_bytes()
    for index in range(3):  # three from file objects, named by the caller
        data = b"o" * (10 + index)
        info = await api.upload(f"obj{index}.bin", io.BytesIO(data), directory=directory)
        assert info.name == f"obj{index}.bin" and info.isfile is True
        expected[f"obj{index}.bin"] = data

    before = sf.stats(smartfile_server)["requests"]
    children = [child async for child in api.iter_children(directory, page_size=3)]
    assert sf.stats(smartfile_server)["requests"] - before == 3  # pages of 3, 3 and 1
    assert sorted(str(child.name) for child in children) == sorted(expected)
    assert {str(child.name): child.size for child in children} == {
        name: len(data) for name, data in expected.items()
    }
    assert all(child.path == f"{directory}/{child.name}" for child in children)

    slim = [c async for c in api.iter_children(directory, page_size=3, fields=["name", "size"])]
    assert sorted(str(child.name) for child in slim) == sorted(expected)
    assert all(isinstance(child.size, int) for child in slim)
    assert all(not child.path and child.isdir is not True for child in slim)

    listed = await api.ls(directory, page_size=3)
    assert [child.name for child in listed] == [child.name for child in children]
    empty = await api.mkdir(f"{folder}/empty")
    assert await api.ls(str(empty.path)) == []

    info = await api.info(f"{directory}/obj2.bin")
    assert (info.name, info.size, info.isfile, info.isdir) == ("obj2.bin", 12, True, False)
    directory_info = await api.info(directory)
    assert directory_info.items == 7 and directory_info.isdir is True


async def test_download_to_a_directory_and_to_a_file_path(
    api: AsyncBasicClient, folder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = os.urandom(300_000)
    await _put(api, folder, "blob.bin", data)
    remote = f"{folder}/blob.bin"

    into = tmp_path / "into"
    into.mkdir()
    got = await api.download(remote, download_to_path=into)
    assert got == into / "blob.bin"
    assert got.read_bytes() == data
    assert list(into.iterdir()) == [got]  # no .part left

    as_file = tmp_path / "new" / "deeper" / "renamed.bin"
    assert await api.download(remote, download_to_path=as_file) == as_file
    assert as_file.read_bytes() == data
    assert list(as_file.parent.iterdir()) == [as_file]

    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    default = await api.download(remote)
    assert isinstance(default, Path) and default.resolve() == here / "blob.bin"
    assert (here / "blob.bin").read_bytes() == data

    stream = await api.download(remote, perform_download=False)
    assert isinstance(stream, AsyncResponseStream)
    async with stream:
        assert await stream.read() == data

    missing = tmp_path / "missing"
    missing.mkdir()
    with pytest.raises(NotFoundError) as caught:
        await api.download(f"{folder}/none.bin", download_to_path=missing)
    assert caught.value.status_code == 404
    assert list(missing.iterdir()) == []


async def test_read_range_reads_one_window(api: AsyncBasicClient, folder: str) -> None:
    data = bytes(range(256)) * 4
    await _put(api, folder, "r.bin", data)
    remote = f"{folder}/r.bin"
    assert await api.read_range(remote, 10, 20) == data[10:20]
    assert await api.read_range(remote, 1000) == data[1000:]
    assert await api.read_range(remote) == data
    assert await api.read_range(remote, 5, 5) == b""
    assert await api.read_range(remote, len(data) + 1) == b""  # 416: nothing there
    with pytest.raises(NotFoundError):
        await api.read_range(f"{folder}/none.bin", 0, 1)


async def test_rename_copy_move_remove(api: AsyncBasicClient, folder: str) -> None:
    await _put(api, folder, "a.txt", b"alpha")
    renamed = await api.rename(f"{folder}/a.txt", "b.txt")
    assert renamed.path == f"{folder}/b.txt"
    with pytest.raises(NotFoundError):
        await api.info(f"{folder}/a.txt")

    await api.mkdir(f"{folder}/backup")
    copied = await api.copy(f"{folder}/b.txt", f"{folder}/backup")
    assert isinstance(copied, Task)
    assert copied.result.status == "SUCCESS"
    assert (await api.info(f"{folder}/backup/b.txt")).size == 5
    assert (await api.info(f"{folder}/b.txt")).size == 5

    await api.mkdir(f"{folder}/moved")
    moved = await api.move([f"{folder}/b.txt", f"{folder}/backup"], f"{folder}/moved")
    assert isinstance(moved, Task) and moved.result.status == "SUCCESS"
    assert sorted(str(c.name) for c in await api.ls(f"{folder}/moved")) == ["b.txt", "backup"]
    with pytest.raises(NotFoundError):
        await api.info(f"{folder}/b.txt")

    removed = await api.remove(f"{folder}/moved")
    assert isinstance(removed, Task) and removed.result.status == "SUCCESS"
    with pytest.raises(NotFoundError):
        await api.info(f"{folder}/moved/b.txt")
    assert await api.ls(folder) == []


async def test_checksums_match_hashlib(api: AsyncBasicClient, folder: str) -> None:
    data = os.urandom(250_000)
    await _put(api, folder, "sum.bin", data)
    await _put(api, folder, "other.bin", b"other")
    paths = {f"{folder}/sum.bin": data, f"{folder}/other.bin": b"other"}
    assert await api.checksum(f"{folder}/sum.bin") == {  # md5 by default
        f"{folder}/sum.bin": hashlib.md5(data).hexdigest()
    }
    for algorithm in ("sha1", "SHA256"):
        assert await api.checksum(list(paths), algorithm) == {
            path: hashlib.new(algorithm.lower(), content).hexdigest()
            for path, content in paths.items()
        }
    with pytest.raises(ValueError):
        await api.checksum(f"{folder}/sum.bin", "crc32")


async def test_compress_writes_a_zip(api: AsyncBasicClient, folder: str, tmp_path: Path) -> None:
    await _put(api, folder, "one.txt", b"one")
    await api.mkdir(f"{folder}/tree/inner")
    two = os.urandom(50_000)
    await _put(api, f"{folder}/tree/inner", "two.bin", two)
    task = await api.compress([f"{folder}/one.txt", f"{folder}/tree"], folder, "out.zip")
    assert task.result.status == "SUCCESS"
    assert task.result.result and task.result.result.path == f"{folder}/out.zip"
    local = await api.download(f"{folder}/out.zip", download_to_path=tmp_path)
    assert isinstance(local, Path)
    with zipfile.ZipFile(local) as archive:
        assert archive.testzip() is None
        assert archive.read("one.txt") == b"one"
        assert archive.read("tree/inner/two.bin") == two


async def test_links_create_iterate_delete(api: AsyncBasicClient, folder: str) -> None:
    await _put(api, folder, "shared.txt", b"shared")
    link = await api.create_link(f"{folder}/shared.txt", list=True, recursive=True)
    assert link.path == f"{folder}/shared.txt" and link.uid in link.href
    assert link.acl and (link.acl.read, link.acl.list_, link.acl.write) == (True, True, False)
    assert link.recursive is True
    named = await api.create_link(folder, name="mine")
    assert named.name == "mine"
    uids = [item.uid async for item in api.iter_links(page_size=1)]
    assert {link.uid, named.uid} <= set(uids)
    assert len(uids) == len(set(uids))
    await api.delete_link(link.uid)
    assert link.uid not in [item.uid async for item in api.iter_links(page_size=2)]
    with pytest.raises(NotFoundError):
        await api.delete_link(link.uid)
    await api.delete_link(named.uid)


async def test_awkward_names_round_trip(api: AsyncBasicClient, folder: str, tmp_path: Path) -> None:
    """``?``, ``#``, ``%``, ``&``, blanks and Unicode are names, not URL syntax."""
    directory = f"{folder}/dir ?#%&= ü"
    made = await api.mkdir(directory)
    assert made.path == directory
    data = b"awkward bytes \x00\xff"
    uploaded = await api.upload(sf.AWKWARD_NAME, io.BytesIO(data), directory=directory)
    assert uploaded.name == sf.AWKWARD_NAME
    remote = f"{directory}/{sf.AWKWARD_NAME}"
    assert uploaded.path == remote
    assert (await api.info(remote)).size == len(data)
    assert [child.name for child in await api.ls(directory)] == [sf.AWKWARD_NAME]
    assert (await api.get("/path/info", remote))["name"] == sf.AWKWARD_NAME
    local = await api.download(remote, download_to_path=tmp_path)
    assert local == tmp_path / sf.AWKWARD_NAME and local.read_bytes() == data
    assert await api.checksum(remote, "sha1") == {remote: hashlib.sha1(data).hexdigest()}
    renamed = await api.rename(remote, "100% sûr #2?.txt")
    assert renamed.path == f"{directory}/100% sûr #2?.txt"
    await api.remove(directory)
    with pytest.raises(NotFoundError):
        await api.info(directory)


# ---- task outcomes ----
async def test_remove_partial_failure(api: AsyncBasicClient, folder: str) -> None:
    await _put(api, folder, "exists.txt", b"x")
    exists, missing = f"{folder}/exists.txt", f"{folder}/missing.txt"
    with pytest.raises(PartialFailure) as caught:
        await api.remove([exists, missing])
    assert isinstance(caught.value, TaskFailed)
    assert caught.value.errors == {missing: "No such file or directory"}
    assert isinstance(caught.value.task, Task)
    assert missing in str(caught.value)
    with pytest.raises(NotFoundError):
        await api.info(exists)  # the existing one was removed


async def test_task_failure(api: AsyncBasicClient, folder: str) -> None:
    await _put(api, folder, "stay.txt", b"x")
    with pytest.raises(TaskFailed) as caught:
        await api.move(f"{folder}/stay.txt", f"{folder}/nowhere")
    assert type(caught.value) is TaskFailed
    assert list(caught.value.errors) == [f"{folder}/stay.txt"]
    assert isinstance(caught.value.task, Task) and caught.value.task.result.status == "FAILURE"
    assert (await api.info(f"{folder}/stay.txt")).size == 1  # nothing moved
    with pytest.raises(TaskFailed) as gone:
        await api.remove(f"{folder}/never.txt")
    assert gone.value.errors == {f"{folder}/never.txt": "No such file or directory"}


async def test_wait_false_answers_a_task_ref(api: AsyncBasicClient, folder: str) -> None:
    await _put(api, folder, "c.txt", b"c")
    await api.mkdir(f"{folder}/to")
    ref = await api.copy(f"{folder}/c.txt", f"{folder}/to", wait=False)
    assert isinstance(ref, TaskRef)
    done = await api.wait(ref)
    assert done.uuid == ref.uuid and done.result.status == "SUCCESS"
    assert (await api.wait(ref.uuid)).result.status == "SUCCESS"
    assert (await api.info(f"{folder}/to/c.txt")).size == 1
    with pytest.raises(NotFoundError):
        await api.wait("00000000-0000-0000-0000-000000000000")


async def test_task_timeout(slow_server: ServerURLs) -> None:
    async with _basic(slow_server, sf.credentials(slow_server)) as slow:
        folder = sf.unique()
        await slow.mkdir(folder)
        await _put(slow, folder, "slow.txt", b"s")
        started = time.monotonic()
        with pytest.raises(TaskTimeout) as caught:
            await slow.remove(f"{folder}/slow.txt", timeout=0.3)
        assert time.monotonic() - started < 3
        assert isinstance(caught.value, core.TimeoutError)
        assert isinstance(caught.value.task, Task)
        assert caught.value.task.result.status in ("PENDING", "PROGRESS")
        ref = await slow.copy(f"{folder}/slow.txt", folder, wait=False)
        assert isinstance(ref, TaskRef)
        with pytest.raises(TaskTimeout):
            await slow.wait(ref, timeout=0.2)


# ---- OAuth 1.0a ----
@pytest.mark.parametrize("approval", ["headless", "form"])
@pytest.mark.parametrize("method", ["PLAINTEXT", "HMAC-SHA1"])
async def test_oauth_three_legged_flow(
    smartfile_server: ServerURLs,
    creds: dict[str, Any],
    folder: str,
    tmp_path: Path,
    method: str,
    approval: str,
) -> None:
    pair = creds["oauth"]
    async with AsyncOAuthClient(
        pair["client_token"],
        pair["client_secret"],
        url=smartfile_server.base_url,
        signature_method=method,
        timeout=10,
    ) as api:
        with pytest.raises(APIError, match="access token"):
            await api.whoami()
        callback = sf.CALLBACK if approval == "form" else None
        request = await api.get_request_token(callback)
        url = api.get_authorization_url()
        assert url == f"{smartfile_server.base_url}/oauth/authorize/?oauth_token={request.token}"
        if approval == "form":
            verifier = sf.approve_through_form(smartfile_server, url, request.token)
        else:
            page = sf.authorization_page(url)
            assert "Authorize application" in page and request.token in page
            verifier = sf.approve(smartfile_server, request.token)
        access = await api.get_access_token(None, verifier)
        assert api.access == access
        token, secret = access
        assert len(token) == 30 and len(secret) == 30
        assert secret not in repr(access) and secret not in repr(api)

        assert (await api.ping()).ping == "pong"
        assert await api("/ping") == {"ping": "pong"}
        assert (await api.whoami()).user.username == creds["user"]["username"]
        uploaded = await api.upload("oauth.txt", io.BytesIO(b"signed upload"), directory=folder)
        assert uploaded.size == 13
        name = "fait par oauth & çà ü=1+2"
        made = await api.mkdir(f"{folder}/{name}")
        assert made.path == f"{folder}/{name}"
        generic = await api.post("/path/oper/mkdir/", path=f"{folder}/générique ?#%")
        assert generic["path"] == f"{folder}/générique ?#%"
        listing = await api.get("/path/info", folder, children=True, fields=["name", "size"])
        assert {child["name"] for child in listing["children"]} == {
            "oauth.txt",
            name,
            "générique ?#%",
        }
        paged = [child.name async for child in api.iter_children(folder, page_size=2)]
        assert sorted(str(n) for n in paged) == sorted(["oauth.txt", name, "générique ?#%"])
        got = await api.download(f"{folder}/oauth.txt", download_to_path=tmp_path)
        assert isinstance(got, Path) and got.read_bytes() == b"signed upload"

        # A request token is single use.
        with pytest.raises(PermissionDeniedError) as refused:
            await api.get_access_token(request, verifier)
        assert refused.value.status_code == 403
        assert refused.value.detail == sf.OAUTH_FAILURE
        assert str(refused.value) == f"Response 403: {sf.OAUTH_FAILURE}"


async def test_tokens_are_the_public_oauth_token(
    smartfile_server: ServerURLs, creds: dict[str, Any]
) -> None:
    pair = creds["oauth"]
    async with AsyncOAuthClient(
        pair["client_token"], pair["client_secret"], url=smartfile_server.base_url, timeout=10
    ) as api:
        request = await api.get_request_token()
        access = await api.get_access_token(None, sf.approve(smartfile_server, request.token))
    assert isinstance(request, OAuthToken)
    assert isinstance(access, OAuthToken)
    assert access == OAuthToken(access.token, access.secret)


async def test_oauth_pairs_from_the_environment(
    smartfile_server: ServerURLs, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = creds["oauth"]
    monkeypatch.setenv("SMARTFILE_API_URL", smartfile_server.base_url)
    monkeypatch.setenv("SMARTFILE_CLIENT_TOKEN", pair["client_token"])
    monkeypatch.setenv("SMARTFILE_CLIENT_SECRET", pair["client_secret"])
    monkeypatch.delenv("SMARTFILE_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("SMARTFILE_ACCESS_SECRET", raising=False)
    async with AsyncOAuthClient(timeout=10) as flow:
        request = await flow.get_request_token()
        access = await flow.get_access_token(request, sf.approve(smartfile_server, request.token))
    monkeypatch.setenv("SMARTFILE_ACCESS_TOKEN", access.token)
    monkeypatch.setenv("SMARTFILE_ACCESS_SECRET", access.secret)
    async with AsyncOAuthClient(timeout=10) as api:
        assert api.access == access
        assert (await api.whoami()).user.username == creds["user"]["username"]
    async with AsyncOAuthClient(timeout=10, signature_method="HMAC-SHA1") as hmac_api:
        assert (await hmac_api.whoami()).user.username == creds["user"]["username"]
    assert sf.control(smartfile_server, "POST", "expire")["expired"] >= 1
    async with AsyncOAuthClient(timeout=10) as revoked:
        with pytest.raises(PermissionDeniedError) as caught:
            await revoked.whoami()
    assert caught.value.detail == sf.OAUTH_FAILURE


async def test_basic_credentials_from_the_environment(
    smartfile_server: ServerURLs, creds: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMARTFILE_API_URL", smartfile_server.base_url)
    monkeypatch.setenv("SMARTFILE_API_KEY", creds["basic"]["key"])
    monkeypatch.setenv("SMARTFILE_API_PASSWORD", creds["basic"]["password"])
    async with AsyncBasicClient(timeout=10) as api:
        assert (await api.whoami()).user.username == creds["user"]["username"]


# ---- errors ----
async def test_errors_are_typed(
    api: AsyncBasicClient, smartfile_server: ServerURLs, creds: dict[str, Any], folder: str
) -> None:
    with pytest.raises(NotFoundError) as missing:
        await api.info(f"{folder}/nope")
    assert isinstance(missing.value, core.NotFoundError) and isinstance(
        missing.value, ResponseError
    )
    assert missing.value.status_code == 404
    assert missing.value.detail == "Not found."
    assert str(missing.value) == "Response 404: Not found."
    with pytest.raises(NotFoundError):
        await api.get("/path/info", f"{folder}/nope")

    with pytest.raises(BadRequestError) as invalid:
        await api.post("/path/oper/remove/")
    assert invalid.value.status_code == 400
    assert invalid.value.field_errors == {"path": ["This field is required."]}
    assert invalid.value.detail == "This field is required."
    with pytest.raises(BadRequestError) as no_dst:
        await api.post("/path/oper/move/", src="/x")
    assert no_dst.value.field_errors == {"dst": ["This field is required."]}
    await _put(api, folder, "file.txt", b"f")
    with pytest.raises(BadRequestError) as blocked:
        await api.mkdir(f"{folder}/file.txt/sub")
    assert list(blocked.value.field_errors) == ["path"]
    assert isinstance(blocked.value, core.BadRequestError)

    with pytest.raises(NotFoundError) as unknown:
        await api.get("/no/such/endpoint")
    assert unknown.value.detail == "Invalid URL, check your API path"

    key = creds["basic"]["key"]
    async with AsyncBasicClient(key, "x" * 30, url=smartfile_server.base_url, timeout=10) as bad:
        with pytest.raises(AuthenticationError) as denied:
            await bad.whoami()
        assert isinstance(denied.value, core.AuthenticationError)
        assert denied.value.status_code == 401
        assert denied.value.detail == "Invalid username/password."
        assert "x" * 30 not in str(denied.value)
        assert (await bad.ping()).ping == "pong"  # ping needs no credentials

    with pytest.raises(APIError, match="API key and password"):
        AsyncBasicClient("short", "short", url=smartfile_server.base_url)
