"""ButtFS flows replayed from cassettes (recorded from the ButtFS emulator by `make record`).

Assertions use only what the test chose (names, bytes): item ids change on every recording.
"""

from __future__ import annotations

import pytest

from cloudspec.buttfs import AsyncSession, ExistValues, RestoreValue
from cloudspec.buttfs import errors as E

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

APP = ("buttfs-demo", "buttfs-demo-secret")


async def test_folders_meta_and_trash(buttfs_url: str) -> None:
    async with AsyncSession(buttfs_url, *APP) as session:
        await session.authenticate("demo", "demo-password")
        fs = session.get_filesystem()
        root = await fs.root()
        top = await root.create_folder("replay-top", exists=ExistValues.overwrite)
        with pytest.raises(E.NameConflictInOperation) as conflict:
            await root.create_folder("replay-top")
        assert conflict.value.code == 2042
        child = await top.create_folder("child")
        child.name = "renamed"
        await child.save()
        assert [item.name for item in await top.list()] == ["renamed"]
        await child.delete()
        assert "renamed" in [item.name for item in await fs.list_trash()]
        await child.restore(RestoreValue.fail)
        assert [item.name for item in await top.list()] == ["renamed"]
        with pytest.raises(E.DirectoryNotEmpty):
            await top.delete(commit=True)
        await top.delete(commit=True, force=True)


async def test_file_upload_read_rename_versions(buttfs_url: str) -> None:
    async with AsyncSession(buttfs_url, *APP) as session:
        await session.authenticate("demo", "demo-password")
        root = await session.get_filesystem().root()
        folder = await root.create_folder("replay-files", exists=ExistValues.overwrite)
        note = await folder.upload(b"hello from a cassette", custom_name="note.txt")
        assert note.size == len(b"hello from a cassette")
        note.seek(6)
        assert await note.read(4) == b"from"
        note.name = "renamed.txt"
        await note.save()
        assert [item.name for item in await folder.list()] == ["renamed.txt"]
        assert len(await note.versions()) >= 1
        await folder.delete(commit=True, force=True)


async def test_user_and_account(buttfs_url: str) -> None:
    async with AsyncSession(buttfs_url, *APP) as session:
        await session.authenticate("demo", "demo-password")
        user = await session.get_user()
        assert user.username == "demo"
        account = await session.get_account()
        assert account.usage is not None
