"""Live tests of the ButtFS session and object model against the ButtFS emulator.

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. The original SDK's functional scenarios (authentication, user, account,
folder, file, filesystem, trash, errors, path), each as a fresh user created through the admin
call, so every test starts with an empty root.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import AsyncIterator
from pathlib import Path as FSPath

import httpx
import pytest

from cloudspec.buttfs import (
    AsyncFile,
    AsyncFolder,
    AsyncSession,
    ExistValues,
    InvalidRequest,
    MethodNotImplemented,
    OperationNotAllowed,
    Path,
    RestoreValue,
    SessionNotLinked,
)
from cloudspec.buttfs import errors as E
from cloudspec.core import ConflictError, NotFoundError, RateLimitError
from cloudspec.emulators.urls import ServerURLs

pytestmark = pytest.mark.live

APP_ID, APP_SECRET = "buttfs-demo", "buttfs-demo-secret"
ADMIN_ID, ADMIN_SECRET = "buttfs-admin", "buttfs-admin-secret"


async def _new_user(s: AsyncSession) -> None:
    """Create a new user through the admin call and log in as it (an empty root)."""
    s.set_admin_credentials(ADMIN_ID, ADMIN_SECRET)
    username = f"user-{uuid.uuid4().hex[:12]}"
    await s.create_account(username, "secret-password", log_in_after_creation=True)


@pytest.fixture
async def session(buttfs_server: ServerURLs) -> AsyncIterator[AsyncSession]:
    """A session logged in as a new user. The seeded ``demo`` user is only logged in, never
    changed: other test modules expect its storage usage to be 0."""
    async with AsyncSession(buttfs_server.base_url, APP_ID, APP_SECRET) as s:
        await _new_user(s)
        yield s


def _quota(server: ServerURLs, settings: dict[str, object]) -> None:
    """Turn the emulator's request quota (error 9006) on or off."""
    response = httpx.post(f"{server.base_url}/_emulator/quota", json=settings, trust_env=False)
    assert response.status_code == 200


# -- authentication ------------------------------------------------------------------------


def _expire_tokens(server: ServerURLs) -> None:
    httpx.post(f"{server.base_url}/_emulator/expire_tokens").raise_for_status()


async def test_authenticate_and_link(buttfs_server: ServerURLs) -> None:
    async with AsyncSession(buttfs_server.base_url, APP_ID, APP_SECRET) as s:
        assert not await s.is_linked()
        with pytest.raises(SessionNotLinked):
            await s.get_user()
        assert await s.authenticate("demo", "demo-password")
        assert await s.is_linked()
        _expire_tokens(buttfs_server)
        assert not await s.is_linked()  # the server refuses the token: not linked any more
        assert await s.authenticate("demo", "demo-password")
        s.unlink()
        assert not await s.is_linked()


@pytest.mark.parametrize(("client_id", "secret"), [("wrong-id", APP_SECRET), (APP_ID, "wrong")])
async def test_wrong_id_or_secret_is_invalid_request(
    buttfs_server: ServerURLs, client_id: str, secret: str
) -> None:
    async with AsyncSession(buttfs_server.base_url, client_id, secret) as s:
        with pytest.raises(InvalidRequest) as info:
            await s.authenticate("demo", "demo-password")
        assert info.value.code == "invalid_request"
        assert not await s.is_linked()


# -- user and account ----------------------------------------------------------------------


async def test_user(session: AsyncSession) -> None:
    user = await session.get_user()
    assert user.username.startswith("user-")
    assert user.email == ""
    assert user.id and user.created_at > 0 and user.last_login > 0
    with pytest.raises(OperationNotAllowed):
        user.id = "x"
    with pytest.raises(MethodNotImplemented):
        user.email = "a@b.c"
    with pytest.raises(MethodNotImplemented):
        user.save()


async def test_account_and_locales(session: AsyncSession) -> None:
    account = await session.get_account()
    assert account.usage >= 0
    assert account.limit is None
    assert account.plan == "ButtFS End User"
    assert account.state_string == "Active"
    for locale in ("de", "en"):
        await account.set_locale(locale)
        await account.set_session_locale(locale)
        again = await session.get_account()
        assert again.locale == locale
        assert again.session_locale == locale


# -- folders -------------------------------------------------------------------------------


async def test_folder_crud_exists_rename_refresh(session: AsyncSession) -> None:
    fs = session.get_filesystem()
    root = await fs.root()
    assert await root.list() == []
    folder = await root.create_folder("first")
    assert folder.type == "folder" and folder.name == "first"
    assert folder.date_created is not None
    nested = await folder.create_folder("nested")
    assert str(nested.path()) == f"/{folder.id}/{nested.id}"
    snowman = await root.create_folder("☃")
    assert snowman.name == "☃"
    with pytest.raises(E.NameConflictInOperation) as info:
        await root.create_folder("first")
    assert info.value.code == 2042 and isinstance(info.value, ConflictError)
    renamed = await root.create_folder("first", exists=ExistValues.rename)
    assert renamed.name != "first"
    reused = await root.create_folder("first", exists=ExistValues.reuse)
    assert reused.id == folder.id
    with pytest.raises(OperationNotAllowed):
        folder.id = "nope"
    folder.name = "renamed"
    await folder.save()
    assert folder.name == "renamed"
    folder.name = "discarded"
    await folder.refresh()
    assert folder.name == "renamed"
    assert [item.name for item in await folder.list()] == ["nested"]
    await nested.delete()
    assert await folder.list() == []


