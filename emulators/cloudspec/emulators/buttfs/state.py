"""In-memory metadata (users, items, trash, versions, shares, tokens); contents on disk."""

from __future__ import annotations

import copy
import dataclasses
import mimetypes
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..box.faults import Faults
from .errors import ButtFSError
from .seed import App, SeedUser
from .settings import Settings

EXISTS = ("fail", "overwrite", "rename", "reuse")


def new_id() -> str:
    return secrets.token_urlsafe(16)


@dataclasses.dataclass
class Item:
    id: str
    type: str  # "root", "folder" or "file"
    name: str
    parent_id: str | None
    version: int = 0
    date_created: float = dataclasses.field(default_factory=time.time)
    date_meta_last_modified: float = dataclasses.field(default_factory=time.time)
    date_content_last_modified: float = dataclasses.field(default_factory=time.time)
    application_data: dict[str, Any] = dataclasses.field(default_factory=dict)
    size: int = 0
    mime: str = ""
    extension: str = ""
    blob: str | None = None
    sha1: str = ""
    trashed: bool = False
    """True on the item the user deleted (a trash root); its descendants keep False."""
    versions: list[tuple[dict[str, Any], str | None]] = dataclasses.field(default_factory=list)
    """Prior versions of a file: (meta, blob)."""

    @property
    def is_folder(self) -> bool:
        return self.type != "file"

    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "id": self.id,
            "parent_id": self.parent_id,
            "type": self.type,
            "name": self.name,
            "version": self.version,
            "date_created": int(self.date_created),
            "date_meta_last_modified": int(self.date_meta_last_modified),
            "date_content_last_modified": int(self.date_content_last_modified),
            "application_data": copy.deepcopy(self.application_data),
            "is_mirrored": False,
        }
        if self.type == "file":
            meta.update(size=self.size, mime=self.mime, extension=self.extension)
        return meta

    def set_name(self, name: str) -> None:
        self.name = name
        if self.type == "file":
            suffix = Path(name).suffix
            self.extension = suffix[1:] if suffix else ""
            self.mime = mimetypes.guess_type(name)[0] or "application/octet-stream"


@dataclasses.dataclass
class Share:
    key: str
    owner: str
    item_ids: list[str]
    name: str
    password: str | None
    date_created: float = dataclasses.field(default_factory=time.time)
    unlocked: set[str] = dataclasses.field(default_factory=set)
    """Access tokens that unlocked this share."""


