"""The ``/v2/...`` routes (reference §3.3)."""

from __future__ import annotations

import base64
import copy
import dataclasses
import email.utils
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, quote

from ..box.asgi import Request, Response, Router, json_response
from ..box.downloads import BlobResponse
from ..box.multipart import MultipartReader, boundary_of
from .bcs import parse_authorization, verify
from .errors import ButtFSError, OAuthFailure, ok
from .state import EXISTS, Item, Share, State, User, new_id

P = r"(?P<path>(?:/[^/]+)*?)"
"""An ID path (possibly empty: the root), without its trailing slash."""
USER_KEY = "cloudspec.buttfs.user"
TOKEN_KEY = "cloudspec.buttfs.token"
SIGNED_PREFIXES = ("/v2/oauth2/token", "/v2/admin/")
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
_MAX_NAME = 255


def user_of(request: Request) -> User:
    user: User = request.scope[USER_KEY]
    return user


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "1", "yes")


def _int(value: str | None, default: int | None, code: int = 9000) -> int | None:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ButtFSError(code, f"Not an integer: {value!r}") from None


def _check_name(name: str | None, code: int) -> str:
    if name is None or not name.strip() or "/" in name or len(name) > _MAX_NAME:
        raise ButtFSError(code, f"Invalid name {name!r}")
    return name


