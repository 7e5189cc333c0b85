"""``box://``: Box as an fsspec filesystem, on the sync :class:`~cloudspec.box.BoxClient`.

Paths are folder and file names from the root folder (id ``"0"``), absolute as in every
cloudspec filesystem: ``box://reports/q4.csv`` (``/reports/q4.csv``) is the file ``q4.csv`` in
the folder ``reports`` of the root, and ``/`` is the root. Names are resolved to Box ids by
listing each parent folder once (search lags behind uploads, listings do not); the ids are kept
per instance and dropped for a path and everything under it whenever this instance writes,
removes or moves there. A change made elsewhere is seen after :meth:`invalidate_cache` (or
``ls(path, refresh=True)``).

Storage options (``fsspec.open("box://...", **options)`` or ``BoxFileSystem(**options)``):
``access_token``, or ``refresh_token`` with ``client_id`` and ``client_secret``, or a
``token_store`` (see :class:`~cloudspec.box.BoxClient`); ``urls`` (a
:class:`~cloudspec.box.BoxURLs`) or ``api_url``/``upload_url``/``account_url`` for an emulator;
``chunked_threshold`` (bytes from which uploads go through an upload session, default 20 MB),
and the client's other keyword arguments (``timeout``, ``verify``, ``retry``, ``transport``...).
``client=`` uses a :class:`~cloudspec.box.BoxClient` you made (and left open by :meth:`close`).

Transfers:

* **read** (``open(path, "rb")``, ``cat_file(path, start, end)``): random access; each block
  fetched is one ``Range`` request.
* **write** (``open(path, "wb")``, ``pipe``): bytes are staged in a local temporary file and
  uploaded on ``close()``: directly below ``chunked_threshold``, through an upload session from
  it (parts in parallel, SHA-1 checked, aborted on failure). Nothing is visible on Box until the
  upload completes, and leaving the ``with`` block by an exception uploads nothing. Writing to
  an existing file uploads a new version of it (same id; Box keeps the old version).
* **put/get** use the client's streamed upload and its streamed, resumed, SHA-1-checked
  download.
* **cp** is Box's server-side copy (``POST /files/{id}/copy``): one request, nothing passes
  through this machine, and the copy is a new file with the source's current content and
  SHA-1. Copying onto an existing file cannot be done by Box's copy (it answers 409), so then
  the source is streamed into a new version of the target instead (same target id, as any
  write to an existing path).
* **mv** is Box's move (``PUT /files/{id}`` or ``PUT /folders/{id}`` with the new parent and
  name): one request, the same id and version history, a whole folder tree at once
  (``recursive=True``). Where fsspec's meaning needs more than one move (a target that exists,
  globs, ``maxdepth``), fsspec's copy-then-remove does it.
"""

from __future__ import annotations

import os
import tempfile
from typing import IO, Any

from cloudspec.box import BoxClient, BoxConflict, BoxNotFound, BoxURLs
from cloudspec.box import models as box_models
from cloudspec.box_api.types import Unset

from ._base import CloudspecFileSystem
from ._paths import dir_info, file_info, join, parent, split

__all__ = ["BoxFileSystem"]

ROOT_ID = "0"
# Everything info() reports, in one listing call per folder.
_FIELDS = "type,id,name,size,sha1,etag,modified_at"
_FSSPEC_OPTIONS = frozenset(
    {"use_listings_cache", "listings_expiry_time", "max_paths", "skip_instance_cache"}
)
Info = dict[str, Any]


def _value(value: object) -> Any:
    return None if isinstance(value, Unset) else value


def _info_of(path: str, item: box_models.Item) -> Info:
    modified = _value(getattr(item, "modified_at", None))
    extra = {
        "id": item.id,
        "etag": _value(getattr(item, "etag", None)),
        "modified_at": modified.isoformat() if modified is not None else None,
    }
    if item.type_ == "folder":
        return dir_info(path, **extra)
    size = _value(getattr(item, "size", None)) or 0
    return file_info(path, size, sha1=_value(getattr(item, "sha1", None)), **extra)


