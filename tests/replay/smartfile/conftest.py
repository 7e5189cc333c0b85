"""SmartFile cassettes: recorded from the SmartFile emulator by `make record`, replayed offline.

Recording (``--record-mode=rewrite``) runs the tests against an in-process emulator with the
default seed and real credentials fetched from its control endpoint. Replaying (the default,
``none``) needs no server: the clients talk to an unreachable address, sign with placeholder
credentials, and vcrpy answers from ``tests/cassettes/smartfile/<flavour>/<test>.yaml``.

No credential is recorded, and nothing that changes on every run takes part in matching:

* dropped: the emulator's control calls (``/_emulator/...``: the credentials they hand out and
  the headless OAuth approval), the ``Authorization`` header (Basic, and OAuth 1.0a with its
  nonce, timestamp, verifier and signature) and cookies; ``date`` and ``server`` answers;
* the OAuth token answers (urlencoded) hold placeholders instead of the issued pairs:
  ``oauth_token`` and ``oauth_token_secret`` become ``scrubbed-request-token`` /
  ``scrubbed-request-secret`` on the request-token answer (the one carrying
  ``oauth_callback_confirmed``) and ``scrubbed-access-token`` / ``scrubbed-access-secret`` on
  the access-token answer, so a replayed client signs its later calls with them (the signature
  is in the dropped header, so any pair matches);
* JSON bodies lose credential fields (the shared redactor), and ``content-length`` follows
  any rewritten body.

Requests match on method, URL and body, where the body is compared by meaning: a multipart
upload by its parts (headers and content; the boundary, random per request, is ignored), a
form by its key-value pairs, anything else byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import attrs
import httpx
import pytest

from cloudspec.core.redact import Redactor
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs

from ..scrubbing import scrub_request_body, scrub_response

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "smartfile"
REPLAY_URL = "http://127.0.0.1:9"
RECORD_SETTINGS = {"task_seconds": 0.05}
FORM = "application/x-www-form-urlencoded"
REQUEST_PLACEHOLDERS = {
    "oauth_token": "scrubbed-request-token",
    "oauth_token_secret": "scrubbed-request-secret",
}
ACCESS_PLACEHOLDERS = {
    "oauth_token": "scrubbed-access-token",
    "oauth_token_secret": "scrubbed-access-secret",
}
VERIFIER_PLACEHOLDER = "scrubbed-verifier"
MATCH_ON = ["method", "scheme", "host", "path", "query", "smartfile_body"]  # no port: it changes

_redactor = Redactor()
_DROPPED_RESPONSE_HEADERS = ("date", "server", "set-cookie")
_BOUNDARY = re.compile(r'boundary="?([^";\s]+)"?', re.IGNORECASE)


@attrs.frozen
class Credentials:
    """The Basic pair and the OAuth client pair the clients are built with."""

    key: str
    password: str
    client_token: str
    client_secret: str


# Replaying: 30 characters each (the clients refuse shorter ones), never sent anywhere.
PLACEHOLDER_CREDENTIALS = Credentials(
    key="replay-api-key-placeholder-000",
    password="replay-api-password-placeholde",
    client_token="replay-client-token-placeholde",
    client_secret="replay-client-secret-placehold",
)


# ---- matching ----


def _header(request: Any, name: str) -> str:
    value = request.headers.get(name) or request.headers.get(name.title()) or ""
    return str(value[0] if isinstance(value, list) else value)


def _bytes(body: Any) -> bytes:
    if body is None:
        return b""
    return body if isinstance(body, bytes) else str(body).encode("utf-8")


def multipart_parts(body: bytes, content_type: str) -> list[tuple[str, bytes]] | None:
    """Each part's header block and content, without the boundary; None if not multipart."""
    match = _BOUNDARY.search(content_type)
    if not content_type.lower().startswith("multipart/") or match is None:
        return None
    delimiter = b"--" + match.group(1).encode("latin-1")
    parts: list[tuple[str, bytes]] = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        lines = sorted(line.strip() for line in head.decode("latin-1").split("\r\n"))
        parts.append(("\n".join(lines), content.removesuffix(b"\r\n")))
    return parts


