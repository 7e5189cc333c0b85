"""The bridge's file hash, and a reader that computes it while a file is uploaded.

Bridge v0.2.x names a file (and each download shard) by the RIPEMD-160 of the *hex string* of
its SHA-256 digest, which is what the emulator computes (reference metadisk.md).
"""

from __future__ import annotations

import hashlib
import os
from typing import IO

__all__ = [
    "BridgeHasher",
    "HashingReader",
    "bridge_hash",
    "bridge_hash_of_sha256",
    "file_bridge_hash",
]


def bridge_hash_of_sha256(sha256_hex: str) -> str:
    """RIPEMD-160 (hex) of the SHA-256 hex string."""
    return hashlib.new("ripemd160", sha256_hex.encode("ascii")).hexdigest()


def bridge_hash(data: bytes) -> str:
    """The bridge hash of ``data``."""
    return bridge_hash_of_sha256(hashlib.sha256(data).hexdigest())


class BridgeHasher:
    """Incremental :func:`bridge_hash`: ``update`` with chunks, then ``hexdigest``."""

    def __init__(self) -> None:
        self._sha256 = hashlib.sha256()
        self.size = 0

    def update(self, chunk: bytes) -> None:
        self._sha256.update(chunk)
        self.size += len(chunk)

    def hexdigest(self) -> str:
        return bridge_hash_of_sha256(self._sha256.hexdigest())

    def copy(self) -> BridgeHasher:
        """An independent hasher in this one's state (to rewind to after a failed shard)."""
        twin = BridgeHasher()
        twin._sha256 = self._sha256.copy()
        twin.size = self.size
        return twin


def file_bridge_hash(path: str | os.PathLike[str], chunk_size: int = 1 << 20) -> tuple[str, int]:
    """The bridge hash and size of the file at ``path``, read in ``chunk_size`` blocks."""
    hasher = BridgeHasher()
    with open(path, "rb") as stream:
        while chunk := stream.read(chunk_size):
            hasher.update(chunk)
    return hasher.hexdigest(), hasher.size


class HashingReader:
    """A read-only binary file wrapper that feeds every byte read to a :class:`BridgeHasher`.

    It has ``fileno`` (so httpx can size the multipart body) but no ``seek``: it is read once,
    front to back, and an upload through it is never replayed.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.hasher = BridgeHasher()

    @property
    def name(self) -> str:
        return str(getattr(self._stream, "name", ""))

    def fileno(self) -> int:
        return self._stream.fileno()

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self.hasher.update(chunk)
        return chunk