class BoxFileSystem(CloudspecFileSystem):
    """Box folders and files as an fsspec filesystem (``protocol = "box"``)."""

    protocol = ("box",)

    def __init__(
        self,
        *,
        access_token: str | None = None,
        refresh_token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        token_store: Any = None,
        urls: BoxURLs | None = None,
        api_url: str | None = None,
        upload_url: str | None = None,
        account_url: str | None = None,
        client: BoxClient | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**{k: options.pop(k) for k in list(options) if k in _FSSPEC_OPTIONS})
        if urls is None and api_url is not None:
            urls = BoxURLs(
                api=api_url,
                upload=upload_url or f"{api_url.rstrip('/')}/api",
                account=account_url or f"{api_url.rstrip('/')}/api/oauth2",
            )
        # A client given by the caller is theirs to close; one made here is ours.
        self._owns_client = client is None
        self.client = client or BoxClient(
            access_token=access_token,
            refresh_token=refresh_token,
            client_id=client_id,
            client_secret=client_secret,
            token_store=token_store,
            urls=urls,
            **options,
        )
        self._ids: dict[str, tuple[str, str]] = {"/": ("folder", ROOT_ID)}

    def close(self) -> None:
        """Close the HTTP client (if this filesystem made it)."""
        if self._owns_client:
            self.client.close()

    # ---- names to ids ----

    def _resolve(self, path: str) -> tuple[str, str]:
        """``(type, id)`` of the item at ``path`` (``"folder"`` or ``"file"``)."""
        found = self._ids.get(path)
        if found is not None:
            return found
        above = parent(path)
        kind, folder_id = self._resolve(above)
        if kind != "folder":
            raise FileNotFoundError(2, "No such file or directory", path)
        self._list_folder(above, folder_id)
        found = self._ids.get(path)
        if found is None:
            raise FileNotFoundError(2, "No such file or directory", path)
        return found

    def _list_folder(self, path: str, folder_id: str) -> list[Info]:
        try:
            items = list(self.client.folders.items(folder_id, fields=_FIELDS))
        except BoxNotFound:
            # Gone since its id was noted (removed elsewhere): forget it and what was under it.
            self._forget(path)
            raise
        infos = [_info_of(join(path, str(item.name)), item) for item in items]
        for info in infos:
            kind = "folder" if info["type"] == "directory" else "file"
            self._ids[info["name"]] = (kind, info["id"])
        return infos

    def _forget(self, path: str) -> None:
        if path == "/":
            self._ids = {"/": ("folder", ROOT_ID)}
            return
        inside = path + "/"
        for key in [k for k in self._ids if k == path or k.startswith(inside)]:
            del self._ids[key]

    def invalidate_cache(self, path: str | None = None) -> None:
        if path is None:
            self._forget("/")
        else:
            self._forget(self._strip_protocol(path))
        super().invalidate_cache(path)

    # ---- the primitives of CloudspecFileSystem ----

    def _list(self, path: str) -> list[Info] | Info:
        kind, item_id = self._resolve(path)
        if kind == "file":
            return self._stat(path)
        return self._list_folder(path, item_id)

    def _stat(self, path: str) -> Info:
        if path == "/":
            return dir_info("/", id=ROOT_ID)
        kind, item_id = self._resolve(path)
        try:
            if kind == "folder":
                item: box_models.Item = self.client.folders.get(item_id, fields=_FIELDS)
            else:
                item = self.client.files.get(item_id, fields=_FIELDS)
        except BoxNotFound:
            self._forget(path)
            raise
        return _info_of(path, item)

    def _make_dir(self, path: str) -> None:
        if path == "/":
            return
        above, name = split(path)
        try:
            kind, parent_id = self._resolve(above)
        except FileNotFoundError:
            self._make_dir(above)
            kind, parent_id = self._resolve(above)
        if kind != "folder":
            raise NotADirectoryError(20, "Not a directory", above)
        folder = self.client.folders.create(name, parent_id, exist_ok=True)
        self._ids[path] = ("folder", folder.id)

    def _remove(self, paths: list[str]) -> None:
        for path in paths:
            kind, item_id = self._resolve(path)
            try:
                if kind == "folder":
                    # One call removes the whole tree on Box's side.
                    self.client.folders.delete(item_id, recursive=True)
                else:
                    self.client.files.delete(item_id)
            finally:
                self._forget(path)

    def _copy(self, src: str, dst: str) -> None:
        source_id = self._resolve(src)[1]
        above, name = split(dst)
        parent_kind, parent_id = self._resolve(above)
        if parent_kind != "folder":
            raise NotADirectoryError(20, "Not a directory", above)
        try:
            kind = self._resolve(dst)[0]
        except FileNotFoundError:
            kind = ""
        if kind == "folder":
            raise IsADirectoryError(21, "Is a directory", dst)
        if not kind:
            try:
                copied = self.client.files.copy(source_id, parent_id, name=name)
            except BoxConflict as exc:
                # Made by someone else since the listing: replaced below, as an existing one.
                if exc.code != "item_name_in_use":
                    raise
            else:
                self._forget(dst)
                self._ids[dst] = ("file", copied.id)
                return
        # Box's copy never replaces a file: the target gets a new version with the content.
        with tempfile.TemporaryFile(prefix="cloudspec-box-") as scratch:
            for chunk in self.client.files.iter_bytes(source_id):
                scratch.write(chunk)
            scratch.seek(0)
            self._store(dst, scratch)

    def _rename(self, src: str, dst: str) -> None:
        kind, item_id = self._resolve(src)
        src_parent, dst_parent = parent(src), parent(dst)
        name = split(dst)[1]
        resource = self.client.folders if kind == "folder" else self.client.files
        if src_parent == dst_parent:
            resource.rename(item_id, name)
        else:
            parent_kind, parent_id = self._resolve(dst_parent)
            if parent_kind != "folder":
                raise NotADirectoryError(20, "Not a directory", dst_parent)
            resource.move(item_id, parent_id, name=name)
        # Same id, new path: what was noted under the old path is stale.
        self._forget(src)
        self._forget(dst)
        self._ids[dst] = (kind, item_id)

    def _read_range(self, path: str, start: int, end: int | None) -> bytes:
        if end is not None and end <= start:
            return b""
        file_id = self._resolve(path)[1]
        last = None if end is None else end - 1
        return b"".join(self.client.files.iter_bytes(file_id, start=start, end=last))

    def _store(self, path: str, staged: IO[bytes]) -> None:
        above, name = split(path)
        if not name:
            raise IsADirectoryError(21, "Is a directory", path)
        parent_kind, parent_id = self._resolve(above)
        if parent_kind != "folder":
            raise NotADirectoryError(20, "Not a directory", above)
        try:
            kind, file_id = self._resolve(path)
        except FileNotFoundError:
            kind, file_id = "", ""
        if kind == "folder":
            raise IsADirectoryError(21, "Is a directory", path)
        start = staged.tell()
        try:
            if kind == "file":
                uploaded = self.client.files.upload_version(file_id, staged, name=name)
            else:
                uploaded = self.client.files.upload(staged, parent_id, name=name)
        except BoxConflict as exc:
            existing = exc.conflict_id()
            if exc.code != "item_name_in_use" or existing is None:
                raise
            # Created by someone else since the listing: theirs gets a new version, as a
            # write to an existing path always does.
            staged.seek(start)
            uploaded = self.client.files.upload_version(existing, staged, name=name)
        self._forget(path)
        self._ids[path] = ("file", uploaded.id)

    def _download(self, rpath: str, lpath: str) -> None:
        self.client.files.download(self._resolve(rpath)[1], os.fspath(lpath))
