"""Helpers for the Box client tests: the emulator's test-only control endpoints.

Plain sync httpx on purpose: these are the test's hands on the server, not the client under
test, and a blocking call on loopback is fine inside an async test too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from cloudspec.box import BoxURLs
from cloudspec.emulators import run
from cloudspec.emulators.urls import ServerURLs

CLIENT_ID = "cloudspec-demo"
CLIENT_SECRET = "cloudspec-demo-secret"
LOGIN = "demo@example.com"
PASSWORD = "demo-password"
MiB = 1024 * 1024

# Small parts keep chunked tests fast while exercising every rule (parts in parallel, a short
# last part, resume); the client's threshold is lowered to match in the tests.
SMALL_SETTINGS: Mapping[str, object] = {"part_size": 256 * 1024, "chunked_min_size": 512 * 1024}
SMALL_THRESHOLD = 512 * 1024


@contextmanager
def small_box() -> Iterator[ServerURLs]:
    with run("box", settings=SMALL_SETTINGS) as urls:
        yield urls


def urls_of(server: ServerURLs) -> BoxURLs:
    return BoxURLs.from_emulator(server)


def _control(server: ServerURLs) -> str:
    return f"{server.urls['api']}/_emulator"


def mint(server: ServerURLs, *, expires_in: float | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"login": LOGIN, "client_id": CLIENT_ID}
    if expires_in is not None:
        body["expires_in"] = expires_in
    response = httpx.post(f"{_control(server)}/tokens", json=body)
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def stats(server: ServerURLs) -> dict[str, Any]:
    response = httpx.get(f"{_control(server)}/stats")
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def reset_stats(server: ServerURLs) -> None:
    httpx.post(f"{_control(server)}/reset_stats").raise_for_status()


def add_faults(server: ServerURLs, *rules: Mapping[str, Any]) -> None:
    httpx.post(f"{_control(server)}/faults", json={"rules": list(rules)}).raise_for_status()


def armed_faults(server: ServerURLs) -> list[Any]:
    response = httpx.get(f"{_control(server)}/faults")
    response.raise_for_status()
    data = response.json()
    rules = data.get("rules", data) if isinstance(data, dict) else data
    assert isinstance(rules, list)
    return rules


def clear_faults(server: ServerURLs) -> None:
    httpx.delete(f"{_control(server)}/faults").raise_for_status()


def expire_tokens(server: ServerURLs) -> None:
    httpx.post(f"{_control(server)}/expire_tokens").raise_for_status()


def make_file(path: Path, size: int, seed: int = 0) -> str:
    """A file of ``size`` bytes that differs from block to block; returns its SHA-1 hex."""
    digest = hashlib.sha1(usedforsecurity=False)
    block = hashlib.sha256(f"{seed}".encode()).digest() * 2048  # 64 KiB
    with path.open("wb") as out:
        done = 0
        counter = 0
        while done < size:
            chunk = (counter.to_bytes(8, "big") + block)[: size - done]
            out.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            counter += 1
    return digest.hexdigest()


def sha1_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as handle:
        while chunk := handle.read(MiB):
            digest.update(chunk)
    return digest.hexdigest()


def browser_grant(authorize_url: str, *, login: str = LOGIN, password: str = PASSWORD) -> str:
    """What a user does in the browser: open the page, log in, grant. Returns the URL the
    browser is redirected to (not followed: it is the app's loopback address)."""
    with httpx.Client() as browser:
        page = browser.get(authorize_url)
        page.raise_for_status()
        form = _form_fields(page.text)
        form.update({"login": login, "password": password, "consent": "grant"})
        action = _form_action(page.text) or authorize_url
        answer = browser.post(httpx.URL(authorize_url).join(action), data=form)
        assert answer.status_code in (302, 303), answer.text[:200]
        return answer.headers["location"]


def _form_fields(html: str) -> dict[str, str]:
    import re

    fields: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]*)"', tag)
        if name and (kind is None or kind.group(1) == "hidden"):
            fields[name.group(1)] = _unescape(value.group(1)) if value else ""
    return fields


def _form_action(html: str) -> str | None:
    import re

    match = re.search(r'<form[^>]*action="([^"]*)"', html)
    return _unescape(match.group(1)) if match else None


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)
