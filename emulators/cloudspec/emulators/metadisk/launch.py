"""``serve_metadisk``: run the Metadisk emulator as a child process for a ``with`` block."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ServerStartError
from ..process import ServerProcess
from ..urls import ServerURLs
from .seed import parse_seed
from .settings import Settings, setting_text

READY_TIMEOUT_SECONDS = 30.0
_NEEDED = ("uvicorn", "httptools", "coincurve")


@contextmanager
def serve_metadisk(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: Mapping[str, Any] | None = None,
    settings: Mapping[str, object] | None = None,
) -> Iterator[tuple[ServerURLs, ServerProcess]]:
    """Start the emulator; yield its URLs (``base_url`` == ``urls["api"]``) and process."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise ServerStartError(
            f"the Metadisk emulator needs {', '.join(missing)}: pip install 'cloudspec[emulators]'"
        )
    try:
        Settings.from_mapping(settings or {})
        parse_seed(seed)
    except ValueError as exc:
        raise ServerStartError(str(exc)) from None
    workdir = Path(tempfile.mkdtemp(prefix="cloudspec-metadisk-run-"))
    try:
        command = [sys.executable, "-m", "cloudspec.emulators.metadisk.server", "--host", host]
        command += ["--port", str(port), "--ready-file", str(workdir / "ready.json")]
        if seed is not None:
            seed_file = workdir / "seed.json"
            seed_file.write_text(json.dumps(seed), encoding="utf-8")
            command += ["--seed", str(seed_file)]
        for key, value in (settings or {}).items():
            command += ["--set", f"{key}={setting_text(value)}"]
        server = ServerProcess("metadisk", command, log_path=workdir / "metadisk.log", cwd=workdir)
        try:
            urls = _wait_until_ready(server, workdir / "ready.json", READY_TIMEOUT_SECONDS)
            yield ServerURLs(base_url=urls["api"], urls=urls), server
        finally:
            server.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_until_ready(server: ServerProcess, ready_file: Path, timeout: float) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while not ready_file.exists():
        code = server.exit_code()
        if code is not None:
            raise ServerStartError(
                f"metadisk exited with status {code} before it was ready; "
                f"last output:\n{server.output_tail()}"
            )
        if time.monotonic() > deadline:
            server.stop()
            raise ServerStartError(
                f"metadisk was not ready after {timeout:.0f} s; "
                f"last output:\n{server.output_tail()}"
            )
        time.sleep(0.02)
    urls: dict[str, str] = json.loads(ready_file.read_text(encoding="utf-8"))
    return urls
