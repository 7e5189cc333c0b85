"""The fault proxy itself, against a tiny local HTTP/1.1 server (keep-alive, echo)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.reliability.proxy import SCENARIOS, Fault, FaultProxies, FaultProxy, _with_length


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def do_GET(self) -> None:
        self.server.seen.append(f"GET {self.path}")
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to + "/target")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"x" * 5000 if self.path == "/big" else b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        body = self._body()
        self.server.seen.append(f"POST {self.path} {len(body)}")
        self.send_response(201)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    seen: list[str]
    redirect_to: str = ""


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_pass_through_keeps_connections_alive(server: _Server) -> None:
    with FaultProxy(_url(server) + "/base") as proxy, httpx.Client(trust_env=False) as client:
        assert proxy.url.endswith("/base")
        for _ in range(3):
            assert client.get(proxy.origin + "/a").text == "hello"
        echoed = client.post(proxy.origin + "/p", content=b"0123456789" * 1000)
        chunked = client.post(proxy.origin + "/c", content=iter([b"ab", b"cd", b"ef"]))
    assert echoed.content == b"0123456789" * 1000
    assert chunked.content == b"abcdef"
    assert proxy.stats.connections == 1
    assert proxy.stats.requests == 5
    assert server.seen == ["GET /a"] * 3 + ["POST /p 10000", "POST /c 6"]


def test_status_burst_answers_then_passes(server: _Server) -> None:
    fault = Fault(kind="status", status=503, retry_after="7", times=2)
    with FaultProxy(_url(server), fault) as proxy, httpx.Client(trust_env=False) as client:
        first = client.post(proxy.url + "/p", content=b"body")
        second = client.get(proxy.url + "/a")
        third = client.get(proxy.url + "/a")
    assert (first.status_code, first.headers["retry-after"]) == (503, "7")
    assert second.status_code == 503
    assert third.status_code == 200
    # The proxy answered the first two itself: the server never saw them.
    assert server.seen == ["GET /a"]
    assert proxy.stats.faults == 2


def test_status_without_retry_after(server: _Server) -> None:
    with FaultProxy(_url(server), SCENARIOS["status_429"]) as proxy:
        answer = httpx.get(proxy.url + "/a", trust_env=False)
    assert answer.status_code == 429
    assert "retry-after" not in answer.headers


def test_drop_request_before_it_reaches_the_server(server: _Server) -> None:
    with FaultProxy(_url(server), SCENARIOS["drop_request_at_0"]) as proxy:
        with pytest.raises(httpx.TransportError):
            httpx.post(proxy.url + "/p", content=b"x", trust_env=False)
        assert server.seen == []
        # Bounded: the next connection passes.
        assert httpx.get(proxy.url + "/a", trust_env=False).text == "hello"


def test_drop_request_mid_body(server: _Server) -> None:
    with (
        FaultProxy(_url(server), SCENARIOS["drop_request_mid_body"]) as proxy,
        pytest.raises(httpx.TransportError),
    ):
        httpx.post(proxy.url + "/p", content=b"y" * 200_000, trust_env=False)
    assert not any(seen.startswith("POST /p 200000") for seen in server.seen)


def test_drop_response_after_the_server_acted(server: _Server) -> None:
    with (
        FaultProxy(_url(server), SCENARIOS["drop_response_at_0"]) as proxy,
        pytest.raises(httpx.TransportError),
    ):
        httpx.post(proxy.url + "/p", content=b"z", trust_env=False)
    assert server.seen == ["POST /p 1"]


def test_drop_response_mid_body(server: _Server) -> None:
    with (
        FaultProxy(_url(server), SCENARIOS["drop_response_mid_body"]) as proxy,
        pytest.raises(httpx.TransportError),
    ):
        httpx.get(proxy.url + "/big", trust_env=False)


def test_reset_sends_rst(server: _Server) -> None:
    with FaultProxy(_url(server), SCENARIOS["reset_response_at_0"]) as proxy:
        port = int(proxy.origin.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.sendall(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            with pytest.raises(ConnectionResetError):
                while raw.recv(1024):
                    pass


def test_truncate_forwards_headers_and_half_the_body(server: _Server) -> None:
    with FaultProxy(_url(server), SCENARIOS["truncate_body"]) as proxy:
        port = int(proxy.origin.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.sendall(b"GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            received = b""
            while data := raw.recv(65536):
                received += data
        head, _, body = received.partition(b"\r\n\r\n")
        assert b"Content-Length: 5000" in head
        assert body == b"x" * 2500
        with pytest.raises(httpx.RemoteProtocolError):
            # The budget is spent for /big only once; a new fault for the client's view.
            proxy.arm(SCENARIOS["truncate_body"])
            httpx.get(proxy.url + "/big", trust_env=False)
        assert httpx.get(proxy.url + "/big", trust_env=False).content == b"x" * 5000


def test_delay_then_forward(server: _Server) -> None:
    with FaultProxy(_url(server), Fault(kind="delay", seconds=0.05)) as proxy:
        assert httpx.get(proxy.url + "/a", trust_env=False).text == "hello"
    assert proxy.stats.faults == 1


def test_redirects_stay_behind_the_proxies(server: _Server) -> None:
    other = _Server(("127.0.0.1", 0), _Handler)
    other.seen = []
    thread = threading.Thread(target=other.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        server.redirect_to = _url(other)
        hosts = {"api": _url(server) + "/api", "download": _url(other)}
        with (
            FaultProxies(hosts, SCENARIOS["status_503"]) as proxies,
            httpx.Client(trust_env=False, follow_redirects=True) as client,
        ):
            assert proxies.urls["api"].endswith("/api")
            assert client.get(proxies.urls["api"] + "/x").status_code == 503
            answer = client.get(proxies.urls["api"].removesuffix("/api") + "/redirect")
            assert answer.text == "hello"
            assert str(answer.url).startswith(proxies.proxies["download"].origin)
            # One budget for every host: the one 503 was spent on the api host.
            assert proxies.stats.faults == 1
    finally:
        other.shutdown()
        other.server_close()
        thread.join()
    assert other.seen == ["GET /target"]


def test_stops_by_itself_after_the_deadline(server: _Server) -> None:
    proxy = FaultProxy(_url(server), deadline=0.1).start()
    try:
        assert proxy.stopping.wait(10)
        with pytest.raises(httpx.TransportError):
            httpx.get(proxy.url + "/a", trust_env=False)
    finally:
        proxy.stop()


def test_no_sockets_or_threads_leak(server: _Server) -> None:
    httpx.get(_url(server) + "/warm", trust_env=False)
    fds, threads = _open_fds(), threading.active_count()
    for name in ("pass", "drop_response_at_0", "reset_request_at_0", "truncate_body"):
        with FaultProxy(_url(server), SCENARIOS[name]) as proxy:
            for _ in range(3):
                with contextlib.suppress(httpx.TransportError):
                    httpx.get(proxy.url + "/big", trust_env=False)
        assert proxy.errors == []
    assert _open_fds() == fds
    assert threading.active_count() == threads


def test_every_scenario_is_described() -> None:
    for name, fault in SCENARIOS.items():
        assert fault.describe(), name
    assert SCENARIOS["pass"].kind == "pass"


def test_json_bodies_keep_the_client_behind_the_proxies(server: _Server) -> None:
    proxy = FaultProxy(_url(server), locations={"http://up:1": "http://proxy:12345"})
    try:
        fields = {"content-type": "application/json", "content-length": "40"}
        assert proxy.rewrites_body(fields)
        assert not proxy.rewrites_body({**fields, "content-type": "application/octet-stream"})
        assert not proxy.rewrites_body({"content-type": "application/json"})
        body = proxy.rewrite_body(b'{"upload_part": "http://up:1/api/2.0/x"}')
        assert body == b'{"upload_part": "http://proxy:12345/api/2.0/x"}'
        head = b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\nX: y\r\n\r\n"
        assert _with_length(head, len(body)) == (
            b"HTTP/1.1 200 OK\r\nContent-Length: 47\r\nX: y\r\n\r\n"
        )
    finally:
        proxy.stop()


def test_budget_is_exact_under_concurrent_clients(server: _Server) -> None:
    fault = Fault(kind="status", status=503, times=7)
    statuses: list[int] = []
    lock = threading.Lock()
    with FaultProxy(_url(server), fault) as proxy:

        def worker() -> None:
            with httpx.Client(trust_env=False) as client:
                for _ in range(5):
                    code = client.get(proxy.url + "/a").status_code
                    with lock:
                        statuses.append(code)

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses.count(503) == 7
    assert statuses.count(200) == 33
    assert len(server.seen) == 33
    assert proxy.errors == []
