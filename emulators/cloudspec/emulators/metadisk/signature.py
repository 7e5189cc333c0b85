"""The bridge's ECDSA request check, written from reference §1.2 (not the client's signer).

Message ``METHOD \\n PATH \\n PAYLOAD`` (UTF-8), one SHA-256, secp256k1, a DER signature in hex;
high-S and low-S both verify (S is normalised before libsecp256k1 sees it).
"""

from __future__ import annotations

import hashlib

import coincurve

_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
_HEX = frozenset("0123456789abcdefABCDEF")
QUERY_METHODS = ("GET", "DELETE", "OPTIONS")
BODY_METHODS = ("POST", "PUT", "PATCH")


def message(method: str, path: str, payload: str) -> bytes:
    return "\n".join((method.upper(), path, payload)).encode("utf-8")


def payload_of(method: str, raw_query: str, raw_body: bytes) -> str:
    if method in BODY_METHODS:
        return raw_body.decode("utf-8", "replace")
    if method in QUERY_METHODS:
        return raw_query
    return ""


def is_hex(text: str) -> bool:
    return bool(text) and len(text) % 2 == 0 and set(text) <= _HEX


def public_key(hex_key: str) -> coincurve.PublicKey | None:
    """The SEC1 key (compressed or uncompressed) if it is hex and a curve point."""
    if not is_hex(hex_key) or len(hex_key) not in (66, 130):
        return None
    try:
        return coincurve.PublicKey(bytes.fromhex(hex_key))
    except (ValueError, TypeError):
        return None


def _der_ints(der: bytes) -> tuple[int, int] | None:
    """``SEQUENCE{INTEGER r, INTEGER s}`` (strict DER lengths) as ``(r, s)``."""
    if len(der) < 8 or der[0] != 0x30 or der[1] != len(der) - 2:
        return None
    values: list[int] = []
    index = 2
    for _ in range(2):
        if index + 2 > len(der) or der[index] != 0x02:
            return None
        length = der[index + 1]
        body = der[index + 2 : index + 2 + length]
        if length == 0 or len(body) != length or length > 33 or body[0] & 0x80:
            return None
        if length > 1 and body[0] == 0 and not body[1] & 0x80:
            return None
        values.append(int.from_bytes(body, "big"))
        index += 2 + length
    if index != len(der):
        return None
    return values[0], values[1]


def _der(r: int, s: int) -> bytes:
    def integer(value: int) -> bytes:
        raw = value.to_bytes((value.bit_length() + 8) // 8 or 1, "big")
        return b"\x02" + bytes([len(raw)]) + raw

    body = integer(r) + integer(s)
    return b"\x30" + bytes([len(body)]) + body


def verify(pubkey_hex: str, signature_hex: str, signed: bytes) -> bool:
    key = public_key(pubkey_hex)
    if key is None or not is_hex(signature_hex):
        return False
    ints = _der_ints(bytes.fromhex(signature_hex))
    if ints is None:
        return False
    r, s = ints
    if not (0 < r < _N and 0 < s < _N):
        return False
    if s > _N // 2:
        s = _N - s
    digest = hashlib.sha256(signed).digest()
    try:
        return bool(key.verify(_der(r, s), digest, hasher=None))
    except (ValueError, TypeError):
        return False


def file_hash(sha256_hex: str) -> str:
    """The bridge v0.2.x file hash: RIPEMD-160 of the *hex string* of the SHA-256 digest."""
    return hashlib.new("ripemd160", sha256_hex.encode("ascii")).hexdigest()
