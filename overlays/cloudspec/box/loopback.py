"""Receive the OAuth2 redirect on a loopback port, so a command-line user logs in by browser.

RFC 8252 (OAuth for native apps) §7.3: the app listens on ``http://127.0.0.1:<port>/...`` for
the one redirect that carries ``code`` and ``state``. The server answers that one request with
a short page telling the user to go back to the terminal, and ignores everything else (favicon
requests, a second tab).
"""

from __future__ import annotations

import html
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

from .errors import BoxAuthFlowError

__all__ = ["LoopbackReceiver", "Redirect"]

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
    "<body><h1>{title}</h1><p>{text}</p></body></html>"
)


@attrs.frozen
class Redirect:
    """What the authorization server sent back: a ``code``, or an ``error``."""

    code: str | None = attrs.field(repr=False)
    state: str | None = attrs.field(repr=False)
    error: str | None = None
    error_description: str | None = None


class _Server(HTTPServer):
    def server_bind(self) -> None:
        # HTTPServer.server_bind does a reverse DNS lookup (getfqdn) that can hang offline.
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = int(self.server_address[1])


class LoopbackReceiver:
    """Listens on ``127.0.0.1`` (``port=0``: a free port) for one redirect to ``path``.

    Use as a context manager; :attr:`redirect_uri` is what the authorize URL must name, and
    :meth:`wait` blocks until the browser arrives (or ``timeout`` seconds pass).
    """

    def __init__(self, *, port: int = 0, path: str = "/callback") -> None:
        self.path = path if path.startswith("/") else f"/{path}"
        self._done = threading.Event()
        self._result: Redirect | None = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                receiver._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                """Silent: the query string carries the authorization code."""

        self._server = _Server(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="cloudspec-box-loopback", daemon=True
        )
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}{self.path}"

    def wait(self, timeout: float = 300.0) -> Redirect:
        if not self._done.wait(timeout):
            raise BoxAuthFlowError(
                f"no browser redirect reached {self.redirect_uri} in {timeout:g} s"
            )
        assert self._result is not None
        return self._result

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlsplit(request.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if (
            url.path != self.path
            or self._done.is_set()
            or not ("code" in query or "error" in query)
        ):
            self._reply(request, 404, "Not found", "This address only receives a Box login.")
            return
        self._result = Redirect(
            code=query.get("code"),
            state=query.get("state"),
            error=query.get("error"),
            error_description=query.get("error_description"),
        )
        if self._result.error:
            self._reply(request, 200, "Login failed", f"Box said: {self._result.error}.")
        else:
            self._reply(request, 200, "Logged in", "You can close this tab and go back.")
        self._done.set()

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, title: str, text: str) -> None:
        body = _PAGE.format(title=html.escape(title), text=html.escape(text)).encode()
        request.send_response(status)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "no-store")
        request.end_headers()
        request.wfile.write(body)
