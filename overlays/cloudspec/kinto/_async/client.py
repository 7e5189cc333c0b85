"""``AsyncKintoClient``: kinto-http's ``Client`` surface, natively async.

Method names, keyword arguments, return shapes and exception names follow
kinto-http 11.x, so switching is a change of import. What kinto-http lacks:
iterators that stream every page (``iter_records`` ...), true async, batches
that split at the server's ``batch_max_requests`` and report every failed
sub-request, reads inside batches, ``Backoff`` honoured by waiting instead of
failing, retries only where a replay cannot apply a write twice, and ids that
are checked rather than silently slugified.
"""

from __future__ import annotations

import json
import mimetypes
import os
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import Any, Self
from urllib.parse import parse_qs, urljoin, urlsplit

import attrs
import httpx

from cloudspec.core._async.download import Progress, async_download_to_path
from cloudspec.core._async.factory import build_async_client
from cloudspec.core._async.pagination import AsyncPaginator
from cloudspec.core.budget import PerClientBudget, RetryBudget
from cloudspec.core.config import DEFAULT_TIMEOUT, TimeoutTypes, VerifyTypes
from cloudspec.core.files import atomic_write_text, sha256_of, target_path
from cloudspec.core.pages import Page, PageInfo
from cloudspec.core.redact import default_redactor
from cloudspec.core.retry import RetryPolicy
from cloudspec.kinto_api import Client as ApiClient

from .. import _calls as calls
from .._auth import KintoAuth, resolve_auth
from .._bodies import MissingCapability, header_int, json_object, page_items
from .._call import Call
from .._calls import Kind, ListParams, etag
from ..exceptions import KintoAPIError, KintoPreconditionFailed
from ..ids import check_id, new_record_id
from ..patch_type import BasicPatch, PatchType
from .batch import AsyncBatchRunner
from .session import AsyncSession

__all__ = ["AsyncKintoClient", "Json", "normalise_server_url"]

Json = dict[str, Any]

# Page size for the iterators when the caller gives no ``_limit``: one page of
# this many objects is the most they hold in memory.
DEFAULT_PAGE_SIZE = 1000
# Each client its own retry budget (see cloudspec.core.budget) unless told otherwise.
_OWN_BUDGET = PerClientBudget()


def normalise_server_url(server_url: str) -> str:
    """``http://host:8888`` and ``http://host:8888/v1/`` both become ``.../v1``."""
    url = server_url.rstrip("/")
    if not url.endswith("/v1"):
        url += "/v1"
    return url


@attrs.define(kw_only=True)
class _Shared:
    """What a client and its clones share: the connection pool and server facts."""

    session: AsyncSession
    api: ApiClient
    server_url: str
    ignore_batch_4xx: bool
    policy: RetryPolicy
    info: Mapping[str, Any] | None = None


def _permissions(permissions: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]] | None:
    if permissions is None:
        return None
    return {key: list(value) for key, value in permissions.items()}


def _last_modified(*candidates: Mapping[str, Any] | None) -> Any:
    for candidate in candidates:
        if candidate and candidate.get("last_modified") is not None:
            return candidate["last_modified"]
    return None


