"""The import-linter contracts in pyproject.toml cover every cloudspec package in the tree.

import-linter cannot glob namespace portions (`cloudspec.*_api`), so each service is listed by
hand; this test fails when a new package is not.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]


def packages(root: str) -> set[str]:
    base = REPO_ROOT / root / "cloudspec"
    if not base.is_dir():
        return set()
    return {
        f"cloudspec.{child.name}"
        for child in base.iterdir()
        if child.is_dir() and any(child.rglob("*.py"))
    }


def config() -> dict[str, Any]:
    with (REPO_ROOT / "pyproject.toml").open("rb") as handle:
        linter: dict[str, Any] = tomllib.load(handle)["tool"]["importlinter"]
    return linter


def contract(contract_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in config()["contracts"] if c["id"] == contract_id)
    return found


def test_every_package_is_a_root_package() -> None:
    present = packages("generated") | packages("overlays") | packages("emulators")
    assert present <= set(config()["root_packages"])


def test_contracts_name_every_service() -> None:
    generated = packages("generated")
    overlays = packages("overlays") - {"cloudspec.core"}
    assert generated <= set(contract("generated")["source_modules"])
    assert overlays <= set(contract("generated")["forbidden_modules"])
    assert overlays | generated <= set(contract("core")["forbidden_modules"])
    assert overlays | generated <= set(contract("emulators")["forbidden_modules"])
    assert overlays <= set(contract("overlays")["source_modules"])
