"""Defaults every client shares."""

from __future__ import annotations

import platform
import ssl
from importlib import metadata

import httpx

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "TimeoutTypes",
    "VerifyTypes",
    "version",
]

# Connect fails fast; reads may wait on a slow server or a big page.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)

TimeoutTypes = float | httpx.Timeout | tuple[float | None, float | None, float | None, float | None]
# True (the default: the system's trust store, via certifi), a CA bundle path, an SSLContext;
# False turns verification off and warns.
VerifyTypes = bool | str | ssl.SSLContext


def version() -> str:
    try:
        return metadata.version("cloudspec")
    except metadata.PackageNotFoundError:
        return "0+unknown"


USER_AGENT = (
    f"cloudspec/{version()} httpx/{httpx.__version__} "
    f"{platform.python_implementation()}/{platform.python_version()}"
)
