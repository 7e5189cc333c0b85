"""``metadisk://`` (cloudspec.fs.metadisk) on the Metadisk emulator: fsspec's abstract suite where
the bridge can do what it asks, the documented typed error where it cannot, and the bridge's
own rules (buckets as top-level directories, one file per content in a bucket, duplicate names).
"""

from __future__ import annotations

import hashlib
import inspect
import pickle
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fsspec  # type: ignore[import-untyped,unused-ignore]
import httpx
import pytest
from fsspec.implementations.local import (  # type: ignore[import-untyped,unused-ignore]
    LocalFileSystem,
)
from fsspec.tests import abstract  # type: ignore[import-untyped,unused-ignore]

from cloudspec.emulators import ServerURLs
from cloudspec.fs.metadisk import (
    MetadiskDuplicateContent,
    MetadiskFileSystem,
    MetadiskUnsupportedOperation,
)
from cloudspec.metadisk import (
    Bucket,
    Buckets,
    ECDSAKeyPair,
    Keys,
    MetadiskBadRequestError,
    Users,
)

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def metadisk_key(metadisk_server: ServerURLs) -> ECDSAKeyPair:
    """A new, activated account with one registered key pair (its own buckets only)."""
    key_pair = ECDSAKeyPair.generate()
    email = f"fs-{uuid.uuid4().hex[:12]}@example.com"
    with Users(email, PASSWORD, base_url=metadisk_server.base_url) as user:
        user.register()
        response = httpx.get(
            f"{metadisk_server.base_url}/_emulator/activation/{email}", trust_env=False
        )
        response.raise_for_status()
        user.activate(response.json()["token"])
        Keys(user).create(key_pair)
    return key_pair


@pytest.fixture
def md_fs(metadisk_server: ServerURLs, metadisk_key: ECDSAKeyPair) -> Iterator[MetadiskFileSystem]:
    fs = MetadiskFileSystem(
        key_pair=metadisk_key, url=metadisk_server.base_url, skip_instance_cache=True
    )
    yield fs
    fs.close()


@pytest.fixture
def md_bucket(md_fs: MetadiskFileSystem) -> Iterator[str]:
    """A fresh bucket per test (``mkdir`` of a top-level name), removed afterwards."""
    path = f"/fsspec-{uuid.uuid4().hex[:12]}"
    md_fs.mkdir(path)
    yield path
    md_fs.rm(path, recursive=True)


def _distinct(some_fs: Any, path: str) -> None:
    # The bridge keys a bucket's files by content: the suite's empty files (all the same
    # bytes) cannot coexist in one bucket. Each scenario file gets its own bytes instead; what
    # the tests check (which paths arrive where) is unchanged.
    some_fs.pipe(path, f"content of {path}".encode())


class MetadiskFixtures(abstract.AbstractFixtures):  # type: ignore[misc]
    @pytest.fixture
    def fs(self, md_fs: MetadiskFileSystem) -> MetadiskFileSystem:
        return md_fs

    @pytest.fixture
    def fs_path(self, md_bucket: str) -> str:
        return md_bucket

    @pytest.fixture
    def supports_empty_directories(self) -> bool:
        # Directories below a bucket are prefixes of file names, as on S3.
        return False

    def _bulk_operations_scenario_0(
        self, some_fs: Any, some_join: Callable[..., str], some_path: str
    ) -> str:
        source = some_join(some_path, "source")
        subdir = some_join(source, "subdir")
        nesteddir = some_join(subdir, "nesteddir")
        some_fs.makedirs(nesteddir, exist_ok=True)
        for path in (
            some_join(source, "file1"),
            some_join(source, "file2"),
            some_join(subdir, "subfile1"),
            some_join(subdir, "subfile2"),
            some_join(nesteddir, "nestedfile"),
        ):
            _distinct(some_fs, path)
        return source

    def _glob_edge_cases_files(
        self, some_fs: Any, some_join: Callable[..., str], some_path: str
    ) -> str:
        source = some_join(some_path, "source")
        _distinct(some_fs, some_join(source, "file1"))
        _distinct(some_fs, some_join(source, "file2"))
        for index in range(2):
            subdir = some_join(source, f"subdir{index}")
            nesteddir = some_join(subdir, "nesteddir")
            some_fs.makedirs(nesteddir, exist_ok=True)
            _distinct(some_fs, some_join(subdir, "subfile1"))
            _distinct(some_fs, some_join(subdir, "subfile2"))
            _distinct(some_fs, some_join(nesteddir, "nestedfile"))
        return source

    def _dir_and_file_with_same_name_prefix(
        self, some_fs: Any, some_join: Callable[..., str], some_path: str
    ) -> str:
        source = some_join(some_path, "source")
        subdir = some_join(source, "subdir")
        some_fs.makedirs(subdir, exist_ok=True)
        _distinct(some_fs, some_join(source, "subdir.txt"))
        _distinct(some_fs, some_join(subdir, "subfile.txt"))
        return source


