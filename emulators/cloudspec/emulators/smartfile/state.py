"""Everything the emulator remembers, in memory: the tree, links, tasks, OAuth tokens, nonces."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import string
import time
from datetime import UTC, datetime
from typing import Any

from ..box.faults import Faults
from .seed import Seed
from .settings import Settings
from .tree import Tree

_TOKEN_ALPHABET = string.ascii_letters + string.digits


def timestamp(moment: float) -> str:
    """SmartFile's time format: naive ``YYYY-MM-DDTHH:MM:SS`` (UTC here)."""
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def token(length: int = 30) -> str:
    return "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(length))


@dataclasses.dataclass
class User:
    username: str
    name: str
    email: str
    password: str = ""

    def as_json(self) -> dict[str, str]:
        return {"username": self.username, "name": self.name, "email": self.email}


@dataclasses.dataclass
class RequestToken:
    token: str
    secret: str
    callback: str
    verifier: str | None = None  # set once the user approved it


@dataclasses.dataclass
class AccessToken:
    token: str
    secret: str
    user: str


@dataclasses.dataclass
class Link:
    uid: str
    path: str
    name: str
    acl: dict[str, bool]
    recursive: bool
    owner: str
    created: float = dataclasses.field(default_factory=time.time)


@dataclasses.dataclass
class Task:
    uuid: str
    created: float = dataclasses.field(default_factory=time.time)
    status: str = "PENDING"
    result: dict[str, Any] = dataclasses.field(default_factory=lambda: {"errors": {}})

    def as_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "status": self.status,
            "result": {"status": self.status, "result": self.result},
        }


@dataclasses.dataclass
class Stats:
    requests: int = 0
    auth_failures: int = 0
    oauth_verified: int = 0
    tasks_started: int = 0
    uploads: int = 0
    downloads: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    faults_fired: int = 0
    requests_by_host: dict[str, int] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class State:
    def __init__(self, settings: Settings, seed: Seed, faults: Faults) -> None:
        self.settings = settings
        self.seed = seed
        self.faults = faults
        self.urls: dict[str, str] = {}
        self.running: set[asyncio.Task[None]] = set()
        self.reset()

    @property
    def owner(self) -> User:
        """The user the Basic key and every OAuth approval belong to (the seed's first)."""
        return self.users[self.seed.users[0].username]

    def reset(self) -> None:
        for running in self.running:
            running.cancel()
        self.running.clear()
        self.tree = Tree()
        self.users = {u.username: User(u.username, u.name, u.email) for u in self.seed.users}
        self.links: dict[str, Link] = {}
        self.tasks: dict[str, Task] = {}
        self.request_tokens: dict[str, RequestToken] = {}
        self.access_tokens: dict[str, AccessToken] = {}
        self.nonces: dict[tuple[str, str], float] = {}  # (timestamp, nonce) -> forget after
        self.stats = Stats()
        self.faults.clear()

    def use_nonce(self, stamp: str, nonce: str) -> bool:
        """Remember the pair while its timestamp is acceptable; False if already seen."""
        now = time.time()
        if len(self.nonces) > 4096:
            self.nonces = {pair: until for pair, until in self.nonces.items() if until > now}
        if (stamp, nonce) in self.nonces:
            return False
        self.nonces[(stamp, nonce)] = float(stamp) + self.settings.timestamp_skew + 1
        return True

    def api_url(self, path: str) -> str:
        return self.urls.get("api", "") + path
