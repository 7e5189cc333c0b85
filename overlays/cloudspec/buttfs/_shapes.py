"""ButtFS answers checked for shape before the objects layer reads them: an object where an
object belongs, a list of objects where a list belongs. Anything else is
:class:`~cloudspec.buttfs.errors.MalformedResponse` (a ``ButtFSServerError`` and a core
``MalformedResponseError``), never a ``TypeError`` or ``AttributeError`` later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cloudspec.core.parsing import malformed

from .errors import MalformedResponse

__all__ = ["as_object", "as_objects", "items_of"]


def as_object(value: Any, what: str = "object") -> dict[str, Any]:
    """A copy of ``value``, which must be a JSON object."""
    if not isinstance(value, Mapping):
        raise malformed(
            f"ButtFS sent a {type(value).__name__} where the {what} object belongs",
            data=value,
            error=MalformedResponse,
        )
    return dict(value)


def as_objects(value: Any, what: str = "object") -> list[dict[str, Any]]:
    """``value`` (``None``: empty), which must be a list of JSON objects."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise malformed(
            f"ButtFS sent a {type(value).__name__} where a list of {what}s belongs",
            data=value,
            error=MalformedResponse,
        )
    return [as_object(item, what) for item in value]


def items_of(result: Any) -> list[dict[str, Any]]:
    """The ``items`` of a listing's result."""
    return as_objects(as_object(result, "listing").get("items"), "item")
