"""The API host (``{api}/2.0/...``): folders and files (with copy, move and rename), search, the
current user, preflight, and the download redirect."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from .asgi import BoxError, Request, Response, Router, json_response
from .conflicts import check_file_conflict, check_folder_conflict, check_move_conflict
from .downloads import download_url
from .render import (
    FOLDER_MINI,
    USER_MINI,
    entry,
    file_full,
    folder_full,
    folder_size,
    item_fields,
    parse_fields,
    pick,
    user_full,
)
from .state import (
    ROOT_ID,
    File,
    Folder,
    Item,
    State,
    User,
    ancestors,
    check_name,
    walk,
)

MAX_LIMIT = 1000
MAX_SEARCH_LIMIT = 200
MAX_OFFSET = 10000
SORTS = ("id", "name", "date", "size")


def api_router(state: State) -> Router:
    router = Router()
    api = _Api(state)
    router.add(["GET"], "/2.0/folders/{folder_id}", api.get_folder)
    router.add(["POST"], "/2.0/folders", api.create_folder)
    router.add(["DELETE"], "/2.0/folders/{folder_id}", api.delete_folder)
    router.add(["GET"], "/2.0/folders/{folder_id}/items", api.list_items)
    router.add(["PUT"], "/2.0/folders/{folder_id}", api.update_folder)
    router.add(["POST"], "/2.0/folders/{folder_id}/copy", api.copy_folder)
    router.add(["OPTIONS"], "/2.0/files/content", api.preflight)
    router.add(["OPTIONS"], "/2.0/files/{file_id}/content", api.preflight_version)
    router.add(["GET"], "/2.0/files/{file_id}/content", api.download)
    router.add(["GET"], "/2.0/files/{file_id}", api.get_file)
    router.add(["DELETE"], "/2.0/files/{file_id}", api.delete_file)
    router.add(["PUT"], "/2.0/files/{file_id}", api.update_file)
    router.add(["POST"], "/2.0/files/{file_id}/copy", api.copy_file)
    router.add(["GET"], "/2.0/search", api.search)
    router.add(["GET"], "/2.0/users/me", api.me)
    return router


class _Api:
    def __init__(self, state: State) -> None:
        self.state = state

    async def get_folder(self, request: Request) -> Response:
        folder = self.state.folder(request.user, request.params["folder_id"])
        if not folder.is_root and request.header("if-none-match") == str(folder.etag):
            return Response(304)
        fields = parse_fields(request.query.get("fields"))
        collection = None
        if fields is None or "item_collection" in fields:
            collection = self._offset_page(folder, request, None)
        return json_response(item_fields(folder, folder_full(folder, collection), fields))

    async def create_folder(self, request: Request) -> Response:
        body = await request.json()
        parent_ref = body.get("parent")
        if not isinstance(parent_ref, dict) or "id" not in parent_ref:
            raise BoxError(400, "bad_request", "'parent.id' is required")
        name = check_name(body.get("name"))
        parent = self.state.folder(request.user, str(parent_ref["id"]))
        check_folder_conflict(parent, name)
        folder = self.state.create_folder(parent, name)
        fields = parse_fields(request.query.get("fields"))
        return json_response(item_fields(folder, folder_full(folder, _empty_page()), fields), 201)

    async def delete_folder(self, request: Request) -> Response:
        folder = self.state.folder(request.user, request.params["folder_id"])
        if folder.is_root:
            raise BoxError(
                403, "access_denied_insufficient_permissions", "The root folder cannot be deleted"
            )
        _check_if_match(request, folder.etag)
        recursive = request.query.get("recursive", "").lower() == "true"
        if folder.children and not recursive:
            raise BoxError(400, "folder_not_empty", "Cannot delete - folder not empty")
        self.state.delete(folder)
        return Response(204)

    async def list_items(self, request: Request) -> Response:
        folder = self.state.folder(request.user, request.params["folder_id"])
        fields = parse_fields(request.query.get("fields"))
        if request.query.get("usemarker", "").lower() == "true":
            return json_response(self._marker_page(folder, request, fields))
        return json_response(self._offset_page(folder, request, fields))

    async def get_file(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        fields = parse_fields(request.query.get("fields"))
        if request.header("if-none-match") == str(file.etag):
            return Response(304)
        return json_response(item_fields(file, file_full(file), fields))

    async def delete_file(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        _check_if_match(request, file.etag)
        self.state.delete(file)
        return Response(204)

    # -- copy, move, rename (409 conflicts are arrays of minis here) ---------------------------

    async def copy_file(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        body = await request.json()
        parent = self._destination(request.user, body, required=True)
        assert parent is not None
        name = check_name(body["name"]) if body.get("name") is not None else file.name
        check_move_conflict(parent, name)
        self.state.check_space(request.user, file.current.size)
        copy = self.state.copy_file(file, parent, name)
        fields = parse_fields(request.query.get("fields"))
        return json_response(item_fields(copy, file_full(copy), fields), 201)

    async def update_file(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        _check_if_match(request, file.etag)
        body = await request.json()
        parent = self._destination(request.user, body, required=False) or file.parent
        name = check_name(body["name"]) if body.get("name") is not None else file.name
        if parent is not file.parent or name != file.name:
            check_move_conflict(parent, name, file)
            self.state.move(file, parent, name)
        fields = parse_fields(request.query.get("fields"))
        return json_response(item_fields(file, file_full(file), fields))

    async def copy_folder(self, request: Request) -> Response:
        folder = self.state.folder(request.user, request.params["folder_id"])
        if folder.is_root:
            raise BoxError(
                403, "access_denied_insufficient_permissions", "The root folder cannot be copied"
            )
        body = await request.json()
        parent = self._destination(request.user, body, required=True)
        assert parent is not None
        if any(above is folder for above in [parent, *ancestors(parent)]):
            raise BoxError(400, "bad_request", "Cannot copy a folder into itself")
        name = check_name(body["name"]) if body.get("name") is not None else folder.name
        check_move_conflict(parent, name)
        size = sum(item.current.size for item in walk(folder) if isinstance(item, File))
        self.state.check_space(request.user, size)
        copy = self.state.copy_folder(folder, parent, name)
        fields = parse_fields(request.query.get("fields"))
        collection = None
        if fields is None or "item_collection" in fields:
            collection = self._offset_page(copy, request, None)
        return json_response(item_fields(copy, folder_full(copy, collection), fields), 201)

    async def update_folder(self, request: Request) -> Response:
        folder = self.state.folder(request.user, request.params["folder_id"])
        _check_if_match(request, folder.etag)
        body = await request.json()
        parent = self._destination(request.user, body, required=False)
        name = check_name(body["name"]) if body.get("name") is not None else folder.name
        if folder.is_root and (parent is not None or name != folder.name):
            raise BoxError(
                403, "access_denied_insufficient_permissions", "The root folder cannot be moved"
            )
        parent = parent or folder.parent
        assert parent is not None
        if any(above is folder for above in [parent, *ancestors(parent)]):
            raise BoxError(400, "bad_request", "Cannot move a folder into itself")
        if parent is not folder.parent or name != folder.name:
            check_move_conflict(parent, name, folder)
            self.state.move(folder, parent, name)
        fields = parse_fields(request.query.get("fields"))
        collection = None
        if fields is None or "item_collection" in fields:
            collection = self._offset_page(folder, request, None)
        return json_response(item_fields(folder, folder_full(folder, collection), fields))

    def _destination(self, user: User, body: dict[str, Any], *, required: bool) -> Folder | None:
        parent_ref = body.get("parent")
        if parent_ref is None and not required:
            return None
        if not isinstance(parent_ref, dict) or "id" not in parent_ref:
            raise BoxError(400, "bad_request", "'parent.id' is required")
        return self.state.folder(user, str(parent_ref["id"]))

    async def download(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        version = file.current
        wanted = request.query.get("version")
        if wanted:
            matches = [v for v in file.versions if v.id == wanted]
            if not matches:
                raise BoxError(404, "not_found", "Not Found")
            version = matches[0]
        return Response(302, b"", {"location": download_url(self.state, version.id)})

    async def preflight(self, request: Request) -> Response:
        body = await request.json()
        name = check_name(body.get("name"))
        parent_ref = body.get("parent")
        if not isinstance(parent_ref, dict) or "id" not in parent_ref:
            raise BoxError(400, "bad_request", "'parent.id' is required")
        parent = self.state.folder(request.user, str(parent_ref["id"]))
        check_file_conflict(parent, name)
        self._check_size(request.user, body)
        return self._upload_url()

    async def preflight_version(self, request: Request) -> Response:
        file = self.state.file(request.user, request.params["file_id"])
        body = await request.json()
        name = body.get("name")
        if name is not None and check_name(name).casefold() != file.name.casefold():
            check_file_conflict(file.parent, name)
        self._check_size(request.user, body)
        return self._upload_url()

    async def search(self, request: Request) -> Response:
        user: User = request.user
        query = request.query
        text = query.get("query", "").strip().strip('"').casefold()
        if not text:
            raise BoxError(400, "missing_parameter", "'query' is required")
        kind = query.get("type")
        if kind is not None and kind not in ("file", "folder", "web_link"):
            raise BoxError(400, "invalid_parameter", "'type' must be file, folder or web_link")
        under = [self.state.folder(user, i) for i in _csv(query.get("ancestor_folder_ids"))]
        extensions = {e.lstrip(".").casefold() for e in _csv(query.get("file_extensions"))}
        limit = min(_int_param(request, "limit", 30), MAX_SEARCH_LIMIT)
        offset = _int_param(request, "offset", 0)
        if offset > MAX_OFFSET:
            raise BoxError(400, "invalid_parameter", f"'offset' must not exceed {MAX_OFFSET}")

        def wanted(item: Item) -> bool:
            if item.id == ROOT_ID or text not in item.name.casefold():
                return False
            if kind is not None and kind != ("folder" if isinstance(item, Folder) else "file"):
                return False
            if extensions and (isinstance(item, Folder) or _extension(item) not in extensions):
                return False
            return not under or any(folder in ancestors(item) for folder in under)

        found = sorted(
            filter(wanted, user.items.values()), key=lambda i: (i.name.casefold(), int(i.id))
        )
        fields = parse_fields(query.get("fields"))
        page = found[offset : offset + limit]
        return json_response(
            {
                "type": "search_results_items",
                "total_count": len(found),
                "limit": limit,
                "offset": offset,
                "entries": [_search_entry(item, fields) for item in page],
            }
        )

    async def me(self, request: Request) -> Response:
        fields = parse_fields(request.query.get("fields"))
        return json_response(pick(user_full(request.user), USER_MINI, fields))

    # -- helpers -------------------------------------------------------------------------------

    def _check_size(self, user: User, body: dict[str, Any]) -> None:
        size = body.get("size", 0)
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise BoxError(400, "bad_request", "'size' must be a non-negative integer")
        self.state.check_space(user, size)

    def _upload_url(self) -> Response:
        from .sessions import new_session_id

        return json_response(
            {
                "upload_url": f"{self.state.urls['upload']}/2.0/files/content",
                "upload_token": new_session_id(),
            }
        )

    def _sorted(self, folder: Folder, request: Request) -> tuple[list[Item], str, str]:
        sort = request.query.get("sort") or "name"
        if sort not in SORTS:
            raise BoxError(400, "invalid_parameter", f"'sort' must be one of {', '.join(SORTS)}")
        direction = (request.query.get("direction") or "ASC").upper()
        if direction not in ("ASC", "DESC"):
            raise BoxError(400, "invalid_parameter", "'direction' must be ASC or DESC")
        keys: dict[str, Callable[[Item], Any]] = {
            "id": lambda item: int(item.id),
            "name": lambda item: (item.name.casefold(), int(item.id)),
            "date": lambda item: (item.modified_at, int(item.id)),
            "size": lambda item: (_size(item), int(item.id)),
        }
        items = sorted(folder.children.values(), key=keys[sort], reverse=direction == "DESC")
        # Folders always come first (Box sorts by type, then by the requested key).
        items.sort(key=lambda item: 0 if isinstance(item, Folder) else 1)
        return items, sort, direction

    def _limit(self, request: Request) -> int:
        limit = _int_param(request, "limit", self.state.settings.page_limit_default)
        return min(limit, MAX_LIMIT)

    def _offset_page(
        self, folder: Folder, request: Request, fields: frozenset[str] | None
    ) -> dict[str, Any]:
        items, sort, direction = self._sorted(folder, request)
        limit = self._limit(request)
        offset = _int_param(request, "offset", 0)
        if offset > MAX_OFFSET:
            raise BoxError(400, "invalid_offset", f"'offset' must not exceed {MAX_OFFSET}")
        return {
            "total_count": len(items),
            "entries": [entry(item, fields) for item in items[offset : offset + limit]],
            "offset": offset,
            "limit": limit,
            "order": [{"by": "type", "direction": "ASC"}, {"by": sort, "direction": direction}],
        }

    def _marker_page(
        self, folder: Folder, request: Request, fields: frozenset[str] | None
    ) -> dict[str, Any]:
        items, _, _ = self._sorted(folder, request)
        limit = self._limit(request)
        marker = request.query.get("marker")
        start = _marker_position(folder, marker) if marker else 0
        end = start + limit
        return {
            "entries": [entry(item, fields) for item in items[start:end]],
            "limit": limit,
            "next_marker": _marker(folder, end) if end < len(items) else None,
            "prev_marker": _marker(folder, max(0, start - limit)) if start > 0 else None,
        }


def _empty_page() -> dict[str, Any]:
    return {
        "total_count": 0,
        "entries": [],
        "offset": 0,
        "limit": 100,
        "order": [{"by": "type", "direction": "ASC"}, {"by": "name", "direction": "ASC"}],
    }


def _marker(folder: Folder, position: int) -> str:
    # Opaque to clients: they must pass it back as given, never build one.
    raw = f"cs1:{folder.id}:{position}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _marker_position(folder: Folder, marker: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(marker + "=" * (-len(marker) % 4)).decode()
        tag, folder_id, position = raw.split(":")
        if tag != "cs1" or folder_id != folder.id or not position.isdigit():
            raise ValueError(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BoxError(400, "invalid_parameter", "Invalid marker") from None
    return int(position)


def _size(item: Item) -> int:
    return folder_size(item) if isinstance(item, Folder) else item.current.size


def _extension(file: File) -> str:
    name = file.name
    return name.rsplit(".", 1)[1].casefold() if "." in name.strip(".") else ""


def _search_entry(item: Item, fields: frozenset[str] | None) -> dict[str, Any]:
    if isinstance(item, Folder):
        return pick(folder_full(item), FOLDER_MINI, fields)
    return item_fields(item, file_full(item), fields)


def _csv(raw: str | None) -> list[str]:
    return [part.strip() for part in (raw or "").split(",") if part.strip()]


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise BoxError(400, f"invalid_{name}", f"'{name}' must be a non-negative integer")
    return value


def _check_if_match(request: Request, etag: int) -> None:
    expected = request.header("if-match")
    if expected is not None and expected.strip('"') != str(etag):
        raise BoxError(
            412,
            "precondition_failed",
            "The resource has been modified. Please retrieve the resource again and retry",
        )
