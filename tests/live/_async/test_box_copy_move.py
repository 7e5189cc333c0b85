"""Box's server-side copy, move and rename through the client, against the Box emulator.

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. Each test works in a folder of its own and reads the result back from
the server (ids, parents, names, SHA-1 and bytes).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from cloudspec.box import (
    AsyncBoxClient,
    BoxBadRequest,
    BoxConflict,
    BoxNotFound,
    BoxPreconditionFailed,
)
from cloudspec.box.models import File, Folder, FolderMini
from cloudspec.core import ConflictError, NotFoundError, PreconditionFailedError
from cloudspec.core.retry import RetryPolicy
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box

pytestmark = pytest.mark.live

FAST = RetryPolicy(max_retries=3, initial_delay=0.01, max_delay=0.05)
DATA = b"copy me, please\n" * 64


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


def new_client(server: ServerURLs, **kwargs: Any) -> AsyncBoxClient:
    pair = box.mint(server)
    return AsyncBoxClient(
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        urls=box.urls_of(server),
        retry=FAST,
        **kwargs,
    )


@pytest.fixture
async def client(server: ServerURLs) -> AsyncIterator[AsyncBoxClient]:
    async with new_client(server) as opened:
        yield opened


@pytest.fixture
async def folder(client: AsyncBoxClient) -> AsyncIterator[Folder]:
    made = await client.folders.create(f"test-{uuid.uuid4().hex[:12]}")
    yield made
    with contextlib.suppress(NotFoundError):
        await client.folders.delete(made.id, recursive=True)


def _parent_id(item: File | Folder) -> str | None:
    parent = item.parent
    return str(parent.id) if isinstance(parent, FolderMini) else None


async def _bytes(client: AsyncBoxClient, file_id: str) -> bytes:
    return b"".join([chunk async for chunk in client.files.iter_bytes(file_id)])


async def test_file_copy_is_a_new_file_with_the_same_content(
    client: AsyncBoxClient, folder: Folder
) -> None:
    source = await client.files.upload(io.BytesIO(DATA), folder.id, name="a.txt")
    target = await client.folders.create("target", folder.id)
    copy = await client.files.copy(source.id, target.id)
    assert copy.id != source.id
    assert copy.name == "a.txt"
    assert copy.sha1 == hashlib.sha1(DATA).hexdigest() == source.sha1
    assert _parent_id(copy) == target.id
    assert await _bytes(client, copy.id) == DATA
    # The source is untouched, and a copy can be named.
    assert _parent_id(await client.files.get(source.id)) == folder.id
    named = await client.files.copy(source.id, folder.id, name="b.txt")
    assert named.name == "b.txt" and await _bytes(client, named.id) == DATA
    # Deleting the source leaves the copies whole.
    await client.files.delete(source.id)
    assert await _bytes(client, copy.id) == DATA


async def test_file_copy_onto_a_used_name_is_a_typed_conflict(
    client: AsyncBoxClient, folder: Folder
) -> None:
    source = await client.files.upload(io.BytesIO(DATA), folder.id, name="a.txt")
    with pytest.raises(BoxConflict) as caught:
        await client.files.copy(source.id, folder.id)  # same folder, same name
    assert isinstance(caught.value, ConflictError)
    assert caught.value.code == "item_name_in_use"
    assert caught.value.conflict_id() == source.id
    with pytest.raises(BoxNotFound):
        await client.files.copy(source.id, "999999999999")
    with pytest.raises(BoxBadRequest):
        await client.files.copy(source.id, folder.id, name="no/slashes")


async def test_file_move_and_rename_keep_the_id(client: AsyncBoxClient, folder: Folder) -> None:
    source = await client.files.upload(io.BytesIO(DATA), folder.id, name="a.txt")
    target = await client.folders.create("target", folder.id)
    moved = await client.files.move(source.id, target.id)
    assert moved.id == source.id
    assert _parent_id(moved) == target.id
    assert await client.folders.find("a.txt", folder.id) is None
    renamed = await client.files.rename(source.id, "b.txt")
    assert renamed.id == source.id and renamed.name == "b.txt"
    assert _parent_id(renamed) == target.id
    both = await client.files.move(source.id, folder.id, name="c.txt")
    assert both.name == "c.txt" and _parent_id(both) == folder.id
    assert await _bytes(client, source.id) == DATA


async def test_file_move_conflicts_and_etag_precondition(
    client: AsyncBoxClient, folder: Folder
) -> None:
    first = await client.files.upload(io.BytesIO(DATA), folder.id, name="a.txt")
    second = await client.files.upload(io.BytesIO(b"other"), folder.id, name="b.txt")
    with pytest.raises(BoxConflict) as caught:
        await client.files.rename(second.id, "A.TXT")  # names ignore case
    assert caught.value.conflict_id() == first.id
    # A change of case of its own name is not a conflict.
    assert (await client.files.rename(first.id, "A.txt")).name == "A.txt"
    stale = str(second.etag)
    await client.files.rename(second.id, "c.txt")
    with pytest.raises(BoxPreconditionFailed) as failed:
        await client.files.rename(second.id, "d.txt", etag=stale)
    assert isinstance(failed.value, PreconditionFailedError)
    current = await client.files.get(second.id)
    assert current.name == "c.txt"
    assert (await client.files.rename(second.id, "d.txt", etag=str(current.etag))).name == "d.txt"


async def test_folder_copy_copies_the_subtree(client: AsyncBoxClient, folder: Folder) -> None:
    tree = await client.folders.create("tree", folder.id)
    inner = await client.folders.create("inner", tree.id)
    await client.files.upload(io.BytesIO(DATA), tree.id, name="top.txt")
    deep = await client.files.upload(io.BytesIO(b"deep"), inner.id, name="deep.txt")
    copy = await client.folders.copy(tree.id, folder.id, name="tree2")
    assert copy.id != tree.id and copy.name == "tree2"
    names = sorted([str(item.name) async for item in client.folders.items(copy.id)])
    assert names == ["inner", "top.txt"]
    inner_copy = await client.folders.find("inner", copy.id)
    assert inner_copy is not None and inner_copy.id != inner.id
    deep_copy = await client.folders.find("deep.txt", inner_copy.id)
    assert deep_copy is not None and deep_copy.id != deep.id
    assert await _bytes(client, deep_copy.id) == b"deep"
    with pytest.raises(BoxConflict):
        await client.folders.copy(tree.id, folder.id)  # "tree" is taken
    with pytest.raises(BoxBadRequest):
        await client.folders.copy(tree.id, inner.id)  # into itself


async def test_folder_move_and_rename(client: AsyncBoxClient, folder: Folder) -> None:
    tree = await client.folders.create("tree", folder.id)
    await client.files.upload(io.BytesIO(DATA), tree.id, name="top.txt")
    target = await client.folders.create("target", folder.id)
    moved = await client.folders.move(tree.id, target.id, name="moved")
    assert moved.id == tree.id and moved.name == "moved"
    assert _parent_id(moved) == target.id
    found = await client.folders.find("top.txt", tree.id)
    assert found is not None
    renamed = await client.folders.rename(tree.id, "renamed")
    assert renamed.name == "renamed"
    with pytest.raises(BoxBadRequest):
        await client.folders.move(target.id, tree.id)  # below itself
    other = await client.folders.create("other", folder.id)
    with pytest.raises(BoxConflict) as caught:
        await client.folders.rename(target.id, "OTHER")
    assert caught.value.conflict_id() == other.id
    with pytest.raises(BoxPreconditionFailed):
        await client.folders.rename(tree.id, "again", etag=str(tree.etag))  # changed since
