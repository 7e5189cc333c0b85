# Generated from the _async twin by python -m generator.unasync; do not edit.
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

from cloudspec.box import BoxClient, BoxConflict, BoxNotFound, BoxURLs
from cloudspec.core import MemoryTokenStore
from cloudspec.core.retry import RetryPolicy

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

FAST = RetryPolicy(initial_delay=0.01, max_delay=0.05, retry_accepted_with_retry_after=True)


def client_for(target: tuple[BoxURLs, dict[str, Any]], **kwargs: Any) -> BoxClient:
    urls, pair = target
    return BoxClient(
        client_id="cloudspec-demo",
        client_secret="cloudspec-demo-secret",
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        urls=urls,
        retry=FAST,
        chunked_threshold=2048,
        **kwargs,
    )


def test_folder_round_trip(box_target: tuple[BoxURLs, dict[str, Any]]) -> None:
    with client_for(box_target) as client:
        top = client.folders.create("replay-folders")
        for name in ("a", "b", "c", "d", "e"):
            client.folders.create(name, top.id)
        names = [str(item.name) for item in client.folders.items(top.id, limit=2)]
        assert sorted(names) == ["a", "b", "c", "d", "e"]
        with pytest.raises(BoxConflict) as caught:
            client.folders.create("a", top.id)
        assert caught.value.code == "item_name_in_use"
        assert caught.value.conflict_id() is not None
        found = client.folders.find("c", top.id)
        assert found is not None and found.name == "c"
        client.folders.delete(top.id, recursive=True)
        with pytest.raises(BoxNotFound):
            client.folders.get(top.id)


def test_upload_download_and_version(
    box_target: tuple[BoxURLs, dict[str, Any]], tmp_path: Path
) -> None:
    data = b"cloudspec replay " * 50
    with client_for(box_target) as client:
        folder = client.folders.create("replay-files")
        uploaded = client.files.upload(io.BytesIO(data), folder.id, name="note.txt")
        assert uploaded.sha1 == hashlib.sha1(data, usedforsecurity=False).hexdigest()
        target = tmp_path / "note.txt"
        client.files.download(uploaded.id, target)
        assert target.read_bytes() == data
        client.files.upload_version(uploaded.id, io.BytesIO(b"v2"), name="note.txt")
        client.files.download(uploaded.id, target)
        assert target.read_bytes() == b"v2"
        client.folders.delete(folder.id, recursive=True)


def test_chunked_upload(box_target: tuple[BoxURLs, dict[str, Any]], tmp_path: Path) -> None:
    data = bytes(range(256)) * 14  # 3584 bytes: three 1 KiB parts and a short one
    source = tmp_path / "parts.bin"
    source.write_bytes(data)
    with client_for(box_target) as client:
        folder = client.folders.create("replay-chunked")
        uploaded = client.files.upload(source, folder.id)
        assert uploaded.size == len(data)
        assert uploaded.sha1 == hashlib.sha1(data, usedforsecurity=False).hexdigest()
        client.folders.delete(folder.id, recursive=True)


def test_refresh_after_expiry(
    box_target: tuple[BoxURLs, dict[str, Any]], expire_tokens: Callable[[], None]
) -> None:
    changed: list[tuple[str, str]] = []
    store = MemoryTokenStore()
    with client_for(
        box_target, token_store=store, tokens_changed=lambda r, a: changed.append((r, a))
    ) as client:
        me = client.users.me()
        assert me.login == "demo@example.com"
        expire_tokens()
        again = client.users.me()
        assert again.login == "demo@example.com"
    assert len(changed) == 1
    saved = store.load()
    assert saved is not None and saved.refresh_token == changed[0][0]
