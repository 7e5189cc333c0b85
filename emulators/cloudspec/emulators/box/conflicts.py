"""409 ``item_name_in_use``: Box names are unique per folder, ignoring case.

The answer's ``context_info.conflicts`` differs by endpoint, and clients depend on it (they read
the existing item's id from it): an ARRAY of minis for folder create and for copies, moves and
renames, a single OBJECT (a file mini with ``sha1`` and ``file_version``) for uploads, preflight
and upload sessions.
"""

from __future__ import annotations

from .asgi import BoxError
from .render import mini
from .state import Folder, Item


def _name_in_use(conflicts: object) -> BoxError:
    return BoxError(
        409,
        "item_name_in_use",
        "Item with the same name already exists",
        context_info={"conflicts": conflicts},
    )


def check_folder_conflict(parent: Folder, name: str) -> None:
    existing = parent.children.get(name.casefold())
    if existing is not None:
        raise _name_in_use([mini(existing)])


def check_file_conflict(parent: Folder, name: str) -> None:
    existing = parent.children.get(name.casefold())
    if existing is not None:
        raise _name_in_use(mini(existing))


def check_move_conflict(parent: Folder, name: str, moving: Item | None = None) -> None:
    """For copy, move and rename; ``moving`` may keep its own name (a change of case)."""
    existing = parent.children.get(name.casefold())
    if existing is not None and existing is not moving:
        raise _name_in_use([mini(existing)])
