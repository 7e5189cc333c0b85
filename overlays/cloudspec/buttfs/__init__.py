"""ButtFS (Bitcasa CloudFS v2): the original SDK's surface, typed, sync and async.

``Session`` / ``AsyncSession`` (entry point), ``Filesystem``, ``Folder``, ``File``, ``Item``,
``Path``, ``User``, ``Account``, ``Share``, the low-level ``ButtFSRESTAdapter``, BCS request
signing and the ``httpx.Auth`` that uses it. Sync names are generated from the async ones
(``_sync`` from ``_async``). Every error class (one per service code) is in
:mod:`cloudspec.buttfs.errors`; the common ones are exported here.
"""

from ._async.objects import (
    AsyncAccount,
    AsyncFile,
    AsyncFilesystem,
    AsyncFolder,
    AsyncItem,
    AsyncShare,
)
from ._async.rest import AsyncButtFSRESTAdapter
from ._async.session import AsyncSession
from ._sync.objects import Account, File, Filesystem, Folder, Item, Share
from ._sync.rest import ButtFSRESTAdapter
from ._sync.session import Session
from .auth import (
    BCS_CONTENT_TYPE,
    BCSAuth,
    BCSCredentials,
    MissingCredentialsError,
    bcs_authorization,
    bcs_date,
    bcs_string_to_sign,
)
from .errors import (
    ERRORS_BY_CODE,
    AuthenticatedError,
    ButtFSError,
    ButtFSServerError,
    InvalidArgument,
    InvalidRequest,
    MalformedResponse,
    MethodNotImplemented,
    MissingArgument,
    OperationNotAllowed,
    SessionNotLinked,
    UnknownError,
)
from .values import ExistValues, Path, RestoreValue, User, VersionConflictValue

__all__ = [
    "ERRORS_BY_CODE",
    "Account",
    "AsyncAccount",
    "AsyncButtFSRESTAdapter",
    "AsyncFile",
    "AsyncFilesystem",
    "AsyncFolder",
    "AsyncItem",
    "AsyncSession",
    "AsyncShare",
    "AuthenticatedError",
    "ButtFSError",
    "ButtFSRESTAdapter",
    "ButtFSServerError",
    "ExistValues",
    "File",
    "Filesystem",
    "Folder",
    "InvalidArgument",
    "InvalidRequest",
    "Item",
    "MethodNotImplemented",
    "MissingArgument",
    "OperationNotAllowed",
    "Path",
    "RestoreValue",
    "Session",
    "SessionNotLinked",
    "Share",
    "UnknownError",
    "User",
    "VersionConflictValue",
    "BCS_CONTENT_TYPE",
    "BCSAuth",
    "BCSCredentials",
    "MissingCredentialsError",
    "bcs_authorization",
    "bcs_date",
    "bcs_string_to_sign",
    "MalformedResponse",
]
