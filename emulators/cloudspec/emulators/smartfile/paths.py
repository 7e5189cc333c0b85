"""``/api/2/path/info/``, ``/api/2/path/data/`` and ``/api/3/path/data/``: listing, download
(with ``Range``), multipart upload, and the v3 raw-body PUT / PATCH-append / DELETE.

The path id is everything after the route's prefix, already percent-decoded by the server;
``//`` collapses and a trailing slash is optional (:func:`.tree.segments`). Auth is checked
before a body is read, so an OAuth signature here never covers the body (upload bodies are
multipart or raw, which RFC 5849 leaves out anyway).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any
from urllib.parse import quote

from ..box.asgi import Request, Response, json_response
from ..box.multipart import MultipartReader, boundary_of
from .auth import Authenticator
from .errors import SmartFileError, field_error, not_found
from .forms import page_slice, query, truthy
from .info import info
from .state import State
from .streaming import StreamResponse
from .tree import Content, InvalidName, Node, segments

_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
_APPEND_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d+)\s*-\s*$", re.IGNORECASE)


def _fields(request: Request) -> list[str]:
    names: list[str] = []
    for value in query(request).getall("fields"):
        names.extend(name.strip() for name in value.split(",") if name.strip())
    return names


def _range(header: str | None, size: int) -> tuple[int, int] | None:
    """``[start, end)`` of a single-range ``Range`` header; None to send everything.
    A header that is not one byte range is ignored (RFC 9110 lets a server do so)."""
    match = _RANGE.match(header or "")
    if match is None or not (match.group(1) or match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if first:
        start = int(first)
        end = min(size, int(last) + 1) if last else size
        if last and int(last) < start:
            return None
    else:
        start, end = max(0, size - int(last)), size
        if int(last) == 0:
            start = size
    if start >= size or start >= end:
        raise SmartFileError(
            416, "Requested range not satisfiable.", {"content-range": f"bytes */{size}"}
        )
    return start, end


def _name_of(filename: str) -> str:
    """A part's file name without any directory a client put in it."""
    return posixpath.basename(filename.replace("\\", "/"))


class Paths:
    def __init__(self, state: State) -> None:
        self.state = state
        self.auth = Authenticator(state)

    def _node(self, path: str) -> Node:
        node = self.state.tree.find(path)
        if node is None:
            raise not_found()
        return node

    # ---- /api/2/path/info/{path} ----
    async def info(self, request: Request) -> Response:
        self.auth.user(request)
        state = self.state
        node = self._node(request.params["path"])
        body = info(state, node)
        if node.children is not None and truthy(query(request).get("children")):
            names = sorted(node.children)
            page, pages, per_page = page_slice(request, len(names), state.settings.per_page)
            fields = _fields(request)
            children: list[dict[str, Any]] = []
            for name in names[(page - 1) * per_page : page * per_page]:
                child = info(state, node.children[name])
                if fields:
                    child = {key: child[key] for key in fields if key in child}
                children.append(child)
            body.update(
                children=children, page=page, pages=pages, total=len(names), per_page=per_page
            )
        return json_response(body)

    # ---- /api/2/path/data/{path} ----
    async def download(self, request: Request) -> Response:
        self.auth.user(request)
        state = self.state
        node = self._node(request.params["path"])
        if node.isdir:
            raise SmartFileError(400, "Cannot download a directory.")
        content = node.content
        headers = {
            "content-type": node.mime(),
            "accept-ranges": "bytes",
            "content-disposition": f"attachment; filename*=UTF-8''{quote(node.name, safe='')}",
        }
        wanted = _range(request.header("range"), content.size)
        status, start, end = 200, 0, content.size
        if wanted is not None:
            status, (start, end) = 206, wanted
            headers["content-range"] = f"bytes {start}-{end - 1}/{content.size}"
        state.stats.downloads += 1

        def sent(count: int) -> None:
            state.stats.bytes_out += count

        return StreamResponse(status, headers, content.read(start, end), end - start, sent)

    async def upload(self, request: Request) -> Response:
        self.auth.user(request)
        state = self.state
        directory = self._node(request.params["path"])
        if not directory.isdir:
            raise SmartFileError(400, "Not a directory.")
        reader = MultipartReader(request.chunks(), boundary_of(request.header("content-type")))
        stored: list[Node] = []
        while (part := await reader.next_part()) is not None:
            name = _name_of(part.filename or "")
            if not name:
                await reader.skip()
                continue
            content = Content.of([chunk async for chunk in reader.stream()])
            stored.append(self._write(directory, name, content, "file"))
        if not stored:
            raise field_error("file", "No file was submitted.")
        if len(stored) == 1:
            return json_response(info(state, stored[0]))
        return json_response([info(state, node) for node in stored])

    def _write(self, directory: Node, name: str, content: Content, field: str) -> Node:
        try:
            node = self.state.tree.write(directory, name, content)
        except InvalidName:
            raise field_error(field, f"Invalid file name {name!r}.") from None
        except IsADirectoryError:
            raise SmartFileError(400, "A directory exists at this path.") from None
        self.state.stats.uploads += 1
        self.state.stats.bytes_in += content.size
        return node

    # ---- /api/3/path/data/{path} ----
    async def put(self, request: Request) -> Response:
        self.auth.user(request)
        try:
            names = segments(request.params["path"])
        except InvalidName:
            raise not_found() from None
        if not names:
            raise SmartFileError(400, "Cannot write to the root directory.")
        parent = self._node("/".join(names[:-1]))
        if not parent.isdir:
            raise not_found()
        content = Content.of([chunk async for chunk in request.chunks()])
        return json_response(info(self.state, self._write(parent, names[-1], content, "path")))

    async def append(self, request: Request) -> Response:
        self.auth.user(request)
        node = self._node(request.params["path"])
        if node.isdir:
            raise SmartFileError(400, "Cannot write to a directory.")
        match = _APPEND_RANGE.match(request.header("range") or "")
        if match is None:
            raise SmartFileError(400, "A Range header of the form bytes=N- is required.")
        if int(match.group(1)) != node.content.size:
            raise SmartFileError(
                416,
                "Requested range not satisfiable.",
                {"content-range": f"bytes */{node.content.size}"},
            )
        content = Content.of([chunk async for chunk in request.chunks()])
        self.state.tree.append(node, content)
        self.state.stats.uploads += 1
        self.state.stats.bytes_in += content.size
        return json_response(info(self.state, node))

    async def delete(self, request: Request) -> Response:
        self.auth.user(request)
        node = self._node(request.params["path"])
        if node.isdir:
            raise SmartFileError(400, "Cannot delete a directory; use path/oper/remove/.")
        self.state.tree.remove(node)
        return Response(204)
