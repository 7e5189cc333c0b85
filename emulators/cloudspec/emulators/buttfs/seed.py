"""The apps and users the emulator starts with (``--seed FILE`` or ``run(seed=...)``).

``{"apps": [{"client_id", "client_secret", "admin_client_id"?, "admin_client_secret"?}],
"users": [{"username", "password", "email"?, "first_name"?, "last_name"?}]}``; a seed
without ``apps`` keeps the default app, one without ``users`` the default user.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

DEFAULT_SEED: Mapping[str, Any] = {
    "apps": [
        {
            "client_id": "buttfs-demo",
            "client_secret": "buttfs-demo-secret",
            "admin_client_id": "buttfs-admin",
            "admin_client_secret": "buttfs-admin-secret",
        }
    ],
    "users": [{"username": "demo", "password": "demo-password"}],
}


@attrs.frozen
class App:
    client_id: str
    client_secret: str
    admin_client_id: str | None
    admin_client_secret: str | None


@attrs.frozen
class SeedUser:
    username: str
    password: str
    email: str
    first_name: str
    last_name: str


def parse_seed(seed: Mapping[str, Any] | None) -> tuple[list[App], list[SeedUser]]:
    seed = seed if seed is not None else DEFAULT_SEED
    if not isinstance(seed, Mapping):
        raise ValueError("a buttfs seed must be a JSON object")
    raw_apps = seed.get("apps", DEFAULT_SEED["apps"])
    raw_users = seed.get("users", DEFAULT_SEED["users"])
    if not isinstance(raw_apps, list) or not isinstance(raw_users, list):
        raise ValueError("seed 'apps' and 'users' must be lists")
    apps = [_app(entry) for entry in raw_apps]
    users = [_user(entry) for entry in raw_users]
    if len({u.username for u in users}) != len(users):
        raise ValueError("seed has a duplicate username")
    return apps, users


def _app(entry: object) -> App:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed app must be an object, got {entry!r}")
    admin_id = entry.get("admin_client_id")
    admin_secret = entry.get("admin_client_secret")
    if (admin_id is None) != (admin_secret is None):
        raise ValueError("seed app needs both admin_client_id and admin_client_secret, or none")
    return App(
        client_id=_text(entry, "client_id"),
        client_secret=_text(entry, "client_secret"),
        admin_client_id=None if admin_id is None else str(admin_id),
        admin_client_secret=None if admin_secret is None else str(admin_secret),
    )


def _user(entry: object) -> SeedUser:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed user must be an object, got {entry!r}")
    return SeedUser(
        username=_text(entry, "username"),
        password=_text(entry, "password"),
        email=str(entry.get("email", "")),
        first_name=str(entry.get("first_name", "")),
        last_name=str(entry.get("last_name", "")),
    )


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"seed entry needs a non-empty string {key!r}: {dict(entry)!r}")
    return value
