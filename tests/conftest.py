"""Fixtures shared by every test directory.

``kinto_server`` starts one real Kinto (memory backends, see cloudspec.emulators) per session;
``kinto_flush`` wipes its data after a test; ``box_server`` starts one Box emulator per
session; ``buttfs_server`` one ButtFS emulator; ``metadisk_server`` one Metadisk emulator;
``smartfile_server`` one SmartFile emulator;
``redis_server`` one redis-server. Tests that use any of these servers, directly or through
another fixture, are marked ``live`` automatically, so ``pytest -m "not live"`` runs only what
needs no server.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import httpx
import pytest

from cloudspec.emulators import ServerURLs, run


@attrs.frozen
class KintoServer:
    """A running Kinto: ``url`` includes ``/v1`` (the generated Client's base URL).

    ``auth`` and ``other_auth`` are two basic-auth identities. Kinto's basicauth policy accepts
    any pair and derives a distinct principal from it (``basicauth:<hmac>``), so these need no
    account and are stable across runs.
    """

    url: str
    auth: tuple[str, str] = ("alice", "alice-secret")
    other_auth: tuple[str, str] = ("bob", "bob-secret")


@pytest.fixture(scope="session")
def kinto_server() -> Iterator[KintoServer]:
    with run("kinto") as urls:
        yield KintoServer(url=urls.base_url)


@pytest.fixture(scope="session")
def box_server() -> Iterator[ServerURLs]:
    """One Box emulator per session (default seed), with small upload parts for speed.

    Parts of 1 MiB and upload sessions from 2 MiB keep chunked tests fast while every rule
    (part alignment, a short last part, the minimum size) still applies.
    """
    settings = {"part_size": 1024 * 1024, "chunked_min_size": 2 * 1024 * 1024}
    with run("box", settings=settings) as urls:
        yield urls


@pytest.fixture
def kinto_flush(kinto_server: KintoServer) -> Iterator[None]:
    """Wipe every bucket, account and permission after the test (POST /__flush__)."""
    yield
    # trust_env=False: a proxy from the environment must never see loopback traffic.
    response = httpx.post(f"{kinto_server.url}/__flush__", trust_env=False, timeout=10)
    assert response.status_code == 202, f"flush failed: {response.status_code} {response.text}"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server on a free loopback port, for the whole session: its URL.

    Never skipped: RedisTokenStore's lock is only proven against a real server.
    """
    import shutil
    import socket
    import subprocess
    import time

    executable = shutil.which("redis-server")
    if executable is None:
        pytest.fail("install redis-server (apt-get install redis-server); `make setup` does it")
    workdir = tmp_path_factory.mktemp("redis")

    def free_port() -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port: int = probe.getsockname()[1]
            return port

    def answers_ping(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    # The port is free when probed but may be taken before redis binds it: try a few.
    for _ in range(5):
        port = free_port()
        # Persistence off: the server lives for this session only.
        server = subprocess.Popen(
            [
                executable,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while server.poll() is None and time.monotonic() < deadline:
            if answers_ping(port):
                break
            time.sleep(0.02)
        else:
            server.kill()
            server.wait()
            continue
        try:
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        return
    pytest.fail("redis-server did not start (5 tries on free loopback ports)")


_SERVER_FIXTURES = frozenset(
    {
        "kinto_server",
        "box_server",
        "buttfs_server",
        "metadisk_server",
        "smartfile_server",
        "redis_server",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.live)


@pytest.fixture(scope="session")
def buttfs_server() -> Iterator[ServerURLs]:
    """One ButtFS emulator per session (default seed: app ``buttfs-demo``, user ``demo``)."""
    with run("buttfs") as urls:
        yield urls


@pytest.fixture(scope="session")
def metadisk_server() -> Iterator[ServerURLs]:
    """One Metadisk emulator per session (default seed: ``demo@example.com`` /
    ``demo-password``, activated), with 1 MiB download shards so multi-shard files stay small.
    """
    with run("metadisk", settings={"shard_size": 1024 * 1024}) as urls:
        yield urls


@pytest.fixture(scope="session")
def smartfile_server() -> Iterator[ServerURLs]:
    """One SmartFile emulator per session (default seed: user ``demo``; the credentials are at
    ``GET /_emulator/credentials``), with 0.05 s task phases so polling tests stay quick."""
    with run("smartfile", settings={"task_seconds": 0.05}) as urls:
        yield urls
