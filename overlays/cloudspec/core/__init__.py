"""What every cloudspec client shares: the client factory, retries, errors, pages, tokens.

Sync names are generated from the async ones (``_sync`` from ``_async``); both
families are exported here.
"""

from ._async.factory import build_async_client
from ._async.pagination import AsyncPaginator
from ._async.transports import AsyncDebugTransport, AsyncRetryTransport
from ._sync.factory import build_client
from ._sync.pagination import Paginator
from ._sync.transports import DebugTransport, RetryTransport
from .config import DEFAULT_TIMEOUT, USER_AGENT
from .debug import enable_debug_output
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    CloudspecError,
    ConflictError,
    IntegrityError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ServerError,
    TransportError,
)
from .pages import Page, PageInfo
from .redact import REDACTED, Redactor
from .retry import RetryPolicy, parse_retry_after
from .tokens import AsyncTokenStore, FileTokenStore, MemoryTokenStore, Token, TokenStore

# TimeoutError and ConnectionError shadow builtins: import them from cloudspec.core.errors.
__all__ = [
    "APIError",
    "AsyncDebugTransport",
    "AsyncPaginator",
    "AsyncRetryTransport",
    "AsyncTokenStore",
    "AuthenticationError",
    "BadRequestError",
    "CloudspecError",
    "ConflictError",
    "DEFAULT_TIMEOUT",
    "DebugTransport",
    "FileTokenStore",
    "IntegrityError",
    "MemoryTokenStore",
    "NotFoundError",
    "Page",
    "PageInfo",
    "Paginator",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "REDACTED",
    "RateLimitError",
    "Redactor",
    "RetryPolicy",
    "RetryTransport",
    "ServerError",
    "Token",
    "TokenStore",
    "TransportError",
    "USER_AGENT",
    "build_async_client",
    "build_client",
    "enable_debug_output",
    "parse_retry_after",
]
