"""Server settings: ``run("smartfile", settings={...})`` or ``--set key=value``.

Unknown keys are refused, so a typo fails at start-up. The credential settings override the
seed's (and the seed's override the built-in demo pairs of :mod:`.seed`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..box.settings import _convert, setting_text

__all__ = ["MAX_PER_PAGE", "Settings", "setting_text"]

MAX_PER_PAGE = 1000


@dataclasses.dataclass(frozen=True)
class Settings:
    task_seconds: float = 0.2
    """Seconds a task stays PENDING, then as many in PROGRESS, before it finishes."""
    per_page: int = 100
    """Page size of directory listings and lists when the request gives no ``limit``."""
    timestamp_skew: float = 300.0
    """Largest difference (s) between an OAuth ``oauth_timestamp`` and the server's clock."""
    api_key: str | None = None
    """Basic user name (the API key); None: the seed's."""
    api_password: str | None = None
    """Basic password (the API password); None: the seed's."""
    client_token: str | None = None
    """OAuth 1.0a client (consumer) key; None: the seed's."""
    client_secret: str | None = None
    """OAuth 1.0a client (consumer) secret; None: the seed's."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Settings:
        fields = {field.name: field for field in dataclasses.fields(cls)}
        converted: dict[str, object] = {}
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(fields))
                raise ValueError(f"unknown smartfile setting {key!r}; known: {known}")
            try:
                converted[key] = _convert(str(field.type), value)
            except (TypeError, ValueError):
                raise ValueError(
                    f"smartfile setting {key}={value!r}: expected {field.type}"
                ) from None
        settings = cls(**converted)  # type: ignore[arg-type]
        if settings.task_seconds < 0 or settings.timestamp_skew <= 0:
            raise ValueError("smartfile settings: task_seconds >= 0, timestamp_skew > 0")
        if not 0 < settings.per_page <= MAX_PER_PAGE:
            raise ValueError(f"smartfile setting per_page must be in 1..{MAX_PER_PAGE}")
        return settings
