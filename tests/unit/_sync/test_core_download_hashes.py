# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The download engine's SHA-1 check, hashes computed only when asked, and redirects."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.core._sync.download import download_to_path
from cloudspec.core.errors import IntegrityError
from tests.unit.download_server import DIGEST, PAYLOAD, Server

SHA1 = hashlib.sha1(PAYLOAD).hexdigest()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("sha1", [SHA1, SHA1.upper()])
def test_a_matching_sha1_passes(tmp_path: Path, sha1: str) -> None:
    with httpx.Client(transport=httpx.MockTransport(Server())) as client:
        target = download_to_path(
            client, "http://files.test/a", tmp_path / "a.bin", expected_sha1=sha1
        )
    assert target.read_bytes() == PAYLOAD


def test_a_sha1_mismatch_is_an_integrity_error_and_leaves_no_file(tmp_path: Path) -> None:
    with httpx.Client(transport=httpx.MockTransport(Server())) as client:
        with pytest.raises(IntegrityError, match="SHA1"):
            download_to_path(
                client, "http://files.test/a", tmp_path / "a.bin", expected_sha1="0" * 40
            )
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    ("sha256", "sha1", "ok"),
    [(DIGEST, SHA1, True), ("0" * 64, SHA1, False), (DIGEST, "0" * 40, False)],
)
def test_every_hash_given_is_checked(tmp_path: Path, sha256: str, sha1: str, ok: bool) -> None:
    with httpx.Client(transport=httpx.MockTransport(Server())) as client:

        def fetch() -> None:
            download_to_path(
                client,
                "http://files.test/a",
                tmp_path / "a.bin",
                expected_sha256=sha256,
                expected_sha1=sha1,
            )

        if ok:
            fetch()
        else:
            with pytest.raises(IntegrityError):
                fetch()
    assert files_in(tmp_path) == (["a.bin"] if ok else [])


def test_the_sha1_survives_a_resume_and_a_restart(tmp_path: Path) -> None:
    for server in (Server(drops=2), Server(drops=1, honour_range=False)):
        with httpx.Client(transport=httpx.MockTransport(server)) as client:
            target = download_to_path(
                client,
                "http://files.test/a",
                tmp_path / "a.bin",
                expected_sha1=SHA1,
                chunk_size=10_000,
            )
        assert target.read_bytes() == PAYLOAD


@pytest.mark.parametrize(
    ("asked", "computed"),
    [
        ({}, set()),
        ({"expected_sha1": SHA1}, {"sha1"}),
        ({"expected_sha256": DIGEST}, {"sha256"}),
        ({"expected_sha1": SHA1, "expected_sha256": DIGEST}, {"sha1", "sha256"}),
    ],
)
def test_only_the_hashes_asked_for_are_computed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: dict[str, Any], computed: set[str]
) -> None:
    made: list[str] = []
    real_new = hashlib.new

    def recording_new(name: str, *args: Any, **kwargs: Any) -> Any:
        made.append(name)
        return real_new(name, *args, **kwargs)

    monkeypatch.setattr("cloudspec.core.sink.hashlib.new", recording_new)
    with httpx.Client(transport=httpx.MockTransport(Server())) as client:
        download_to_path(client, "http://files.test/a", tmp_path / "a.bin", **asked)
    assert set(made) == computed


def test_follow_redirects_reaches_another_origin_without_the_credentials(
    tmp_path: Path,
) -> None:
    server = Server()
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers.get("authorization")))
        if request.url.host == "api.test":
            return httpx.Response(302, headers={"location": "https://dl.test/blob/1"})
        return server(request)

    transport = httpx.MockTransport(handler)
    with httpx.Client(transport=transport, auth=("user", "secret")) as client:
        target = download_to_path(
            client,
            "https://api.test/files/1/content",
            tmp_path / "a.bin",
            expected_sha1=SHA1,
            follow_redirects=True,
        )
    assert target.read_bytes() == PAYLOAD
    assert seen[0][0] == "api.test" and seen[0][1] is not None
    assert seen[1] == ("dl.test", None)  # the credentials stayed with their origin
