"""``CloudspecFileSystem``: fsspec's filesystem API on a handful of primitives.

A service's filesystem implements the primitives (``_list``, ``_stat``, ``_make_dir``,
``_remove``, ``_copy``, ``_rename``, ``_read_range``, ``_store``, ``_download``) on its
overlay's client; everything fsspec's callers use (ls, info, open, put, get, cp, mv, rm,
mkdir, cat, pipe, the caches) is here once, with the same semantics for every service:

* paths are absolute POSIX paths (``/a/b.txt``), ``proto://a/b.txt`` naming the same file;
* writes are staged locally and uploaded on close (:mod:`._files`), so a failed write leaves
  nothing behind, and the parents of a written or copied file are created as needed (as on an
  object store: ``pipe("/new/dir/x", ...)`` works);
* listings are cached (fsspec's ``dircache``) and every change made through the filesystem
  invalidates what it touched; pass ``refresh=True`` to ``ls`` to see others' changes;
* the service's typed errors become ``FileNotFoundError``, ``FileExistsError``,
  ``PermissionError`` (the typed error is the ``__cause__``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO, Any, ClassVar

from fsspec.callbacks import DEFAULT_CALLBACK
from fsspec.spec import AbstractFileSystem
from fsspec.utils import isfilelike, stringify_path

from ._files import StagedFile, translate_errors
from ._paths import dir_info, join, parent, split, strip_protocol

__all__ = ["CloudspecFileSystem"]

Info = dict[str, Any]


def _outermost(paths: Iterable[str]) -> list[str]:
    """``paths`` without those inside another one of them (removing a directory removes
    its contents with it)."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path == k or path.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(path)
    return kept


