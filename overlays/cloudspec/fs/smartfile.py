"""``smartfile://``: SmartFile as an fsspec filesystem, on :class:`cloudspec.smartfile.BasicClient`.

``fsspec.open("smartfile://reports/q4.csv", key=..., password=..., base_url=...)``; without
``key``/``password`` the client's own rules apply (``SMARTFILE_API_KEY`` /
``SMARTFILE_API_PASSWORD``, then netrc), and the base URL defaults as the client's does. A
ready client (``BasicClient`` or ``OAuthClient``) can be passed as ``client=``.

``url=`` is accepted too (``fsspec.filesystem("smartfile", url=...)``), but ``base_url`` is the
name to use in ``storage_options``: fsspec's ``url_to_fs(url, **storage_options)``, which
pyarrow and others call, takes its own first argument by the name ``url``.

Paths are SmartFile's own (``/reports/q4.csv``). Reads are ``Range`` requests; a copy is
SmartFile's server-side copy task (a copy under another name goes through a hidden staging
directory next to the target, as SmartFile copies keep their names); a move is one rename.
"""

from __future__ import annotations

import os
import uuid
from typing import IO, Any, ClassVar

from cloudspec.smartfile import BasicClient, Client, NotFoundError, PartialFailure

from ._base import CloudspecFileSystem, Info
from ._paths import dir_info, file_info, join, normalize, split

__all__ = ["SmartFileFileSystem"]

_MISSING = ("not found", "no such", "does not exist")


def _entry(item: Any, where: str) -> Info:
    """The info dict of a ``PathInfo``; its fields are optional (``UNSET`` when the answer
    left them out), so only real values are kept."""
    path = normalize(item.path) if isinstance(item.path, str) else where
    extra = {
        key: value
        for key in ("id", "mime", "time")
        if isinstance(value := getattr(item, key), int | str)
    }
    if item.isdir is True:
        return dir_info(path, **extra)
    size = item.size if isinstance(item.size, int) else 0
    return file_info(path, size, **extra)


class SmartFileFileSystem(CloudspecFileSystem):
    protocol: ClassVar[tuple[str, ...]] = ("smartfile",)

    def __init__(
        self,
        key: str | None = None,
        password: str | None = None,
        url: str | None = None,
        *,
        base_url: str | None = None,
        client: Client | None = None,
        netrcfile: str | None = None,
        timeout: float = 60.0,
        page_size: int = 100,
        **storage_options: Any,
    ) -> None:
        super().__init__(
            key=key,
            password=password,
            url=url,
            base_url=base_url,
            client=client,
            netrcfile=netrcfile,
            timeout=timeout,
            page_size=page_size,
            **storage_options,
        )
        self.client: Client = client or BasicClient(
            key, password, netrcfile=netrcfile, url=base_url or url, timeout=timeout
        )
        self.page_size = page_size

    def __repr__(self) -> str:
        return f"SmartFileFileSystem({self.client!r})"

    def _list(self, path: str) -> list[Info] | Info:
        children = [
            _entry(child, join(path, str(child.name)))
            for child in self.client.iter_children(path, page_size=self.page_size)
        ]
        if children:
            return children
        # An empty answer is an empty directory or a file: only the item's info tells.
        found = self._stat(path)
        return [] if found["type"] == "directory" else found

    def _stat(self, path: str) -> Info:
        return _entry(self.client.info(path), path)

    def _make_dir(self, path: str) -> None:
        self.client.mkdir(path)

    def _remove(self, paths: list[str]) -> None:
        try:
            self.client.remove(paths)
        except PartialFailure as exc:
            missing = [
                p for p, why in exc.errors.items() if any(m in why.lower() for m in _MISSING)
            ]
            if missing and len(missing) == len(exc.errors):
                raise FileNotFoundError(2, "No such file or directory", missing[0]) from exc
            raise

    def _copy(self, src: str, dst: str) -> None:
        directory, name = split(dst)
        if self.exists(dst):
            # SmartFile's copy never overwrites; fsspec's does.
            self._remove([dst])
        if split(src)[1] == name:
            self.client.copy(src, directory)
            return
        staging = join(directory, f".cloudspec-cp-{uuid.uuid4().hex}")
        self.client.mkdir(staging)
        try:
            self.client.copy(src, staging)
            self.client.rename(join(staging, split(src)[1]), dst)
        finally:
            self.client.remove(staging)

    def _rename(self, src: str, dst: str) -> None:
        self.client.rename(src, dst)

    def _read_range(self, path: str, start: int, end: int | None) -> bytes:
        return self.client.read_range(path, start, end)

    def _store(self, path: str, staged: IO[bytes]) -> None:
        directory, name = split(path)
        self.client.upload(name, staged, directory=directory)

    def _download(self, rpath: str, lpath: str) -> None:
        try:
            self.client.download(rpath, download_to_path=os.fspath(lpath))
        except NotFoundError as exc:
            raise FileNotFoundError(2, "No such file or directory", rpath) from exc
