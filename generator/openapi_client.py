"""Run the pinned openapi-python-client for one service into a scratch directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .errors import GeneratorFailure
from .layout import Layout

PINNED_VERSION = "0.29.1"
"""Generated code is committed, so every machine must produce it with the same generator."""

RUFF_SETTINGS = Path(__file__).with_name("ruff_generated.toml")

_TIMEOUT_SECONDS = 300


def installed_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def require_pinned_version() -> str:
    found = installed_version("openapi-python-client")
    if found != PINNED_VERSION:
        raise GeneratorFailure(
            f"generator: openapi-python-client {PINNED_VERSION} is required, found "
            f"{found or 'none'} in {sys.prefix}; run `make setup` (or "
            f"pip install 'openapi-python-client=={PINNED_VERSION}')"
        )
    return found


def tool_versions() -> dict[str, str]:
    """Versions that shape the output: the generator and the ruff its post-hooks run."""
    return {
        "openapi-python-client": installed_version("openapi-python-client") or "none",
        "ruff": installed_version("ruff") or "none",
    }


def generate_into(layout: Layout, service: str, scratch: Path) -> Path:
    """Generate ``service`` as ``scratch/<service>_api`` and return that directory.

    ``scratch`` gets a ``ruff.toml`` copied from ``ruff_generated.toml``: ruff picks the
    closest config, so the post-hooks format the same way wherever ``scratch`` lives.
    """
    shutil.copyfile(RUFF_SETTINGS, scratch / "ruff.toml")
    out = scratch / f"{service}_api"
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(layout.spec_path(service)),
        "--meta",
        "none",
        "--fail-on-warning",
        "--overwrite",
        "--config",
        str(layout.config_path(service)),
        "--output-path",
        str(out),
    ]
    if _has_files(layout.templates_dir):
        command += ["--custom-template-path", str(layout.templates_dir)]
    env = dict(os.environ)
    # The post-hooks call `ruff` by name: make it this venv's ruff, not whatever PATH has.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.update(NO_COLOR="1", TERM="dumb", RUFF_NO_CACHE="true")
    try:
        result = subprocess.run(
            command,
            cwd=scratch,
            env=env,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GeneratorFailure(
            f"{layout.rel(layout.spec_path(service))}: openapi-python-client took more than "
            f"{_TIMEOUT_SECONDS} s"
        ) from None
    # --fail-on-warning turns warnings into exit 1, but be strict about stray stderr too.
    if result.returncode != 0 or not out.is_dir():
        raise GeneratorFailure(_failure_message(layout, service, result))
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    # --meta none writes no py.typed; without it mypy ignores the package's annotations.
    (out / "py.typed").write_bytes(b"")
    return out


def _has_files(directory: Path) -> bool:
    return directory.is_dir() and any(p.is_file() for p in directory.rglob("*"))


def _failure_message(layout: Layout, service: str, result: subprocess.CompletedProcess[str]) -> str:
    output = "\n".join(part.strip() for part in (result.stderr, result.stdout) if part.strip())
    lines = [
        line for line in output.splitlines() if line.strip() and not line.startswith("Generating ")
    ]
    detail = "\n".join(f"    {line}" for line in lines) or "    (no output)"
    return (
        f"{layout.rel(layout.spec_path(service))}: openapi-python-client failed "
        f"(exit {result.returncode}); warnings count as errors:\n{detail}"
    )
