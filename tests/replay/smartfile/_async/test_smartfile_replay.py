"""SmartFile client flows replayed from cassettes (recorded from the SmartFile emulator by
`make record`).

Assertions use only what the test chose (paths, names, bytes) and what follows from it (the
checksum, the user the seed defines), or compare answers with each other: link uids, task
uuids, ids and timestamps change on every recording. Replaying, the clients hold placeholder
credentials and run their real flows (Basic auth, OAuth 1.0a signing, multipart upload,
streamed download, task polling); only the network answers come from the cassette.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from cloudspec.smartfile import AsyncBasicClient, AsyncOAuthClient, NotFoundError

from ..conftest import Credentials

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

DATA = b"cloudspec smartfile replay\n" * 4  # 108 bytes
DEMO_USER = "demo"  # the emulator's default seed


async def test_basic_tour(
    smartfile_url: str, credentials: Credentials, folder: str, tmp_path: Path
) -> None:
    async with AsyncBasicClient(credentials.key, credentials.password, url=smartfile_url) as api:
        made = await api.mkdir(folder)
        assert (made.path, made.isdir) == (folder, True)
        archive = f"{folder}/archive"
        await api.mkdir(archive)
        stored = await api.upload("note.txt", io.BytesIO(DATA), directory=folder)
        assert (stored.path, stored.size, stored.isfile) == (f"{folder}/note.txt", len(DATA), True)
        listed = await api.ls(folder)
        assert [(c.name, c.isdir) for c in listed] == [("archive", True), ("note.txt", False)]
        info = await api.info(f"{folder}/note.txt")
        assert (info.name, info.size, info.mime) == ("note.txt", len(DATA), "text/plain")
        copy = await api.download(f"{folder}/note.txt", download_to_path=tmp_path)
        assert isinstance(copy, Path)
        assert (copy.name, copy.read_bytes()) == ("note.txt", DATA)
        await api.move(f"{folder}/note.txt", archive)
        assert [c.name for c in await api.ls(archive)] == ["note.txt"]
        moved = f"{archive}/note.txt"
        sums = await api.checksum(moved, "sha256")
        assert sums == {moved: hashlib.sha256(DATA).hexdigest()}
        link = await api.create_link(moved, name="shared.txt")
        assert (link.path, link.name) == (moved, "shared.txt")
        assert link.href.endswith(f"/{link.uid}/shared.txt")
        assert link.uid in [item.uid async for item in api.iter_links()]
        await api.delete_link(link.uid)
        assert [item.uid async for item in api.iter_links()] == []
        with pytest.raises(NotFoundError) as missing:
            await api.info(f"{folder}/note.txt")
        assert (missing.value.status, missing.value.detail) == (404, "Not found.")


async def test_oauth_tour(
    smartfile_url: str, credentials: Credentials, approve: Callable[[str], str]
) -> None:
    async with AsyncOAuthClient(
        credentials.client_token, credentials.client_secret, url=smartfile_url
    ) as oauth:
        request = await oauth.get_request_token()
        url = oauth.get_authorization_url()
        assert url == f"{smartfile_url}/oauth/authorize/?oauth_token={request.token}"
        access = await oauth.get_access_token(verifier=approve(request.token))
        assert access.token != request.token
        assert oauth.access == access
        me = await oauth.whoami()
        assert me.user.username == DEMO_USER
