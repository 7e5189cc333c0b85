"""Who is calling: HTTP Basic (API key + password) or an OAuth 1.0a signed request.

Basic is DRF's: a missing or unknown scheme answers 401 "Authentication credentials were not
provided.", a wrong pair 401 "Invalid username/password.", both with ``WWW-Authenticate:
Basic realm="api"``. An ``OAuth`` header is verified by :mod:`.oauth1` and any failure answers
the provider's plain-text 403. A signature is checked before its nonce is spent, so a forged
request cannot burn a legitimate client's nonce.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hmac
import time
from collections.abc import Sequence

from ..box.asgi import Request
from . import oauth1
from .errors import BASIC_CHALLENGE, INVALID_BASIC, NOT_PROVIDED, OAuthFailure, SmartFileError
from .forms import query_pairs
from .state import State, User


@dataclasses.dataclass(frozen=True)
class Verified:
    """A verified OAuth request: its protocol parameters and the token it was signed with."""

    params: dict[str, str]
    token: str | None


def _basic(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = (request.header("authorization") or "").strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    name, _, password = decoded.partition(":")
    return name, password


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class Authenticator:
    def __init__(self, state: State) -> None:
        self.state = state

    def user(self, request: Request, form_pairs: Sequence[tuple[str, str]] = ()) -> User:
        """The caller of an ``/api/`` request; ``form_pairs`` are its urlencoded body fields."""
        try:
            return self._user(request, form_pairs)
        except SmartFileError:
            self.state.stats.auth_failures += 1
            raise

    def _user(self, request: Request, form_pairs: Sequence[tuple[str, str]]) -> User:
        seed = self.state.seed
        header = request.header("authorization") or ""
        if header.strip().lower().startswith("oauth"):
            verified = self.verify(request, form_pairs, token_kind="access")
            access = self.state.access_tokens[verified.token or ""]
            user = self.state.users.get(access.user)
            if user is None:
                raise OAuthFailure("the token's user is gone")
            return user
        basic = _basic(request)
        if basic is None:
            raise SmartFileError(401, NOT_PROVIDED, {"www-authenticate": BASIC_CHALLENGE})
        key, password = basic
        if not (_same(key, seed.api_key) and _same(password, seed.api_password)):
            raise SmartFileError(401, INVALID_BASIC, {"www-authenticate": BASIC_CHALLENGE})
        return self.state.owner

    def verify(
        self, request: Request, form_pairs: Sequence[tuple[str, str]], *, token_kind: str
    ) -> Verified:
        """Check an OAuth-signed request. ``token_kind``: ``"none"`` (a request-token call,
        signed with the client pair only), ``"request"`` or ``"access"``."""
        state = self.state
        pairs = list(query_pairs(request)) + list(form_pairs)
        try:
            protocol = oauth1.parse_header(request.header("authorization") or "")
        except oauth1.Malformed as exc:
            raise OAuthFailure(f"malformed header: {exc}") from None
        if protocol is None:  # parameters sent in the body or query instead (PHP does)
            protocol = {k: v for k, v in pairs if k.startswith("oauth_")}
            pairs = [(k, v) for k, v in pairs if not k.startswith("oauth_")]
        given = protocol.get("oauth_signature")
        method = protocol.get("oauth_signature_method", "")
        consumer = protocol.get("oauth_consumer_key", "")
        stamp = protocol.get("oauth_timestamp", "")
        nonce = protocol.get("oauth_nonce", "")
        if given is None or method not in oauth1.METHODS:
            raise OAuthFailure("no signature, or an unsupported signature method")
        if protocol.get("oauth_version", "1.0") != "1.0":
            raise OAuthFailure("oauth_version must be 1.0")
        if not _same(consumer, state.seed.client_token):
            raise OAuthFailure("unknown client")
        if not stamp.isdigit() or not nonce:
            raise OAuthFailure("oauth_timestamp and oauth_nonce are required")
        if abs(int(stamp) - time.time()) > state.settings.timestamp_skew:
            raise OAuthFailure("timestamp out of range")
        token = protocol.get("oauth_token") or None
        token_secret = self._token_secret(token, token_kind)
        signed = [(k, v) for k, v in protocol.items() if k != "oauth_signature"]
        uri = oauth1.base_uri(
            request.scope.get("scheme", "http"),
            request.header("host") or "",
            (request.scope.get("raw_path") or request.path.encode()).decode("latin-1"),
        )
        base = oauth1.base_string(request.method, uri, pairs + signed)
        expected = oauth1.expected_signature(method, base, state.seed.client_secret, token_secret)
        if not oauth1.signature_matches(given, expected):
            raise OAuthFailure("signature mismatch")
        if not state.use_nonce(stamp, nonce):
            raise OAuthFailure("nonce already used")
        state.stats.oauth_verified += 1
        return Verified(protocol, token)

    def _token_secret(self, token: str | None, kind: str) -> str:
        state = self.state
        if kind == "none":
            if token is not None:
                raise OAuthFailure("a request token call carries no token")
            return ""
        if token is None:
            raise OAuthFailure("oauth_token is required")
        found = (state.request_tokens if kind == "request" else state.access_tokens).get(token)
        if found is None:
            raise OAuthFailure(f"unknown {kind} token")
        return found.secret
