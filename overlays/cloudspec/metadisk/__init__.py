"""Metadisk (the 2016 Storj bridge): ECDSA request signing, Basic auth and the original client's
surface (``Users``, ``Keys``, ``Buckets``, ``Bucket`` and their async twins).

Sync names are generated from the async ones (``_sync`` from ``_async``); both families are
exported here.
"""

from . import pymdc
from ._async.client import (
    DEFAULT_BASE_URL,
    DEFAULT_RETRY,
    AsyncBucket,
    AsyncBucketFiles,
    AsyncBuckets,
    AsyncKeys,
    AsyncUsers,
)
from ._sync.client import Bucket, BucketFiles, Buckets, Keys, Users
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
from .errors import (
    InvalidTokenError,
    MetadiskAuthenticationError,
    MetadiskBadRequestError,
    MetadiskError,
    MetadiskIntegrityError,
    MetadiskMalformedResponseError,
    MetadiskNotFoundError,
    MetadiskPermissionDeniedError,
    MetadiskRateLimitError,
    MetadiskServerError,
    TransferLimitExceeded,
)
from .hashing import bridge_hash

__all__ = [
    "BODY_METHODS",
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY",
    "QUERY_METHODS",
    "AsyncBucket",
    "AsyncBucketFiles",
    "AsyncBuckets",
    "AsyncKeys",
    "AsyncUsers",
    "BasicAuth",
    "Bucket",
    "BucketFiles",
    "Buckets",
    "ECDSAAuth",
    "ECDSAKeyPair",
    "InvalidTokenError",
    "Keys",
    "MetadiskAuthenticationError",
    "MetadiskBadRequestError",
    "MetadiskError",
    "MetadiskIntegrityError",
    "MetadiskNotFoundError",
    "MetadiskPermissionDeniedError",
    "MetadiskRateLimitError",
    "MetadiskServerError",
    "MonotonicNonce",
    "TransferLimitExceeded",
    "Users",
    "bridge_hash",
    "password_hash",
    "pymdc",
    "signing_message",
    "verify_signature",
    "MetadiskMalformedResponseError",
]
