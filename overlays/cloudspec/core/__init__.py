"""What every cloudspec client shares: the client factory, retries (and their budget), errors,
pages, tokens, refreshing OAuth 2 auth and the chunked upload engine.

Sync names are generated from the async ones (``_sync`` from ``_async``); both
families are exported here.
"""

from ._async.chunked import async_upload_parts
from ._async.factory import build_async_client
from ._async.oauth2 import AsyncRefreshingAuth
from ._async.pagination import AsyncPaginator
from ._async.redis_store import AsyncRedisTokenStore
from ._async.transports import AsyncDebugTransport, AsyncRetryTransport
from ._sync.chunked import upload_parts
from ._sync.factory import build_client
from ._sync.oauth2 import RefreshingAuth
from ._sync.pagination import Paginator
from ._sync.redis_store import RedisTokenStore
from ._sync.transports import DebugTransport, RetryTransport
from .budget import BudgetState, PerClientBudget, RetryBudget, retry_budget_of
from .config import DEFAULT_TIMEOUT, USER_AGENT
from .debug import enable_debug_output
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    CloudspecError,
    ConflictError,
    IntegrityError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ResendRequiredError,
    ResponseTooLargeError,
    ServerError,
    TransportError,
    UnsafeFileNameError,
)
from .pages import Page, PageInfo
from .parts import PartSpec, PartsResult, plan_parts
from .redact import REDACTED, Redactor
from .retry import RetryPolicy, parse_retry_after
from .tokens import (
    AsyncLockingTokenStore,
    AsyncStoreAdapter,
    AsyncTokenStore,
    FileTokenStore,
    LockingTokenStore,
    MemoryTokenStore,
    Token,
    TokenStore,
)

# TimeoutError and ConnectionError shadow builtins: import them from cloudspec.core.errors.
__all__ = [
    "APIError",
    "AsyncDebugTransport",
    "AsyncLockingTokenStore",
    "AsyncPaginator",
    "AsyncRedisTokenStore",
    "AsyncRefreshingAuth",
    "AsyncRetryTransport",
    "AsyncStoreAdapter",
    "AsyncTokenStore",
    "AuthenticationError",
    "BadRequestError",
    "BudgetState",
    "CloudspecError",
    "ConflictError",
    "DEFAULT_TIMEOUT",
    "DebugTransport",
    "FileTokenStore",
    "IntegrityError",
    "MalformedResponseError",
    "LockingTokenStore",
    "MemoryTokenStore",
    "NotFoundError",
    "Page",
    "PageInfo",
    "Paginator",
    "PartSpec",
    "PartsResult",
    "PerClientBudget",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "REDACTED",
    "RateLimitError",
    "Redactor",
    "RedisTokenStore",
    "RefreshingAuth",
    "ResendRequiredError",
    "ResponseTooLargeError",
    "RetryBudget",
    "RetryPolicy",
    "RetryTransport",
    "ServerError",
    "Token",
    "TokenStore",
    "TransportError",
    "UnsafeFileNameError",
    "USER_AGENT",
    "async_upload_parts",
    "build_async_client",
    "build_client",
    "enable_debug_output",
    "parse_retry_after",
    "plan_parts",
    "retry_budget_of",
    "upload_parts",
]
