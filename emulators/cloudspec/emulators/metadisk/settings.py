"""Server settings: ``run("metadisk", settings={...})`` or ``--set key=value``.

Unknown keys are refused, so a typo fails at start-up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..box.settings import _convert, setting_text

__all__ = ["Settings", "setting_text"]


@dataclasses.dataclass(frozen=True)
class Settings:
    token_ttl: float = 300.0
    """Seconds a PUSH/PULL token (and a shard's farmer token) lives (the bridge: 5 minutes)."""
    nonce_ttl: float = 300.0
    """Seconds a used ``__nonce`` is remembered (the bridge's UserNonce TTL: 5 minutes)."""
    auto_activate: bool = False
    """Registered users start activated (no activation step)."""
    gb: int = 1024**3
    """Bytes per unit of a bucket's ``storage`` and ``transfer`` (GB); tests shrink it."""
    shard_size: int = 8 * 1024 * 1024
    """Bytes per shard in a download's pointer list (the bridge: 8 MiB)."""
    storage_dir: str | None = None
    """Parent of the directory holding file contents; None: the system temp directory."""

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Settings:
        fields = {field.name: field for field in dataclasses.fields(cls)}
        converted: dict[str, object] = {}
        for key, value in values.items():
            field = fields.get(key)
            if field is None:
                known = ", ".join(sorted(fields))
                raise ValueError(f"unknown metadisk setting {key!r}; known: {known}")
            try:
                converted[key] = _convert(str(field.type), value)
            except (TypeError, ValueError):
                raise ValueError(
                    f"metadisk setting {key}={value!r}: expected {field.type}"
                ) from None
        settings = cls(**converted)  # type: ignore[arg-type]
        if settings.token_ttl <= 0 or settings.nonce_ttl <= 0:
            raise ValueError("metadisk settings token_ttl and nonce_ttl must be > 0")
        if settings.gb <= 0 or settings.shard_size <= 0:
            raise ValueError("metadisk settings gb and shard_size must be > 0")
        return settings
