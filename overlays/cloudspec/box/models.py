"""The typed values the Box clients return: the generated attrs models, under short names.

Models are lenient (unknown fields land in ``additional_properties``); a body that does not
fit even so raises :class:`~cloudspec.box.errors.BoxMalformedResponse` (a ``BoxError``), never a
bare ``KeyError``.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from cloudspec.box_api.models import (
    File,
    Folder,
    FolderMini,
    UploadSession,
    UploadUrl,
    User,
    UserMini,
    WebLink,
)
from cloudspec.box_api.types import Unset
from cloudspec.core.parsing import parse as _core_parse

from .errors import BoxMalformedResponse

__all__ = [
    "File",
    "Folder",
    "FolderMini",
    "Item",
    "UploadSession",
    "UploadUrl",
    "User",
    "UserMini",
    "WebLink",
    "entries_of",
    "item_from_dict",
    "parse",
    "sha1_of",
    "size_of",
    "version_id",
]

Item = File | Folder | WebLink

M = TypeVar("M", covariant=True)


class _Model(Protocol[M]):
    @classmethod
    def from_dict(cls, src_dict: Any) -> M: ...


def parse(model: type[_Model[M]], data: Any) -> M:
    """``model.from_dict(data)``, with a typed error for a body that does not fit."""
    return _core_parse(model, data, error=BoxMalformedResponse)


_ITEMS: dict[str, type[_Model[Any]]] = {"file": File, "folder": Folder, "web_link": WebLink}


def entries_of(data: Any) -> list[dict[str, Any]]:
    """The ``entries`` of a listing or search page: a list of objects (none when absent)."""
    entries = data.get("entries") if isinstance(data, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise BoxMalformedResponse(
            f"Box sent entries that are not a list of objects ({type(entries).__name__})",
            status=200,
        )
    return entries


def item_from_dict(data: Any) -> Item:
    """A folder entry or search result, by its ``type``."""
    kind = data.get("type") if isinstance(data, dict) else None
    model = _ITEMS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise BoxMalformedResponse(
            f"Box sent an item of unknown type {str(kind)[:40]!r}", status=200
        )
    item: Item = parse(model, data)
    return item


def size_of(file: File) -> int | None:
    return None if isinstance(file.size, Unset) else file.size


def sha1_of(file: File) -> str | None:
    return None if isinstance(file.sha1, Unset) else file.sha1


def version_id(file: File) -> str | None:
    version = file.file_version
    if isinstance(version, Unset) or isinstance(version.id, Unset):
        return None
    return version.id
