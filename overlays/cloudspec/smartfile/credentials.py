"""Where the clients find their URL and credentials, in the original client's order.

Basic: the arguments, then ``SMARTFILE_API_KEY`` / ``SMARTFILE_API_PASSWORD``, then a netrc
file (``~/.netrc`` unless ``netrcfile`` is given) whose ``machine`` is the API URL's host
*with its port* (``127.0.0.1:8000``), falling back to a ``default`` entry; each source fills
only what is still missing. OAuth: the arguments, then ``SMARTFILE_CLIENT_TOKEN``,
``SMARTFILE_CLIENT_SECRET``, ``SMARTFILE_ACCESS_TOKEN``, ``SMARTFILE_ACCESS_SECRET``.
The URL: the argument, then ``SMARTFILE_API_URL``, then ``https://app.smartfile.com/``.

Keys and secrets must be at least 30 characters once stripped (the service's are exactly 30),
else :class:`~cloudspec.smartfile.errors.APIError` with the original's message.
"""

from __future__ import annotations

import netrc
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from .errors import APIError

__all__ = [
    "DEFAULT_URL",
    "MISSING_CREDENTIALS",
    "basic_credentials",
    "base_url",
    "clean_tokens",
    "oauth_client_credentials",
    "oauth_access_credentials",
]

DEFAULT_URL = "https://app.smartfile.com/"
MIN_LENGTH = 30
MISSING_CREDENTIALS = (
    "Please provide an API key and password. Use arguments or environment variables."
)
MISSING_CLIENT = (
    "Please provide an OAuth client token and secret. Use arguments or environment variables."
)
MISSING_ACCESS = "You must obtain an access token before you can make API calls."


def base_url(url: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The site root, always ending in ``/`` (the original needed it typed that way)."""
    env = os.environ if environ is None else environ
    chosen = url or env.get("SMARTFILE_API_URL") or DEFAULT_URL
    return chosen if chosen.endswith("/") else chosen + "/"


def clean_tokens(*values: str | None, message: str = MISSING_CREDENTIALS) -> tuple[str, ...]:
    """The values stripped, or APIError when one is missing or shorter than 30 characters."""
    cleaned = tuple((value or "").strip() for value in values)
    if any(len(value) < MIN_LENGTH for value in cleaned):
        raise APIError(message)
    return cleaned


def _from_netrc(netrcfile: str | os.PathLike[str] | None, host: str) -> tuple[str, str] | None:
    try:
        found = netrc.netrc(os.fspath(netrcfile) if netrcfile is not None else None)
        entry = found.authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None  # a missing or broken netrc is no source, as in the original
    if entry is None:
        return None
    login, account, password = entry
    return (login or account or "", password or "")


def basic_credentials(
    key: str | None,
    password: str | None,
    *,
    url: str,
    netrcfile: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """The API key and password for ``url`` (the site root)."""
    env = os.environ if environ is None else environ
    if key is None:
        key = env.get("SMARTFILE_API_KEY")
    if password is None:
        password = env.get("SMARTFILE_API_PASSWORD")
    if key is None or password is None:
        found = _from_netrc(netrcfile, urlsplit(url).netloc)
        if found is not None:
            key = found[0] if key is None else key
            password = found[1] if password is None else password
    cleaned_key, cleaned_password = clean_tokens(key, password)
    return cleaned_key, cleaned_password


def oauth_client_credentials(
    token: str | None, secret: str | None, environ: Mapping[str, str] | None = None
) -> tuple[str, str]:
    env = os.environ if environ is None else environ
    token = token if token is not None else env.get("SMARTFILE_CLIENT_TOKEN")
    secret = secret if secret is not None else env.get("SMARTFILE_CLIENT_SECRET")
    cleaned_token, cleaned_secret = clean_tokens(token, secret, message=MISSING_CLIENT)
    return cleaned_token, cleaned_secret


def oauth_access_credentials(
    token: str | None, secret: str | None, environ: Mapping[str, str] | None = None
) -> tuple[str, str] | None:
    """The access pair if both are usable, else None: as in the original, a missing or
    invalid pair never stops the client from being made (it can still run the three-legged
    flow); calls are refused with ``MISSING_ACCESS`` until it has a pair."""
    env = os.environ if environ is None else environ
    token = token if token is not None else env.get("SMARTFILE_ACCESS_TOKEN")
    secret = secret if secret is not None else env.get("SMARTFILE_ACCESS_SECRET")
    cleaned = ((token or "").strip(), (secret or "").strip())
    if any(len(value) < MIN_LENGTH for value in cleaned):
        return None
    return cleaned