class TestMetadiskGet(abstract.AbstractGetTests, MetadiskFixtures):  # type: ignore[misc]
    pass


class TestMetadiskPut(abstract.AbstractPutTests, MetadiskFixtures):  # type: ignore[misc]
    def test_put_directory_recursive(
        self,
        fs: MetadiskFileSystem,
        fs_join: Callable[..., str],
        fs_target: str,
        local_fs: Any,
        local_join: Callable[..., str],
        local_path: Any,
    ) -> None:
        # fsspec's test puts one file twice into the bucket (target/file, then
        # target/src/file): the same bytes under two names, which the bridge cannot hold (it
        # keys a bucket's files by content). The first put behaves as fsspec's test expects;
        # the second raises the documented error and changes nothing.
        src = local_join(local_path, "src")
        local_fs.mkdir(src)
        local_fs.touch(local_join(src, "file"))
        fs.put(src, fs_target, recursive=True)
        assert fs.isfile(fs_join(fs_target, "file"))
        assert not fs.exists(fs_join(fs_target, "src"))
        with pytest.raises(MetadiskDuplicateContent):
            fs.put(src, fs_target, recursive=True)
        assert not fs.exists(fs_join(fs_target, "src"))
        # With a slash the second put writes the same name again: allowed, nothing changes.
        for _ in range(2):
            fs.put(src + "/", fs_target, recursive=True)
            assert fs.find(fs_target) == [fs_join(fs_target, "file")]


class TestMetadiskOpen(abstract.AbstractOpenTests, MetadiskFixtures):  # type: ignore[misc]
    pass


class TestMetadiskPipe(abstract.AbstractPipeTests, MetadiskFixtures):  # type: ignore[misc]
    pass


def _copy_is_unsupported(self: Any, fs: MetadiskFileSystem, fs_path: str) -> None:
    source = f"{fs_path}/source.txt"
    fs.pipe(source, b"only copy")
    with pytest.raises(MetadiskUnsupportedOperation):
        fs.cp(source, f"{fs_path}/target.txt")
    with pytest.raises(MetadiskUnsupportedOperation):
        fs.cp(fs_path, f"{fs_path}-copy", recursive=True)
    assert fs.ls(fs_path, detail=False) == [source]
    assert not fs.exists(f"{fs_path}-copy")


class TestMetadiskCopy(MetadiskFixtures):
    """Every test of fsspec's AbstractCopyTests, each replaced by the documented error: the
    bridge has no copy operation, and a copy inside a bucket could not exist (a bucket keeps
    one file per content), so ``cp`` raises ``MetadiskUnsupportedOperation`` and changes
    nothing."""


for _name, _ in inspect.getmembers(abstract.AbstractCopyTests, inspect.isfunction):
    if _name.startswith("test_"):
        setattr(TestMetadiskCopy, _name, _copy_is_unsupported)


# ---- the bridge's own rules ----


