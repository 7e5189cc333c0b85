"""Box cassettes: recorded from the Box emulator by `make record`, replayed offline.

Recording runs the tests against an emulator with tiny upload parts (1 KiB), so a chunked
upload fits in a cassette. Replaying needs no server: the client is pointed at unreachable
hosts and vcrpy answers; the absolute URLs Box returns (upload-session endpoints, the
download redirect) come from the cassette itself. The emulator's test-only control calls are
not recorded, and neither is any credential: request bodies (refresh and code grants) are
scrubbed, token endpoint answers too, and Authorization headers are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cloudspec.box import BoxURLs
from cloudspec.core.redact import SENSITIVE_FIELDS, Redactor
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs

from ..scrubbing import scrub_request_body, scrub_response

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "box"
REPLAY_URLS = BoxURLs(
    api="http://127.0.0.1:9", upload="http://127.0.0.1:9/api", account="http://127.0.0.1:9/acc"
)
RECORD_SETTINGS = {"part_size": 1024, "chunked_min_size": 2048}
# Stand-ins used when replaying: the real pair is minted at record time and never stored.
REPLAY_TOKEN = {"access_token": "replay-access-token", "refresh_token": "replay-refresh-token"}

_request_redactor = Redactor()
# Box's error bodies carry their error name under "code" (item_name_in_use...), which the
# default redactor treats as an OAuth code; only request bodies can carry one of those.
_response_redactor = Redactor(fields=SENSITIVE_FIELDS - {"code"})
_DROPPED_RESPONSE_HEADERS = ("date", "server", "set-cookie", "box-request-id")


def _box_headers(r1: Any, r2: Any) -> None:
    """Parts go out in parallel: a part's answer belongs to the part with its range."""
    for name in ("content-range", "digest"):
        assert _header(r1, name) == _header(r2, name)


def _header(request: Any, name: str) -> str | None:
    for key, value in request.headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return None


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("box_headers", _box_headers)


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
        "filter_headers": ["authorization", "cookie"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "match_on": ["method", "scheme", "host", "path", "query", "box_headers"],
        "decode_compressed_response": True,
    }


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    flavour = request.node.path.parent.name.strip("_")
    return str(CASSETTES / flavour)


@pytest.fixture(scope="session")
def box_record_server(record_mode: str) -> Iterator[ServerURLs | None]:
    if record_mode == "none":
        yield None
        return
    with run("box", settings=RECORD_SETTINGS) as urls:
        yield urls


@pytest.fixture
def box_target(box_record_server: ServerURLs | None) -> tuple[BoxURLs, dict[str, Any]]:
    """Where the client goes and the token pair it starts with."""
    if box_record_server is None:
        return REPLAY_URLS, dict(REPLAY_TOKEN)
    import httpx

    control = f"{box_record_server.urls['api']}/_emulator/tokens"
    pair = httpx.post(control, json={"login": "demo@example.com"}).json()
    return BoxURLs.from_emulator(box_record_server), pair


@pytest.fixture
def expire_tokens(box_record_server: ServerURLs | None) -> Any:
    """Expires the emulator's tokens when recording (the cassette then holds the 401 and the
    refresh that follows); nothing to do when replaying."""

    def expire() -> None:
        if box_record_server is not None:
            import httpx

            httpx.post(f"{box_record_server.urls['api']}/_emulator/expire_tokens")

    return expire
