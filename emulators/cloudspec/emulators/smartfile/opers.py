"""``/api/2/path/oper/...``: ``mkdir`` and ``rename`` answer at once; ``remove``, ``move``,
``copy``, ``checksum`` and ``compress`` start a task (:mod:`.tasks`).

Task results key their ``errors`` (and ``checksums``) by the normalised path (``/a/b``), or by
the text sent when it cannot be one. Move and copy never overwrite: an existing name in
``dst`` is that source's error. ``compress`` writes a ZIP (deflated) holding each path under
its own name, directories recursively.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable

from ..box.asgi import Request, Response, json_response
from .auth import Authenticator
from .errors import FieldErrors, field_error, not_found
from .forms import Params, body_params
from .info import info
from .state import State
from .tasks import Outcome, start
from .tree import Content, InvalidName, Node, normal, segments

ALGORITHMS = ("md5", "sha1", "sha256")
MISSING = "No such file or directory"


def _key(path: str) -> str:
    try:
        return normal(path)
    except InvalidName:
        return path


class _Sink:
    """A write-only file for :mod:`zipfile` that keeps what is written as chunks."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


class Operations:
    def __init__(self, state: State) -> None:
        self.state = state
        self.auth = Authenticator(state)

    async def _params(self, request: Request, *required: str) -> Params:
        params, signed = await body_params(request)
        self.auth.user(request, signed)
        params.require(*required)
        return params

    def _task(self, work: Callable[[], Outcome]) -> Response:
        return json_response({"uuid": start(self.state, work).uuid})

    # ---- synchronous ----
    async def mkdir(self, request: Request) -> Response:
        params = await self._params(request, "path")
        try:
            node = self.state.tree.mkdirs(params.get("path") or "")
        except InvalidName:
            raise field_error("path", "Invalid path.") from None
        except NotADirectoryError as exc:
            raise field_error("path", f"A file exists at {exc.args[0]}.") from None
        return json_response(info(self.state, node))

    async def rename(self, request: Request) -> Response:
        params = await self._params(request, "src", "dst")
        tree = self.state.tree
        node = tree.find(params.get("src") or "")
        if node is None:
            raise not_found()
        if node.parent is None:
            raise field_error("src", "Cannot rename the root directory.")
        dst = (params.get("dst") or "").rstrip("/")
        try:
            target = segments(dst if "/" in dst else f"{node.parent.path}/{dst}")
        except InvalidName:
            raise field_error("dst", "Invalid name.") from None
        if not target:
            raise field_error("dst", "Invalid name.")
        parent = tree.find("/".join(target[:-1]))
        if parent is None or parent.children is None:
            raise field_error("dst", "No such directory.")
        if target[-1] in parent.children:
            raise field_error("dst", "Destination already exists.")
        if parent.is_within(node):
            raise field_error("dst", "Cannot move a directory into itself.")
        return json_response(info(self.state, tree.move(node, parent, target[-1])))

    # ---- tasks ----
    async def remove(self, request: Request) -> Response:
        paths = (await self._params(request, "path")).getall("path")
        tree = self.state.tree

        def work() -> Outcome:
            errors: dict[str, str] = {}
            done = 0
            for path in paths:
                node = tree.find(path)
                if node is None:
                    errors[_key(path)] = MISSING
                elif node.parent is None:
                    errors[_key(path)] = "Cannot remove the root directory"
                else:
                    tree.remove(node)
                    done += 1
            return Outcome(done, errors)

        return self._task(work)

    async def move(self, request: Request) -> Response:
        return await self._transfer(request, copy=False)

    async def copy(self, request: Request) -> Response:
        return await self._transfer(request, copy=True)

    async def _transfer(self, request: Request, *, copy: bool) -> Response:
        params = await self._params(request, "src", "dst")
        sources, dst = params.getall("src"), params.get("dst") or ""
        tree = self.state.tree

        def work() -> Outcome:
            errors: dict[str, str] = {}
            done = 0
            target = tree.find(dst)
            for src in sources:
                node = tree.find(src)
                if node is None:
                    errors[_key(src)] = MISSING
                elif target is None or target.children is None:
                    errors[_key(src)] = f"Destination is not a directory: {_key(dst)}"
                elif node.parent is None or target.is_within(node):
                    errors[_key(src)] = "Cannot move or copy a directory into itself"
                elif node.name in target.children:
                    errors[_key(src)] = f"Destination exists: {target.children[node.name].path}"
                else:
                    if copy:
                        tree.copy(node, target, node.name)
                    else:
                        tree.move(node, target, node.name)
                    done += 1
            return Outcome(done, errors)

        return self._task(work)

    async def checksum(self, request: Request) -> Response:
        params = await self._params(request, "path")
        algorithm = (params.get("algorithm") or "md5").lower()
        if algorithm not in ALGORITHMS:
            raise field_error("algorithm", f'"{algorithm}" is not a valid choice.')
        paths = params.getall("path")
        tree = self.state.tree

        def work() -> Outcome:
            errors: dict[str, str] = {}
            sums: dict[str, str] = {}
            for path in paths:
                node = tree.find(path)
                if node is None or node.isdir:
                    errors[_key(path)] = MISSING if node is None else "Is a directory"
                    continue
                digest = hashlib.new(algorithm)
                for chunk in node.content.read():
                    digest.update(chunk)
                sums[node.path] = digest.hexdigest()
            return Outcome(len(sums), errors, {"checksums": sums})

        return self._task(work)

    async def compress(self, request: Request) -> Response:
        params = await self._params(request, "path", "dst", "name")
        paths, dst, name = params.getall("path"), params.get("dst") or "", params.get("name")
        if not name or "/" in name or name in (".", ".."):
            raise FieldErrors({"name": ["Invalid name."]})
        tree = self.state.tree

        def work() -> Outcome:
            errors: dict[str, str] = {}
            target = tree.find(dst)
            found: list[Node] = []
            for path in paths:
                node = tree.find(path)
                if node is None:
                    errors[_key(path)] = MISSING
                elif target is None or target.children is None:
                    errors[_key(path)] = f"Destination is not a directory: {_key(dst)}"
                else:
                    found.append(node)
            if target is None or not found:
                return Outcome(0, errors)
            sink = _Sink()
            with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[call-overload]
                for node in found:
                    _add(archive, node)
            try:
                stored = tree.write(target, name, Content.of(sink.chunks))
            except IsADirectoryError:
                errors[f"{target.path.rstrip('/')}/{name}"] = "A directory exists at this path"
                return Outcome(0, errors)
            return Outcome(len(found), errors, {"path": stored.path})

        return self._task(work)


def _add(archive: zipfile.ZipFile, node: Node) -> None:
    root = node.name or "root"
    for relative, item in node.walk(root):
        if item.isdir:
            archive.writestr(zipfile.ZipInfo(relative + "/"), b"")
            continue
        with archive.open(relative, "w") as out:
            for chunk in item.content.read():
                out.write(chunk)