class CloudspecFileSystem(AbstractFileSystem):  # type: ignore[misc]  # fsspec has no hints
    root_marker = "/"
    protocol: ClassVar[tuple[str, ...]] = ()

    # ---- primitives (the service's own filesystem implements these) ----

    def _list(self, path: str) -> list[Info] | Info:
        """The entries of the directory ``path``, or the info of ``path`` if it is a file;
        ``FileNotFoundError`` if it is neither."""
        raise NotImplementedError

    def _stat(self, path: str) -> Info:
        raise NotImplementedError

    def _make_dir(self, path: str) -> None:
        """Create the directory ``path`` and any missing parents; fine if it exists."""
        raise NotImplementedError

    def _remove(self, paths: list[str]) -> None:
        """Remove files and directories (with their contents) for good."""
        raise NotImplementedError

    def _copy(self, src: str, dst: str) -> None:
        """Copy the file ``src`` to ``dst`` (replacing a file there), on the server."""
        raise NotImplementedError

    def _rename(self, src: str, dst: str) -> None:
        """Move ``src`` (a file or directory) to ``dst``, which does not exist, on the server."""
        raise NotImplementedError

    def _read_range(self, path: str, start: int, end: int | None) -> bytes:
        """Bytes ``[start, end)`` of ``path`` (``end=None``: to the end), one Range request."""
        raise NotImplementedError

    def _store(self, path: str, staged: IO[bytes]) -> None:
        """Upload ``staged`` (a local file object at 0) as ``path``; its parent exists."""
        raise NotImplementedError

    def _download(self, rpath: str, lpath: str) -> None:
        """Stream ``rpath`` into the local file ``lpath``."""
        raise NotImplementedError

    # ---- paths and caches ----

    @classmethod
    def _strip_protocol(cls, path: Any) -> Any:
        if isinstance(path, list):
            return [cls._strip_protocol(p) for p in path]
        return strip_protocol(stringify_path(path), cls.protocol)

    def invalidate_cache(self, path: str | None = None) -> None:
        if path is None:
            self.dircache.clear()
            return
        path = self._strip_protocol(path)
        inside = path.rstrip("/") + "/"
        for key in [k for k in self.dircache if k == path or k.startswith(inside)]:
            del self.dircache[key]
        self.dircache.pop(parent(path), None)

    def _ensure_dir(self, path: str) -> None:
        if path == "/" or path in self.dircache:
            return
        with translate_errors(path):
            self._make_dir(path)
        self.invalidate_cache(path)

    # ---- listing ----

    def ls(self, path: str, detail: bool = True, **kwargs: Any) -> list[Any]:
        path = self._strip_protocol(path)
        entries = None if kwargs.get("refresh") else self._cached_listing(path)
        if entries is None:
            with translate_errors(path):
                listed = self._list(path)
            if isinstance(listed, dict):
                entries = [listed]
            else:
                entries = listed
                self.dircache[path] = entries
        if detail:
            return list(entries)
        return [entry["name"] for entry in entries]

    def _cached_listing(self, path: str) -> list[Info] | None:
        """What ``ls(path)`` would answer from the cache; None when it must ask the server.
        (fsspec's ``_ls_from_cache`` answers a directory's own entry from its parent's
        listing, which ``walk`` would take for a file.)"""
        if path in self.dircache:
            entries: list[Info] = self.dircache[path]
            return entries
        above = parent(path)
        if path == "/" or above not in self.dircache:
            return None
        for entry in self.dircache[above]:
            if entry["name"] == path:
                return [entry] if entry["type"] != "directory" else None
        # Absent from a cached listing may only mean created since (by another process, or
        # another instance: Dask's workers share cached instances), so the server decides.
        return None

    def info(self, path: str, **kwargs: Any) -> Info:
        path = self._strip_protocol(path)
        if path == "/":
            return dir_info("/")
        above = parent(path)
        if above in self.dircache and not kwargs.get("refresh"):
            for entry in self.dircache[above]:
                if entry["name"] == path:
                    return dict(entry)
        with translate_errors(path):
            return self._stat(path)

    # ---- directories ----

    def mkdir(self, path: str, create_parents: bool = True, **kwargs: Any) -> None:
        path = self._strip_protocol(path)
        if self.exists(path):
            raise FileExistsError(17, "File exists", path)
        if not create_parents and not self.isdir(parent(path)):
            raise FileNotFoundError(2, "No such file or directory", parent(path))
        with translate_errors(path):
            self._make_dir(path)
        self.invalidate_cache(path)

    def makedirs(self, path: str, exist_ok: bool = False) -> None:
        path = self._strip_protocol(path)
        try:
            found = self.info(path)
        except FileNotFoundError:
            found = None
        if found is not None:
            if not exist_ok or found["type"] != "directory":
                raise FileExistsError(17, "File exists", path)
            return
        with translate_errors(path):
            self._make_dir(path)
        self.invalidate_cache(path)

    def rmdir(self, path: str) -> None:
        path = self._strip_protocol(path)
        if self.info(path)["type"] != "directory":
            raise NotADirectoryError(20, "Not a directory", path)
        if self.ls(path, refresh=True):
            raise OSError(39, "Directory not empty", path)
        self._remove_paths([path])

    # ---- removal ----

    def _remove_paths(self, paths: list[str]) -> None:
        if not paths:
            return
        with translate_errors(paths[0]):
            self._remove(paths)
        for path in paths:
            self.invalidate_cache(path)

    def rm_file(self, path: str) -> None:
        self._remove_paths([self._strip_protocol(path)])

    def _rm(self, path: str) -> None:
        self.rm_file(path)

    def rm(self, path: Any, recursive: bool = False, maxdepth: int | None = None) -> None:
        paths: list[str] = self.expand_path(path, recursive=recursive, maxdepth=maxdepth)
        if maxdepth is None:
            roots = _outermost(paths)
            if "/" in roots:  # the root itself stays; its contents go
                roots = [entry["name"] for entry in self.ls("/", refresh=True)]
            if not recursive:
                for root in roots:
                    if self.isdir(root) and self.ls(root):
                        raise IsADirectoryError(21, "Directory not empty (recursive=False)", root)
            self._remove_paths(roots)
            return
        # A depth limit removes only what it reached: files, then directories left empty.
        files = [p for p in paths if not self.isdir(p)]
        self._remove_paths(files)
        for directory in sorted(set(paths) - set(files), key=len, reverse=True):
            if directory != "/" and not self.ls(directory, refresh=True):
                self._remove_paths([directory])

    # ---- copies and moves ----

    def cp_file(self, path1: str, path2: str, **kwargs: Any) -> None:
        src, dst = self._strip_protocol(path1), self._strip_protocol(path2)
        if self.info(src)["type"] == "directory":
            self.makedirs(dst, exist_ok=True)
            return
        if src == dst:
            return
        self._ensure_dir(parent(dst))
        with translate_errors(src):
            self._copy(src, dst)
        self.invalidate_cache(dst)

    def mv(
        self,
        path1: Any,
        path2: Any,
        recursive: bool = False,
        maxdepth: int | None = None,
        **kwargs: Any,
    ) -> None:
        if isinstance(path1, str) and isinstance(path2, str) and maxdepth is None:
            into = path2.endswith("/")
            src, dst = self._strip_protocol(path1), self._strip_protocol(path2)
            if not any(c in src for c in "*?[") and self._try_rename(src, dst, into, recursive):
                return
        super().mv(path1, path2, recursive=recursive, maxdepth=maxdepth, **kwargs)

    def _try_rename(self, src: str, dst: str, into: bool, recursive: bool) -> bool:
        """One server-side move (atomic where the service's is) when it means the same as
        fsspec's copy-then-delete; False to fall back to that."""
        if src == dst:
            return True
        source = self.info(src)
        if source["type"] == "directory" and not recursive:
            return False
        try:
            target = self.info(dst)
        except FileNotFoundError:
            target = None
        if target is not None and target["type"] == "directory":
            dst, into = join(dst, split(src)[1]), True
            if self.exists(dst):
                return False
        elif target is not None or into:
            return False
        if dst == src or dst.startswith(src.rstrip("/") + "/"):
            return False
        self._ensure_dir(parent(dst))
        with translate_errors(src):
            self._rename(src, dst)
        self.invalidate_cache(src)
        self.invalidate_cache(dst)
        return True

    # ---- file contents ----

    def _open(
        self,
        path: str,
        mode: str = "rb",
        block_size: int | None = None,
        autocommit: bool = True,
        cache_options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> StagedFile:
        path = self._strip_protocol(path)
        if mode == "ab":
            raise NotImplementedError(f"{type(self).__name__} cannot append ({path})")
        if mode == "rb":
            found = self.info(path)
            if found["type"] == "directory":
                raise IsADirectoryError(21, "Is a directory", path)
            kwargs["size"] = found["size"]
        elif mode == "xb" and self.exists(path):
            raise FileExistsError(17, "File exists", path)
        return StagedFile(
            self,
            path,
            mode=mode,
            block_size=block_size,
            autocommit=autocommit,
            cache_options=cache_options,
            **kwargs,
        )

    def _upload_staged(self, path: str, staged: IO[bytes]) -> None:
        path = self._strip_protocol(path)
        self._ensure_dir(parent(path))
        with translate_errors(path):
            self._store(path, staged)
        self.invalidate_cache(path)

    def cat_file(
        self, path: str, start: int | None = None, end: int | None = None, **kwargs: Any
    ) -> bytes:
        if (start is not None and start < 0) or (end is not None and end < 0):
            data: bytes = super().cat_file(path, start=start, end=end, **kwargs)
            return data
        path = self._strip_protocol(path)
        if self.info(path)["type"] == "directory":
            raise IsADirectoryError(21, "Is a directory", path)
        with translate_errors(path):
            return self._read_range(path, start or 0, end)

    def put_file(
        self,
        lpath: str,
        rpath: str,
        callback: Any = DEFAULT_CALLBACK,
        mode: str = "overwrite",
        **kwargs: Any,
    ) -> None:
        rpath = self._strip_protocol(rpath)
        if os.path.isdir(lpath):
            self.makedirs(rpath, exist_ok=True)
            return
        if mode == "create" and self.exists(rpath):
            raise FileExistsError(17, "File exists", rpath)
        size = os.path.getsize(lpath)
        callback.set_size(size)
        with open(lpath, "rb") as stream:  # streamed by the client, never read whole
            self._upload_staged(rpath, stream)
        callback.relative_update(size)

    def get_file(
        self,
        rpath: str,
        lpath: Any,
        callback: Any = DEFAULT_CALLBACK,
        outfile: Any = None,
        **kwargs: Any,
    ) -> None:
        if outfile is not None or isfilelike(lpath):
            super().get_file(rpath, lpath, callback=callback, outfile=outfile, **kwargs)
            return
        rpath = self._strip_protocol(rpath)
        found = self.info(rpath)
        if found["type"] == "directory":
            os.makedirs(lpath, exist_ok=True)
            return
        local = os.fspath(lpath)
        os.makedirs(os.path.dirname(os.path.abspath(local)), exist_ok=True)
        callback.set_size(found["size"])
        with translate_errors(rpath):
            self._download(rpath, local)
        callback.relative_update(found["size"])
