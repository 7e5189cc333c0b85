"""Build the wheel, install it into a clean venv, and import every package from outside the repo.

Offline on purpose: the venv is created without pip, the wheel is installed with this
environment's pip (``pip --python``), and the wheel's declared dependencies are copied from this
environment's installed distributions. Only what the wheel declares is copied, so an
undeclared runtime dependency still fails the import.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCE_ROOTS = ("generated", "overlays", "emulators")
CACHES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})

IMPORT_ALL = """
import importlib, json, pkgutil, sys
names = json.loads(sys.argv[1])
imported = []
for name in names:
    module = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(module.__path__, name + "."):
        if info.name.rsplit(".", 1)[-1] != "__main__":  # __main__ would run a CLI
            importlib.import_module(info.name)
            imported.append(info.name)
import cloudspec
print(json.dumps({"imported": imported, "cloudspec_path": list(cloudspec.__path__)}))
"""


def packages_in_repo() -> list[str]:
    """``cloudspec.<name>`` for every directory under a source root that holds Python code."""
    names = set()
    for root in SOURCE_ROOTS:
        base = REPO_ROOT / root / "cloudspec"
        if not base.is_dir():
            continue
        for child in base.iterdir():
            if child.is_dir() and any(p.suffix == ".py" for p in child.rglob("*.py")):
                names.add(f"cloudspec.{child.name}")
    return sorted(names)


def source_files() -> set[str]:
    """Wheel paths every source file should have (``cloudspec/...``)."""
    files = set()
    for root in SOURCE_ROOTS:
        base = REPO_ROOT / root
        for path in (base / "cloudspec").rglob("*"):
            if path.is_file() and not CACHES & set(path.parts) and path.suffix != ".pyc":
                files.add(path.relative_to(base).as_posix())
    return files


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(REPO_ROOT),
        ],
        check=True,
    )
    (wheel,) = out.glob("cloudspec-*.whl")
    return wheel


def dependency_closure(requirements: list[str]) -> list[metadata.Distribution]:
    """Installed distributions satisfying ``requirements``, transitively (extras ignored)."""
    env = {k: str(v) for k, v in default_environment().items()} | {"extra": ""}
    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        dist = metadata.distribution(req.name)
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return list(seen.values())


def copy_distribution(dist: metadata.Distribution, site_packages: Path) -> None:
    for file in dist.files or []:
        if file.parts[0] == ".." or "__pycache__" in file.parts:
            continue  # console scripts and caches live outside site-packages proper
        source = Path(str(dist.locate_file(file)))
        if source.is_file():
            target = site_packages / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def test_wheel_installs_and_imports_in_a_clean_venv(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        requires = archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))
        ).decode()
    # Everything under the three source roots ships, merged into one cloudspec namespace.
    assert source_files() <= set(names), sorted(source_files() - set(names))
    assert all(n.startswith(("cloudspec/", "cloudspec-")) for n in names), names
    assert not any(n == "cloudspec/__init__.py" for n in names), "cloudspec must stay a namespace"

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.run(
            [str(python), "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    declared = [
        line.split(":", 1)[1].strip()
        for line in requires.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    for dist in dependency_closure(declared):
        copy_distribution(dist, site_packages)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        check=True,
    )

    expected = packages_in_repo()
    assert expected, "no packages found under generated/, overlays/, emulators/"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    # -I: no PYTHONPATH, no user site, no current directory on sys.path.
    result = subprocess.run(
        [str(python), "-I", "-c", IMPORT_ALL, json.dumps(expected)],
        cwd=outside,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(expected) <= set(report["imported"])
    assert report["cloudspec_path"] == [str(site_packages / "cloudspec")]
