"""``python -m cloudspec.emulators.box.server``: the four Box hosts, served by one process.

::

    python -m cloudspec.emulators.box.server [--host 127.0.0.1] [--port 0] [--seed FILE]
        [--set key=value ...] [--ready-file FILE]

Binds four sockets itself (the API on ``--port``, the others on free ports, so there is no race
for a port), serves each with uvicorn + httptools on one event loop and one shared state, and
announces the hosts once all four accept connections: as a JSON object ``{"api", "upload",
"download", "account"}`` written atomically to ``--ready-file``, or else as ``ready <url>
<name>`` lines on stdout. Stops on SIGTERM or SIGINT, or when the process that started it
dies, and removes its storage directory.

uvicorn is imported when the server runs, not when this module is imported: the package must
import without the ``emulators`` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from ..uvicorn_host import authority, bind, parse_setting, serve_apps
from .api import api_router
from .asgi import ASGIApp, Receive, Router, Scope, Send, Unauthorized, respond
from .control import add_control_routes
from .downloads import download_router
from .faults import Faults, with_faults
from .oauth import account_router, add_token_routes
from .seed import parse_seed
from .settings import Settings
from .state import State
from .uploads import upload_router

HOSTS = ("api", "upload", "download", "account")
"""Host names, in the order the CLI announces them."""

# Where each host's base URL points below its origin (as box_sdk_gen's BaseUrls spell them).
_URL_PATHS = {"api": "", "upload": "/api", "download": "", "account": "/api/oauth2"}
_AUTH_PREFIXES = {"api": "/2.0/", "upload": "/api/2.0/"}
# Longer than any client's idle pool timeout: a server closing an idle connection just as the
# client reuses it makes spurious transport errors in benchmarks.


def build_apps(state: State) -> dict[str, ASGIApp]:
    """One ASGI app per host, all on ``state``."""
    api = api_router(state)
    add_token_routes(api, state)
    add_control_routes(api, state)
    routers = {
        "api": api,
        "upload": upload_router(state),
        "download": download_router(state),
        "account": account_router(state),
    }
    return {
        name: with_faults(_host_app(router, state, _AUTH_PREFIXES.get(name)), state, name)
        for name, router in routers.items()
    }


def _host_app(router: Router, state: State, auth_prefix: str | None) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if auth_prefix is not None and scope["path"].startswith(auth_prefix):
            token = _bearer_token(scope)
            user = state.tokens.user_for(token) if token else None
            if user is None:
                await Unauthorized().response().send(send)
                return
            scope["cloudspec.box.user"] = user
        await respond(scope, receive, send, router)

    return app


def _bearer_token(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    # Box accepts ?access_token= on downloads, for URLs handed to third parties.
    if scope["method"] == "GET" and b"access_token=" in scope["query_string"]:
        query = dict(parse_qsl(scope["query_string"].decode("latin-1")))
        return query.get("access_token")
    return None


def _url(host: str, sock: socket.socket, name: str) -> str:
    return f"http://{authority(host, sock)}{_URL_PATHS[name]}"


async def serve(state: State, host: str, api_port: int, ready_file: Path | None) -> None:
    sockets = {name: bind(host, api_port if name == "api" else 0) for name in HOSTS}
    state.urls.update({name: _url(host, sock, name) for name, sock in sockets.items()})
    apps = build_apps(state)
    await serve_apps(
        {name: (apps[name], sockets[name]) for name in HOSTS},
        {name: state.urls[name] for name in HOSTS},
        ready_file,
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_mapping(dict(parse_setting(item) for item in args.set))
        seed: Any = None
        if args.seed:
            seed = json.loads(Path(args.seed).read_text(encoding="utf-8"))
        apps, users = parse_seed(seed)
    except (OSError, ValueError) as exc:
        print(f"cloudspec.emulators.box: {exc}", file=sys.stderr)
        return 2
    storage = Path(tempfile.mkdtemp(prefix="cloudspec-box-", dir=settings.storage_dir))
    try:
        state = State(settings, apps, users, storage, Faults())
        asyncio.run(
            serve(state, args.host, args.port, Path(args.ready_file) if args.ready_file else None)
        )
    finally:
        shutil.rmtree(storage, ignore_errors=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cloudspec.emulators.box.server", description="Run the Box emulator."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="API port; 0 picks a free one")
    parser.add_argument("--seed", help="JSON file of apps and users")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--ready-file", help="write the host URLs here (JSON) once ready")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
