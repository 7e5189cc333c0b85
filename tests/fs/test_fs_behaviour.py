"""What fsspec's abstract suite does not check, for ``smartfile://`` and ``buttfs://`` alike:
opening through the entry point with storage options, random-access reads that are Range
requests on the wire, staged writes (bigger than a block, discarded on failure, held back
until a transaction commits), moves done on the server, and errors as ``OSError``s."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fsspec
import httpx
import pytest

from cloudspec.core import errors as core
from cloudspec.fs import CloudspecFileSystem
from cloudspec.fs.buttfs import ButtFSFileSystem
from cloudspec.fs.smartfile import SmartFileFileSystem

pytestmark = pytest.mark.live

SERVICES = ["smartfile", "buttfs"]
DATA = bytes(range(256)) * 40  # 10 KiB with no two neighbouring windows alike


@pytest.fixture(params=SERVICES)
def service(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def cloud(service: str, request: pytest.FixtureRequest) -> CloudspecFileSystem:
    fs: CloudspecFileSystem = request.getfixturevalue(f"{service}_fs")
    return fs


@pytest.fixture
def base(service: str, request: pytest.FixtureRequest) -> str:
    path: str = request.getfixturevalue(f"{service}_path")
    return path


@pytest.fixture
def options(service: str, request: pytest.FixtureRequest) -> dict[str, Any]:
    found: dict[str, Any] = request.getfixturevalue(f"{service}_options")
    return found


def _http(fs: CloudspecFileSystem) -> httpx.Client:
    if isinstance(fs, SmartFileFileSystem):
        return fs.client._http
    assert isinstance(fs, ButtFSFileSystem)
    return fs._rest.client


@pytest.fixture
def ranges(cloud: CloudspecFileSystem) -> Iterator[list[str | None]]:
    """The ``Range`` header of every request the filesystem sends from now on."""
    seen: list[str | None] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.headers.get("range"))

    client = _http(cloud)
    client.event_hooks["request"].append(hook)
    yield seen
    client.event_hooks["request"].remove(hook)


def test_entry_point_resolves_every_cloudspec_protocol() -> None:
    assert fsspec.get_filesystem_class("smartfile") is SmartFileFileSystem
    assert fsspec.get_filesystem_class("buttfs") is ButtFSFileSystem


def test_fsspec_open_url_with_storage_options(
    service: str, base: str, options: dict[str, Any]
) -> None:
    url = f"{service}:/{base}/notes/hello.txt"
    with fsspec.open(url, "wt", encoding="utf-8", **options) as out:
        out.write("héllo\nwörld\n")
    with fsspec.open(url, "rt", encoding="utf-8", **options) as back:
        assert back.read().splitlines() == ["héllo", "wörld"]
    fs, path = fsspec.core.url_to_fs(url, **options)
    assert isinstance(fs, CloudspecFileSystem) and path == f"{base}/notes/hello.txt"
    assert fs.info(path)["size"] == len("héllo\nwörld\n".encode())


def test_url_is_also_accepted_outside_storage_options(
    service: str, options: dict[str, Any]
) -> None:
    fs = fsspec.filesystem(service, skip_instance_cache=True, **options)
    renamed = {("url" if k == "base_url" else k): v for k, v in options.items()}
    by_url = fsspec.filesystem(service, skip_instance_cache=True, **renamed)
    assert fs.ls("/", detail=False, refresh=True) == by_url.ls("/", detail=False, refresh=True)


def test_random_access_reads_are_range_requests(
    cloud: CloudspecFileSystem, base: str, ranges: list[str | None]
) -> None:
    path = f"{base}/data.bin"
    cloud.pipe_file(path, DATA)
    ranges.clear()
    with cloud.open(path, "rb", block_size=1024, cache_type="none") as f:
        assert f.size == len(DATA)
        f.seek(5000)
        assert f.read(100) == DATA[5000:5100]
        f.seek(-10, os.SEEK_END)
        assert f.read() == DATA[-10:]
        f.seek(3)
        assert f.read(1) == DATA[3:4]
    assert "bytes=5000-5099" in ranges
    assert f"bytes={len(DATA) - 10}-{len(DATA) - 1}" in ranges
    assert "bytes=3-3" in ranges
    ranges.clear()
    assert cloud.cat_file(path, start=1000, end=1010) == DATA[1000:1010]
    assert ranges[-1] == "bytes=1000-1009"
    assert cloud.cat_file(path, start=-4) == DATA[-4:]
    assert cloud.cat_file(path, start=len(DATA) + 5) == b""


def test_write_bigger_than_a_block_then_read_back(cloud: CloudspecFileSystem, base: str) -> None:
    path = f"{base}/deep/er/big.bin"  # parents are created, as on an object store
    with cloud.open(path, "wb", block_size=1000) as f:
        for start in range(0, len(DATA), 777):
            f.write(DATA[start : start + 777])
        # Staged locally: nothing is visible before close.
        assert not cloud.exists(path)
    assert cloud.info(path)["size"] == len(DATA)
    assert cloud.cat(path) == DATA


def test_failed_write_leaves_no_remote_file(cloud: CloudspecFileSystem, base: str) -> None:
    path = f"{base}/half.bin"
    with pytest.raises(RuntimeError, match="boom"), cloud.open(path, "wb", block_size=100) as f:
        f.write(DATA[:500])
        raise RuntimeError("boom")
    assert not cloud.exists(path)
    assert not cloud.ls(base, refresh=True)


def test_failed_overwrite_keeps_the_old_content(cloud: CloudspecFileSystem, base: str) -> None:
    path = f"{base}/keep.txt"
    cloud.pipe_file(path, b"old")
    with pytest.raises(RuntimeError), cloud.open(path, "wb") as f:
        f.write(b"new but unfinished")
        raise RuntimeError
    assert cloud.cat(path) == b"old"


def test_transaction_uploads_on_commit_only(cloud: CloudspecFileSystem, base: str) -> None:
    path = f"{base}/tx.txt"
    with cloud.transaction:
        with cloud.open(path, "wb") as f:
            f.write(b"committed")
        assert not cloud.exists(path)
    assert cloud.cat(path) == b"committed"


def test_put_and_get_stream_files(cloud: CloudspecFileSystem, base: str, tmp_path: Path) -> None:
    local = tmp_path / "up.bin"
    local.write_bytes(DATA)
    cloud.put(str(local), f"{base}/up.bin")
    assert cloud.info(f"{base}/up.bin")["size"] == len(DATA)
    cloud.get(f"{base}/up.bin", str(tmp_path / "down" / "copy.bin"))
    assert (tmp_path / "down" / "copy.bin").read_bytes() == DATA


def test_mv_is_one_server_side_move(cloud: CloudspecFileSystem, base: str) -> None:
    cloud.pipe({f"{base}/src/a.txt": b"a", f"{base}/src/sub/b.txt": b"b"})
    cloud.mv(f"{base}/src", f"{base}/dst", recursive=True)
    assert not cloud.exists(f"{base}/src")
    assert sorted(cloud.find(f"{base}/dst")) == [f"{base}/dst/a.txt", f"{base}/dst/sub/b.txt"]
    cloud.mv(f"{base}/dst/a.txt", f"{base}/dst/sub/")  # into an existing directory
    assert cloud.cat(f"{base}/dst/sub/a.txt") == b"a"


def test_cp_under_another_name_and_over_a_file(cloud: CloudspecFileSystem, base: str) -> None:
    cloud.pipe({f"{base}/one.txt": b"1", f"{base}/two.txt": b"2"})
    cloud.cp(f"{base}/one.txt", f"{base}/copies/uno.txt")
    cloud.cp(f"{base}/one.txt", f"{base}/two.txt")
    assert cloud.cat(f"{base}/copies/uno.txt") == b"1"
    assert cloud.cat(f"{base}/two.txt") == b"1"
    assert cloud.cat(f"{base}/one.txt") == b"1"
    assert sorted(cloud.ls(f"{base}/copies", detail=False)) == [f"{base}/copies/uno.txt"]


def test_errors_are_os_errors(cloud: CloudspecFileSystem, base: str) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        cloud.cat(f"{base}/absent.txt", on_error="raise")
    assert missing.value.filename == f"{base}/absent.txt"
    with pytest.raises(FileNotFoundError):
        cloud.ls(f"{base}/absent", refresh=True)
    cloud.makedirs(f"{base}/d")
    cloud.pipe_file(f"{base}/d/f.txt", b"x")
    with pytest.raises(FileExistsError):
        cloud.makedirs(f"{base}/d")
    with pytest.raises(FileExistsError):
        cloud.mkdir(f"{base}/d")
    with pytest.raises(IsADirectoryError):
        cloud.rm(f"{base}/d")  # not empty, and not recursive
    with pytest.raises(IsADirectoryError):
        cloud.open(f"{base}/d", "rb")
    with pytest.raises(OSError):
        cloud.rmdir(f"{base}/d")
    cloud.rm(f"{base}/d", recursive=True)
    assert not cloud.exists(f"{base}/d")


def test_not_found_keeps_the_typed_error_as_cause(cloud: CloudspecFileSystem, base: str) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        cloud.info(f"/no-such-top-level-{os.getpid()}/x")
    cause = missing.value.__cause__
    assert cause is None or isinstance(cause, core.NotFoundError)


def test_ls_pages_through_a_big_directory(cloud: CloudspecFileSystem, base: str) -> None:
    if isinstance(cloud, SmartFileFileSystem):
        cloud.page_size = 7  # SmartFile pages; a ButtFS folder listing is one answer
    cloud.pipe({f"{base}/many/f{i:02}.txt": b"%d" % i for i in range(23)})
    names = cloud.ls(f"{base}/many", detail=False, refresh=True)
    assert sorted(names) == [f"{base}/many/f{i:02}.txt" for i in range(23)]


def test_filesystem_pickles_for_dask_workers(cloud: CloudspecFileSystem, base: str) -> None:
    """Dask ships the filesystem to its workers by pickle: it is rebuilt from its storage
    options there, with a client of its own."""
    cloud.pipe_file(f"{base}/p.txt", b"pickled")
    clone = pickle.loads(pickle.dumps(cloud))
    assert type(clone) is type(cloud)
    assert clone.cat(f"{base}/p.txt") == b"pickled"


def test_a_file_made_elsewhere_is_found_despite_a_cached_listing(
    service: str, cloud: CloudspecFileSystem, base: str, options: dict[str, Any]
) -> None:
    assert cloud.ls(base) == []  # now cached as empty
    other = fsspec.filesystem(service, skip_instance_cache=True, **options)
    other.pipe_file(f"{base}/theirs.txt", b"made elsewhere")
    assert cloud.cat(f"{base}/theirs.txt") == b"made elsewhere"
    assert cloud.ls(base, detail=False, refresh=True) == [f"{base}/theirs.txt"]
