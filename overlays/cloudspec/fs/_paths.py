"""Path and info-dict helpers shared by the cloudspec filesystems.

Every cloudspec filesystem names objects by absolute POSIX paths (``/reports/q4.csv``; the
root is ``/``), whatever the service uses underneath (ButtFS's item ids, Box's folder ids):
the same URL then names the same object in every tool that reads it through fsspec.
"""

from __future__ import annotations

import posixpath
from typing import Any

__all__ = ["dir_info", "file_info", "join", "normalize", "parent", "split", "strip_protocol"]


def normalize(path: str) -> str:
    """``path`` as an absolute path without a trailing slash (``"/"`` for the root);
    ``.`` segments and repeated slashes go, and ``..`` is refused (it would let a URL name
    something outside the place its text suggests)."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    if ".." in parts:
        raise ValueError(f"'..' is not allowed in a path: {path!r}")
    return "/" + "/".join(parts)


def strip_protocol(path: str, protocols: tuple[str, ...]) -> str:
    """``path`` without a leading ``<protocol>://`` (or ``<protocol>::``), normalised."""
    for protocol in protocols:
        for prefix in (f"{protocol}://", f"{protocol}::"):
            if path.startswith(prefix):
                path = path[len(prefix) :]
                break
    return normalize(path)


def split(path: str) -> tuple[str, str]:
    """``(parent, name)`` of a normalised path; the root's name is ``""``."""
    head, tail = posixpath.split(path)
    return head or "/", tail


def parent(path: str) -> str:
    return split(path)[0]


def join(directory: str, name: str) -> str:
    return normalize(f"{directory}/{name}")


def file_info(path: str, size: int, **extra: Any) -> dict[str, Any]:
    """fsspec's info dict for a file: ``name``, ``size``, ``type`` plus service fields."""
    return {"name": path, "size": int(size), "type": "file", **extra}


def dir_info(path: str, **extra: Any) -> dict[str, Any]:
    """fsspec's info dict for a directory (size 0, as fsspec's own filesystems report)."""
    return {"name": path, "size": 0, "type": "directory", **extra}
