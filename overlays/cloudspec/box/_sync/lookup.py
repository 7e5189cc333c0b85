# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Finding an item by name in a folder, by listing (search lags by minutes, listing does not)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cloudspec.box_api.api.files import get_files_id
from cloudspec.box_api.api.folders import get_folders_id_items

from .._bodies import opt
from ..errors import BoxMalformedResponse
from ..models import entries_of
from .http import BoxHTTP

__all__ = ["LOOKUP_FIELDS", "find_file", "find_item", "iter_folder_entries"]

# Enough to tell a file's content apart without a second call.
LOOKUP_FIELDS = "type,id,name,size,sha1,etag,sequence_id,file_version,modified_at"
_PAGE = 1000


def iter_folder_entries(
    http: BoxHTTP, folder_id: str, *, fields: str | None = LOOKUP_FIELDS, limit: int = _PAGE
) -> Iterator[dict[str, Any]]:
    """Every entry of a folder as JSON, with marker paging (no 10,000-offset ceiling)."""
    marker: str | None = None
    while True:
        kwargs = get_folders_id_items._get_kwargs(
            folder_id,
            fields=opt(fields),
            usemarker=True,
            marker=opt(marker),
            limit=limit,
        )
        data = http.json(kwargs)
        entries = entries_of(data)
        for entry in entries:
            yield entry
        previous, marker = marker, data.get("next_marker") or None
        if marker is None or not entries:
            return
        if not isinstance(marker, str) or marker == previous:  # no progress: never loop
            raise BoxMalformedResponse(
                f"Box sent the next_marker {str(marker)[:40]!r} again", status=200
            )


def find_item(
    http: BoxHTTP, name: str, folder_id: str, *, item_type: str | None = None
) -> dict[str, Any] | None:
    """The entry named ``name`` (exactly; else the one Box would call the same, ignoring case)."""
    folded: dict[str, Any] | None = None
    for entry in iter_folder_entries(http, folder_id):
        if item_type is not None and entry.get("type") != item_type:
            continue
        entry_name = entry.get("name")
        if entry_name == name:
            return entry
        if (
            folded is None
            and isinstance(entry_name, str)
            and entry_name.casefold() == name.casefold()
        ):
            folded = entry
    return folded


def find_file(
    http: BoxHTTP, name: str, *, folder_id: str | None = None, file_id: str | None = None
) -> dict[str, Any] | None:
    if file_id is not None:
        data: dict[str, Any] = http.json(get_files_id._get_kwargs(file_id, fields=LOOKUP_FIELDS))
        return data
    assert folder_id is not None
    return find_item(http, name, folder_id, item_type="file")