async def test_save_with_stale_version_conflicts(session: AsyncSession) -> None:
    root = await session.get_filesystem().root()
    folder = await root.create_folder("v")
    stale = await session.get_filesystem().get_item(folder.path())
    folder.name = "v2"
    await folder.save()
    stale.name = "v3"
    with pytest.raises(E.FolderVersionMissingOrIncorrect):
        await stale.save()
    with pytest.raises(E.VersionMismatchIgnored):
        await stale.save(if_conflict="ignore")


# -- files ---------------------------------------------------------------------------------


async def test_file_upload_download_read_seek(session: AsyncSession, tmp_path: FSPath) -> None:
    root = await session.get_filesystem().root()
    local = tmp_path / "hello.txt"
    local.write_bytes(b"0123456789" * 100)
    uploaded = await root.upload(str(local))
    assert uploaded.name == "hello.txt" and uploaded.size == 1000
    assert uploaded.extension == "txt" and uploaded.type == "file"
    assert not uploaded.is_mirrored
    inline = await root.upload(b"inline data", custom_name="inline.bin", custom_mime="x/y")
    assert inline.size == 11
    streamed = await root.upload(io.BytesIO(b"from a stream"), custom_name="stream.txt")
    assert streamed.name == "stream.txt"
    with pytest.raises(E.NameConflictInOperation):
        await root.upload(str(local))

    assert await uploaded.read(5) == b"01234"
    assert uploaded.tell() == 5
    uploaded.seek(-3, 2)
    assert await uploaded.read() == b"789"
    uploaded.seek(10)
    assert await uploaded.read(10) == b"0123456789"
    assert await uploaded.read(0) == b""

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert (await uploaded.download(out_dir)).read_bytes() == local.read_bytes()
    # The original's background download flag is accepted; the download is done on return.
    background = await uploaded.download(out_dir, "bg.txt", False)
    assert uploaded.wait_for_downloads(timeout=1) and background.read_bytes() == local.read_bytes()
    named = await uploaded.download(out_dir, custom_name="other.txt")
    assert named.name == "other.txt" and named.read_bytes() == local.read_bytes()
    explicit = await inline.download(tmp_path / "explicit.bin")
    assert explicit.read_bytes() == b"inline data"
    with pytest.raises(MethodNotImplemented):
        uploaded.readline()


async def test_file_meta_and_versions(session: AsyncSession) -> None:
    root = await session.get_filesystem().root()
    file = await root.upload(b"version one", custom_name="doc.txt")
    file.name = "doc.jpeg"
    await file.save()
    assert file.extension == "jpeg" and file.mime == "image/jpeg"
    file.mime = "text/plain"
    await file.save()
    assert file.mime == "text/plain"
    with pytest.raises(OperationNotAllowed):
        file.extension = "png"
    file.application_data = {"k": "v"}
    await file.save()
    assert file.application_data.get("k") == "v"
    second = await root.upload(b"version two!", custom_name="doc.jpeg", exists="overwrite")
    assert second.id == file.id
    await file.refresh()
    versions = await file.versions()
    assert versions and all(isinstance(v, AsyncFile) for v in versions)
    first = versions[0]
    await file.promote(first.version)
    assert await file.read() == b"version one"


# -- filesystem, trash ---------------------------------------------------------------------


async def test_filesystem_list_move_copy(session: AsyncSession) -> None:
    fs = session.get_filesystem()
    root = await fs.root()
    assert await fs.list("/") == [] and await fs.list(root) == [] and await root.list() == []
    a = await root.create_folder("a")
    b = await root.create_folder("b")
    c = await a.create_folder("c")
    await fs.move([c], b)
    assert [i.id for i in await b.list()] == [c.id]
    assert str(c.path()) == f"/{b.id}/{c.id}"
    copies = await fs.copy([c], a)
    assert copies[0].id != c.id and copies[0].name == "c"
    # copy_to honours exists (the original ignored it)
    with pytest.raises(E.NameConflictInOperation):
        await c.copy_to(a, exists=ExistValues.fail)
    renamed = await c.copy_to(a, exists=ExistValues.rename)
    assert renamed.name != "c"


