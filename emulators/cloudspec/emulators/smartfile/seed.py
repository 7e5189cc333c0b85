"""What the emulator starts with (``--seed FILE`` or ``run(seed=...)``).

::

    {"site": {"name": "demo"},
     "users": [{"username": "demo", "name": "Demo User", "email": "demo@example.com"}],
     "api_key": "...", "api_password": "...", "client_token": "...", "client_secret": "..."}

Every key is optional (missing ones keep :data:`DEFAULT_SEED`'s). The first user owns the
Basic key pair and approves OAuth request tokens; the others only show in ``/api/2/user/``.
Credentials are 30 characters in real life; the emulator checks only that they are non-empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .settings import Settings

DEFAULT_SEED: Mapping[str, Any] = {
    "site": {"name": "demo"},
    "users": [{"username": "demo", "name": "Demo User", "email": "demo@example.com"}],
    "api_key": "demoApiKeyForTheSmartFileEmu01",
    "api_password": "demoApiPasswordForSmartFile001",
    "client_token": "demoClientTokenForSmartFile001",
    "client_secret": "demoClientSecretForSmartFile01",
}
_CREDENTIALS = ("api_key", "api_password", "client_token", "client_secret")


@attrs.frozen
class SeedUser:
    username: str
    name: str
    email: str

    def as_json(self) -> dict[str, str]:
        return {"username": self.username, "name": self.name, "email": self.email}


@attrs.frozen
class Seed:
    site: str
    users: tuple[SeedUser, ...]
    api_key: str
    api_password: str
    client_token: str
    client_secret: str


def parse_seed(seed: Mapping[str, Any] | None, settings: Settings | None = None) -> Seed:
    """The seed, with any credential given in ``settings`` taking precedence."""
    seed = seed if seed is not None else DEFAULT_SEED
    if not isinstance(seed, Mapping):
        raise ValueError("a smartfile seed must be a JSON object")
    site = seed.get("site", DEFAULT_SEED["site"])
    if not isinstance(site, Mapping) or not isinstance(site.get("name"), str):
        raise ValueError("seed 'site' must be an object with a string 'name'")
    raw_users = seed.get("users", DEFAULT_SEED["users"])
    if not isinstance(raw_users, list) or not raw_users:
        raise ValueError("seed 'users' must be a non-empty list")
    users = tuple(_user(entry) for entry in raw_users)
    if len({u.username for u in users}) != len(users):
        raise ValueError("seed has a duplicate username")
    credentials: dict[str, str] = {}
    for key in _CREDENTIALS:
        value = getattr(settings, key, None) if settings is not None else None
        if value is None:
            value = seed.get(key, DEFAULT_SEED[key])
        if not isinstance(value, str) or not value or value != value.strip():
            raise ValueError(f"smartfile {key} must be a non-empty string without blanks")
        credentials[key] = value
    return Seed(site=site["name"], users=users, **credentials)


def _user(entry: object) -> SeedUser:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed user must be an object, got {entry!r}")
    username = entry.get("username")
    if not isinstance(username, str) or not username or "/" in username:
        raise ValueError(f"seed user needs a string 'username' without '/': {dict(entry)!r}")
    name = entry.get("name", username)
    email = entry.get("email", f"{username}@example.com")
    if not isinstance(name, str) or not isinstance(email, str):
        raise ValueError("seed user 'name' and 'email' must be strings")
    return SeedUser(username, name, email)
