"""Server settings: ``run("box", settings={...})`` or ``--set key=value`` on the command line.

Values arrive as Python objects from ``run()`` and as strings from the command line; both go
through :meth:`Settings.from_mapping`, which refuses unknown keys, so a typo fails at start-up
instead of silently running with the default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclasses.dataclass(frozen=True)
class Settings:
    access_token_ttl: float = 3600.0
    """Seconds an access token lives (Box: 60 minutes)."""
    refresh_token_ttl: float = 60 * 86400.0
    """Seconds a refresh token lives if unused (Box: 60 days)."""
    auth_code_ttl: float = 30.0
    """Seconds an authorization code may be exchanged (Box: 30 s)."""
    part_size: int = 8 * MiB
    """Part size of every upload session (Box commonly answers 8 MiB)."""
    chunked_min_size: int = 20 * MiB
    """Smallest ``file_size`` an upload session accepts (Box: 20 MiB)."""
    commit_accepted_first: bool = False
    """The first commit of each upload session answers 202 + Retry-After: 1."""
    page_limit_default: int = 100
    """``limit`` of folder listings when the request gives none."""
    storage_dir: str | None = None
    """Parent of the directory holding file contents; None: the system temp directory."""
    download_url_ttl: float = 900.0
    """Seconds a download URL (the 302 target) stays valid (Box: about 15 minutes)."""
    upload_session_ttl: float = 7 * 86400.0
    """Seconds an upload session lives (Box: 7 days); later requests get 410."""
    space_amount: int = 1024 * GiB
    """Storage quota of every user, in bytes."""
    max_upload_size: int = 50 * GiB
    """Largest file a user may upload, in bytes."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Settings:
        """Settings from ``values``; ValueError names an unknown key or a bad value."""
        fields = {field.name: field for field in dataclasses.fields(cls)}
        converted: dict[str, object] = {}
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(fields))
                raise ValueError(f"unknown box setting {key!r}; known: {known}")
            try:
                converted[key] = _convert(str(field.type), value)
            except (TypeError, ValueError):
                raise ValueError(f"box setting {key}={value!r}: expected {field.type}") from None
        settings = cls(**converted)  # type: ignore[arg-type]
        settings.check()
        return settings

    def check(self) -> None:
        if self.part_size <= 0:
            raise ValueError("box setting part_size must be positive")
        if self.chunked_min_size < 0 or self.page_limit_default <= 0:
            raise ValueError("box settings chunked_min_size and page_limit_default must be >= 0")


def setting_text(value: object) -> str:
    """How a value is spelled on the command line (``--set key=<text>``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _convert(kind: str, value: object) -> object:
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ValueError(text)
    if kind == "int":
        if isinstance(value, bool | float):
            raise TypeError(kind)
        return int(str(value).strip())
    if kind == "float":
        if isinstance(value, bool):
            raise TypeError(kind)
        return float(str(value).strip())
    # `str | None`: the empty string means "not set".
    text = str(value)
    return text or None
