# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Live tests of the Box clients against the Box emulator (a subprocess on loopback).

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. The emulator runs with small upload parts (256 KiB, sessions from
1 MiB) so chunked uploads exercise every rule in milliseconds. Every test works in a folder
of its own; results are checked by reading the server's state back (sizes, SHA-1, bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudspec.box import (
    BoxAuthenticateFlow,
    BoxAuthenticationError,
    BoxAuthFlowError,
    BoxBadRequest,
    BoxClient,
    BoxConflict,
    BoxError,
    BoxNotFound,
    BoxOAuthError,
    BoxSession,
    UploadSessionInfo,
)
from cloudspec.box.models import File, Folder
from cloudspec.core import MemoryTokenStore, NotFoundError, Token
from cloudspec.core.errors import ConnectionError as CloudspecConnectionError
from cloudspec.core.retry import RetryPolicy
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box

pytestmark = pytest.mark.live

# Fast retries: the emulator's faults are bursts of a few answers.
FAST = RetryPolicy(
    max_retries=5, initial_delay=0.01, max_delay=0.05, retry_accepted_with_retry_after=True
)


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


@pytest.fixture(autouse=True)
def no_faults(server: ServerURLs) -> Iterator[None]:
    box.clear_faults(server)
    yield
    box.clear_faults(server)


def new_client(server: ServerURLs, **kwargs: Any) -> BoxClient:
    if "access_token" not in kwargs and "token_store" not in kwargs:
        pair = box.mint(server)
        kwargs.setdefault("access_token", pair["access_token"])
        kwargs.setdefault("refresh_token", pair["refresh_token"])
    kwargs.setdefault("client_id", box.CLIENT_ID)
    kwargs.setdefault("client_secret", box.CLIENT_SECRET)
    kwargs.setdefault("retry", FAST)
    kwargs.setdefault("chunked_threshold", box.SMALL_THRESHOLD)
    return BoxClient(urls=box.urls_of(server), **kwargs)


@pytest.fixture
def client(server: ServerURLs) -> Iterator[BoxClient]:
    with new_client(server) as opened:
        yield opened


@pytest.fixture
def folder(client: BoxClient) -> Iterator[Folder]:
    made = client.folders.create(f"test-{uuid.uuid4().hex[:12]}")
    yield made
    with contextlib.suppress(NotFoundError):
        client.folders.delete(made.id, recursive=True)


def test_user_and_root_folder(client: BoxClient) -> None:
    me = client.users.me()
    assert me.login == box.LOGIN
    root = client.folders.get("0")
    assert root.id == "0"


def test_folder_create_get_find_delete(client: BoxClient, folder: Folder) -> None:
    child = client.folders.create("child", folder.id)
    assert (client.folders.get(child.id)).name == "child"
    found = client.folders.find("CHILD", folder.id)  # Box names ignore case
    assert found is not None and found.id == child.id
    assert client.folders.find("nothing", folder.id) is None
    client.folders.delete(child.id)
    with pytest.raises(BoxNotFound) as caught:
        client.folders.get(child.id)
    assert caught.value.status == 404 and isinstance(caught.value, NotFoundError)


def test_folder_conflict_is_typed_and_exist_ok_returns_it(
    client: BoxClient, folder: Folder
) -> None:
    first = client.folders.create("same", folder.id)
    with pytest.raises(BoxConflict) as caught:
        client.folders.create("same", folder.id)
    assert caught.value.status == 409
    assert caught.value.code == "item_name_in_use"
    assert caught.value.conflict_id() == first.id
    again = client.folders.create("Same", folder.id, exist_ok=True)
    assert again.id == first.id


def test_delete_non_empty_folder_needs_recursive(client: BoxClient, folder: Folder) -> None:
    client.folders.create("inner", folder.id)
    with pytest.raises(BoxBadRequest) as caught:
        client.folders.delete(folder.id)
    assert caught.value.code == "folder_not_empty"
    client.folders.delete(folder.id, recursive=True)
    with pytest.raises(BoxNotFound):
        client.folders.get(folder.id)


@pytest.mark.parametrize("use_marker", [True, False])
def test_items_iterates_every_page(client: BoxClient, folder: Folder, use_marker: bool) -> None:
    names = {f"f{i:03d}" for i in range(23)}
    for name in sorted(names):
        client.folders.create(name, folder.id)
    seen = [
        str(item.name) for item in client.folders.items(folder.id, limit=5, use_marker=use_marker)
    ]
    assert sorted(seen) == sorted(names)  # every item once, none twice
    pages = [page for page in client.folders.items(folder.id, limit=5).pages()]
    assert len(pages) == 5


