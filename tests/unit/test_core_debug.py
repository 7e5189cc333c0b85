"""debug=True: requests and responses logged to "cloudspec.http", redacted, bodies intact."""

from __future__ import annotations

import base64
import io
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest

from cloudspec.core import (
    AsyncDebugTransport,
    DebugTransport,
    RetryPolicy,
    build_async_client,
    build_client,
)
from cloudspec.core import debug as debug_module
from cloudspec.core.debug import MAX_LOGGED_BODY, enable_debug_output, format_request
from cloudspec.core.redact import REDACTED, Redactor

BASE = "https://kinto.example.test/v1"
PASSWORD = "hunter2-very-secret"
AUTH = httpx.BasicAuth("alice", PASSWORD)
BASIC = "Basic " + base64.b64encode(f"alice:{PASSWORD}".encode()).decode()  # must not leak

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def debug_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Iterator[pytest.LogCaptureFixture]:
    """Captures "cloudspec.http" without letting enable_debug_output install a stderr handler."""
    logger = logging.getLogger("cloudspec.http")
    level = logger.level
    monkeypatch.setattr(debug_module, "_handler_installed", [logging.NullHandler()])
    caplog.set_level(logging.DEBUG, logger="cloudspec.http")
    yield caplog
    logger.setLevel(level)


def http_log(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "cloudspec.http")


