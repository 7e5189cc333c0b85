"""The users the emulator starts with (``--seed FILE`` or ``run(seed=...)``).

``{"users": [{"email", "password" (plaintext), "activated"? (true), "pubkeys"? [hex]}]}``; a
seed without ``users`` keeps the default user.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

DEFAULT_SEED: Mapping[str, Any] = {
    "users": [{"email": "demo@example.com", "password": "demo-password", "activated": True}]
}


@attrs.frozen
class SeedUser:
    email: str
    password: str
    activated: bool
    pubkeys: tuple[str, ...]


def parse_seed(seed: Mapping[str, Any] | None) -> list[SeedUser]:
    seed = seed if seed is not None else DEFAULT_SEED
    if not isinstance(seed, Mapping):
        raise ValueError("a metadisk seed must be a JSON object")
    raw_users = seed.get("users", DEFAULT_SEED["users"])
    if not isinstance(raw_users, list):
        raise ValueError("seed 'users' must be a list")
    users = [_user(entry) for entry in raw_users]
    if len({u.email for u in users}) != len(users):
        raise ValueError("seed has a duplicate email")
    return users


def _user(entry: object) -> SeedUser:
    if not isinstance(entry, Mapping):
        raise ValueError(f"seed user must be an object, got {entry!r}")
    email, password = entry.get("email"), entry.get("password")
    if not isinstance(email, str) or not email or not isinstance(password, str):
        raise ValueError(f"seed user needs string 'email' and 'password': {dict(entry)!r}")
    pubkeys = entry.get("pubkeys", [])
    if not isinstance(pubkeys, list) or not all(isinstance(k, str) for k in pubkeys):
        raise ValueError("seed user 'pubkeys' must be a list of hex strings")
    return SeedUser(email, password, bool(entry.get("activated", True)), tuple(pubkeys))
