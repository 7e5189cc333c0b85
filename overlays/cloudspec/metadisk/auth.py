"""Metadisk (2016 Storj bridge) authentication: ECDSA request signing and Basic auth.

The bridge verifies a signed request like this (reference metadisk.md section 1.2, checked
against the original ``authenticate.js`` of bridge v0.2.4 and service-middleware v1.2.1)::

    message     = METHOD + "\\n" + PATH + "\\n" + PAYLOAD          (UTF-8)
    x-signature = hex(DER(ECDSA-secp256k1(SHA-256(message))))
    x-pubkey    = hex public key, byte for byte as registered with POST /keys

* ``PATH`` is the raw URL path as sent (no scheme, host or query, no percent-decoding);
* ``PAYLOAD`` is the raw body as sent for POST, PUT and PATCH, the raw query string as sent (no
  leading ``?``) for GET, DELETE and OPTIONS, and empty for any other method;
* ``__nonce`` (replay protection) lives inside the signed parameters: a JSON body field for
  POST, PUT and PATCH, a query parameter for every other method (the server reads
  ``req.body`` or ``req.query`` by the same rule).

So the signature covers the exact bytes on the wire. :class:`ECDSAAuth` therefore builds the
body or query once, signs it and sends those same bytes; it never lets anything re-serialise.
Requests that carry ``x-token`` (upload, shard pointers) are not signed, as the bridge expects.

Nonces are integers, milliseconds since the epoch and strictly increasing within the process:
numeric and never lower than the last one (bridge v0.2.3 to v0.7.1) and unique (the v0.7.2+
nonce cache), so one format works against every 2016 bridge (see specs/metadisk.yaml).

Signatures are deterministic (RFC 6979) and low-S (libsecp256k1 through coincurve). The bridge
accepts high-S too; :func:`verify_signature` normalises before verifying, so it also accepts the
high-S signatures of other signers (openssl, elliptic).
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any

import httpx
from coincurve import PrivateKey, PublicKey

__all__ = [
    "BODY_METHODS",
    "QUERY_METHODS",
    "BasicAuth",
    "ECDSAAuth",
    "ECDSAKeyPair",
    "MonotonicNonce",
    "password_hash",
    "signing_message",
    "verify_signature",
]

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
"""Methods whose signed payload is the raw body (and whose ``__nonce`` is a body field)."""
QUERY_METHODS = frozenset({"GET", "DELETE", "OPTIONS"})
"""Methods whose signed payload is the raw query string."""

NONCE = "__nonce"
# Order n of secp256k1: a DER signature with s > n/2 is "high-S".
_CURVE_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


def signing_message(method: str, path: str, payload: bytes | str) -> bytes:
    """``METHOD\\nPATH\\nPAYLOAD``: the bytes whose SHA-256 is signed.

    ``path`` is the raw URL path exactly as sent; ``payload`` the raw body (POST, PUT, PATCH),
    the raw query string without ``?`` (GET, DELETE, OPTIONS) or empty; a ``str`` is UTF-8
    encoded, ``bytes`` are used as they are.
    """
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    return method.upper().encode("ascii") + b"\n" + path.encode("utf-8") + b"\n" + payload


def password_hash(password: str) -> str:
    """The lowercase hex SHA-256 of ``password`` (UTF-8): what the bridge calls the password."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


class ECDSAKeyPair:
    """A secp256k1 key pair (coincurve). The private key never appears in ``repr``/``str``."""

    __slots__ = ("_private", "_public_hex")

    def __init__(self, private_key: PrivateKey) -> None:
        self._private = private_key
        self._public_hex = private_key.public_key.format(compressed=True).hex()

    @classmethod
    def generate(cls) -> ECDSAKeyPair:
        """A new random key pair (from the OS's CSPRNG)."""
        return cls(PrivateKey())

    @classmethod
    def from_private_hex(cls, private_key_hex: str) -> ECDSAKeyPair:
        """The key pair of a 32-byte private key given as 64 hex characters."""
        raw = bytes.fromhex(private_key_hex)
        if len(raw) != 32:
            raise ValueError("a secp256k1 private key is 32 bytes (64 hex characters)")
        return cls(PrivateKey(raw))

    @property
    def private_key_hex(self) -> str:
        """The private key, 64 lowercase hex characters. Keep it secret."""
        return self._private.secret.hex()

    @property
    def public_key_hex(self) -> str:
        """The compressed public key, 66 lowercase hex characters (``02``/``03`` + X)."""
        return self._public_hex

    def sign(self, message: bytes) -> str:
        """DER hex signature over SHA-256(``message``): deterministic (RFC 6979), low-S."""
        return self._private.sign(message, hasher=lambda m: hashlib.sha256(m).digest()).hex()

    def __repr__(self) -> str:
        return f"ECDSAKeyPair(public_key_hex={self._public_hex!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ECDSAKeyPair):
            return NotImplemented
        return self._private.secret == other._private.secret

    def __hash__(self) -> int:
        return hash(self._public_hex)


