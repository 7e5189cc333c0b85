"""Fixtures shared by every test directory.

``kinto_server`` starts one real Kinto (memory backends, see cloudspec.emulators) per session;
``kinto_flush`` wipes its data after a test. Tests that use ``kinto_server``, directly or
through another fixture, are marked ``live`` automatically, so ``pytest -m "not live"`` runs
only what needs no server.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import httpx
import pytest

from cloudspec.emulators import run


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


@pytest.fixture
def kinto_flush(kinto_server: KintoServer) -> Iterator[None]:
    """Wipe every bucket, account and permission after the test (POST /__flush__)."""
    yield
    # trust_env=False: a proxy from the environment must never see loopback traffic.
    response = httpx.post(f"{kinto_server.url}/__flush__", trust_env=False, timeout=10)
    assert response.status_code == 202, f"flush failed: {response.status_code} {response.text}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "kinto_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.live)
