"""OAuth 1.0a request verification, written from RFC 5849 (not the client's signer).

- ``Authorization: OAuth`` parameters (RFC 5849 §3.5.1): ``name="value"`` pairs separated by
  commas, each percent-decoded; ``realm`` is not a protocol parameter.
- Signature base string (§3.4.1): ``METHOD & encode(base URI) & encode(normalised params)``;
  the base URI is the scheme and host in lower case, the port unless it is the scheme's
  default, and the path exactly as it was sent (still percent-encoded); the parameters are the
  query's, the ``application/x-www-form-urlencoded`` body's and the ``oauth_*`` ones except
  ``oauth_signature``, each name and value encoded (§3.6), sorted by name then value.
- ``HMAC-SHA1`` (§3.4.2): base64 of HMAC-SHA1 keyed ``encode(client secret)&encode(token
  secret)``. ``PLAINTEXT`` (§3.4.4): that key itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable
from urllib.parse import quote, unquote

METHODS = ("HMAC-SHA1", "PLAINTEXT")
_PAIR = re.compile(r'\s*([^=\s,]+)\s*=\s*"([^"]*)"\s*(?:,|$)')


class Malformed(ValueError):
    """An ``Authorization: OAuth`` header that cannot be read."""


def encode(text: str) -> str:
    """RFC 5849 §3.6: UTF-8, everything but ``ALPHA DIGIT - . _ ~`` as ``%XX``."""
    return quote(text, safe="~")


def parse_header(value: str) -> dict[str, str] | None:
    """The protocol parameters of an ``OAuth`` header; None if it is another scheme."""
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "oauth":
        return None
    params: dict[str, str] = {}
    position = 0
    rest = rest.strip()
    while position < len(rest):
        match = _PAIR.match(rest, position)
        if match is None:
            raise Malformed(rest)
        name, raw = unquote(match.group(1)), unquote(match.group(2))
        if name in params:
            raise Malformed(f"duplicate {name}")
        params[name] = raw
        position = match.end()
    params.pop("realm", None)
    return params


def base_uri(scheme: str, host: str, raw_path: str) -> str:
    scheme = scheme.lower()
    host = host.lower()
    if host.startswith("["):
        name, _, port = host.partition("]")
        name, port = name + "]", port.removeprefix(":")
    else:
        name, _, port = host.partition(":")
    default = {"http": "80", "https": "443"}.get(scheme)
    authority = name if not port or port == default else f"{name}:{port}"
    return f"{scheme}://{authority}{raw_path or '/'}"


def base_string(method: str, uri: str, params: Iterable[tuple[str, str]]) -> str:
    pairs = sorted((encode(name), encode(value)) for name, value in params)
    normalised = "&".join(f"{name}={value}" for name, value in pairs)
    return "&".join((encode(method.upper()), encode(uri), encode(normalised)))


def signing_key(client_secret: str, token_secret: str) -> str:
    return f"{encode(client_secret)}&{encode(token_secret)}"


def expected_signature(
    signature_method: str, base: str, client_secret: str, token_secret: str
) -> str:
    key = signing_key(client_secret, token_secret)
    if signature_method == "PLAINTEXT":
        return key
    if signature_method == "HMAC-SHA1":
        digest = hmac.new(key.encode(), base.encode(), hashlib.sha1).digest()
        return base64.b64encode(digest).decode("ascii")
    raise Malformed(f"unsupported signature method {signature_method}")


def signature_matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
