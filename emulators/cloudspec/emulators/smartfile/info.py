"""The path info object (reference §2.3) of a file or directory."""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import quote

from .state import State, timestamp
from .tree import Node

FULL_ACL = {"list": True, "read": True, "write": True, "remove": True}


def info_url(state: State, path: str) -> str:
    return state.api_url("/api/2/path/info/" + quote(path.lstrip("/"), safe="/"))


def info(state: State, node: Node) -> dict[str, Any]:
    path = node.path
    return {
        "id": node.id,
        "name": node.name,
        "path": path,
        "url": info_url(state, path),
        "isdir": node.isdir,
        "isfile": not node.isdir,
        "size": node.size(),
        "items": len(node.children) if node.children is not None else 0,
        "mime": node.mime(),
        "extension": "" if node.isdir else posixpath.splitext(node.name)[1],
        "time": timestamp(node.mtime),
        "acl": dict(FULL_ACL),
        "attributes": {},
        "tags": [],
        "owner": None,
    }
