"""Fixtures for the fsspec filesystems' tests (``tests/fs``).

fsspec's abstract suite (``fsspec.tests.abstract``) asks each test class for ``fs``,
``fs_path`` and ``fs_join`` (and has its own ``local_fs``, ``local_join``, ``local_path``);
the classes here return the per-service fixtures below. Each filesystem is made with
``skip_instance_cache=True`` so that a test never inherits another's listing cache, and every
test works in a fresh top-level directory of its own on the session's emulator.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from cloudspec.emulators import ServerURLs, run
from cloudspec.fs.buttfs import ButtFSFileSystem
from cloudspec.fs.smartfile import SmartFileFileSystem
from tests.live import smartfile_support as sf

BUTTFS_APP = ("buttfs-demo", "buttfs-demo-secret")
BUTTFS_USER = ("demo", "demo-password")


def unique_dir(prefix: str) -> str:
    return f"/{prefix}-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def smartfile_fs_server() -> Iterator[ServerURLs]:
    """A SmartFile emulator whose tasks finish at once: every ``rm`` and ``cp`` is a task
    the client waits for, and the abstract suite makes hundreds of them."""
    with run("smartfile", settings={"task_seconds": 0}) as urls:
        yield urls


@pytest.fixture(scope="session")
def smartfile_options(smartfile_fs_server: ServerURLs) -> dict[str, Any]:
    """Storage options for ``smartfile://`` on its emulator."""
    creds = sf.credentials(smartfile_fs_server)
    return {
        "key": creds["basic"]["key"],
        "password": creds["basic"]["password"],
        "base_url": smartfile_fs_server.base_url,
        "timeout": 10.0,
    }


@pytest.fixture
def smartfile_fs(smartfile_options: dict[str, Any]) -> Iterator[SmartFileFileSystem]:
    fs = SmartFileFileSystem(skip_instance_cache=True, **smartfile_options)
    yield fs
    fs.client.close()


@pytest.fixture
def smartfile_path(smartfile_fs: SmartFileFileSystem) -> Iterator[str]:
    path = unique_dir("fsspec-smartfile")
    smartfile_fs.makedirs(path)
    yield path
    smartfile_fs.rm(path, recursive=True)


@pytest.fixture(scope="session")
def buttfs_options(buttfs_server: ServerURLs) -> dict[str, Any]:
    """Storage options for ``buttfs://`` on the session's emulator."""
    return {
        "base_url": buttfs_server.base_url,
        "client_id": BUTTFS_APP[0],
        "client_secret": BUTTFS_APP[1],
        "username": BUTTFS_USER[0],
        "password": BUTTFS_USER[1],
    }


@pytest.fixture
def buttfs_fs(buttfs_options: dict[str, Any]) -> Iterator[ButtFSFileSystem]:
    fs = ButtFSFileSystem(skip_instance_cache=True, **buttfs_options)
    yield fs
    fs.session.close()


@pytest.fixture
def buttfs_path(buttfs_fs: ButtFSFileSystem) -> Iterator[str]:
    path = unique_dir("fsspec-buttfs")
    buttfs_fs.makedirs(path)
    yield path
    buttfs_fs.rm(path, recursive=True)
