"""ButtFS cassettes: recorded from the ButtFS emulator by `make record`, replayed offline.

When replaying, the session talks to an unreachable address and vcrpy answers. No credential
is recorded: Authorization (BCS signatures, bearer tokens) and Date headers are dropped,
form bodies are scrubbed (password), and token answers lose their access and transmission
keys. ButtFS's error bodies keep their numeric ``code`` (the default redactor would treat the
key as an OAuth code).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudspec.core.redact import SENSITIVE_FIELDS, Redactor
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs

from ..scrubbing import scrub_request_body, scrub_response

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "buttfs"
REPLAY_URL = "http://127.0.0.1:9"

_request_redactor = Redactor()
_response_redactor = Redactor(fields=SENSITIVE_FIELDS - {"code"})
_DROPPED_RESPONSE_HEADERS = ("date", "server", "set-cookie")


def _scrub_request(request: Any) -> Any:
    if "/_emulator/" in request.path:
        return None  # the test's own hands on the emulator, not the client's traffic
    scrub_request_body(request, _request_redactor)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    return scrub_response(response, _response_redactor, _DROPPED_RESPONSE_HEADERS)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "cookie", "date"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "match_on": ["method", "scheme", "host", "path", "query"],
        "decode_compressed_response": True,
    }


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    flavour = request.node.path.parent.name.strip("_")
    return str(CASSETTES / flavour)


@pytest.fixture(scope="session")
def buttfs_record_server(record_mode: str) -> Iterator[ServerURLs | None]:
    if record_mode == "none":
        yield None
        return
    with run("buttfs") as urls:
        yield urls


@pytest.fixture
def buttfs_url(buttfs_record_server: ServerURLs | None) -> str:
    return REPLAY_URL if buttfs_record_server is None else buttfs_record_server.base_url
