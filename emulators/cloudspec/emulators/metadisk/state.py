"""In-memory metadata (users, keys, buckets, tokens, nonces, files); contents on disk."""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..box.faults import Faults
from .seed import SeedUser
from .settings import Settings


def iso(timestamp: float) -> str:
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def object_id() -> str:
    """A MongoDB-ObjectId-shaped id: 4 bytes of time, 8 random bytes (24 hex)."""
    return f"{int(time.time()):08x}{secrets.token_hex(8)}"


def stored_password(client_hex: str) -> str:
    """What the bridge keeps: SHA-256 of the client's SHA-256 hex string."""
    return hashlib.sha256(client_hex.encode("utf-8")).hexdigest()


@dataclasses.dataclass
class User:
    email: str
    password: str  # stored_password(sha256 hex)
    activated: bool
    created: float = dataclasses.field(default_factory=time.time)
    activator: str = dataclasses.field(default_factory=lambda: secrets.token_hex(32))
    deactivator: str | None = None
    resetter: str | None = None
    pending_password: str | None = None
    nonces: dict[str, float] = dataclasses.field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "activated": self.activated,
            "created": iso(self.created),
            "email": self.email,
            "id": self.email,
        }


@dataclasses.dataclass
class FileEntry:
    bucket: str
    filename: str
    mimetype: str
    size: int
    hash: str
    blob: str
    shards: list[tuple[int, int, str]]  # (offset, length, shard hash)

    def as_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "mimetype": self.mimetype,
            "filename": self.filename,
            "size": self.size,
            "hash": self.hash,
        }


@dataclasses.dataclass
class Bucket:
    id: str
    user: str
    name: str
    storage: float
    transfer: float
    pubkeys: list[str]
    created: float = dataclasses.field(default_factory=time.time)
    status: str = "Active"
    files: dict[str, FileEntry] = dataclasses.field(default_factory=dict)
    transferred: int = 0

    def used(self) -> int:
        return sum(entry.size for entry in self.files.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "storage": self.storage,
            "transfer": self.transfer,
            "status": self.status,
            "pubkeys": list(self.pubkeys),
            "user": self.user,
            "name": self.name,
            "created": iso(self.created),
            "id": self.id,
        }


@dataclasses.dataclass
class Token:
    token: str
    bucket: str
    operation: str
    expires: float

    def as_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "expires": iso(self.expires),
            "operation": self.operation,
            "token": self.token,
            "id": self.token,
        }


@dataclasses.dataclass
class ShardGrant:
    """A farmer token for one shard of a file: single use, ``token_ttl`` seconds."""

    bucket: str
    file_hash: str
    index: int
    expires: float


@dataclasses.dataclass
class Stats:
    requests: int = 0
    tokens_issued: int = 0
    uploads: int = 0
    downloads: int = 0
    bytes_uploaded: int = 0
    bytes_downloaded: int = 0
    signatures_checked: int = 0
    auth_failures: int = 0
    faults_fired: int = 0
    requests_by_host: dict[str, int] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class State:
    def __init__(
        self, settings: Settings, users: list[SeedUser], storage: Path, faults: Faults
    ) -> None:
        self.settings = settings
        self.seed_users = users
        self.storage = storage
        self.faults = faults
        self.urls: dict[str, str] = {}
        self.reset()

    @property
    def channel(self) -> str:
        """The farmer channel pointers name: the bridge's own host, unless a test moved it
        (``/_emulator/channel``) so shard traffic goes through a proxy of its own."""
        base = self.channel_url or self.urls["api"]
        return "ws" + base[len("http") :]

    def reset(self) -> None:
        self.users: dict[str, User] = {}
        self.pubkeys: dict[str, str] = {}  # key hex (as registered) -> email
        for seed in self.seed_users:
            client_hex = hashlib.sha256(seed.password.encode("utf-8")).hexdigest()
            self.users[seed.email] = User(seed.email, stored_password(client_hex), seed.activated)
            for key in seed.pubkeys:
                self.pubkeys[key] = seed.email
        self.buckets: dict[str, Bucket] = {}
        self.tokens: dict[str, Token] = {}
        self.shard_grants: dict[str, ShardGrant] = {}
        self.channel_url: str | None = None
        self.stats = Stats()
        self.faults.clear()
        for child in self.storage.iterdir() if self.storage.exists() else ():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    def issue_token(self, bucket: Bucket, operation: str) -> Token:
        token = hashlib.sha256(secrets.token_bytes(512) + str(time.time()).encode()).hexdigest()
        issued = Token(token, bucket.id, operation, time.time() + self.settings.token_ttl)
        self.tokens[token] = issued
        self.stats.tokens_issued += 1
        return issued

    def spend_token(self, token: str) -> Token | None:
        """The live token, expired from now on (single use), or None."""
        found = self.tokens.get(token)
        if found is None or found.expires <= time.time():
            return None
        found.expires = time.time()
        return found

    def use_nonce(self, user: User, nonce: str) -> bool:
        """Remember ``nonce`` for ``nonce_ttl`` seconds; False if it is already remembered."""
        now = time.time()
        if len(user.nonces) > 1024:
            user.nonces = {n: t for n, t in user.nonces.items() if t > now}
        expires = user.nonces.get(nonce)
        if expires is not None and expires > now:
            return False
        user.nonces[nonce] = now + self.settings.nonce_ttl
        return True

    def delete_user(self, user: User) -> None:
        self.users.pop(user.email, None)
        for key in [k for k, email in self.pubkeys.items() if email == user.email]:
            del self.pubkeys[key]
        for bucket in [b for b in self.buckets.values() if b.user == user.email]:
            self.delete_bucket(bucket)

    def delete_bucket(self, bucket: Bucket) -> None:
        for entry in bucket.files.values():
            self.blob_path(entry.blob).unlink(missing_ok=True)
        self.buckets.pop(bucket.id, None)

    def blob_path(self, blob: str) -> Path:
        return self.storage / blob

    def new_blob(self) -> tuple[str, Path]:
        blob = secrets.token_hex(16)
        return blob, self.storage / blob
