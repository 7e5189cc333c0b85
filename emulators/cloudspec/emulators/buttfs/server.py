"""``python -m cloudspec.emulators.buttfs.server``: the ButtFS emulator process.

::

    python -m cloudspec.emulators.buttfs.server [--host 127.0.0.1] [--port 0] [--seed FILE]
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

from ..box.asgi import ASGIApp, BoxError, Disconnected, Message, Receive, Router, Scope, Send
from ..box.faults import Faults
from ..uvicorn_host import authority, bind, parse_setting, serve_apps
from .api import SIGNED_PREFIXES, TOKEN_KEY, USER_KEY, api_router
from .control import add_control_routes
from .errors import ButtFSError, OAuthFailure
from .faults import with_faults
from .seed import parse_seed
from .settings import Settings
from .state import State, User

LOG = logging.getLogger("cloudspec.emulators.buttfs")


def build_app(state: State) -> ASGIApp:
    router = api_router(state)
    add_control_routes(router, state)
    return with_faults(_app(router, state), state)


def _app(router: Router, state: State) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        path: str = scope["path"]

        async def send_with_quota(message: Message) -> None:
            if message["type"] == "http.response.start":
                user: User | None = scope.get(USER_KEY)
                limit = state.storage_limit
                usage = user.usage() if user is not None else 0
                headers = list(message.get("headers", []))
                headers.append(
                    (b"x-bcs-account-storage-limit", str(limit).encode())  # "None": no limit
                )
                headers.append((b"x-bcs-account-storage-usage", str(usage).encode()))
                message = {**message, "headers": headers}
            await send(message)

        if path.startswith("/v2/") and not path.startswith(SIGNED_PREFIXES):
            token = _bearer_token(scope)
            user = state.user_for(token) if token else None
            if user is None:
                error = ButtFSError(9000, "Invalid or expired access token", status=401)
                response = error.response()
                response.headers["www-authenticate"] = 'Bearer error="invalid_token"'
                await response.send(send_with_quota)
                return
            scope[USER_KEY] = user
            scope[TOKEN_KEY] = token
            if state.quota_enabled:
                if not state.quota_remaining:
                    state.stats.quota_errors += 1
                    error = ButtFSError(9006, "API call limit reached")
                    await error.response().send(send_with_quota)
                    return
                state.quota_remaining -= 1
        await _respond(scope, receive, send_with_quota, router)

    return app


async def _respond(scope: Scope, receive: Receive, send: Send, router: Router) -> None:
    from ..box.asgi import Request

    try:
        handler, params = router.resolve(scope["method"], scope["path"])
        response = await handler(Request(scope, receive, params))
    except Disconnected:
        return
    except (ButtFSError, OAuthFailure) as exc:
        response = exc.response()
    except BoxError as exc:
        # The shared toolkit's errors (no route, bad multipart, body too large).
        response = ButtFSError(9000, exc.message, status=exc.status).response()
    except Exception:
        LOG.exception("%s %s failed", scope["method"], scope["path"])
        response = ButtFSError(9999, "General panic").response()
    await response.send(send)


def _bearer_token(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    return None


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
        apps, users = parse_seed(seed)
    except (OSError, ValueError) as exc:
        print(f"cloudspec.emulators.buttfs: {exc}", file=sys.stderr)
        return 2
    storage = Path(tempfile.mkdtemp(prefix="cloudspec-buttfs-", dir=settings.storage_dir))
    try:
        state = State(settings, apps, users, storage, Faults())
        ready = Path(args.ready_file) if args.ready_file else None
        asyncio.run(serve(state, args.host, args.port, ready))
    finally:
        shutil.rmtree(storage, ignore_errors=True)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cloudspec.emulators.buttfs.server", description="Run the ButtFS emulator."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seed", help="JSON file of apps and users")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--ready-file", help="write {'api': url} here (JSON) once ready")
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
