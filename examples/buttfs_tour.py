"""A tour of cloudspec.buttfs, run by `make demo`.

It starts the ButtFS emulator (which verifies BCS signatures independently of the client),
then walks the original ButtFS SDK's object model: log in, folders, a streamed upload, reads
with Range, a download, a rename saved with its version, the trash and a restore, versions,
a password-protected share, history, and the same through the async session.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from cloudspec.buttfs import (
    AsyncSession,
    ButtFSError,
    ExistValues,
    RestoreValue,
    Session,
)
from cloudspec.emulators import run

# The emulator's default seed (see the README).
CLIENT_ID = "buttfs-demo"
CLIENT_SECRET = "buttfs-demo-secret"
USERNAME = "demo"
PASSWORD = "demo-password"


def say(text: str) -> None:
    print(f"  {text}")


def tour(base_url: str, scratch: Path) -> None:
    print("\n1. Log in (the token request is BCS-signed)")
    with Session(base_url, CLIENT_ID, CLIENT_SECRET) as session:
        session.authenticate(USERNAME, PASSWORD)
        say(f"linked: {session.is_linked()}; user {session.get_user().username}")
        account = session.get_account()
        say(f"account usage {account.usage} bytes, limit {account.limit}")
        fs = session.get_filesystem()

        print("\n2. Folders and a streamed upload")
        photos = fs.root().create_folder("photos", exists=ExistValues.reuse)
        source = scratch / "holiday.jpg"
        source.write_bytes(b"\xff\xd8JPEG" + bytes(range(256)) * 400)
        photo = photos.upload(str(source), exists=ExistValues.overwrite)
        say(f"uploaded {photo.name} ({photo.size} bytes) into {photos.name}")
        say(f"listing: {[item.name for item in photos.list()]}")

        print("\n3. Reads with Range, and a download")
        photo.seek(2)
        say(f"read(4) at offset 2 -> {photo.read(4)!r}; tell() = {photo.tell()}")
        copy = photo.download(scratch / "copy.jpg")
        say(
            f"downloaded {copy.stat().st_size} bytes, same content: "
            f"{copy.read_bytes() == source.read_bytes()}"
        )

        print("\n4. A rename saved with its version; a stale save is refused")
        stale = fs.get_item(str(photo.path()))
        photo.name = "beach.jpg"
        photo.save()
        stale.name = "lost-update.jpg"
        try:
            stale.save()
        except ButtFSError as error:
            say(f"stale save refused: {type(error).__name__} (code {getattr(error, 'code', '?')})")
        say(f"name is {photo.name}, version {photo.version}")

        print("\n5. Trash and restore")
        photo.delete()
        say(f"in the trash: {[item.name for item in fs.list_trash()]}")
        photo.restore(RestoreValue.fail)
        say(f"restored: {[item.name for item in photos.list()]}")

        print("\n6. A password-protected share, and history")
        share = fs.create_share([photos], password="s3cret")
        say(f"share {share.share_key}: {[s.share_key for s in fs.list_shares()]}")
        say(f"last actions: {[entry.get('action') for entry in session.get_history()]}")

    print("\n7. The same, async")

    async def async_part() -> None:
        async with AsyncSession(base_url, CLIENT_ID, CLIENT_SECRET) as session:
            await session.authenticate(USERNAME, PASSWORD)
            root = await session.get_filesystem().root()
            items = await root.list()
            say(f"root holds {[item.name for item in items]}")

    asyncio.run(async_part())


def main() -> None:
    with run("buttfs") as server, tempfile.TemporaryDirectory(prefix="buttfs-tour-") as scratch:
        print(f"started the ButtFS emulator at {server.base_url}")
        tour(server.base_url, Path(scratch))
    print("\ndone")


if __name__ == "__main__":
    main()
