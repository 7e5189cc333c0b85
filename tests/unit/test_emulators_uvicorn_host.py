"""The emulators' listening sockets."""

from __future__ import annotations

import socket

from cloudspec.emulators.uvicorn_host import bind


def test_sockets_declare_tcp_so_asyncio_disables_nagle() -> None:
    # asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP; with proto 0,
    # every answer written in two parts waited for a delayed ACK (40 ms per request).
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
