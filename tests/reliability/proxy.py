"""A test-only fault proxy: a loopback TCP proxy that breaks HTTP/1.1 traffic on purpose.

``FaultProxy(upstream, fault)`` listens on ``127.0.0.1`` (a free port) and forwards every
connection to ``upstream``. It reads HTTP/1.1 messages (keep-alive, ``Content-Length`` and
chunked bodies) in both directions so that it can break them at a chosen point:

* connection faults (``delay``, ``drop``, ``reset``) hit the first ``times`` connections after
  ``skip`` untouched ones; ``nbytes`` counts bytes forwarded in ``direction`` on that connection
  (every request or response on it, keep-alive included);
* request faults hit the first ``times`` requests (``status``: the proxy answers itself and
  forwards nothing) or responses with a body (``truncate``: headers and half the body, then the
  connection closes), after ``skip`` untouched ones.

Once the budget is spent, traffic passes through untouched, so a client that retries recovers.
The proxy stops by itself ``deadline`` seconds after it starts, and on ``stop()`` or context
exit: it closes every socket it opened and joins every thread.

``FaultProxies`` runs one proxy per host of a multi-host service (Box: api, upload, download)
with one shared budget, and rewrites the hosts' origins in ``Location`` headers and in JSON
bodies (up to 1 MiB, with a ``Content-Length``), so that a redirect or a URL the server hands
out (Box's upload-session endpoints) keeps the client behind the proxies.
"""

from __future__ import annotations

import contextlib
import re
import socket
import struct
import threading
import time
from collections.abc import Iterable, Mapping
from types import MappingProxyType, TracebackType
from typing import Literal
from urllib.parse import urlsplit

import attrs

__all__ = [
    "PASS",
    "SCENARIOS",
    "Budget",
    "Fault",
    "FaultProxies",
    "FaultProxy",
    "ProxyStats",
]

Kind = Literal["pass", "delay", "drop", "reset", "truncate", "status"]
Direction = Literal["request", "response"]

