"""How a PATCH changes an object: kinto-http's three patch types, by content type.

* :class:`BasicPatch` (``application/json``): shallow merge of ``data``; ``None`` stores null.
* :class:`MergePatch` (``application/merge-patch+json``, RFC 7396): recursive; ``None`` deletes.
* :class:`JSONPatch` (``application/json-patch+json``, RFC 6902): a list of operations on
  ``/data/...`` and ``/permissions/<perm>/<principal>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = ["BasicPatch", "JSONPatch", "MergePatch", "PatchType"]


def _copy_mapping(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else dict(value)


@attrs.frozen
class BasicPatch:
    data: dict[str, Any] | None = attrs.field(default=None, converter=_copy_mapping)
    permissions: dict[str, Any] | None = attrs.field(default=None, converter=_copy_mapping)

    content_type = "application/json"

    @property
    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if self.data is not None:
            body["data"] = self.data
        if self.permissions is not None:
            body["permissions"] = self.permissions
        return body


@attrs.frozen
class MergePatch(BasicPatch):
    content_type = "application/merge-patch+json"


def _operations(value: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    ops = tuple(dict(op) for op in value)
    for op in ops:
        if not isinstance(op.get("op"), str) or not isinstance(op.get("path"), str):
            raise ValueError(f"a JSON Patch operation needs 'op' and 'path': {op!r}")
    return ops


@attrs.frozen
class JSONPatch:
    operations: tuple[dict[str, Any], ...] = attrs.field(converter=_operations)

    content_type = "application/json-patch+json"

    @property
    def body(self) -> list[dict[str, Any]]:
        return list(self.operations)


PatchType = BasicPatch | MergePatch | JSONPatch
