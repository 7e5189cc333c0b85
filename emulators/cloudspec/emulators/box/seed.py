"""The apps and users the emulator starts with (``--seed FILE`` or ``run(seed=...)``).

A seed is ``{"apps": [{"client_id", "client_secret", "redirect_uris": [...]}],
"users": [{"login", "password", "name"}]}``. A seed without ``apps`` gets the default app, one
without ``users`` the default user, so a seed of users alone still works with the demo app.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

DEFAULT_SEED: Mapping[str, Any] = {
    "apps": [
        {
            "client_id": "cloudspec-demo",
            "client_secret": "cloudspec-demo-secret",
            "redirect_uris": ["http://127.0.0.1/callback"],
        }
    ],
    "users": [{"login": "demo@example.com", "password": "demo-password", "name": "Demo User"}],
}


@attrs.frozen
class App:
    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]


@attrs.frozen
class SeedUser:
    login: str
    password: str
    name: str


def parse_seed(seed: Mapping[str, Any] | None) -> tuple[list[App], list[SeedUser]]:
    """Apps and users of ``seed`` (None: the default seed); ValueError on a malformed seed."""
    seed = seed if seed is not None else DEFAULT_SEED
    if not isinstance(seed, Mapping):
        raise ValueError("a box seed must be a JSON object")
    raw_apps = seed.get("apps", DEFAULT_SEED["apps"])
    raw_users = seed.get("users", DEFAULT_SEED["users"])
    if not isinstance(raw_apps, list) or not isinstance(raw_users, list):
        raise ValueError("seed 'apps' and 'users' must be lists")
    apps = [_app(entry) for entry in raw_apps]
    users = [_user(entry) for entry in raw_users]
    for kind, keys in (
        ("client_id", [a.client_id for a in apps]),
        ("login", [u.login for u in users]),
    ):
        if len(set(keys)) != len(keys):
            raise ValueError(f"seed has a duplicate {kind}")
    return apps, users


def _app(entry: object) -> App:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed app must be an object, got {entry!r}")
    uris = entry.get("redirect_uris", [])
    if not isinstance(uris, list) or not all(isinstance(uri, str) for uri in uris):
        raise ValueError("seed app 'redirect_uris' must be a list of strings")
    return App(
        client_id=_text(entry, "client_id"),
        client_secret=_text(entry, "client_secret"),
        redirect_uris=tuple(uris),
    )


def _user(entry: object) -> SeedUser:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed user must be an object, got {entry!r}")
    login = _text(entry, "login")
    name = entry.get("name") or login.split("@")[0]
    return SeedUser(login=login, password=_text(entry, "password"), name=str(name))


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"seed entry needs a non-empty string {key!r}: {dict(entry)!r}")
    return value
