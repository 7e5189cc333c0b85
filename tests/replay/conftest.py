"""Cassette replay: Kinto traffic recorded by `make record`, replayed with the network blocked.

Recording (``--record-mode=rewrite``) runs the same tests against the live Kinto of the
``kinto_server`` fixture. Replaying (the default, ``none``) needs no server: the client talks to
``REPLAY_URL`` and vcrpy answers from ``tests/cassettes/kinto/<flavour>/<test>.yaml``. Ports and
pagination tokens differ on every recording, so neither takes part in matching.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudspec.core.redact import Redactor

from .scrubbing import scrub_request_body, scrub_response

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes" / "kinto"
REPLAY_URL = "http://127.0.0.1:9/v1"
AUTH = ("alice", "alice-secret")
OTHER_AUTH = ("bob", "bob-secret")

_redactor = Redactor()
_DROPPED_RESPONSE_HEADERS = ("date", "server", "set-cookie")


def _query_without_token(r1: Any, r2: Any) -> None:
    def strip(query: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return sorted((k, v) for k, v in query if k != "_token")

    assert strip(r1.query) == strip(r2.query)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("query_without_token", _query_without_token)


def _scrub_request(request: Any) -> Any:
    if request.path.endswith("/__heartbeat__"):
        return None  # the launcher's readiness probe, not the client's traffic
    scrub_request_body(request, _redactor, default_type="application/json")
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    return scrub_response(response, _redactor, _DROPPED_RESPONSE_HEADERS)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "cookie"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "match_on": ["method", "scheme", "host", "path", "query_without_token"],
        "decode_compressed_response": True,
    }


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    flavour = request.node.path.parent.name.strip("_")
    return str(CASSETTES / flavour)


@pytest.fixture
def kinto_url(request: pytest.FixtureRequest, record_mode: str) -> Iterator[str]:
    """The live server while recording; an unreachable address when replaying."""
    if record_mode == "none":
        yield REPLAY_URL
    else:
        server = request.getfixturevalue("kinto_server")
        yield server.url


@pytest.fixture
def names(request: pytest.FixtureRequest) -> str:
    """A bucket id unique to this test and flavour, so one recording session can hold all."""
    flavour = request.node.path.parent.name.strip("_")
    return f"{flavour}-{request.node.name.removeprefix('test_')}".replace("_", "-")[:60]
