"""Kinto client: kinto-http's surface, sync and natively async.

    from cloudspec.kinto import KintoClient          # was: from kinto_http import Client

Everything kinto-http users import has the same name here: ``Client`` and
``AsyncClient`` (aliases of ``KintoClient`` / ``AsyncKintoClient``), the patch
types and the exceptions.
"""

from ._async.client import AsyncBatchClient, AsyncKintoClient
from ._auth import BearerTokenAuth, TokenAuth
from ._sync.client import BatchClient, KintoClient
from .exceptions import (
    BackoffException,
    BatchSubResponse,
    BucketForbidden,
    BucketNotFound,
    CollectionForbidden,
    CollectionNotFound,
    KintoAlert,
    KintoAPIError,
    KintoAuthenticationError,
    KintoBadRequest,
    KintoBatchException,
    KintoConflict,
    KintoException,
    KintoMalformedResponse,
    KintoNotFound,
    KintoPermissionDenied,
    KintoPreconditionFailed,
    KintoRateLimited,
    KintoServerError,
)
from .objects import (
    AsyncBucket,
    AsyncCollection,
    AsyncGroup,
    AsyncRecord,
    Bucket,
    Collection,
    Group,
    Record,
)
from .patch_type import BasicPatch, JSONPatch, MergePatch, PatchType
from .permissions import (
    BucketPermissions,
    CollectionPermissions,
    GroupPermissions,
    RecordPermissions,
)

# kinto-http's names, so that switching is a change of import.
Client = KintoClient
AsyncClient = AsyncKintoClient

__all__ = [
    "AsyncBatchClient",
    "AsyncBucket",
    "AsyncCollection",
    "AsyncGroup",
    "AsyncRecord",
    "Bucket",
    "BucketPermissions",
    "Collection",
    "CollectionPermissions",
    "Group",
    "GroupPermissions",
    "Record",
    "RecordPermissions",
    "AsyncClient",
    "AsyncKintoClient",
    "BackoffException",
    "BasicPatch",
    "BatchClient",
    "BatchSubResponse",
    "BearerTokenAuth",
    "BucketForbidden",
    "BucketNotFound",
    "Client",
    "CollectionForbidden",
    "CollectionNotFound",
    "JSONPatch",
    "KintoAPIError",
    "KintoAlert",
    "KintoAuthenticationError",
    "KintoBadRequest",
    "KintoBatchException",
    "KintoClient",
    "KintoConflict",
    "KintoException",
    "KintoNotFound",
    "KintoPermissionDenied",
    "KintoPreconditionFailed",
    "KintoRateLimited",
    "KintoServerError",
    "MergePatch",
    "PatchType",
    "TokenAuth",
    "KintoMalformedResponse",
]