def _normalised_der(signature: bytes) -> bytes:
    """``signature`` with s replaced by n - s when s > n/2 (libsecp256k1 accepts low-S only)."""

    def read_int(data: bytes, at: int) -> tuple[int, int]:
        if data[at] != 0x02:
            raise ValueError("not a DER integer")
        length = data[at + 1]
        start = at + 2
        return int.from_bytes(data[start : start + length], "big"), start + length

    if len(signature) < 8 or signature[0] != 0x30 or signature[1] != len(signature) - 2:
        raise ValueError("not a DER signature")
    r, after_r = read_int(signature, 2)
    s, end = read_int(signature, after_r)
    if end != len(signature):
        raise ValueError("trailing bytes after the DER signature")
    if s <= _CURVE_ORDER // 2:
        return signature

    def encode_int(value: int) -> bytes:
        raw = value.to_bytes((value.bit_length() + 8) // 8, "big")  # room for a sign bit
        return b"\x02" + bytes([len(raw)]) + raw

    body = encode_int(r) + encode_int(_CURVE_ORDER - s)
    return b"\x30" + bytes([len(body)]) + body


def verify_signature(public_key_hex: str, signature_hex: str, message: bytes) -> bool:
    """Whether ``signature_hex`` (DER, low- or high-S) signs SHA-256(``message``)."""
    try:
        public_key = PublicKey(bytes.fromhex(public_key_hex))
        signature = _normalised_der(bytes.fromhex(signature_hex))
        return bool(
            public_key.verify(signature, message, hasher=lambda m: hashlib.sha256(m).digest())
        )
    except (ValueError, TypeError, IndexError):
        return False


class MonotonicNonce:
    """Integer nonces: milliseconds since the epoch, strictly increasing (thread-safe)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._last = 0
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            self._last = max(self._last + 1, int(self._clock() * 1000))
            return self._last


# The bridge refuses a nonce it has seen for the account, and clients of one account (a
# ``Buckets`` and a ``Bucket``, as the README's quick start makes) sign within the same
# millisecond: one counter for the process keeps their nonces apart.
_PROCESS_NONCE = MonotonicNonce()


def _raw_path(request: httpx.Request) -> str:
    return request.url.raw_path.split(b"?", 1)[0].decode("ascii")


def _with_nonce(request: httpx.Request, nonce: int | str) -> tuple[httpx.Request, bytes]:
    """A copy of ``request`` with ``__nonce`` added, and the payload it will send."""
    method = request.method.upper()
    if method in BODY_METHODS:
        content = request.content
        params: Any = json.loads(content) if content.strip() else {}
        if not isinstance(params, dict):
            raise ValueError("a signed Metadisk request body must be a JSON object")
        params[NONCE] = nonce
        body = json.dumps(params, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        headers = httpx.Headers(request.headers)
        headers.pop("Content-Length", None)
        headers.pop("Transfer-Encoding", None)
        headers["Content-Type"] = "application/json"
        signed = httpx.Request(
            method, request.url, headers=headers, content=body, extensions=request.extensions
        )
        return signed, body
    query = request.url.query  # raw bytes, exactly as they go on the wire
    pair = f"{NONCE}={nonce}".encode("ascii")
    query = query + b"&" + pair if query else pair
    url = request.url.copy_with(query=query)
    signed = httpx.Request(
        method, url, headers=request.headers, stream=request.stream, extensions=request.extensions
    )
    # Sign the query of the URL that goes out (httpx may percent-encode a custom nonce).
    return signed, (signed.url.query if method in QUERY_METHODS else b"")


class ECDSAAuth(httpx.Auth):
    """Sign every request but ``x-token`` ones: ``x-pubkey`` and ``x-signature`` of ``key_pair``.

    The JSON body (POST, PUT, PATCH) or the query string (other methods) gets a fresh
    ``__nonce``; the body is serialised once, compactly, in the order the caller's JSON had (the
    nonce last), and exactly the signed bytes are sent. ``nonce`` makes the nonces (tests pin
    them); it must never repeat, and for bridges before v0.7.2 never decrease.
    """

    requires_request_body = False  # the flows read only the bodies they sign

    def __init__(
        self,
        key_pair: ECDSAKeyPair,
        *,
        nonce: Callable[[], int | str] | None = None,
    ) -> None:
        self._key_pair = key_pair
        self._nonce: Callable[[], int | str] = nonce if nonce is not None else _PROCESS_NONCE

    @property
    def public_key_hex(self) -> str:
        return self._key_pair.public_key_hex

    def __repr__(self) -> str:
        return f"ECDSAAuth(public_key_hex={self._key_pair.public_key_hex!r})"

    __str__ = __repr__

    @staticmethod
    def needs_signature(request: httpx.Request) -> bool:
        """Token requests (``x-token``) are authorised by the token alone, never signed."""
        return "x-token" not in request.headers

    def sign(self, request: httpx.Request) -> httpx.Request:
        """The request to send: ``request`` plus ``__nonce`` and the signature headers.

        A POST, PUT or PATCH body must already be read (the flows do that).
        """
        if not self.needs_signature(request):
            return request
        signed, payload = _with_nonce(request, self._nonce())
        message = signing_message(signed.method, _raw_path(signed), payload)
        signed.headers["x-pubkey"] = self._key_pair.public_key_hex
        signed.headers["x-signature"] = self._key_pair.sign(message)
        return signed

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.needs_signature(request) and request.method.upper() in BODY_METHODS:
            request.read()
        yield self.sign(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self.needs_signature(request) and request.method.upper() in BODY_METHODS:
            await request.aread()
        yield self.sign(request)


class BasicAuth(httpx.Auth):
    """HTTP Basic as the bridge expects it: ``email:<SHA-256 hex of the password>``.

    ``x-token`` requests are sent without it (the token authorises them). Neither the password
    nor its hash appears in ``repr``/``str``.
    """

    def __init__(self, email: str, password: str) -> None:
        self.email = email
        credentials = f"{email}:{password_hash(password)}".encode()
        self._header = "Basic " + base64.b64encode(credentials).decode("ascii")

    def __repr__(self) -> str:
        return f"BasicAuth(email={self.email!r})"

    __str__ = __repr__

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if "x-token" not in request.headers:
            request.headers["Authorization"] = self._header
        yield request