def _unused_name(user: User, parent: Item, name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    number = 1
    while True:
        candidate = f"{stem} ({number}){dot}{ext}"
        if user.child_named(parent, candidate) is None:
            return candidate
        number += 1


def _place(
    user: User, parent: Item, name: str, exists: str, invalid_code: int
) -> tuple[str, Item | None]:
    """The name to use and, for overwrite/reuse, the item already holding it."""
    if exists not in EXISTS:
        raise ButtFSError(invalid_code, f"Invalid exists value {exists!r}")
    existing = user.child_named(parent, name)
    if existing is None:
        return name, None
    if exists == "fail":
        raise ButtFSError(2042, f"{name!r} already exists", data={"existing": existing.meta()})
    if exists == "rename":
        return _unused_name(user, parent, name), None
    return name, existing


def _purge(user: User, item: Item) -> None:
    for each in list(user.walk(item)):
        user.items.pop(each.id, None)


def _clone(src: User, dst: User, item: Item, parent_id: str, name: str) -> Item:
    kids = src.children(item) if item.is_folder else []
    now = time.time()
    new = dataclasses.replace(
        item,
        id=new_id(),
        type="folder" if item.is_folder else "file",
        parent_id=parent_id,
        trashed=False,
        version=0,
        versions=[],
        application_data=copy.deepcopy(item.application_data),
        date_created=now,
        date_meta_last_modified=now,
    )
    new.name = name
    dst.items[new.id] = new
    for kid in kids:
        _clone(src, dst, kid, new.id, kid.name)
    return new


def _snapshot(item: Item) -> None:
    if item.type == "file":
        item.versions.append((item.meta(), item.blob))


def api_router(state: State) -> Router:
    router = Router()
    api = _Api(state)
    add = router.add
    add(["POST"], "/v2/oauth2/token", api.token)
    add(["POST"], "/v2/admin/cloudfs/customers/?", api.create_customer)
    add(["GET", "HEAD"], "/v2/ping/?", api.ping)
    add(["GET"], "/v2/user/profile/?", api.profile)
    add(["POST"], "/v2/user/profile/?", api.alter_profile)
    add(["GET"], "/v2/history/?", api.history)
    add(["GET"], f"/v2/filesystem/root{P}/meta/?", api.generic_meta)
    add(["GET"], f"/v2/folders{P}/meta/?", api.folder_meta)
    add(["POST"], f"/v2/folders{P}/meta/?", api.alter_folder)
    add(["GET"], f"/v2/folders{P}/?", api.list_folder)
    add(["POST"], f"/v2/folders{P}/?", api.folder_operation)
    add(["DELETE"], f"/v2/folders{P}/?", api.delete_folder)
    add(["GET"], f"/v2/files{P}/meta/?", api.file_meta)
    add(["POST"], f"/v2/files{P}/meta/?", api.alter_file)
    add(["GET"], f"/v2/files{P}/versions/?", api.list_versions)
    add(["GET", "POST"], f"/v2/files{P}/versions/(?P<version>\\d+)/?", api.version)
    add(["GET"], f"/v2/files{P}/?", api.download)
    add(["POST"], f"/v2/files{P}/?", api.file_operation)
    add(["DELETE"], f"/v2/files{P}/?", api.delete_file)
    add(["GET"], f"/v2/trash{P}/?", api.browse_trash)
    add(["POST"], f"/v2/trash{P}/?", api.restore)
    add(["DELETE"], f"/v2/trash{P}/?", api.delete_trash)
    add(["POST"], "/v2/shares/?", api.create_share)
    add(["GET"], "/v2/shares/?", api.list_shares)
    add(["POST"], "/v2/shares/{key}/unlock/?", api.unlock_share)
    add(["POST"], "/v2/shares/{key}/info/?", api.alter_share)
    add(["GET"], f"/v2/shares/{{key}}{P}/meta/?", api.browse_share)
    add(["POST"], "/v2/shares/{key}/?", api.receive_share)
    add(["DELETE"], "/v2/shares/{key}/?", api.delete_share)
    add(["GET", "HEAD"], "/_download/{token}", api.signed_download)
    return router


class _Api:
    def __init__(self, state: State) -> None:
        self.state = state

    # ---- signed requests ----
    async def _signed_form(
        self, request: Request, secrets_by_id: Mapping[str, str]
    ) -> dict[str, str]:
        parsed = parse_authorization(request.header("authorization"))
        if parsed is None:
            raise OAuthFailure("invalid_request", "A BCS Authorization header is required", 401)
        client_id, sig = parsed
        secret = secrets_by_id.get(client_id)
        if secret is None:
            raise OAuthFailure("invalid_request", "Unknown client id", 401)
        date = request.header("date") or ""
        try:
            sent = email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            raise OAuthFailure("invalid_request", "A valid Date header is required", 401) from None
        if abs(sent - time.time()) > self.state.settings.date_skew:
            raise OAuthFailure("invalid_request", "The Date is outside the allowed skew", 401)
        form = await request.form()
        raw_path = request.scope.get("raw_path")
        path = raw_path.decode("latin-1") if raw_path else request.path
        content_type = request.header("content-type") or ""
        if not verify(secret, sig, request.method, path, form, content_type, date):
            raise OAuthFailure("invalid_request", "The request signature does not match", 401)
        return form

    async def token(self, request: Request) -> Response:
        state = self.state
        form = await self._signed_form(
            request, {app.client_id: app.client_secret for app in state.apps.values()}
        )
        if form.get("grant_type") != "password":
            raise OAuthFailure("unsupported_grant_type", "grant_type must be 'password'")
        user = state.users.get(form.get("username", ""))
        if user is None or not hmac.compare_digest(
            user.password.encode(), form.get("password", "").encode()
        ):
            raise OAuthFailure("invalid_grant", "Invalid username or password")
        body = {
            "access_token": state.issue_token(user),
            "token_type": "bearer",
            "transmission_key": secrets.token_hex(80),
        }
        return json_response(body, 200, {"cache-control": "no-store"})

    async def create_customer(self, request: Request) -> Response:
        state = self.state
        form = await self._signed_form(request, state.admins)
        username = form.get("username", "")
        password = form.get("password", "")
        if not 4 <= len(username) <= 255:
            raise ButtFSError(9000, "username must have 4 to 255 characters")
        if len(password) < 6:
            raise ButtFSError(9000, "password must have at least 6 characters")
        if username in state.users:
            raise ButtFSError(10001, f"User {username!r} already exists")
        user = User(
            username,
            password,
            form.get("email", ""),
            form.get("first_name", ""),
            form.get("last_name", ""),
        )
        state.users[username] = user
        return ok(user.profile(state.storage_limit))

    # ---- user ----
    async def ping(self, request: Request) -> Response:
        return ok({})

    async def profile(self, request: Request) -> Response:
        return ok(user_of(request).profile(self.state.storage_limit))

    async def alter_profile(self, request: Request) -> Response:
        user = user_of(request)
        form = await request.form()
        if "locale" in form:
            user.locale = form["locale"]
        if "session_locale" in form:
            user.session_locale = form["session_locale"]
        return ok({"success": True})

    async def history(self, request: Request) -> Response:
        user = user_of(request)
        start = _int(request.query.get("start"), -10)
        stop = _int(request.query.get("stop"), None)
        return ok(user.history[start:stop])

    # ---- generic / folders ----
    async def generic_meta(self, request: Request) -> Response:
        return ok(user_of(request).resolve(request.params["path"], 2002).meta())

    def _folder(self, request: Request, missing: int = 2002) -> Item:
        item = user_of(request).resolve(request.params["path"], missing)
        if not item.is_folder:
            raise ButtFSError(missing, "Not a folder")
        return item

    def _file(self, request: Request) -> Item:
        item = user_of(request).resolve(request.params["path"], 3001)
        if item.is_folder:
            raise ButtFSError(3001, "Not a file")
        return item

    async def folder_meta(self, request: Request) -> Response:
        return ok({"meta": self._folder(request).meta()})

    async def list_folder(self, request: Request) -> Response:
        user = user_of(request)
        folder = self._folder(request)
        depth = _int(request.query.get("depth"), 1, 2045)
        if depth is None or depth < 0:
            raise ButtFSError(2045, "Invalid depth")
        pattern = request.query.get("filter")
        items: list[dict[str, Any]] = []

        def collect(parent: Item, level: int) -> None:
            for child in user.children(parent):
                if not pattern or _matches(child, pattern):
                    items.append(child.meta())
                if child.is_folder and (depth == 0 or level < depth):
                    collect(child, level + 1)

        collect(folder, 1)
        return ok({"meta": folder.meta(), "items": items})

    async def folder_operation(self, request: Request) -> Response:
        operation = request.query.get("operation", "")
        if operation == "create":
            return await self._create_folder(request)
        if operation in ("move", "copy"):
            return await self._move_or_copy(request, operation, folder=True)
        raise ButtFSError(2043, f"Invalid operation {operation!r}")

    async def _create_folder(self, request: Request) -> Response:
        user = user_of(request)
        parent = self._folder(request, 2039)
        form = await request.form()
        name = _check_name(form.get("name"), 2047)
        name, existing = _place(user, parent, name, form.get("exists", "fail"), 2033)
        if existing is not None:
            if form.get("exists") == "reuse" and existing.is_folder:
                return ok({"items": [existing.meta()]})
            if form.get("exists") == "reuse":
                raise ButtFSError(2042, f"{name!r} exists and is a file")
            _purge(user, existing)
        folder = Item(id=new_id(), type="folder", name=name, parent_id=parent.id)
        user.items[folder.id] = folder
        user.record("create", folder)
        return ok({"items": [folder.meta()]})

    async def _move_or_copy(self, request: Request, operation: str, *, folder: bool) -> Response:
        user = user_of(request)
        item = self._folder(request) if folder else self._file(request)
        if item is user.root:
            raise ButtFSError(2043, "The root cannot be moved or copied")
        form = await request.form()
        to = form.get("to")
        if not to:
            raise ButtFSError(2028 if folder else 3020, "The 'to' parameter is required")
        target = user.resolve(to, 2002)
        if not target.is_folder:
            raise ButtFSError(2002, "The destination is not a folder")
        if operation == "move" and item.is_folder:
            ancestor: Item | None = target
            while ancestor is not None:
                if ancestor is item:
                    raise ButtFSError(2043, "A folder cannot move into itself")
                ancestor = user.get(ancestor.parent_id or "")
        name = _check_name(form.get("name") or item.name, 2047 if folder else 3018)
        exists = form.get("exists", "rename")
        name, existing = _place(
            user, target, name, "rename" if exists == "reuse" else exists, 2033 if folder else 3009
        )
        if existing is not None and existing is not item:
            _purge(user, existing)
        if operation == "copy":
            result = _clone(user, user, item, target.id, name)
        else:
            result = item
            result.parent_id = target.id
            if name != item.name:
                result.set_name(name)
            result.date_meta_last_modified = time.time()
        user.record(operation, result, to=user.path_of(target))
        return ok({"meta": result.meta()})

    async def _alter(self, request: Request, item: Item, *, folder: bool) -> Response:
        user = user_of(request)
        form = await request.form()
        code = 2044 if folder else 3021
        version = _int(form.get("version"), None, code)
        if version is None:
            raise ButtFSError(code, "The current 'version' is required")
        conflict = form.get("version-conflict", "fail")
        if version != item.version:
            if conflict == "ignore":
                raise ButtFSError(8002, "Version mismatch ignored", data={"meta": item.meta()})
            raise ButtFSError(code, f"Version {version} is not current", data={"meta": item.meta()})
        before = item.meta()
        _snapshot(item)
        name = form.get("name")
        if name is not None and name != item.name:
            _check_name(name, 2047 if folder else 3008)
            parent = user.get(item.parent_id or "")
            if parent is not None and user.child_named(parent, name) is not None:
                raise ButtFSError(2042, f"{name!r} already exists")
            item.set_name(name)
        elif "mime" in form and not folder:
            item.mime = form["mime"]
        for field in ("date_created", "date_meta_last_modified", "date_content_last_modified"):
            if field in form:
                try:
                    setattr(item, field, float(form[field]))
                except ValueError:
                    raise ButtFSError(3011, f"Invalid {field}") from None
        if "application_data" in form:
            try:
                data = json.loads(form["application_data"])
            except ValueError:
                raise ButtFSError(9000, "application_data must be JSON") from None
            if isinstance(data, dict):
                item.application_data.update(data)
        item.version += 1
        if "date_meta_last_modified" not in form:
            item.date_meta_last_modified = time.time()
        changes = {
            key: {"from": before[key], "to": value}
            for key, value in item.meta().items()
            if before.get(key) != value and key in ("name", "id", "date_created")
        }
        user.record("alter_meta", item, **changes)
        return ok({"meta": item.meta()})

    async def alter_folder(self, request: Request) -> Response:
        return await self._alter(request, self._folder(request), folder=True)

    async def delete_folder(self, request: Request) -> Response:
        user = user_of(request)
        if request.params["path"] in ("", "/"):
            raise ButtFSError(2003, "The root folder cannot be deleted")
        return self._delete(request, user, self._folder(request), folder=True)

    def _delete(self, request: Request, user: User, item: Item, *, folder: bool) -> Response:
        commit = _flag(request.query.get("commit"))
        force = _flag(request.query.get("force"))
        if folder and user.children(item) and not force:
            raise ButtFSError(2052, "The folder is not empty")
        if commit:
            user.record("delete", item)
            _purge(user, item)
        else:
            item.trashed = True
            item.date_meta_last_modified = time.time()
            user.record("trash", item)
        return ok({"success": True, "version": item.version})

    # ---- files ----
    async def file_meta(self, request: Request) -> Response:
        return ok({"meta": self._file(request).meta()})

    async def alter_file(self, request: Request) -> Response:
        return await self._alter(request, self._file(request), folder=False)

    async def delete_file(self, request: Request) -> Response:
        user = user_of(request)
        return self._delete(request, user, self._file(request), folder=False)

    async def file_operation(self, request: Request) -> Response:
        operation = request.query.get("operation")
        if operation in ("move", "copy"):
            return await self._move_or_copy(request, operation, folder=False)
        if operation:
            raise ButtFSError(3007, f"Invalid operation {operation!r}")
        return await self._upload(request)

    async def _upload(self, request: Request) -> Response:
        state = self.state
        user = user_of(request)
        parent = self._folder(request, 2039)
        reader = MultipartReader(request.chunks(), boundary_of(request.header("content-type")))
        exists = "fail"
        name: str | None = None
        blob: str | None = None
        size = 0
        digest = hashlib.sha1()
        while (part := await reader.next_part()) is not None:
            if part.name == "exists":
                exists = (await reader.read(64)).decode("utf-8", "replace").strip()
            elif part.name == "file" and blob is None:
                name = part.filename
                blob, path = state.new_blob()
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                try:
                    async for chunk in reader.stream():
                        os.write(fd, chunk)
                        digest.update(chunk)
                        size += len(chunk)
                finally:
                    os.close(fd)
            else:
                await reader.skip()
        if blob is None:
            raise ButtFSError(3019, "The 'file' part is required")
        state.stats.uploads += 1
        state.stats.bytes_uploaded += size
        name = _check_name(name, 3018)
        name, existing = _place(user, parent, name, exists, 3009)
        now = time.time()
        if existing is not None:
            if existing.is_folder:
                raise ButtFSError(2042, f"{name!r} exists and is a folder")
            if exists == "reuse" and existing.sha1 == digest.hexdigest():
                return ok(existing.meta())
            _snapshot(existing)
            existing.blob, existing.size = blob, size
            existing.version += 1
            existing.date_content_last_modified = existing.date_meta_last_modified = now
            existing.sha1 = digest.hexdigest()
            user.record("create", existing)
            return ok(existing.meta())
        item = Item(id=new_id(), type="file", name=name, parent_id=parent.id, blob=blob, size=size)
        item.set_name(name)
        item.sha1 = digest.hexdigest()
        user.items[item.id] = item
        user.record("create", item)
        return ok(item.meta())

    async def download(self, request: Request) -> Response:
        state = self.state
        item = self._file(request)
        if state.settings.download_redirect:
            return Response(302, b"", {"location": self._signed_url(item)})
        return self._blob_response(request, item.blob, item.size, item.mime, item.name)

    def _signed_url(self, item: Item) -> str:
        payload = json.dumps(
            {"b": item.blob, "s": item.size, "m": item.mime, "n": item.name, "e": time.time() + 900}
        ).encode()
        mac = hmac.new(self.state.secret, payload, hashlib.sha256).digest()[:16]
        token = f"{_b64(payload)}.{_b64(mac)}"
        return f"{self.state.urls['api']}/_download/{token}"

    async def signed_download(self, request: Request) -> Response:
        try:
            payload_text, mac_text = request.params["token"].split(".")
            payload, mac = _unb64(payload_text), _unb64(mac_text)
        except ValueError:
            raise ButtFSError(9000, "Invalid download URL", status=403) from None
        expected = hmac.new(self.state.secret, payload, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(mac, expected):
            raise ButtFSError(9000, "Invalid download URL", status=403)
        claims = json.loads(payload)
        if claims["e"] < time.time():
            raise ButtFSError(9000, "Download URL expired", status=403)
        return self._blob_response(request, claims["b"], claims["s"], claims["m"], claims["n"])

    def _blob_response(
        self, request: Request, blob: str | None, size: int, mime: str, name: str
    ) -> Response:
        state = self.state
        if blob is None:
            raise ButtFSError(3001, "The file has no content")
        headers = {
            "content-type": mime or "application/octet-stream",
            "accept-ranges": "bytes",
            "content-disposition": f"attachment; filename*=UTF-8''{quote(name, safe='')}",
        }
        byte_range = _byte_range(request.header("range"), size)
        status, start, end = 200, 0, size
        if byte_range is not None:
            status, (start, end) = 206, byte_range
            headers["content-range"] = f"bytes {start}-{end - 1}/{size}"
        state.stats.downloads += 1
        state.stats.bytes_downloaded += end - start
        path = state.blob_path(blob)
        return BlobResponse(status, headers, path, start, end, request.method == "HEAD")

    async def list_versions(self, request: Request) -> Response:
        item = self._file(request)
        query = request.query
        start = _int(query.get("start-version"), 0) or 0
        stop = _int(query.get("stop-version") or query.get("end-version"), None)
        limit = _int(query.get("limit"), 10) or 0
        metas = [
            meta
            for meta, _ in item.versions
            if meta["version"] >= start and (stop is None or meta["version"] < stop)
        ]
        if limit > 0:
            metas = metas[:limit]
        elif limit < 0:
            metas = metas[limit:]
        return ok(metas)

    async def version(self, request: Request) -> Response:
        user = user_of(request)
        item = self._file(request)
        number = int(request.params["version"])
        promote = request.query.get("operation") == "promote"
        if number == item.version and not promote:
            raise ButtFSError(9999, "The current version is not a prior version", status=400)
        found = next(((m, b) for m, b in item.versions if m["version"] == number), None)
        if found is None:
            if number == item.version:
                return ok(item.meta())
            raise ButtFSError(2046, f"Version {number} does not exist")
        meta, blob = found
        if request.method == "GET" or not promote:
            return ok(meta)
        _snapshot(item)
        item.blob, item.size, item.sha1 = blob, int(meta.get("size", 0)), ""
        item.mime = str(meta.get("mime", item.mime))
        item.version += 1
        item.date_content_last_modified = item.date_meta_last_modified = time.time()
        user.record("alter_meta", item, promoted_version=number)
        return ok(item.meta())

    # ---- trash ----
    async def browse_trash(self, request: Request) -> Response:
        user = user_of(request)
        item = user.resolve_trash(request.params["path"])
        if item is None:
            # No "meta" at the trash root (the spec's FolderListing.meta is not nullable).
            roots = [i.meta() for i in user.items.values() if i.trashed]
            return ok({"items": roots})
        children = user.children(item) if item.is_folder else []
        return ok({"meta": item.meta(), "items": [c.meta() for c in children]})

    async def delete_trash(self, request: Request) -> Response:
        user = user_of(request)
        item = user.resolve_trash(request.params["path"])
        if item is None:
            raise ButtFSError(9999, "The trash root cannot be deleted", status=400)
        user.record("delete", item)
        _purge(user, item)
        return ok({"success": True})

    async def restore(self, request: Request) -> Response:
        user = user_of(request)
        item = user.resolve_trash(request.params["path"])
        if item is None:
            raise ButtFSError(9999, "The trash root cannot be restored", status=400)
        form = await request.form()
        mode = form.get("restore", "fail")
        original = user.get(item.parent_id or "")
        target = original if original is not None and user.is_live(original) else None
        if mode == "fail":
            if target is None:
                raise ButtFSError(8004, "The original path no longer exists")
        elif mode == "rescue":
            if target is None:
                try:
                    target = user.resolve(form.get("rescue-path") or "/", 2002)
                except ButtFSError:
                    raise ButtFSError(9999, "Invalid rescue-path", status=409) from None
        elif mode == "recreate":
            if target is None:
                target = self._recreate(user, form.get("recreate-path") or "")
        else:
            raise ButtFSError(2033, f"Invalid restore value {mode!r}")
        if not target.is_folder:
            raise ButtFSError(9999, "The restore target is not a folder", status=409)
        if user.child_named(target, item.name) is not None:
            raise ButtFSError(9999, f"{item.name!r} already exists there", status=409)
        item.trashed = False
        item.parent_id = target.id
        item.date_meta_last_modified = time.time()
        user.record("move", item, to=user.path_of(target))
        return ok({"success": True, "meta": item.meta()})

    def _recreate(self, user: User, name_path: str) -> Item:
        current = user.root
        for name in (part for part in name_path.split("/") if part):
            existing = user.child_named(current, name)
            if existing is None:
                existing = Item(id=new_id(), type="folder", name=name, parent_id=current.id)
                user.items[existing.id] = existing
                user.record("create", existing)
            elif not existing.is_folder:
                raise ButtFSError(9999, f"{name!r} is a file", status=409)
            current = existing
        return current

    # ---- shares ----
    def _share(self, request: Request, *, unlocked: bool) -> Share:
        share = self.state.shares.get(request.params["key"])
        if share is None:
            raise ButtFSError(6004, "Share does not exist")
        token = str(request.scope.get(TOKEN_KEY))
        if unlocked and share.password is not None and token not in share.unlocked:
            raise ButtFSError(9000, "The share is locked: unlock it with its password", status=403)
        return share

    def _share_contents(self, share: Share) -> tuple[User, Item | None, list[Item]]:
        owner = self.state.users[share.owner]
        items = [
            item
            for item in (owner.get(i) for i in share.item_ids)
            if item is not None and owner.is_live(item)
        ]
        if len(items) == 1 and items[0].is_folder:
            return owner, items[0], owner.children(items[0])
        return owner, None, items

    def _share_body(self, share: Share) -> dict[str, Any]:
        owner, root, items = self._share_contents(share)
        top = [root] if root is not None else items
        size = sum(each.size for item in top for each in owner.walk(item))
        kind = top[0].type if len(top) == 1 else "multi"
        body: dict[str, Any] = {
            "share_key": share.key,
            "share_type": kind,
            "share_name": share.name,
            "url": f"{self.state.urls['api']}/v2/shares/{share.key}/",
            "short_url": f"{self.state.urls['api']}/s/{share.key}",
            "share_size": size,
            "date_created": int(share.date_created),
            "application_data": {},
        }
        if len(top) == 1:
            body["single_item"] = {
                "application_data": copy.deepcopy(top[0].application_data),
                "date_content_last_modified": int(top[0].date_content_last_modified),
                "date_meta_last_modified": int(top[0].date_meta_last_modified),
            }
        return body

    async def create_share(self, request: Request) -> Response:
        user = user_of(request)
        pairs = parse_qsl((await request.body()).decode("utf-8", "replace"), True)
        paths = [value for key, value in pairs if key == "path"]
        password = next((value for key, value in pairs if key == "password"), None) or None
        if not paths:
            raise ButtFSError(6001, "At least one 'path' is required")
        items = []
        for path in paths:
            try:
                items.append(user.resolve(path, 6002))
            except ButtFSError:
                raise ButtFSError(6002, f"Path {path} does not exist") from None
        share = Share(
            key=secrets.token_urlsafe(12),
            owner=user.username,
            item_ids=[item.id for item in items],
            name=items[0].name if len(items) == 1 else "Share",
            password=password,
        )
        if password is not None:
            share.unlocked.add(str(request.scope.get(TOKEN_KEY)))
        self.state.shares[share.key] = share
        user.record("share_create", None, share_key=share.key, paths=paths)
        return ok(self._share_body(share))

    async def list_shares(self, request: Request) -> Response:
        user = user_of(request)
        shares = [s for s in self.state.shares.values() if s.owner == user.username]
        return ok([self._share_body(share) for share in shares])

    async def browse_share(self, request: Request) -> Response:
        share = self._share(request, unlocked=True)
        owner, root, items = self._share_contents(share)
        meta = root.meta() if root is not None else None
        for part in (p for p in request.params["path"].split("/") if p):
            found = next((item for item in items if item.id == part), None)
            if found is None:
                raise ButtFSError(6002, "Path does not exist in the share")
            meta = found.meta()
            items = owner.children(found) if found.is_folder else []
        body: dict[str, Any] = {"share": self._share_body(share)}
        if meta is not None:
            body["meta"] = meta
        body["items"] = [i.meta() for i in items]
        return ok(body)

    async def receive_share(self, request: Request) -> Response:
        user = user_of(request)
        share = self._share(request, unlocked=True)
        form = await request.form()
        target = user.resolve(form.get("path") or "/", 2002)
        if not target.is_folder:
            raise ButtFSError(2002, "The destination is not a folder")
        exists = form.get("exists", "rename")
        owner, _, items = self._share_contents(share)
        received = []
        for item in items:
            name, existing = _place(user, target, item.name, exists, 2033)
            if existing is not None:
                _purge(user, existing)
            received.append(_clone(owner, user, item, target.id, name).meta())
        user.record("share_receive", None, share_key=share.key, path=user.path_of(target))
        return ok(received)

    async def unlock_share(self, request: Request) -> Response:
        share = self._share(request, unlocked=False)
        form = await request.form()
        if share.password is not None and form.get("password") != share.password:
            raise ButtFSError(9000, "Wrong share password", status=403)
        share.unlocked.add(str(request.scope.get(TOKEN_KEY)))
        return ok({"success": True})

    async def alter_share(self, request: Request) -> Response:
        user = user_of(request)
        share = self._share(request, unlocked=False)
        if share.owner != user.username:
            raise ButtFSError(10002, "Only the owner may alter a share")
        form = await request.form()
        if share.password is not None and form.get("current_password") != share.password:
            raise ButtFSError(9000, "current_password is missing or wrong", status=403)
        if "name" in form:
            share.name = form["name"]
        if "password" in form:
            share.password = form["password"] or None
            share.unlocked = {str(request.scope.get(TOKEN_KEY))}
        return ok(self._share_body(share))

    async def delete_share(self, request: Request) -> Response:
        user = user_of(request)
        share = self._share(request, unlocked=False)
        if share.owner != user.username:
            raise ButtFSError(10002, "Only the owner may delete a share")
        del self.state.shares[share.key]
        return ok({"success": True})


def _matches(item: Item, pattern: str) -> bool:
    import fnmatch

    key, sep, value = pattern.partition("=")
    if sep and key == "type":
        return item.type == value
    return fnmatch.fnmatchcase(item.name, pattern)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    if not header or "," in header:
        return None
    match = _RANGE.match(header)
    if match is None:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last) + 1, size) if last else size
    elif last:
        start, end = max(0, size - int(last)), size
    else:
        return None
    if start >= size or start >= end:
        raise ButtFSError(9000, f"Range not satisfiable (size {size})", status=416)
    return start, end
