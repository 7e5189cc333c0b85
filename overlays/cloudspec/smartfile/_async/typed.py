"""Typed helpers on both SmartFile clients, each built from its generated operation.

Paths are the user's (``"/Documents/a b?.txt"``): the generated code percent-encodes every
character but ``/``. Long operations (move, copy, remove, checksum, compress) start a task on
the server; the helpers wait for it (``wait=False`` answers the task reference at once), raise
:class:`~cloudspec.smartfile.errors.PartialFailure` when some paths failed,
:class:`~cloudspec.smartfile.errors.TaskFailed` when all did, and
:class:`~cloudspec.smartfile.errors.TaskTimeout` when ``timeout`` runs out first.
"""

from __future__ import annotations

import builtins
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any, TypeVar, cast

import httpx

from cloudspec.core import errors as core
from cloudspec.core._async.download import async_download_to_path as async_fetch_to_path
from cloudspec.core._backends import async_sleep
from cloudspec.core.limits import EXT_MAX_RESPONSE_BYTES
from cloudspec.core.parsing import Parseable, parse, parse_list
from cloudspec.core.redact import Redactor
from cloudspec.core.retry import EXT_IDEMPOTENT
from cloudspec.smartfile_api.api.data import download_file, upload_files
from cloudspec.smartfile_api.api.links import create_link, delete_link, list_links
from cloudspec.smartfile_api.api.oper import (
    checksum_paths,
    compress_paths,
    copy_paths,
    mkdir,
    move_paths,
    remove_paths,
    rename_path,
)
from cloudspec.smartfile_api.api.paths import get_path_info
from cloudspec.smartfile_api.api.ping import ping, whoami
from cloudspec.smartfile_api.api.tasks import get_task
from cloudspec.smartfile_api.models import (
    ChecksumRequest,
    CompressRequest,
    CreateLinkRequest,
    Link,
    MkdirRequest,
    MoveCopyRequest,
    PathInfo,
    Ping,
    RemoveRequest,
    RenameRequest,
    Task,
    TaskOutcome,
    TaskOutcomeChecksums,
    TaskOutcomeErrors,
    TaskRef,
    UploadFilesRequest,
    Whoami,
)
from cloudspec.smartfile_api.models.checksum_algorithm import check_checksum_algorithm
from cloudspec.smartfile_api.types import UNSET
from cloudspec.smartfile_api.types import File as Payload

from ..errors import (
    APIError,
    MalformedResponseError,
    PartialFailure,
    RangeNotSatisfiableError,
    RequestError,
    ServerError,
    TaskFailed,
    TaskTimeout,
    ThrottledError,
    map_transport_errors,
    transport_error,
)
from ..uploads import from_here, replayable
from .stream import AsyncResponseStream

__all__ = ["DEFAULT_TASK_TIMEOUT", "AsyncTypedCalls"]

DEFAULT_TASK_TIMEOUT = 300.0
_FIRST_POLL = 0.2
_MAX_POLL = 5.0
_POLL_FAILURES = 3
_DONE = frozenset({"SUCCESS", "FAILURE", "REVOKED"})
_M = TypeVar("_M")


def _parse(model: type[Parseable[_M]], body: Any) -> _M:
    """SmartFile's answer as ``model``; a body that does not fit is a typed error."""
    return parse(model, body, error=MalformedResponseError)


def _parse_list(model: type[Parseable[_M]], items: Any) -> builtins.list[_M]:
    """A page's items (none when absent); anything but a list of objects is a typed error."""
    return [] if items is None else parse_list(model, items, error=MalformedResponseError)


def _paths(value: str | Sequence[str]) -> builtins.list[str]:
    return [value] if isinstance(value, str) else builtins.list(value)


def _outcome(task: Task) -> tuple[str, dict[str, str]]:
    status = str(task.result.status).upper()
    outcome = task.result.result
    errors: dict[str, str] = {}
    if isinstance(outcome, TaskOutcome) and isinstance(outcome.errors, TaskOutcomeErrors):
        errors = {str(k): str(v) for k, v in outcome.errors.additional_properties.items()}
    return status, errors


