"""The OAuth 1.0a token pair both clients (sync and async) hand out and accept."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

__all__ = ["OAuthToken"]


@attrs.frozen(repr=False)
class OAuthToken:
    """A token and its secret. Unpacks (``token, secret = pair``) and indexes like the
    original's tuple-like class, which broke on unpacking since Python 3.7."""

    token: str
    secret: str

    def __iter__(self) -> Iterator[str]:
        return iter((self.token, self.secret))

    def __getitem__(self, index: int) -> str:
        return (self.token, self.secret)[index]

    def __repr__(self) -> str:
        return f"OAuthToken(token={self.token[:4]}..., secret=<redacted>)"
