"""Local file helpers shared by every transfer: names from servers, atomic writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from pathlib import Path

from .errors import UnsafeFileNameError

__all__ = ["atomic_write_text", "safe_filename", "sha256_of", "target_path"]

# File systems take 255 bytes; downloads first write ``.<name>.<random>.part`` beside the
# target, so a name keeps room for that.
_MAX_NAME_BYTES = 200


def safe_filename(name: str) -> str:
    """A server-supplied file name reduced to one harmless path component.

    ``../../etc/passwd`` becomes ``passwd``, ``C:\\x\\y.txt`` becomes ``y.txt``, control
    characters and NUL are dropped, a name over 200 bytes is cut, keeping its suffix (255 is
    the usual limit, and downloads add a temporary prefix and suffix).. A name
    with nothing left (or not a string) is an
    :class:`~cloudspec.core.errors.UnsafeFileNameError` (also a ``ValueError``).
    """
    if not isinstance(name, str):  # a hostile JSON body may hold anything
        raise UnsafeFileNameError(
            f"unusable file name from the server: a {type(name).__name__}", status=200
        )
    cleaned = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    cleaned = cleaned.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if cleaned in ("", ".", ".."):
        raise UnsafeFileNameError(
            f"unusable file name from the server: {name[:80]!r}", status=200, excerpt=name[:80]
        )
    encoded = cleaned.encode("utf-8")
    if len(encoded) > _MAX_NAME_BYTES:  # keep the suffix
        stem, dot, suffix = cleaned.rpartition(".")
        keep = f"{dot}{suffix}" if dot and stem and len(suffix.encode()) <= 16 else ""
        budget = _MAX_NAME_BYTES - len(keep.encode("utf-8"))
        cleaned = encoded[:budget].decode("utf-8", errors="ignore") + keep
    return cleaned


def target_path(filename: str, destination: str | os.PathLike[str] | None) -> Path:
    """Where a download lands: ``destination`` if it names a file, inside it if it is a
    directory, else the current directory; the server's name never escapes it."""
    safe = safe_filename(filename)
    if destination is None:
        return Path(safe)
    path = Path(destination)
    return path / safe if path.is_dir() else path


def sha256_of(path: str | os.PathLike[str], chunk_size: int = 1024 * 1024) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
