"""The streaming download engine: resume, restart, verification, no partial files."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from cloudspec.core._async.download import async_download_to_path
from cloudspec.core.errors import ConnectionError as CloudspecConnectionError
from cloudspec.core.errors import IntegrityError, NotFoundError
from tests.unit.download_server import DIGEST, PAYLOAD, Server


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


async def test_download_is_verified_and_reports_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    async with httpx.AsyncClient(transport=httpx.MockTransport(Server())) as client:
        target = await async_download_to_path(
            client,
            "http://files.test/a",
            tmp_path / "a.bin",
            expected_size=len(PAYLOAD),
            expected_sha256=DIGEST,
            progress=lambda done, total: seen.append((done, total)),
        )
    assert target.read_bytes() == PAYLOAD
    assert seen[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert files_in(tmp_path) == ["a.bin"]


async def test_a_dropped_connection_resumes_with_range(tmp_path: Path) -> None:
    server = Server(drops=2)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as client:
        target = await async_download_to_path(
            client,
            "http://files.test/a",
            tmp_path / "a.bin",
            expected_sha256=DIGEST,
            chunk_size=10_000,  # bytes are only counted once a whole chunk arrived
        )
    assert target.read_bytes() == PAYLOAD
    assert server.ranges == [None, "bytes=30000-", "bytes=60000-"]


async def test_a_server_ignoring_range_restarts_cleanly(tmp_path: Path) -> None:
    server = Server(drops=1, honour_range=False)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as client:
        target = await async_download_to_path(
            client, "http://files.test/a", tmp_path / "a.bin", expected_sha256=DIGEST
        )
    assert target.read_bytes() == PAYLOAD


async def test_too_many_drops_leave_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"previous version")
    server = Server(drops=10)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as client:
        with pytest.raises(CloudspecConnectionError):
            await async_download_to_path(
                client, "http://files.test/a", tmp_path / "a.bin", max_resumes=2
            )
    assert files_in(tmp_path) == ["a.bin"]
    assert (tmp_path / "a.bin").read_bytes() == b"previous version"


@pytest.mark.parametrize(
    ("size", "digest"), [(len(PAYLOAD) + 1, None), (None, "0" * 64)], ids=["size", "hash"]
)
async def test_a_mismatch_is_an_integrity_error(
    tmp_path: Path, size: int | None, digest: str | None
) -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(Server())) as client:
        with pytest.raises(IntegrityError):
            await async_download_to_path(
                client,
                "http://files.test/a",
                tmp_path / "a.bin",
                expected_size=size,
                expected_sha256=digest,
            )
    assert files_in(tmp_path) == []


async def test_an_error_status_is_typed_and_leaves_no_file(tmp_path: Path) -> None:
    def missing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="<html>not here</html>")

    async with httpx.AsyncClient(transport=httpx.MockTransport(missing)) as client:
        with pytest.raises(NotFoundError) as caught:
            await async_download_to_path(client, "http://files.test/a", tmp_path / "a.bin")
    assert caught.value.status == 404
    assert files_in(tmp_path) == []
