"""Server settings: ``run("buttfs", settings={...})`` or ``--set key=value``.

Unknown keys are refused, so a typo fails at start-up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..box.settings import _convert, setting_text

__all__ = ["Settings", "setting_text"]


@dataclasses.dataclass(frozen=True)
class Settings:
    date_skew: float = 900.0
    """Seconds a signed request's ``Date`` may differ from the server clock (±)."""
    token_ttl: float = 3600.0
    """Seconds an access token lives."""
    storage_limit: int = 0
    """``X-BCS-Account-Storage-Limit`` in bytes; 0 sends the literal ``None`` (no limit)."""
    storage_dir: str | None = None
    """Parent of the directory holding file contents; None: the system temp directory."""
    download_redirect: bool = False
    """``GET /v2/files{path}`` answers 302 to a signed URL on the same host."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Settings:
        fields = {field.name: field for field in dataclasses.fields(cls)}
        converted: dict[str, object] = {}
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(fields))
                raise ValueError(f"unknown buttfs setting {key!r}; known: {known}")
            try:
                converted[key] = _convert(str(field.type), value)
            except (TypeError, ValueError):
                raise ValueError(f"buttfs setting {key}={value!r}: expected {field.type}") from None
        settings = cls(**converted)  # type: ignore[arg-type]
        if settings.date_skew < 0 or settings.token_ttl <= 0 or settings.storage_limit < 0:
            raise ValueError("buttfs settings date_skew, token_ttl, storage_limit must be >= 0")
        return settings
