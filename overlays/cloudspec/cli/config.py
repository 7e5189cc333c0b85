"""Credentials per service, from the environment or a config file; never echoed.

Each service's storage options (the keyword arguments of its fsspec filesystem) come from:

1. environment variables ``CLOUDSPEC_<SERVICE>_<OPTION>``, e.g. ``CLOUDSPEC_SMARTFILE_KEY``,
   ``CLOUDSPEC_SMARTFILE_PASSWORD``, ``CLOUDSPEC_BUTTFS_CLIENT_SECRET`` (these win);
2. a config file: ``--config PATH``, else ``$CLOUDSPEC_CONFIG``, else ``config.toml`` (or
   ``config.json``) in ``platformdirs.user_config_dir("cloudspec")``, with one table per
   service::

       [smartfile]
       key = "..."
       password = "..."
       base_url = "https://app.smartfile.com"

Secret values (any option whose name holds ``password``, ``secret``, ``token``, or is or
ends in ``key``, as SmartFile's API ``key`` and Metadisk's ``private_key``) are masked by
:func:`mask` in everything the command line prints.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

__all__ = [
    "SERVICES",
    "ConfigError",
    "default_config_path",
    "is_secret",
    "load_options",
    "mask",
    "masked_options",
]

# The options read from the environment, per service (the filesystems' keyword arguments).
SERVICES: Mapping[str, tuple[str, ...]] = {
    "smartfile": ("key", "password", "base_url", "timeout"),
    "buttfs": ("base_url", "client_id", "client_secret", "username", "password"),
    "box": (
        "access_token",
        "refresh_token",
        "client_id",
        "client_secret",
        "api_url",
        "upload_url",
        "account_url",
        "timeout",
    ),
    "metadisk": ("private_key", "url", "timeout"),
}
_FLOATS = frozenset({"timeout"})
_SECRET_MARKS = ("password", "secret", "token", "private_key")
MASK = "****"


class ConfigError(Exception):
    """The config file cannot be read (a usage error: exit code 2)."""


def is_secret(option: str) -> bool:
    """Whether an option (or an environment variable) holds a secret: API keys included."""
    name = option.lower()
    return name == "key" or name.endswith("_key") or any(m in name for m in _SECRET_MARKS)


def default_config_path() -> Path:
    """``$CLOUDSPEC_CONFIG``, else ``config.toml`` (or an existing ``config.json``) in the
    platform's config directory for cloudspec."""
    env = os.environ.get("CLOUDSPEC_CONFIG")
    if env:
        return Path(env)
    directory = Path(platformdirs.user_config_dir("cloudspec"))
    json_path = directory / "config.json"
    toml_path = directory / "config.toml"
    return json_path if json_path.exists() and not toml_path.exists() else toml_path


def _read_file(path: Path, explicit: bool) -> dict[str, Any]:
    if not path.exists():
        if explicit:
            raise ConfigError(f"config file not found: {path}")
        return {}
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        # Not the parser's message: it may quote a line of the file, secrets included.
        raise ConfigError(f"cannot read config file {path}: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {path}: expected a table per service")
    return data


def load_options(
    service: str, config: Path | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The storage options for ``service``: the config file's table, then the environment."""
    environ = os.environ if environ is None else environ
    path = config if config is not None else default_config_path()
    section = _read_file(path, explicit=config is not None).get(service, {})
    if not isinstance(section, dict):
        raise ConfigError(f"config file {path}: [{service}] is not a table")
    options: dict[str, Any] = dict(section)
    for option in SERVICES[service]:
        value = environ.get(f"CLOUDSPEC_{service.upper()}_{option.upper()}")
        if value is not None:
            options[option] = value
    for option in _FLOATS & options.keys():
        try:
            options[option] = float(options[option])
        except (TypeError, ValueError):
            raise ConfigError(f"{service}.{option} must be a number") from None
    return options


def masked_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """``options`` with every secret value replaced by ``****``."""
    return {k: (MASK if is_secret(k) else v) for k, v in options.items()}


def mask(text: str, options: Mapping[str, Any]) -> str:
    """``text`` with every secret value of ``options`` in it replaced by ``****``."""
    secrets = sorted(
        (str(v) for k, v in options.items() if is_secret(k) and v not in (None, "")),
        key=len,
        reverse=True,
    )
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text
