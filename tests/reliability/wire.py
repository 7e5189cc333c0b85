"""Test-side hands on the wire for the secrets and redirect tests.

* :class:`Wire` is an ``httpx`` transport (sync and async) that records every request a client
  sends (after its auth flow signed it), and either answers it from a script (``answer``) or
  passes it to a real transport. A script may also answer only some requests (return None for
  the rest), e.g. a 302 to another origin.
* :func:`wire_secrets` extracts the credentials found in the recorded requests: Basic header
  base64 and its decoded password, Bearer tokens, BCS and ECDSA signatures, OAuth 1.0a
  signatures and tokens, credential-looking query parameters. They are checked alongside the
  secrets the test configured, so a derived value (never typed by the user) cannot leak either.
* :class:`RecordingServer` is a real HTTP server on another loopback port (another origin):
  it records what reaches it and answers with a fixed body.
"""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Self
from urllib.parse import parse_qsl, unquote

import attrs
import httpx

__all__ = ["Received", "RecordingServer", "Wire", "find_leaks", "wire_secrets"]

Answer = Callable[[httpx.Request], httpx.Response | None]

# Headers whose whole value is a credential, whatever the scheme.
CREDENTIAL_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-signature", "x-token", "cookie", "x-api-key"}
)
CREDENTIAL_PARAMS = frozenset(
    {
        "access_token",
        "refresh_token",
        "token",
        "password",
        "client_secret",
        "signature",
        "oauth_signature",
        "oauth_token",
        "code",
    }
)


class Wire(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Records each request; answers it from ``answer`` or sends it on through ``inner``."""

    def __init__(
        self,
        answer: Answer | None = None,
        *,
        inner: httpx.BaseTransport | None = None,
        async_inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._answer = answer
        self._inner = inner
        self._async_inner = async_inner
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def _scripted(self, request: httpx.Request) -> httpx.Response | None:
        with self._lock:
            self.requests.append(request)
        if self._answer is None:
            return None
        return self._answer(request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        response = self._scripted(request)
        if response is not None:
            return response
        assert self._inner is not None, f"no answer scripted for {request.method} {request.url}"
        return self._inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        response = self._scripted(request)
        if response is not None:
            return response
        assert self._async_inner is not None, f"no answer for {request.method} {request.url}"
        return await self._async_inner.handle_async_request(request)

    def close(self) -> None:
        if self._inner is not None:
            self._inner.close()

    async def aclose(self) -> None:
        if self._async_inner is not None:
            await self._async_inner.aclose()


def _header_secrets(name: str, value: str) -> list[str]:
    found = [value]
    scheme, _, credential = value.partition(" ")
    if credential:
        found.append(credential.strip())
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(credential).decode("utf-8")
        except ValueError:
            decoded = ""
        if ":" in decoded:
            found.append(decoded)
            found.append(decoded.partition(":")[2])  # the password part
    if scheme.lower() == "oauth":
        for item in credential.split(","):
            key, _, raw = item.strip().partition("=")
            if key in {"oauth_signature", "oauth_token"}:
                found += [raw.strip('"'), unquote(raw.strip('"'))]
    if scheme.upper() == "BCS":  # BCS <client id>:<signature>
        found.append(credential.rpartition(":")[2])
    return found


def wire_secrets(requests: Iterable[httpx.Request]) -> set[str]:
    """Every credential value the recorded requests carried (long enough to be searched)."""
    found: list[str] = []
    for request in requests:
        for name, value in request.headers.items():
            if name.lower() in CREDENTIAL_HEADERS:
                found += _header_secrets(name.lower(), value)
        for key, value in parse_qsl(request.url.query.decode("ascii", "replace")):
            if key.lower() in CREDENTIAL_PARAMS:
                found.append(value)
    # The OAuth PLAINTEXT signature "a&b" is also searched as its parts' raw join.
    return {value for value in found if len(value) >= 6}


def find_leaks(texts: Iterable[str], secrets: Iterable[str]) -> list[tuple[str, str]]:
    """(secret, a line that shows it) for every secret found in any text."""
    leaks: list[tuple[str, str]] = []
    joined = "\n".join(texts)
    for secret in sorted(set(secrets)):
        at = joined.find(secret)
        if at >= 0:
            start = joined.rfind("\n", 0, at) + 1
            end = joined.find("\n", at)
            leaks.append((secret, joined[start : end if end >= 0 else None][:300]))
    return leaks


@attrs.frozen
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        """Everything received, as one searchable string."""
        lines = [f"{self.method} {unquote(self.path)}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        return "\n".join([*lines, self.body.decode("utf-8", "replace")])


class RecordingServer:
    """A real HTTP server on a free loopback port: records requests, answers ``body``."""

    def __init__(self, body: bytes = b"hello from another origin") -> None:
        self.body = body
        self.received: list[Received] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                owner.received.append(Received(self.command, self.path, headers, body))
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            do_POST = do_PUT = do_DELETE = do_GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
