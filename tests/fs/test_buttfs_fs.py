"""``buttfs://`` (cloudspec.fs.buttfs) on the ButtFS emulator: fsspec's own abstract
test suite, then what the suite does not cover (entry point, Range reads, staged writes)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable

import pytest
from fsspec.tests.abstract import (
    AbstractCopyTests,
    AbstractFixtures,
    AbstractGetTests,
    AbstractOpenTests,
    AbstractPipeTests,
    AbstractPutTests,
)

from cloudspec.fs.buttfs import ButtFSFileSystem

pytestmark = pytest.mark.live


class ButtFSFixtures(AbstractFixtures):  # type: ignore[misc]  # fsspec has no hints
    @pytest.fixture
    def fs(self, buttfs_fs: ButtFSFileSystem) -> ButtFSFileSystem:
        return buttfs_fs

    @pytest.fixture
    def fs_path(self, buttfs_path: str) -> str:
        return buttfs_path

    @pytest.fixture
    def fs_join(self) -> Callable[..., str]:
        return posixpath.join


class TestButtFSCopy(AbstractCopyTests, ButtFSFixtures):  # type: ignore[misc]
    pass


class TestButtFSGet(AbstractGetTests, ButtFSFixtures):  # type: ignore[misc]
    pass


class TestButtFSPut(AbstractPutTests, ButtFSFixtures):  # type: ignore[misc]
    pass


class TestButtFSOpen(AbstractOpenTests, ButtFSFixtures):  # type: ignore[misc]
    pass


class TestButtFSPipe(AbstractPipeTests, ButtFSFixtures):  # type: ignore[misc]
    pass
