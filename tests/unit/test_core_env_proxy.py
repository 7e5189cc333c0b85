"""Environment proxies (HTTP_PROXY, NO_PROXY, ...) go through cloudspec's transport stack.

A tiny forward proxy and a tiny origin, both threaded servers on 127.0.0.1: a client built by
``build_client``/``build_async_client`` with ``HTTP_PROXY`` set reaches the origin through the
proxy, and still gets retries (paid from its one budget), redacted debug output and the body
cap; ``NO_PROXY`` sends it direct; a caller's ``transport=`` is used as it is.
"""

from __future__ import annotations

import asyncio
import http.client
import logging
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from httpx._utils import get_environment_proxies  # only to check our re-implementation

from cloudspec.core import build_async_client, build_client
from cloudspec.core.budget import retry_budget_of
from cloudspec.core.errors import ResponseTooLargeError
from cloudspec.core.proxies import environment_proxies

SECRET = "Bearer sekr1t-proxy-test-token"
_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.lock = threading.Lock()
        self.paths: list[str] = []
        self.failures_left: dict[str, int] = {}

    def record(self, path: str) -> None:
        with self.lock:
            self.paths.append(path)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Origin(BaseHTTPRequestHandler):
    """``/flaky``: 503 once, then 200; ``/big``: a JSON body over any small cap; else 200."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.record(self.path)
        status, body = 200, b'{"ok": true}'
        with self.server.lock:
            if self.path == "/flaky" and self.server.failures_left.setdefault(self.path, 1):
                self.server.failures_left[self.path] -= 1
                status, body = 503, b'{"error": "try again"}'
        if self.path == "/big":
            body = b'{"data": "' + b"x" * 5000 + b'"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Proxy(BaseHTTPRequestHandler):
    """A forward proxy for plain http: takes ``GET http://host:port/path`` (absolute form),
    counts it, and relays the origin's answer."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.record(self.path)
        target = urllib.parse.urlsplit(self.path)
        if target.scheme != "http" or target.hostname != "127.0.0.1":
            self.send_error(400, "absolute-form http://127.0.0.1 URLs only")
            return
        upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=10)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() != "proxy-connection"}
            upstream.request("GET", target.path or "/", headers=headers)
            answer = upstream.getresponse()
            body = answer.read()
        finally:
            upstream.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[_Server]:
    server = _Server(handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def origin() -> Iterator[_Server]:
    yield from _serve(_Origin)


@pytest.fixture
def proxy() -> Iterator[_Server]:
    yield from _serve(_Proxy)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(params=["sync", "async"])
def get(request: pytest.FixtureRequest) -> Any:
    """``get(base_url, path, **build_kwargs)``: one GET through a fresh client, sync or
    async; returns ``(response, client)`` (the client closed)."""

    def sync_get(base_url: str, path: str, **kw: Any) -> tuple[httpx.Response, Any]:
        with build_client(base_url, sleep=lambda _: None, **kw) as client:
            response = client.get(path, headers={"Authorization": SECRET})
        return response, client

    async def no_sleep(_: float) -> None:
        return None

    async def async_get(base_url: str, path: str, **kw: Any) -> tuple[httpx.Response, Any]:
        async with build_async_client(base_url, sleep=no_sleep, **kw) as client:
            response = await client.get(path, headers={"Authorization": SECRET})
        return response, client

    if request.param == "sync":
        return sync_get

    def run(base_url: str, path: str, **kw: Any) -> tuple[httpx.Response, Any]:
        return asyncio.run(async_get(base_url, path, **kw))

    return run


def test_http_proxy_is_used_and_503_is_retried_by_cloudspec(
    get: Any, origin: _Server, proxy: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    response, client = get(origin.url, "/flaky")
    assert response.status_code == 200
    # Two attempts, both through the proxy: cloudspec's retry layer is above the proxy.
    assert proxy.paths == [f"{origin.url}/flaky"] * 2
    assert origin.paths == ["/flaky", "/flaky"]
    # ...and paid from the client's one budget (the one retry_budget_of reports).
    budget = retry_budget_of(client)
    assert budget is not None
    assert budget.state().retries_granted == 1


def test_proxied_requests_get_redacted_debug_output(
    get: Any,
    origin: _Server,
    proxy: _Server,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("http_proxy", proxy.url)  # either case, as curl and httpx read it
    with caplog.at_level(logging.DEBUG, logger="cloudspec.http"):
        response, _ = get(origin.url, "/ok", debug=True)
    assert response.status_code == 200
    assert proxy.paths == [f"{origin.url}/ok"]
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "cloudspec.http")
    assert "/ok" in logged
    assert "200" in logged
    assert "sekr1t" not in logged


def test_proxied_requests_keep_the_body_cap(
    get: Any, origin: _Server, proxy: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    with pytest.raises(ResponseTooLargeError):
        get(origin.url, "/big", max_response_bytes=1000)
    assert proxy.paths == [f"{origin.url}/big"]


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "example.test, 127.0.0.1", "*"])
def test_no_proxy_goes_direct_through_the_same_stack(
    get: Any, origin: _Server, proxy: _Server, monkeypatch: pytest.MonkeyPatch, no_proxy: str
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    response, _ = get(origin.url, "/flaky")
    assert response.status_code == 200
    assert proxy.paths == []
    assert origin.paths == ["/flaky", "/flaky"]  # retried there too


def test_no_proxy_for_the_origin_host_and_port(
    get: Any, origin: _Server, proxy: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", origin.url)  # an entry with "://": used as it is
    response, _ = get(origin.url, "/ok")
    assert response.status_code == 200
    assert proxy.paths == []
    assert origin.paths == ["/ok"]


def test_an_https_proxy_does_not_apply_to_http(
    get: Any, origin: _Server, proxy: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    get(origin.url, "/ok")
    assert proxy.paths == []
    assert origin.paths == ["/ok"]


def test_a_caller_transport_is_used_as_it_is(
    proxy: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={})

    with build_client("http://service.example.test", transport=httpx.MockTransport(handler)) as c:
        assert c.get("/x").status_code == 200
    assert seen == ["http://service.example.test/x"]
    assert proxy.paths == []


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"HTTP_PROXY": "http://p.example:3128"},
        {"HTTPS_PROXY": "p.example:3128", "ALL_PROXY": "socks5://s.example:1080"},
        {
            "HTTP_PROXY": "http://p.example:3128",
            "NO_PROXY": "localhost, .internal.example,example.com,10.0.0.1,::1,"
            "192.168.0.0/16,https://direct.example:8443,",
        },
        {"HTTP_PROXY": "http://p.example:3128", "NO_PROXY": "a.example,*"},
    ],
)
def test_environment_proxies_read_the_environment_as_httpx_does(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert environment_proxies() == get_environment_proxies()
