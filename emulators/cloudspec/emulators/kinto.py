"""Run the real Kinto server (``kinto start``) with memory backends on a loopback port.

When the Kinto venv also has the kinto-attachment plugin (``make setup`` installs
kinto-attachment 8.0.0 beside kinto), it is included with local-disk storage in the server's
temporary directory, and a second loopback server (:mod:`.files`, a thread of the launcher)
serves that directory. Its URL, with a trailing slash, is the plugin's ``base_url``: it is
``urls.urls["attachments"]`` in ``run()`` and ``capabilities.attachments.base_url`` in
``GET /v1/``, and a record's ``attachment.location`` is a full URL under it. Without the plugin
the server runs without attachments and ``urls.urls`` has no ``"attachments"`` key. Passing
your own ``kinto.includes`` replaces the plugin list, kinto_attachment included or not.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from .errors import ServerStartError
from .files import serve_directory
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

ATTACHMENT_PLUGIN = "kinto_attachment"

# kinto-attachment 8.0.0 reads `attachment.*` (Kinto strips the `kinto.` prefix): base_path and
# base_url (storage/local.py), extensions, mimetypes, randomize, keep_old_files, max_size_bytes
# and folder (utils.py). 8.0.0 has no gzip option any more (files are stored as sent, and
# records get no `original` field). base_path and base_url are added per server.
ATTACHMENT_SETTINGS: Mapping[str, str] = {
    # Any extension. The plugin's default ("default": documents, text, images and data files)
    # refuses e.g. `.bin` or no extension with 400, which a local test server gains nothing from.
    "kinto.attachment.extensions": "any",
    # Replacing or removing an attachment deletes the old file (the plugin's default, stated).
    "kinto.attachment.keep_old_files": "false",
    # Files are stored as `<uuid4><extension>` (the default), so a location never repeats.
    "kinto.attachment.randomize": "true",
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


def attachments_available(executable: Path) -> bool:
    """Whether the venv of ``executable`` has kinto-attachment, checked on disk.

    Looks for the package in ``lib/python3*/site-packages`` of the venv holding ``executable``
    (as given, and with symlinks resolved, e.g. a pipx link), without starting a Python. The
    plugin imports ``pkg_resources`` (setuptools < 82): without it Kinto would not start with
    the plugin, so that is required too.
    """
    roots = {executable.parent.parent, executable.resolve().parent.parent}
    for root in sorted(roots):
        for site in root.glob("lib/python3*/site-packages"):
            if (site / ATTACHMENT_PLUGIN / "__init__.py").is_file() and (
                site / "pkg_resources" / "__init__.py"
            ).is_file():
                return True
    return False


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
    if attachments_available(executable):
        merged["kinto.includes"] += "\n" + ATTACHMENT_PLUGIN
        merged.update(ATTACHMENT_SETTINGS)
    merged.update({key: _setting_text(value) for key, value in (settings or {}).items()})
    workdir = Path(tempfile.mkdtemp(prefix="cloudspec-kinto-"))
    try:
        with ExitStack() as stack:
            urls: dict[str, str] = {}
            if ATTACHMENT_PLUGIN in merged["kinto.includes"].split():
                urls["attachments"] = _serve_attachments(
                    stack, merged, workdir / "attachments", host
                )
            ini = workdir / "kinto.ini"
            ini.write_text(render_ini(host, merged), encoding="utf-8")
            # The hello view (GET /v1/) reads the ini from $KINTO_INI; without it, it logs errors.
            env = {**os.environ, "KINTO_INI": str(ini)}
            server, base_url = _start(executable, ini, env, workdir, host, port)
            stack.callback(server.stop)
            if seed:
                seed_accounts(base_url, seed)
            yield ServerURLs(base_url=base_url, urls={"api": base_url, **urls}), server
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _serve_attachments(
    stack: ExitStack, settings: dict[str, str], default_dir: Path, host: str
) -> str:
    """Serve the attachments directory over HTTP; return the plugin's base_url (ending in /).

    ``settings`` may already name a directory or a base_url (``run(settings=...)``); what is
    missing is filled in: the directory defaults to ``default_dir``, the base_url to the file
    server's URL.
    """
    directory = Path(settings.setdefault("kinto.attachment.base_path", str(default_dir)))
    directory.mkdir(parents=True, exist_ok=True)
    files_url = stack.enter_context(serve_directory(directory, host))
    base_url = settings.setdefault("kinto.attachment.base_url", files_url)
    # The plugin adds the slash to the capability too (locations have no leading slash).
    return base_url if base_url.endswith("/") else base_url + "/"


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
