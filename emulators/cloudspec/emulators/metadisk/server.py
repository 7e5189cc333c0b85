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
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..box.asgi import ASGIApp, BoxError, Disconnected, Receive, Request, Router, Scope, Send
from ..box.faults import Faults
from ..uvicorn_host import authority, bind, parse_setting, serve_apps
from .api import api_router
from .control import add_control_routes
from .errors import MetadiskError
from .faults import with_faults
from .seed import parse_seed
from .settings import Settings
from .state import State

LOG = logging.getLogger("cloudspec.emulators.metadisk")


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


async def serve(state: State, host: str, port: int, ready_file: Path | None) -> None:
    sock = bind(host, port)
    state.urls["api"] = f"http://{authority(host, sock)}"
    await serve_apps({"api": (build_app(state), sock)}, {"api": state.urls["api"]}, ready_file)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_mapping(dict(parse_setting(item) for item in args.set))
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


if __name__ == "__main__":
    raise SystemExit(main())
