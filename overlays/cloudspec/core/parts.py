"""The parts of a chunked upload: planning them, and reading them once, in order.

Shared by the async and the sync engines (``_async/chunked.py`` and its twin), which only
decide how the parts travel. Service-agnostic: a service brings its part size and the
function that sends one part.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Mapping
from typing import IO, Generic, TypeVar

import attrs

from .errors import IntegrityError

__all__ = ["PartSpec", "PartsResult", "Source", "plan_parts"]

R = TypeVar("R")

Source = str | os.PathLike[str] | IO[bytes]


@attrs.frozen(kw_only=True)
class PartSpec:
    """One part: ``index`` counts from 0; ``offset`` and ``size`` are in bytes."""

    index: int
    offset: int
    size: int

    @property
    def end(self) -> int:
        """The offset of the part's last byte (inclusive, as ``Content-Range`` counts)."""
        return self.offset + self.size - 1


@attrs.frozen(kw_only=True)
class PartsResult(Generic[R]):
    """What an upload of parts produced.

    ``parts`` is every part of the file, ``sent`` the parts sent by this call and
    ``results`` what ``send_part`` returned for each of them (both in offset order; parts
    given as ``done`` were verified, not sent). ``sha1`` is the whole file's SHA-1 digest.
    """

    parts: tuple[PartSpec, ...]
    sent: tuple[PartSpec, ...]
    results: tuple[R, ...]
    sha1: bytes

    @property
    def sha1_hex(self) -> str:
        return self.sha1.hex()

    @property
    def sha1_base64(self) -> str:
        return base64.b64encode(self.sha1).decode("ascii")


def plan_parts(total_size: int, part_size: int) -> list[PartSpec]:
    """The parts of a file of ``total_size`` bytes: all ``part_size`` long but the last.

    A size that is a multiple of ``part_size`` ends with a full part, never an empty one.
    """
    if part_size < 1:
        raise ValueError(f"part_size must be positive, not {part_size}")
    if total_size < 1:
        raise ValueError("a chunked upload needs at least one byte; send an empty file whole")
    return [
        PartSpec(index=index, offset=offset, size=min(part_size, total_size - offset))
        for index, offset in enumerate(range(0, total_size, part_size))
    ]


@attrs.frozen
class ReadPart:
    part: PartSpec
    data: bytes = attrs.field(repr=False)
    sha1: bytes


class PartReader:
    """Reads the parts in offset order, each once, for any number of threads.

    Taking the next part and reading it happen under one lock, so the whole-file SHA-1 is
    fed in file order however many senders run. Parts already on the server (``done``:
    offset -> SHA-1 hex) are read and checked, never returned. A path is opened here and
    closed by :meth:`close`; a file object is read from its current position, which
    :meth:`close` restores, so the same object can be given again to resume.
    """

    def __init__(
        self, source: Source, parts: list[PartSpec], done: Mapping[int, str], total_size: int
    ) -> None:
        offsets = {part.offset for part in parts}
        unknown = sorted(set(done) - offsets)
        if unknown:
            raise ValueError(f"done holds offsets that start no part: {unknown[:5]}")
        self._parts = parts
        self._done = {offset: sha1.lower() for offset, sha1 in done.items()}
        self._lock = threading.Lock()
        self._next = 0
        self._stopped = False
        self._whole = hashlib.sha1(usedforsecurity=False)
        self._owned = isinstance(source, str | os.PathLike)
        if isinstance(source, str | os.PathLike):
            # Unbuffered: parts are read whole anyway, and a read-ahead buffer would hide a
            # change to the file from the size checks.
            self._file: IO[bytes] = open(source, "rb", buffering=0)  # noqa: SIM115 (closed by close())
        else:
            self._file = source
        self._start = 0
        try:
            self._start = self._file.tell()
            size = self._file.seek(0, os.SEEK_END) - self._start
            self._file.seek(self._start)
            if size != total_size:
                raise IntegrityError(f"the file holds {size} bytes, not the {total_size} announced")
        except BaseException:
            self.close()
            raise

    @property
    def parts_to_send(self) -> int:
        return len(self._parts) - len(self._done)

    def next_part(self) -> tuple[int, ReadPart | None]:
        """``(bytes of done parts verified on the way, the next part to send or None)``."""
        verified = 0
        with self._lock:
            while not self._stopped and self._next < len(self._parts):
                part = self._parts[self._next]
                self._next += 1
                data = self._read(part.size)
                self._whole.update(data)
                digest = hashlib.sha1(data, usedforsecurity=False).digest()
                if self._next == len(self._parts) and self._file.read(1):
                    raise IntegrityError("the file grew while it was being uploaded")
                expected = self._done.get(part.offset)
                if expected is None:
                    return verified, ReadPart(part, data, digest)
                if digest.hex() != expected:
                    raise IntegrityError(
                        f"the part at offset {part.offset} differs from the one uploaded "
                        "before: the file changed"
                    )
                verified += part.size
        return verified, None

    def _read(self, size: int) -> bytes:
        data = self._file.read(size) or b""
        if len(data) == size:
            return data
        # A short read is not the end of the file (raw files, pipes): read on until it is.
        chunks = [data]
        got = len(data)
        while got < size:
            more = self._file.read(size - got)
            if not more:
                raise IntegrityError("the file shrank while it was being uploaded")
            chunks.append(more)
            got += len(more)
        return b"".join(chunks)

    def stop(self) -> None:
        """No part is returned after this; a read under way completes."""
        self._stopped = True

    def sha1(self) -> bytes:
        if self._next != len(self._parts):
            raise RuntimeError("the whole-file SHA-1 is known only once every part was read")
        return self._whole.digest()

    def close(self) -> None:
        self._stopped = True
        # Under the lock: a read still running in a worker thread (its sender was cancelled)
        # finishes before the file is closed or moved under it.
        with self._lock:
            if self._owned:
                self._file.close()
            else:
                # Closed or unseekable by now: there is nothing to restore.
                with contextlib.suppress(OSError, ValueError):
                    self._file.seek(self._start)


class ProgressCounter:
    """Adds up finished bytes and reports them; calls are serialised, so totals only grow."""

    def __init__(self, total: int, callback: Callable[[int, int], None] | None) -> None:
        self._total = total
        self._callback = callback
        self._done = 0
        self._lock = threading.Lock()

    def add(self, size: int) -> None:
        if self._callback is None or size == 0:
            return
        with self._lock:
            self._done += size
            self._callback(self._done, self._total)