class OneShot(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that can be read once only, like a real network stream."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reads = 0

    def _take(self) -> bytes:
        self.reads += 1
        if self.reads > 1:
            raise httpx.StreamConsumed()
        return self.data

    def __iter__(self) -> Iterator[bytes]:
        yield self._take()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._take()


def streamed(status: int, data: bytes, content_type: str, **headers: str) -> httpx.Response:
    return httpx.Response(
        status,
        headers={"Content-Type": content_type, "Content-Length": str(len(data)), **headers},
        stream=OneShot(data),
    )


async def call(kind: str, handler: Handler, method: str, url: str, **kw: Any) -> httpx.Response:
    """Sends one request through build_client or build_async_client with debug=True."""
    transport = httpx.MockTransport(handler)
    if kind == "async":
        async with build_async_client(BASE, debug=True, transport=transport, auth=AUTH) as ac:
            response = await ac.request(method, url, **kw)
            await response.aread()
            return response
    with build_client(BASE, debug=True, transport=transport, auth=AUTH) as client:
        response = client.request(method, url, **kw)
        response.read()
        return response


@pytest.fixture(params=["async", "sync"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_request_and_response_are_logged_redacted(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    payload = {"data": {"id": "alice", "password": PASSWORD, "title": "my bucket"}}
    reply = json.dumps({"data": {"id": "b1", "last_modified": 1528}}).encode()
    body = OneShot(reply)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            201,
            headers={"Content-Type": "application/json", "Content-Length": str(len(reply))},
            stream=body,
        )

    response = await call(kind, handler, "PUT", "/accounts/alice", json=payload)
    log = http_log(debug_log)

    assert "Request:" in log
    assert f"PUT: {BASE}/accounts/alice" in log
    assert "Response:" in log
    assert "HTTP Code: 201" in log
    # Authorization and the password field are hidden, the rest is shown.
    assert PASSWORD not in log
    assert BASIC not in log
    assert BASIC.split()[1] not in log
    assert f"authorization : {REDACTED}" in log.lower()
    assert f'"password": "{REDACTED}"' in log
    assert '"title": "my bucket"' in log
    # The small JSON response is printed...
    assert '"last_modified": 1528' in log
    # ...and the caller can still read it: the stream was read once and cached.
    assert response.json() == {"data": {"id": "b1", "last_modified": 1528}}
    assert body.reads == 1
    # The request on the wire still carried the real credentials.
    assert response.request.headers["authorization"] == BASIC


async def test_each_record_is_at_debug_level(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    await call(kind, lambda r: httpx.Response(204), "DELETE", "/buckets/b")
    records = [r for r in debug_log.records if r.name == "cloudspec.http"]
    assert len(records) == 2
    assert all(r.levelno == logging.DEBUG for r in records)
    assert records[0].getMessage().startswith("Request:")
    assert records[1].getMessage().startswith("Response:")


async def test_form_bodies_and_query_tokens_are_redacted(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    await call(
        kind,
        lambda r: httpx.Response(200, json={"access_token": "at-from-server", "expires_in": 3600}),
        "POST",
        "/oauth2/token?access_token=at-in-query&_limit=5",
        data={"grant_type": "refresh_token", "refresh_token": "rt-in-form", "client_id": "cid"},
    )
    log = http_log(debug_log)
    for secret in ("at-in-query", "rt-in-form", "at-from-server"):
        assert secret not in log
    assert "_limit=5" in log
    assert "grant_type=refresh_token" in log
    assert "client_id=cid" in log
    assert '"expires_in": 3600' in log


async def test_big_response_bodies_are_not_printed(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    big = json.dumps({"data": [f"marker-{i:05d}" for i in range(3000)]}).encode()
    assert len(big) > MAX_LOGGED_BODY
    body = OneShot(big)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"Content-Type": "application/json", "Content-Length": str(len(big))},
            stream=body,
        )

    response = await call(kind, handler, "GET", "/buckets/b/collections/c/records")
    log = http_log(debug_log)
    assert "marker-00000" not in log
    assert "<streamed>" in log
    assert len(log) < 2000
    assert response.content == big
    assert body.reads == 1


async def test_binary_response_bodies_are_not_printed(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    blob = b"\x89PNG\r\n\x1a\n" + b"\x00binary-marker" * 10

    def handler(request: httpx.Request) -> httpx.Response:
        return streamed(200, blob, "image/png")

    response = await call(kind, handler, "GET", "/attachments/1")
    log = http_log(debug_log)
    assert "binary-marker" not in log
    assert "PNG" not in log
    assert "HTTP Code: 200" in log
    assert response.content == blob


async def test_big_request_bodies_are_summarised(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    payload = {"data": {"blob": "request-marker" * 2000}}
    encoded_length = len(json.dumps(payload, separators=(",", ":")).encode())
    assert encoded_length > MAX_LOGGED_BODY

    await call(kind, lambda r: httpx.Response(201), "POST", "/buckets", json=payload)
    log = http_log(debug_log)
    assert "request-marker" not in log
    assert f"<{encoded_length} bytes, application/json>" in log


async def test_binary_request_bodies_are_summarised(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    await call(
        kind,
        lambda r: httpx.Response(201),
        "PUT",
        "/files/content",
        content=b"\x00\x01binary-request",
        headers={"Content-Type": "application/octet-stream"},
    )
    log = http_log(debug_log)
    assert "binary-request" not in log
    assert "<16 bytes, application/octet-stream>" in log


async def test_error_responses_are_logged_and_stay_readable(
    kind: str, debug_log: pytest.LogCaptureFixture
) -> None:
    error = {"code": 412, "errno": 114, "error": "Precondition Failed", "message": "etag"}
    response = await call(
        kind,
        lambda r: streamed(412, json.dumps(error).encode(), "application/json"),
        "PUT",
        "/buckets/b",
        headers={"If-Match": '"1"'},
    )
    log = http_log(debug_log)
    assert "HTTP Code: 412" in log
    assert '"message": "etag"' in log
    assert response.json() == error


async def test_every_retry_attempt_is_logged(debug_log: pytest.LogCaptureFixture) -> None:
    replies = iter([httpx.Response(503), httpx.Response(200, json={})])
    sleeps: list[float] = []
    with build_client(
        BASE,
        debug=True,
        transport=httpx.MockTransport(lambda r: next(replies)),
        retry=RetryPolicy(max_retries=1),
        sleep=sleeps.append,
    ) as client:
        assert client.get("/").status_code == 200
    log = http_log(debug_log)
    assert log.count("Request:") == 2
    assert "HTTP Code: 503" in log
    assert "HTTP Code: 200" in log
    assert len(sleeps) == 1


async def test_nothing_is_logged_without_debug(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json={"a": 1}))
    with build_client(BASE, transport=transport, auth=AUTH) as client:
        client.get("/")
    async with build_async_client(BASE, transport=transport, auth=AUTH) as ac:
        await ac.get("/")
    assert not [r for r in caplog.records if r.name == "cloudspec.http"]


def test_debug_leaves_httpx_loggers_alone(debug_log: pytest.LogCaptureFixture) -> None:
    names = ("httpx", "httpcore")
    before = {name: logging.getLogger(name).level for name in names}
    handlers = {name: list(logging.getLogger(name).handlers) for name in names}
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    with build_client(BASE, debug=True, transport=transport) as client:
        client.get("/")
    assert {name: logging.getLogger(name).level for name in names} == before
    assert {name: list(logging.getLogger(name).handlers) for name in names} == handlers
    assert logging.getLogger("cloudspec.http").level == logging.DEBUG


def test_enable_debug_output_installs_one_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("cloudspec.http")
    level = logger.level
    installed: list[logging.Handler] = []
    monkeypatch.setattr(debug_module, "_handler_installed", installed)
    stream = io.StringIO()
    try:
        enable_debug_output(stream)
        enable_debug_output(io.StringIO())
        assert len(installed) == 1
        assert installed[0] in logger.handlers
        logger.debug("hello %s", "world")
        assert stream.getvalue() == "hello world\n"
    finally:
        for handler in installed:
            logger.removeHandler(handler)
        logger.setLevel(level)


async def test_password_in_the_base_url_is_not_logged(
    debug_log: pytest.LogCaptureFixture,
) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200))
    with build_client(
        f"https://alice:{PASSWORD}@kinto.example.test/v1", debug=True, transport=transport
    ) as client:
        client.get("/")
    assert PASSWORD not in http_log(debug_log)


# --- the transports directly ---------------------------------------------------------------


def test_debug_transport_uses_its_redactor(debug_log: pytest.LogCaptureFixture) -> None:
    redactor = Redactor().with_secrets("literal-secret-1")
    transport = DebugTransport(
        httpx.MockTransport(lambda r: httpx.Response(200, text="echo literal-secret-1")),
        redactor,
    )
    request = httpx.Request(
        "POST",
        BASE + "/x",
        content=b"note literal-secret-1",
        headers={"Content-Type": "text/plain"},
    )
    response = transport.handle_request(request)
    log = http_log(debug_log)
    assert "literal-secret-1" not in log
    assert log.count(REDACTED) >= 2
    assert response.text == "echo literal-secret-1"


async def test_async_debug_transport_does_nothing_when_disabled() -> None:
    logger = logging.getLogger("cloudspec.http")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        body = OneShot(b'{"a": 1}')

        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(
                200,
                headers={"Content-Type": "application/json", "Content-Length": "8"},
                stream=body,
            )

        transport = AsyncDebugTransport(httpx.MockTransport(handler))
        response = await transport.handle_async_request(httpx.Request("GET", BASE))
        # Disabled: the body is not read behind the caller's back.
        assert body.reads == 0
        assert await response.aread() == b'{"a": 1}'
    finally:
        logger.setLevel(level)


def test_format_request_of_a_streamed_body() -> None:
    def gen() -> Iterator[bytes]:
        yield b"secret-stream-content"

    text = format_request(httpx.Request("PUT", BASE, content=gen()), Redactor())
    assert "secret-stream-content" not in text
    assert "<streamed>" in text
