"""``python -m cloudspec.emulators.smartfile.server``: the SmartFile emulator process.

::

    python -m cloudspec.emulators.smartfile.server [--host 127.0.0.1] [--port 0] [--seed FILE]
        [--set key=value ...] [--ready-file FILE]

Binds its socket itself, serves it with uvicorn + httptools, and announces the URL once it
accepts connections: as ``{"api": url}`` written atomically to ``--ready-file``, or else as a
``ready <url>`` line. Stops on SIGTERM or SIGINT, or when its parent dies.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any

from ..box.asgi import ASGIApp, BoxError, Disconnected, Receive, Request, Router, Scope, Send
from ..box.faults import Faults
from ..uvicorn_host import authority, bind, parse_setting, serve_apps
from .api import add_api_routes
from .control import add_control_routes
from .errors import PageNotFound, SmartFileError
from .faults import with_faults
from .oauth import add_oauth_routes
from .seed import parse_seed
from .settings import Settings
from .state import State

LOG = logging.getLogger("cloudspec.emulators.smartfile")


def build_app(state: State) -> ASGIApp:
    router = Router()
    add_api_routes(router, state)
    add_oauth_routes(router, state)
    add_control_routes(router, state)
    return with_faults(_app(router), state)


def _toolkit_error(exc: BoxError, scope: Scope) -> SmartFileError:
    """The shared toolkit's errors (no route, bad multipart, body too large) in this
    service's forms: Django's HTML 404 for an unknown URL, DRF's JSON otherwise."""
    if exc.status == 404:
        return PageNotFound(scope["path"])
    if exc.status == 405:
        return SmartFileError(405, f'Method "{scope["method"]}" not allowed.')
    return SmartFileError(exc.status, exc.message)


def _app(router: Router) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request: Request | None = None
        try:
            handler, params = router.resolve(scope["method"], scope["path"])
            request = Request(scope, receive, params)
            response = await handler(request)
        except Disconnected:
            return
        except SmartFileError as exc:
            response = exc.response()
        except BoxError as exc:
            response = _toolkit_error(exc, scope).response()
        except Exception:
            LOG.exception("%s %s failed", scope["method"], scope["path"])
            response = SmartFileError(500, "A server error occurred.").response()
        try:
            # An error answered before an upload's body was read: read it anyway, so the
            # client sees the answer instead of a connection reset mid-send.
            await (request or Request(scope, receive, {})).drain()
        except Disconnected:
            return
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
        raw_seed: Any = None
        if args.seed:
            raw_seed = json.loads(Path(args.seed).read_text(encoding="utf-8"))
        seed = parse_seed(raw_seed, settings)
    except (OSError, ValueError) as exc:
        print(f"cloudspec.emulators.smartfile: {exc}", file=sys.stderr)
        return 2
    state = State(settings, seed, Faults())
    ready = Path(args.ready_file) if args.ready_file else None
    asyncio.run(serve(state, args.host, args.port, ready))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cloudspec.emulators.smartfile.server",
        description="Run the SmartFile emulator.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seed", help="JSON file: site, users and credentials")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--ready-file", help="write {'api': url} here (JSON) once ready")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
