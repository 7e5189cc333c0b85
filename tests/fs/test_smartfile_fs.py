"""``smartfile://`` (cloudspec.fs.smartfile) on the SmartFile emulator: fsspec's own abstract
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

from cloudspec.fs.smartfile import SmartFileFileSystem

pytestmark = pytest.mark.live


class SmartFileFixtures(AbstractFixtures):  # type: ignore[misc]  # fsspec has no hints
    @pytest.fixture
    def fs(self, smartfile_fs: SmartFileFileSystem) -> SmartFileFileSystem:
        return smartfile_fs

    @pytest.fixture
    def fs_path(self, smartfile_path: str) -> str:
        return smartfile_path

    @pytest.fixture
    def fs_join(self) -> Callable[..., str]:
        return posixpath.join


class TestSmartFileCopy(AbstractCopyTests, SmartFileFixtures):  # type: ignore[misc]
    pass


class TestSmartFileGet(AbstractGetTests, SmartFileFixtures):  # type: ignore[misc]
    pass


class TestSmartFilePut(AbstractPutTests, SmartFileFixtures):  # type: ignore[misc]
    pass


class TestSmartFileOpen(AbstractOpenTests, SmartFileFixtures):  # type: ignore[misc]
    pass


class TestSmartFilePipe(AbstractPipeTests, SmartFileFixtures):  # type: ignore[misc]
    pass
