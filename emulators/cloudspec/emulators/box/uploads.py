"""The upload host (``{upload}/2.0/...``): direct uploads, new versions and upload sessions.

Bodies are written to disk as they arrive and hashed on the way, once; nothing holds a whole
file or part in memory.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import os
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from .asgi import BoxError, Request, Response, Router, json_response
from .conflicts import check_file_conflict
from .multipart import MultipartReader, PartInfo, boundary_of
from .render import files_list, parse_fields
from .sessions import Part, UploadSession, new_part_id, new_session_id, sha1_of_range
from .state import File, Folder, State, check_name, timestamp

PREFIX = "/api/2.0"
_MAX_ATTRIBUTES = 64 * 1024
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+)\s*$", re.IGNORECASE)


def upload_router(state: State) -> Router:
    router = Router()
    uploads = _Uploads(state)
    router.add(["POST"], f"{PREFIX}/files/content", uploads.upload_file)
    router.add(["POST"], f"{PREFIX}/files/upload_sessions", uploads.create_session)
    router.add(["POST"], f"{PREFIX}/files/{{file_id}}/content", uploads.upload_version)
    router.add(
        ["POST"], f"{PREFIX}/files/{{file_id}}/upload_sessions", uploads.create_version_session
    )
    session = f"{PREFIX}/files/upload_sessions/{{session_id}}"
    router.add(["PUT"], session, uploads.upload_part)
    router.add(["GET"], session, uploads.session_status)
    router.add(["DELETE"], session, uploads.abort)
    router.add(["GET"], f"{session}/parts", uploads.list_parts)
    router.add(["POST"], f"{session}/commit", uploads.commit)
    router.add(["POST"], f"{session}/log", uploads.log_event)
    return router


class _Uploads:
    def __init__(self, state: State) -> None:
        self.state = state

    # -- direct uploads ----------------------------------------------------------------------

    async def upload_file(self, request: Request) -> Response:
        state, user = self.state, request.user
        expected_sha1 = _content_sha1(request)
        reader = MultipartReader(request.chunks(), boundary_of(request.header("content-type")))
        part = await _next_known(reader)
        if part is None or part.name != "attributes":
            if part is not None:
                raise BoxError(
                    400,
                    "metadata_after_file_contents",
                    "Metadata (attributes) must be sent before the file contents",
                )
            raise BoxError(400, "bad_request", "The 'attributes' form field is required")
        attributes = _attributes(await reader.read(_MAX_ATTRIBUTES))
        name = check_name(attributes.get("name"))
        parent_ref = attributes.get("parent")
        if not isinstance(parent_ref, dict) or "id" not in parent_ref:
            raise BoxError(400, "bad_request", "'attributes.parent.id' is required")
        parent = state.folder(user, str(parent_ref["id"]))
        check_file_conflict(parent, name)
        part = await _next_known(reader)
        if part is None or part.name != "file":
            raise BoxError(400, "bad_request", "The 'file' form field is required")
        path = state.scratch_path(new_session_id())
        try:
            sha1, size = await _receive(reader.stream(), path)
            await _skip_rest(reader)
            _check_sha1(expected_sha1, sha1)
            _check_alive(user, parent)
            state.check_space(user, size)
            check_file_conflict(parent, name)
            version = state.new_version_record(sha1, size, path)
        finally:
            path.unlink(missing_ok=True)
        file = state.create_file(parent, name, version)
        _apply_attributes(file, attributes)
        state.stats.uploads += 1
        state.stats.bytes_uploaded += size
        return json_response(files_list([file], parse_fields(request.query.get("fields"))), 201)

    async def upload_version(self, request: Request) -> Response:
        state, user = self.state, request.user
        file = state.file(user, request.params["file_id"])
        _check_if_match(request, file)
        expected_sha1 = _content_sha1(request)
        reader = MultipartReader(request.chunks(), boundary_of(request.header("content-type")))
        attributes: dict[str, Any] = {}
        part = await _next_known(reader)
        if part is not None and part.name == "attributes":
            attributes = _attributes(await reader.read(_MAX_ATTRIBUTES))
            part = await _next_known(reader)
        if part is None or part.name != "file":
            raise BoxError(400, "bad_request", "The 'file' form field is required")
        new_name = attributes.get("name")
        if new_name is not None:
            check_name(new_name)
            if new_name.casefold() != file.name.casefold():
                check_file_conflict(file.parent, new_name)
        path = state.scratch_path(new_session_id())
        try:
            sha1, size = await _receive(reader.stream(), path)
            while (extra := await reader.next_part()) is not None:
                if extra.name == "attributes":
                    raise BoxError(
                        400,
                        "metadata_after_file_contents",
                        "Metadata (attributes) must be sent before the file contents",
                    )
                await reader.skip()
            _check_sha1(expected_sha1, sha1)
            _check_alive(user, file)
            state.check_space(user, size)
            if new_name is not None and new_name.casefold() != file.name.casefold():
                check_file_conflict(file.parent, new_name)  # taken while the body arrived?
            version = state.new_version_record(sha1, size, path)
        finally:
            path.unlink(missing_ok=True)
        state.add_version(file, version, new_name)
        _apply_attributes(file, attributes)
        state.stats.uploads += 1
        state.stats.bytes_uploaded += size
        return json_response(files_list([file], parse_fields(request.query.get("fields"))), 200)

    # -- upload sessions ---------------------------------------------------------------------

    async def create_session(self, request: Request) -> Response:
        user = request.user
        body = await request.json()
        folder_id = body.get("folder_id")
        if folder_id is None or folder_id == "":
            raise BoxError(400, "missing_destination", "'folder_id' is required")
        if not isinstance(folder_id, str | int) or not str(folder_id).isdigit():
            raise BoxError(400, "invalid_folder_id", "'folder_id' is not valid")
        size = _file_size(body)
        name = body.get("file_name")
        if name is None or name == "":
            raise BoxError(400, "missing_file_name", "'file_name' is required")
        _check_session_name(name)
        folder = user.items.get(str(folder_id))
        if not isinstance(folder, Folder):
            raise BoxError(
                404, "invalid_parameter", "The folder does not exist or is not accessible"
            )
        self._check_session_size(user, size)
        check_file_conflict(folder, name)
        session = self._new_session(user, folder.id, None, name, size)
        return json_response(self._session_json(session), 201)

    async def create_version_session(self, request: Request) -> Response:
        state, user = self.state, request.user
        file = state.file(user, request.params["file_id"])
        body = await request.json()
        size = _file_size(body)
        name = body.get("file_name") or file.name
        _check_session_name(name)
        if name.casefold() != file.name.casefold():
            check_file_conflict(file.parent, name)
        self._check_session_size(user, size)
        session = self._new_session(user, file.parent.id, file.id, name, size)
        return json_response(self._session_json(session), 201)

    async def upload_part(self, request: Request) -> Response:
        session = self._session(request)
        digest = _digest(request)
        lo, hi, total = _content_range(request)
        size = hi - lo + 1
        part_size = session.part_size
        if (
            total != session.file_size
            or hi < lo
            or hi >= total
            or lo % part_size
            or size > part_size
            or (size != part_size and hi != total - 1)
        ):
            raise BoxError(
                416,
                "requested_range_not_satisfiable",
                "The content range does not match a part of the upload session: parts start "
                f"at multiples of part_size {part_size}, every part but the last has exactly "
                f"that size, and the total is the file size {session.file_size}",
            )
        if session.overlaps(lo, hi + 1):
            raise BoxError(
                409,
                "range_overlaps_existing_part",
                "Part overlaps with a previously uploaded part",
            )
        span = (lo, hi + 1)
        session.in_flight.add(span)
        try:
            received = await _receive_at(request.chunks(), session.path, lo, size)
            if received != size:
                raise BoxError(
                    400, "bad_request", f"Expected {size} bytes (Content-Range), got {received}"
                )
            # Hashed from the page cache in a worker thread, not chunk by chunk on the event
            # loop: the loop's time goes to moving bytes, and hashing runs on another core.
            sha1 = await asyncio.to_thread(sha1_of_range, session.path, lo, size)
        finally:
            session.in_flight.discard(span)
        if sha1 != digest:
            raise BoxError(400, "bad_digest", "The digest of the part does not match its contents")
        if self.state.sessions.get(session.id) is not session:
            raise BoxError(404, "not_found", "Upload session not found")
        part = Part(new_part_id(), lo, size, sha1.hex())
        session.parts[lo] = part
        session.hasher.kick(session.parts)
        self.state.stats.upload_parts += 1
        self.state.stats.bytes_uploaded += size
        return json_response({"part": part.as_json()})

    async def session_status(self, request: Request) -> Response:
        return json_response(self._session_json(self._session(request)))

    async def list_parts(self, request: Request) -> Response:
        session = self._session(request)
        offset = _int_query(request, "offset", 0)
        limit = min(_int_query(request, "limit", 100), 1000)
        parts = session.sorted_parts()
        return json_response(
            {
                "total_count": len(parts),
                "limit": limit,
                "offset": offset,
                "order": [{"by": "offset", "direction": "ASC"}],
                "entries": [part.as_json() for part in parts[offset : offset + limit]],
            }
        )

    async def abort(self, request: Request) -> Response:
        session = self._session(request)
        self._drop(session)
        return Response(204)

    async def log_event(self, request: Request) -> Response:
        self._session(request)
        await request.drain()
        return Response(204)

    async def commit(self, request: Request) -> Response:
        state = self.state
        session = self._session(request)
        digest = _digest(request)
        body = await request.json()
        listed = body.get("parts")
        if not isinstance(listed, list):
            raise BoxError(400, "bad_request", "'parts' must be a list of uploaded parts")
        uploaded = session.sorted_parts()
        if not _same_parts(listed, uploaded):
            raise BoxError(
                400,
                "bad_request",
                "The parts list does not match the uploaded parts (all of them, by offset)",
            )
        if sum(part.size for part in uploaded) != session.file_size:
            raise BoxError(400, "bad_request", "The uploaded parts do not cover the whole file")
        if session.file_id is not None:
            _check_if_match(request, state.file(session.user, session.file_id))
        if session.committing:
            return Response(202, b"", {"retry-after": "1"})
        session.committing = True
        try:
            whole = await session.hasher.digest(session.parts, session.file_size)
        finally:
            session.committing = False
        if state.sessions.get(session.id) is not session:
            raise BoxError(404, "not_found", "Upload session not found")
        if whole != digest:
            raise BoxError(400, "bad_digest", "The digest of the file does not match its contents")
        session.commits += 1
        if state.settings.commit_accepted_first and session.commits == 1:
            return Response(202, b"", {"retry-after": "1"})
        attributes = body.get("attributes")
        attributes = attributes if isinstance(attributes, dict) else {}
        file = self._finish(session, whole.hex())
        _apply_attributes(file, attributes)
        state.stats.commits += 1
        return json_response(files_list([file], parse_fields(request.query.get("fields"))), 201)

    # -- helpers -------------------------------------------------------------------------------

    def _finish(self, session: UploadSession, sha1: str) -> File:
        state, user = self.state, session.user
        if session.file_id is not None:
            file = state.file(user, session.file_id)
            if session.file_name.casefold() != file.name.casefold():
                check_file_conflict(file.parent, session.file_name)
            version = state.new_version_record(sha1, session.file_size, session.path)
            state.add_version(file, version, session.file_name)
        else:
            folder = user.items.get(session.folder_id)
            if not isinstance(folder, Folder):
                raise BoxError(404, "not_found", "The destination folder no longer exists")
            check_file_conflict(folder, session.file_name)
            version = state.new_version_record(sha1, session.file_size, session.path)
            file = state.create_file(folder, session.file_name, version)
        del state.sessions[session.id]
        return file

    def _new_session(
        self, user: Any, folder_id: str, file_id: str | None, name: str, size: int
    ) -> UploadSession:
        state = self.state
        session_id = new_session_id()
        path = state.scratch_path(session_id)
        # A sparse file of the final size: parts are written in place at their offsets.
        with path.open("wb") as handle:
            handle.truncate(size)
        expires = time.time() + state.settings.upload_session_ttl
        session = UploadSession(
            id=session_id,
            user=user,
            folder_id=folder_id,
            file_id=file_id,
            file_name=name,
            file_size=size,
            part_size=state.settings.part_size,
            expires_at=expires,
            expires_at_text=timestamp(expires),
            path=path,
        )
        state.sessions[session_id] = session
        return session

    def _session_json(self, session: UploadSession) -> dict[str, Any]:
        base = f"{self.state.urls['upload']}/2.0/files/upload_sessions/{session.id}"
        return {
            "id": session.id,
            "type": "upload_session",
            "session_expires_at": session.expires_at_text,
            "part_size": session.part_size,
            "total_parts": session.total_parts,
            "num_parts_processed": len(session.parts),
            "session_endpoints": {
                "upload_part": base,
                "commit": f"{base}/commit",
                "abort": base,
                "list_parts": f"{base}/parts",
                "status": base,
                "log_event": f"{base}/log",
            },
        }

    def _session(self, request: Request) -> UploadSession:
        session = self.state.sessions.get(request.params["session_id"])
        if session is None or session.user is not request.user:
            raise BoxError(404, "not_found", "Upload session not found")
        if session.expires_at <= time.time():
            self._drop(session)
            raise BoxError(410, "session_expired", "The upload session has expired")
        return session

    def _drop(self, session: UploadSession) -> None:
        self.state.sessions.pop(session.id, None)
        session.path.unlink(missing_ok=True)

    def _check_session_size(self, user: Any, size: int) -> None:
        if size < self.state.settings.chunked_min_size:
            raise BoxError(
                400,
                "file_size_too_small",
                f"File size is less than the minimum of {self.state.settings.chunked_min_size} "
                "bytes for a chunked upload session",
            )
        self.state.check_space(user, size)


async def _next_known(reader: MultipartReader) -> PartInfo | None:
    """The next ``attributes`` or ``file`` part; other fields are skipped."""
    while (part := await reader.next_part()) is not None:
        if part.name in ("attributes", "file"):
            return part
        await reader.skip()
    return None


async def _skip_rest(reader: MultipartReader) -> None:
    while await reader.next_part() is not None:
        await reader.skip()


async def _receive(chunks: AsyncIterator[bytes], path: Path) -> tuple[str, int]:
    """Write ``chunks`` to ``path``; their SHA-1 (hex) and size."""
    sha1 = hashlib.sha1()
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        async for chunk in chunks:
            _write_all(fd, chunk, size)
            sha1.update(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    return sha1.hexdigest(), size


async def _receive_at(chunks: AsyncIterator[bytes], path: Path, offset: int, size: int) -> int:
    """Write at most ``size`` bytes at ``offset``; the count received (all of it).

    Bytes beyond ``size`` are counted but never written: they would land in the next part.
    """
    received = 0
    fd = os.open(path, os.O_WRONLY)
    try:
        async for chunk in chunks:
            end = received + len(chunk)
            if end <= size:
                _write_all(fd, chunk, offset + received)
            received = end
    finally:
        os.close(fd)
    return received


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view = view[written:]
        offset += written


def _attributes(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except ValueError:
        raise BoxError(400, "bad_request", "'attributes' must be a JSON object") from None
    if not isinstance(value, dict):
        raise BoxError(400, "bad_request", "'attributes' must be a JSON object")
    return value


def _apply_attributes(file: File, attributes: dict[str, Any]) -> None:
    description = attributes.get("description")
    if isinstance(description, str):
        file.description = description


def _content_sha1(request: Request) -> str | None:
    # Box's `content-md5` header carries the SHA-1 (hex) of the file, despite its name.
    value = request.header("content-md5")
    return value.strip().lower() if value else None


def _check_sha1(expected: str | None, actual: str) -> None:
    if expected is not None and expected != actual:
        raise BoxError(
            400, "bad_digest", "The specified content-md5 did not match what we received"
        )


def _check_alive(user: Any, item: Folder | File) -> None:
    if user.items.get(item.id) is not item:
        raise BoxError(404, "not_found", "The item was deleted during the upload")


def _check_if_match(request: Request, file: File) -> None:
    expected = request.header("if-match")
    if expected is not None and expected.strip('"') != str(file.etag):
        raise BoxError(
            412,
            "precondition_failed",
            "The resource has been modified. Please retrieve the resource again and retry",
        )


def _check_session_name(name: object) -> None:
    try:
        check_name(name)
    except BoxError as exc:
        if exc.code == "bad_request":
            raise BoxError(400, "item_name_invalid", "'file_name' is not valid") from None
        raise


def _file_size(body: dict[str, Any]) -> int:
    size = body.get("file_size")
    if size is None:
        raise BoxError(400, "missing_file_size", "'file_size' is required")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise BoxError(400, "invalid_file_size", "'file_size' must be a non-negative integer")
    return size


def _digest(request: Request) -> bytes:
    """The SHA-1 of ``digest: sha=<base64>`` (RFC 3230; ``SHA=`` as legacy boxsdk sends it)."""
    for item in (request.header("digest") or "").split(","):
        algorithm, sep, value = item.strip().partition("=")
        if sep and algorithm.strip().lower() == "sha":
            try:
                raw = base64.b64decode(value.strip(), validate=True)
            except (binascii.Error, ValueError):
                break
            if len(raw) == 20:
                return raw
            break
    raise BoxError(400, "bad_digest", "A 'digest: sha=<base64 SHA-1>' header is required")


def _content_range(request: Request) -> tuple[int, int, int]:
    match = _CONTENT_RANGE.match(request.header("content-range") or "")
    if match is None:
        raise BoxError(
            400, "bad_request", "A 'content-range: bytes <lo>-<hi>/<total>' header is required"
        )
    lo, hi, total = (int(group) for group in match.groups())
    return lo, hi, total


def _int_query(request: Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit():
        raise BoxError(400, f"invalid_{name}", f"'{name}' must be a non-negative integer")
    return int(raw)


def _same_parts(listed: list[Any], uploaded: list[Part]) -> bool:
    if len(listed) != len(uploaded):
        return False
    for given, part in zip(listed, uploaded, strict=True):
        if not isinstance(given, dict):
            return False
        if (
            given.get("part_id") != part.part_id
            or given.get("offset") != part.offset
            or given.get("size") != part.size
        ):
            return False
        if "sha1" in given and str(given["sha1"]).lower() != part.sha1:
            return False
    return True
