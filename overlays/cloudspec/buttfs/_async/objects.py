"""The original SDK's object model: ``Filesystem``, ``Folder``, ``File``, ``Account``,
``Share`` (``Async*`` here, sync twins generated). Metadata properties come from
:mod:`cloudspec.buttfs.values`; every method that talks to the service is here.
"""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Mapping, Sequence
from pathlib import Path as FSPath
from typing import IO, Any

from cloudspec.core.files import safe_filename

from .._shapes import as_object, as_objects, items_of
from ..errors import InvalidArgument, MethodNotImplemented, OperationNotAllowed
from ..values import ExistValues, FileData, ItemData, Path, RestoreValue, VersionConflictValue
from .rest import AsyncButtFSRESTAdapter

__all__ = [
    "AsyncAccount",
    "AsyncFile",
    "AsyncFilesystem",
    "AsyncFolder",
    "AsyncItem",
    "AsyncShare",
    "make_item",
]


def make_item(
    rest: AsyncButtFSRESTAdapter,
    meta: Mapping[str, Any],
    parent_path: Path | None = None,
    in_trash: bool = False,
) -> AsyncItem:
    """A ``AsyncFolder`` or ``AsyncFile`` for ``meta``."""
    meta = as_object(meta, "item")
    if meta.get("type") == "folder":
        return AsyncFolder(rest, meta, parent_path, in_trash)
    return AsyncFile(rest, meta, parent_path, in_trash)


def _path_of(value: AsyncItem | Path | str) -> Path:
    if isinstance(value, AsyncItem):
        return value.path()
    if isinstance(value, Path):
        return value.copy()
    if isinstance(value, str):
        return Path.path_from_string(value)
    raise InvalidArgument(f"expected a folder, a Path or a path string, not {value!r}")


