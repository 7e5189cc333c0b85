"""``python -m generator.unasync [--check] [--strict]``.

Exit codes: 0 done (or no drift), 1 ``--check`` found drift (or ``--strict`` found stale
rules), 2 a rewrite could not be formatted (ruff failed: the async source is probably broken).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .. import trees
from ..layout import REPO_ROOT
from .pairs import Pair, expected_trees, find_pairs
from .rules import RULES


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root: Path = args.root.resolve()
    pairs = find_pairs(root)
    used: set[str] = set()
    try:
        expected = expected_trees(root, pairs, used)
    except (RuntimeError, UnicodeDecodeError) as exc:
        print(f"unasync: {exc}", file=sys.stderr)
        return 2
    drift = False
    for pair in pairs:
        drift |= _process(root, pair, expected[pair.sync_dir], check=args.check)
    stale = _report_stale_rules(used) if pairs else []
    if args.check and drift:
        print(
            "_sync trees are out of date: run `make generate` (python -m generator.unasync)",
            file=sys.stderr,
        )
        return 1
    return 1 if args.strict and stale else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator.unasync",
        description="Write every _sync directory from its _async twin.",
    )
    parser.add_argument(
        "--check", action="store_true", help="compare instead of writing; exit 1 on any difference"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a rule matched nothing (stale rules)"
    )
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser


def _process(root: Path, pair: Pair, expected: dict[str, bytes], *, check: bool) -> bool:
    """Check or write one twin; return whether it differed."""
    shown = f"{pair.async_dir.relative_to(root).as_posix()} -> _sync"
    actual = trees.read_tree(pair.sync_dir)
    diff = trees.diff_trees(expected, actual)
    if not diff:
        print(f"{shown}: unchanged ({len(expected)} files)")
        return False
    if check:
        print(f"{shown}: DRIFT")
        shown_root = pair.sync_dir.relative_to(root).as_posix()
        for line in trees.describe(diff, shown_root, expected, actual):
            print(line)
        return True
    staged = Path(tempfile.mkdtemp(prefix="._sync.new-", dir=pair.sync_dir.parent))
    try:
        trees.write_tree(staged, expected)
        trees.replace_dir(pair.sync_dir, staged)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    print(f"{shown}: wrote {len(expected)} files")
    return True


def _report_stale_rules(used: set[str]) -> list[str]:
    # A warning, not a failure: the rule set covers idioms the code may not use yet.
    stale = [rule.name for rule in RULES if rule.name not in used]
    if stale:
        sys.stdout.flush()  # keep the note after the per-directory lines
        print(
            f"unasync: note: {len(stale)} of {len(RULES)} rules matched nothing: "
            + "; ".join(stale),
            file=sys.stderr,
        )
    return stale
