"""``box://`` (cloudspec.fs.box) on the Box emulator: fsspec's own abstract test suite, plus what
that suite does not check (Range reads, uploads through a session, failed writes, fsspec.open,
server-side cp and mv)."""

from __future__ import annotations

import hashlib
import io
import pickle
import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec  # type: ignore[import-untyped,unused-ignore]
import httpx
import pytest
from fsspec.tests import abstract  # type: ignore[import-untyped,unused-ignore]

from cloudspec.box import BoxBadRequest, BoxClient
from cloudspec.emulators import ServerURLs
from cloudspec.fs.box import BoxFileSystem
from tests.live.box_support import (
    add_faults,
    clear_faults,
    make_file,
    mint,
    reset_stats,
    stats,
    urls_of,
)

# The session emulator (tests/conftest.py) opens upload sessions from 2 MiB: the filesystem's
# threshold matches, so a 3 MiB write goes through one without a 20 MB file.
CHUNKED = 2 * 1024 * 1024


def _filesystem(server: ServerURLs) -> BoxFileSystem:
    return BoxFileSystem(
        access_token=mint(server)["access_token"],
        urls=urls_of(server),
        chunked_threshold=CHUNKED,
        skip_instance_cache=True,
    )


@pytest.fixture
def box_fs(box_server: ServerURLs) -> Iterator[BoxFileSystem]:
    fs = _filesystem(box_server)
    yield fs
    fs.close()


@pytest.fixture
def box_root(box_fs: BoxFileSystem) -> Iterator[str]:
    """A fresh folder per test, removed with everything in it afterwards."""
    root = f"/fsspec-{uuid.uuid4().hex[:12]}"
    box_fs.mkdir(root)
    yield root
    box_fs.rm(root, recursive=True)


class BoxFixtures(abstract.AbstractFixtures):  # type: ignore[misc]
    @pytest.fixture
    def fs(self, box_fs: BoxFileSystem) -> BoxFileSystem:
        return box_fs

    @pytest.fixture
    def fs_path(self, box_root: str) -> str:
        return box_root


class TestBoxCopy(abstract.AbstractCopyTests, BoxFixtures):  # type: ignore[misc]
    pass


class TestBoxGet(abstract.AbstractGetTests, BoxFixtures):  # type: ignore[misc]
    pass


class TestBoxPut(abstract.AbstractPutTests, BoxFixtures):  # type: ignore[misc]
    pass


class TestBoxOpen(abstract.AbstractOpenTests, BoxFixtures):  # type: ignore[misc]
    pass


class TestBoxPipe(abstract.AbstractPipeTests, BoxFixtures):  # type: ignore[misc]
    pass


# ---- beyond the abstract suite ----


def test_ls_info_mkdir_mv_rm(box_fs: BoxFileSystem, box_root: str) -> None:
    box_fs.makedirs(f"{box_root}/a/b")
    box_fs.pipe(f"{box_root}/a/b/one.txt", b"one")
    assert box_fs.ls(f"{box_root}/a", detail=False) == [f"{box_root}/a/b"]
    info = box_fs.info(f"{box_root}/a/b/one.txt")
    assert info["type"] == "file" and info["size"] == 3
    assert info["sha1"] == hashlib.sha1(b"one").hexdigest()
    assert box_fs.info(f"{box_root}/a")["type"] == "directory"
    with pytest.raises(FileExistsError):
        box_fs.mkdir(f"{box_root}/a")
    with pytest.raises(FileNotFoundError):
        box_fs.info(f"{box_root}/nothing")

    box_fs.mv(f"{box_root}/a/b/one.txt", f"{box_root}/moved.txt")
    assert box_fs.cat(f"{box_root}/moved.txt") == b"one"
    assert not box_fs.exists(f"{box_root}/a/b/one.txt")

    with pytest.raises(IsADirectoryError):
        box_fs.rm(f"{box_root}/a")
    box_fs.rm(f"{box_root}/a", recursive=True)
    assert box_fs.ls(box_root, detail=False) == [f"{box_root}/moved.txt"]


def test_overwrite_makes_a_new_version(box_fs: BoxFileSystem, box_root: str) -> None:
    path = f"{box_root}/v.txt"
    box_fs.pipe(path, b"first")
    first_id = box_fs.info(path)["id"]
    box_fs.pipe(path, b"second")
    assert box_fs.info(path)["id"] == first_id
    assert box_fs.cat(path) == b"second"


