"""A small read-only HTTP server for one directory, run in a thread of the launcher.

Kinto's attachment plugin stores files on local disk and gives clients URLs under its
``attachment.base_url``; something must serve them, as a CDN or bucket would in production.
``http.server`` in a thread is enough: it binds port 0 itself (so no port race), answers GET and
HEAD with a Content-Type guessed from the extension, and stops with the ``with`` block.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log: the CLI's output is its ``ready`` line only."""


class _Server(ThreadingHTTPServer):
    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host with getfqdn(), a reverse DNS lookup that can
        # hang on machines without DNS; the name is only used for CGI variables.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)


class _Server6(_Server):
    address_family = socket.AF_INET6


@contextmanager
def serve_directory(directory: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``directory`` on a free port of ``host``; yield its URL, with a trailing slash."""
    handler = partial(_QuietHandler, directory=str(directory))
    server = (_Server6 if ":" in host else _Server)((host, 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, name=f"cloudspec-files-{directory.name}", daemon=True
    )
    thread.start()
    try:
        port = server.server_address[1]
        authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        yield f"http://{authority}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
