"""cloudspec.emulators: the CLI contract (one `ready` line, clean stop) and run() for Kinto.

Kinto runs with kinto-attachment (installed by `make setup`), so every server also has a file
server for the attachments, which must stop with it.
"""

from __future__ import annotations

import json
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import attrs
import httpx
import pytest

from cloudspec.emulators import EmulatorError, ServerStartError, ServerURLs, run
from tests.conftest import KintoServer

# Tests that start their own server are marked by hand; the conftest marks kinto_server users.
live = pytest.mark.live


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, f"no output within {timeout} s"
    return proc.stdout.readline()


def port_is_closed(url: str) -> bool:
    parts = urlsplit(url)
    assert parts.hostname and parts.port
    with socket.socket() as sock:
        return sock.connect_ex((parts.hostname, parts.port)) != 0


@live
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_cli_prints_one_ready_line_and_stops_on_signal(signum: int, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cloudspec.emulators",
            "kinto",
            "--port",
            "0",
            "--set",
            "kinto.batch_max_requests=7",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(proc, timeout=40)
        assert line.startswith("ready http://127.0.0.1:") and line.endswith("/v1\n"), line
        base_url = line.split()[1]
        info = httpx.get(f"{base_url}/", trust_env=False).json()
        assert info["settings"]["batch_max_requests"] == 7
        files_url = info["capabilities"]["attachments"]["base_url"]
        assert httpx.get(files_url, trust_env=False).status_code == 200
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out == "", "only the ready line may be printed"
    assert port_is_closed(base_url)
    assert port_is_closed(files_url)


@live
def test_run_yields_frozen_urls_and_seeds_accounts() -> None:
    seed = {"users": [{"login": "carol", "password": "carol-secret"}]}
    with run("kinto", seed=seed, settings={"kinto.paginate_by": 3}) as urls:
        assert isinstance(urls, ServerURLs)
        assert dict(urls.urls) == {"api": urls.base_url, "attachments": urls.urls["attachments"]}
        assert urls.base_url.endswith("/v1")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            urls.base_url = "x"  # type: ignore[misc]
        with pytest.raises(TypeError):
            urls.urls["other"] = "x"  # type: ignore[index]
        hello = httpx.get(f"{urls.base_url}/", auth=("carol", "carol-secret"), trust_env=False)
        assert hello.json()["user"]["id"] == "account:carol"
    assert port_is_closed(urls.base_url)
    assert port_is_closed(urls.urls["attachments"])


@live
def test_attachments_are_stored_and_served_until_the_server_stops() -> None:
    with run("kinto") as urls:
        files_url = urls.urls["attachments"]
        assert files_url.startswith("http://127.0.0.1:") and files_url.endswith("/")
        with httpx.Client(base_url=urls.base_url, auth=("ann", "s"), trust_env=False) as client:
            info = client.get("/").json()
            assert info["capabilities"]["attachments"]["base_url"] == files_url
            assert client.get("/__heartbeat__").json()["attachments"] is True
            client.put("/buckets/b")
            client.put("/buckets/b/collections/c")
            path = "/buckets/b/collections/c/records/r/attachment"
            content = bytes(range(256))
            # Any extension is allowed (the plugin's default list would refuse `.bin`).
            files = {"attachment": ("blob.bin", content, "application/octet-stream")}
            posted = client.post(path, files=files)
            assert posted.status_code == 201, posted.text
            location = posted.json()["location"]
        assert location.startswith(files_url) and location.endswith(".bin")
        assert httpx.get(location, trust_env=False).content == content
    assert port_is_closed(files_url)


@live
def test_own_includes_without_the_plugin_mean_no_attachments() -> None:
    with run("kinto", settings={"kinto.includes": "kinto.plugins.flush"}) as urls:
        assert dict(urls.urls) == {"api": urls.base_url}
        info = httpx.get(f"{urls.base_url}/", trust_env=False).json()
        assert "attachments" not in info["capabilities"]


@live
def test_seed_file_via_cli_path(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"users": [{"login": "dave", "password": "dave-secret"}]}))
    with run("kinto", seed=seed) as urls:
        hello = httpx.get(f"{urls.base_url}/", auth=("dave", "dave-secret"), trust_env=False)
        assert hello.json()["user"]["id"] == "account:dave"


@live
def test_start_failures_are_clear(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(EmulatorError, match="unknown service 'nope'"), run("nope"):
        pass
    monkeypatch.setenv("CLOUDSPEC_KINTO", str(tmp_path / "missing"))
    with pytest.raises(ServerStartError, match="not an executable"), run("kinto"):
        pass
    monkeypatch.setenv("CLOUDSPEC_KINTO", "/bin/false")
    started = time.monotonic()
    with pytest.raises(ServerStartError, match="exited with status 1"), run("kinto"):
        pass
    assert time.monotonic() - started < 10


def test_session_server_identities_are_distinct(
    kinto_server: KintoServer, kinto_flush: None
) -> None:
    def user_id(auth: tuple[str, str]) -> str:
        response = httpx.get(f"{kinto_server.url}/", auth=auth, trust_env=False)
        return str(response.json()["user"]["id"])

    alice, bob = user_id(kinto_server.auth), user_id(kinto_server.other_auth)
    assert alice.startswith("basicauth:") and bob.startswith("basicauth:") and alice != bob


def test_kinto_server_users_are_marked_live(
    request: pytest.FixtureRequest, kinto_server: KintoServer
) -> None:
    assert request.node.get_closest_marker("live") is not None
