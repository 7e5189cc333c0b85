"""cloudspec.emulators.kinto without starting Kinto: ini rendering, finding `kinto` and its
attachment plugin, and the attachments file server."""

from __future__ import annotations

import configparser
import socket
import stat
from pathlib import Path

import httpx
import pytest

from cloudspec.emulators import ServerStartError, kinto
from cloudspec.emulators.files import serve_directory


def parse(text: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser()
    parser.read_string(text)
    return parser


def test_ini_has_the_documented_setup_and_logging_sections() -> None:
    ini = parse(kinto.render_ini("127.0.0.1", kinto.DEFAULT_SETTINGS))
    assert ini["server:main"]["host"] == "127.0.0.1"
    assert ini["server:main"]["port"] == "%(http_port)s"
    app = ini["app:main"]
    assert app["multiauth.policies"] == "account basicauth"
    assert app["kinto.storage_backend"] == "kinto.core.storage.memory"
    assert app["kinto.includes"].split() == [
        "kinto.plugins.default_bucket",
        "kinto.plugins.accounts",
        "kinto.plugins.history",
        "kinto.plugins.flush",
    ]
    assert app["kinto.experimental_permissions_endpoint"] == "true"
    assert {"loggers", "handlers", "formatters", "logger_root"} <= set(ini.sections())
    assert ini["logger_root"]["level"] == "WARNING"


def test_extra_settings_override_and_render_as_text() -> None:
    merged = dict(kinto.DEFAULT_SETTINGS)
    merged.update({"kinto.paginate_by": "5", "kinto.readonly": "true"})
    app = parse(kinto.render_ini("127.0.0.1", merged))["app:main"]
    assert app["kinto.paginate_by"] == "5" and app["kinto.readonly"] == "true"


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_executable_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    configured = executable(tmp_path / "configured" / "kinto")
    on_path = executable(tmp_path / "bin" / "kinto")
    monkeypatch.setenv("CLOUDSPEC_KINTO", str(configured))
    monkeypatch.setenv("PATH", str(on_path.parent))
    assert kinto.kinto_executable() == configured
    monkeypatch.delenv("CLOUDSPEC_KINTO")
    assert kinto.kinto_executable() == on_path


def test_missing_kinto_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDSPEC_KINTO", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    # Pretend the module lives somewhere without a .venv-kinto three levels up.
    monkeypatch.setattr(kinto, "__file__", str(tmp_path / "a" / "b" / "c" / "kinto.py"))
    with pytest.raises(ServerStartError, match="make setup"):
        kinto.kinto_executable()


def fake_venv(root: Path, *packages: str) -> Path:
    """A venv layout with ``bin/kinto`` and empty ``packages`` in its site-packages."""
    site = root / "lib" / "python3.11" / "site-packages"
    for package in packages:
        (site / package).mkdir(parents=True)
        (site / package / "__init__.py").write_text("")
    return executable(root / "bin" / "kinto")


def test_attachment_plugin_is_found_on_disk(tmp_path: Path) -> None:
    assert kinto.attachments_available(
        fake_venv(tmp_path / "full", "kinto", "kinto_attachment", "pkg_resources")
    )
    assert not kinto.attachments_available(fake_venv(tmp_path / "bare", "kinto"))
    # kinto-attachment imports pkg_resources, which setuptools >= 82 no longer has.
    assert not kinto.attachments_available(
        fake_venv(tmp_path / "new-setuptools", "kinto", "kinto_attachment")
    )
    link = tmp_path / "links" / "kinto"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "full" / "bin" / "kinto")  # e.g. pipx's ~/.local/bin/kinto
    assert kinto.attachments_available(link)


def test_file_server_serves_a_directory_and_stops(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"hello")
    with serve_directory(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        response = httpx.get(f"{url}a.txt", trust_env=False)
        assert response.content == b"hello"
        assert response.headers["content-type"] == "text/plain"
        assert httpx.get(f"{url}missing", trust_env=False).status_code == 404
        port = int(url.rstrip("/").rsplit(":", 1)[1])
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
