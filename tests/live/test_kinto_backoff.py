"""A Kinto that sends ``Backoff`` on every answer: calls slow down and never fail."""

from __future__ import annotations

import time

import pytest

from cloudspec.emulators import run
from cloudspec.kinto import KintoClient

pytestmark = pytest.mark.live


def test_backoff_header_delays_the_next_call_instead_of_failing() -> None:
    with (
        run("kinto", settings={"kinto.backoff": "1"}) as server,
        KintoClient(server_url=server.base_url, auth=("alice", "alice-secret")) as client,
    ):
        first = client.server_info()
        started = time.monotonic()
        client.create_bucket(id="slow")  # kinto-http would raise BackoffException here
        waited = time.monotonic() - started
        assert client.get_bucket(id="slow")["data"]["id"] == "slow"
    assert first["project_name"] == "kinto"
    # A lower bound only: the client honoured the server's one-second request.
    assert waited >= 0.9
