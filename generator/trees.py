"""Whole-tree comparison and replacement, shared by the generator and unasync.

Comparing file sets as well as bytes closes the gap of line-zipping checks (httpcore's
``unasync_file_check``): a stray or missing file is drift too.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs

# Caches that tools drop next to sources; never part of what a generator produces.
IGNORED_NAMES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})


def iter_files(root: Path) -> Iterator[Path]:
    """Every file under ``root`` (sorted, relative), skipping tool caches and ``*.pyc``."""
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in IGNORED_NAMES)
        for name in sorted(filenames):
            if name.endswith(".pyc"):
                continue
            yield (Path(dirpath) / name).relative_to(root)


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.as_posix(): (root / p).read_bytes() for p in iter_files(root)}


def tree_sha256(root: Path) -> str:
    """One hash over relative paths and contents, so renames count as changes."""
    digest = hashlib.sha256()
    for rel in iter_files(root):
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256((root / rel).read_bytes()).digest())
    return digest.hexdigest()


@attrs.frozen
class TreeDiff:
    """How ``actual`` differs from ``expected`` (paths relative to the tree roots)."""

    missing: tuple[str, ...]
    extra: tuple[str, ...]
    changed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra or self.changed)


def diff_trees(expected: dict[str, bytes], actual: dict[str, bytes]) -> TreeDiff:
    return TreeDiff(
        missing=tuple(sorted(expected.keys() - actual.keys())),
        extra=tuple(sorted(actual.keys() - expected.keys())),
        changed=tuple(
            sorted(k for k in expected.keys() & actual.keys() if expected[k] != actual[k])
        ),
    )


def describe(
    diff: TreeDiff,
    shown_root: str,
    expected: dict[str, bytes],
    actual: dict[str, bytes],
    max_diff_lines: int = 40,
) -> list[str]:
    """Human-readable lines: one per differing file, then a unified diff of the first change."""
    lines = [f"{shown_root}/{p}: missing (the generator produces it)" for p in diff.missing]
    lines += [
        f"{shown_root}/{p}: extra file (the generator does not produce it)" for p in diff.extra
    ]
    lines += [f"{shown_root}/{p}: differs from what the generator produces" for p in diff.changed]
    if diff.changed:
        first = diff.changed[0]
        udiff = list(
            difflib.unified_diff(
                expected[first].decode("utf-8", "replace").splitlines(),
                actual[first].decode("utf-8", "replace").splitlines(),
                fromfile=f"expected/{first}",
                tofile=f"{shown_root}/{first}",
                lineterm="",
            )
        )
        if len(udiff) > max_diff_lines:
            udiff = [*udiff[:max_diff_lines], f"... ({len(udiff) - max_diff_lines} more lines)"]
        lines += udiff
    return lines


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def replace_dir(target: Path, staged: Path) -> None:
    """Put ``staged`` at ``target`` with two renames, so readers never see a half-written tree.

    ``staged`` must be on the same filesystem as ``target`` (a sibling temp dir), or the
    rename degrades into a copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        os.replace(staged, target)
        return
    graveyard = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old = graveyard / target.name
    os.replace(target, old)
    try:
        os.replace(staged, target)
    except BaseException:
        os.replace(old, target)
        raise
    finally:
        shutil.rmtree(graveyard, ignore_errors=True)