class AsyncKintoClient:
    """An asynchronous Kinto client. Use ``async with`` or ``await client.aclose()``.

    ``auth`` is an ``httpx.Auth``, a ``(user, password)`` tuple, ``"user:password"``
    or ``"Bearer <token>"``. ``retry`` is the number of retries (default 2);
    ``retry_after`` forces the wait between them. ``retry_budget`` pays for the
    retries (a 500-token bucket of this client's own by default): a ``RetryBudget``
    shared with other clients, or ``None`` for none. ``debug=True`` prints every
    request and response with credentials redacted.
    """

    def __init__(
        self,
        *,
        server_url: str = "http://localhost:8888/v1",
        auth: KintoAuth = None,
        bucket: str | None = "default",
        collection: str | None = None,
        retry: int | None = None,
        retry_after: float | None = None,
        retry_budget: PerClientBudget | RetryBudget | None = _OWN_BUDGET,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        ignore_batch_4xx: bool = False,
        headers: Mapping[str, str] | None = None,
        dry_mode: bool = False,
        debug: bool = False,
        verify: VerifyTypes = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        base = normalise_server_url(server_url)
        http_auth, secrets = resolve_auth(auth)
        redactor = default_redactor.with_secrets(*secrets)
        policy = RetryPolicy(backoff_header="Backoff", budget=retry_budget)
        if retry is not None:
            policy = attrs.evolve(policy, max_retries=retry)
        if retry_after is not None:
            policy = attrs.evolve(policy, initial_delay=retry_after, max_delay=retry_after)
        http = build_async_client(
            base,
            auth=http_auth,
            timeout=timeout,
            retry=policy,
            headers=dict(headers or {}),
            debug=debug,
            redactor=redactor,
            verify=verify,
            transport=transport,
        )
        api = ApiClient(base_url=base)
        api.set_async_httpx_client(http)
        self._shared = _Shared(
            session=AsyncSession(http, redactor, dry_mode=dry_mode),
            api=api,
            server_url=base,
            ignore_batch_4xx=ignore_batch_4xx,
            policy=policy,
        )
        self._bucket = bucket
        self._collection = collection
        self._timeout: httpx.Timeout | None = None
        self._retry: RetryPolicy | None = None

    # -- construction ----------------------------------------------------------------------

    def _clone_with(self, **changes: Any) -> Self:
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__.update(changes)
        return clone

    def clone(self, *, bucket: str | None = None, collection: str | None = None) -> Self:
        """A client on the same connection pool with other default bucket/collection."""
        return self._clone_with(
            _bucket=bucket if bucket is not None else self._bucket,
            _collection=collection if collection is not None else self._collection,
        )

    def with_options(
        self, *, timeout: TimeoutTypes | None = None, max_retries: int | None = None
    ) -> Self:
        """A client whose calls use another timeout or retry count; the pool is shared."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["_timeout"] = httpx.Timeout(timeout)
        if max_retries is not None:
            base = self._retry or self._shared.policy
            changes["_retry"] = attrs.evolve(base, max_retries=max_retries)
        return self._clone_with(**changes)

    @property
    def server_url(self) -> str:
        return self._shared.server_url

    @property
    def api(self) -> ApiClient:
        """The generated client, configured with this client's auth, retries and timeouts."""
        return self._shared.api

    async def aclose(self) -> None:
        await self._shared.session.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(server_url={self.server_url!r}, bucket={self._bucket!r}, "
            f"collection={self._collection!r})"
        )

    # -- plumbing --------------------------------------------------------------------------

    async def _response(self, call: Call) -> httpx.Response | None:
        return await self._shared.session.send(call, timeout=self._timeout, retry=self._retry)

    async def _run(self, call: Call) -> Any:
        response = await self._response(call)
        if response is None or not response.content:
            return None
        return json_object(response, self._shared.session.redactor)

    def _bucket_id(self, bucket: str | None) -> str:
        value = bucket if bucket is not None else self._bucket
        if value is None:
            raise ValueError("no bucket given and the client has no default bucket")
        return check_id(value, "bucket")

    def _collection_ids(self, collection: str | None, bucket: str | None) -> tuple[str, str]:
        value = collection if collection is not None else self._collection
        if value is None:
            raise ValueError("no collection given and the client has no default collection")
        return self._bucket_id(bucket), check_id(value, "collection")

    async def _server_info(self) -> Mapping[str, Any]:
        """``GET /v1/``, fetched once per client family (settings, capabilities)."""
        if self._shared.info is None:
            response = await self._shared.session.send(calls.hello())
            info = json_object(response) if response is not None else None
            self._shared.info = info or {}
        return self._shared.info

    async def _server_settings(self) -> Mapping[str, Any]:
        settings = (await self._server_info()).get("settings") or {}
        return settings if isinstance(settings, Mapping) else {}

    # -- generic operations, shared by every resource kind -----------------------------------

    async def _create(
        self,
        kind: Kind,
        ids: tuple[str, ...],
        data: Mapping[str, Any] | None,
        permissions: Mapping[str, Iterable[str]] | None,
        safe: bool,
        if_not_exists: bool,
        generated_id: bool = False,
    ) -> Json:
        call = calls.put(
            kind, ids, data, _permissions(permissions), if_none_match="*" if safe else None
        )
        try:
            result: Json = await self._run(call)
        except KintoPreconditionFailed:
            # An id this client just drew at random can only exist if our own PUT landed
            # and its answer was lost before a retry: the create is done, not in conflict.
            if not (if_not_exists or generated_id):
                raise
            existing: Json = await self._run(calls.get(kind, ids))
            return existing
        return result

    async def _update(
        self,
        kind: Kind,
        ids: tuple[str, ...],
        data: Mapping[str, Any] | None,
        permissions: Mapping[str, Iterable[str]] | None,
        safe: bool,
        if_match: Any,
    ) -> Json:
        version = if_match if if_match is not None else _last_modified(data)
        call = calls.put(
            kind,
            ids,
            data,
            _permissions(permissions),
            if_match=etag(version) if safe and version is not None else None,
        )
        result: Json = await self._run(call)
        return result

    async def _patch(
        self,
        kind: Kind,
        ids: tuple[str, ...],
        changes: PatchType | None,
        data: Mapping[str, Any] | None,
        original: Mapping[str, Any] | None,
        permissions: Mapping[str, Iterable[str]] | None,
        safe: bool,
        if_match: Any,
    ) -> Json:
        if changes is not None and (data is not None or permissions is not None):
            raise ValueError("give either changes= or data=/permissions=, not both")
        change = changes or BasicPatch(data=data, permissions=_permissions(permissions))
        version = if_match if if_match is not None else _last_modified(original, data)
        call = calls.patch(
            kind, ids, change, if_match=etag(version) if safe and version is not None else None
        )
        result: Json = await self._run(call)
        return result

    async def _delete(
        self, kind: Kind, ids: tuple[str, ...], safe: bool, if_match: Any, if_exists: bool
    ) -> Json | None:
        """The tombstone's data (kinto-http's return value)."""
        call = calls.delete(
            kind, ids, if_match=etag(if_match) if safe and if_match is not None else None
        )
        try:
            result = await self._run(call)
        except KintoAPIError as error:
            # kinto-http's rule: a 404, or a 403 on a bucket (Kinto's answer for a bucket
            # that does not exist), means "already gone". Any other 403 is raised.
            gone = error.status == 404 or (error.status == 403 and kind is Kind.BUCKET)
            if if_exists and gone:
                return None
            raise
        if not result:
            return None
        data: Json = result.get("data") or {}
        return data

    def _pages(
        self, build: Any, params: ListParams, max_pages: float | None = None
    ) -> AsyncPaginator[Json]:
        taken = 0

        async def fetch(info: PageInfo | None) -> Page[Json]:
            nonlocal taken
            token = None if info is None or info.params is None else info.params.get("_token")
            if info is None:
                taken = 0
            call: Call = build(params if token is None else params.with_token(token))
            response = await self._response(call)
            taken += 1
            if response is None or response.status_code == 304 or not response.content:
                return Page(items=[])  # dry mode, or not modified since if_none_match
            items = page_items(response, self._shared.session.redactor)
            next_page = response.headers.get("next-page")
            nxt = None
            if next_page and (max_pages is None or taken < max_pages):
                nxt = _next_page_info(next_page)
            return Page(items=items, next=nxt, headers=response.headers)

        return AsyncPaginator(fetch)

    async def _all(
        self, build: Any, params: Mapping[str, Any], pages: float | None, *, dedupe: bool = True
    ) -> list[Json]:
        list_params = ListParams(params)
        if pages is None and list_params.limit is not calls.UNSET:
            pages = 1  # kinto-http: an explicit _limit means one page unless pages= says more
        if not dedupe:
            return [item async for item in self._pages(build, list_params, pages)]
        items: dict[Any, Json] = {}
        anonymous: list[Json] = []
        async for item in self._pages(build, list_params, pages):
            # kinto-http de-duplicates by id: a page boundary can repeat an object that
            # changed while we were paging.
            if "id" in item:
                items[item["id"]] = item
            else:
                anonymous.append(item)
        return list(items.values()) + anonymous

    async def _count(self, kind: Kind, parents: tuple[str, ...], filters: Mapping[str, Any]) -> int:
        response = await self._response(calls.count(kind, parents, ListParams(filters)))
        if response is None:
            return 0
        total = header_int(response, "total-objects", "total-records")
        return total if total is not None else 0

    def _iter(
        self,
        kind: Kind,
        parents: tuple[str, ...],
        page_size: int | None,
        filters: Mapping[str, Any],
    ) -> AsyncIterator[Json]:
        params = dict(filters)
        params.setdefault("_limit", page_size or DEFAULT_PAGE_SIZE)
        return self._pages(
            lambda p: calls.listing(kind, parents, p), ListParams(params)
        ).__aiter__()

    # -- server ----------------------------------------------------------------------------

    async def server_info(self) -> Json:
        info: Json = await self._run(calls.hello())
        if info is not None:
            self._shared.info = info
        return info

    async def heartbeat(self) -> Json:
        result: Json = await self._run(calls.heartbeat_call())
        return result

    async def flush(self) -> None:
        """Wipes the whole server (only with Kinto's flush plugin: test servers)."""
        await self._run(calls.flush_call())

    # -- buckets ---------------------------------------------------------------------------

    async def create_bucket(
        self,
        *,
        id: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_not_exists: bool = False,
    ) -> Json:
        bid = self._bucket_id(id)
        return await self._create(Kind.BUCKET, (bid,), data, permissions, safe, if_not_exists)

    async def update_bucket(
        self,
        *,
        id: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        bid = self._bucket_id(id)
        return await self._update(Kind.BUCKET, (bid,), data, permissions, safe, if_match)

    async def patch_bucket(
        self,
        *,
        id: str | None = None,
        changes: PatchType | None = None,
        data: Mapping[str, Any] | None = None,
        original: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        bid = self._bucket_id(id)
        return await self._patch(
            Kind.BUCKET, (bid,), changes, data, original, permissions, safe, if_match
        )

    async def get_bucket(self, *, id: str | None = None) -> Json:
        result: Json = await self._run(calls.get(Kind.BUCKET, (self._bucket_id(id),)))
        return result

    async def get_buckets(self, *, pages: float | None = None, **filters: Any) -> list[Json]:
        return await self._all(lambda p: calls.listing(Kind.BUCKET, (), p), filters, pages)

    def iter_buckets(self, *, page_size: int | None = None, **filters: Any) -> AsyncIterator[Json]:
        return self._iter(Kind.BUCKET, (), page_size, filters)

    async def count_buckets(self, **filters: Any) -> int:
        return await self._count(Kind.BUCKET, (), filters)

    async def delete_bucket(
        self,
        *,
        id: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        if_exists: bool = False,
    ) -> Json | None:
        return await self._delete(Kind.BUCKET, (self._bucket_id(id),), safe, if_match, if_exists)

    async def delete_buckets(
        self, *, safe: bool = True, if_match: Any = None, **filters: Any
    ) -> list[Json]:
        call = calls.delete_many(
            Kind.BUCKET,
            (),
            ListParams(filters),
            if_match=etag(if_match) if safe and if_match is not None else None,
        )
        result = await self._run(call)
        return list(result.get("data") or []) if result else []

    # -- collections -----------------------------------------------------------------------

    async def create_collection(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_not_exists: bool = False,
    ) -> Json:
        ids = self._collection_ids(id, bucket)
        return await self._create(Kind.COLLECTION, ids, data, permissions, safe, if_not_exists)

    async def update_collection(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        ids = self._collection_ids(id, bucket)
        return await self._update(Kind.COLLECTION, ids, data, permissions, safe, if_match)

    async def patch_collection(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        changes: PatchType | None = None,
        data: Mapping[str, Any] | None = None,
        original: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        ids = self._collection_ids(id, bucket)
        return await self._patch(
            Kind.COLLECTION, ids, changes, data, original, permissions, safe, if_match
        )

    async def get_collection(self, *, id: str | None = None, bucket: str | None = None) -> Json:
        result: Json = await self._run(calls.get(Kind.COLLECTION, self._collection_ids(id, bucket)))
        return result

    async def get_collections(
        self, *, bucket: str | None = None, pages: float | None = None, **filters: Any
    ) -> list[Json]:
        bid = self._bucket_id(bucket)
        return await self._all(lambda p: calls.listing(Kind.COLLECTION, (bid,), p), filters, pages)

    def iter_collections(
        self, *, bucket: str | None = None, page_size: int | None = None, **filters: Any
    ) -> AsyncIterator[Json]:
        return self._iter(Kind.COLLECTION, (self._bucket_id(bucket),), page_size, filters)

    async def count_collections(self, *, bucket: str | None = None, **filters: Any) -> int:
        return await self._count(Kind.COLLECTION, (self._bucket_id(bucket),), filters)

    async def delete_collection(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        if_exists: bool = False,
    ) -> Json | None:
        ids = self._collection_ids(id, bucket)
        return await self._delete(Kind.COLLECTION, ids, safe, if_match, if_exists)

    async def delete_collections(
        self,
        *,
        bucket: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        **filters: Any,
    ) -> list[Json]:
        call = calls.delete_many(
            Kind.COLLECTION,
            (self._bucket_id(bucket),),
            ListParams(filters),
            if_match=etag(if_match) if safe and if_match is not None else None,
        )
        result = await self._run(call)
        return list(result.get("data") or []) if result else []

    # -- groups ----------------------------------------------------------------------------

    def _group_ids(self, id: str | None, bucket: str | None) -> tuple[str, str]:
        if id is None:
            raise ValueError("a group id is required")
        return self._bucket_id(bucket), check_id(id, "group")

    async def create_group(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_not_exists: bool = False,
    ) -> Json:
        ids = self._group_ids(id, bucket)
        body = {"members": [], **(data or {})}
        return await self._create(Kind.GROUP, ids, body, permissions, safe, if_not_exists)

    async def update_group(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        ids = self._group_ids(id, bucket)
        return await self._update(Kind.GROUP, ids, data, permissions, safe, if_match)

    async def patch_group(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        changes: PatchType | None = None,
        data: Mapping[str, Any] | None = None,
        original: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        ids = self._group_ids(id, bucket)
        return await self._patch(
            Kind.GROUP, ids, changes, data, original, permissions, safe, if_match
        )

    async def get_group(self, *, id: str | None = None, bucket: str | None = None) -> Json:
        result: Json = await self._run(calls.get(Kind.GROUP, self._group_ids(id, bucket)))
        return result

    async def get_groups(
        self, *, bucket: str | None = None, pages: float | None = None, **filters: Any
    ) -> list[Json]:
        bid = self._bucket_id(bucket)
        return await self._all(lambda p: calls.listing(Kind.GROUP, (bid,), p), filters, pages)

    def iter_groups(
        self, *, bucket: str | None = None, page_size: int | None = None, **filters: Any
    ) -> AsyncIterator[Json]:
        return self._iter(Kind.GROUP, (self._bucket_id(bucket),), page_size, filters)

    async def count_groups(self, *, bucket: str | None = None, **filters: Any) -> int:
        return await self._count(Kind.GROUP, (self._bucket_id(bucket),), filters)

    async def delete_group(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        if_exists: bool = False,
    ) -> Json | None:
        ids = self._group_ids(id, bucket)
        return await self._delete(Kind.GROUP, ids, safe, if_match, if_exists)

    async def delete_groups(
        self,
        *,
        bucket: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        **filters: Any,
    ) -> list[Json]:
        call = calls.delete_many(
            Kind.GROUP,
            (self._bucket_id(bucket),),
            ListParams(filters),
            if_match=etag(if_match) if safe and if_match is not None else None,
        )
        result = await self._run(call)
        return list(result.get("data") or []) if result else []

    # -- records ---------------------------------------------------------------------------

    def _record_ids(
        self, id: str | None, collection: str | None, bucket: str | None
    ) -> tuple[str, str, str]:
        if id is None:
            raise ValueError("a record id is required")
        bid, cid = self._collection_ids(collection, bucket)
        return bid, cid, check_id(id, "record")

    async def create_record(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        collection: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_not_exists: bool = False,
    ) -> Json:
        """Creates with a PUT on a client-chosen id (a UUID unless given), so that a
        retried request can never create the record twice."""
        rid = id or (data or {}).get("id")
        if rid is None:
            ids = (*self._collection_ids(collection, bucket), new_record_id())
        else:
            ids = self._record_ids(rid, collection, bucket)
        return await self._create(
            Kind.RECORD, ids, data, permissions, safe, if_not_exists, generated_id=rid is None
        )

    async def update_record(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        collection: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        ids = self._record_ids(id or (data or {}).get("id"), collection, bucket)
        return await self._update(Kind.RECORD, ids, data, permissions, safe, if_match)

    async def patch_record(
        self,
        *,
        id: str | None = None,
        bucket: str | None = None,
        collection: str | None = None,
        changes: PatchType | None = None,
        data: Mapping[str, Any] | None = None,
        original: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        rid = id or (data or {}).get("id") or (original or {}).get("id")
        ids = self._record_ids(rid, collection, bucket)
        return await self._patch(
            Kind.RECORD, ids, changes, data, original, permissions, safe, if_match
        )

    async def get_record(
        self,
        *,
        id: str,
        bucket: str | None = None,
        collection: str | None = None,
    ) -> Json:
        result: Json = await self._run(
            calls.get(Kind.RECORD, self._record_ids(id, collection, bucket))
        )
        return result

    async def get_records(
        self,
        *,
        bucket: str | None = None,
        collection: str | None = None,
        pages: float | None = None,
        **filters: Any,
    ) -> list[Json]:
        """Every record (all pages), or one page when ``_limit`` is given without ``pages``."""
        ids = self._collection_ids(collection, bucket)
        return await self._all(lambda p: calls.listing(Kind.RECORD, ids, p), filters, pages)

    async def get_paginated_records(
        self,
        *,
        bucket: str | None = None,
        collection: str | None = None,
        **filters: Any,
    ) -> AsyncIterator[Json]:
        """Yields each page's body (``{"data": [...]}``), as kinto-http does."""
        ids = self._collection_ids(collection, bucket)
        pages = self._pages(lambda p: calls.listing(Kind.RECORD, ids, p), ListParams(filters))
        async for page in pages.pages():
            if page.items:
                yield {"data": list(page.items)}

    def iter_records(
        self,
        *,
        bucket: str | None = None,
        collection: str | None = None,
        page_size: int | None = None,
        **filters: Any,
    ) -> AsyncIterator[Json]:
        """Every record, lazily: at most one page (``page_size``, default 1000) in memory."""
        return self._iter(Kind.RECORD, self._collection_ids(collection, bucket), page_size, filters)

    async def count_records(
        self, *, bucket: str | None = None, collection: str | None = None, **filters: Any
    ) -> int:
        return await self._count(Kind.RECORD, self._collection_ids(collection, bucket), filters)

    async def get_records_timestamp(
        self, *, bucket: str | None = None, collection: str | None = None
    ) -> str:
        """The collection's current ETag (its timestamp), without quotes."""
        ids = self._collection_ids(collection, bucket)
        response = await self._response(calls.count(Kind.RECORD, ids, ListParams({})))
        if response is None:
            return ""
        timestamp: str = response.headers.get("etag", "")
        return timestamp.strip('"')

    async def delete_record(
        self,
        *,
        id: str,
        bucket: str | None = None,
        collection: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        if_exists: bool = False,
    ) -> Json | None:
        ids = self._record_ids(id, collection, bucket)
        return await self._delete(Kind.RECORD, ids, safe, if_match, if_exists)

    async def delete_records(
        self,
        *,
        bucket: str | None = None,
        collection: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        **filters: Any,
    ) -> list[Json]:
        call = calls.delete_many(
            Kind.RECORD,
            self._collection_ids(collection, bucket),
            ListParams(filters),
            if_match=etag(if_match) if safe and if_match is not None else None,
        )
        result = await self._run(call)
        return list(result.get("data") or []) if result else []

    # -- permissions, history --------------------------------------------------------------

    async def get_permissions(
        self,
        *,
        exclude_resource_names: Iterable[str] | None = None,
        pages: float | None = None,
        **filters: Any,
    ) -> list[Json]:
        """Every object the current user has a permission on (``/permissions``)."""
        if exclude_resource_names:
            filters["exclude_resource_name"] = ",".join(exclude_resource_names)
        # Entries of different kinds share ids (bucket "b1", collection "b1"): keep all.
        return await self._all(calls.permissions, filters, pages, dedupe=False)

    async def get_history(
        self, *, bucket: str | None = None, pages: float | None = None, **filters: Any
    ) -> list[Json]:
        """History entries, newest first: all pages, or one when ``_limit`` is given."""
        bid = self._bucket_id(bucket)
        return await self._all(lambda p: calls.history(bid, p), filters, pages)

    def iter_history(
        self, *, bucket: str | None = None, page_size: int | None = None, **filters: Any
    ) -> AsyncIterator[Json]:
        bid = self._bucket_id(bucket)
        params = dict(filters)
        params.setdefault("_limit", page_size or DEFAULT_PAGE_SIZE)
        return self._pages(lambda p: calls.history(bid, p), ListParams(params)).__aiter__()

    async def purge_history(
        self,
        *,
        bucket: str | None = None,
        safe: bool = True,
        if_match: Any = None,
        **filters: Any,
    ) -> list[Json]:
        call = calls.purge_history(
            self._bucket_id(bucket),
            ListParams(filters),
            if_match=etag(if_match) if safe and if_match is not None else None,
        )
        result = await self._run(call)
        return list(result.get("data") or []) if result else []

    async def get_snapshot(
        self, *, timestamp: int, bucket: str | None = None, collection: str | None = None
    ) -> list[Json]:
        """The collection's records as they were at ``timestamp`` (history plugin)."""
        bid, cid = self._collection_ids(collection, bucket)
        result = await self._run(calls.snapshot(bid, cid, int(timestamp)))
        return list(result.get("data") or []) if result else []

    # -- accounts --------------------------------------------------------------------------

    async def create_account(
        self,
        *,
        id: str,
        password: str,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        safe: bool = True,
    ) -> Json:
        self._shared.session.redactor = self._shared.session.redactor.with_secrets(password)
        body = {**(data or {}), "password": password}
        aid = check_id(id, "account")
        return await self._create(Kind.ACCOUNT, (aid,), body, permissions, safe, False)

    async def get_account(self, *, id: str) -> Json:
        result: Json = await self._run(calls.get(Kind.ACCOUNT, (check_id(id, "account"),)))
        return result

    async def get_accounts(self, **filters: Any) -> list[Json]:
        return await self._all(lambda p: calls.listing(Kind.ACCOUNT, (), p), filters, None)

    async def update_account(
        self,
        *,
        id: str,
        password: str,
        data: Mapping[str, Any] | None = None,
        safe: bool = True,
        if_match: Any = None,
    ) -> Json:
        """Replaces the account, e.g. to change its password."""
        self._shared.session.redactor = self._shared.session.redactor.with_secrets(password)
        body = {**(data or {}), "password": password}
        aid = check_id(id, "account")
        return await self._update(Kind.ACCOUNT, (aid,), body, None, safe, if_match)

    async def delete_account(
        self, *, id: str, safe: bool = True, if_match: Any = None, if_exists: bool = False
    ) -> Json | None:
        aid = check_id(id, "account")
        return await self._delete(Kind.ACCOUNT, (aid,), safe, if_match, if_exists)

    # -- attachments (kinto-attachment plugin) ----------------------------------------------

    async def add_attachment(
        self,
        id: str,
        filepath: str | os.PathLike[str],
        filename: str | None = None,
        bucket: str | None = None,
        collection: str | None = None,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        mimetype: str | None = None,
    ) -> Json:
        """Uploads a file (streamed from disk) as the record's attachment, creating the
        record if needed; returns the attachment's metadata (location, hash, size...)."""
        ids = self._record_ids(id, collection, bucket)
        name = filename or os.path.basename(filepath)
        if mimetype is None:
            mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with open(filepath, "rb") as handle:
            call = calls.attach(ids, handle, name, mimetype, data, _permissions(permissions))
            result: Json = await self._run(call)
        return result

    async def remove_attachment(
        self, id: str, bucket: str | None = None, collection: str | None = None
    ) -> None:
        await self._run(calls.detach(self._record_ids(id, collection, bucket)))

    async def download_attachment(
        self,
        record: Mapping[str, Any],
        filepath: str | os.PathLike[str] | None = None,
        save_metadata: bool = False,
        overwrite: bool = False,
        chunk_size: int = 64 * 1024,
        progress: Progress | None = None,
    ) -> str:
        """Downloads a record's attachment (``record`` is its data or its whole body).

        The file is streamed to a temporary file, resumed after a dropped connection,
        checked against the record's size and SHA-256, then renamed into place; a file
        already there with the same hash is kept unless ``overwrite``. The server's file
        name never escapes ``filepath``. Credentials go only to the Kinto server's origin.
        """
        data = record.get("data", record)
        attachment = data.get("attachment") if isinstance(data, Mapping) else None
        if not isinstance(attachment, Mapping):
            raise ValueError("the record has no attachment")
        target = target_path(str(attachment.get("filename") or "attachment"), filepath)
        size, digest = attachment.get("size"), attachment.get("hash")
        if (
            not overwrite
            and target.exists()
            and target.stat().st_size == size
            and sha256_of(target) == digest
        ):
            return str(target)
        url = await self._attachment_url(str(attachment["location"]))
        same_origin = httpx.URL(url).netloc == httpx.URL(self.server_url).netloc
        await async_download_to_path(
            self._shared.session.http,
            url,
            target,
            expected_size=size if isinstance(size, int) else None,
            expected_sha256=digest if isinstance(digest, str) else None,
            auth=httpx.USE_CLIENT_DEFAULT if same_origin else None,
            chunk_size=chunk_size,
            progress=progress,
            redactor=self._shared.session.redactor,
        )
        if save_metadata:
            atomic_write_text(f"{target}.meta.json", json.dumps(dict(data)))
        return str(target)

    async def _attachment_url(self, location: str) -> str:
        capabilities = (await self._server_info()).get("capabilities") or {}
        attachments = capabilities.get("attachments") if isinstance(capabilities, dict) else None
        base_url = attachments.get("base_url") if isinstance(attachments, dict) else None
        if not base_url or not isinstance(base_url, str):
            raise MissingCapability("the server announces no attachments base_url", status=200)
        return urljoin(str(base_url).rstrip("/") + "/", location.lstrip("/"))

    # -- batch -----------------------------------------------------------------------------

    def batch(
        self, *, bucket: str | None = None, collection: str | None = None
    ) -> AsyncBatchClient:
        """Queues the calls made inside ``async with client.batch() as batch:`` and sends
        them on exit, split at the server's ``batch_max_requests``. Inside the block,
        calls return None; afterwards ``batch.results()`` holds every sub-response body.
        If any sub-request failed, one :class:`KintoBatchException` names every failure
        (4xx are tolerated with ``ignore_batch_4xx=True``)."""
        clone = self.clone(bucket=bucket, collection=collection)
        batch = object.__new__(AsyncBatchClient)
        batch.__dict__.update(clone.__dict__)
        batch._runner = AsyncBatchRunner(
            send=self._response,
            settings=self._server_settings,
            ignore_4xx=self._shared.ignore_batch_4xx,
            redactor=self._shared.session.redactor,
        )
        return batch


class AsyncBatchClient(AsyncKintoClient):
    """The client inside ``client.batch()``: every call is queued, not sent."""

    _runner: AsyncBatchRunner

    async def _response(self, call: Call) -> httpx.Response | None:
        self._runner.queue(call)
        return None

    async def _run(self, call: Call) -> Any:
        self._runner.queue(call)
        return None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        if exc[0] is None:
            await self._runner.send()

    async def send(self) -> list[Any]:
        """Sends what is queued now (``__aexit__`` does this for you)."""
        return await self._runner.send()

    def results(self) -> list[Any]:
        return self._runner.results()

    def responses(self) -> list[Any]:
        return self._runner.responses()

    async def aclose(self) -> None:
        """The batch shares its parent's connections; closing it closes nothing."""


def _next_page_info(next_page: str) -> PageInfo | None:
    # Only the token is taken from Next-Page: the URL names the server as the server
    # sees itself (behind a proxy, another host), and credentials must not follow it.
    token = parse_qs(urlsplit(next_page).query).get("_token", [""])[0]
    return PageInfo(params={"_token": token}) if token else None
