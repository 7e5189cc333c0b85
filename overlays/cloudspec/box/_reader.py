"""A read-only file wrapper that reports progress as httpx reads it into a request body."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO

__all__ = ["ProgressReader"]


class ProgressReader:
    """Reads ``size`` bytes of ``handle`` from where it is; calls ``progress(done, size)``.

    httpx's multipart encoder asks for ``read``, and for ``fileno``/``seek``/``tell`` to learn
    the length up front (so the body gets a Content-Length instead of chunked encoding).
    """

    def __init__(
        self, handle: IO[bytes], size: int, progress: Callable[[int, int], None] | None
    ) -> None:
        self._handle = handle
        self._start = handle.tell()
        self._size = size
        self._done = 0
        self._progress = progress
        name = getattr(handle, "name", None)
        self.name = name if isinstance(name, str) else "file"

    def read(self, n: int = -1) -> bytes:
        left = self._size - self._done
        if left <= 0:
            return b""
        chunk = self._handle.read(left if n is None or n < 0 else min(n, left))
        self._done += len(chunk)
        if self._progress is not None and chunk:
            self._progress(self._done, self._size)
        return chunk

    def tell(self) -> int:
        return self._done

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_END:
            target = self._size + offset
        elif whence == os.SEEK_CUR:
            target = self._done + offset
        else:
            target = offset
        target = max(0, min(target, self._size))
        self._handle.seek(self._start + target)
        self._done = target
        return target
