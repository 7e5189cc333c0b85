"""Local file helpers shared by every transfer: names from servers, atomic writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from pathlib import Path

__all__ = ["atomic_write_text", "safe_filename", "sha256_of", "target_path"]


def safe_filename(name: str) -> str:
    """A server-supplied file name reduced to one harmless path component.

    ``../../etc/passwd`` becomes ``passwd``, ``C:\\x\\y.txt`` becomes ``y.txt``, control
    characters and NUL are dropped. A name with nothing left is a ``ValueError``.
    """
    cleaned = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    cleaned = cleaned.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if cleaned in ("", ".", ".."):
        raise ValueError(f"unusable file name from the server: {name!r}")
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
