"""Keyword arguments of the generic calls as the original (on requests) sent them.

Form and query values: ``None`` is left out, other values are ``str(value)`` (``True`` goes
as ``"True"``, where httpx would send ``"true"``), list items one by one. File parts: a file
object is named after its file (its base name) or, without a usable name, after the keyword;
a stream is sent from where the caller left it, not from byte 0 (httpx seeks every file part
to 0, so a part-read stream is wrapped in a view that starts at its current position).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["OffsetReader", "form_fields", "from_here", "is_file", "part_of", "replayable"]


def is_file(value: Any) -> bool:
    return hasattr(value, "read") or isinstance(value, tuple)


def _text(value: Any) -> str | bytes:
    return value if isinstance(value, str | bytes) else str(value)


def form_fields(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, value in kwargs.items():
        if isinstance(value, list | tuple | set | frozenset):
            items = [_text(item) for item in value if item is not None]
            if items:
                fields[name] = items
        elif value is not None:
            fields[name] = _text(value)
    return fields


class OffsetReader:
    """A seekable binary stream seen from ``start``: position 0 is ``start``, the length is
    what follows it. It has no ``fileno``, so httpx measures it by seeking, not by fstat."""

    def __init__(self, raw: Any, start: int) -> None:
        self.raw = raw
        self.start = start

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.raw.read(size)
        return data

    def tell(self) -> int:
        return int(self.raw.tell()) - self.start

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            position = self.raw.seek(self.start + max(offset, 0))
        else:
            position = self.raw.seek(offset, whence)
        return max(int(position) - self.start, 0)


def from_here(stream: Any) -> Any:
    """``stream`` seen from its current position, or ``stream`` itself when it cannot seek
    (then it is sent once, and not re-sent after throttling)."""
    if isinstance(stream, str | bytes | OffsetReader):
        return stream
    try:
        start = int(stream.tell())
        stream.seek(start)
    except (AttributeError, OSError, ValueError):
        return stream
    return OffsetReader(stream, start)


def _file_name(stream: Any, keyword: str) -> str:
    name = getattr(stream, "name", None)
    if isinstance(name, str) and name and not (name.startswith("<") and name.endswith(">")):
        return os.path.basename(name)
    return keyword


def part_of(keyword: str, value: Any) -> Any:
    """The httpx ``files`` entry for one keyword argument."""
    if isinstance(value, tuple):
        if len(value) >= 2:
            return (value[0], from_here(value[1]), *value[2:])
        return value
    return (_file_name(value, keyword), from_here(value))


def replayable(parts: Iterable[Any]) -> Callable[[], bool]:
    """Whether every part can be sent again (httpx rewinds the views itself)."""
    streams = [part[1] if isinstance(part, tuple) and len(part) >= 2 else part for part in parts]
    possible = all(isinstance(s, str | bytes | OffsetReader) for s in streams)

    def rewind() -> bool:
        if not possible:
            return False
        try:
            for stream in streams:
                if isinstance(stream, OffsetReader):
                    stream.seek(0)
        except (OSError, ValueError):
            return False
        return True

    return rewind
