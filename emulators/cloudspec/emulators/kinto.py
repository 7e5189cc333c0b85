"""Run the real Kinto server (``kinto start``) with memory backends on a loopback port."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import ServerStartError
from .ports import free_port
from .process import ServerProcess
from .urls import ServerURLs

KINTO_VERSION = "26.5.0"
READY_TIMEOUT_SECONDS = 30.0
_PORT_ATTEMPTS = 3

# Fixed, test-only secrets: basic-auth user ids are HMACs of them, so stable secrets keep
# principals (and recorded cassettes) identical from run to run.
DEFAULT_SETTINGS: Mapping[str, str] = {
    "kinto.storage_backend": "kinto.core.storage.memory",
    "kinto.cache_backend": "kinto.core.cache.memory",
    "kinto.permission_backend": "kinto.core.permission.memory",
    "kinto.includes": "\n".join(
        [
            "kinto.plugins.default_bucket",
            "kinto.plugins.accounts",
            "kinto.plugins.history",
            "kinto.plugins.flush",
        ]
    ),
    "kinto.userid_hmac_secret": "cloudspec-local-userid-hmac-secret",
    "kinto.default_bucket_hmac_secret": "cloudspec-local-default-bucket-secret",
    # `account` must come before `basicauth`, or Kinto refuses to start.
    "multiauth.policies": "account basicauth",
    "multiauth.policy.account.use": "kinto.plugins.accounts.AccountsPolicy",
    "kinto.account_create_principals": "system.Everyone",
    "kinto.account_write_principals": "account:admin",
    "kinto.bucket_create_principals": "system.Authenticated",
    "kinto.experimental_permissions_endpoint": "true",
    "kinto.experimental_collection_schema_validation": "true",
}

# pserve configures logging from these sections and fails without them.
_LOGGING = """\
[loggers]
keys = root, kinto

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[logger_kinto]
level = WARNING
handlers = console
qualname = kinto
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(asctime)s %(levelname)-5.5s [%(name)s] %(message)s
"""


def kinto_executable() -> Path:
    """``$CLOUDSPEC_KINTO``, else ``kinto`` on PATH, else the repository's ``.venv-kinto``."""
    configured = os.environ.get("CLOUDSPEC_KINTO")
    if configured:
        path = Path(configured)
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise ServerStartError(f"CLOUDSPEC_KINTO={configured} is not an executable file")
        return path
    on_path = shutil.which("kinto")
    if on_path:
        return Path(on_path)
    # emulators/cloudspec/emulators/kinto.py -> the repository root is three levels up.
    repo_venv = Path(__file__).resolve().parents[3] / ".venv-kinto" / "bin" / "kinto"
    if repo_venv.is_file():
        return repo_venv
    raise ServerStartError(
        "the Kinto server is not installed: run `make setup` (creates .venv-kinto with "
        f"kinto=={KINTO_VERSION}), or `pip install kinto=={KINTO_VERSION}` in a separate venv "
        "and set CLOUDSPEC_KINTO=/path/to/that/venv/bin/kinto"
    )


def render_ini(host: str, settings: Mapping[str, str]) -> str:
    lines = [
        "[server:main]",
        "use = egg:waitress#main",
        f"host = {host}",
        "port = %(http_port)s",
        "",
        "[app:main]",
        "use = egg:kinto",
    ]
    for key, value in settings.items():
        # Multi-line values (kinto.includes) continue on indented lines.
        lines.append(f"{key} = " + "\n    ".join(value.splitlines()))
    return "\n".join(lines) + "\n\n" + _LOGGING


def _setting_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@contextmanager
def serve_kinto(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: Mapping[str, Any] | None = None,
    settings: Mapping[str, object] | None = None,
) -> Iterator[tuple[ServerURLs, ServerProcess]]:
    executable = kinto_executable()
    merged = dict(DEFAULT_SETTINGS)
    merged.update({key: _setting_text(value) for key, value in (settings or {}).items()})
    workdir = Path(tempfile.mkdtemp(prefix="cloudspec-kinto-"))
    try:
        ini = workdir / "kinto.ini"
        ini.write_text(render_ini(host, merged), encoding="utf-8")
        # The hello view (GET /v1/) reads the ini from $KINTO_INI; without it, it logs errors.
        env = {**os.environ, "KINTO_INI": str(ini)}
        server, base_url = _start(executable, ini, env, workdir, host, port)
        try:
            urls = ServerURLs(base_url=base_url, urls={"api": base_url})
            if seed:
                seed_accounts(base_url, seed)
            yield urls, server
        finally:
            server.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _start(
    executable: Path, ini: Path, env: Mapping[str, str], workdir: Path, host: str, port: int
) -> tuple[ServerProcess, str]:
    attempts = _PORT_ATTEMPTS if port == 0 else 1
    for attempt in range(1, attempts + 1):
        chosen = port or free_port(host)
        server = ServerProcess(
            "kinto",
            [str(executable), "start", "--ini", str(ini), "--port", str(chosen)],
            log_path=workdir / "kinto.log",
            env=env,
            cwd=workdir,
        )
        authority = f"[{host}]:{chosen}" if ":" in host else f"{host}:{chosen}"
        base_url = f"http://{authority}/v1"
        try:
            server.wait_until_ready(f"{base_url}/__heartbeat__", READY_TIMEOUT_SECONDS)
        except ServerStartError:
            server.stop()
            # Another process may have taken the free port between our probe and Kinto's bind.
            if attempt < attempts and "Address already in use" in server.output_tail():
                continue
            raise
        return server, base_url
    raise AssertionError("unreachable")


def seed_accounts(base_url: str, seed: Mapping[str, Any]) -> None:
    """Create the seed's ``users`` as Kinto accounts (``{"login": ..., "password": ...}``)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for user in seed.get("users", []):
        body = json.dumps({"data": {"password": user["password"]}}).encode()
        request = urllib.request.Request(
            f"{base_url}/accounts/{user['login']}",
            data=body,
            method="PUT",
            headers={"Content-Type": "application/json"},
        )
        with opener.open(request, timeout=10) as response:
            if response.status not in (200, 201):
                raise ServerStartError(f"seeding account {user['login']!r}: HTTP {response.status}")
