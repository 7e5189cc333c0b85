"""A tour of cloudspec.box, run by `make demo`.

It starts the Box emulator (four local hosts: API, upload, download, login page), logs in
through the browser flow (a scripted "user" fills the login page and grants access), then
lists, uploads a big file through an upload session with parallel parts and a progress bar,
downloads it back verified, lets the access token expire and shows the silent refresh, and
runs the original ``boxpython`` README with ``BoxSession``.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from cloudspec.box import (
    AsyncBoxClient,
    BoxClient,
    BoxError,
    BoxSession,
    BoxURLs,
    login_with_browser,
)
from cloudspec.core import MemoryTokenStore, Token
from cloudspec.emulators import run

# The emulator's default seed (see the README).
CLIENT_ID = "cloudspec-demo"
CLIENT_SECRET = "cloudspec-demo-secret"
LOGIN = "demo@example.com"
PASSWORD = "demo-password"
MiB = 1024 * 1024


def say(text: str) -> None:
    print(f"  {text}")


def scripted_user(authorize_url: str) -> None:
    """Stands in for the person at the browser: opens the page, logs in, grants access.

    The redirect is then followed to the loopback address ``login_with_browser`` listens on,
    exactly as a browser would."""
    with httpx.Client() as browser:
        page = browser.get(authorize_url).text
        fields = {
            name: html.unescape(value)
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page
            )
        }
        form = re.search(r'<form[^>]*action="([^"]*)"', page)
        assert form is not None, "the authorize page has no form"
        action = html.unescape(form.group(1))
        fields.update({"login": LOGIN, "password": PASSWORD, "consent": "grant"})
        answer = browser.post(httpx.URL(authorize_url).join(action), data=fields)
        browser.get(answer.headers["location"])  # the redirect, back to the command line


def bar(label: str) -> Callable[[int, int], None]:
    """A progress callback drawing a bar; redrawn once per MiB (callbacks come per chunk)."""
    shown = -1

    def show(done: int, total: int) -> None:
        nonlocal shown
        if done // MiB == shown and done < total:
            return
        shown = done // MiB
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        sys.stdout.write(
            f"\r  {label} [{'#' * filled}{'.' * (width - filled)}] "
            f"{done // MiB:3d}/{total // MiB} MiB{end}"
        )
        sys.stdout.flush()

    return show


def make_file(path: Path, size: int) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    block = os.urandom(MiB)
    with path.open("wb") as out:
        for i in range(size // MiB):
            chunk = i.to_bytes(8, "big") + block[8:]
            out.write(chunk)
            digest.update(chunk)
    return digest.hexdigest()


def tour(urls: BoxURLs, scratch: Path, emulator_api: str) -> None:
    print("\n1. Log in through the browser (loopback redirect, random state checked)")
    store = MemoryTokenStore()
    token = login_with_browser(
        CLIENT_ID, CLIENT_SECRET, urls=urls, open_browser=scripted_user, store=store
    )
    lifetime = int((token.expires_at or time.time()) - time.time())
    say(f"got a token pair; the access token expires in {lifetime} s")

    rotations: list[str] = []
    with BoxClient(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        token_store=store,
        tokens_changed=lambda refresh, access: rotations.append(refresh),
        urls=urls,
    ) as box:
        me = box.users.me()
        say(f"logged in as {me.name} <{me.login}>")

        print("\n2. Folders, and every page of a listing")
        folder = box.folders.create("cloudspec-tour", exist_ok=True)
        for i in range(12):
            box.folders.create(f"album-{i:02d}", folder.id, exist_ok=True)
        names = [item.name for item in box.folders.items(folder.id, limit=5)]
        say(f"{len(names)} items over pages of 5: {', '.join(map(str, names[:4]))}, ...")

        print("\n3. A 64 MiB upload: an upload session, 4 parts in flight, SHA-1 checked")
        source = scratch / "holiday.mov"
        sha1 = make_file(source, 64 * MiB)
        uploaded = box.files.upload(source, folder.id, progress=bar("upload  "))
        say(f"file {uploaded.id}: {uploaded.size} bytes, sha1 matches: {uploaded.sha1 == sha1}")

        print("\n4. Download: streamed to a temporary file, verified, renamed into place")
        target = scratch / "download" / "holiday.mov"
        box.files.download(uploaded.id, target, progress=bar("download"))
        say(
            f"downloaded {target.stat().st_size} bytes, sha1 matches: "
            f"{hashlib.sha1(target.read_bytes(), usedforsecurity=False).hexdigest() == sha1}"
        )

        print("\n5. The access token expires: the next call refreshes it, once")
        httpx.post(f"{emulator_api}/_emulator/expire_tokens")
        say(
            f"still {box.users.me().login}; refresh tokens rotated {len(rotations)} time(s), "
            "new pair saved before use"
        )

        print("\n6. Typed errors")
        try:
            box.folders.create("cloudspec-tour")
        except BoxError as error:
            say(
                f"{type(error).__name__}: status {error.status}, code {error.code}, "
                f"existing id {error.conflict_id()}"
            )
        box.folders.delete(folder.id, recursive=True)

    print("\n7. The original boxpython README, with BoxSession")
    saved = store.load()
    assert isinstance(saved, Token) and saved.refresh_token
    session = BoxSession(
        CLIENT_ID,
        CLIENT_SECRET,
        saved.refresh_token,
        saved.access_token,
        lambda refresh, access: store.save(Token(access_token=access, refresh_token=refresh)),
        urls=urls,
    )
    with session:
        response = session.create_folder("my_folder")
        say(f"Folder ID: {response['id']}")
        note = scratch / "test.txt"
        note.write_text("hello from cloudspec\n")
        response = session.upload_file("test.txt", response["id"], note)
        file_id = response["entries"][0]["id"]
        say(f"File ID: {file_id}")
        parent_id = response["entries"][0]["parent"]["id"]
        say(f"find_id_in_folder -> {session.find_id_in_folder('test.txt', parent_id)}")
        session.download_file(file_id, scratch / "test_dl.txt")
        say(f"downloaded: {(scratch / 'test_dl.txt').read_text().strip()!r}")
        try:
            session.create_folder("my_folder")
        except BoxError as berr:
            if berr.status == 409:
                say("Item with same name already exists")

    print("\n8. The same client, async")

    async def async_part() -> None:
        async with AsyncBoxClient(
            client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_store=store, urls=urls
        ) as client:
            users = await asyncio.gather(*(client.users.me() for _ in range(8)))
            say(f"8 concurrent calls answered for {users[0].login}")

    asyncio.run(async_part())


def main() -> None:
    with run("box") as server, tempfile.TemporaryDirectory(prefix="box-tour-") as scratch:
        print("started the Box emulator:")
        for name, url in server.urls.items():
            print(f"  {name:9} {url}")
        tour(BoxURLs.from_emulator(server), Path(scratch), server.urls["api"])
    print("\ndone")


if __name__ == "__main__":
    main()
