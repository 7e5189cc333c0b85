"""Serving emulator ASGI apps in their child process: sockets, uvicorn, readiness, shutdown.

Shared by the Box (four hosts), ButtFS and Metadisk servers. uvicorn is imported only when a
server runs: the package must import without the ``emulators`` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any

from .box.faults import CUT_EXTENSION

__all__ = ["bind", "parse_setting", "serve_apps"]

_KEEP_ALIVE_SECONDS = 75

ASGIApp = Any


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say they are TCP. With Nagle on, a response written as headers then body
    # waits for the client's delayed ACK: 40 ms added to every request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def authority(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


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


async def serve_apps(
    hosts: Mapping[str, tuple[ASGIApp, socket.socket]],
    urls: Mapping[str, str],
    ready_file: Path | None,
) -> None:
    """Serve every ``name -> (app, socket)`` until SIGTERM/SIGINT or the parent's death;
    announce ``urls`` once all accept connections: as JSON written atomically to
    ``ready_file``, else as ``ready <url> <name>`` lines (``ready <url>`` for a single host)."""
    import uvicorn

    class Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Generator[None, None, None]:
            # serve_apps handles SIGTERM/SIGINT for all servers (uvicorn would re-raise them
            # on exit, killing the process before its storage is removed).
            yield

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
        for name, (app, _) in hosts.items()
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
        _announce(urls, ready_file)

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
            *(server.serve(sockets=[hosts[name][1]]) for name, server in servers.items())
        )
    finally:
        stop()
        for task in background:
            task.cancel()


def _announce(urls: Mapping[str, str], ready_file: Path | None) -> None:
    if ready_file is None:
        if len(urls) == 1:
            print(f"ready {next(iter(urls.values()))}", flush=True)
        else:
            for name, url in urls.items():
                print(f"ready {url} {name}", flush=True)
        return
    partial = ready_file.with_name(ready_file.name + ".partial")
    partial.write_text(json.dumps(dict(urls)), encoding="utf-8")
    os.replace(partial, ready_file)


def parse_setting(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise ValueError(f"--set wants KEY=VALUE, got {item!r}")
    return key.strip(), value.strip()
