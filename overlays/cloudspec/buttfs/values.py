"""ButtFS values with no network access: ``Path``, the enum values, the metadata properties
shared by the sync and async item classes, and ``User``.

The item classes themselves (``Folder``/``AsyncFolder``...) live in ``_async/objects.py`` and
its generated sync twin; their properties come from :class:`ItemData` / :class:`FileData` here,
with the original SDK's rules: ``id``, ``type``, ``is_mirrored``, ``extension`` and ``size``
cannot be set (``OperationNotAllowed``); ``name``, the three dates, ``application_data`` (a dict
or a JSON object string) and a file's ``mime`` can, and are sent by ``save()``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, overload

from ._shapes import as_object
from .errors import InvalidArgument, MethodNotImplemented, OperationNotAllowed

__all__ = [
    "ExistValues",
    "FileData",
    "ItemData",
    "Path",
    "RestoreValue",
    "User",
    "VersionConflictValue",
]


class ExistValues:
    """``exists`` values: what to do when the target name is taken."""

    overwrite = "overwrite"
    fail = "fail"
    rename = "rename"
    reuse = "reuse"


class VersionConflictValue:
    """``version-conflict`` values for ``save()``."""

    fail = "fail"
    ignore = "ignore"


class RestoreValue:
    """Restore modes for items in the trash."""

    fail = "fail"
    rescue = "rescue"
    recreate = "recreate"


class Path:
    """An ID path: the ids of the folders leading to an item and the item's own id.

    ``str(Path(["a", "b"]))`` is ``/a/b``; the root is ``/``. Indexing gives an id, slicing a
    ``Path``.
    """

    def __init__(self, parts: Iterable[str] = ()) -> None:
        self._parts: list[str] = []
        for part in parts:
            self._parts += [p for p in str(part).split("/") if p]

    @staticmethod
    def path_from_string(path: str) -> Path:
        return Path(p for p in path.split("/") if p)

    @staticmethod
    def path_from_string_list(parts: Iterable[str]) -> Path:
        return Path(parts)

    @staticmethod
    def path_from_item_list(items: Iterable[Any]) -> Path:
        return Path(str(item.id) for item in items)

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self._parts)

    def append(self, item_or_id: Any) -> Path:
        """Append an id (or an item's ``id``); returns ``self``."""
        value = item_or_id if isinstance(item_or_id, str) else getattr(item_or_id, "id", None)
        if not isinstance(value, str) or not value:
            raise InvalidArgument(f"cannot append {item_or_id!r} to a Path")
        self._parts += [p for p in value.split("/") if p]
        return self

    def copy(self) -> Path:
        return Path(self._parts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Path: ...

    def __getitem__(self, index: int | slice) -> str | Path:
        if isinstance(index, slice):
            return Path(self._parts[index])
        return self._parts[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def __str__(self) -> str:
        return "/" + "/".join(self._parts)

    def __repr__(self) -> str:
        return f"Path({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Path):
            return self._parts == other._parts
        if isinstance(other, str):
            return str(self) == str(Path.path_from_string(other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._parts))


def _settable_date(value: float | int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidArgument("dates are seconds since the epoch")
    return float(value)


class ItemData:
    """Metadata of a file or folder, with local changes kept until ``save()``."""

    def __init__(
        self, data: Mapping[str, Any], parent_path: Path | None = None, in_trash: bool = False
    ) -> None:
        self._data: dict[str, Any] = as_object(data, "item")
        self._changes: dict[str, Any] = {}
        self._parent_path = parent_path.copy() if parent_path is not None else Path()
        self._in_trash = in_trash
        self._last_updated = time.time()

    def _apply(self, meta: Mapping[str, Any]) -> None:
        self._data = dict(meta)
        self._changes = {}
        self._last_updated = time.time()

    def _get(self, key: str) -> Any:
        return self._changes.get(key, self._data.get(key))

    @property
    def data(self) -> dict[str, Any]:
        """The metadata as last received (local changes not included)."""
        return dict(self._data)

    @property
    def changes(self) -> dict[str, Any]:
        """The local changes ``save()`` will send."""
        return dict(self._changes)

    @property
    def id(self) -> str:
        return str(self._data.get("id", ""))

    @id.setter
    def id(self, value: str) -> None:
        raise OperationNotAllowed("an item's id cannot be changed")

    @property
    def type(self) -> str:
        return str(self._data.get("type", ""))

    @type.setter
    def type(self, value: str) -> None:
        raise OperationNotAllowed("an item's type cannot be changed")

    @property
    def is_mirrored(self) -> bool:
        return bool(self._data.get("is_mirrored", False))

    @is_mirrored.setter
    def is_mirrored(self, value: bool) -> None:
        raise OperationNotAllowed("is_mirrored cannot be changed")

    @property
    def name(self) -> str:
        return str(self._get("name") or "")

    @name.setter
    def name(self, value: str) -> None:
        if not isinstance(value, str) or not value:
            raise InvalidArgument("a name is a non-empty string")
        self._changes["name"] = value

    @property
    def version(self) -> int:
        return int(self._data.get("version") or 0)

    @property
    def parent_id(self) -> str | None:
        value = self._data.get("parent_id")
        return str(value) if value is not None else None

    @property
    def date_created(self) -> float | None:
        value = self._get("date_created")
        return float(value) if value is not None else None

    @date_created.setter
    def date_created(self, value: float) -> None:
        self._changes["date_created"] = _settable_date(value)

    @property
    def date_meta_last_modified(self) -> float | None:
        value = self._get("date_meta_last_modified")
        return float(value) if value is not None else None

    @date_meta_last_modified.setter
    def date_meta_last_modified(self, value: float) -> None:
        self._changes["date_meta_last_modified"] = _settable_date(value)

    @property
    def date_content_last_modified(self) -> float | None:
        value = self._get("date_content_last_modified")
        return float(value) if value is not None else None

    @date_content_last_modified.setter
    def date_content_last_modified(self, value: float) -> None:
        self._changes["date_content_last_modified"] = _settable_date(value)

    @property
    def application_data(self) -> dict[str, Any]:
        value = self._get("application_data")
        return dict(value) if isinstance(value, dict) else {}

    @application_data.setter
    def application_data(self, value: Mapping[str, Any] | str) -> None:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise InvalidArgument("application_data must be a JSON object") from None
        if not isinstance(value, Mapping):
            raise InvalidArgument("application_data must be a dict or a JSON object")
        self._changes["application_data"] = dict(value)

    @property
    def in_trash(self) -> bool:
        return self._in_trash

    def path(self) -> Path:
        """The item's ID path (in the trash: ``/<id>``)."""
        if self._in_trash:
            return Path([self.id])
        return self._parent_path.copy().append(self.id) if self.id else Path()

    def url(self) -> str:
        return str(self.path())

    def last_updated(self) -> float:
        """When the metadata was last received (seconds since the epoch)."""
        return self._last_updated

    def age(self) -> float:
        """Seconds since the metadata was last received."""
        return time.time() - self._last_updated

    def history(self) -> None:
        raise MethodNotImplemented("item history is not implemented (see get_history)")

    def _form_changes(self) -> dict[str, Any]:
        form: dict[str, Any] = {}
        for key, value in self._changes.items():
            form[key] = json.dumps(value) if key == "application_data" else value
        return form

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ItemData):
            return self.id == other.id
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, path={str(self.path())!r})"


class FileData(ItemData):
    """File metadata: ``extension`` and ``size`` are read-only, ``mime`` is settable."""

    @property
    def extension(self) -> str:
        return str(self._data.get("extension") or "")

    @extension.setter
    def extension(self, value: str) -> None:
        raise OperationNotAllowed("the extension follows the name: rename the file instead")

    @property
    def mime(self) -> str:
        return str(self._get("mime") or "")

    @mime.setter
    def mime(self, value: str) -> None:
        self._changes["mime"] = value

    @property
    def size(self) -> int:
        return int(self._data.get("size") or 0)

    @size.setter
    def size(self, value: int) -> None:
        raise OperationNotAllowed("a file's size cannot be set")


class User:
    """The user profile: read-only (``email``/``first_name``/``last_name``/``save``: not
    implemented, as in the original; the rest: ``OperationNotAllowed``)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = as_object(data, "user")

    @property
    def data(self) -> dict[str, Any]:
        return dict(self._data)

    @property
    def email(self) -> str:
        return str(self._data.get("email") or "")

    @email.setter
    def email(self, value: str) -> None:
        raise MethodNotImplemented("changing the email is not implemented")

    @property
    def first_name(self) -> str:
        return str(self._data.get("first_name") or "")

    @first_name.setter
    def first_name(self, value: str) -> None:
        raise MethodNotImplemented("changing the first name is not implemented")

    @property
    def last_name(self) -> str:
        return str(self._data.get("last_name") or "")

    @last_name.setter
    def last_name(self, value: str) -> None:
        raise MethodNotImplemented("changing the last name is not implemented")

    @property
    def id(self) -> str:
        return str(self._data.get("id", ""))

    @id.setter
    def id(self, value: str) -> None:
        raise OperationNotAllowed("a user's id cannot be changed")

    @property
    def username(self) -> str:
        return str(self._data.get("username", ""))

    @username.setter
    def username(self, value: str) -> None:
        raise OperationNotAllowed("a username cannot be changed")

    @property
    def last_login(self) -> int:
        """Milliseconds since the epoch."""
        return int(self._data.get("last_login") or 0)

    @last_login.setter
    def last_login(self, value: int) -> None:
        raise OperationNotAllowed("last_login cannot be changed")

    @property
    def created_at(self) -> int:
        """Milliseconds since the epoch."""
        return int(self._data.get("created_at") or 0)

    @created_at.setter
    def created_at(self, value: int) -> None:
        raise OperationNotAllowed("created_at cannot be changed")

    def save(self) -> None:
        raise MethodNotImplemented("saving a user is not implemented")

    def __repr__(self) -> str:
        return f"User(username={self.username!r})"
