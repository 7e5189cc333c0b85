"""``python -m generator [--check] [--force] [svc ...]``.

Exit codes: 0 done (or no drift), 1 ``--check`` found drift, 2 bad input (invalid spec,
missing config, generator warning, wrong generator version). Problems are printed as lines,
never as tracebacks. Every selected spec is validated before anything is generated, so an
invalid spec leaves generated/ untouched.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import manifest, openapi_client, trees
from .errors import EXIT_DRIFT, GeneratorFailure
from .layout import REPO_ROOT, Layout
from .validation import validate_file


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    layout = Layout(root=args.root.resolve())
    try:
        openapi_client.require_pinned_version()
        services = layout.select(args.services)
        _validate(layout, services)
        if args.check:
            return _check(layout, services, whole_repo=not args.services)
        _generate(layout, services, force=args.force, whole_repo=not args.services)
    except GeneratorFailure as failure:
        print(failure.message, file=sys.stderr)
        return failure.exit_code
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate generated/cloudspec/<svc>_api from specs/<svc>.yaml.",
    )
    parser.add_argument("services", nargs="*", metavar="svc", help="default: every spec")
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temp dir and fail (exit 1) if generated/ or the manifest differ",
    )
    parser.add_argument("--force", action="store_true", help="regenerate unchanged services too")
    # Tests run the generator on a scratch copy of the repository.
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser


def _validate(layout: Layout, services: list[str]) -> None:
    problems: list[str] = []
    for service in services:
        problem = validate_file(layout.spec_path(service), layout.rel(layout.spec_path(service)))
        if problem is not None:
            problems.append(str(problem))
        if not layout.config_path(service).is_file():
            problems.append(
                f"{layout.rel(layout.config_path(service))}: missing (every spec needs its "
                "generator config: package_name_override, literal_enums, post_hooks)"
            )
    if problems:
        raise GeneratorFailure("\n".join(problems))


def _generate(layout: Layout, services: list[str], *, force: bool, whole_repo: bool) -> None:
    stored = manifest.load(layout)
    updated = dict(stored)
    layout.generated_dir.mkdir(parents=True, exist_ok=True)
    try:
        for service in services:
            updated[service] = _generate_one(layout, service, stored.get(service), force=force)
        if whole_repo:
            # A run over every spec also forgets services whose spec is gone.
            _remove_orphans(layout, set(services), stored)
            updated = {name: updated[name] for name in services}
    finally:
        # Saved even when a later service fails, so the ones already done stay recorded.
        if manifest.save(layout, updated):
            print(f"updated {layout.rel(layout.manifest_path)}")


def _generate_one(
    layout: Layout, service: str, entry: manifest.Entry | None, *, force: bool
) -> manifest.Entry:
    target = layout.package_dir(service)
    shown = layout.rel(target)
    if entry is not None and not force and _is_current(layout, service, entry):
        print(f"{service}: unchanged")
        return entry
    # Generate next to the target so the final swap is a rename on one filesystem.
    scratch = Path(tempfile.mkdtemp(prefix=f".{service}_api.new-", dir=layout.generated_dir))
    try:
        fresh = openapi_client.generate_into(layout, service, scratch)
        count = sum(1 for _ in trees.iter_files(fresh))
        if target.is_dir() and trees.read_tree(fresh) == trees.read_tree(target):
            print(f"{service}: up to date ({count} files in {shown})")
        else:
            trees.replace_dir(target, fresh)
            print(f"{service}: generated {count} files in {shown}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return manifest.full_entry(layout, service, target)


def _is_current(layout: Layout, service: str, entry: manifest.Entry) -> bool:
    if not layout.package_dir(service).is_dir():
        return False
    expected = manifest.inputs_entry(layout, service)
    same_inputs = {k: v for k, v in entry.items() if k != "output_sha256"} == expected
    return same_inputs and entry.get("output_sha256") == trees.tree_sha256(
        layout.package_dir(service)
    )


def _remove_orphans(layout: Layout, services: set[str], stored: dict[str, manifest.Entry]) -> None:
    """Delete packages this generator made for specs that no longer exist; warn about others."""
    for package in _orphan_packages(layout, services):
        service = package.name.removesuffix("_api")
        if service in stored:
            shutil.rmtree(package)
            print(f"{service}: spec removed, deleted {layout.rel(package)}")
        else:
            print(
                f"warning: {layout.rel(package)} has no spec and is not in the manifest",
                file=sys.stderr,
            )


def _orphan_packages(layout: Layout, services: set[str]) -> list[Path]:
    if not layout.package_root.is_dir():
        return []
    return sorted(
        p
        for p in layout.package_root.glob("*_api")
        if p.is_dir() and p.name.removesuffix("_api") not in services
    )


def _check(layout: Layout, services: list[str], *, whole_repo: bool) -> int:
    stored = manifest.load(layout)
    drift: list[str] = []
    with tempfile.TemporaryDirectory(prefix="cloudspec-generator-check-") as tmp:
        for service in services:
            scratch = Path(tmp) / service
            scratch.mkdir()
            fresh = openapi_client.generate_into(layout, service, scratch)
            expected = trees.read_tree(fresh)
            actual = trees.read_tree(layout.package_dir(service))
            found = trees.describe(
                trees.diff_trees(expected, actual),
                layout.rel(layout.package_dir(service)),
                expected,
                actual,
            )
            entry = manifest.full_entry(layout, service, fresh)
            stale = _stale_fields(stored.get(service), entry)
            if stale:
                found.append(
                    f"{layout.rel(layout.manifest_path)}: entry for {service} is stale "
                    f"({', '.join(stale)})"
                )
            print(f"{service}: {'DRIFT' if found else 'ok'}")
            drift += found
    if whole_repo:
        drift += [
            f"{layout.rel(p)}: no spec for this package"
            for p in _orphan_packages(layout, set(services))
        ]
        drift += [
            f"{layout.rel(layout.manifest_path)}: entry for {name} has no spec"
            for name in sorted(stored.keys() - set(services))
        ]
    if drift:
        print("\n".join(drift))
        print(
            "generated/ is out of date: run `make generate` (python -m generator)", file=sys.stderr
        )
        return EXIT_DRIFT
    return 0


def _stale_fields(stored: manifest.Entry | None, expected: manifest.Entry) -> list[str]:
    if stored is None:
        return ["missing"]
    return sorted(k for k in stored.keys() | expected.keys() if stored.get(k) != expected.get(k))
