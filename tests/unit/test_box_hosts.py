"""The Box overlay sends every operation to the host its spec entry names (``servers``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cloudspec.box._hosts import host_for
from cloudspec.box.urls import BoxURLs

SPEC = Path(__file__).resolve().parents[2] / "specs" / "box.yaml"
_METHODS = ("get", "put", "post", "delete", "options", "patch", "head")
_HOST_OF_SERVER = {
    "https://api.box.com/2.0": "api",
    "https://upload.box.com/api/2.0": "upload",
    "https://api.box.com": "oauth",
}


def _operations() -> list[tuple[str, str, str]]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    default = spec["servers"][0]["url"]
    found = []
    for path, item in spec["paths"].items():
        for method in _METHODS:
            if method in item:
                op = item[method]
                servers = op.get("servers") or item.get("servers") or [{"url": default}]
                found.append((method.upper(), path, servers[0]["url"]))
    return found


@pytest.mark.parametrize(("method", "path", "server"), _operations())
def test_overlay_host_matches_spec_server(method: str, path: str, server: str) -> None:
    concrete = re.sub(r"\{[^}]+\}", "12345", path)
    assert host_for(method, concrete) == _HOST_OF_SERVER[server]


def test_default_urls_are_the_spec_servers() -> None:
    urls = BoxURLs()
    assert {urls.api_v2, urls.upload_v2, urls.api} == set(_HOST_OF_SERVER)
