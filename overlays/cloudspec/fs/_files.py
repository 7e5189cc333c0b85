"""The file object every cloudspec filesystem opens: random-access reads with HTTP Range,
writes staged in a local temporary file and uploaded whole on close.

Staging is what keeps a half-written file from ever being visible remotely: until
``close()`` succeeds the service has not seen a byte, and an exception inside
``with fs.open(path, "wb")`` (or a file dropped without being closed) discards the staged
data instead of uploading it. Memory stays bounded by one block whatever the file's size.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any, Protocol

from fsspec.spec import AbstractBufferedFile

from cloudspec.core import errors as core

__all__ = ["StagedFile", "StagingFileSystem", "translate_errors"]


class StagingFileSystem(Protocol):
    """What a filesystem gives :class:`StagedFile`."""

    def _read_range(self, path: str, start: int, end: int) -> bytes:
        """Bytes ``[start, end)`` of ``path``."""

    def _upload_staged(self, path: str, staged: IO[bytes]) -> None:
        """Store ``staged`` (positioned at 0) as ``path``, replacing any file there."""


@contextlib.contextmanager
def translate_errors(path: str) -> Iterator[None]:
    """The service's typed errors as the built-in ``OSError`` subclasses fsspec's callers
    (pandas, dask) test for; the typed error stays attached as ``__cause__``."""
    try:
        yield
    except core.NotFoundError as exc:
        raise FileNotFoundError(2, "No such file or directory", path) from exc
    except core.PermissionDeniedError as exc:
        raise PermissionError(13, "Permission denied", path) from exc
    except core.ConflictError as exc:
        raise FileExistsError(17, "File exists", path) from exc


class StagedFile(AbstractBufferedFile):  # type: ignore[misc]  # fsspec has no type hints
    """``mode`` is ``"rb"``, ``"wb"`` or ``"xb"`` (the filesystem checks ``"x"``'s
    precondition before opening). With ``autocommit=False`` (inside ``fs.transaction``) the
    upload waits for :meth:`commit`."""

    def __init__(self, fs: StagingFileSystem, path: str, mode: str = "rb", **kwargs: Any) -> None:
        super().__init__(fs, path, mode=mode, **kwargs)
        self._staged: IO[bytes] | None = None
        if mode != "rb":
            self._staged = tempfile.TemporaryFile(prefix="cloudspec-fs-")  # noqa: SIM115

    def _fetch_range(self, start: int, end: int) -> bytes:
        data: bytes = self.fs._read_range(self.path, start, end)
        return data

    def _initiate_upload(self) -> None:
        """Nothing to start remotely: the data goes to the staging file first."""

    def _upload_chunk(self, final: bool = False) -> bool:
        assert self._staged is not None
        self._staged.write(self.buffer.getvalue())
        if final and self.autocommit:
            self.commit()
        return True

    def commit(self) -> None:
        staged, self._staged = self._staged, None
        if staged is None:
            return
        try:
            staged.seek(0)
            self.fs._upload_staged(self.path, staged)
        finally:
            staged.close()

    def discard(self) -> None:
        staged, self._staged = self._staged, None
        if staged is not None:
            staged.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None and self.writable():
            # The block failed: what was written is incomplete, so it is never uploaded.
            self.discard()
            self.closed = True
            return
        self.close()

    def __del__(self) -> None:
        # A writer dropped without close() never finished its data: discard, not upload.
        if not self.closed and self.mode != "rb":
            self.discard()
            self.closed = True
            return
        super().__del__()
