"""Find ``_async`` directories and build the tree each ``_sync`` twin should contain."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

from .. import trees
from .rules import unasync_text

# Where async sources may live: overlays (cloudspec.core, service facades) and tests.
SEARCH_ROOTS = ("overlays/cloudspec", "tests")

# ruff settings are copied from the repository so the twins format exactly as `make lint` expects.
_RUFF_CONFIGS = ("pyproject.toml", "ruff.toml", ".ruff.toml")


@attrs.frozen
class Pair:
    async_dir: Path
    sync_dir: Path


def find_pairs(root: Path) -> list[Pair]:
    pairs = []
    for search in SEARCH_ROOTS:
        for dirpath, dirnames, _ in os.walk(root / search):
            dirnames[:] = sorted(
                d for d in dirnames if d not in trees.IGNORED_NAMES and d != "_sync"
            )
            if "_async" in dirnames:
                dirnames.remove("_async")  # nested _async dirs inside _async are not a thing
                pairs.append(Pair(Path(dirpath) / "_async", Path(dirpath) / "_sync"))
    return sorted(pairs, key=lambda p: p.async_dir)


def expected_trees(root: Path, pairs: list[Pair], used: set[str]) -> dict[Path, dict[str, bytes]]:
    """For each pair's ``sync_dir``, the files it must hold (rewritten, then ruff-formatted)."""
    raw: dict[Path, dict[str, bytes]] = {}
    for pair in pairs:
        files: dict[str, bytes] = {}
        for rel in trees.iter_files(pair.async_dir):
            content = (pair.async_dir / rel).read_bytes()
            if rel.suffix == ".py":
                content = unasync_text(content.decode("utf-8"), used).encode("utf-8")
            files[rel.as_posix()] = content
        raw[pair.sync_dir] = files
    return _ruff_tidy(root, raw)


def _ruff_tidy(root: Path, raw: dict[Path, dict[str, bytes]]) -> dict[Path, dict[str, bytes]]:
    """Sort imports, drop imports the rewrite made unused, and format, as the repo's ruff would.

    The files are written to a scratch mirror of their repository paths next to a copy of the
    repository's ruff config, so per-file settings apply as they do in the real tree.
    """
    with tempfile.TemporaryDirectory(prefix="cloudspec-unasync-") as tmp:
        scratch = Path(tmp)
        for name in _RUFF_CONFIGS:
            if (root / name).is_file():
                shutil.copyfile(root / name, scratch / name)
        py_files: list[str] = []
        for sync_dir, files in raw.items():
            mirror = scratch / sync_dir.relative_to(root)
            trees.write_tree(mirror, files)
            py_files += [str(mirror / rel) for rel in files if rel.endswith(".py")]
        if py_files:
            _ruff(scratch, ["check", "--fix-only", "--select", "I,F401", *py_files])
            _ruff(scratch, ["format", *py_files])
        return {sync_dir: trees.read_tree(scratch / sync_dir.relative_to(root)) for sync_dir in raw}


def _ruff(cwd: Path, args: list[str]) -> None:
    # The venv's ruff via `python -m ruff`, so the version is the one pinned for this repo.
    env = {**os.environ, "RUFF_NO_CACHE": "true", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--quiet"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ruff {args[0]} failed on the unasync output:\n{result.stderr}")
