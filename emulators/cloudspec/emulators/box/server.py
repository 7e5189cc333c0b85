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
import contextlib
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from .api import api_router
from .asgi import ASGIApp, Receive, Router, Scope, Send, Unauthorized, respond
from .control import add_control_routes
from .downloads import download_router
from .faults import CUT_EXTENSION, Faults, with_faults
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
_KEEP_ALIVE_SECONDS = 75


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


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say they are TCP. With Nagle on, a response written as headers then body
    # waits for the client's delayed ACK: 40 ms added to every request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def _url(host: str, sock: socket.socket, name: str) -> str:
    port = sock.getsockname()[1]
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return f"http://{authority}{_URL_PATHS[name]}"


def _protocol_class() -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol, plus a scope extension to cut the connection (faults).

    ASGI has no message for "drop this connection without answering": an app that returns
    without a response gets a 500 from the server. The ``drop`` fault needs exactly that cut,
    so each request's scope carries the transport's ``close``.
    """
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class CuttableProtocol(HttpToolsProtocol):
        def on_message_begin(self) -> None:
            super().on_message_begin()
            cut: dict[object, object] = {"close": self.transport.close}
            self.scope["extensions"] = {CUT_EXTENSION: cut}

    return CuttableProtocol


async def serve(state: State, host: str, api_port: int, ready_file: Path | None) -> None:
    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Generator[None, None, None]:
            # The four servers share the process's signals; serve() handles them for all.
            yield

    sockets = {name: _bind(host, api_port if name == "api" else 0) for name in HOSTS}
    state.urls.update({name: _url(host, sock, name) for name, sock in sockets.items()})
    protocol = _protocol_class()
    servers = {
        name: Server(
            uvicorn.Config(
                app,
                http=protocol,
                ws="none",
                lifespan="off",
                log_level="warning",
                access_log=False,
                server_header=False,
                timeout_keep_alive=_KEEP_ALIVE_SECONDS,
                timeout_graceful_shutdown=2,
            )
        )
        for name, app in build_apps(state).items()
    }

    def stop() -> None:
        for server in servers.values():
            server.should_exit = True

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop)

    async def announce() -> None:
        while not all(server.started for server in servers.values()):
            if any(server.should_exit for server in servers.values()):
                return
            await asyncio.sleep(0.01)
        _announce(state.urls, ready_file)

    async def watch_parent(parent: int) -> None:
        # A launcher killed outright (SIGKILL) cannot stop its child; without this the server
        # would live on, holding its ports and storage, with nobody left to stop it.
        # No portable event announces a parent's death (PR_SET_PDEATHSIG is Linux-only): poll.
        while True:
            await asyncio.sleep(0.5)
            if os.getppid() != parent:
                stop()
                return

    background = [
        asyncio.create_task(announce()),
        asyncio.create_task(watch_parent(os.getppid())),
    ]
    try:
        await asyncio.gather(
            *(server.serve(sockets=[sockets[name]]) for name, server in servers.items())
        )
    finally:
        stop()
        for task in background:
            task.cancel()


def _announce(urls: Mapping[str, str], ready_file: Path | None) -> None:
    if ready_file is None:
        for name in HOSTS:
            print(f"ready {urls[name]} {name}", flush=True)
        return
    partial = ready_file.with_name(ready_file.name + ".partial")
    partial.write_text(json.dumps({name: urls[name] for name in HOSTS}), encoding="utf-8")
    os.replace(partial, ready_file)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_mapping(dict(_parse_setting(item) for item in args.set))
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


def _parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--set wants KEY=VALUE, got {item!r}")
    return key.strip(), value.strip()


if __name__ == "__main__":
    raise SystemExit(main())