class _RecordingTransport(httpx.HTTPTransport):
    """The real transport, noting each request's method, path and Range header."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.method, request.url.path, request.headers.get("range")))
        return super().handle_request(request)


def test_random_access_reads_use_range(
    box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str, tmp_path: Path
) -> None:
    local = tmp_path / "data.bin"
    make_file(local, 300_000, seed=3)
    data = local.read_bytes()
    box_fs.put(str(local), f"{box_root}/data.bin")
    recording = _RecordingTransport()
    fs = BoxFileSystem(
        access_token=mint(box_server)["access_token"],
        urls=urls_of(box_server),
        transport=recording,
        skip_instance_cache=True,
    )
    reset_stats(box_server)
    with fs.open(f"{box_root}/data.bin", "rb", block_size=4096, cache_type="none") as f:
        f.seek(123_456)
        assert f.read(1000) == data[123_456:124_456]
        f.seek(-10, 2)
        assert f.read() == data[-10:]
    fs.close()
    ranges = [r for method, path, r in recording.seen if path.endswith("/content")]
    assert ranges == ["bytes=123456-124455", "bytes=299990-299999"]
    counted = stats(box_server)
    # Only what was asked for crossed the wire, not the 300 kB file.
    assert counted["downloads"] == 2 and counted["bytes_downloaded"] == 1010, counted
    assert box_fs.cat_file(f"{box_root}/data.bin", start=10, end=20) == data[10:20]


def test_large_write_goes_through_an_upload_session(
    box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str
) -> None:
    payload = hashlib.sha256(b"seed").digest() * (3 * 1024 * 1024 // 32 + 5)
    reset_stats(box_server)
    with box_fs.open(f"{box_root}/big.bin", "wb", block_size=1024 * 1024) as f:
        for start in range(0, len(payload), 700_000):
            f.write(payload[start : start + 700_000])
        # Buffered locally: nothing is on Box before close.
        assert not box_fs.exists(f"{box_root}/big.bin")
    counted = stats(box_server)
    assert counted["commits"] == 1 and counted["upload_parts"] >= 3, counted
    info = box_fs.info(f"{box_root}/big.bin")
    assert info["size"] == len(payload)
    assert info["sha1"] == hashlib.sha1(payload).hexdigest()
    # Rewritten: a new version of the same file, through a session again.
    box_fs.pipe(f"{box_root}/big.bin", payload[::-1])
    again = box_fs.info(f"{box_root}/big.bin")
    assert again["id"] == info["id"]
    assert again["sha1"] == hashlib.sha1(payload[::-1]).hexdigest()
    assert stats(box_server)["commits"] == 2


def test_failed_write_leaves_no_remote_file(box_fs: BoxFileSystem, box_root: str) -> None:
    path = f"{box_root}/half.bin"
    with pytest.raises(RuntimeError, match="producer broke"), box_fs.open(path, "wb") as f:
        f.write(b"x" * 100_000)
        raise RuntimeError("producer broke")
    assert not box_fs.exists(path)
    box_fs.invalidate_cache()
    assert box_fs.ls(box_root, detail=False) == []


def test_failed_upload_leaves_no_remote_file(
    box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str
) -> None:
    # The upload session's commit is refused (400 is never retried): the client aborts the
    # session, and neither the file nor a part of it appears.
    path = f"{box_root}/refused.bin"
    add_faults(
        box_server, {"host": "upload", "path": "/commit$", "action": "status", "status": 400}
    )
    try:
        with pytest.raises(BoxBadRequest), box_fs.open(path, "wb") as f:
            f.write(b"z" * (CHUNKED + 12345))
    finally:
        clear_faults(box_server)
    box_fs.invalidate_cache()
    assert not box_fs.exists(path)
    assert box_fs.ls(box_root, detail=False) == []


def test_get_and_put_verify_content(box_fs: BoxFileSystem, box_root: str, tmp_path: Path) -> None:
    local = tmp_path / "up.bin"
    sha1 = make_file(local, 50_000, seed=9)
    box_fs.put(str(local), f"{box_root}/up.bin")
    assert box_fs.info(f"{box_root}/up.bin")["sha1"] == sha1
    back = tmp_path / "down.bin"
    box_fs.get(f"{box_root}/up.bin", str(back))
    assert back.read_bytes() == local.read_bytes()
    buffer = io.BytesIO()
    box_fs.get_file(f"{box_root}/up.bin", buffer)
    assert buffer.getvalue() == local.read_bytes()


def test_fsspec_open_by_url(box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str) -> None:
    box_fs.pipe(f"{box_root}/hello.csv", b"a,b\n1,2\n")
    options = {"access_token": mint(box_server)["access_token"], "urls": urls_of(box_server)}
    # Found through cloudspec's entry point, which replaces fsspec's own "box" (boxfs) entry.
    assert fsspec.get_filesystem_class("box") is BoxFileSystem
    with fsspec.open(f"box://{box_root}/hello.csv", "rt", **options) as f:
        assert f.read() == "a,b\n1,2\n"


def test_client_given_is_used_and_left_open(box_server: ServerURLs, box_root: str) -> None:
    with BoxClient(access_token=mint(box_server)["access_token"], urls=urls_of(box_server)) as c:
        fs = BoxFileSystem(client=c, skip_instance_cache=True)
        fs.pipe(f"{box_root}/c.txt", b"c")
        fs.close()
        assert c.files.get(fs.info(f"{box_root}/c.txt")["id"]).name == "c.txt"


def test_pickles_for_dask_workers(box_server: ServerURLs, box_root: str) -> None:
    fs = BoxFileSystem(
        access_token=mint(box_server)["access_token"],
        urls=urls_of(box_server),
        skip_instance_cache=True,
    )
    fs.pipe(f"{box_root}/p.txt", b"pickled")
    clone = pickle.loads(pickle.dumps(fs))
    assert clone is not fs and clone.cat(f"{box_root}/p.txt") == b"pickled"
    clone.close()
    fs.close()


def test_cp_is_one_server_side_copy(
    box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str
) -> None:
    box_fs.pipe(f"{box_root}/src.txt", b"copied on the server")
    source = box_fs.info(f"{box_root}/src.txt")
    box_fs.makedirs(f"{box_root}/to")
    box_fs.ls(f"{box_root}/to")  # names resolved: the copy itself is what is counted
    reset_stats(box_server)
    box_fs.cp_file(f"{box_root}/src.txt", f"{box_root}/to/dst.txt")
    counted = stats(box_server)
    assert counted["downloads"] == 0 and counted["uploads"] == 0
    copy = box_fs.info(f"{box_root}/to/dst.txt")
    assert copy["id"] != source["id"] and copy["sha1"] == source["sha1"]
    assert box_fs.cat(f"{box_root}/to/dst.txt") == b"copied on the server"
    # Onto an existing file: a new version of it (Box's copy does not replace).
    box_fs.pipe(f"{box_root}/other.txt", b"old")
    other_id = box_fs.info(f"{box_root}/other.txt")["id"]
    box_fs.cp_file(f"{box_root}/src.txt", f"{box_root}/other.txt")
    replaced = box_fs.info(f"{box_root}/other.txt")
    assert replaced["id"] == other_id and replaced["sha1"] == source["sha1"]


def test_mv_is_one_server_side_move_keeping_ids(
    box_server: ServerURLs, box_fs: BoxFileSystem, box_root: str
) -> None:
    box_fs.pipe(f"{box_root}/tree/inner/f.txt", b"moved")
    file_id = box_fs.info(f"{box_root}/tree/inner/f.txt")["id"]
    tree_id = box_fs.info(f"{box_root}/tree")["id"]
    box_fs.makedirs(f"{box_root}/elsewhere")
    box_fs.info(f"{box_root}/elsewhere")
    reset_stats(box_server)
    box_fs.mv(f"{box_root}/tree", f"{box_root}/elsewhere/renamed", recursive=True)
    counted = stats(box_server)
    assert counted["downloads"] == 0 and counted["uploads"] == 0
    assert not box_fs.exists(f"{box_root}/tree")
    assert box_fs.info(f"{box_root}/elsewhere/renamed")["id"] == tree_id
    assert box_fs.info(f"{box_root}/elsewhere/renamed/inner/f.txt")["id"] == file_id
    box_fs.mv(f"{box_root}/elsewhere/renamed/inner/f.txt", f"{box_root}/elsewhere/g.txt")
    assert box_fs.info(f"{box_root}/elsewhere/g.txt")["id"] == file_id
    assert box_fs.cat(f"{box_root}/elsewhere/g.txt") == b"moved"
    assert box_fs.ls(f"{box_root}/elsewhere/renamed/inner", detail=False) == []
