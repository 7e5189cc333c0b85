"""The ``cloudspec`` command line (``cloudspec.cli.main``) against the SmartFile and ButtFS
emulators, through typer's ``CliRunner``: every service command, ``--json``, a progress bar,
the exit codes, and credentials that never appear in any output."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cloudspec.cli import main as cli
from cloudspec.cli.config import load_options, mask
from cloudspec.emulators import ServerURLs
from tests.live import smartfile_support as sf

BUTTFS_APP = ("buttfs-demo", "buttfs-demo-secret")
BUTTFS_USER = ("demo", "demo-password")


def _env(service: str, options: dict[str, str]) -> dict[str, str]:
    return {f"CLOUDSPEC_{service.upper()}_{k.upper()}": v for k, v in options.items()}


@pytest.fixture(scope="module")
def smartfile_env(smartfile_server: ServerURLs) -> dict[str, str]:
    creds = sf.credentials(smartfile_server)
    return _env(
        "smartfile",
        {
            "key": creds["basic"]["key"],
            "password": creds["basic"]["password"],
            "base_url": smartfile_server.base_url,
            "timeout": "10",
        },
    )


@pytest.fixture(scope="module")
def buttfs_env(buttfs_server: ServerURLs) -> dict[str, str]:
    return _env(
        "buttfs",
        {
            "base_url": buttfs_server.base_url,
            "client_id": BUTTFS_APP[0],
            "client_secret": BUTTFS_APP[1],
            "username": BUTTFS_USER[0],
            "password": BUTTFS_USER[1],
        },
    )


@pytest.fixture(params=["smartfile", "buttfs"])
def service(
    request: pytest.FixtureRequest,
    smartfile_env: dict[str, str],
    buttfs_env: dict[str, str],
    tmp_path: Path,
) -> Iterator[tuple[str, dict[str, str]]]:
    name: str = request.param
    env = {"smartfile": smartfile_env, "buttfs": buttfs_env}[name]
    # No config file from the machine running the tests.
    yield name, {**env, "CLOUDSPEC_CONFIG": str(tmp_path / "absent.toml")}


class Cli:
    def __init__(self, service: str, env: dict[str, str]) -> None:
        self.service = service
        self.env = env
        self.runner = CliRunner()
        self.outputs: list[str] = []

    def __call__(self, *args: str, code: int = 0) -> Any:
        result = self.runner.invoke(cli.app, [self.service, *args], env=self.env)
        self.outputs += [result.stdout, result.stderr]
        assert result.exit_code == code, (result.exit_code, result.output, result.exception)
        return result

    def json(self, *args: str, code: int = 0) -> Any:
        return json.loads(self(*args, "--json", code=code).stdout)


@pytest.fixture
def run(service: tuple[str, dict[str, str]]) -> Cli:
    return Cli(*service)


@pytest.fixture
def top(run: Cli) -> Iterator[str]:
    path = f"/cli-{uuid.uuid4().hex[:12]}"
    yield path
    run.runner.invoke(cli.app, [run.service, "rm", "-r", path], env=run.env)


def test_commands_end_to_end(run: Cli, top: str, tmp_path: Path) -> None:
    data = b"hello, cloudspec\n" * 1000
    local = tmp_path / "hello.txt"
    local.write_bytes(data)

    assert run.json("mkdir", top) == {"ok": True, "action": "created", "path": top}
    run("mkdir", top, code=cli.EXIT_EXISTS)

    uploaded = run("upload", str(local), f"{top}/")
    # The progress bar's final state: complete, every byte counted.
    assert "upload hello.txt" in uploaded.stderr
    assert "100%" in uploaded.stderr
    assert "17.0/17.0 kB" in uploaded.stderr
    assert f"uploaded path={top}/hello.txt bytes={len(data)}" in uploaded.stdout

    listing = run.json("ls", top)
    assert [(e["name"].rsplit("/", 1)[-1], e["type"], e["size"]) for e in listing] == [
        ("hello.txt", "file", len(data))
    ]
    assert "hello.txt" in run("ls", top).stdout  # the rich table

    info = run.json("info", f"{top}/hello.txt")
    assert info["type"] == "file"
    assert info["size"] == len(data)
    assert "size" in run("info", f"{top}/hello.txt").stdout

    out = tmp_path / "out.bin"
    downloaded = run("download", f"{top}/hello.txt", str(out))
    assert out.read_bytes() == data
    assert "100%" in downloaded.stderr

    run("mv", f"{top}/hello.txt", f"{top}/renamed.txt")
    names = {e["name"].rsplit("/", 1)[-1] for e in run.json("ls", top)}
    assert names == {"renamed.txt"}

    assert run.json("rm", f"{top}/renamed.txt")["action"] == "removed"
    assert run.json("ls", top) == []


def test_not_found(run: Cli, top: str, tmp_path: Path) -> None:
    missing = f"{top}/nothing-here.txt"
    failed = run.json("info", missing, code=cli.EXIT_NOT_FOUND)
    assert failed["ok"] is False
    assert failed["error"] == "not_found"
    assert failed["exit_code"] == cli.EXIT_NOT_FOUND
    run("download", missing, str(tmp_path / "x"), code=cli.EXIT_NOT_FOUND)
    assert not (tmp_path / "x").exists()
    run("rm", missing, code=cli.EXIT_NOT_FOUND)
    run("ls", missing, code=cli.EXIT_NOT_FOUND)
    run("upload", str(tmp_path / "no-such-local-file"), missing, code=cli.EXIT_NOT_FOUND)


def test_secret_never_in_output(run: Cli, top: str, tmp_path: Path) -> None:
    prefix = f"CLOUDSPEC_{run.service.upper()}_"
    secrets = [run.env[prefix + "PASSWORD"]]
    if run.service == "smartfile":
        secrets.append(run.env[prefix + "KEY"])
    local = tmp_path / "f.txt"
    local.write_bytes(b"x")
    run("mkdir", top)
    run("upload", str(local), f"{top}/f.txt")
    run.json("ls", top)
    run.json("info", f"{top}/f.txt")
    run("info", f"{top}/missing", code=cli.EXIT_NOT_FOUND)
    assert run.outputs
    for text in run.outputs:
        for secret in secrets:
            assert secret not in text


def test_wrong_password_is_an_auth_error(run: Cli) -> None:
    secret = "definitely-not-the-password-0123456789"  # 30+: SmartFile checks length
    bad = Cli(run.service, {**run.env, f"CLOUDSPEC_{run.service.upper()}_PASSWORD": secret})
    result = bad("ls", "/", code=cli.EXIT_AUTH)
    assert secret not in result.stdout
    assert secret not in result.stderr


def test_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[smartfile]\nkey = "k"\npassword = "p4ss"\ntimeout = 5\n')
    options = load_options("smartfile", config, environ={"CLOUDSPEC_SMARTFILE_KEY": "env-key"})
    assert options == {"key": "env-key", "password": "p4ss", "timeout": 5.0}
    assert mask("password p4ss for env-key", options) == "password **** for ****"

    runner = CliRunner()
    result = runner.invoke(cli.app, ["--config", str(tmp_path / "nope.toml"), "box", "ls"])
    assert result.exit_code == cli.EXIT_USAGE


def test_help() -> None:
    runner = CliRunner()
    result = runner.invoke(cli.app, ["--help"])
    assert result.exit_code == 0
    for command in ("emulate", "smartfile", "buttfs", "box", "metadisk"):
        assert command in result.stdout
    result = runner.invoke(cli.app, ["smartfile", "--help"])
    assert result.exit_code == 0
    for command in ("ls", "info", "upload", "download", "rm", "mkdir", "mv"):
        assert command in result.stdout
    assert runner.invoke(cli.app, ["smartfile", "bogus"]).exit_code == cli.EXIT_USAGE


def test_emulate_prints_its_url_and_stops_on_ctrl_c() -> None:
    """``cloudspec emulate buttfs`` runs the emulators' own command line in the foreground."""
    server = subprocess.Popen(
        [sys.executable, "-m", "cloudspec.cli.main", "emulate", "buttfs"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith("ready http://127.0.0.1:"), line
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
