"""SmartFile: the original client's ``BasicClient`` and ``OAuthClient`` (generic calls,
credentials from arguments, environment or netrc, the three-legged OAuth 1.0a flow) with its
error names, plus typed helpers and async twins (``AsyncBasicClient``, ``AsyncOAuthClient``).

Code written for the original runs after changing ``from smartfile import ...`` to
``from cloudspec.smartfile import ...``.
"""

from ._async.client import (
    DEFAULT_RETRY,
    DEFAULT_TIMEOUT,
    AsyncBasicClient,
    AsyncClient,
    AsyncOAuthClient,
)
from ._async.stream import AsyncResponseStream
from ._sync.client import BasicClient, Client, OAuthClient
from ._sync.stream import ResponseStream
from .auth import OAuth1Auth
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ConnectionError,
    ContentDecodingError,
    MalformedResponseError,
    NotFoundError,
    PartialFailure,
    PermissionDeniedError,
    PreconditionFailedError,
    RangeNotSatisfiableError,
    RateLimitError,
    RequestError,
    ResponseError,
    ServerError,
    TaskError,
    TaskFailed,
    TaskTimeout,
    ThrottledError,
    TimeoutError,
)
from .tokens import OAuthToken

__all__ = [
    "DEFAULT_RETRY",
    "DEFAULT_TIMEOUT",
    "APIError",
    "AsyncBasicClient",
    "AsyncClient",
    "AsyncOAuthClient",
    "AsyncResponseStream",
    "AuthenticationError",
    "BadRequestError",
    "BasicClient",
    "Client",
    "ConflictError",
    "ConnectionError",
    "ContentDecodingError",
    "NotFoundError",
    "OAuth1Auth",
    "OAuthClient",
    "OAuthToken",
    "PartialFailure",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RangeNotSatisfiableError",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "ResponseStream",
    "ServerError",
    "TaskError",
    "TaskFailed",
    "TaskTimeout",
    "ThrottledError",
    "TimeoutError",
    "MalformedResponseError",
]
