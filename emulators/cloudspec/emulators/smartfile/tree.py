"""The in-memory file tree: directories, files, and their contents.

A file's contents are a tuple of immutable chunks as they arrived. A copy shares the chunks and
an append adds to them, so no file's bytes are ever held twice, and a download reads while an
append goes on without either disturbing the other.
"""

from __future__ import annotations

import dataclasses
import itertools
import mimetypes
import time
from collections.abc import Iterable, Iterator

DIRECTORY_MIME = "application/x-directory"
READ_CHUNK = 256 * 1024


class InvalidName(ValueError):
    """A path segment that cannot name anything (``.``, ``..``)."""


@dataclasses.dataclass(frozen=True)
class Content:
    chunks: tuple[bytes, ...] = ()
    size: int = 0

    @classmethod
    def of(cls, chunks: Iterable[bytes]) -> Content:
        kept = tuple(chunk for chunk in chunks if chunk)
        return cls(kept, sum(len(chunk) for chunk in kept))

    def appended(self, more: Content) -> Content:
        return Content(self.chunks + more.chunks, self.size + more.size)

    def read(self, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        """Bytes ``[start, end)`` in pieces of at most :data:`READ_CHUNK`."""
        stop = self.size if end is None else min(end, self.size)
        offset = 0
        for chunk in self.chunks:
            chunk_end = offset + len(chunk)
            if chunk_end > start and offset < stop:
                first = max(start, offset) - offset
                last = min(stop, chunk_end) - offset
                for piece in range(first, last, READ_CHUNK):
                    yield chunk[piece : min(last, piece + READ_CHUNK)]
            offset = chunk_end
            if offset >= stop:
                return


@dataclasses.dataclass(eq=False)
class Node:
    id: int
    name: str
    parent: Node | None
    children: dict[str, Node] | None  # None: a file
    content: Content
    mtime: float

    @property
    def isdir(self) -> bool:
        return self.children is not None

    @property
    def path(self) -> str:
        names: list[str] = []
        node: Node | None = self
        while node is not None and node.parent is not None:
            names.append(node.name)
            node = node.parent
        return "/" + "/".join(reversed(names))

    def size(self) -> int:
        if self.children is None:
            return self.content.size
        return sum(child.size() for child in self.children.values())

    def mime(self) -> str:
        if self.isdir:
            return DIRECTORY_MIME
        return mimetypes.guess_type(self.name)[0] or "application/octet-stream"

    def is_within(self, other: Node) -> bool:
        node: Node | None = self
        while node is not None:
            if node is other:
                return True
            node = node.parent
        return False

    def walk(self, prefix: str) -> Iterator[tuple[str, Node]]:
        """``(relative path, node)`` for this node and, depth first, everything under it."""
        yield prefix, self
        for name in sorted(self.children or ()):
            assert self.children is not None
            yield from self.children[name].walk(f"{prefix}/{name}")


def segments(path: str) -> list[str]:
    """A path (``/a/b``, ``a//b/``, ``""``) as its names; ``//`` and edge slashes vanish."""
    names = [name for name in path.split("/") if name]
    if any(name in (".", "..") for name in names):
        raise InvalidName(path)
    return names


def normal(path: str) -> str:
    return "/" + "/".join(segments(path))


class Tree:
    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.root = self._node("", None, is_dir=True)

    def _node(self, name: str, parent: Node | None, *, is_dir: bool) -> Node:
        children: dict[str, Node] | None = {} if is_dir else None
        return Node(next(self._ids), name, parent, children, Content(), time.time())

    def find(self, path: str) -> Node | None:
        try:
            names = segments(path)
        except InvalidName:
            return None
        node = self.root
        for name in names:
            if node.children is None or name not in node.children:
                return None
            node = node.children[name]
        return node

    def mkdirs(self, path: str) -> Node:
        """The directory at ``path``, created with its parents; NotADirectoryError if a file
        is in the way."""
        node = self.root
        for name in segments(path):
            assert node.children is not None
            child = node.children.get(name)
            if child is None:
                child = self._attach(node, self._node(name, node, is_dir=True))
            elif not child.isdir:
                raise NotADirectoryError(child.path)
            node = child
        return node

    def _attach(self, parent: Node, node: Node) -> Node:
        assert parent.children is not None
        parent.children[node.name] = node
        node.parent = parent
        parent.mtime = time.time()
        return node

    def _detach(self, node: Node) -> None:
        parent = node.parent
        if parent is not None and parent.children is not None:
            parent.children.pop(node.name, None)
            parent.mtime = time.time()

    def write(self, directory: Node, name: str, content: Content) -> Node:
        """Create or replace the file ``name`` in ``directory``; IsADirectoryError if a
        directory has that name."""
        segments(name)
        if not name or "/" in name:
            raise InvalidName(name)
        assert directory.children is not None
        existing = directory.children.get(name)
        if existing is not None and existing.isdir:
            raise IsADirectoryError(existing.path)
        if existing is not None:
            existing.content = content
            existing.mtime = time.time()
            return existing
        node = self._node(name, directory, is_dir=False)
        node.content = content
        return self._attach(directory, node)

    def append(self, node: Node, content: Content) -> None:
        node.content = node.content.appended(content)
        node.mtime = time.time()

    def remove(self, node: Node) -> None:
        self._detach(node)

    def move(self, node: Node, directory: Node, name: str) -> Node:
        self._detach(node)
        node.name = name
        node.mtime = time.time()
        return self._attach(directory, node)

    def copy(self, node: Node, directory: Node, name: str) -> Node:
        clone = self._node(name, directory, is_dir=node.isdir)
        clone.content = node.content
        for child_name, child in sorted((node.children or {}).items()):
            self.copy(child, clone, child_name)
        return self._attach(directory, clone)
