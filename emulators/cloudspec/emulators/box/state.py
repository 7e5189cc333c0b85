"""What the four hosts share: users and their folder trees, file versions on disk, counters.

Metadata lives in memory; file contents live in ``storage`` (one file per version, named by the
version id), so multi-GiB files never sit in RAM. Everything runs on one event loop, so plain
dicts need no locks; code that awaits between a check and a change re-checks after the await.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .asgi import BoxError
from .seed import App, SeedUser
from .settings import Settings
from .tokens import Tokens

if TYPE_CHECKING:
    from .faults import Faults
    from .sessions import UploadSession

ROOT_ID = "0"
ROOT_NAME = "All Files"
MAX_NAME_LENGTH = 255


def timestamp(seconds: float | None = None) -> str:
    """Box's timestamp form: ISO 8601 with a numeric offset, never ``Z``."""
    moment = datetime.fromtimestamp(time.time() if seconds is None else seconds, UTC)
    return moment.isoformat(timespec="seconds")


@dataclasses.dataclass(eq=False)
class Version:
    id: str
    sha1: str
    size: int
    path: Path
    created_at: str


@dataclasses.dataclass(eq=False)
class Folder:
    id: str
    name: str
    parent: Folder | None
    owner: User
    created_at: str
    modified_at: str
    etag: int = 0
    sequence_id: int = 0
    description: str = ""
    # casefold(name) -> item: Box names are unique per folder, ignoring case.
    children: dict[str, Item] = dataclasses.field(default_factory=dict)

    @property
    def is_root(self) -> bool:
        return self.id == ROOT_ID


@dataclasses.dataclass(eq=False)
class File:
    id: str
    name: str
    parent: Folder
    owner: User
    created_at: str
    modified_at: str
    versions: list[Version]
    etag: int = 0
    sequence_id: int = 0
    description: str = ""

    @property
    def current(self) -> Version:
        return self.versions[-1]


Item = Folder | File


@dataclasses.dataclass(eq=False)
class User:
    id: str
    login: str
    password: str
    name: str
    created_at: str
    space_amount: int
    max_upload_size: int
    root: Folder = dataclasses.field(init=False)
    # Every item of this user by id; "0" is this user's root, as on Box.
    items: dict[str, Item] = dataclasses.field(default_factory=dict)

    def space_used(self) -> int:
        return sum(
            version.size
            for item in self.items.values()
            if isinstance(item, File)
            for version in item.versions
        )


