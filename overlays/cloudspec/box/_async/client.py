"""``AsyncBoxClient``: a typed, resource-style Box client (``BoxClient`` is its sync twin).

Resources hang off the client as box_sdk_gen's managers do (``client.folders``,
``client.files``, ``client.users``); every listing is an iterator over every page; every
method returns the generated attrs models of ``cloudspec.box_api``. Tokens refresh before they
expire and after a 401, once for all threads or tasks, and a rotated pair is saved (store,
then ``tokens_changed``) before it is used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import IO, BinaryIO, Self, cast

import attrs
import httpx

from cloudspec.box_api.api.downloads import get_files_id_content
from cloudspec.box_api.api.files import (
    delete_files_id,
    get_files_id,
    post_files_id_copy,
    put_files_id,
)
from cloudspec.box_api.api.folders import (
    delete_folders_id,
    get_folders_id,
    get_folders_id_items,
    post_folders,
    post_folders_id_copy,
    put_folders_id,
)
from cloudspec.box_api.api.search import get_search
from cloudspec.box_api.api.uploads import (
    options_files_content,
    post_files_content,
    post_files_id_content,
)
from cloudspec.box_api.api.users import get_users_me
from cloudspec.box_api.models import FolderItemsSort, SearchItemType, SortDirection
from cloudspec.core._async.download import async_download_to_path
from cloudspec.core._async.factory import build_async_client
from cloudspec.core._async.oauth2 import AsyncRefreshingAuth
from cloudspec.core._async.pagination import AsyncPaginator
from cloudspec.core._backends import async_sleep
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.config import DEFAULT_TIMEOUT, TimeoutTypes, VerifyTypes
from cloudspec.core.errors import (
    RateLimitError,
    ResendRequiredError,
    ServerError,
    TransportError,
    map_transport_errors,
)
from cloudspec.core.files import target_path
from cloudspec.core.limits import EXT_MAX_RESPONSE_BYTES
from cloudspec.core.pages import Page, PageInfo
from cloudspec.core.redact import SENSITIVE_FIELDS, Redactor
from cloudspec.core.retry import RetryPolicy
from cloudspec.core.tokens import AsyncTokenStore, MemoryTokenStore, Token, TokenStore

from .. import _bodies as bodies
from .. import models
from .._bodies import opt
from .._reader import ProgressReader
from ..errors import (
    BoxAuthenticationError,
    BoxConflict,
    BoxError,
    BoxPreconditionFailed,
    error_from_response,
)
from ..urls import BoxURLs
from .chunked import AsyncChunkedUploader, Progress, Source, UploadSessionInfo, file_size_of
from .http import AsyncBoxHTTP, json_object
from .lookup import async_find_item
from .oauth import async_refresh_token

__all__ = ["AsyncBoxClient", "AsyncFiles", "AsyncFolders", "AsyncUsers", "CHUNKED_THRESHOLD"]

# Box: "direct uploads are limited to 50 MB; use chunked uploads above 20 MB", and upload
# sessions refuse anything smaller than 20 MB.
CHUNKED_THRESHOLD = 20 * 1024 * 1024
# Box SDKs retry 5 times; 202 + Retry-After (download not ready, commit processing) too.
DEFAULT_RETRY = RetryPolicy(max_retries=5, retry_accepted_with_retry_after=True)
_HASH_CHUNK = 1024 * 1024

TokensChanged = Callable[[str, str], None]


@attrs.frozen
class _Opened:
    handle: IO[bytes]
    owned: bool
    start: int


def _open(source: Source) -> _Opened:
    if isinstance(source, str | os.PathLike):
        return _Opened(open(source, "rb"), owned=True, start=0)
    return _Opened(source, owned=False, start=source.tell())


def _sha1_of(opened: _Opened) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    opened.handle.seek(opened.start)
    while chunk := opened.handle.read(_HASH_CHUNK):
        digest.update(chunk)
    opened.handle.seek(opened.start)
    return digest.hexdigest()


def _name_of(source: Source, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return Path(source).name
    raw = getattr(source, "name", None)
    if isinstance(raw, str) and raw:
        return Path(raw).name
    raise ValueError("give a name: the file object has none")


class AsyncFolders:
    def __init__(self, client: AsyncBoxClient) -> None:
        self._client = client

    async def get(self, folder_id: str | int = "0", *, fields: str | None = None) -> models.Folder:
        kwargs = get_folders_id._get_kwargs(str(folder_id), fields=opt(fields))
        return models.parse(models.Folder, await self._client._http.json(kwargs))

    async def create(
        self,
        name: str,
        parent_id: str | int = "0",
        *,
        fields: str | None = None,
        exist_ok: bool = False,
    ) -> models.Folder:
        """A new folder; with ``exist_ok`` the folder of that name if there is one already."""
        kwargs = post_folders._get_kwargs(
            body=bodies.new_folder(name, str(parent_id)), fields=opt(fields)
        )
        try:
            # Box names are unique in a folder, so a re-sent create cannot make a second
            # folder: it gets 409 and, with exist_ok, the first one.
            data = await self._client._http.json(kwargs, idempotent=True)
        except BoxConflict as exc:
            existing = exc.conflict_id()
            if not exist_ok or existing is None or exc.code != "item_name_in_use":
                raise
            return await self.get(existing, fields=fields)
        return models.parse(models.Folder, data)

    async def delete(
        self, folder_id: str | int, *, recursive: bool = False, etag: str | None = None
    ) -> None:
        kwargs = delete_folders_id._get_kwargs(
            str(folder_id), recursive=recursive, if_match=opt(etag)
        )
        await self._client._http.empty(kwargs)

    async def copy(
        self,
        folder_id: str | int,
        parent_id: str | int,
        *,
        name: str | None = None,
        fields: str | None = None,
    ) -> models.Folder:
        """A copy of the folder and everything in it, in ``parent_id``, made by Box (one
        request; new ids). ``name`` defaults to the source's; a name already used there raises
        :class:`BoxConflict` (``item_name_in_use``, with the existing item's id)."""
        kwargs = post_folders_id_copy._get_kwargs(
            str(folder_id), body=bodies.copy_item(str(parent_id), name), fields=opt(fields)
        )
        # Not re-sent after a lost answer (a re-sent copy would answer 409 for its own copy).
        data = await self._client._http.json(kwargs)
        return models.parse(models.Folder, data)

    async def move(
        self,
        folder_id: str | int,
        parent_id: str | int,
        *,
        name: str | None = None,
        etag: str | None = None,
        fields: str | None = None,
    ) -> models.Folder:
        """Move the folder (and its contents) into ``parent_id``, optionally renaming it: one
        request, same id. With ``etag``, only if the folder is unchanged
        (:class:`BoxPreconditionFailed` otherwise)."""
        return await self._update(folder_id, str(parent_id), name, etag, fields)

    async def rename(
        self,
        folder_id: str | int,
        name: str,
        *,
        etag: str | None = None,
        fields: str | None = None,
    ) -> models.Folder:
        """Rename the folder where it is (one request, same id)."""
        return await self._update(folder_id, None, name, etag, fields)

    async def _update(
        self,
        folder_id: str | int,
        parent_id: str | None,
        name: str | None,
        etag: str | None,
        fields: str | None,
    ) -> models.Folder:
        kwargs = put_folders_id._get_kwargs(
            str(folder_id),
            body=bodies.update_item(parent_id, name),
            fields=opt(fields),
            if_match=opt(etag),
        )
        return models.parse(models.Folder, await self._client._http.json(kwargs))

    def items(
        self,
        folder_id: str | int = "0",
        *,
        fields: str | None = None,
        limit: int = 1000,
        use_marker: bool = True,
        sort: FolderItemsSort | None = None,
        direction: SortDirection | None = None,
    ) -> AsyncPaginator[models.Item]:
        """Every item of a folder, a page at a time: marker paging by default (no offset
        ceiling); ``use_marker=False`` pages by offset (needed for ``sort`` on the root)."""
        http = self._client._http

        async def fetch(info: PageInfo | None) -> Page[models.Item]:
            params = dict(info.params or {}) if info else {}
            if use_marker:
                kwargs = get_folders_id_items._get_kwargs(
                    str(folder_id),
                    fields=opt(fields),
                    usemarker=True,
                    marker=opt(params.get("marker")),
                    limit=limit,
                    sort=opt(sort),
                    direction=opt(direction),
                )
            else:
                kwargs = get_folders_id_items._get_kwargs(
                    str(folder_id),
                    fields=opt(fields),
                    offset=int(params.get("offset", 0)),
                    limit=limit,
                    sort=opt(sort),
                    direction=opt(direction),
                )
            data = await http.json(kwargs)
            entries = [models.item_from_dict(e) for e in models.entries_of(data)]
            next_page: PageInfo | None = None
            if use_marker:
                marker = data.get("next_marker")
                if marker:
                    next_page = PageInfo(params={"marker": str(marker)})
            else:
                # Box: advance by the limit it used, not by the entries it returned, and
                # stop at total_count.
                offset = int(data.get("offset") or 0) + int(data.get("limit") or limit)
                if offset < int(data.get("total_count") or 0):
                    next_page = PageInfo(params={"offset": str(offset)})
            return Page(items=entries, next=next_page)

        return AsyncPaginator(fetch)

    async def find(self, name: str, folder_id: str | int = "0") -> models.Item | None:
        """The item named ``name`` in the folder (by listing: search lags behind uploads)."""
        found = await async_find_item(self._client._http, name, str(folder_id))
        return models.item_from_dict(found) if found is not None else None


class AsyncFiles:
    def __init__(self, client: AsyncBoxClient) -> None:
        self._client = client

    async def get(self, file_id: str | int, *, fields: str | None = None) -> models.File:
        kwargs = get_files_id._get_kwargs(str(file_id), fields=opt(fields))
        return models.parse(models.File, await self._client._http.json(kwargs))

    async def delete(self, file_id: str | int, *, etag: str | None = None) -> None:
        kwargs = delete_files_id._get_kwargs(str(file_id), if_match=opt(etag))
        await self._client._http.empty(kwargs)

    async def copy(
        self,
        file_id: str | int,
        parent_id: str | int,
        *,
        name: str | None = None,
        fields: str | None = None,
    ) -> models.File:
        """A copy of the file's current version in ``parent_id``, made by Box (nothing is
        downloaded; a new id, the same sha1). ``name`` defaults to the source's; a name already
        used there raises :class:`BoxConflict` (``item_name_in_use``)."""
        kwargs = post_files_id_copy._get_kwargs(
            str(file_id), body=bodies.copy_item(str(parent_id), name), fields=opt(fields)
        )
        # Not re-sent after a lost answer (a re-sent copy would answer 409 for its own copy).
        data = await self._client._http.json(kwargs)
        return models.parse(models.File, data)

    async def move(
        self,
        file_id: str | int,
        parent_id: str | int,
        *,
        name: str | None = None,
        etag: str | None = None,
        fields: str | None = None,
    ) -> models.File:
        """Move the file into ``parent_id``, optionally renaming it: one request, same id and
        versions. With ``etag``, only if the file is unchanged
        (:class:`BoxPreconditionFailed` otherwise)."""
        return await self._update(file_id, str(parent_id), name, etag, fields)

    async def rename(
        self,
        file_id: str | int,
        name: str,
        *,
        etag: str | None = None,
        fields: str | None = None,
    ) -> models.File:
        """Rename the file where it is (one request, same id)."""
        return await self._update(file_id, None, name, etag, fields)

    async def _update(
        self,
        file_id: str | int,
        parent_id: str | None,
        name: str | None,
        etag: str | None,
        fields: str | None,
    ) -> models.File:
        kwargs = put_files_id._get_kwargs(
            str(file_id),
            body=bodies.update_item(parent_id, name),
            fields=opt(fields),
            if_match=opt(etag),
        )
        return models.parse(models.File, await self._client._http.json(kwargs))

    async def preflight(self, name: str, size: int, folder_id: str | int = "0") -> models.UploadUrl:
        """Would Box accept this upload (name free, quota, size cap)? Raises if not."""
        kwargs = options_files_content._get_kwargs(
            body=bodies.preflight(name, size, str(folder_id))
        )
        return models.parse(models.UploadUrl, await self._client._http.json(kwargs))

    async def upload(
        self,
        source: Source,
        folder_id: str | int = "0",
        *,
        name: str | None = None,
        progress: Progress | None = None,
        parallelism: int | None = None,
        chunked_threshold: int | None = None,
    ) -> models.File:
        """A new file from a path or a binary file object, streamed. Files of
        ``chunked_threshold`` (20 MB) or more go through an upload session
        (:meth:`upload_large`)."""
        file_name = _name_of(source, name)
        size = file_size_of(source)
        threshold = chunked_threshold or self._client.chunked_threshold
        if size >= threshold:
            return await self.upload_large(
                source, folder_id, name=file_name, progress=progress, parallelism=parallelism
            )
        return await self._direct(
            source, file_name, size, folder_id=str(folder_id), progress=progress
        )

    async def upload_version(
        self,
        file_id: str | int,
        source: Source,
        *,
        name: str | None = None,
        etag: str | None = None,
        progress: Progress | None = None,
        parallelism: int | None = None,
    ) -> models.File:
        """New content for an existing file (a new version); ``etag`` makes it conditional."""
        size = file_size_of(source)
        if size >= self._client.chunked_threshold and etag is None:
            return await self.upload_large(
                source,
                name=name or _name_of(source, None),
                file_id=str(file_id),
                progress=progress,
                parallelism=parallelism,
            )
        file_name = name or _name_of(source, None)
        return await self._direct(
            source, file_name, size, file_id=str(file_id), etag=etag, progress=progress
        )

    async def _direct(
        self,
        source: Source,
        file_name: str,
        size: int,
        *,
        folder_id: str | None = None,
        file_id: str | None = None,
        etag: str | None = None,
        progress: Progress | None = None,
    ) -> models.File:
        http = self._client._http
        policy = self._client.retry_policy
        opened = _open(source)
        try:
            sha1 = _sha1_of(opened)
            attempt = 0
            # Set once a new version's answer was lost: the retry must not store it twice.
            retry_etag: str | None = None
            while True:
                opened.handle.seek(opened.start)
                stream = cast(BinaryIO, ProgressReader(opened.handle, size, progress))
                if file_id is not None:
                    kwargs = post_files_id_content._get_kwargs(
                        file_id,
                        body=bodies.version_upload(file_name, stream),
                        if_match=opt(etag or retry_etag),
                        content_md5=sha1,
                    )
                else:
                    assert folder_id is not None
                    kwargs = post_files_content._get_kwargs(
                        body=bodies.file_upload(file_name, folder_id, stream), content_md5=sha1
                    )
                request = http.build(kwargs)
                try:
                    response = await http.send(request)
                except BoxConflict as exc:
                    # A lost answer to an earlier attempt: Box stored the file, and this
                    # attempt collides with it. Same content = that upload, done.
                    conflict = (exc.context_info or {}).get("conflicts")
                    if attempt and isinstance(conflict, dict) and conflict.get("sha1") == sha1:
                        return await self.get(str(conflict["id"]))
                    raise
                except BoxPreconditionFailed:
                    # Our own lost version may have landed after we looked: then it is done.
                    if retry_etag is None or file_id is None:
                        raise
                    stored, _ = await self._stored_version(file_id, sha1)
                    if stored is None:
                        raise
                    return stored
                except ResendRequiredError:
                    # The token was refused and refreshed mid-upload; the multipart body
                    # cannot be replayed by the auth flow, so it is sent again from here.
                    if attempt >= policy.max_retries:
                        raise
                    attempt += 1
                    continue
                except (TransportError, RateLimitError, ServerError) as exc:
                    # The multipart stream is not replayable by the transport; retry here,
                    # re-reading the file from its start, paid from the client's budget.
                    if attempt >= policy.max_retries or not budget_allows_retry(http.client, exc):
                        raise
                    await async_sleep(_upload_retry_delay(policy, attempt, exc))
                    attempt += 1
                    if file_id is not None and etag is None:
                        # Unlike a new file (a second one collides: 409), a second new version
                        # is stored twice: look first, then resend only if nothing changed.
                        stored, retry_etag = await self._stored_version(file_id, sha1)
                        if stored is not None:
                            return stored
                    continue
                entries = json_object(response, http.redactor).get("entries") or []
                if not entries:
                    raise BoxError(
                        "Box accepted the upload but returned no file", status=response.status_code
                    )
                return models.parse(models.File, entries[0])
        finally:
            if opened.owned:
                opened.handle.close()

    async def _stored_version(
        self, file_id: str, sha1: str
    ) -> tuple[models.File | None, str | None]:
        """The file if its current version has this content (a lost answer: done), and its etag.

        Content equal to what is being sent also counts as done when it was already there:
        the result, a current version with these bytes, is the same.
        """
        http = self._client._http
        kwargs = get_files_id._get_kwargs(file_id, fields="sha1,etag")
        info = await http.json(kwargs)
        etag = info.get("etag")
        if info.get("sha1") == sha1:
            return await self.get(file_id), None
        return None, etag if isinstance(etag, str) else None

    def chunked_uploader(
        self,
        source: Source,
        folder_id: str | int | None = "0",
        *,
        name: str | None = None,
        file_id: str | int | None = None,
        parallelism: int | None = None,
        progress: Progress | None = None,
        on_session: Callable[[UploadSessionInfo], None] | None = None,
    ) -> AsyncChunkedUploader:
        """An upload-session uploader (``upload()``, ``resume()``, ``abort()``)."""
        return AsyncChunkedUploader(
            self._client._http,
            source,
            file_size=file_size_of(source),
            file_name=_name_of(source, name),
            folder_id=None if file_id is not None else str(folder_id or "0"),
            file_id=str(file_id) if file_id is not None else None,
            parallelism=parallelism or self._client.upload_parallelism,
            progress=progress,
            on_session=on_session,
        )

    async def upload_large(
        self,
        source: Source,
        folder_id: str | int | None = "0",
        *,
        name: str | None = None,
        file_id: str | int | None = None,
        parallelism: int | None = None,
        progress: Progress | None = None,
        on_session: Callable[[UploadSessionInfo], None] | None = None,
    ) -> models.File:
        """Upload through an upload session: parts in parallel (default 4), resumed after a
        dropped connection; give ``on_session`` to keep the session id and :meth:`resume_upload`
        it from another process after a crash (else a failed upload is aborted)."""
        uploader = self.chunked_uploader(
            source,
            folder_id,
            name=name,
            file_id=file_id,
            parallelism=parallelism,
            progress=progress,
            on_session=on_session,
        )
        return models.parse(models.File, await uploader.upload())

    async def resume_upload(
        self,
        session_id: str,
        source: Source,
        folder_id: str | int | None = "0",
        *,
        name: str | None = None,
        file_id: str | int | None = None,
        parallelism: int | None = None,
        progress: Progress | None = None,
    ) -> models.File:
        """Finish an upload session started elsewhere (a crashed process): only the parts
        Box does not hold are sent, after the others are checked against the file."""
        uploader = self.chunked_uploader(
            source,
            folder_id,
            name=name,
            file_id=file_id,
            parallelism=parallelism,
            progress=progress,
            on_session=lambda session: None,  # a failure must not abort a resumable session
        )
        await uploader.attach(session_id)
        return models.parse(models.File, await uploader.resume())

    async def download(
        self,
        file_id: str | int,
        destination: str | os.PathLike[str],
        *,
        version: str | None = None,
        progress: Progress | None = None,
        durable: bool = False,
    ) -> Path:
        """Stream the file to ``destination`` through a temporary file, resuming with
        ``Range`` after a drop, checked against Box's size and SHA-1, renamed into place
        (``durable=True``: fsynced first, to survive a power cut). A ``destination`` that is
        a directory receives the file under Box's name for it, made safe: that name never
        leaves the directory."""
        info = await self.get(file_id, fields="size,sha1,name,file_version")
        name = info.name if isinstance(info.name, str) else str(file_id)
        destination = target_path(name, destination)
        kwargs = get_files_id_content._get_kwargs(str(file_id), version=opt(version))
        http = self._client._http
        url = httpx.URL(http.url(kwargs["url"]), params=kwargs.get("params") or None)
        current = version is None or models.version_id(info) == version
        return await async_download_to_path(
            http.client,
            str(url),
            destination,
            expected_size=models.size_of(info) if current else None,
            expected_sha1=models.sha1_of(info) if current else None,
            follow_redirects=True,
            progress=_download_progress(progress),
            redactor=http.redactor,
            durable=durable,
        )

    async def iter_bytes(
        self, file_id: str | int, *, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        """The file's bytes ``start``..``end`` (inclusive), streamed."""
        kwargs = get_files_id_content._get_kwargs(str(file_id))
        http = self._client._http
        ranged = bool(start) or end is not None
        headers = {"Range": f"bytes={start}-{'' if end is None else end}"} if ranged else {}
        request = http.build(kwargs, headers=headers)
        request.extensions[EXT_MAX_RESPONSE_BYTES] = None  # a file's bytes: streamed, uncapped
        with map_transport_errors(http.redactor):
            response = await http.client.send(request, stream=True, follow_redirects=True)
            try:
                if response.status_code >= 400:
                    await response.aread()
                    raise error_from_response(response, redactor=http.redactor)
                # A server may ignore Range and send the whole file (200): cut it here.
                skip = start if ranged and response.status_code == 200 else 0
                left = None if end is None else end - start + 1
                async for chunk in response.aiter_bytes():
                    if skip:
                        dropped = min(skip, len(chunk))
                        chunk, skip = chunk[dropped:], skip - dropped
                    if left is not None:
                        chunk, left = chunk[:left], left - min(left, len(chunk))
                    if chunk:
                        yield chunk
                    if left == 0:
                        break
            finally:
                await response.aclose()


class AsyncUsers:
    def __init__(self, client: AsyncBoxClient) -> None:
        self._client = client

    async def me(self, *, fields: str | None = None) -> models.User:
        kwargs = get_users_me._get_kwargs(fields=opt(fields))
        return models.parse(models.User, await self._client._http.json(kwargs))


def _download_progress(progress: Progress | None) -> Callable[[int, int | None], None] | None:
    if progress is None:
        return None
    report = progress

    def forward(done: int, total: int | None) -> None:
        report(done, done if total is None else total)

    return forward


def _upload_retry_delay(policy: RetryPolicy, attempt: int, exc: Exception) -> float:
    retry_after = getattr(exc, "retry_after", None)
    if isinstance(retry_after, int | float) and 0 < retry_after <= policy.retry_after_cap:
        return float(retry_after)
    return policy.backoff_delay(attempt, 0.0)


class AsyncBoxClient:
    """Box API v2 over httpx, natively async.

    Credentials: an ``access_token`` (a developer token works alone), a ``refresh_token`` with
    ``client_id`` and ``client_secret`` (refreshed as needed), or a ``token_store`` holding
    them (memory, file, Redis: shared by processes and machines). When a store already holds a
    token, it wins over the arguments (another process may have rotated it since).
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        token_store: TokenStore | AsyncTokenStore | None = None,
        tokens_changed: TokensChanged | None = None,
        urls: BoxURLs | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        verify: VerifyTypes = True,
        transport: httpx.AsyncBaseTransport | None = None,
        upload_parallelism: int = 4,
        chunked_threshold: int = CHUNKED_THRESHOLD,
        refresh_skew: float = 60.0,
    ) -> None:
        self.urls = urls or BoxURLs()
        self.client_id = client_id
        # One retry budget for the API and the token clients (and the upload loops below).
        self.retry_policy = (retry or DEFAULT_RETRY).for_client()
        self.upload_parallelism = upload_parallelism
        self.chunked_threshold = chunked_threshold
        self._client_secret = client_secret
        self._tokens_changed = tokens_changed
        store = token_store if token_store is not None else MemoryTokenStore()
        self._initial = (
            Token(
                access_token=access_token or "",
                refresh_token=refresh_token,
                # No access token: refresh at once, as the original SDK did.
                expires_at=None if access_token else 0.0,
            )
            if access_token or refresh_token
            else None
        )
        # The client never sends an authorization code (the login flow does), while every Box
        # error names itself under "code" (item_name_in_use...): keep it readable in debug
        # output and errors.
        redactor = Redactor(fields=SENSITIVE_FIELDS - {"code"}).with_secrets(
            client_secret, access_token, refresh_token
        )
        self.auth = AsyncRefreshingAuth(
            store=store,
            refresh=self._refresh,
            on_refresh=self._on_refresh,
            skew=refresh_skew,
            initial=self._initial,
        )
        client = build_async_client(
            self.urls.api_v2,
            auth=self.auth,
            timeout=timeout,
            retry=self.retry_policy,
            debug=debug,
            redactor=redactor,
            verify=verify,
            transport=transport,
        )
        self._http = AsyncBoxHTTP(client, self.urls, redactor)
        # The refresh grant goes out without the bearer auth (it is how the bearer is made).
        oauth_client = build_async_client(
            self.urls.api,
            timeout=timeout,
            retry=self.retry_policy,
            debug=debug,
            redactor=redactor,
            verify=verify,
            transport=transport,
        )
        self._oauth = AsyncBoxHTTP(oauth_client, self.urls, redactor)
        self.folders = AsyncFolders(self)
        self.files = AsyncFiles(self)
        self.users = AsyncUsers(self)

    async def _refresh(self, token: Token) -> Token:
        if not (self.client_id and self._client_secret):
            raise BoxAuthenticationError(
                "the access token expired and there is no client_id/client_secret to refresh it",
                status=401,
            )
        return await async_refresh_token(self._oauth, self.client_id, self._client_secret, token)

    def _on_refresh(self, token: Token) -> None:
        if self._tokens_changed is not None:
            self._tokens_changed(token.refresh_token or "", token.access_token)

    def search(
        self,
        query: str,
        *,
        type: SearchItemType | None = None,
        ancestor_folder_ids: str | None = None,
        file_extensions: str | None = None,
        content_types: str | None = None,
        fields: str | None = None,
        limit: int = 200,
    ) -> AsyncPaginator[models.Item]:
        """Every match (offset paging; Box indexes new items after a delay of minutes)."""
        http = self._http

        async def fetch(info: PageInfo | None) -> Page[models.Item]:
            offset = int((info.params or {}).get("offset", 0)) if info else 0
            kwargs = get_search._get_kwargs(
                query=query,
                type_=opt(type),
                ancestor_folder_ids=opt(ancestor_folder_ids),
                file_extensions=opt(file_extensions),
                content_types=opt(content_types),
                fields=opt(fields),
                limit=limit,
                offset=offset,
            )
            data = await http.json(kwargs)
            entries = [models.item_from_dict(e) for e in models.entries_of(data)]
            next_offset = offset + int(data.get("limit") or limit)
            more = entries and next_offset < int(data.get("total_count") or 0)
            return Page(
                items=entries, next=PageInfo(params={"offset": str(next_offset)}) if more else None
            )

        return AsyncPaginator(fetch)

    async def get_token(self) -> Token:
        """The current access token, refreshed first if it is about to expire."""
        return await self.auth.get_token()

    async def aclose(self) -> None:
        await self._http.aclose()
        await self._oauth.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api={self.urls.api!r}, client_id={self.client_id!r})"
