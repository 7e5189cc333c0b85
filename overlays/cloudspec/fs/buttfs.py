"""``buttfs://``: ButtFS as an fsspec filesystem, on :class:`cloudspec.buttfs.Session`.

``fsspec.open("buttfs://photos/beach.jpg", base_url=..., client_id=..., client_secret=...,
username=..., password=...)`` logs in with the password grant; a logged-in ``Session`` can be
passed as ``session=`` instead. (``url=`` works for ``fsspec.filesystem("buttfs", url=...)``,
but not in ``storage_options``: fsspec's ``url_to_fs`` takes its first argument as ``url``.)

ButtFS names an item by its *ID path* (``/<folder id>/<file id>``: the ids of the folders
leading to it, then its own id); fsspec names it by names (``/photos/beach.jpg``). This
filesystem maps one onto the other by listing the folders on the way, once: the listings go
into fsspec's ``dircache``, and each entry carries its ID path as ``id_path``, so resolving a
path under a folder already listed costs no request. ButtFS lets one folder hold two items of
the same name only through ``exists=rename``, which this filesystem never asks for, so a name
path is unambiguous. Removal is for good (``commit=True``), not to the trash, as ``rm`` means
elsewhere in fsspec. Reads are Range requests; copies and moves are ButtFS's own operations
(they take the new name, so a copy under another name is one request).
"""

from __future__ import annotations

from typing import IO, Any, ClassVar

from cloudspec.buttfs import File, Item, Session
from cloudspec.buttfs.values import ExistValues

from ._base import CloudspecFileSystem, Info
from ._paths import dir_info, file_info, join, split

__all__ = ["ButtFSFileSystem"]


def _entry(path: str, item: Item) -> Info:
    extra: dict[str, Any] = {"id_path": str(item.path()), "id": item.id}
    if item.type == "folder":
        return dir_info(path, **extra)
    size = item.size if isinstance(item, File) else 0
    extra["mtime"] = item.date_content_last_modified if isinstance(item, File) else None
    return file_info(path, size, **extra)


class ButtFSFileSystem(CloudspecFileSystem):
    protocol: ClassVar[tuple[str, ...]] = ("buttfs",)

    def __init__(
        self,
        url: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        username: str | None = None,
        password: str | None = None,
        *,
        base_url: str | None = None,
        session: Session | None = None,
        **storage_options: Any,
    ) -> None:
        super().__init__(
            url=url,
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            username=username,
            password=password,
            session=session,
            **storage_options,
        )
        url = base_url or url
        if session is None:
            if not (url and client_id and client_secret and username and password):
                raise ValueError(
                    "buttfs:// needs base_url, client_id, client_secret, username and password "
                    "(or a logged-in session=)"
                )
            session = Session(url, client_id, client_secret)
            session.authenticate(username, password)
        self.session = session
        self._rest = session.rest_interface
        self._items = session.get_filesystem()

    def __repr__(self) -> str:
        return f"ButtFSFileSystem({self.session!r})"

    # ---- name paths to ID paths ----

    def _lookup(self, path: str) -> Info:
        """The entry (with ``id_path``) of ``path``, from its parent's listing."""
        if path == "/":
            return dir_info("/", id_path="/")
        above, _ = split(path)
        for refresh in (False, True):
            # A cached listing may predate the item (made by another process): a miss is
            # checked once against a fresh listing before the path is called missing.
            for entry in self.ls(above, detail=True, refresh=refresh):
                if entry["name"] == path:
                    found: Info = entry
                    return found
        raise FileNotFoundError(2, "No such file or directory", path)

    def _id_path(self, path: str) -> str:
        return str(self._lookup(path)["id_path"])

    # ---- primitives ----

    def _list(self, path: str) -> list[Info] | Info:
        entry = self._lookup(path)
        if entry["type"] != "directory":
            return entry
        return [_entry(join(path, item.name), item) for item in self._items.list(entry["id_path"])]

    def _stat(self, path: str) -> Info:
        return dict(self._lookup(path))

    def _make_dir(self, path: str) -> None:
        done = "/"
        for name in [part for part in path.split("/") if part]:
            here = join(done, name)
            try:
                entry = self._lookup(here)
            except FileNotFoundError:
                parent_id = self._id_path(done)
                self._rest.create_folder(parent_id, name, exists=ExistValues.reuse)
                self.invalidate_cache(here)
            else:
                if entry["type"] != "directory":
                    raise FileExistsError(17, "A file is in the way", here)
            done = here

    def _remove(self, paths: list[str]) -> None:
        for path in paths:
            entry = self._lookup(path)
            if entry["type"] == "directory":
                self._rest.delete_folder(entry["id_path"], commit=True, force=True)
            else:
                self._rest.delete_file(entry["id_path"], commit=True)
            self.invalidate_cache(path)

    def _copy(self, src: str, dst: str) -> None:
        directory, name = split(dst)
        self._rest.file_operation(
            "copy",
            self._id_path(src),
            self._id_path(directory),
            name=name,
            exists=ExistValues.overwrite,
        )

    def _rename(self, src: str, dst: str) -> None:
        entry = self._lookup(src)
        directory, name = split(dst)
        operation = (
            self._rest.folder_operation
            if entry["type"] == "directory"
            else self._rest.file_operation
        )
        operation(
            "move", entry["id_path"], self._id_path(directory), name=name, exists=ExistValues.fail
        )

    def _read_range(self, path: str, start: int, end: int | None) -> bytes:
        size = None if end is None else end - start
        return self._rest.read_range(self._id_path(path), start, size)

    def _store(self, path: str, staged: IO[bytes]) -> None:
        directory, name = split(path)
        self._rest.upload_file(
            self._id_path(directory), staged, name=name, exists=ExistValues.overwrite
        )

    def _download(self, rpath: str, lpath: str) -> None:
        entry = self._lookup(rpath)
        self._rest.download_file(entry["id_path"], lpath, size=entry["size"])