@dataclasses.dataclass
class Stats:
    requests: int = 0
    tokens_issued: int = 0
    token_refreshes: int = 0
    upload_parts: int = 0
    commits: int = 0
    uploads: int = 0
    downloads: int = 0
    faults_fired: int = 0
    bytes_uploaded: int = 0
    bytes_downloaded: int = 0
    requests_by_host: dict[str, int] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class State:
    def __init__(
        self,
        settings: Settings,
        apps: list[App],
        users: list[SeedUser],
        storage: Path,
        faults: Faults,
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.faults = faults
        self.apps = {app.client_id: app for app in apps}
        self.tokens = Tokens()
        self.stats = Stats()
        self.sessions: dict[str, UploadSession] = {}
        self.urls: dict[str, str] = {}
        # Signs download URLs; per process, so URLs die with the server, as Box's expire.
        self.secret = secrets.token_bytes(32)
        self._item_ids = itertools.count(100_000_000_001)
        self._version_ids = itertools.count(200_000_000_001)
        user_ids = itertools.count(10_000_001)
        self.users: dict[str, User] = {}
        for seed_user in users:
            now = timestamp()
            user = User(
                id=str(next(user_ids)),
                login=seed_user.login,
                password=seed_user.password,
                name=seed_user.name,
                created_at=now,
                space_amount=settings.space_amount,
                max_upload_size=settings.max_upload_size,
            )
            user.root = Folder(ROOT_ID, ROOT_NAME, None, user, now, now)
            user.items[ROOT_ID] = user.root
            self.users[user.login] = user
        # version id -> (file, version), for download URLs, which carry no user.
        self.versions: dict[str, tuple[File, Version]] = {}

    # -- ids and paths -------------------------------------------------------------------------

    def new_item_id(self) -> str:
        return str(next(self._item_ids))

    def new_version_id(self) -> str:
        return str(next(self._version_ids))

    def blob_path(self, version_id: str) -> Path:
        return self.storage / f"v{version_id}"

    def scratch_path(self, name: str) -> Path:
        return self.storage / f"tmp-{name}"

    # -- lookups ---------------------------------------------------------------------------------

    def folder(self, user: User, folder_id: str) -> Folder:
        item = self._item(user, folder_id)
        if not isinstance(item, Folder):
            raise BoxError(404, "not_found", "Not Found")
        return item

    def file(self, user: User, file_id: str) -> File:
        item = self._item(user, file_id)
        if not isinstance(item, File):
            raise BoxError(404, "not_found", "Not Found")
        return item

    def _item(self, user: User, item_id: str) -> Item:
        check_id(item_id)
        item = user.items.get(item_id)
        if item is None:
            raise BoxError(404, "not_found", "Not Found")
        return item

    # -- changes ---------------------------------------------------------------------------------

    # The create/rename methods trust their callers to have checked names and conflicts
    # (:mod:`.conflicts`): which 409 shape to answer depends on the endpoint.

    def create_folder(self, parent: Folder, name: str) -> Folder:
        now = timestamp()
        folder = Folder(self.new_item_id(), name, parent, parent.owner, now, now)
        self._attach(parent, folder)
        return folder

    def create_file(self, parent: Folder, name: str, version: Version) -> File:
        file = File(
            self.new_item_id(), name, parent, parent.owner, version.created_at,
            version.created_at, [version],
        )  # fmt: skip
        self._attach(parent, file)
        self.versions[version.id] = (file, version)
        return file

    def add_version(self, file: File, version: Version, new_name: str | None = None) -> None:
        if new_name is not None and new_name != file.name:
            self.rename(file, new_name)
        file.versions.append(version)
        file.etag += 1
        file.sequence_id += 1
        file.modified_at = version.created_at
        self.versions[version.id] = (file, version)

    def rename(self, item: Item, name: str) -> None:
        assert item.parent is not None
        del item.parent.children[item.name.casefold()]
        item.name = name
        item.parent.children[name.casefold()] = item

    def copy_file(self, file: File, parent: Folder, name: str) -> File:
        """A new file in ``parent`` with the current version's contents (a blob of its own)."""
        source = file.current
        version_id = self.new_version_id()
        path = self.blob_path(version_id)
        try:
            os.link(source.path, path)  # blobs are never changed in place
        except OSError:
            shutil.copyfile(source.path, path)
        version = Version(version_id, source.sha1, source.size, path, timestamp())
        return self.create_file(parent, name, version)

    def copy_folder(self, folder: Folder, parent: Folder, name: str) -> Folder:
        """A new folder in ``parent`` holding copies of everything below ``folder``."""
        copy = self.create_folder(parent, name)
        for child in list(folder.children.values()):
            if isinstance(child, Folder):
                self.copy_folder(child, copy, child.name)
            else:
                self.copy_file(child, copy, child.name)
        return copy

    def move(self, item: Item, parent: Folder, name: str) -> None:
        """Rename and/or move ``item`` (same id, same versions)."""
        assert item.parent is not None
        del item.parent.children[item.name.casefold()]
        item.parent = parent
        item.name = name
        parent.children[name.casefold()] = item
        item.etag += 1
        item.sequence_id += 1
        item.modified_at = timestamp()

    def delete(self, item: Item) -> None:
        assert item.parent is not None
        del item.parent.children[item.name.casefold()]
        for gone in list(walk(item)):
            del gone.owner.items[gone.id]
            if isinstance(gone, File):
                for version in gone.versions:
                    self.versions.pop(version.id, None)
                    version.path.unlink(missing_ok=True)

    def _attach(self, parent: Folder, item: Item) -> None:
        parent.children[item.name.casefold()] = item
        parent.owner.items[item.id] = item

    def new_version_record(self, sha1: str, size: int, source: Path) -> Version:
        """Move ``source`` (a finished upload) into place as a new version's contents."""
        version_id = self.new_version_id()
        path = self.blob_path(version_id)
        os.replace(source, path)
        return Version(version_id, sha1, size, path, timestamp())

    def check_space(self, user: User, size: int) -> None:
        if size > user.space_amount - user.space_used():
            raise BoxError(403, "storage_limit_exceeded", "Account storage limit reached")
        if size > user.max_upload_size:
            raise BoxError(403, "file_size_limit_exceeded", "File exceeds the maximum upload size")


def walk(item: Item) -> Iterator[Item]:
    """``item`` and everything below it."""
    yield item
    if isinstance(item, Folder):
        for child in list(item.children.values()):
            yield from walk(child)


def ancestors(item: Item) -> list[Folder]:
    """The folders above ``item``, root first."""
    chain: list[Folder] = []
    parent = item.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    chain.reverse()
    return chain


def check_id(item_id: str) -> None:
    # Box answers 405 for ids that cannot be ids at all (its router does not match them).
    if not item_id.isdigit() or not item_id.isascii():
        raise BoxError(405, "method_not_allowed", "Method Not Allowed")


def check_name(name: object) -> str:
    if not isinstance(name, str) or not name:
        raise BoxError(400, "bad_request", "A non-empty 'name' is required")
    if len(name) > MAX_NAME_LENGTH:
        raise BoxError(400, "item_name_too_long", "Item name is too long")
    if "/" in name or "\\" in name or name in (".", "..") or name != name.rstrip(" "):
        raise BoxError(400, "item_name_invalid", "Item name invalid")
    return name
