"""Box API v2: ``BoxClient`` / ``AsyncBoxClient`` (typed, resource style), ``BoxSession`` /
``AsyncBoxSession`` (the original ``boxpython`` surface) and the OAuth2 login.

Sync names are generated from the async ones (``_sync`` from ``_async``).
"""

from ._async.chunked import AsyncChunkedUploader
from ._async.client import CHUNKED_THRESHOLD, AsyncBoxClient, AsyncFiles, AsyncFolders, AsyncUsers
from ._async.oauth import AsyncBoxAuthenticateFlow
from ._async.session import AsyncBoxSession
from ._sync.chunked import ChunkedUploader
from ._sync.client import BoxClient, Files, Folders, Users
from ._sync.oauth import BoxAuthenticateFlow
from ._sync.session import BoxSession
from .errors import (
    BoxAuthenticationError,
    BoxAuthFlowError,
    BoxBadRequest,
    BoxConflict,
    BoxError,
    BoxMalformedResponse,
    BoxNotFound,
    BoxOAuthError,
    BoxPermissionDenied,
    BoxPreconditionFailed,
    BoxRateLimited,
    BoxServerError,
    conflict_id,
)
from .login import login_with_browser
from .loopback import LoopbackReceiver, Redirect
from .upload_session import UploadSessionInfo
from .urls import BoxURLs

__all__ = [
    "AsyncBoxAuthenticateFlow",
    "AsyncBoxClient",
    "AsyncBoxSession",
    "AsyncChunkedUploader",
    "AsyncFiles",
    "AsyncFolders",
    "AsyncUsers",
    "BoxAuthFlowError",
    "BoxAuthenticateFlow",
    "BoxAuthenticationError",
    "BoxBadRequest",
    "BoxClient",
    "BoxConflict",
    "BoxError",
    "BoxNotFound",
    "BoxOAuthError",
    "BoxPermissionDenied",
    "BoxPreconditionFailed",
    "BoxRateLimited",
    "BoxServerError",
    "BoxSession",
    "BoxURLs",
    "CHUNKED_THRESHOLD",
    "ChunkedUploader",
    "Files",
    "Folders",
    "LoopbackReceiver",
    "Redirect",
    "UploadSessionInfo",
    "Users",
    "conflict_id",
    "login_with_browser",
    "BoxMalformedResponse",
]
