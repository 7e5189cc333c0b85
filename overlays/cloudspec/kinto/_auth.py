"""The credential forms kinto-http accepts, as httpx auth objects."""

from __future__ import annotations

from collections.abc import Generator

import httpx

__all__ = ["KintoAuth", "TokenAuth", "resolve_auth"]

KintoAuth = httpx.Auth | tuple[str, str] | str | None


class TokenAuth(httpx.Auth):
    """Sends ``Authorization: <type> <token>`` (``Bearer``, ``Bearer+OIDC``, ``Basic``...)."""

    def __init__(self, token: str, type: str = "Bearer") -> None:
        self._value = f"{type} {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._value
        yield request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<redacted>)"


BearerTokenAuth = TokenAuth


def resolve_auth(auth: KintoAuth) -> tuple[httpx.Auth | None, tuple[str, ...]]:
    """The httpx auth for ``auth`` and the secret strings that must never be printed.

    Accepted, as in kinto-http: an ``httpx.Auth``, a ``(user, password)`` tuple,
    ``"user:password"``, or ``"Bearer <token>"`` / ``"Basic <b64>"``.
    """
    if auth is None:
        return None, ()
    if isinstance(auth, httpx.Auth):
        return auth, ()
    if isinstance(auth, tuple):
        if len(auth) != 2 or not all(isinstance(part, str) for part in auth):
            raise TypeError("auth tuples are (user, password)")
        user, password = auth
        return httpx.BasicAuth(user, password), (password,)
    if isinstance(auth, str):
        scheme, sep, rest = auth.partition(" ")
        if sep and scheme and " " not in rest and ":" not in scheme:
            return TokenAuth(rest, scheme), (rest,)
        user, sep, password = auth.partition(":")
        if sep:
            return httpx.BasicAuth(user, password), (password,)
        raise ValueError("auth strings are 'user:password' or '<Type> <token>'")
    raise TypeError(f"unsupported auth: {type(auth).__name__}")