_REASONS = {
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_CONNECTION_KINDS = frozenset({"delay", "drop", "reset"})
_CHUNK = 64 * 1024
# Heads larger than this are not HTTP this proxy is meant to carry.
_MAX_HEAD = 256 * 1024
_LINGER_ZERO = struct.pack("ii", 1, 0)
# JSON bodies up to this size are searched for upstream URLs; bigger ones pass untouched.
_MAX_REWRITE = 1024 * 1024
_CONTENT_LENGTH = re.compile(rb"(?i)\r\ncontent-length:[ \t]*\d+")


@attrs.frozen(kw_only=True)
class Fault:
    """One fault scenario.

    ``kind``: ``pass`` (forward untouched), ``delay`` (wait ``seconds`` before forwarding the
    first request of a connection), ``drop`` (close both sides once ``nbytes`` bytes went in
    ``direction``), ``reset`` (the same, but the client gets a TCP RST: SO_LINGER 0),
    ``truncate`` (forward a response's headers and half its body, then close), ``status``
    (answer ``status`` itself, with ``Retry-After: retry_after`` when given, without
    forwarding the request).

    ``times``: how many connections (delay, drop, reset) or requests (status, truncate) the
    fault hits, after ``skip`` that it lets through; then everything passes.
    """

    kind: Kind = "pass"
    seconds: float = 0.0
    nbytes: int = 0
    direction: Direction = "request"
    status: int = 503
    retry_after: str | None = None
    times: int = 1
    skip: int = 0

    @property
    def per_connection(self) -> bool:
        return self.kind in _CONNECTION_KINDS

    def describe(self) -> str:
        if self.kind == "pass":
            return "pass-through"
        if self.kind == "delay":
            what = f"{self.seconds:g} s delay"
        elif self.kind in ("drop", "reset"):
            what = f"{self.kind} after {self.nbytes} {self.direction} bytes"
        elif self.kind == "truncate":
            what = "truncated response body"
        else:
            retry = f", Retry-After {self.retry_after}" if self.retry_after is not None else ""
            what = f"HTTP {self.status}{retry}"
        unit = "connection" if self.per_connection else "request"
        skipped = f", after {self.skip} clean" if self.skip else ""
        return f"{what}, {self.times} {unit}{'s' if self.times != 1 else ''}{skipped}"


PASS = Fault()


def _status(code: int, times: int = 1, retry_after: str | None = None, skip: int = 0) -> Fault:
    return Fault(kind="status", status=code, times=times, retry_after=retry_after, skip=skip)


SCENARIOS: Mapping[str, Fault] = MappingProxyType(
    {
        "pass": PASS,
        "delay": Fault(kind="delay", seconds=0.2, times=2),
        "drop_request_at_0": Fault(kind="drop", direction="request", nbytes=0),
        "drop_request_at_100": Fault(kind="drop", direction="request", nbytes=100),
        "drop_request_mid_body": Fault(kind="drop", direction="request", nbytes=40_000),
        "drop_request_late": Fault(kind="drop", direction="request", nbytes=1_500_000),
        "drop_response_at_0": Fault(kind="drop", direction="response", nbytes=0),
        "drop_response_at_60": Fault(kind="drop", direction="response", nbytes=60),
        "drop_response_mid_body": Fault(kind="drop", direction="response", nbytes=600),
        "drop_response_second": Fault(kind="drop", direction="response", nbytes=0, skip=1),
        "drop_every_connection": Fault(kind="drop", direction="response", nbytes=0, times=50),
        "reset_request_at_0": Fault(kind="reset", direction="request", nbytes=0),
        "reset_response_at_0": Fault(kind="reset", direction="response", nbytes=0),
        "reset_response_mid_body": Fault(kind="reset", direction="response", nbytes=400),
        "truncate_body": Fault(kind="truncate"),
        "truncate_second_body": Fault(kind="truncate", skip=1),
        "status_429": _status(429),
        "status_429_retry_after": _status(429, retry_after="1"),
        "status_500": _status(500),
        "status_502": _status(502),
        "status_503": _status(503),
        "status_503_retry_after": _status(503, retry_after="1"),
        "status_503_second": _status(503, skip=1),
        "status_503_burst": _status(503, times=2),
        "status_503_storm": _status(503, times=50),
        "status_503_storm_after_first": _status(503, times=50, skip=1),
        "status_429_storm_retry_after": _status(429, times=50, retry_after="0"),
    }
)
"""Every scenario the matrix runs, by name. ``storm``/``every`` scenarios outlast any sane
retry policy, so the client must end with a typed error."""


@attrs.define
class ProxyStats:
    """What a proxy (or a group sharing a budget) saw and did."""

    connections: int = 0
    requests: int = 0
    faults: int = 0


class Budget:
    """The shared count of connections and requests a fault may still hit (thread-safe)."""

    def __init__(self, fault: Fault) -> None:
        self._lock = threading.Lock()
        self.fault = fault
        self.stats = ProxyStats()
        self._connections = 0
        self._requests = 0
        self._bodies = 0

    def arm(self, fault: Fault) -> None:
        """Replace the fault and start its counts afresh."""
        with self._lock:
            self.fault = fault
            self._connections = self._requests = self._bodies = 0

    def take_connection(self) -> Fault:
        """The fault for a new connection (``PASS`` unless it is a connection fault in budget)."""
        with self._lock:
            self.stats.connections += 1
            fault = self.fault
            if not fault.per_connection:
                return PASS
            index = self._connections
            self._connections += 1
            if fault.skip <= index < fault.skip + fault.times:
                self.stats.faults += 1
                return fault
            return PASS

    def take_request(self) -> Fault:
        """Whether the proxy answers this request itself (a ``status`` fault in budget)."""
        with self._lock:
            self.stats.requests += 1
            fault = self.fault
            if fault.kind != "status":
                return PASS
            index = self._requests
            self._requests += 1
            if fault.skip <= index < fault.skip + fault.times:
                self.stats.faults += 1
                return fault
            return PASS

    def take_body(self) -> bool:
        """Whether to truncate this response body (a ``truncate`` fault in budget)."""
        with self._lock:
            fault = self.fault
            if fault.kind != "truncate":
                return False
            index = self._bodies
            self._bodies += 1
            if fault.skip <= index < fault.skip + fault.times:
                self.stats.faults += 1
                return True
            return False


class _Closed(Exception):
    """The peer closed, or the proxy cut the connection on purpose."""


class _Reader:
    """Buffered reads from one socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def fill(self) -> None:
        try:
            data = self.sock.recv(_CHUNK)
        except OSError:
            data = b""
        if not data:
            raise _Closed
        self.buffer += data

    def head(self) -> bytes:
        """One message head (start line and headers, with the blank line), or _Closed."""
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                head, self.buffer = self.buffer[: end + 4], self.buffer[end + 4 :]
                return head
            if len(self.buffer) > _MAX_HEAD:
                raise _Closed
            self.fill()

    def line(self) -> bytes:
        while True:
            end = self.buffer.find(b"\r\n")
            if end >= 0:
                line, self.buffer = self.buffer[: end + 2], self.buffer[end + 2 :]
                return line
            self.fill()

    def some(self, limit: int) -> bytes:
        if not self.buffer:
            self.fill()
        data, self.buffer = self.buffer[:limit], self.buffer[limit:]
        return data

    def until_close(self) -> Iterable[bytes]:
        while True:
            if self.buffer:
                data, self.buffer = self.buffer, b""
                yield data
            try:
                self.fill()
            except _Closed:
                return


def _headers(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    fields: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    return lines[0], fields


def _body(reader: _Reader, fields: Mapping[str, str], *, until_close: bool) -> Iterable[bytes]:
    """The raw bytes of a message body as they are on the wire (chunked framing kept)."""
    if "chunked" in fields.get("transfer-encoding", "").lower():
        while True:
            size_line = reader.line()
            yield size_line
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while True:
                    trailer = reader.line()
                    yield trailer
                    if trailer == b"\r\n":
                        return
            remaining = size + 2
            while remaining:
                data = reader.some(remaining)
                remaining -= len(data)
                yield data
    elif "content-length" in fields:
        remaining = int(fields["content-length"])
        while remaining:
            data = reader.some(min(remaining, _CHUNK))
            remaining -= len(data)
            yield data
    elif until_close:
        yield from reader.until_close()


def _with_length(head: bytes, length: int) -> bytes:
    return _CONTENT_LENGTH.sub(f"\r\nContent-Length: {length}".encode(), head, count=1)


class _Connection:
    """One client connection and its upstream: two pumps, one per direction."""

    def __init__(self, proxy: FaultProxy, client: socket.socket) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: socket.socket | None = None
        self.fault = proxy.budget.take_connection()
        self.sent = {"request": 0, "response": 0}
        self.methods: list[str] = []
        self.lock = threading.Lock()
        self.cut = False
        self.response_pump: threading.Thread | None = None

    def close(self, *, reset: bool = False) -> None:
        with self.lock:
            self.cut = True
            for sock in (self.client, self.upstream):
                if sock is None:
                    continue
                if reset and sock is self.client:
                    # SHUT_RD wakes the pump blocked in recv without sending a FIN; linger 0
                    # makes the close an RST.
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RD)
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_ZERO)
                else:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()

    def forward(self, direction: Direction, data: bytes) -> None:
        """Send ``data`` on, cutting the connection where the fault says."""
        target = self.upstream if direction == "request" else self.client
        assert target is not None
        fault = self.fault
        if fault.kind in ("drop", "reset") and fault.direction == direction:
            room = fault.nbytes - self.sent[direction]
            if len(data) >= room or room <= 0:
                # nbytes == 0 cuts before anything of the message reaches the other side.
                head = data[: max(room, 0)]
                if head:
                    self._send(target, head)
                self.close(reset=fault.kind == "reset")
                raise _Closed
        self._send(target, data)
        self.sent[direction] += len(data)

    def _send(self, target: socket.socket, data: bytes) -> None:
        try:
            target.sendall(data)
        except OSError:
            raise _Closed from None

    def requests(self) -> None:
        reader = _Reader(self.client)
        try:
            delayed = self.fault.kind == "delay"
            while True:
                head = reader.head()
                start, fields = _headers(head)
                method = start.split(" ", 1)[0].upper()
                answer = self.proxy.budget.take_request()
                if answer.kind == "status":
                    for _ in _body(reader, fields, until_close=False):
                        pass
                    self._answer(answer)
                    continue
                if delayed:
                    delayed = False
                    if self.proxy.stopping.wait(self.fault.seconds):
                        raise _Closed
                self._connect()
                self.methods.append(method)
                self.forward("request", head)
                for data in _body(reader, fields, until_close=False):
                    self.forward("request", data)
        except (_Closed, ValueError):
            pass
        except Exception as exc:
            self.proxy.errors.append(f"request pump: {exc!r}")
        finally:
            self.close()

    def _answer(self, fault: Fault) -> None:
        body = b'{"message": "injected by the fault proxy"}'
        lines = [
            f"HTTP/1.1 {fault.status} {_REASONS.get(fault.status, 'Error')}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
        ]
        if fault.retry_after is not None:
            lines.append(f"Retry-After: {fault.retry_after}")
        self._send(self.client, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)

    def _connect(self) -> None:
        if self.upstream is not None:
            return
        try:
            upstream = socket.create_connection(self.proxy.upstream_address, timeout=10)
        except OSError:
            raise _Closed from None
        upstream.settimeout(None)
        with self.lock:
            if self.cut:
                upstream.close()
                raise _Closed
            self.upstream = upstream
        self.response_pump = self.proxy.spawn(self.responses)

    def responses(self) -> None:
        assert self.upstream is not None
        reader = _Reader(self.upstream)
        try:
            while True:
                head = reader.head()
                start, fields = _headers(head)
                status = int(start.split(" ", 2)[1])
                if status < 200:
                    self.forward("response", head)
                    continue
                method = self.methods.pop(0) if self.methods else "GET"
                head = self.proxy.rewrite_location(head, fields)
                no_body = method == "HEAD" or status in (204, 304)
                body: Iterable[bytes] = () if no_body else _body(reader, fields, until_close=True)
                if not no_body and self.proxy.rewrites_body(fields):
                    raw = self.proxy.rewrite_body(b"".join(body))
                    head, body = _with_length(head, len(raw)), (raw,)
                if not no_body and self._has_body(fields) and self.proxy.budget.take_body():
                    raw = b"".join(body)
                    self.forward("response", head + raw[: len(raw) // 2])
                    self.close()
                    return
                self.forward("response", head)
                for data in body:
                    self.forward("response", data)
                if not no_body and not self._framed(fields):
                    raise _Closed
        except (_Closed, ValueError, IndexError):
            pass
        except Exception as exc:
            self.proxy.errors.append(f"response pump: {exc!r}")
        finally:
            self.close()

    @staticmethod
    def _framed(fields: Mapping[str, str]) -> bool:
        return "content-length" in fields or "chunked" in fields.get("transfer-encoding", "")

    @staticmethod
    def _has_body(fields: Mapping[str, str]) -> bool:
        if "content-length" in fields:
            return int(fields["content-length"]) >= 2
        return True


class FaultProxy:
    """A loopback proxy in front of ``upstream`` (``http://host:port[/prefix]``).

    ``url`` is ``upstream`` with the proxy's address: give it to the client under test.
    ``budget`` may be shared by several proxies (see :class:`FaultProxies`); ``locations``
    maps upstream origins to the proxied ones in ``Location`` headers.
    """

    def __init__(
        self,
        upstream: str,
        fault: Fault = PASS,
        *,
        deadline: float = 120.0,
        budget: Budget | None = None,
        locations: Mapping[str, str] | None = None,
    ) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or parts.hostname is None or parts.port is None:
            raise ValueError(f"expected http://host:port[/path], got {upstream!r}")
        self.upstream = upstream.rstrip("/")
        self.upstream_address = (parts.hostname, parts.port)
        self.upstream_origin = f"http://{parts.hostname}:{parts.port}"
        self.budget = budget if budget is not None else Budget(fault)
        self.locations: dict[str, str] = dict(locations or {})
        self.deadline = deadline
        self.stopping = threading.Event()
        # A bug in the proxy must not pass for a fault: tests assert this stays empty.
        self.errors: list[str] = []
        self._threads: list[threading.Thread] = []
        self._connections: list[_Connection] = []
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        # A short accept timeout lets the accept loop notice the deadline and stop().
        self._listener.settimeout(0.05)
        port = self._listener.getsockname()[1]
        self.origin = f"http://127.0.0.1:{port}"
        self.url = self.origin + parts.path.rstrip("/")
        self._started_at = 0.0
        self._acceptor: threading.Thread | None = None

    @property
    def stats(self) -> ProxyStats:
        return self.budget.stats

    def arm(self, fault: Fault) -> None:
        self.budget.arm(fault)

    def start(self) -> FaultProxy:
        self._started_at = time.monotonic()
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Close every socket and join every thread (idempotent)."""
        self.stopping.set()
        if self._acceptor is not None and self._acceptor is not threading.current_thread():
            self._acceptor.join()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            connections = list(self._connections)
            threads = list(self._threads)
        for connection in connections:
            connection.close()
        for thread in threads:
            thread.join()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def spawn(self, target: object) -> threading.Thread:
        thread = threading.Thread(target=target, daemon=True)  # type: ignore[arg-type]
        with self._lock:
            self._threads.append(thread)
        thread.start()
        return thread

    def rewrite_location(self, head: bytes, fields: Mapping[str, str]) -> bytes:
        location = fields.get("location")
        if location is None or not self.locations:
            return head
        for origin, proxied in self.locations.items():
            if location.startswith(origin):
                new = proxied + location[len(origin) :]
                return head.replace(location.encode("latin-1"), new.encode("latin-1"), 1)
        return head

    def rewrites_body(self, fields: Mapping[str, str]) -> bool:
        """Whether to rewrite upstream origins in this body: small JSON with a length only."""
        if not self.locations or "json" not in fields.get("content-type", ""):
            return False
        length = fields.get("content-length", "")
        return length.isdigit() and int(length) <= _MAX_REWRITE

    def rewrite_body(self, body: bytes) -> bytes:
        """Upstream origins in a JSON body (Box's session endpoints) made the proxies' own."""
        for origin, proxied in self.locations.items():
            body = body.replace(origin.encode("latin-1"), proxied.encode("latin-1"))
        return body

    def _accept(self) -> None:
        while not self.stopping.is_set():
            if time.monotonic() - self._started_at > self.deadline:
                # Stops by itself: a forgotten proxy must not outlive its test for long.
                self.stopping.set()
                break
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                break
            client.settimeout(None)
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = _Connection(self, client)
            with self._lock:
                self._connections.append(connection)
            self.spawn(connection.requests)
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close()


class FaultProxies:
    """One :class:`FaultProxy` per named host, sharing one fault budget.

    ``urls`` maps host names to upstream URLs (``ServerURLs.urls``); ``hosts`` picks the ones to
    proxy (default: all). ``.urls`` answers the same mapping with the proxied hosts replaced;
    ``Location`` headers naming one proxied host's origin are rewritten to its proxy.
    """

    def __init__(
        self,
        urls: Mapping[str, str],
        fault: Fault = PASS,
        *,
        hosts: Iterable[str] | None = None,
        deadline: float = 120.0,
    ) -> None:
        chosen = list(urls) if hosts is None else list(hosts)
        self.budget = Budget(fault)
        self.proxies: dict[str, FaultProxy] = {}
        by_origin: dict[str, FaultProxy] = {}
        for name in chosen:
            origin = _origin(urls[name])
            proxy = by_origin.get(origin)
            if proxy is None:
                proxy = FaultProxy(urls[name], budget=self.budget, deadline=deadline)
                by_origin[origin] = proxy
            self.proxies[name] = proxy
        locations = {origin: proxy.origin for origin, proxy in by_origin.items()}
        for proxy in by_origin.values():
            proxy.locations = locations
        self._unique = list(by_origin.values())
        self.urls: Mapping[str, str] = MappingProxyType(
            {
                name: (_proxied(url, self.proxies[name]) if name in self.proxies else url)
                for name, url in urls.items()
            }
        )

    @property
    def stats(self) -> ProxyStats:
        return self.budget.stats

    def arm(self, fault: Fault) -> None:
        self.budget.arm(fault)

    def __enter__(self) -> FaultProxies:
        for proxy in self._unique:
            proxy.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for proxy in self._unique:
            proxy.stop()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _proxied(url: str, proxy: FaultProxy) -> str:
    parts = urlsplit(url)
    return proxy.origin + parts.path.rstrip("/")
