"""``python -m cloudspec.emulators.metadisk.server``: the Metadisk emulator process.

::

    python -m cloudspec.emulators.metadisk.server [--host 127.0.0.1] [--port 0] [--seed FILE]
        [--set key=value ...] [--ready-file FILE]

Binds its socket itself, serves it with uvicorn + httptools, and announces the URL once it
accepts connections: as ``{"api": url}`` written atomically to ``--ready-file``, or else as a
``ready <url>`` line. Stops on SIGTERM or SIGINT, or when its parent dies, and removes its
storage directory. uvicorn is imported only when the server runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import Any

from ..box.asgi import ASGIApp, BoxError, Disconnected, Receive, Request, Router, Scope, Send
from ..box.faults import CUT_EXTENSION, Faults
from .api import api_router
from .control import add_control_routes
from .errors import MetadiskError
from .faults import with_faults
from .seed import parse_seed
from .settings import Settings
from .state import State

LOG = logging.getLogger("cloudspec.emulators.metadisk")
_KEEP_ALIVE_SECONDS = 75


def build_app(state: State) -> ASGIApp:
    router = api_router(state)
    add_control_routes(router, state)
    return with_faults(_app(router), state)


def _app(router: Router) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        try:
            handler, params = router.resolve(scope["method"], scope["path"])
            response = await handler(Request(scope, receive, params))
        except Disconnected:
            return
        except MetadiskError as exc:
            response = exc.response()
        except BoxError as exc:
            # The shared toolkit's errors (no route, bad multipart, body too large).
            response = MetadiskError(exc.status, exc.message).response()
        except Exception:
            LOG.exception("%s %s failed", scope["method"], scope["path"])
            response = MetadiskError(500, "Internal error").response()
        await response.send(send)

    return app


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say they are TCP (else every response waits for a delayed ACK).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def _protocol_class() -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol, plus the scope extension the ``drop`` fault needs."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class CuttableProtocol(HttpToolsProtocol):
        def on_message_begin(self) -> None:
            super().on_message_begin()
            cut: dict[object, object] = {"close": self.transport.close}
            self.scope["extensions"] = {CUT_EXTENSION: cut}

    return CuttableProtocol


async def serve(state: State, host: str, port: int, ready_file: Path | None) -> None:
    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Generator[None, None, None]:
            # serve() handles SIGTERM/SIGINT itself (uvicorn would re-raise them on exit,
            # killing the process before its storage is removed).
            yield

    sock = _bind(host, port)
    bound = sock.getsockname()[1]
    authority = f"[{host}]:{bound}" if ":" in host else f"{host}:{bound}"
    state.urls["api"] = f"http://{authority}"
    server = Server(
        uvicorn.Config(
            build_app(state),
            http=_protocol_class(),
            ws="none",
            lifespan="off",
            log_level="warning",
            access_log=False,
            server_header=False,
            timeout_keep_alive=_KEEP_ALIVE_SECONDS,
            timeout_graceful_shutdown=2,
        )
    )

    def stop() -> None:
        server.should_exit = True

    async def announce() -> None:
        while not server.started:
            if server.should_exit:
                return
            await asyncio.sleep(0.01)
        _announce(state.urls["api"], ready_file)

    async def watch_parent(parent: int) -> None:
        while True:
            await asyncio.sleep(0.5)
            if os.getppid() != parent:
                stop()
                return

    background = [
        asyncio.create_task(announce()),
        asyncio.create_task(watch_parent(os.getppid())),
    ]
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop)
    try:
        await server.serve(sockets=[sock])
    finally:
        stop()
        for task in background:
            task.cancel()


def _announce(url: str, ready_file: Path | None) -> None:
    if ready_file is None:
        print(f"ready {url}", flush=True)
        return
    partial = ready_file.with_name(ready_file.name + ".partial")
    partial.write_text(json.dumps({"api": url}), encoding="utf-8")
    os.replace(partial, ready_file)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_mapping(dict(_parse_setting(item) for item in args.set))
        seed: Any = None
        if args.seed:
            seed = json.loads(Path(args.seed).read_text(encoding="utf-8"))
        users = parse_seed(seed)
    except (OSError, ValueError) as exc:
        print(f"cloudspec.emulators.metadisk: {exc}", file=sys.stderr)
        return 2
    storage = Path(tempfile.mkdtemp(prefix="cloudspec-metadisk-", dir=settings.storage_dir))
    try:
        state = State(settings, users, storage, Faults())
        ready = Path(args.ready_file) if args.ready_file else None
        asyncio.run(serve(state, args.host, args.port, ready))
    finally:
        shutil.rmtree(storage, ignore_errors=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cloudspec.emulators.metadisk.server",
        description="Run the Metadisk emulator.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seed", help="JSON file of users")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--ready-file", help="write {'api': url} here (JSON) once ready")
    return parser


def _parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--set wants KEY=VALUE, got {item!r}")
    return key.strip(), value.strip()


if __name__ == "__main__":
    raise SystemExit(main())