async def test_trash_and_restore_modes(session: AsyncSession) -> None:
    fs = session.get_filesystem()
    root = await fs.root()
    keep = await root.create_folder("keep")
    one = await root.create_folder("one")
    two = await root.create_folder("two")
    await one.delete()
    await two.delete()
    assert one.in_trash
    trash = await fs.list_trash()
    assert {i.id for i in trash} == {one.id, two.id}
    assert await one.delete() is False  # no-op without commit
    assert await fs.restore([one, f"/{two.id}"]) == [True, True]
    assert {i.id for i in await root.list()} == {keep.id, one.id, two.id}

    parent = await root.create_folder("parent")
    child = await parent.create_folder("child")
    await child.delete()
    await parent.delete(commit=True, force=True)
    with pytest.raises(E.OriginalPathNoLongerExists):
        await child.restore(RestoreValue.fail)
    await child.restore(RestoreValue.rescue, keep)
    assert str(child.path()) == f"/{keep.id}/{child.id}"
    await child.delete()
    await keep.delete(commit=True, force=True)
    await child.restore(RestoreValue.recreate, "made/here")
    assert len(child.path()) == 3
    assert (await fs.get_item(child.path())).id == child.id

    gone = await root.create_folder("gone")
    inner = await gone.create_folder("inner")
    await gone.delete(force=True)
    with pytest.raises(E.PathDoesNotExist):
        await inner.create_folder("x")
    assert await gone.delete(commit=True)
    assert gone.id not in {i.id for i in await fs.list_trash()}


# -- errors --------------------------------------------------------------------------------


async def test_errors_by_code(session: AsyncSession) -> None:
    fs = session.get_filesystem()
    root = await fs.root()
    folder = await root.create_folder("full")
    await folder.create_folder("inside")
    with pytest.raises(E.DirectoryNotEmpty) as not_empty:
        await folder.delete()
    assert not_empty.value.code == 2052 and not_empty.value.status == 409
    with pytest.raises(E.FolderNotFound):
        await session.rest_interface.delete_folder("/")
    with pytest.raises(E.FolderDoesNotExist) as missing:
        await fs.list("/notapath")
    assert isinstance(missing.value, NotFoundError) and missing.value.message
    with pytest.raises(E.MissingToParameter):
        await session.rest_interface.folder_operation("move", str(folder.path()), "")
    with pytest.raises(E.ShareDoesNotExist):
        await fs.retrieve_share("no-such-share")


async def test_request_quota_is_rate_limit(
    session: AsyncSession, buttfs_server: ServerURLs
) -> None:
    _quota(buttfs_server, {"enabled": True, "remaining": 0})
    try:
        with pytest.raises(E.APICallLimitReached) as info:
            await session.get_user()
        assert isinstance(info.value, RateLimitError) and info.value.code == 9006
    finally:
        _quota(buttfs_server, {"enabled": False})


# -- shares and history --------------------------------------------------------------------


async def test_shares_and_history(session: AsyncSession, buttfs_server: ServerURLs) -> None:
    fs = session.get_filesystem()
    root = await fs.root()
    folder = await root.create_folder("shared")
    await folder.upload(b"shared content", custom_name="s.txt")
    share = await fs.create_share(folder, password="pw-one")
    assert share.share_key and [s.share_key for s in await fs.list_shares()] == [share.share_key]
    assert [i.name for i in await share.list()] == ["s.txt"]
    await share.set_password("pw-two", "pw-one")
    await share.change_attributes({"name": "renamed"}, "pw-two")
    assert share.name == "renamed"
    async with AsyncSession(buttfs_server.base_url, APP_ID, APP_SECRET) as other:
        await _new_user(other)
        other_fs = other.get_filesystem()
        with pytest.raises(E.APIError):
            await other_fs.retrieve_share(share.share_key)
        retrieved = await other_fs.retrieve_share(share.share_key, "pw-two")
        received = await retrieved.receive()
        assert [i.name for i in received] == ["s.txt"]
    assert await share.delete()
    history = await session.get_history()
    assert history and any(entry.get("action") == "share_create" for entry in history)


# -- debug output --------------------------------------------------------------------------


async def test_debug_output_is_redacted(buttfs_server: ServerURLs) -> None:
    stream = io.StringIO()
    async with AsyncSession(buttfs_server.base_url, APP_ID, APP_SECRET, debug_stream=stream) as s:
        await s.authenticate("demo", "demo-password", debug=True)
        await s.get_user(debug=True)
        token = s.rest_interface.access_token
        assert token
    text = stream.getvalue()
    assert "Request:\nPOST: " in text and "HTTP Code: 200" in text
    assert "\tgrant_type=password" in text and "\tusername=demo" in text
    assert "demo-password" not in text
    assert token not in text
    assert "BCS " not in text and "Bearer" not in text
    assert APP_SECRET not in text


async def test_path_of_items(session: AsyncSession) -> None:
    root = await session.get_filesystem().root()
    a = await root.create_folder("a")
    b = await a.create_folder("b")
    path = b.path()
    assert isinstance(path, Path) and len(path) == 2
    assert path[0] == a.id and str(path[:1]) == f"/{a.id}"
    assert isinstance(await session.get_filesystem().get_item(str(path)), AsyncFolder)
