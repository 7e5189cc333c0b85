"""Box's JSON shapes: mini and full forms of folders, files and users, and ``fields`` picking."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .state import File, Folder, Item, User, Version, ancestors, walk

FOLDER_MINI = ("type", "id", "sequence_id", "etag", "name")
FILE_MINI = ("type", "id", "file_version", "sequence_id", "etag", "sha1", "name")
USER_MINI = ("type", "id", "name", "login")


def parse_fields(raw: str | None) -> frozenset[str] | None:
    """``fields=a,b`` as a set; None when absent (every field is returned)."""
    if raw is None:
        return None
    return frozenset(name.strip() for name in raw.split(",") if name.strip())


def pick(
    full: dict[str, Any], mini_keys: Sequence[str], fields: frozenset[str] | None
) -> dict[str, Any]:
    """With ``fields``, Box returns the mini fields plus the requested ones only."""
    if fields is None:
        return full
    return {key: value for key, value in full.items() if key in mini_keys or key in fields}


def user_mini(user: User) -> dict[str, Any]:
    return {"type": "user", "id": user.id, "name": user.name, "login": user.login}


def user_full(user: User) -> dict[str, Any]:
    return {
        **user_mini(user),
        "created_at": user.created_at,
        "modified_at": user.created_at,
        "language": "en",
        "timezone": "UTC",
        "space_amount": user.space_amount,
        "space_used": user.space_used(),
        "max_upload_size": user.max_upload_size,
        "status": "active",
        "job_title": "",
        "phone": "",
        "address": "",
        "avatar_url": "",
        "notification_email": None,
    }


def folder_mini(folder: Folder) -> dict[str, Any]:
    # The root has no etag or sequence id on Box.
    return {
        "type": "folder",
        "id": folder.id,
        "sequence_id": None if folder.is_root else str(folder.sequence_id),
        "etag": None if folder.is_root else str(folder.etag),
        "name": folder.name,
    }


def version_mini(version: Version) -> dict[str, Any]:
    return {"type": "file_version", "id": version.id, "sha1": version.sha1}


def file_mini(file: File) -> dict[str, Any]:
    return {
        "type": "file",
        "id": file.id,
        "file_version": version_mini(file.current),
        "sequence_id": str(file.sequence_id),
        "etag": str(file.etag),
        "sha1": file.current.sha1,
        "name": file.name,
    }


def mini(item: Item) -> dict[str, Any]:
    return folder_mini(item) if isinstance(item, Folder) else file_mini(item)


def path_collection(item: Item) -> dict[str, Any]:
    chain = ancestors(item)
    return {"total_count": len(chain), "entries": [folder_mini(folder) for folder in chain]}


def _common(item: Item) -> dict[str, Any]:
    owner = user_mini(item.owner)
    return {
        "description": item.description,
        "path_collection": path_collection(item),
        "created_at": None if item.id == "0" else item.created_at,
        "modified_at": None if item.id == "0" else item.modified_at,
        "trashed_at": None,
        "purged_at": None,
        "content_created_at": item.created_at,
        "content_modified_at": item.modified_at,
        "created_by": owner,
        "modified_by": owner,
        "owned_by": owner,
        "shared_link": None,
        "parent": None if item.parent is None else folder_mini(item.parent),
        "item_status": "active",
    }


def folder_size(folder: Folder) -> int:
    return sum(item.current.size for item in walk(folder) if isinstance(item, File))


def folder_full(folder: Folder, item_collection: dict[str, Any] | None = None) -> dict[str, Any]:
    full = {
        **folder_mini(folder),
        **_common(folder),
        "size": folder_size(folder),
        "folder_upload_email": None,
    }
    if item_collection is not None:
        full["item_collection"] = item_collection
    return full


def file_full(file: File) -> dict[str, Any]:
    name = file.name
    return {
        **file_mini(file),
        **_common(file),
        "size": file.current.size,
        "version_number": str(len(file.versions)),
        "comment_count": 0,
        "extension": name.rsplit(".", 1)[1] if "." in name.strip(".") else "",
        "is_package": False,
        "lock": None,
    }


def full(item: Item) -> dict[str, Any]:
    """Full form as listings and search give it (folders without their item collection)."""
    return folder_full(item) if isinstance(item, Folder) else file_full(item)


def entry(item: Item, fields: frozenset[str] | None) -> dict[str, Any]:
    """A listing entry: the mini form, or with ``fields`` the mini form plus those fields."""
    if fields is None:
        return mini(item)
    keys = FOLDER_MINI if isinstance(item, Folder) else FILE_MINI
    return pick(full(item), keys, fields)


def item_fields(
    item: Item, full_form: dict[str, Any], fields: frozenset[str] | None
) -> dict[str, Any]:
    return pick(full_form, FOLDER_MINI if isinstance(item, Folder) else FILE_MINI, fields)


def files_list(files: Iterable[File], fields: frozenset[str] | None = None) -> dict[str, Any]:
    """``Files {total_count, entries}``, as uploads and commits answer."""
    entries = [pick(file_full(file), FILE_MINI, fields) for file in files]
    return {"total_count": len(entries), "entries": entries}
