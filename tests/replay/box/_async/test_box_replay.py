"""Box client flows replayed from cassettes (recorded from the Box emulator by `make record`).

Assertions use only what the test chose (names, bytes) and what follows from it (SHA-1):
ids, etags and markers change on every recording.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cloudspec.box import AsyncBoxClient, BoxConflict, BoxNotFound, BoxURLs
from cloudspec.core import MemoryTokenStore
from cloudspec.core.retry import RetryPolicy

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

FAST = RetryPolicy(initial_delay=0.01, max_delay=0.05, retry_accepted_with_retry_after=True)


def client_for(target: tuple[BoxURLs, dict[str, Any]], **kwargs: Any) -> AsyncBoxClient:
    urls, pair = target
    return AsyncBoxClient(
        client_id="cloudspec-demo",
        client_secret="cloudspec-demo-secret",
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        urls=urls,
        retry=FAST,
        chunked_threshold=2048,
        **kwargs,
    )


async def test_folder_round_trip(box_target: tuple[BoxURLs, dict[str, Any]]) -> None:
    async with client_for(box_target) as client:
        top = await client.folders.create("replay-folders")
        for name in ("a", "b", "c", "d", "e"):
            await client.folders.create(name, top.id)
        names = [str(item.name) async for item in client.folders.items(top.id, limit=2)]
        assert sorted(names) == ["a", "b", "c", "d", "e"]
        with pytest.raises(BoxConflict) as caught:
            await client.folders.create("a", top.id)
        assert caught.value.code == "item_name_in_use"
        assert caught.value.conflict_id() is not None
        found = await client.folders.find("c", top.id)
        assert found is not None and found.name == "c"
        await client.folders.delete(top.id, recursive=True)
        with pytest.raises(BoxNotFound):
            await client.folders.get(top.id)


async def test_upload_download_and_version(
    box_target: tuple[BoxURLs, dict[str, Any]], tmp_path: Path
) -> None:
    data = b"cloudspec replay " * 50
    async with client_for(box_target) as client:
        folder = await client.folders.create("replay-files")
        uploaded = await client.files.upload(io.BytesIO(data), folder.id, name="note.txt")
        assert uploaded.sha1 == hashlib.sha1(data, usedforsecurity=False).hexdigest()
        target = tmp_path / "note.txt"
        await client.files.download(uploaded.id, target)
        assert target.read_bytes() == data
        await client.files.upload_version(uploaded.id, io.BytesIO(b"v2"), name="note.txt")
        await client.files.download(uploaded.id, target)
        assert target.read_bytes() == b"v2"
        await client.folders.delete(folder.id, recursive=True)


async def test_chunked_upload(box_target: tuple[BoxURLs, dict[str, Any]], tmp_path: Path) -> None:
    data = bytes(range(256)) * 14  # 3584 bytes: three 1 KiB parts and a short one
    source = tmp_path / "parts.bin"
    source.write_bytes(data)
    async with client_for(box_target) as client:
        folder = await client.folders.create("replay-chunked")
        uploaded = await client.files.upload(source, folder.id)
        assert uploaded.size == len(data)
        assert uploaded.sha1 == hashlib.sha1(data, usedforsecurity=False).hexdigest()
        await client.folders.delete(folder.id, recursive=True)


async def test_refresh_after_expiry(
    box_target: tuple[BoxURLs, dict[str, Any]], expire_tokens: Callable[[], None]
) -> None:
    changed: list[tuple[str, str]] = []
    store = MemoryTokenStore()
    async with client_for(
        box_target, token_store=store, tokens_changed=lambda r, a: changed.append((r, a))
    ) as client:
        me = await client.users.me()
        assert me.login == "demo@example.com"
        expire_tokens()
        again = await client.users.me()
        assert again.login == "demo@example.com"
    assert len(changed) == 1
    saved = store.load()
    assert saved is not None and saved.refresh_token == changed[0][0]
