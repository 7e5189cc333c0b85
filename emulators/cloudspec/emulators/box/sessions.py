"""Upload sessions: parts written into one sparse file, and the whole-file SHA-1 kept up to date.

The commit must check the SHA-1 of the whole file. Hashing it only at commit would stall the
commit for seconds on a multi-GiB file, so a background task hashes the file from its start as
far as the parts uploaded so far reach, in a thread (hashlib releases the GIL), while later parts
are still arriving. Parts land out of order; the hasher simply waits for the gap to fill.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

_READ_SIZE = 4 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Part:
    part_id: str
    offset: int
    size: int
    sha1: str

    def as_json(self) -> dict[str, Any]:
        return {
            "part_id": self.part_id,
            "offset": self.offset,
            "size": self.size,
            "sha1": self.sha1,
        }


class WholeFileHasher:
    """SHA-1 of the contiguous prefix of ``path`` that parts already cover."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._sha1 = hashlib.sha1()
        self.hashed = 0
        self._task: asyncio.Task[None] | None = None

    def kick(self, parts: dict[int, Part]) -> None:
        """Hash whatever became contiguous; returns at once (the work runs in the background)."""
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._advance(parts))

    async def digest(self, parts: dict[int, Part], size: int) -> bytes | None:
        """The whole file's SHA-1 once parts cover ``[0, size)``, else None."""
        while True:
            if self._task is not None:
                await self._task
            if self.hashed >= size or self.hashed not in parts:
                break
            self.kick(parts)
        return self._sha1.digest() if self.hashed == size else None

    async def _advance(self, parts: dict[int, Part]) -> None:
        while (part := parts.get(self.hashed)) is not None:
            try:
                await asyncio.to_thread(self._hash_range, part.offset, part.size)
            except OSError:
                return  # the session was aborted and its file removed
            self.hashed += part.size

    def _hash_range(self, offset: int, size: int) -> None:
        hash_range(self._sha1, self._path, offset, size)


def hash_range(sha1: Any, path: Path, offset: int, size: int) -> None:
    """Feed bytes ``[offset, offset + size)`` of ``path`` to ``sha1`` (run it in a thread)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        end = offset + size
        while offset < end:
            chunk = os.pread(fd, min(_READ_SIZE, end - offset), offset)
            if not chunk:
                raise OSError(f"{path} ends before offset {offset}")
            sha1.update(chunk)
            offset += len(chunk)
    finally:
        os.close(fd)


def sha1_of_range(path: Path, offset: int, size: int) -> bytes:
    sha1 = hashlib.sha1()
    hash_range(sha1, path, offset, size)
    return sha1.digest()


@dataclasses.dataclass(eq=False)
class UploadSession:
    id: str
    user: Any
    folder_id: str
    file_id: str | None
    file_name: str
    file_size: int
    part_size: int
    expires_at: float
    expires_at_text: str
    path: Path
    parts: dict[int, Part] = dataclasses.field(default_factory=dict)
    # Byte ranges [lo, hi) of part uploads still running: overlapping them is a conflict too,
    # so two requests never write the same bytes at once.
    in_flight: set[tuple[int, int]] = dataclasses.field(default_factory=set)
    commits: int = 0
    committing: bool = False
    hasher: WholeFileHasher = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        self.hasher = WholeFileHasher(self.path)

    @property
    def total_parts(self) -> int:
        return max(1, -(-self.file_size // self.part_size))

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether ``[lo, hi)`` overlaps a stored part or one being uploaded."""
        ranges = [(p.offset, p.offset + p.size) for p in self.parts.values()]
        return any(start < hi and lo < end for start, end in [*ranges, *self.in_flight])

    def sorted_parts(self) -> list[Part]:
        return [self.parts[offset] for offset in sorted(self.parts)]


def new_session_id() -> str:
    return secrets.token_hex(16).upper()


def new_part_id() -> str:
    return secrets.token_hex(4).upper()
