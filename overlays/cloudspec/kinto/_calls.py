"""Builds a :class:`Call` per Kinto operation from the generated ``_get_kwargs``.

Paths, quoting, parameter names and content types come from ``specs/kinto.yaml``
through the generated package; this module only picks the operation for a
resource kind and adds what the spec cannot express (field filters).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO, TypeVar

from cloudspec.kinto_api.api.accounts import (
    delete_account,
    get_account,
    get_accounts,
    patch_account,
    update_account,
)
from cloudspec.kinto_api.api.attachments import add_attachment, remove_attachment
from cloudspec.kinto_api.api.batch import batch
from cloudspec.kinto_api.api.buckets import (
    count_buckets,
    delete_bucket,
    delete_buckets,
    get_bucket,
    get_buckets,
    patch_bucket,
    update_bucket,
)
from cloudspec.kinto_api.api.collections import (
    count_collections,
    delete_collection,
    delete_collections,
    get_collection,
    get_collections,
    patch_collection,
    update_collection,
)
from cloudspec.kinto_api.api.groups import (
    count_groups,
    delete_group,
    delete_groups,
    get_group,
    get_groups,
    patch_group,
    update_group,
)
from cloudspec.kinto_api.api.history import delete_history, get_history, get_snapshot
from cloudspec.kinto_api.api.permissions import get_permissions
from cloudspec.kinto_api.api.records import (
    count_records,
    delete_record,
    delete_records,
    get_record,
    get_records,
    patch_record,
    update_record,
)
from cloudspec.kinto_api.api.server import (
    flush,
    heartbeat,
    server_info,
)
from cloudspec.kinto_api.models import (
    AccountWrite,
    AttachmentUpload,
    BatchRequest,
    BucketWrite,
    CollectionWrite,
    GroupWrite,
    JsonPatchOperation,
    RecordPermissions,
    RecordWrite,
    RecordWriteData,
)
from cloudspec.kinto_api.models import MergePatch as MergePatchModel
from cloudspec.kinto_api.types import UNSET, File, Unset

from ._call import Call
from .exceptions import BucketNotFound, CollectionNotFound, KintoNotFound
from .patch_type import JSONPatch, MergePatch, PatchType

__all__ = [
    "FILTER_PREFIXES",
    "attach",
    "detach",
    "UNSET",
    "Kind",
    "ListParams",
    "batch_call",
    "count",
    "delete",
    "delete_many",
    "etag",
    "flush_call",
    "get",
    "write_body",
    "heartbeat_call",
    "hello",
    "history",
    "listing",
    "patch",
    "permissions",
    "purge_history",
    "put",
    "snapshot",
]

# The field filters Kinto understands (``kinto.core.utils.COMPARISON``); the spec
# lists the same in ``x-kinto-filter-prefixes`` and a test keeps them equal.
FILTER_PREFIXES = (
    "min_",
    "max_",
    "lt_",
    "gt_",
    "not_",
    "eq_",
    "in_",
    "exclude_",
    "like_",
    "has_",
    "contains_",
    "contains_any_",
)


class Kind(enum.Enum):
    BUCKET = "bucket"
    COLLECTION = "collection"
    GROUP = "group"
    RECORD = "record"
    ACCOUNT = "account"


_NOT_FOUND: dict[Kind, type[KintoNotFound]] = {
    Kind.BUCKET: BucketNotFound,
    Kind.COLLECTION: CollectionNotFound,
}


class ListParams:
    """kinto-http style keyword arguments, split into the spec's parameters and filters."""

    __slots__ = (
        "before",
        "extra",
        "fields",
        "if_none_match",
        "limit",
        "since",
        "sort",
        "to",
        "token",
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.limit: int | Unset = UNSET
        self.sort: str | Unset = UNSET
        self.token: str | Unset = UNSET
        self.since: str | Unset = UNSET
        self.before: str | Unset = UNSET
        self.to: str | Unset = UNSET
        self.fields: str | Unset = UNSET
        self.if_none_match: str | Unset = UNSET
        self.extra: dict[str, Any] = {}
        for key, value in params.items():
            if value is None:
                continue
            if key == "_limit":
                self.limit = int(value)
            elif key in ("_sort", "_fields"):
                text = value if isinstance(value, str) else ",".join(str(v) for v in value)
                setattr(self, key[1:], text)
            elif key in ("_token", "_since", "_before", "_to"):
                setattr(self, key[1:], str(value))
            elif key == "if_none_match":  # kinto-http's conditional listing: 304 -> []
                self.if_none_match = etag(value)
            else:
                self.extra[key] = value

    def with_token(self, token: str | None) -> ListParams:
        clone = ListParams({})
        for name in self.__slots__:
            setattr(clone, name, getattr(self, name))
        clone.token = UNSET if token is None else token
        return clone


def _opt(value: str | None) -> str | Unset:
    return UNSET if value is None else value


W = TypeVar("W", BucketWrite, CollectionWrite, GroupWrite, RecordWrite, AccountWrite)


def write_body(data: Mapping[str, Any] | None, permissions: Any) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if data is not None:
        body["data"] = dict(data)
    if permissions is not None:
        body["permissions"] = dict(permissions)
    return body


def _write(model: type[W], data: Mapping[str, Any] | None, permissions: Any) -> W:
    return model.from_dict(write_body(data, permissions))


def etag(value: object) -> str:
    """Kinto's ETag form: a quoted integer (``"1795440242315"``), or ``*``."""
    text = str(value)
    if text == "*" or (text.startswith('"') and text.endswith('"')):
        return text
    return f'"{text}"'


def get(kind: Kind, ids: Sequence[str]) -> Call:
    if kind is Kind.BUCKET:
        kw = get_bucket._get_kwargs(ids[0])
    elif kind is Kind.COLLECTION:
        kw = get_collection._get_kwargs(ids[0], ids[1])
    elif kind is Kind.GROUP:
        kw = get_group._get_kwargs(ids[0], ids[1])
    elif kind is Kind.RECORD:
        kw = get_record._get_kwargs(ids[0], ids[1], ids[2])
    else:
        kw = get_account._get_kwargs(ids[0])
    return Call.from_kwargs(kw, not_found=_NOT_FOUND.get(kind))


def put(
    kind: Kind,
    ids: Sequence[str],
    data: Mapping[str, Any] | None,
    permissions: Any,
    *,
    if_match: str | None = None,
    if_none_match: str | None = None,
) -> Call:
    im, inm = _opt(if_match), _opt(if_none_match)
    if kind is Kind.BUCKET:
        kw = update_bucket._get_kwargs(ids[0], if_match=im, if_none_match=inm)
    elif kind is Kind.COLLECTION:
        kw = update_collection._get_kwargs(ids[0], ids[1], if_match=im, if_none_match=inm)
    elif kind is Kind.GROUP:
        kw = update_group._get_kwargs(ids[0], ids[1], if_match=im, if_none_match=inm)
    elif kind is Kind.RECORD:
        kw = update_record._get_kwargs(ids[0], ids[1], ids[2], if_match=im, if_none_match=inm)
    else:
        kw = update_account._get_kwargs(
            ids[0], body=_write(AccountWrite, data, permissions), if_match=im, if_none_match=inm
        )
    # The body is the spec's <Kind>Write schema ({data, permissions}), set as JSON as it
    # is: a round trip through the generated model gives the same JSON and cost a third
    # of the client's CPU per batched record. tests/unit/test_kinto_bodies.py checks that
    # the generated models read and write these bodies unchanged.
    kw["json"] = write_body(data, permissions)
    return Call.from_kwargs(kw, not_found=_NOT_FOUND.get(kind))


def _patch_body(
    model: type[W], change: PatchType
) -> W | MergePatchModel | list[JsonPatchOperation]:
    if isinstance(change, JSONPatch):
        return [JsonPatchOperation.from_dict(op) for op in change.operations]
    if isinstance(change, MergePatch):
        return MergePatchModel.from_dict(change.body)
    return model.from_dict(change.body)


def patch(
    kind: Kind, ids: Sequence[str], change: PatchType, *, if_match: str | None = None
) -> Call:
    im = _opt(if_match)
    if kind is Kind.BUCKET:
        kw = patch_bucket._get_kwargs(ids[0], body=_patch_body(BucketWrite, change), if_match=im)
    elif kind is Kind.COLLECTION:
        kw = patch_collection._get_kwargs(
            ids[0], ids[1], body=_patch_body(CollectionWrite, change), if_match=im
        )
    elif kind is Kind.GROUP:
        kw = patch_group._get_kwargs(
            ids[0], ids[1], body=_patch_body(GroupWrite, change), if_match=im
        )
    elif kind is Kind.RECORD:
        kw = patch_record._get_kwargs(
            ids[0], ids[1], ids[2], body=_patch_body(RecordWrite, change), if_match=im
        )
    else:
        kw = patch_account._get_kwargs(ids[0], body=_patch_body(AccountWrite, change), if_match=im)
    return Call.from_kwargs(kw, not_found=_NOT_FOUND.get(kind))


def delete(kind: Kind, ids: Sequence[str], *, if_match: str | None = None) -> Call:
    im = _opt(if_match)
    if kind is Kind.BUCKET:
        kw = delete_bucket._get_kwargs(ids[0], if_match=im)
    elif kind is Kind.COLLECTION:
        kw = delete_collection._get_kwargs(ids[0], ids[1], if_match=im)
    elif kind is Kind.GROUP:
        kw = delete_group._get_kwargs(ids[0], ids[1], if_match=im)
    elif kind is Kind.RECORD:
        kw = delete_record._get_kwargs(ids[0], ids[1], ids[2], if_match=im)
    else:
        kw = delete_account._get_kwargs(ids[0], if_match=im)
    return Call.from_kwargs(kw, not_found=_NOT_FOUND.get(kind))


def listing(kind: Kind, parent_ids: Sequence[str], p: ListParams) -> Call:
    if kind is Kind.BUCKET:
        kw = get_buckets._get_kwargs(
            limit=p.limit,
            sort=p.sort,
            token=p.token,
            since=p.since,
            before=p.before,
            to=p.to,
            fields=p.fields,
            if_none_match=p.if_none_match,
        )
    elif kind is Kind.COLLECTION:
        kw = get_collections._get_kwargs(
            parent_ids[0],
            limit=p.limit,
            sort=p.sort,
            token=p.token,
            since=p.since,
            before=p.before,
            to=p.to,
            fields=p.fields,
            if_none_match=p.if_none_match,
        )
    elif kind is Kind.GROUP:
        kw = get_groups._get_kwargs(
            parent_ids[0],
            limit=p.limit,
            sort=p.sort,
            token=p.token,
            since=p.since,
            before=p.before,
            to=p.to,
            fields=p.fields,
            if_none_match=p.if_none_match,
        )
    elif kind is Kind.RECORD:
        kw = get_records._get_kwargs(
            parent_ids[0],
            parent_ids[1],
            limit=p.limit,
            sort=p.sort,
            token=p.token,
            since=p.since,
            before=p.before,
            to=p.to,
            fields=p.fields,
            if_none_match=p.if_none_match,
        )
    else:
        kw = get_accounts._get_kwargs(
            limit=p.limit,
            sort=p.sort,
            token=p.token,
            since=p.since,
            before=p.before,
            to=p.to,
            fields=p.fields,
            if_none_match=p.if_none_match,
        )
    parent = Kind.BUCKET if kind in (Kind.COLLECTION, Kind.GROUP) else Kind.COLLECTION
    not_found = _NOT_FOUND.get(parent) if kind is not Kind.BUCKET else None
    return Call.from_kwargs(kw, extra_params=p.extra, not_found=not_found)


def count(kind: Kind, parent_ids: Sequence[str], p: ListParams) -> Call:
    # Kinto sends Total-Objects on HEAD only; paging parameters do not apply to a count.
    if kind is Kind.BUCKET:
        kw = count_buckets._get_kwargs(since=p.since, before=p.before, to=p.to)
    elif kind is Kind.COLLECTION:
        kw = count_collections._get_kwargs(parent_ids[0], since=p.since, before=p.before, to=p.to)
    elif kind is Kind.GROUP:
        kw = count_groups._get_kwargs(parent_ids[0], since=p.since, before=p.before, to=p.to)
    else:
        kw = count_records._get_kwargs(
            parent_ids[0], parent_ids[1], since=p.since, before=p.before, to=p.to
        )
    return Call.from_kwargs(kw, extra_params=p.extra)


def delete_many(
    kind: Kind, parent_ids: Sequence[str], p: ListParams, *, if_match: str | None = None
) -> Call:
    im = _opt(if_match)
    if kind is Kind.BUCKET:
        kw = delete_buckets._get_kwargs(
            if_match=im, limit=p.limit, sort=p.sort, since=p.since, before=p.before, to=p.to
        )
    elif kind is Kind.COLLECTION:
        kw = delete_collections._get_kwargs(
            parent_ids[0],
            if_match=im,
            limit=p.limit,
            sort=p.sort,
            since=p.since,
            before=p.before,
            to=p.to,
        )
    elif kind is Kind.GROUP:
        kw = delete_groups._get_kwargs(
            parent_ids[0],
            if_match=im,
            limit=p.limit,
            sort=p.sort,
            since=p.since,
            before=p.before,
            to=p.to,
        )
    elif kind is Kind.RECORD:
        kw = delete_records._get_kwargs(
            parent_ids[0],
            parent_ids[1],
            if_match=im,
            limit=p.limit,
            sort=p.sort,
            since=p.since,
            before=p.before,
            to=p.to,
        )
    else:
        raise ValueError("accounts are deleted one by one")
    return Call.from_kwargs(kw, extra_params=p.extra)


def history(bucket_id: str, p: ListParams) -> Call:
    kw = get_history._get_kwargs(
        bucket_id,
        limit=p.limit,
        sort=p.sort,
        token=p.token,
        since=p.since,
        before=p.before,
        to=p.to,
        fields=p.fields,
    )
    return Call.from_kwargs(kw, extra_params=p.extra, not_found=BucketNotFound)


def purge_history(bucket_id: str, p: ListParams, *, if_match: str | None = None) -> Call:
    kw = delete_history._get_kwargs(
        bucket_id,
        limit=p.limit,
        sort=p.sort,
        token=p.token,
        since=p.since,
        before=p.before,
        to=p.to,
        if_match=_opt(if_match),
    )
    return Call.from_kwargs(kw, extra_params=p.extra, not_found=BucketNotFound)


def snapshot(bucket_id: str, collection_id: str, timestamp: int) -> Call:
    return Call.from_kwargs(get_snapshot._get_kwargs(bucket_id, collection_id, timestamp))


def permissions(p: ListParams) -> Call:
    kw = get_permissions._get_kwargs(
        limit=p.limit,
        sort=p.sort,
        token=p.token,
        since=p.since,
        before=p.before,
        to=p.to,
        fields=p.fields,
    )
    return Call.from_kwargs(kw, extra_params=p.extra)


def hello() -> Call:
    return Call.from_kwargs(server_info._get_kwargs())


def heartbeat_call() -> Call:
    return Call.from_kwargs(heartbeat._get_kwargs())


def flush_call() -> Call:
    return Call.from_kwargs(flush._get_kwargs())


def attach(
    ids: Sequence[str],
    handle: BinaryIO,
    filename: str,
    mimetype: str | None,
    data: Mapping[str, Any] | None,
    permissions: Mapping[str, Any] | None,
) -> Call:
    body = AttachmentUpload(
        attachment=File(payload=handle, file_name=filename, mime_type=mimetype),
        data=UNSET if data is None else RecordWriteData.from_dict(dict(data)),
        permissions=UNSET if permissions is None else RecordPermissions.from_dict(permissions),
    )
    kw = add_attachment._get_kwargs(ids[0], ids[1], ids[2], body=body)
    # Not replayable: kinto-attachment deletes the current file before it parses a POST.
    return Call.from_kwargs(kw, idempotent=False)


def detach(ids: Sequence[str]) -> Call:
    return Call.from_kwargs(remove_attachment._get_kwargs(ids[0], ids[1], ids[2]))


def batch_call(requests: Sequence[Mapping[str, Any]], *, idempotent: bool) -> Call:
    # The generated operation gives method, path and headers; the body is set directly:
    # a round trip of every sub-request through the generated models and back cost
    # more CPU than the rest of the batch (bench/RESULTS.md). Sub-requests are built by
    # _batching.subrequest from calls that went through the generated operations.
    kwargs = batch._get_kwargs(body=BatchRequest(requests=[]))
    kwargs["json"] = {"requests": list(requests)}
    return Call.from_kwargs(kwargs, idempotent=idempotent)