def _body_meaning(request: Any) -> Any:
    body = _bytes(request.body)
    content_type = _header(request, "content-type")
    parts = multipart_parts(body, content_type)
    if parts is not None:
        return ("multipart", parts)
    if content_type.split(";")[0].strip().lower() == FORM:
        return ("form", parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return ("raw", body)


def _smartfile_body(r1: Any, r2: Any) -> None:
    assert _body_meaning(r1) == _body_meaning(r2)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("smartfile_body", _smartfile_body)


# ---- scrubbing ----


def _scrub_request(request: Any) -> Any:
    if "/_emulator/" in request.path:
        return None  # the test's own hands on the emulator, not the client's traffic
    scrub_request_body(request, _redactor)
    return request


def _token_answer(body: bytes) -> bytes | None:
    """An OAuth token answer with placeholders for the issued pair; None if it is not one."""
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return None
    fields = dict(pairs)
    if "oauth_token_secret" not in fields and "oauth_token" not in fields:
        return None
    chosen = REQUEST_PLACEHOLDERS if "oauth_callback_confirmed" in fields else ACCESS_PLACEHOLDERS
    return urlencode([(k, chosen.get(k, v)) for k, v in pairs]).encode()


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in response["headers"].items()}
    body = response.get("body", {}).get("string")
    content_type = str((headers.get("content-type") or [""])[0])
    if body and content_type.split(";")[0].strip().lower() == FORM:
        scrubbed = _token_answer(_bytes(body))
        if scrubbed is not None:
            response["body"]["string"] = scrubbed
    response = scrub_response(response, _redactor, _DROPPED_RESPONSE_HEADERS)
    body = response.get("body", {}).get("string")
    if "content-length" in response["headers"] and body is not None:
        response["headers"]["content-length"] = [str(len(_bytes(body)))]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "cookie"],
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "match_on": MATCH_ON,
        "decode_compressed_response": True,
    }


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    flavour = request.node.path.parent.name.strip("_")
    return str(CASSETTES / flavour)


# ---- the server (recording) or its absence (replaying) ----


@pytest.fixture(scope="session")
def smartfile_record_server(record_mode: str) -> Iterator[ServerURLs | None]:
    if record_mode == "none":
        yield None
        return
    with run("smartfile", settings=RECORD_SETTINGS) as urls:
        yield urls


@pytest.fixture
def smartfile_url(smartfile_record_server: ServerURLs | None) -> str:
    """The live emulator while recording; an unreachable address when replaying."""
    return REPLAY_URL if smartfile_record_server is None else smartfile_record_server.base_url


def _control(server: ServerURLs, method: str, path: str, body: Any = None) -> Any:
    # Through vcrpy while recording, and dropped by _scrub_request: never in a cassette.
    url = f"{server.base_url}/_emulator/{path}"
    answer = httpx.request(method, url, json=body, trust_env=False, timeout=10)
    answer.raise_for_status()
    return answer.json()


@pytest.fixture
def credentials(smartfile_record_server: ServerURLs | None) -> Credentials:
    """The emulator's seeded pairs while recording; placeholders when replaying."""
    if smartfile_record_server is None:
        return PLACEHOLDER_CREDENTIALS
    seeded = _control(smartfile_record_server, "GET", "credentials")
    return Credentials(
        key=seeded["basic"]["key"],
        password=seeded["basic"]["password"],
        client_token=seeded["oauth"]["client_token"],
        client_secret=seeded["oauth"]["client_secret"],
    )


@pytest.fixture
def approve(smartfile_record_server: ServerURLs | None) -> Callable[[str], str]:
    """The user's approval of a request token (the browser step), giving the verifier: the
    emulator's headless control endpoint while recording, a placeholder when replaying."""

    def verifier(request_token: str) -> str:
        if smartfile_record_server is None:
            return VERIFIER_PLACEHOLDER
        answer = _control(
            smartfile_record_server, "POST", "oauth/authorize", {"oauth_token": request_token}
        )
        value = answer["oauth_verifier"]
        assert isinstance(value, str)
        return value

    return verifier


@pytest.fixture
def folder(request: pytest.FixtureRequest) -> str:
    """A directory unique to this test and flavour, so one recording session holds all."""
    flavour = request.node.path.parent.name.strip("_")
    return f"/replay-{flavour}-{request.node.name.removeprefix('test_')}".replace("_", "-")
