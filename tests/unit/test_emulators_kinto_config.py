"""cloudspec.emulators.kinto without starting a server: ini rendering and finding `kinto`."""

from __future__ import annotations

import configparser
import stat
from pathlib import Path

import pytest

from cloudspec.emulators import ServerStartError, kinto


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
