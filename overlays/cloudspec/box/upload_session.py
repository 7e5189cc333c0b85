"""What a caller keeps of an upload session to resume it later (shared by both clients)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["UploadSessionInfo"]


@attrs.frozen(kw_only=True)
class UploadSessionInfo:
    """What a caller persists to resume an upload in another process: the id is enough."""

    id: str
    part_size: int
    total_parts: int
    endpoints: Mapping[str, str] = attrs.field(repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UploadSessionInfo:
        endpoints = data.get("session_endpoints") or {}
        return cls(
            id=str(data["id"]),
            part_size=int(data["part_size"]),
            total_parts=int(data["total_parts"]),
            endpoints={k: str(v) for k, v in endpoints.items() if isinstance(v, str)},
        )
