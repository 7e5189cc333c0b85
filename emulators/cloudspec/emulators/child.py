"""Run an ASGI emulator (Box, ButtFS, Metadisk) as a child process for a ``with`` block.

A child process rather than a thread, so a benchmark's client never shares a CPU (or the GIL)
with the server it measures. The child binds its sockets itself (port 0: free ports, no race)
and writes its URLs, as JSON, to a ready file once every socket accepts connections.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import ServerStartError
from .process import ServerProcess
from .urls import ServerURLs

READY_TIMEOUT_SECONDS = 30.0
_NEEDED = ("uvicorn", "httptools")


@contextmanager
def serve_child(
    name: str,
    title: str,
    *,
    host: str,
    port: int,
    seed: Mapping[str, Any] | None,
    settings: Mapping[str, object] | None,
    validate: Callable[[], None],
    setting_text: Callable[[object], str],
) -> Iterator[tuple[ServerURLs, ServerProcess]]:
    """Start ``python -m cloudspec.emulators.<name>.server``; yield its URLs (``base_url`` is
    ``urls["api"]``) and process; stop it. ``validate`` checks the seed and settings first
    (raising ValueError), so a bad one is reported without starting anything."""
    missing = [module for module in _NEEDED if importlib.util.find_spec(module) is None]
    if missing:
        raise ServerStartError(
            f"the {title} emulator needs {', '.join(missing)}: pip install 'cloudspec[emulators]'"
        )
    try:
        validate()
    except ValueError as exc:
        raise ServerStartError(str(exc)) from None
    workdir = Path(tempfile.mkdtemp(prefix=f"cloudspec-{name}-run-"))
    try:
        command = [sys.executable, "-m", f"cloudspec.emulators.{name}.server", "--host", host]
        command += ["--port", str(port), "--ready-file", str(workdir / "ready.json")]
        if seed is not None:
            seed_file = workdir / "seed.json"
            seed_file.write_text(json.dumps(seed), encoding="utf-8")
            command += ["--seed", str(seed_file)]
        for key, value in (settings or {}).items():
            command += ["--set", f"{key}={setting_text(value)}"]
        server = ServerProcess(name, command, log_path=workdir / f"{name}.log", cwd=workdir)
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
                f"{server.name} exited with status {code} before it was ready; "
                f"last output:\n{server.output_tail()}"
            )
        if time.monotonic() > deadline:
            server.stop()
            raise ServerStartError(
                f"{server.name} was not ready after {timeout:.0f} s; "
                f"last output:\n{server.output_tail()}"
            )
        time.sleep(0.02)
    urls: dict[str, str] = json.loads(ready_file.read_text(encoding="utf-8"))
    return urls
