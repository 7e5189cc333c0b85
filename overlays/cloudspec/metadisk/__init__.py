"""Metadisk (the 2016 Storj bridge): ECDSA request signing and Basic auth.

The facades (``Users``, ``Keys``, ``Buckets``, ``Bucket`` and their async twins) come next;
for now the package exports :mod:`cloudspec.metadisk.auth`.
"""

from .auth import (
    BODY_METHODS,
    QUERY_METHODS,
    BasicAuth,
    ECDSAAuth,
    ECDSAKeyPair,
    MonotonicNonce,
    password_hash,
    signing_message,
    verify_signature,
)

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
