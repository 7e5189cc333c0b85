"""python -m generator on a scratch repository: errors, skipping, --check, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator import openapi_client
from generator.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]

SPEC = """\
openapi: 3.1.0
info: {title: Demo, version: "1.0"}
paths:
  /items/{item_id}:
    get:
      operationId: get_item
      tags: [items]
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
        - {name: If-None-Match, in: header, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Item"}
        "404": {description: not found}
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: {type: string}
        kind: {type: string, enum: [a, b]}
"""

CONFIG = """\
package_name_override: demo_api
literal_enums: true
post_hooks: ["ruff check . --select F,I,UP --fix-only", "ruff format ."]
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "demo.yaml").write_text(SPEC)
    (tmp_path / "generator" / "config").mkdir(parents=True)
    (tmp_path / "generator" / "config" / "demo.yaml").write_text(CONFIG)
    return tmp_path


def run_cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # cwd is the real repository: a scratch repo has its own generator/ dir, which
    # `python -m generator` would otherwise pick up from the current directory.
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(repo), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def package(repo: Path) -> Path:
    return repo / "generated" / "cloudspec" / "demo_api"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_broken_spec_is_one_line_with_pointer_and_exit_2(repo: Path) -> None:
    spec = repo / "specs" / "demo.yaml"
    spec.write_text(SPEC.replace("in: header", "in: headers"))
    result = run_cli(repo)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "specs/demo.yaml: /paths/~1items~1{item_id}/get/parameters/1/in: "
        "'headers' is not one of ['query', 'header', 'path', 'cookie'] (line 10)"
    )
    assert not package(repo).exists()


def test_yaml_syntax_error_and_dangling_ref_are_located(repo: Path) -> None:
    spec = repo / "specs" / "demo.yaml"
    spec.write_text(SPEC.replace('version: "1.0"}', 'version: "1.0"'))
    result = run_cli(repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("specs/demo.yaml: /: YAML syntax error: ")
    assert "(line 3, column 1)" in result.stderr

    spec.write_text(SPEC.replace("schemas/Item", "schemas/Nope"))
    result = run_cli(repo)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "specs/demo.yaml: /paths/~1items~1{item_id}/get/responses/200/content/application~1json"
        "/schema/$ref: $ref '#/components/schemas/Nope' does not resolve (line 16)"
    )


def test_generator_warnings_fail_the_run(repo: Path) -> None:
    spec = repo / "specs" / "demo.yaml"
    spec.write_text(SPEC.replace("application/json:", "application/xml:"))
    result = run_cli(repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "openapi-python-client failed" in result.stderr
    assert "Warning(s) encountered while generating" in result.stderr
    assert "application/xml" in result.stderr


def test_missing_config_and_unknown_service(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "nope"]) == 2
    assert "unknown service(s) nope" in capsys.readouterr().err
    (repo / "generator" / "config" / "demo.yaml").unlink()
    assert main(["--root", str(repo)]) == 2
    assert "generator/config/demo.yaml: missing" in capsys.readouterr().err


def test_refuses_another_generator_version(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(openapi_client, "installed_version", lambda dist: "0.30.0")
    assert main(["--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "openapi-python-client 0.29.1 is required, found 0.30.0" in err


def test_generate_skip_force_check_and_determinism(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo)]) == 0
    assert "demo: generated" in capsys.readouterr().out
    files = snapshot(package(repo))
    assert {"__init__.py", "client.py", "py.typed", "api/items/get_item.py"} <= files.keys()
    assert not any(".ruff_cache" in name for name in files)
    entry = json.loads((repo / "generated" / "manifest.json").read_text())["services"]["demo"]
    assert entry["tools"]["openapi-python-client"] == openapi_client.PINNED_VERSION
    assert entry["spec"] == "specs/demo.yaml"

    # Unchanged inputs: skipped without running the generator.
    assert main(["--root", str(repo)]) == 0
    assert capsys.readouterr().out.strip() == "demo: unchanged"

    # Forced: regenerated into a fresh temp dir, byte-identical.
    manifest_before = (repo / "generated" / "manifest.json").read_bytes()
    assert main(["--root", str(repo), "--force"]) == 0
    assert "demo: up to date" in capsys.readouterr().out
    assert snapshot(package(repo)) == files
    assert (repo / "generated" / "manifest.json").read_bytes() == manifest_before

    assert main(["--root", str(repo), "--check"]) == 0
    assert capsys.readouterr().out.strip() == "demo: ok"

    # The code matches but the manifest does not: --check still fails.
    (repo / "generated" / "manifest.json").unlink()
    assert main(["--root", str(repo), "--check"]) == 1
    assert "generated/manifest.json: entry for demo is stale (missing)" in capsys.readouterr().out


def test_check_detects_edits_extra_files_and_stale_manifest(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo)]) == 0
    pkg = package(repo)
    with (pkg / "client.py").open("a") as handle:
        handle.write("# hand edit\n")
    (pkg / "api" / "overlay.py").write_text("x = 1\n")
    capsys.readouterr()

    assert main(["--root", str(repo), "--check"]) == 1
    out = capsys.readouterr().out
    assert "generated/cloudspec/demo_api/client.py: differs" in out
    assert "+# hand edit" in out
    assert "generated/cloudspec/demo_api/api/overlay.py: extra file" in out

    # A hand-edited package is not "unchanged": a plain run restores it.
    assert main(["--root", str(repo)]) == 0
    assert not (pkg / "api" / "overlay.py").exists()
    assert main(["--root", str(repo), "--check"]) == 0

    # A spec edit without regenerating: both the code and the manifest are stale.
    spec = repo / "specs" / "demo.yaml"
    spec.write_text(SPEC.replace("enum: [a, b]", "enum: [a, b, c]"))
    capsys.readouterr()
    assert main(["--root", str(repo), "--check"]) == 1
    out = capsys.readouterr().out
    assert "models/item_kind.py: differs" in out
    assert "spec_sha256" in out


def test_removed_spec_removes_its_package_and_manifest_entry(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo)]) == 0
    (repo / "specs" / "demo.yaml").unlink()
    (repo / "generator" / "config" / "demo.yaml").unlink()
    capsys.readouterr()
    assert main(["--root", str(repo)]) == 0
    assert "demo: spec removed, deleted generated/cloudspec/demo_api" in capsys.readouterr().out
    assert not package(repo).exists()
    manifest = json.loads((repo / "generated" / "manifest.json").read_text())
    assert manifest == {"services": {}}
