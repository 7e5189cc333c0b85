"""An external server process: started in its own process group, probed, and stopped.

Its own process group, because ``kinto start`` may leave children behind (pserve, waitress
threads); killing the group is the only way to be sure nothing keeps the port.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from http.client import HTTPException
from pathlib import Path

from .errors import ServerStartError

# Loopback probes must never go through an HTTP(S)_PROXY from the environment.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))

_STOP_GRACE_SECONDS = 5.0
_TAIL_LINES = 30


class ServerProcess:
    """A child process whose output goes to ``log_path`` (a pipe could fill up and block it)."""

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        *,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.name = name
        self.log_path = log_path
        with log_path.open("wb") as log:
            self._popen = subprocess.Popen(
                list(command),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=dict(env) if env is not None else None,
                cwd=cwd,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self._popen.pid

    def exit_code(self) -> int | None:
        """None while the server runs."""
        return self._popen.poll()

    def output_tail(self, lines: int = _TAIL_LINES) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:]) or "(no output)"

    def wait_until_ready(self, probe_url: str, timeout: float) -> None:
        """Poll ``probe_url`` until it answers 200; raise with the output tail otherwise."""
        deadline = time.monotonic() + timeout
        last_problem = "no answer yet"
        while True:
            code = self.exit_code()
            if code is not None:
                raise ServerStartError(
                    f"{self.name} exited with status {code} before it was ready; "
                    f"last output:\n{self.output_tail()}"
                )
            try:
                with _DIRECT.open(probe_url, timeout=2) as response:
                    if response.status == 200:
                        return
                    last_problem = f"HTTP {response.status}"
            except urllib.error.HTTPError as exc:
                last_problem = f"HTTP {exc.code}"
            except (urllib.error.URLError, OSError, HTTPException) as exc:
                last_problem = str(exc)
            if time.monotonic() > deadline:
                self.stop()
                raise ServerStartError(
                    f"{self.name} was not ready after {timeout:.0f} s ({probe_url}: "
                    f"{last_problem}); last output:\n{self.output_tail()}"
                )
            time.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM the whole group, then SIGKILL whatever is left after a grace period."""
        if self._popen.poll() is None:
            self._signal_group(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._popen.wait(timeout=_STOP_GRACE_SECONDS)
        # The leader may be gone while children of the group still hold the port.
        self._signal_group(signal.SIGKILL)
        if self._popen.poll() is None:
            self._popen.wait()

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signum)
