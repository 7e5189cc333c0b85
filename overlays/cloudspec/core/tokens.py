"""OAuth-style tokens and where they are kept between runs.

A refreshed token is saved *before* it is used, so a crash after a refresh
never loses a rotated refresh token.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

__all__ = [
    "AsyncTokenStore",
    "FileTokenStore",
    "MemoryTokenStore",
    "Token",
    "TokenStore",
]


@attrs.frozen(kw_only=True)
class Token:
    access_token: str = attrs.field(repr=False)
    refresh_token: str | None = attrs.field(default=None, repr=False)
    token_type: str = "bearer"
    expires_at: float | None = None
    scope: str | None = None

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        return (time.time() if now is None else now) + seconds >= self.expires_at

    def to_json(self) -> dict[str, str | float | None]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, value: Mapping[str, object]) -> Token:
        def text(key: str) -> str | None:
            item = value.get(key)
            return item if isinstance(item, str) else None

        access = text("access_token")
        if access is None:
            raise ValueError("stored token has no access_token")
        expires = value.get("expires_at")
        return cls(
            access_token=access,
            refresh_token=text("refresh_token"),
            token_type=text("token_type") or "bearer",
            expires_at=float(expires) if isinstance(expires, int | float) else None,
            scope=text("scope"),
        )


@runtime_checkable
class TokenStore(Protocol):
    def load(self) -> Token | None: ...

    def save(self, token: Token) -> None: ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    async def load(self) -> Token | None: ...

    async def save(self, token: Token) -> None: ...


class MemoryTokenStore:
    def __init__(self, token: Token | None = None) -> None:
        self._token = token

    def load(self) -> Token | None:
        return self._token

    def save(self, token: Token) -> None:
        self._token = token

    def __repr__(self) -> str:
        return f"MemoryTokenStore(has_token={self._token is not None})"


class FileTokenStore:
    """A JSON file readable by its owner only, replaced atomically on every save."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> Token | None:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError(f"{self.path} does not hold a token object")
        return Token.from_json(value)

    def save(self, token: Token) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".token-", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(token.to_json(), handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"
