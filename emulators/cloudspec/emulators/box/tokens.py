"""Authorization codes and token pairs, with Box's lifetimes and single-use refresh tokens."""

from __future__ import annotations

import dataclasses
import secrets
import string
import time
from typing import Any

from .asgi import OAuthError

_ALPHABET = string.ascii_letters + string.digits


def _token(length: int) -> str:
    # Box's tokens are plain alphanumerics (32 chars for access, 64 for refresh).
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


@dataclasses.dataclass(eq=False)
class Grant:
    """One token pair; ``user`` is a :class:`~.state.User`."""

    user: Any
    client_id: str
    access_token: str
    access_expires: float
    refresh_token: str
    refresh_expires: float


@dataclasses.dataclass(eq=False)
class AuthCode:
    user: Any
    client_id: str
    redirect_uri: str
    expires: float


class Tokens:
    def __init__(self) -> None:
        self._access: dict[str, Grant] = {}
        self._refresh: dict[str, Grant] = {}
        self._codes: dict[str, AuthCode] = {}

    def issue(self, user: Any, client_id: str, access_ttl: float, refresh_ttl: float) -> Grant:
        now = time.time()
        grant = Grant(user, client_id, _token(32), now + access_ttl, _token(64), now + refresh_ttl)
        self._access[grant.access_token] = grant
        self._refresh[grant.refresh_token] = grant
        return grant

    def user_for(self, access_token: str) -> Any | None:
        grant = self._access.get(access_token)
        if grant is None:
            return None
        if grant.access_expires <= time.time():
            del self._access[access_token]
            return None
        return grant.user

    def rotate(
        self, refresh_token: str, client_id: str, access_ttl: float, refresh_ttl: float
    ) -> Grant:
        """Spend ``refresh_token`` (it dies, even on a client mismatch) for a new pair."""
        grant = self._refresh.pop(refresh_token, None)
        if grant is None or grant.client_id != client_id:
            raise OAuthError("invalid_grant", "Invalid refresh token")
        if grant.refresh_expires <= time.time():
            raise OAuthError("invalid_grant", "Refresh token has expired")
        return self.issue(grant.user, client_id, access_ttl, refresh_ttl)

    def revoke(self, token: str) -> None:
        """Kill the pair ``token`` belongs to, whichever of the two it is."""
        grant = self._access.get(token) or self._refresh.get(token)
        if grant is not None:
            self._access.pop(grant.access_token, None)
            self._refresh.pop(grant.refresh_token, None)

    def expire_access_tokens(self) -> int:
        count = len(self._access)
        self._access.clear()
        return count

    def new_code(self, user: Any, client_id: str, redirect_uri: str, ttl: float) -> str:
        code = _token(32)
        self._codes[code] = AuthCode(user, client_id, redirect_uri, time.time() + ttl)
        return code

    def spend_code(self, code: str, client_id: str, redirect_uri: str | None) -> AuthCode:
        """The code's record; the code is gone afterwards whether or not it was valid."""
        found = self._codes.pop(code, None)
        if found is None or found.expires <= time.time() or found.client_id != client_id:
            raise OAuthError(
                "invalid_grant", "Auth code doesn't exist or is invalid for the client"
            )
        if redirect_uri is not None and redirect_uri != found.redirect_uri:
            raise OAuthError(
                "invalid_grant", "Redirect URI doesn't match the authorization request"
            )
        return found
