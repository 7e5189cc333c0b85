# Generated from the _async twin by python -m generator.unasync; do not edit.
"""ButtFS flows replayed from cassettes (recorded from the ButtFS emulator by `make record`).

Assertions use only what the test chose (names, bytes): item ids change on every recording.
"""

from __future__ import annotations

import pytest

from cloudspec.buttfs import ExistValues, RestoreValue, Session
from cloudspec.buttfs import errors as E

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

APP = ("buttfs-demo", "buttfs-demo-secret")


def test_folders_meta_and_trash(buttfs_url: str) -> None:
    with Session(buttfs_url, *APP) as session:
        session.authenticate("demo", "demo-password")
        fs = session.get_filesystem()
        root = fs.root()
        top = root.create_folder("replay-top", exists=ExistValues.overwrite)
        with pytest.raises(E.NameConflictInOperation) as conflict:
            root.create_folder("replay-top")
        assert conflict.value.code == 2042
        child = top.create_folder("child")
        child.name = "renamed"
        child.save()
        assert [item.name for item in top.list()] == ["renamed"]
        child.delete()
        assert "renamed" in [item.name for item in fs.list_trash()]
        child.restore(RestoreValue.fail)
        assert [item.name for item in top.list()] == ["renamed"]
        with pytest.raises(E.DirectoryNotEmpty):
            top.delete(commit=True)
        top.delete(commit=True, force=True)


def test_file_upload_read_rename_versions(buttfs_url: str) -> None:
    with Session(buttfs_url, *APP) as session:
        session.authenticate("demo", "demo-password")
        root = session.get_filesystem().root()
        folder = root.create_folder("replay-files", exists=ExistValues.overwrite)
        note = folder.upload(b"hello from a cassette", custom_name="note.txt")
        assert note.size == len(b"hello from a cassette")
        note.seek(6)
        assert note.read(4) == b"from"
        note.name = "renamed.txt"
        note.save()
        assert [item.name for item in folder.list()] == ["renamed.txt"]
        assert len(note.versions()) >= 1
        folder.delete(commit=True, force=True)


def test_user_and_account(buttfs_url: str) -> None:
    with Session(buttfs_url, *APP) as session:
        session.authenticate("demo", "demo-password")
        user = session.get_user()
        assert user.username == "demo"
        account = session.get_account()
        assert account.usage is not None