def test_buckets_are_top_level_directories(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    info = md_fs.info(md_bucket)
    assert info["type"] == "directory" and info["bucket_name"] == md_bucket[1:]
    assert md_bucket in md_fs.ls("/", detail=False)
    # The same bucket by its id.
    by_id = f"/{info['id']}"
    md_fs.pipe(f"{by_id}/x.txt", b"x")
    assert md_fs.cat(f"{md_bucket}/x.txt") == b"x"
    with pytest.raises(FileNotFoundError):
        md_fs.ls("/no-such-bucket")


def test_pseudo_directories_and_rm(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    md_fs.pipe(f"{md_bucket}/a/b/c.txt", b"c")
    md_fs.pipe(f"{md_bucket}/a/d.txt", b"d")
    assert md_fs.ls(f"{md_bucket}/a", detail=False) == [f"{md_bucket}/a/b", f"{md_bucket}/a/d.txt"]
    assert md_fs.isdir(f"{md_bucket}/a/b")
    assert md_fs.find(md_bucket) == [f"{md_bucket}/a/b/c.txt", f"{md_bucket}/a/d.txt"]
    md_fs.rm(f"{md_bucket}/a", recursive=True)
    assert md_fs.ls(md_bucket, detail=False) == []
    md_fs.pipe(f"{md_bucket}/keep.txt", b"k")
    with pytest.raises(IsADirectoryError):
        md_fs.rm(md_bucket)  # a bucket goes only with recursive=True
    assert md_fs.exists(f"{md_bucket}/keep.txt")


def test_same_content_under_two_names_is_refused(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    md_fs.pipe(f"{md_bucket}/first.txt", b"same bytes")
    md_fs.pipe(f"{md_bucket}/first.txt", b"same bytes")  # same name, same bytes: nothing to do
    with pytest.raises(MetadiskDuplicateContent) as info:
        md_fs.pipe(f"{md_bucket}/second.txt", b"same bytes")
    assert isinstance(info.value, FileExistsError) and info.value.existing == "first.txt"
    md_fs.invalidate_cache()
    assert md_fs.ls(md_bucket, detail=False) == [f"{md_bucket}/first.txt"]


def test_overwrite_replaces_the_old_content(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    path = f"{md_bucket}/v.txt"
    md_fs.pipe(path, b"first")
    md_fs.pipe(path, b"second")
    info = md_fs.info(path)
    assert md_fs.cat(path) == b"second" and info["duplicates"] == []


def test_duplicate_names_are_one_path(
    metadisk_server: ServerURLs,
    metadisk_key: ECDSAKeyPair,
    md_fs: MetadiskFileSystem,
    md_bucket: str,
    tmp_path: Path,
) -> None:
    bucket_id = md_fs.info(md_bucket)["id"]
    older, newer = tmp_path / "older", tmp_path / "newer"
    older.write_bytes(b"older")
    newer.write_bytes(b"newer")
    with Bucket(bucket_id, metadisk_key, base_url=metadisk_server.base_url) as bucket:
        bucket.files.upload(older, name="dup.txt")
        latest = bucket.files.upload(newer, name="dup.txt")
        assert len(bucket.files.list()) == 2
    assert md_fs.ls(md_bucket, detail=False) == [f"{md_bucket}/dup.txt"]
    info = md_fs.info(f"{md_bucket}/dup.txt")
    assert info["hash"] == latest.hash_ and len(info["duplicates"]) == 1
    assert md_fs.cat(f"{md_bucket}/dup.txt") == b"newer"
    md_fs.rm(f"{md_bucket}/dup.txt")
    with Bucket(bucket_id, metadisk_key, base_url=metadisk_server.base_url) as bucket:
        assert bucket.files.list() == []


def test_random_access_reads(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    # 2.5 shards of the session emulator's 1 MiB: a read spans a shard boundary.
    data = hashlib.sha256(b"r").digest() * (5 * 1024 * 1024 // 64)
    md_fs.pipe(f"{md_bucket}/big.bin", data)
    with md_fs.open(f"{md_bucket}/big.bin", "rb", block_size=65536) as f:
        f.seek(1024 * 1024 - 10)
        assert f.read(20) == data[1024 * 1024 - 10 : 1024 * 1024 + 10]
        f.seek(-5, 2)
        assert f.read() == data[-5:]
    assert md_fs.cat_file(f"{md_bucket}/big.bin", start=3, end=9) == data[3:9]


def test_failed_write_leaves_no_remote_file(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    path = f"{md_bucket}/half.bin"
    with pytest.raises(RuntimeError, match="producer broke"), md_fs.open(path, "wb") as f:
        f.write(b"x" * 100_000)
        raise RuntimeError("producer broke")
    md_fs.invalidate_cache()
    assert not md_fs.exists(path)
    assert md_fs.ls(md_bucket, detail=False) == []


def test_failed_upload_keeps_the_old_file(
    metadisk_server: ServerURLs, md_fs: MetadiskFileSystem, md_bucket: str
) -> None:
    # The bridge refuses the upload (400 is never retried): the old content stays, and the new
    # is nowhere.
    path = f"{md_bucket}/kept.txt"
    md_fs.pipe(path, b"old")
    faults = f"{metadisk_server.base_url}/_emulator/faults"
    rule = {"method": "PUT", "path": "/files$", "action": "status", "status": 400}
    httpx.post(faults, json={"rules": [rule]}, trust_env=False).raise_for_status()
    try:
        with pytest.raises(MetadiskBadRequestError), md_fs.open(path, "wb") as f:
            f.write(b"new")
    finally:
        httpx.delete(faults, trust_env=False).raise_for_status()
    md_fs.invalidate_cache()
    assert md_fs.cat(path) == b"old"
    assert md_fs.ls(md_bucket, detail=False) == [path]


def test_mv_is_unsupported(md_fs: MetadiskFileSystem, md_bucket: str) -> None:
    md_fs.pipe(f"{md_bucket}/m.txt", b"m")
    with pytest.raises(MetadiskUnsupportedOperation):
        md_fs.mv(f"{md_bucket}/m.txt", f"{md_bucket}/n.txt")
    assert md_fs.cat(f"{md_bucket}/m.txt") == b"m"


def test_get_and_put(md_fs: MetadiskFileSystem, md_bucket: str, tmp_path: Path) -> None:
    local = tmp_path / "up.bin"
    local.write_bytes(b"put me" * 1000)
    md_fs.put(str(local), f"{md_bucket}/up.bin")
    back = tmp_path / "down.bin"
    md_fs.get(f"{md_bucket}/up.bin", str(back))
    assert back.read_bytes() == local.read_bytes()
    LocalFileSystem().rm(str(back))


def test_fsspec_open_by_url(
    metadisk_server: ServerURLs,
    metadisk_key: ECDSAKeyPair,
    md_fs: MetadiskFileSystem,
    md_bucket: str,
) -> None:
    md_fs.pipe(f"{md_bucket}/hello.csv", b"a,b\n1,2\n")
    # Found through cloudspec's entry point.
    assert fsspec.get_filesystem_class("metadisk") is MetadiskFileSystem
    options = {"private_key": metadisk_key.private_key_hex, "url": metadisk_server.base_url}
    with fsspec.open(f"metadisk:/{md_bucket}/hello.csv", "rt", **options) as f:
        assert f.read() == "a,b\n1,2\n"
    with Buckets(metadisk_key, base_url=metadisk_server.base_url) as buckets:
        assert md_bucket[1:] in [b.name for b in buckets.list()]


def test_pickles_for_dask_workers(
    metadisk_server: ServerURLs, metadisk_key: ECDSAKeyPair, md_bucket: str
) -> None:
    fs = MetadiskFileSystem(
        key_pair=metadisk_key, url=metadisk_server.base_url, skip_instance_cache=True
    )
    fs.pipe(f"{md_bucket}/p.txt", b"pickled")
    clone = pickle.loads(pickle.dumps(fs))
    assert clone.cat(f"{md_bucket}/p.txt") == b"pickled"
    clone.close()
    fs.close()