@dataclasses.dataclass
class User:
    username: str
    password: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    id: str = dataclasses.field(default_factory=new_id)
    account_id: str = dataclasses.field(default_factory=new_id)
    created_at: float = dataclasses.field(default_factory=time.time)
    last_login: float = dataclasses.field(default_factory=time.time)
    locale: str = "en"
    session_locale: str = "en"
    root: Item = dataclasses.field(
        default_factory=lambda: Item(id=new_id(), type="root", name="", parent_id=None)
    )
    items: dict[str, Item] = dataclasses.field(default_factory=dict)
    history: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    def profile(self, storage_limit: int | None) -> dict[str, Any]:
        usage = self.usage()
        return {
            "id": self.id,
            "username": self.username,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "created_at": int(self.created_at * 1000),
            "last_login": int(self.last_login * 1000),
            "account_id": self.account_id,
            "locale": self.locale,
            "session": {"locale": self.session_locale},
            "account_state": {"id": "active", "display_name": "Active"},
            "account_plan": {
                "id": "buttfs-end-user",
                "display_name": "ButtFS End User",
                "cta_text": "",
                "cta_value": "",
            },
            "storage": {"usage": usage, "limit": storage_limit, "otl": False},
            "holds": {"deleted": False, "otl": False, "suspended": False},
        }

    # ---- tree ----
    def get(self, item_id: str) -> Item | None:
        return self.root if item_id == self.root.id else self.items.get(item_id)

    def children(self, folder: Item) -> list[Item]:
        return [i for i in self.items.values() if i.parent_id == folder.id and not i.trashed]

    def child_named(self, folder: Item, name: str) -> Item | None:
        return next((i for i in self.children(folder) if i.name == name), None)

    def walk(self, item: Item) -> Iterator[Item]:
        yield item
        if item.is_folder:
            for child in self.children(item):
                yield from self.walk(child)

    def is_live(self, item: Item) -> bool:
        current: Item | None = item
        while current is not None and current is not self.root:
            if current.trashed or current.id not in self.items:
                return False
            current = self.get(current.parent_id or "")
        return current is self.root

    def path_of(self, item: Item) -> str:
        ids: list[str] = []
        current: Item | None = item
        while current is not None and current is not self.root:
            ids.append(current.id)
            if current.trashed:
                break
            current = self.get(current.parent_id or "")
        return "/" + "/".join(reversed(ids))

    def resolve(self, path: str, missing: int) -> Item:
        """The live item at ID path ``path`` (``/`` is the root); ``missing`` code otherwise."""
        current = self.root
        for part in _parts(path):
            item = self.items.get(part)
            if item is None or item.trashed or item.parent_id != current.id:
                raise ButtFSError(missing, f"Path {path} does not exist")
            current = item
        return current

    def resolve_trash(self, path: str) -> Item | None:
        parts = _parts(path)
        if not parts:
            return None
        first = self.items.get(parts[0])
        if first is None or not first.trashed:
            raise ButtFSError(2002, f"Trash path {path} does not exist")
        current = first
        for part in parts[1:]:
            item = self.items.get(part)
            if item is None or item.trashed or item.parent_id != current.id:
                raise ButtFSError(2002, f"Trash path {path} does not exist")
            current = item
        return current

    def usage(self) -> int:
        return sum(i.size for i in self.items.values() if i.type == "file")

    def record(self, action: str, item: Item | None, **data: Any) -> None:
        entry: dict[str, Any] = {"action": action, "version": len(self.history) + 1}
        if item is not None:
            entry["path"] = self.path_of(item)
            entry["type"] = item.type
            data = {**item.meta(), **data}
        entry["data"] = data
        self.history.append(entry)


def _parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


@dataclasses.dataclass
class Stats:
    requests: int = 0
    tokens_issued: int = 0
    uploads: int = 0
    downloads: int = 0
    bytes_uploaded: int = 0
    bytes_downloaded: int = 0
    faults_fired: int = 0
    quota_errors: int = 0
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
        self.seed_apps = apps
        self.seed_users = users
        self.storage = storage
        self.faults = faults
        self.secret = secrets.token_bytes(32)
        self.urls: dict[str, str] = {}
        self.reset()

    def reset(self) -> None:
        self.apps = {app.client_id: app for app in self.seed_apps}
        self.admins = {
            app.admin_client_id: app.admin_client_secret
            for app in self.seed_apps
            if app.admin_client_id is not None and app.admin_client_secret is not None
        }
        self.users: dict[str, User] = {
            u.username: User(u.username, u.password, u.email, u.first_name, u.last_name)
            for u in self.seed_users
        }
        self.tokens: dict[str, tuple[str, float]] = {}
        self.shares: dict[str, Share] = {}
        self.stats = Stats()
        self.faults.clear()
        self.quota_enabled = False
        self.quota_remaining: int | None = None
        for child in self.storage.iterdir() if self.storage.exists() else ():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    @property
    def storage_limit(self) -> int | None:
        return self.settings.storage_limit or None

    def issue_token(self, user: User) -> str:
        token = f"US2.{secrets.token_hex(16)}.{secrets.token_urlsafe(32)}"
        self.tokens[token] = (user.username, time.time() + self.settings.token_ttl)
        self.stats.tokens_issued += 1
        user.last_login = time.time()
        return token

    def user_for(self, token: str) -> User | None:
        entry = self.tokens.get(token)
        if entry is None or entry[1] < time.time():
            return None
        return self.users.get(entry[0])

    def blob_path(self, blob: str) -> Path:
        return self.storage / blob

    def new_blob(self) -> tuple[str, Path]:
        blob = secrets.token_hex(16)
        return blob, self.storage / blob