def _meta_of(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        if isinstance(result.get("meta"), dict):
            return dict(result["meta"])
        items = result.get("items")
        if isinstance(items, list) and items and isinstance(items[0], dict):
            return dict(items[0])
        return dict(result)
    raise InvalidArgument(f"unexpected answer {result!r}")


class AsyncItem(ItemData):
    """A file or folder (``Item`` in the original)."""

    def __init__(
        self,
        rest: AsyncButtFSRESTAdapter,
        data: Mapping[str, Any],
        parent_path: Path | None = None,
        in_trash: bool = False,
    ) -> None:
        super().__init__(data, parent_path, in_trash)
        self._rest = rest

    @property
    def _is_folder(self) -> bool:
        return self.type == "folder"

    def _not_in_trash(self, what: str) -> None:
        if self._in_trash:
            raise OperationNotAllowed(f"{what} of an item in the trash (restore it first)")

    async def refresh(self, debug: bool = False) -> AsyncItem:
        """Fetch the metadata again; local changes are discarded."""
        self._not_in_trash("refresh")
        path = str(self.path())
        if self._is_folder:
            result = await self._rest.get_folder_meta(path, debug=debug)
        else:
            result = await self._rest.get_file_meta(path, debug=debug)
        self._apply(_meta_of(result))
        return self

    async def save(
        self, if_conflict: str = VersionConflictValue.fail, debug: bool = False
    ) -> AsyncItem:
        """Send the local changes with the item's ``version``."""
        self._not_in_trash("save")
        if not self._changes:
            return self
        alter = self._rest.alter_folder_meta if self._is_folder else self._rest.alter_file_meta
        result = await alter(
            str(self.path()),
            self.version,
            self._form_changes(),
            version_conflict=if_conflict,
            debug=debug,
        )
        self._apply(_meta_of(result))
        return self

    async def move_to(
        self,
        destination: AsyncFolder | Path | str,
        exists: str = ExistValues.rename,
        debug: bool = False,
    ) -> AsyncItem:
        """Move into ``destination``; this object follows the item."""
        self._not_in_trash("move")
        target = _path_of(destination)
        operation = self._rest.folder_operation if self._is_folder else self._rest.file_operation
        result = await operation("move", str(self.path()), str(target), exists=exists, debug=debug)
        self._apply(_meta_of(result))
        self._parent_path = target
        return self

    async def copy_to(
        self,
        destination: AsyncFolder | Path | str,
        exists: str = ExistValues.rename,
        debug: bool = False,
    ) -> AsyncItem:
        """Copy into ``destination`` (``exists`` is honoured); returns the copy."""
        self._not_in_trash("copy")
        target = _path_of(destination)
        operation = self._rest.folder_operation if self._is_folder else self._rest.file_operation
        result = await operation("copy", str(self.path()), str(target), exists=exists, debug=debug)
        return make_item(self._rest, _meta_of(result), target)

    async def delete(self, commit: bool = False, force: bool = False, debug: bool = False) -> bool:
        """Move to the trash (``commit``: delete for good). On an item already in the trash
        this is a no-op unless ``commit``, which then deletes it from the trash."""
        if self._in_trash:
            if not commit:
                return False
            await self._rest.delete_trash_item(str(self.path()), debug=debug)
            return True
        remove = self._rest.delete_folder if self._is_folder else self._rest.delete_file
        result = await remove(str(self.path()), commit=commit, force=force, debug=debug)
        if not commit:
            self._in_trash = True
        return bool(result.get("success", True)) if isinstance(result, dict) else True

    async def restore(
        self,
        restore_method: str = RestoreValue.fail,
        method_argument: AsyncFolder | Path | str | None = None,
        debug: bool = False,
    ) -> bool:
        """Restore from the trash: ``fail`` (to the original folder), ``rescue`` (else into
        ``method_argument``, a folder or ID path), ``recreate`` (else into the *name* path
        ``method_argument``, created as needed)."""
        if not self._in_trash:
            raise OperationNotAllowed("only items in the trash can be restored")
        rescue = recreate = None
        if restore_method == RestoreValue.rescue and method_argument is not None:
            rescue = str(_path_of(method_argument))
        elif restore_method == RestoreValue.recreate and method_argument is not None:
            recreate = str(method_argument)
        elif restore_method not in (RestoreValue.fail, RestoreValue.rescue, RestoreValue.recreate):
            raise InvalidArgument(f"unknown restore method {restore_method!r}")
        result = await self._rest.restore_trash_item(
            str(self.path()),
            restore=restore_method,
            rescue_path=rescue,
            recreate_path=recreate,
            debug=debug,
        )
        meta = _meta_of(result)
        self._apply(meta)
        self._in_trash = False
        self._parent_path = await self._locate_parent(
            str(meta.get("parent_id") or ""), rescue, recreate
        )
        return True

    async def _locate_parent(
        self, parent_id: str, rescue: str | None, recreate: str | None
    ) -> Path:
        candidates = [self._parent_path]
        if rescue is not None:
            candidates.append(Path.path_from_string(rescue))
        for candidate in candidates:
            if len(candidate) and candidate[-1] == parent_id:
                return candidate.copy()
        root = _meta_of(await self._rest.get_folder_meta("/"))
        if root.get("id") == parent_id or not parent_id:
            return Path()
        if recreate is not None:
            path = Path()
            for name in (part for part in recreate.split("/") if part):
                listing = await self._rest.list_folder(str(path))
                found = next((i for i in listing.get("items", []) if i.get("name") == name), None)
                if found is None:
                    break
                path.append(str(found["id"]))
            if len(path) and path[-1] == parent_id:
                return path
        return self._parent_path


class AsyncFolder(AsyncItem):
    """A folder (the original's ``Container`` + ``Folder``)."""

    async def list(self, debug: bool = False) -> list[AsyncItem]:
        if self._in_trash:
            result = await self._rest.browse_trash(str(self.path()), debug=debug)
        else:
            result = await self._rest.list_folder(str(self.path()), debug=debug)
        here = self.path()
        return [make_item(self._rest, meta, here, False) for meta in items_of(result)]

    async def create_folder(
        self,
        container_or_name: AsyncFolder | str,
        exists: str = ExistValues.fail,
        debug: bool = False,
    ) -> AsyncFolder:
        self._not_in_trash("creating a folder inside")
        name = (
            container_or_name.name
            if isinstance(container_or_name, AsyncFolder)
            else container_or_name
        )
        if not name:
            raise InvalidArgument("a folder needs a name")
        result = await self._rest.create_folder(str(self.path()), name, exists=exists, debug=debug)
        item = make_item(self._rest, _meta_of(result), self.path())
        assert isinstance(item, AsyncFolder)
        return item

    async def upload(
        self,
        source: str | os.PathLike[str] | IO[bytes] | bytes,
        custom_name: str | None = None,
        custom_mime: str | None = None,
        exists: str = ExistValues.fail,
        data_inline: bool = False,
        debug: bool = False,
    ) -> AsyncFile:
        """Upload a local file (path or file object; streamed) or, with ``data_inline=True``
        or ``bytes``, the given content (``custom_name`` then required)."""
        self._not_in_trash("uploading into")
        stream: str | os.PathLike[str] | IO[bytes]
        if data_inline or isinstance(source, bytes):
            if custom_name is None:
                raise InvalidArgument("inline data needs a custom_name")
            content = source if isinstance(source, bytes) else str(source).encode("utf-8")
            stream = io.BytesIO(content)
        else:
            stream = source
        result = await self._rest.upload_file(
            str(self.path()), stream, name=custom_name, mime=custom_mime, exists=exists, debug=debug
        )
        item = make_item(self._rest, _meta_of(result), self.path())
        assert isinstance(item, AsyncFile)
        return item


class AsyncFile(AsyncItem, FileData):
    """A file, readable as a stream (``read``/``seek``/``tell``)."""

    def __init__(
        self,
        rest: AsyncButtFSRESTAdapter,
        data: Mapping[str, Any],
        parent_path: Path | None = None,
        in_trash: bool = False,
    ) -> None:
        super().__init__(rest, data, parent_path, in_trash)
        self._offset = 0

    async def download(
        self,
        local_path: str | os.PathLike[str],
        custom_name: str | None = None,
        synchronous: bool = True,
        debug: bool = False,
    ) -> FSPath:
        """Download into a directory (as ``custom_name`` or the item's name) or to a file path;
        streamed, resumed with a correct Range if the transfer breaks.

        ``synchronous`` is accepted for code written for the original SDK, whose default ran
        the download in a background thread: here it always completes before returning
        (use the async session for concurrency), so :meth:`wait_for_downloads` has nothing
        to wait for."""
        del synchronous
        self._not_in_trash("download")
        target = FSPath(local_path)
        # The item's name comes from the server: it never leaves the chosen directory.
        if target.is_dir():
            target = target / safe_filename(custom_name or self.name)
        elif custom_name is not None:
            target = target.parent / safe_filename(custom_name)
        return await self._rest.download_file(str(self.path()), target, size=self.size, debug=debug)

    def wait_for_downloads(self, timeout: float | None = None) -> bool:
        """The original's wait for background downloads: every download here has completed
        when ``download`` returns, so there is never one to wait for."""
        del timeout
        return True

    async def read(self, size: int | None = None, debug: bool = False) -> bytes:
        """Up to ``size`` bytes from the current offset (``None``: the rest)."""
        self._not_in_trash("read")
        if size is None:
            remaining = self.size - self._offset
            if remaining <= 0:
                return b""
            size = remaining
        data = await self._rest.read_range(str(self.path()), self._offset, size, debug=debug)
        self._offset += len(data)
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            position = offset
        elif whence == os.SEEK_CUR:
            position = self._offset + offset
        elif whence == os.SEEK_END:
            position = self.size + offset
        else:
            raise InvalidArgument(f"invalid whence {whence!r}")
        if position < 0:
            raise InvalidArgument("cannot seek before the start of the file")
        self._offset = position
        return position

    def tell(self) -> int:
        return self._offset

    def readline(self) -> bytes:
        raise MethodNotImplemented("readline is not implemented")

    def readlines(self) -> list[bytes]:
        raise MethodNotImplemented("readlines is not implemented")

    def truncate(self, size: int | None = None) -> None:
        raise MethodNotImplemented("truncate is not implemented")

    def write(self, data: bytes) -> None:
        raise MethodNotImplemented("write is not implemented")

    def writelines(self, lines: Sequence[bytes]) -> None:
        raise MethodNotImplemented("writelines is not implemented")

    async def versions(
        self,
        start_version: int | None = None,
        stop_version: int | None = None,
        limit: int | None = None,
        debug: bool = False,
    ) -> list[AsyncFile]:
        """The prior versions (oldest first), as detached ``File`` values."""
        self._not_in_trash("versions")
        result = await self._rest.list_file_versions(
            str(self.path()),
            start_version=start_version,
            stop_version=stop_version,
            limit=limit,
            debug=debug,
        )
        return [
            AsyncFile(self._rest, meta, self._parent_path) for meta in as_objects(result, "item")
        ]

    async def promote(self, version: int, debug: bool = False) -> AsyncFile:
        """Make ``version``'s content current (as a new version); this object is updated."""
        self._not_in_trash("promote")
        result = await self._rest.promote_file_version(str(self.path()), version, debug=debug)
        self._apply(_meta_of(result))
        return self


class AsyncAccount:
    """Account information from the user profile; ``limit`` comes from the quota header."""

    def __init__(
        self, rest: AsyncButtFSRESTAdapter, data: Mapping[str, Any], limit: int | None
    ) -> None:
        self._rest = rest
        self._data = as_object(data, "account")
        self._limit = limit

    def _section(self, key: str) -> dict[str, Any]:
        value = self._data.get(key)
        return dict(value) if isinstance(value, dict) else {}

    @property
    def id(self) -> str:
        return str(self._data.get("account_id") or "")

    @property
    def usage(self) -> int:
        return int(self._section("storage").get("usage") or 0)

    @property
    def limit(self) -> int | None:
        return self._limit

    @property
    def over_storage_limit(self) -> bool:
        return bool(self._section("storage").get("otl", False))

    @property
    def state_string(self) -> str:
        return str(self._section("account_state").get("display_name") or "")

    @property
    def state_id(self) -> str:
        return str(self._section("account_state").get("id") or "")

    @property
    def plan(self) -> str:
        return str(self._section("account_plan").get("display_name") or "")

    @property
    def plan_id(self) -> str:
        return str(self._section("account_plan").get("id") or "")

    @property
    def locale(self) -> str:
        return str(self._data.get("locale") or "")

    @property
    def session_locale(self) -> str:
        return str(self._section("session").get("locale") or "")

    async def set_locale(self, locale: str, debug: bool = False) -> None:
        """Change the account locale (the original's ``locale`` setter)."""
        await self._rest.alter_user_profile(locale=locale, debug=debug)
        self._data["locale"] = locale

    async def set_session_locale(self, locale: str, debug: bool = False) -> None:
        """Change the session locale (the original's ``session_locale`` setter)."""
        await self._rest.alter_user_profile(session_locale=locale, debug=debug)
        self._data["session"] = {**self._section("session"), "locale": locale}

    def __repr__(self) -> str:
        return f"Account(id={self.id!r}, plan={self.plan!r})"


class AsyncShare:
    """A share (PY10): ``share_key``, ``name``, ``size``, dates, ``application_data``."""

    def __init__(self, rest: AsyncButtFSRESTAdapter, data: Mapping[str, Any]) -> None:
        self._rest = rest
        self._data = as_object(data, "share")

    @property
    def data(self) -> dict[str, Any]:
        return dict(self._data)

    @property
    def share_key(self) -> str:
        return str(self._data.get("share_key") or "")

    @property
    def name(self) -> str:
        return str(self._data.get("share_name") or "")

    @property
    def size(self) -> int:
        return int(self._data.get("share_size") or 0)

    @property
    def url(self) -> str:
        return str(self._data.get("url") or "")

    @property
    def short_url(self) -> str:
        return str(self._data.get("short_url") or "")

    @property
    def date_created(self) -> float | None:
        value = self._data.get("date_created")
        return float(value) if value is not None else None

    @property
    def application_data(self) -> dict[str, Any]:
        value = self._data.get("application_data")
        return dict(value) if isinstance(value, dict) else {}

    async def list(self, debug: bool = False) -> builtins.list[AsyncItem]:
        """The items at the top of the share (detached: they are the owner's items)."""
        result = as_object(await self._rest.browse_share(self.share_key, debug=debug), "share")
        if isinstance(result.get("share"), dict):
            self._data = dict(result["share"])
        return [make_item(self._rest, meta) for meta in items_of(result)]

    async def unlock(self, password: str, debug: bool = False) -> None:
        await self._rest.unlock_share(self.share_key, password, debug=debug)

    async def receive(
        self,
        path: AsyncFolder | Path | str | None = None,
        exists: str = ExistValues.rename,
        debug: bool = False,
    ) -> builtins.list[AsyncItem]:
        """Copy the share's items into ``path`` (default the root); returns the copies."""
        target = _path_of(path) if path is not None else Path()
        result = await self._rest.receive_share(
            self.share_key, path=str(target), exists=exists, debug=debug
        )
        return [make_item(self._rest, meta, target) for meta in as_objects(result, "item")]

    async def change_attributes(
        self, values: Mapping[str, Any], password: str | None = None, debug: bool = False
    ) -> AsyncShare:
        """Change ``name`` and/or ``password`` (``password``: the current one, if set)."""
        unknown = set(values) - {"name", "password"}
        if unknown:
            raise InvalidArgument(f"cannot change {sorted(unknown)}")
        result = await self._rest.alter_share(
            self.share_key,
            current_password=password,
            password=values.get("password"),
            name=values.get("name"),
            debug=debug,
        )
        self._data = as_object(result, "share")
        return self

    async def set_password(
        self, password: str, old_password: str | None = None, debug: bool = False
    ) -> AsyncShare:
        return await self.change_attributes({"password": password}, old_password, debug=debug)

    async def delete(self, debug: bool = False) -> bool:
        result = await self._rest.delete_share(self.share_key, debug=debug)
        return bool(result.get("success", True)) if isinstance(result, dict) else True

    def __repr__(self) -> str:
        return f"Share(share_key={self.share_key!r}, name={self.name!r})"


class AsyncFilesystem:
    """The file system of the linked user."""

    exists = ExistValues()

    def __init__(self, rest: AsyncButtFSRESTAdapter) -> None:
        self._rest = rest

    async def root(self, debug: bool = False) -> AsyncFolder:
        meta = _meta_of(await self._rest.get_folder_meta("/", debug=debug))
        meta.setdefault("type", "folder")
        folder = AsyncFolder(self._rest, {**meta, "id": ""}, Path())
        folder._data["root_id"] = meta.get("id")
        return folder

    async def root_container(self, debug: bool = False) -> AsyncFolder:
        return await self.root(debug=debug)

    async def list(
        self, item_or_path: AsyncFolder | Path | str = "/", debug: bool = False
    ) -> builtins.list[AsyncItem]:
        here = _path_of(item_or_path)
        result = await self._rest.list_folder(str(here), debug=debug)
        return [make_item(self._rest, meta, here) for meta in items_of(result)]

    async def get_item(self, path: Path | str, debug: bool = False) -> AsyncItem:
        target = _path_of(path)
        if not len(target):
            return await self.root(debug=debug)
        meta = _meta_of(await self._rest.get_item_meta(str(target), debug=debug))
        return make_item(self._rest, meta, target[:-1])

    async def list_trash(self, debug: bool = False) -> builtins.list[AsyncItem]:
        result = await self._rest.browse_trash("/", debug=debug)
        return [make_item(self._rest, meta, None, True) for meta in items_of(result)]

    async def move(
        self,
        items: Sequence[AsyncItem],
        destination: AsyncFolder | Path | str,
        exists: str = ExistValues.rename,
        debug: bool = False,
    ) -> builtins.list[AsyncItem]:
        return [await item.move_to(destination, exists, debug=debug) for item in items]

    async def copy(
        self,
        items: Sequence[AsyncItem],
        destination: AsyncFolder | Path | str,
        exists: str = ExistValues.rename,
        debug: bool = False,
    ) -> builtins.list[AsyncItem]:
        return [await item.copy_to(destination, exists, debug=debug) for item in items]

    async def restore(
        self,
        items: Sequence[AsyncItem | Path | str],
        method: str = RestoreValue.fail,
        method_argument: AsyncFolder | Path | str | None = None,
        debug: bool = False,
    ) -> builtins.list[bool]:
        """Restore trashed items, given as items or trash paths (``/<id>``)."""
        done = []
        for entry in items:
            if isinstance(entry, AsyncItem):
                item = entry
            else:
                trash_path = _path_of(entry)
                meta = await self._rest.browse_trash(str(trash_path), debug=debug)
                item = make_item(self._rest, _meta_of(meta), None, True)
            done.append(await item.restore(method, method_argument, debug=debug))
        return done

    def file_history(self, item: AsyncItem) -> None:
        raise MethodNotImplemented("file history is not implemented (see File.versions)")

    async def list_shares(self, debug: bool = False) -> builtins.list[AsyncShare]:
        result = await self._rest.list_shares(debug=debug)
        return [AsyncShare(self._rest, data) for data in as_objects(result, "share")]

    async def create_share(
        self,
        items: AsyncItem | Path | str | Sequence[AsyncItem | Path | str],
        password: str | None = None,
        debug: bool = False,
    ) -> AsyncShare:
        entries = [items] if isinstance(items, AsyncItem | Path | str) else list(items)
        paths = [str(_path_of(entry)) for entry in entries]
        result = await self._rest.create_share(paths, password=password, debug=debug)
        return AsyncShare(self._rest, result)

    async def retrieve_share(
        self, share_key: str, password: str | None = None, debug: bool = False
    ) -> AsyncShare:
        """A share by key (unlocked with ``password`` first when given)."""
        if password is not None:
            await self._rest.unlock_share(share_key, password, debug=debug)
        result = await self._rest.browse_share(share_key, debug=debug)
        return AsyncShare(self._rest, as_object(result, "share").get("share", {}))