class AsyncTypedCalls:
    """Mixed into the clients, which provide the HTTP plumbing."""

    _http: httpx.AsyncClient
    _redactor: Redactor

    def _auth(self) -> httpx.Auth:
        raise NotImplementedError

    async def _send(
        self,
        build: Any,
        rewind: Any = None,
        *,
        decode: bool = True,
        stream: bool = False,
        auth: httpx.Auth | None = None,
    ) -> Any:
        raise NotImplementedError

    def _throttle_delay(self, response: httpx.Response, attempt: int) -> float:
        raise NotImplementedError

    async def _op(
        self,
        kwargs: Mapping[str, Any],
        rewind: Callable[[], bool] | None = None,
        *,
        idempotent: bool = False,
    ) -> Any:
        """Send a generated operation's request and answer its JSON. ``idempotent``: a POST
        that a replay cannot apply twice, so the transport may re-send it after a drop."""

        def build() -> httpx.Request:
            params = kwargs.get("params") or None
            return self._http.build_request(
                str(kwargs["method"]).upper(),
                str(kwargs["url"]),
                params=params,
                headers=kwargs.get("headers") or None,
                data=kwargs.get("data"),
                files=kwargs.get("files"),
                extensions={EXT_IDEMPOTENT: True} if idempotent else None,
            )

        return await self._send(build, rewind, decode=False)

    # ---- service ----

    async def ping(self) -> Ping:
        """``GET /api/2/ping/``."""
        return _parse(Ping, await self._op(ping._get_kwargs()))

    async def whoami(self) -> Whoami:
        """``GET /api/2/whoami/``: the user and site the credentials belong to."""
        return _parse(Whoami, await self._op(whoami._get_kwargs()))

    # ---- paths ----

    async def info(self, path: str) -> PathInfo:
        """``GET /api/2/path/info/{path}``."""
        return _parse(PathInfo, await self._op(get_path_info._get_kwargs(path)))

    async def iter_children(
        self, path: str = "/", *, page_size: int = 100, fields: Sequence[str] | None = None
    ) -> AsyncIterator[PathInfo]:
        """Every item of the directory ``path``, a page of ``page_size`` at a time."""
        page = 1
        while True:
            kwargs = get_path_info._get_kwargs(
                path,
                children=True,
                limit=page_size,
                page=page,
                fields=UNSET if fields is None else builtins.list(fields),
            )
            body = await self._op(kwargs)
            children = body.get("children") if isinstance(body, Mapping) else None
            for child in _parse_list(PathInfo, children):
                yield child
            pages = body.get("pages") if isinstance(body, Mapping) else None
            if not children or not isinstance(pages, int) or page >= pages:
                return
            page += 1

    async def ls(self, path: str = "/", *, page_size: int = 100) -> builtins.list[PathInfo]:
        """:meth:`iter_children`, collected."""
        return [child async for child in self.iter_children(path, page_size=page_size)]

    async def mkdir(self, path: str) -> PathInfo:
        """``POST /api/2/path/oper/mkdir/`` (parents too; an existing directory is fine)."""
        kwargs = mkdir._get_kwargs(body=MkdirRequest(path=path))
        # Making a directory that exists is a success: a replay after a lost answer is safe.
        return _parse(PathInfo, await self._op(kwargs, idempotent=True))

    async def rename(self, src: str, dst: str) -> PathInfo:
        """``POST /api/2/path/oper/rename/``: ``dst`` is a new name, or a path."""
        kwargs = rename_path._get_kwargs(body=RenameRequest(src=src, dst=dst))
        return _parse(PathInfo, await self._op(kwargs))

    # ---- transfers ----

    async def upload(
        self,
        filename: str | os.PathLike[str],
        fileobj: IO[bytes] | None = None,
        *,
        directory: str = "/",
    ) -> PathInfo:
        """Upload into ``directory`` (the root by default, as the original did):
        ``upload("a.txt", fileobj)`` sends ``fileobj`` as ``a.txt``; ``upload(local_path)``
        streams that local file under its own name."""
        if fileobj is not None:
            return await self._upload(str(filename), fileobj, directory)
        local = Path(filename)
        with local.open("rb") as stream:
            return await self._upload(local.name, stream, directory)

    async def _upload(self, name: str, stream: IO[bytes], directory: str) -> PathInfo:
        view = from_here(stream)
        rewind = replayable([view])
        body = UploadFilesRequest(
            file=Payload(payload=cast(Any, view), file_name=PurePosixPath(name).name)
        )
        answer = await self._op(upload_files._get_kwargs(directory, body=body), rewind)
        if isinstance(answer, builtins.list):
            answer = answer[0] if answer else {}
        return _parse(PathInfo, answer)

    async def read_range(self, path: str, start: int = 0, end: int | None = None) -> bytes:
        """Bytes ``[start, end)`` of the file ``path`` (``end=None``: to its end), with one
        ``Range`` request; ``b""`` for an empty window or one that starts past the end."""
        if start < 0 or (end is not None and end <= start):
            return b""
        range_ = f"bytes={start}-" if end is None else f"bytes={start}-{end - 1}"
        kwargs = download_file._get_kwargs(path, range_=range_)

        def build() -> httpx.Request:
            return self._http.build_request("GET", str(kwargs["url"]), headers=kwargs["headers"])

        try:
            stream: AsyncResponseStream = await self._send(build, stream=True)
        except RangeNotSatisfiableError:
            return b""
        async with stream:
            data = await stream.read()
            if stream.response.status_code == 200 and start:
                # The server ignored Range and sent everything: cut the window out.
                return data[start:end]
            return data if end is None else data[: end - start]

    async def download(
        self,
        path: str,
        perform_download: bool = True,
        download_to_path: str | os.PathLike[str] | None = None,
    ) -> Path | AsyncResponseStream:
        """Download ``path`` to ``download_to_path`` (a directory keeps the remote name; the
        default is the remote name in the current directory), streamed, resumed with Range
        after a dropped connection, checked against the size the server reported, and renamed
        into place only when complete. ``perform_download=False`` answers a stream instead."""
        kwargs = download_file._get_kwargs(path)
        if not perform_download:

            def build() -> httpx.Request:
                return self._http.build_request(
                    "GET", str(kwargs["url"]), extensions={EXT_MAX_RESPONSE_BYTES: None}
                )

            stream: AsyncResponseStream = await self._send(build, stream=True)
            return stream
        name = PurePosixPath(path).name
        if not name:
            raise APIError(f"{path!r} names no file")
        target = Path(download_to_path) if download_to_path is not None else Path(name)
        if target.is_dir():
            target = target / name
        attempt = 1
        while True:
            try:
                with map_transport_errors(self._redactor):
                    return await async_fetch_to_path(
                        self._http, str(kwargs["url"]), target, auth=self._auth()
                    )
            except core.APIError as exc:
                if exc.response is None:
                    raise
                # Throttling (429, or 503 + X-Throttle) is waited out here too, as for every
                # other call: the download transport does not retry it.
                try:
                    wait = self._throttle_delay(exc.response, attempt)
                except APIError as typed:
                    raise typed from exc
            except core.TransportError as exc:
                if isinstance(exc, RequestError):
                    raise
                raise transport_error(exc, self._redactor) from exc
            await async_sleep(wait)
            attempt += 1

    # ---- tasks ----

    async def wait(
        self, task: TaskRef | Task | str, *, timeout: float = DEFAULT_TASK_TIMEOUT
    ) -> Task:
        """Poll ``GET /api/2/task/{uuid}/`` until the task ends (backing off from 0.2 s to
        5 s); raise when it failed, partly or wholly, or when ``timeout`` seconds ran out."""
        uuid = task if isinstance(task, str) else task.uuid
        deadline = time.monotonic() + timeout
        delay = _FIRST_POLL
        failures = 0
        while True:
            try:
                state = _parse(Task, await self._op(get_task._get_kwargs(uuid)))
            except (RequestError, ServerError) as exc:
                # The task runs on whatever befalls one poll: a dropped or cut answer or a
                # passing 5xx is polled again (a few in a row at most), rather than reporting
                # as failed a move that is about to succeed.
                failures += 1
                left = deadline - time.monotonic()
                if failures > _POLL_FAILURES or left <= 0 or isinstance(exc, ThrottledError):
                    raise
                await async_sleep(min(delay, left))
                delay = min(delay * 2, _MAX_POLL)
                continue
            failures = 0
            status, errors = _outcome(state)
            if status in _DONE:
                if status != "SUCCESS":
                    raise TaskFailed(f"task {uuid} ended in {status}: {errors}", state, errors)
                if errors:
                    raise PartialFailure(
                        f"task {uuid} failed for {len(errors)} path(s): {errors}", state, errors
                    )
                return state
            left = deadline - time.monotonic()
            if left <= 0:
                raise TaskTimeout(f"task {uuid} still {status} after {timeout} s", state)
            await async_sleep(min(delay, left))
            delay = min(delay * 2, _MAX_POLL)

    async def _task(self, kwargs: Mapping[str, Any], wait: bool, timeout: float) -> Any:
        ref = _parse(TaskRef, await self._op(kwargs))
        return await self.wait(ref, timeout=timeout) if wait else ref

    async def move(
        self,
        src: str | Sequence[str],
        dst: str,
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TASK_TIMEOUT,
    ) -> Task | TaskRef:
        """Move ``src`` (one path or several) into the directory ``dst``."""
        kwargs = move_paths._get_kwargs(body=MoveCopyRequest(src=_paths(src), dst=dst))
        result: Task | TaskRef = await self._task(kwargs, wait, timeout)
        return result

    async def copy(
        self,
        src: str | Sequence[str],
        dst: str,
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TASK_TIMEOUT,
    ) -> Task | TaskRef:
        """Copy ``src`` (one path or several) into the directory ``dst``."""
        kwargs = copy_paths._get_kwargs(body=MoveCopyRequest(src=_paths(src), dst=dst))
        result: Task | TaskRef = await self._task(kwargs, wait, timeout)
        return result

    async def remove(
        self,
        path: str | Sequence[str],
        *,
        wait: bool = True,
        timeout: float = DEFAULT_TASK_TIMEOUT,
    ) -> Task | TaskRef:
        """Remove ``path`` (one or several; directories with their content)."""
        kwargs = remove_paths._get_kwargs(body=RemoveRequest(path=_paths(path)))
        result: Task | TaskRef = await self._task(kwargs, wait, timeout)
        return result

    async def checksum(
        self,
        path: str | Sequence[str],
        algorithm: str = "md5",
        *,
        timeout: float = DEFAULT_TASK_TIMEOUT,
    ) -> dict[str, str]:
        """The server's checksums (hex) of ``path`` (one or several), by path."""
        try:
            chosen = check_checksum_algorithm(algorithm.lower())
        except TypeError:
            raise ValueError(f"algorithm must be md5, sha1 or sha256, not {algorithm!r}") from None
        body = ChecksumRequest(path=_paths(path), algorithm=chosen)
        task: Task = await self._task(checksum_paths._get_kwargs(body=body), True, timeout)
        outcome = task.result.result
        if not isinstance(outcome, TaskOutcome):
            return {}
        if not isinstance(outcome.checksums, TaskOutcomeChecksums):
            return {}
        return {str(k): str(v) for k, v in outcome.checksums.additional_properties.items()}

    async def compress(
        self,
        path: str | Sequence[str],
        dst: str,
        name: str,
        *,
        timeout: float = DEFAULT_TASK_TIMEOUT,
    ) -> Task:
        """Zip ``path`` (one or several) into ``dst/name``."""
        body = CompressRequest(path=_paths(path), dst=dst, name=name)
        task: Task = await self._task(compress_paths._get_kwargs(body=body), True, timeout)
        return task

    # ---- links ----

    async def create_link(
        self,
        path: str,
        *,
        name: str | None = None,
        read: bool = True,
        list: bool = False,
        write: bool = False,
        remove: bool = False,
        recursive: bool = False,
    ) -> Link:
        """``POST /api/2/link/``: a public link to ``path`` with these rights."""
        body = CreateLinkRequest(
            path=path,
            name=UNSET if name is None else name,
            read=read,
            list_=list,
            write=write,
            remove=remove,
            recursive=recursive,
        )
        return _parse(Link, await self._op(create_link._get_kwargs(body=body)))

    async def iter_links(self, *, page_size: int = 100) -> AsyncIterator[Link]:
        """Every link, a page at a time."""
        page = 1
        while True:
            body = await self._op(list_links._get_kwargs(page=page, limit=page_size))
            results = body.get("results") if isinstance(body, Mapping) else None
            for item in _parse_list(Link, results):
                yield item
            pages = body.get("pages") if isinstance(body, Mapping) else None
            if not results or not isinstance(pages, int) or page >= pages:
                return
            page += 1

    async def delete_link(self, uid: str) -> None:
        """``DELETE /api/2/link/{uid}/``."""
        await self._op(delete_link._get_kwargs(uid))