def test_small_upload_download_round_trip(
    client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "small.bin"
    sha1 = box.make_file(source, 100_000, seed=1)
    progress: list[tuple[int, int]] = []
    uploaded = client.files.upload(
        source, folder.id, progress=lambda done, total: progress.append((done, total))
    )
    assert isinstance(uploaded, File)
    assert uploaded.sha1 == sha1 and uploaded.size == 100_000 and uploaded.name == "small.bin"
    assert progress[-1] == (100_000, 100_000)
    target = tmp_path / "out" / "small.bin"
    seen: list[tuple[int, int]] = []
    client.files.download(
        uploaded.id, target, progress=lambda done, total: seen.append((done, total))
    )
    assert box.sha1_file(target) == sha1
    assert seen[-1] == (100_000, 100_000)
    assert not [p for p in target.parent.iterdir() if p.name != "small.bin"]  # no temp left


def test_upload_from_file_object_and_name_conflict(client: BoxClient, folder: Folder) -> None:
    data = b"hello box" * 1000
    first = client.files.upload(io.BytesIO(data), folder.id, name="hello.txt")
    with pytest.raises(BoxConflict) as caught:
        client.files.upload(io.BytesIO(b"other"), folder.id, name="hello.txt")
    assert caught.value.conflict_id() == first.id  # object form, as Box sends for files
    with pytest.raises(ValueError):
        client.files.upload(io.BytesIO(data), folder.id)  # no name to give it


@pytest.mark.parametrize("stored", [False, True])
def test_direct_upload_survives_a_lost_answer(
    server: ServerURLs, client: BoxClient, folder: Folder, stored: bool
) -> None:
    """The connection drops before Box's answer: re-sent from the file; if Box had stored the
    first attempt, the re-send's 409 names a file with our SHA-1, which is the result."""
    data = b"lost answer " * 500
    box.add_faults(
        server,
        {
            "host": "upload",
            "method": "POST",
            "path": "/files/content$",
            "action": "drop",
            "store": stored,
        },
    )
    uploaded = client.files.upload(io.BytesIO(data), folder.id, name="lost.txt")
    assert uploaded.sha1 == hashlib.sha1(data, usedforsecurity=False).hexdigest()
    entries = [item for item in client.folders.items(folder.id)]
    assert [(e.id, e.name) for e in entries] == [(uploaded.id, "lost.txt")]  # one file


def test_direct_upload_conflict_with_other_content_is_not_hidden(
    server: ServerURLs, client: BoxClient, folder: Folder
) -> None:
    client.files.upload(io.BytesIO(b"first"), folder.id, name="same.txt")
    box.add_faults(
        server,
        {
            "host": "upload",
            "method": "POST",
            "path": "/files/content$",
            "action": "status",
            "status": 503,
        },
    )
    with pytest.raises(BoxConflict):
        client.files.upload(io.BytesIO(b"second"), folder.id, name="same.txt")


def test_upload_version_changes_content(client: BoxClient, folder: Folder, tmp_path: Path) -> None:
    first = client.files.upload(io.BytesIO(b"v1" * 100), folder.id, name="doc.txt")
    second = client.files.upload_version(first.id, io.BytesIO(b"v2" * 100), name="doc.txt")
    assert second.id == first.id and second.sha1 != first.sha1
    target = tmp_path / "doc.txt"
    client.files.download(first.id, target)
    assert target.read_bytes() == b"v2" * 100


def test_chunked_upload_parallel_parts(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "big.bin"
    size = 5 * 256 * 1024 + 12_345  # 6 parts, the last one short
    sha1 = box.make_file(source, size, seed=2)
    box.reset_stats(server)
    progress: list[tuple[int, int]] = []
    uploaded = client.files.upload(source, folder.id, progress=lambda d, t: progress.append((d, t)))
    assert uploaded.sha1 == sha1 and uploaded.size == size
    counters = box.stats(server)
    assert counters["upload_parts"] == 6 and counters["commits"] == 1
    assert progress[-1] == (size, size)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_large_new_version_goes_through_an_upload_session(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    first = client.files.upload(io.BytesIO(b"v1"), folder.id, name="grow.bin")
    source = tmp_path / "grow.bin"
    sha1 = box.make_file(source, 3 * 256 * 1024 + 99, seed=11)
    box.reset_stats(server)
    second = client.files.upload_version(first.id, source)
    assert (second.id, second.sha1, second.size) == (first.id, sha1, 3 * 256 * 1024 + 99)
    assert box.stats(server)["upload_parts"] == 4
    target = tmp_path / "got.bin"
    client.files.download(first.id, target)
    assert box.sha1_file(target) == sha1


def test_chunked_upload_exact_multiple_sends_no_empty_part(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "exact.bin"
    sha1 = box.make_file(source, 4 * 256 * 1024, seed=3)
    box.reset_stats(server)
    uploaded = client.files.upload_large(source, folder.id)
    assert uploaded.sha1 == sha1
    assert box.stats(server)["upload_parts"] == 4


@pytest.mark.parametrize("stored", [False, True])
def test_chunked_upload_survives_a_dropped_part(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path, stored: bool
) -> None:
    """The connection drops while a part's answer comes back; with ``stored`` Box kept the
    part (the re-sent copy gets 409), without it the part is simply sent again."""
    source = tmp_path / "drop.bin"
    sha1 = box.make_file(source, 3 * 256 * 1024 + 7, seed=4)
    box.add_faults(
        server,
        {
            "host": "upload",
            "method": "PUT",
            "path": "upload_sessions/",
            "action": "drop",
            "after_bytes": 0,
            "store": stored,
            "skip": 1,
            "count": 1,
        },
    )
    uploaded = client.files.upload_large(source, folder.id, name="drop.bin")
    assert uploaded.sha1 == sha1
    found = client.folders.find("drop.bin", folder.id)
    assert found is not None and found.id == uploaded.id
    assert len([i for i in client.folders.items(folder.id)]) == 1  # no duplicate


def test_chunked_upload_commit_202_then_201(
    client: BoxClient, server: ServerURLs, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "slow.bin"
    sha1 = box.make_file(source, 2 * 256 * 1024 + 1, seed=5)
    box.add_faults(
        server,
        {"host": "upload", "path": "/commit$", "action": "accepted", "retry_after": 0.05},
    )
    uploaded = client.files.upload_large(source, folder.id)
    assert uploaded.sha1 == sha1


def test_chunked_upload_5xx_and_429_bursts(
    client: BoxClient, server: ServerURLs, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "burst.bin"
    sha1 = box.make_file(source, 3 * 256 * 1024, seed=6)
    box.add_faults(
        server,
        {"host": "upload", "method": "PUT", "action": "status", "status": 503, "count": 2},
        {
            "host": "upload",
            "method": "PUT",
            "action": "status",
            "status": 429,
            "retry_after": 0.01,
            "count": 2,
        },
    )
    uploaded = client.files.upload_large(source, folder.id)
    assert uploaded.sha1 == sha1


def test_chunked_upload_resumes_from_another_process(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    """A crash after some parts: the session id was kept; a new client sends only the rest."""
    source = tmp_path / "crash.bin"
    sha1 = box.make_file(source, 6 * 256 * 1024, seed=7)
    sessions: list[UploadSessionInfo] = []
    # Every part after the first two fails for good: the "process" gives up.
    box.add_faults(
        server,
        {
            "host": "upload",
            "method": "PUT",
            "path": "upload_sessions/",
            "action": "status",
            "status": 500,
            "skip": 2,
            "count": 1000,
        },
    )
    with pytest.raises(BoxError):
        client.files.upload_large(source, folder.id, parallelism=1, on_session=sessions.append)
    box.clear_faults(server)
    assert len(sessions) == 1
    assert client.folders.find("crash.bin", folder.id) is None  # nothing half-made
    box.reset_stats(server)
    with new_client(server) as other:
        uploaded = other.files.resume_upload(sessions[0].id, source, folder.id, name="crash.bin")
    assert uploaded.sha1 == sha1
    assert box.stats(server)["upload_parts"] == 4  # only the missing ones


def test_chunked_upload_aborts_on_fatal_error(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "fatal.bin"
    box.make_file(source, 3 * 256 * 1024, seed=8)
    box.add_faults(
        server,
        {"host": "upload", "method": "PUT", "action": "status", "status": 403, "count": 1},
    )
    sessions: list[UploadSessionInfo] = []
    with pytest.raises(BoxError) as caught:
        client.files.upload_large(source, folder.id, on_session=sessions.append)
    assert caught.value.status == 403
    # Aborted: the session is gone, so it cannot be resumed (and holds no storage).
    with pytest.raises(BoxNotFound):
        client.files.resume_upload(sessions[0].id, source, folder.id)
    assert client.folders.find("fatal.bin", folder.id) is None


def test_download_resumes_after_a_drop(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    source = tmp_path / "dl.bin"
    sha1 = box.make_file(source, 700_000, seed=9)
    uploaded = client.files.upload(source, folder.id)
    box.add_faults(
        server,
        {"host": "download", "method": "GET", "action": "drop", "after_bytes": 300_000},
    )
    target = tmp_path / "got" / "dl.bin"
    client.files.download(uploaded.id, target)
    assert box.sha1_file(target) == sha1


def test_download_waits_for_202(
    server: ServerURLs, client: BoxClient, folder: Folder, tmp_path: Path
) -> None:
    uploaded = client.files.upload(io.BytesIO(b"x" * 5000), folder.id, name="wait.bin")
    box.add_faults(
        server,
        {"host": "api", "path": "/content$", "action": "accepted", "retry_after": 0.05},
    )
    target = tmp_path / "wait.bin"
    client.files.download(uploaded.id, target)
    assert target.read_bytes() == b"x" * 5000


def test_download_of_missing_file_is_typed_and_leaves_nothing(
    client: BoxClient, tmp_path: Path
) -> None:
    with pytest.raises(BoxNotFound):
        client.files.download("123456789", tmp_path / "none.bin")
    assert list(tmp_path.iterdir()) == []


def test_iter_bytes_range(client: BoxClient, folder: Folder) -> None:
    data = bytes(range(256)) * 40
    uploaded = client.files.upload(io.BytesIO(data), folder.id, name="r.bin")
    got = b"".join([c for c in client.files.iter_bytes(uploaded.id, start=100, end=299)])
    assert got == data[100:300]


def test_search_iterates_matches(client: BoxClient, folder: Folder) -> None:
    tag = uuid.uuid4().hex[:8]
    for i in range(7):
        client.files.upload(io.BytesIO(b"s"), folder.id, name=f"report-{tag}-{i}.txt")
    found = [str(item.name) for item in client.search(tag, type="file", limit=3)]
    assert sorted(found) == sorted(f"report-{tag}-{i}.txt" for i in range(7))


def test_expired_token_refreshes_once_and_reports_new_pair(server: ServerURLs) -> None:
    pair = box.mint(server)
    changed: list[tuple[str, str]] = []
    store = MemoryTokenStore()
    with new_client(
        server,
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        token_store=store,
        tokens_changed=lambda refresh, access: changed.append((refresh, access)),
    ) as client:
        client.users.me()
        box.expire_tokens(server)
        box.reset_stats(server)
        assert (client.users.me()).login == box.LOGIN
    assert box.stats(server)["token_refreshes"] == 1
    assert len(changed) == 1
    saved = store.load()
    assert saved is not None and (saved.refresh_token, saved.access_token) == changed[0]
    assert saved.refresh_token != pair["refresh_token"]  # rotated


def test_proactive_refresh_before_expiry(server: ServerURLs) -> None:
    pair = box.mint(server, expires_in=30)
    store = MemoryTokenStore()
    with new_client(
        server,
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        token_store=store,
        refresh_skew=60,
    ) as client:
        store.save(
            Token(
                access_token=pair["access_token"],
                refresh_token=pair["refresh_token"],
                expires_at=time.time() + 30,
            )
        )
        box.reset_stats(server)
        client.users.me()
    assert box.stats(server)["token_refreshes"] == 1


def test_spent_refresh_token_is_a_typed_error(server: ServerURLs) -> None:
    pair = box.mint(server)
    with new_client(
        server, access_token=pair["access_token"], refresh_token=pair["refresh_token"]
    ) as client:
        client.auth.force_refresh()  # spends the pair's refresh token
    with new_client(
        server, access_token=pair["access_token"], refresh_token=pair["refresh_token"]
    ) as stale:
        box.expire_tokens(server)
        with pytest.raises(BoxAuthenticationError) as caught:
            stale.users.me()
    assert caught.value.code == "invalid_grant"
    assert pair["refresh_token"] not in str(caught.value) + repr(caught.value)


def test_developer_token_without_client_credentials(server: ServerURLs) -> None:
    pair = box.mint(server)
    with BoxClient(
        access_token=pair["access_token"], urls=box.urls_of(server), retry=FAST
    ) as client:
        assert (client.users.me()).login == box.LOGIN
        box.expire_tokens(server)
        with pytest.raises(BoxAuthenticationError):
            client.users.me()


def test_authenticate_flow_end_to_end(server: ServerURLs) -> None:
    redirect_uri = "http://127.0.0.1:8765/callback"
    with BoxAuthenticateFlow(
        box.CLIENT_ID, box.CLIENT_SECRET, redirect_uri, urls=box.urls_of(server)
    ) as flow:
        url = flow.get_authorization_url()
        assert flow.state is not None and flow.state in url
        landed = box.browser_grant(url)
        assert landed.startswith(redirect_uri)
        token = flow.complete(landed)
        assert token.refresh_token and token.expires_at
        with pytest.raises(BoxOAuthError) as caught:  # codes are single-use
            flow.get_access_tokens(flow.check_redirect(landed))
        assert caught.value.code == "invalid_grant"
    with new_client(
        server, access_token=token.access_token, refresh_token=token.refresh_token
    ) as client:
        assert (client.users.me()).login == box.LOGIN


def test_authenticate_flow_rejects_a_forged_state(server: ServerURLs) -> None:
    with BoxAuthenticateFlow(
        box.CLIENT_ID,
        box.CLIENT_SECRET,
        "http://127.0.0.1:8765/callback",
        urls=box.urls_of(server),
    ) as flow:
        landed = box.browser_grant(flow.get_authorization_url())
        flow.get_authorization_url()  # a new login: the first redirect is stale now
        with pytest.raises(BoxAuthFlowError):
            flow.complete(landed)
        with pytest.raises(BoxAuthFlowError):
            flow.check_redirect("http://127.0.0.1:8765/callback?error=access_denied&state=x")


def test_wrong_client_secret_is_an_oauth_error(server: ServerURLs) -> None:
    with BoxAuthenticateFlow(
        box.CLIENT_ID,
        "not-the-secret",
        "http://127.0.0.1:8765/callback",
        urls=box.urls_of(server),
    ) as flow:
        landed = box.browser_grant(flow.get_authorization_url())
        with pytest.raises(BoxOAuthError) as caught:
            flow.complete(landed)
    assert "not-the-secret" not in str(caught.value) + repr(caught.value)


def test_session_surface_of_the_original_sdk(server: ServerURLs, tmp_path: Path) -> None:
    pair = box.mint(server)
    changed: list[tuple[str, str]] = []
    with BoxSession(
        box.CLIENT_ID,
        box.CLIENT_SECRET,
        pair["refresh_token"],
        None,  # no access token: refreshed at once, as the original did
        lambda refresh, access: changed.append((refresh, access)),
        urls=box.urls_of(server),
        retry=FAST,
    ) as session:
        assert len(changed) == 0
        name = f"session-{uuid.uuid4().hex[:8]}"
        created = session.create_folder(name)
        assert len(changed) == 1
        folder_id = created["id"]
        info = session.get_folder_info(folder_id)
        assert info["name"] == name
        source = tmp_path / "test.txt"
        source.write_bytes(b"hello")
        response = session.upload_file("test.txt", folder_id, source)
        file_id = response["entries"][0]["id"]
        assert session.find_id_in_folder("test.txt", folder_id) == file_id
        items = session.get_folder_items(folder_id, limit=10, fields_list=["name"])
        assert [e["name"] for e in items["entries"]] == ["test.txt"]
        session.download_file(file_id, tmp_path / "test_dl.txt")
        assert (tmp_path / "test_dl.txt").read_bytes() == b"hello"
        assert (session.get_user_info())["login"] == box.LOGIN
        with pytest.raises(BoxError) as caught:
            session.create_folder(name)
        assert caught.value.status == 409
        session.delete_folder(folder_id)
        with pytest.raises(BoxError) as gone:
            session.get_folder_info(folder_id)
        assert gone.value.status == 404


def test_connection_refused_is_a_typed_transport_error() -> None:
    from cloudspec.box import BoxURLs

    with BoxClient(
        access_token="x" * 20, urls=BoxURLs(api="http://127.0.0.1:9"), retry=FAST
    ) as client:
        with pytest.raises(CloudspecConnectionError):
            client.users.me()
