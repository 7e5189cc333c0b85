"""A TLS front for any loopback server, with a certificate from a throwaway trustme CA.

``TLSProxy(upstream_url, server_context)`` listens on a free 127.0.0.1 port, completes the TLS
handshake with the certificate it was given, and pipes the decrypted bytes to the plain HTTP
server behind it (the real Kinto or an emulator), so a client that trusts the CA gets real
answers. It counts TCP connections accepted and handshakes that failed (a client refusing
the certificate aborts the handshake), so a test can tell how many times a client tried.

Threads only, no event loop: the proxy serves sync and async clients alike. Every socket has
a timeout and the accept loop polls a stop flag, so it always stops by itself.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import trustme

__all__ = ["TLSProxy", "certificate_authority"]

_IO_TIMEOUT = 10.0
_CHUNK = 64 * 1024


def certificate_authority() -> tuple[trustme.CA, ssl.SSLContext]:
    """A fresh CA and a server context holding a certificate it issued for 127.0.0.1."""
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
    return ca, server_context


class TLSProxy:
    """``https://127.0.0.1:<port>`` in front of ``upstream`` (an ``http://127.0.0.1:...`` URL).

    ``url`` keeps the upstream's path (Kinto's ``/v1``), so it replaces the upstream URL as is.
    """

    def __init__(self, upstream: str, server_context: ssl.SSLContext) -> None:
        parts = urlsplit(upstream)
        assert parts.hostname == "127.0.0.1" and parts.port is not None, upstream
        self._upstream = (parts.hostname, parts.port)
        self._path = parts.path.rstrip("/")
        self._context = server_context
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self.accepted = 0
        self.failed_handshakes = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._piping_threads: set[int | None] = set()
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}{self._path}"

    def counts(self) -> tuple[int, int]:
        """(connections accepted, handshakes failed) once every refused handshake is counted.

        The client sees its handshake fail before the proxy's thread does: wait (bounded) for
        the threads of connections that never got past the handshake.
        """
        for thread in list(self._threads):
            if not self._piping(thread):
                thread.join(timeout=_IO_TIMEOUT)
        with self._lock:
            return self.accepted, self.failed_handshakes

    def _piping(self, thread: threading.Thread) -> bool:
        with self._lock:
            return thread.ident in self._piping_threads

    def __enter__(self) -> Self:
        self._acceptor.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._acceptor.join(timeout=5)
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=_IO_TIMEOUT)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            thread = threading.Thread(target=self._serve, args=(raw,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, raw: socket.socket) -> None:
        raw.settimeout(_IO_TIMEOUT)
        try:
            tls = self._context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            with self._lock:
                self.failed_handshakes += 1
            raw.close()
            return
        with self._lock:
            self._piping_threads.add(threading.get_ident())
        try:
            upstream = socket.create_connection(self._upstream, timeout=_IO_TIMEOUT)
        except OSError:
            tls.close()
            return
        with tls, upstream:
            self._pipe(tls, upstream)

    def _pipe(self, tls: ssl.SSLSocket, upstream: socket.socket) -> None:
        while not self._stop.is_set():
            # Bytes already decrypted by OpenSSL do not show up as readable on the socket.
            ready: list[socket.socket] = [tls] if tls.pending() else []
            if not ready:
                ready, _, _ = select.select([tls, upstream], [], [], 0.2)
            for source in ready:
                target = upstream if source is tls else tls
                try:
                    data = source.recv(_CHUNK)
                    if not data:
                        return
                    target.sendall(data)
                except (ssl.SSLError, OSError):
                    return
