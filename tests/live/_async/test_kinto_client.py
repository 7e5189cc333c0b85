"""Live tests of the Kinto client against a real Kinto 26.5.0 (the ``kinto_server`` fixture).

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. Every test builds its own clients (``async with``), uses bucket names
of its own and leaves the server to ``kinto_flush``. Writes are checked by reading the
server's state back, never by trusting the write's own answer.

Requests are observed through :class:`Recorder`, the real network transport passed as
``transport=``: it sees every attempt (the client's retry and debug layers wrap it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from cloudspec.core import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    ServerError,
)
from cloudspec.core.errors import TimeoutError as CloudspecTimeoutError
from cloudspec.kinto import (
    AsyncKintoClient,
    BasicPatch,
    BucketForbidden,
    BucketNotFound,
    CollectionForbidden,
    CollectionNotFound,
    JSONPatch,
    KintoAlert,
    KintoAuthenticationError,
    KintoBadRequest,
    KintoBatchException,
    KintoException,
    KintoNotFound,
    KintoPermissionDenied,
    KintoPreconditionFailed,
    KintoServerError,
    MergePatch,
)
from cloudspec.kinto._async.objects import AsyncBucket, AsyncRecord
from cloudspec.kinto_api.api.server import server_info as server_info_op

pytestmark = [pytest.mark.live, pytest.mark.usefixtures("kinto_flush")]

EVERYONE = "system.Everyone"
BAD_IDS = ("bad id!", "a.b", "Hello World")


class Server(Protocol):
    """What tests/conftest.py's ``kinto_server`` fixture provides."""

    @property
    def url(self) -> str: ...
    @property
    def auth(self) -> tuple[str, str]: ...
    @property
    def other_auth(self) -> tuple[str, str]: ...


class Recorder(httpx.AsyncBaseTransport):
    """The real transport, remembering every request; ``fail_next`` answers 503 instead."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []
        self.fail_next = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail_next > 0:
            self.fail_next -= 1
            body = {"code": 503, "errno": 201, "error": "Service Unavailable"}
            return httpx.Response(503, json=body, request=request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()

    def sent(self, method: str, path_end: str = "") -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path.endswith(path_end)]


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def alice(server: Server, **options: Any) -> AsyncKintoClient:
    return AsyncKintoClient(server_url=server.url, auth=server.auth, **options)


def bob(server: Server, **options: Any) -> AsyncKintoClient:
    return AsyncKintoClient(server_url=server.url, auth=server.other_auth, **options)


def anonymous(server: Server, **options: Any) -> AsyncKintoClient:
    return AsyncKintoClient(server_url=server.url, **options)


async def principal_of(client: AsyncKintoClient) -> str:
    info = await client.server_info()
    user_id: str = info["user"]["id"]
    return user_id


async def make_records(
    client: AsyncKintoClient, bucket: str, collection: str, count: int
) -> list[dict[str, Any]]:
    """``count`` records r00.. with i, name, tags and (on r00 only) a null ``maybe``, in a batch."""
    await client.create_bucket(id=bucket, if_not_exists=True)
    await client.create_collection(id=collection, bucket=bucket, if_not_exists=True)
    async with client.batch(bucket=bucket, collection=collection) as batch:
        for i in range(count):
            data: dict[str, Any] = {
                "i": i,
                "name": f"n{i}",
                "tags": ["even" if i % 2 == 0 else "odd"],
            }
            if i == 0:
                data["maybe"] = None
            await batch.create_record(id=f"r{i:02d}", data=data)
    return [result["data"] for result in batch.results()]


def ints(records: list[dict[str, Any]]) -> list[int]:
    return [record["i"] for record in records]


# -- server ------------------------------------------------------------------------------


async def test_server_info_heartbeat_and_generated_api(kinto_server: Server) -> None:
    async with alice(kinto_server) as client:
        info = await client.server_info()
        assert info["project_name"] == "kinto"
        assert info["settings"]["batch_max_requests"] == 25
        assert info["user"]["id"].startswith("basicauth:")
        beats = await client.heartbeat()
        assert {key: beats[key] for key in ("storage", "permission", "cache")} == {
            "storage": True,
            "permission": True,
            "cache": True,
        }
        assert client.server_url == kinto_server.url
        assert kinto_server.url in repr(client)
        assert "alice-secret" not in repr(client)
        # The generated client shares the overlay's connection, auth and retries.
        response = await server_info_op.asyncio_detailed(client=client.api)
        assert response.status_code == 200
        assert json.loads(response.content)["user"]["id"] == info["user"]["id"]


async def test_server_url_is_normalised(kinto_server: Server) -> None:
    root = kinto_server.url.removesuffix("/v1")
    async with AsyncKintoClient(server_url=root + "/", auth=kinto_server.auth) as client:
        assert client.server_url == kinto_server.url
        assert (await client.server_info())["project_name"] == "kinto"


async def test_flush_wipes_the_server(kinto_server: Server) -> None:
    async with alice(kinto_server) as client:
        await client.create_bucket(id=unique("flush"))
        assert await client.count_buckets() == 1
        await client.flush()
        assert await client.get_buckets() == []
        assert await client.count_buckets() == 0


# -- buckets -----------------------------------------------------------------------------


async def test_bucket_create_get_update_patch_delete(kinto_server: Server) -> None:
    name = unique("bkt")
    async with alice(kinto_server) as client:
        me = await principal_of(client)
        created = await client.create_bucket(id=name, data={"title": "B"})
        assert created["data"]["title"] == "B"
        assert me in created["permissions"]["write"]

        with pytest.raises(KintoPreconditionFailed) as dup:
            await client.create_bucket(id=name, data={"title": "other"})
        assert isinstance(dup.value, PreconditionFailedError)
        assert dup.value.errno == 114
        existing = await client.create_bucket(id=name, data={"title": "x"}, if_not_exists=True)
        assert existing["data"] == created["data"]

        fetched = await client.get_bucket(id=name)
        assert fetched["data"] == created["data"]

        updated = await client.update_bucket(id=name, data={**created["data"], "title": "B2"})
        assert (await client.get_bucket(id=name))["data"]["title"] == "B2"

        with pytest.raises(KintoPreconditionFailed) as stale:
            await client.update_bucket(id=name, data={**created["data"], "title": "lost"})
        assert stale.value.existing is not None
        assert stale.value.existing["title"] == "B2"
        assert stale.value.existing["last_modified"] == updated["data"]["last_modified"]

        await client.update_bucket(id=name, data={**created["data"], "title": "B3"}, safe=False)
        assert (await client.get_bucket(id=name))["data"]["title"] == "B3"

        await client.patch_bucket(id=name, data={"extra": 1})
        after_patch = (await client.get_bucket(id=name))["data"]
        assert after_patch["title"] == "B3"
        assert after_patch["extra"] == 1

        with pytest.raises(ValueError, match="either"):
            await client.patch_bucket(id=name, changes=BasicPatch(data={"a": 1}), data={"b": 2})

        with pytest.raises(KintoPreconditionFailed):
            await client.delete_bucket(id=name, if_match=created["data"]["last_modified"])
        assert (await client.get_bucket(id=name))["data"]["extra"] == 1

        deleted = await client.delete_bucket(id=name, if_match=after_patch["last_modified"])
        assert deleted is not None
        assert deleted["deleted"] is True
        # Kinto answers 403 for a missing bucket (existence does not leak).
        with pytest.raises(BucketForbidden):
            await client.get_bucket(id=name)


async def test_bucket_lists_filters_counts_and_plural_delete(kinto_server: Server) -> None:
    names = [unique(f"list{i}") for i in range(5)]
    async with alice(kinto_server) as client:
        for i, name in enumerate(names):
            await client.create_bucket(id=name, data={"n": i})
        before = await client.get_buckets()
        assert {b["id"] for b in before} == set(names)

        assert [b["n"] for b in await client.get_buckets(_sort="n")] == [0, 1, 2, 3, 4]
        assert [b["n"] for b in await client.get_buckets(min_n=3, _sort="-n")] == [4, 3]
        assert await client.count_buckets() == 5
        assert await client.count_buckets(min_n=3) == 2
        assert [b["id"] async for b in client.iter_buckets(page_size=2, _sort="n")] == names

        gone = await client.delete_buckets(in_id=names[:2])
        assert sorted(t["id"] for t in gone) == sorted(names[:2])
        assert all(t["deleted"] for t in gone)
        # (Kinto lists no bucket tombstones: the bucket's permissions went with it.)
        assert {b["id"] for b in await client.get_buckets()} == set(names[2:])


# -- collections -------------------------------------------------------------------------


async def test_collection_lifecycle_lists_and_counts(kinto_server: Server) -> None:
    bucket = unique("colb")
    async with alice(kinto_server) as client:
        await client.create_bucket(id=bucket)
        created = await client.create_collection(id="c0", bucket=bucket, data={"title": "C"})
        assert created["data"]["title"] == "C"
        with pytest.raises(KintoPreconditionFailed):
            await client.create_collection(id="c0", bucket=bucket)
        same = await client.create_collection(id="c0", bucket=bucket, if_not_exists=True)
        assert same["data"] == created["data"]
        assert (await client.get_collection(id="c0", bucket=bucket))["data"]["title"] == "C"

        await client.update_collection(id="c0", bucket=bucket, data={"title": "C2"})
        with pytest.raises(KintoPreconditionFailed) as stale:
            await client.update_collection(id="c0", bucket=bucket, data=created["data"])
        assert stale.value.existing is not None
        assert stale.value.existing["title"] == "C2"
        await client.update_collection(id="c0", bucket=bucket, data=created["data"], safe=False)
        assert (await client.get_collection(id="c0", bucket=bucket))["data"]["title"] == "C"

        await client.patch_collection(
            id="c0", bucket=bucket, changes=MergePatch(data={"title": None, "k": {"v": 1}})
        )
        patched = (await client.get_collection(id="c0", bucket=bucket))["data"]
        assert "title" not in patched
        assert patched["k"] == {"v": 1}

        for i in range(1, 5):
            await client.create_collection(id=f"c{i}", bucket=bucket, data={"n": i})
        listed = await client.get_collections(bucket=bucket, _sort="id", _fields=["n"])
        assert [c["id"] for c in listed] == ["c0", "c1", "c2", "c3", "c4"]
        assert all(set(c) <= {"id", "last_modified", "n"} for c in listed)
        assert "k" not in listed[0]
        assert [c["id"] for c in await client.get_collections(bucket=bucket, in_id="c1,c3")] == [
            "c3",
            "c1",
        ]
        assert await client.count_collections(bucket=bucket) == 5
        assert await client.count_collections(bucket=bucket, in_n=[2, 3]) == 2
        ids = [c["id"] async for c in client.iter_collections(bucket=bucket, page_size=2)]
        assert sorted(ids) == ["c0", "c1", "c2", "c3", "c4"]

        with pytest.raises(KintoPreconditionFailed):
            await client.delete_collection(id="c1", bucket=bucket, if_match=1)
        assert await client.delete_collection(id="nope", bucket=bucket, if_exists=True) is None
        with pytest.raises(CollectionNotFound) as missing:
            await client.delete_collection(id="nope", bucket=bucket)
        assert missing.value.errno == 110

        since = await client.get_collections(bucket=bucket, _limit=1)
        gone = await client.delete_collections(bucket=bucket, exclude_id=["c0", "c1"])
        assert sorted(t["id"] for t in gone) == ["c2", "c3", "c4"]
        tombstones = await client.get_collections(bucket=bucket, _since=since[0]["last_modified"])
        assert sorted((t["id"], t["deleted"]) for t in tombstones) == [
            ("c2", True),
            ("c3", True),
            ("c4", True),
        ]
        remaining = {c["id"] for c in await client.get_collections(bucket=bucket)}
        assert remaining == {"c0", "c1"}
        await client.delete_collection(id="c1", bucket=bucket)
        with pytest.raises(CollectionNotFound):
            await client.get_collection(id="c1", bucket=bucket)


# -- groups ------------------------------------------------------------------------------


async def test_group_lifecycle_membership_grants_access(kinto_server: Server) -> None:
    bucket = unique("grp")
    async with alice(kinto_server) as client, bob(kinto_server) as other:
        bob_id = await principal_of(other)
        await client.create_bucket(id=bucket)
        created = await client.create_group(id="readers", bucket=bucket)
        assert created["data"]["members"] == []
        with pytest.raises(KintoPreconditionFailed):
            await client.create_group(id="readers", bucket=bucket)
        again = await client.create_group(id="readers", bucket=bucket, if_not_exists=True)
        assert again["data"] == created["data"]

        # Bob cannot read the bucket until he is in a group that may.
        with pytest.raises(BucketForbidden):
            await other.get_bucket(id=bucket)
        await client.patch_group(
            id="readers",
            bucket=bucket,
            changes=JSONPatch([{"op": "add", "path": "/data/members/0", "value": bob_id}]),
        )
        assert (await client.get_group(id="readers", bucket=bucket))["data"]["members"] == [bob_id]
        await client.patch_bucket(
            id=bucket, permissions={"read": [f"/buckets/{bucket}/groups/readers"]}
        )
        assert (await other.get_bucket(id=bucket))["data"]["id"] == bucket

        stale = created["data"]
        with pytest.raises(KintoPreconditionFailed):
            await client.update_group(id="readers", bucket=bucket, data=stale)
        await client.update_group(id="readers", bucket=bucket, data={"members": []}, safe=False)
        assert (await client.get_group(id="readers", bucket=bucket))["data"]["members"] == []
        with pytest.raises(BucketForbidden):
            await other.get_bucket(id=bucket)

        for name in ("g1", "g2", "g3"):
            await client.create_group(id=name, bucket=bucket, data={"members": [name]})
        assert await client.count_groups(bucket=bucket) == 4
        assert {g["id"] for g in await client.get_groups(bucket=bucket)} == {
            "readers",
            "g1",
            "g2",
            "g3",
        }
        assert len([g async for g in client.iter_groups(bucket=bucket, page_size=1)]) == 4
        assert [g["id"] for g in await client.get_groups(bucket=bucket, _limit=1, _sort="id")] == [
            "g1"
        ]

        with pytest.raises(KintoPreconditionFailed):
            await client.delete_group(id="g1", bucket=bucket, if_match=1)
        assert await client.delete_group(id="nope", bucket=bucket, if_exists=True) is None
        with pytest.raises(KintoNotFound):
            await client.delete_group(id="nope", bucket=bucket)
        await client.delete_group(id="g1", bucket=bucket)
        gone = await client.delete_groups(bucket=bucket, in_id=["g2", "g3"])
        assert sorted(t["id"] for t in gone) == ["g2", "g3"]
        assert [g["id"] for g in await client.get_groups(bucket=bucket)] == ["readers"]


# -- records -----------------------------------------------------------------------------


async def test_record_create_get_update_delete(kinto_server: Server) -> None:
    bucket = unique("rec")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await client.create_bucket()
        await client.create_collection()

        generated = await client.create_record(data={"title": "no id"})
        assert uuid.UUID(generated["data"]["id"])
        from_data = await client.create_record(data={"id": "from-data", "n": 1})
        assert from_data["data"]["id"] == "from-data"

        created = await client.create_record(id="r1", data={"title": "one"})
        with pytest.raises(KintoPreconditionFailed):
            await client.create_record(id="r1", data={"title": "clobber"})
        existing = await client.create_record(id="r1", data={"title": "x"}, if_not_exists=True)
        assert existing["data"] == created["data"]
        assert (await client.get_record(id="r1"))["data"]["title"] == "one"

        updated = await client.update_record(data={**created["data"], "title": "two"})
        assert (await client.get_record(id="r1"))["data"]["title"] == "two"
        with pytest.raises(KintoPreconditionFailed) as stale:
            await client.update_record(data={**created["data"], "title": "lost update"})
        assert stale.value.existing == updated["data"]
        assert (await client.get_record(id="r1"))["data"]["title"] == "two"
        await client.update_record(id="r1", data={"title": "forced"}, safe=False)
        replaced = (await client.get_record(id="r1"))["data"]
        assert replaced["title"] == "forced"

        with pytest.raises(KintoPreconditionFailed):
            await client.delete_record(id="r1", if_match=created["data"]["last_modified"])
        assert (await client.get_record(id="r1"))["data"]["title"] == "forced"
        tombstone = await client.delete_record(id="r1", if_match=replaced["last_modified"])
        assert tombstone is not None
        assert tombstone == {
            "id": "r1",
            "last_modified": tombstone["last_modified"],
            "deleted": True,
        }
        with pytest.raises(KintoNotFound):
            await client.get_record(id="r1")
        assert await client.delete_record(id="r1", if_exists=True) is None
        assert {r["id"] for r in await client.get_records()} == {
            generated["data"]["id"],
            "from-data",
        }


async def test_record_patch_types(kinto_server: Server) -> None:
    bucket = unique("patch")
    async with (
        alice(kinto_server, bucket=bucket, collection="c") as client,
        bob(kinto_server, bucket=bucket, collection="c") as other,
    ):
        bob_id = await principal_of(other)
        await client.create_bucket()
        await client.create_collection()
        base = {"a": 1, "n": 5, "tags": ["x"], "nested": {"b": 1, "c": 2}}
        created = await client.create_record(id="r", data=base)

        # BasicPatch (application/json): shallow merge, None is stored as null.
        await client.patch_record(id="r", changes=BasicPatch(data={"n": None, "new": True}))
        data = (await client.get_record(id="r"))["data"]
        assert "n" in data
        assert data["n"] is None
        assert data["new"] is True
        assert data["nested"] == {"b": 1, "c": 2}

        # MergePatch (RFC 7396): None deletes, recursively.
        await client.patch_record(
            id="r", changes=MergePatch(data={"tags": None, "nested": {"b": None}})
        )
        data = (await client.get_record(id="r"))["data"]
        assert "tags" not in data
        assert data["nested"] == {"c": 2}
        assert data["a"] == 1

        # JSONPatch (RFC 6902): a data operation and a permission principal operation.
        with pytest.raises(KintoPermissionDenied):
            await other.get_record(id="r")
        await client.patch_record(
            id="r",
            changes=JSONPatch(
                [
                    {"op": "add", "path": "/data/extra", "value": 42},
                    {"op": "add", "path": f"/permissions/read/{bob_id}", "value": bob_id},
                ]
            ),
        )
        record = await client.get_record(id="r")
        assert record["data"]["extra"] == 42
        assert record["permissions"]["read"] == [bob_id]
        assert (await other.get_record(id="r"))["data"]["extra"] == 42
        with pytest.raises(KintoBadRequest):
            await client.patch_record(
                id="r", changes=JSONPatch([{"op": "remove", "path": "/data/nope"}])
            )

        # original= gives If-Match: a stale copy is refused, a fresh one applies.
        with pytest.raises(KintoPreconditionFailed) as stale:
            await client.patch_record(
                original=created["data"], changes=BasicPatch(data={"a": "stale"})
            )
        assert stale.value.existing is not None
        assert stale.value.existing["extra"] == 42
        fresh = record["data"]
        await client.patch_record(original=fresh, changes=BasicPatch(data={"a": "fresh"}))
        assert (await client.get_record(id="r"))["data"]["a"] == "fresh"
        await client.patch_record(
            id="r", data={"a": 3}, if_match=fresh["last_modified"], safe=False
        )
        assert (await client.get_record(id="r"))["data"]["a"] == 3
        with pytest.raises(KintoPreconditionFailed):
            await client.patch_record(id="r", data={"a": 4}, if_match=fresh["last_modified"])


async def test_record_filters_sort_and_fields(kinto_server: Server) -> None:
    bucket = unique("filt")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await make_records(client, bucket, "c", 13)
        assert ints(await client.get_records(min_i=10)) == [12, 11, 10]
        assert ints(await client.get_records(gt_i=3, lt_i=6)) == [5, 4]
        assert ints(await client.get_records(in_i=[1, 2, 3])) == [3, 2, 1]
        first_three = await client.get_records(exclude_i=[1, 2, 3], not_i=4, _sort="i", _limit=3)
        assert ints(first_three) == [0, 5, 6]
        assert ints(await client.get_records(like_name="n1*")) == [12, 11, 10, 1]
        assert ints(await client.get_records(has_maybe=True)) == [0]
        assert len(await client.get_records(has_maybe=False)) == 12
        assert ints(await client.get_records(contains_tags='["odd"]', max_i=5)) == [5, 3, 1]
        assert ints(await client.get_records(name="n7")) == [7]
        assert await client.get_records(unknown_field=1) == []
        assert ints(await client.get_records(_sort=["i"], max_i=2)) == [0, 1, 2]
        partial = await client.get_records(_fields=["name"], _sort="-i", _limit=2)
        assert partial == [
            {"id": "r12", "last_modified": partial[0]["last_modified"], "name": "n12"},
            {"id": "r11", "last_modified": partial[1]["last_modified"], "name": "n11"},
        ]
        assert await client.count_records(min_i=10) == 3
        assert await client.count_records(like_name="n1*") == 4
        with pytest.raises(KintoBadRequest) as bad:
            await client.get_records(_token="not-a-token")
        assert bad.value.errno == 107
        assert "_token" in str(bad.value)


async def test_record_contains_filters_take_lists(kinto_server: Server) -> None:
    bucket = unique("cont")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await make_records(client, bucket, "c", 6)
        assert ints(await client.get_records(contains_any_tags=["odd", "x"])) == [5, 3, 1]


async def test_get_records_if_none_match(kinto_server: Server) -> None:
    bucket = unique("inm")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await make_records(client, bucket, "c", 3)
        stale = (await client.get_records(_sort="i"))[0]["last_modified"]
        # kinto-http: a stale ETag means "changed since", so every record comes back.
        assert ints(await client.get_records(if_none_match=stale, _sort="i")) == [0, 1, 2]


async def test_record_pages_and_limit_semantics(kinto_server: Server) -> None:
    bucket = unique("page")
    recorder = Recorder()
    async with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        await make_records(client, bucket, "c", 13)
        assert len(await client.get_records()) == 13
        # kinto-http: an explicit _limit is one page unless pages= asks for more.
        assert ints(await client.get_records(_limit=5, _sort="i")) == [0, 1, 2, 3, 4]
        assert ints(await client.get_records(_limit=5, _sort="i", pages=2)) == list(range(10))
        assert ints(await client.get_records(_limit=5, _sort="i", pages=float("inf"))) == list(
            range(13)
        )

        pages = [
            ints(page["data"]) async for page in client.get_paginated_records(_limit=5, _sort="i")
        ]
        assert pages == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12]]

        before = len(recorder.sent("GET", "/records"))
        streamed = [r["i"] async for r in client.iter_records(page_size=3, _sort="i")]
        assert streamed == list(range(13))
        assert len(recorder.sent("GET", "/records")) - before == 5  # 3+3+3+3+1
        assert [r["i"] async for r in client.iter_records(min_i=11, page_size=1)] == [12, 11]
        assert await client.count_records() == 13


async def test_plural_delete_tombstones_and_timestamp(kinto_server: Server) -> None:
    bucket = unique("tomb")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await make_records(client, bucket, "c", 6)
        timestamp = await client.get_records_timestamp()
        async with httpx.AsyncClient(auth=kinto_server.auth, trust_env=False) as raw:
            listing = await raw.get(f"{kinto_server.url}/buckets/{bucket}/collections/c/records")
        assert listing.headers["etag"] == f'"{timestamp}"'
        assert int(timestamp) == max(r["last_modified"] for r in await client.get_records())

        with pytest.raises(KintoPreconditionFailed):
            await client.delete_records(if_match=1)
        assert await client.count_records() == 6

        gone = await client.delete_records(min_i=4)
        assert sorted(t["id"] for t in gone) == ["r04", "r05"]
        assert all(t["deleted"] for t in gone)
        assert ints(await client.get_records(_sort="i")) == [0, 1, 2, 3]
        since = await client.get_records(_since=timestamp)
        assert sorted((t["id"], t.get("deleted")) for t in since) == [
            ("r04", True),
            ("r05", True),
        ]
        assert int(await client.get_records_timestamp()) > int(timestamp)

        everything = await client.delete_records(if_match=await client.get_records_timestamp())
        assert len(everything) == 4
        assert await client.get_records() == []


# -- ids ---------------------------------------------------------------------------------

IdOperation = Callable[[AsyncKintoClient, str], Awaitable[Any]]

ID_OPERATIONS: list[IdOperation] = [
    lambda c, bad: c.create_bucket(id=bad),
    lambda c, bad: c.get_bucket(id=bad),
    lambda c, bad: c.update_bucket(id=bad, data={}),
    lambda c, bad: c.delete_bucket(id=bad),
    lambda c, bad: c.get_collections(bucket=bad),
    lambda c, bad: c.create_collection(id=bad, bucket="b"),
    lambda c, bad: c.patch_collection(id=bad, bucket="b", data={"a": 1}),
    lambda c, bad: c.create_group(id=bad, bucket="b"),
    lambda c, bad: c.get_group(id=bad, bucket="b"),
    lambda c, bad: c.create_record(id=bad, bucket="b", collection="c"),
    lambda c, bad: c.create_record(data={"id": bad}, bucket="b", collection="c"),
    lambda c, bad: c.get_record(id="r", bucket="b", collection=bad),
    lambda c, bad: c.delete_records(bucket=bad, collection="c"),
    lambda c, bad: c.count_records(bucket="b", collection=bad),
    lambda c, bad: c.get_history(bucket=bad),
    lambda c, bad: c.get_snapshot(bucket="b", collection=bad, timestamp=1),
]


@pytest.mark.parametrize("bad", BAD_IDS)
async def test_invalid_ids_raise_before_any_request(kinto_server: Server, bad: str) -> None:
    recorder = Recorder()
    async with alice(kinto_server, transport=recorder) as client:
        for operation in ID_OPERATIONS:
            with pytest.raises(ValueError, match="invalid"):
                await operation(client, bad)
        with pytest.raises(ValueError, match="invalid"):
            client.iter_records(bucket=bad, collection="c")
        if bad != "a.b":  # '.' is valid in account ids (e-mail logins)
            with pytest.raises(ValueError, match="invalid account id"):
                await client.create_account(id=bad, password="some-password")
        async with client.batch(bucket="b", collection="c") as batch:
            with pytest.raises(ValueError, match="invalid"):
                await batch.create_record(id=bad)
        assert recorder.requests == []
        # No slugified twin was created either (kinto-http would have made "hello-world").
        assert await client.get_buckets() == []


# -- errors ------------------------------------------------------------------------------


async def test_error_401_anonymous_write(kinto_server: Server) -> None:
    async with anonymous(kinto_server) as anon, alice(kinto_server) as client:
        with pytest.raises(KintoAuthenticationError) as denied:
            await anon.create_bucket(id=unique("anon"))
        assert isinstance(denied.value, AuthenticationError)
        assert isinstance(denied.value, KintoException)
        assert denied.value.status == 401
        assert denied.value.errno == 104
        assert await client.get_buckets() == []


async def test_error_403_is_bucket_forbidden(kinto_server: Server) -> None:
    bucket = unique("priv")
    async with alice(kinto_server) as client, bob(kinto_server) as other:
        await client.create_bucket(id=bucket)
        await client.create_collection(id="c", bucket=bucket)
        await client.create_record(id="r", bucket=bucket, collection="c", data={"s": 1})
        with pytest.raises(BucketForbidden) as forbidden:
            await other.get_bucket(id=bucket)
        error = forbidden.value
        assert isinstance(error, BucketNotFound)
        assert isinstance(error, KintoPermissionDenied)
        assert isinstance(error, PermissionDeniedError)
        assert isinstance(error, NotFoundError)
        assert error.status == 403
        assert error.errno == 121
        with pytest.raises(CollectionForbidden):
            await other.get_collection(id="c", bucket=bucket)
        with pytest.raises(CollectionForbidden):
            await other.get_records(bucket=bucket, collection="c")
        with pytest.raises(KintoPermissionDenied) as record_denied:
            await other.update_record(id="r", bucket=bucket, collection="c", data={"s": 2})
        assert record_denied.value.errno == 121
        assert (await client.get_record(id="r", bucket=bucket, collection="c"))["data"]["s"] == 1


async def test_delete_if_exists_does_not_hide_a_403(kinto_server: Server) -> None:
    bucket = unique("keep")
    async with alice(kinto_server) as client, bob(kinto_server) as other:
        await client.create_bucket(id=bucket)
        await client.create_collection(id="c", bucket=bucket)
        with pytest.raises(KintoPermissionDenied):
            await other.delete_collection(id="c", bucket=bucket, if_exists=True)
        # kinto-http's rule for buckets: Kinto answers 403 for a missing bucket too, so
        # if_exists treats a bucket 403 as "gone"; nothing is deleted either way.
        assert await other.delete_bucket(id=bucket, if_exists=True) is None
        assert (await client.get_bucket(id=bucket))["data"]["id"] == bucket
        assert (await client.get_collection(id="c", bucket=bucket))["data"]["id"] == "c"


async def test_error_404_record(kinto_server: Server) -> None:
    bucket = unique("nf")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await client.create_bucket()
        await client.create_collection()
        with pytest.raises(KintoNotFound) as missing:
            await client.get_record(id="nope")
        assert isinstance(missing.value, NotFoundError)
        assert missing.value.status == 404
        assert missing.value.errno == 110
        assert missing.value.details == {"id": "nope", "resource_name": "record"}


async def test_error_400_and_secrets_never_in_error_text(kinto_server: Server) -> None:
    bucket = unique("bad")
    async with alice(kinto_server) as client:
        await client.create_bucket(id=bucket)
        with pytest.raises(KintoBadRequest) as bad:
            # The server echoes the value in its message: the password must not come back.
            await client.create_group(id="g", bucket=bucket, data={"members": "alice-secret"})
        error = bad.value
        assert isinstance(error, BadRequestError)
        assert error.status == 400
        assert error.errno == 107
        assert "members" in str(error)
        assert "is not iterable" in str(error)
        for text in (str(error), repr(error), error.message):
            assert "alice-secret" not in text
        with pytest.raises(KintoNotFound):
            await client.get_group(id="g", bucket=bucket)


# -- permissions -------------------------------------------------------------------------


async def test_permissions_endpoint(kinto_server: Server) -> None:
    bucket = unique("perm")
    async with alice(kinto_server) as client, bob(kinto_server) as other:
        await client.create_bucket(id=bucket)
        await client.create_collection(id="c", bucket=bucket)
        await client.create_record(id="r", bucket=bucket, collection="c", data={})
        uris = {e["uri"]: e for e in await client.get_permissions()}
        assert "write" in uris[f"/buckets/{bucket}"]["permissions"]
        assert "record:create" in uris[f"/buckets/{bucket}/collections/c"]["permissions"]
        assert uris[f"/buckets/{bucket}/collections/c/records/r"]["resource_name"] == "record"

        only_containers = await client.get_permissions(exclude_resource_names=["record"])
        names = {e["resource_name"] for e in only_containers}
        assert "record" not in names
        assert {"bucket", "collection"} <= names
        no_collections = await client.get_permissions(
            exclude_resource_names=("record", "collection")
        )
        assert {e["resource_name"] for e in no_collections} <= {"bucket", "root"}

        everything = await client.get_permissions()
        assert len(everything) >= 4  # root, bucket, collection, record
        assert len(await client.get_permissions(_limit=1)) == 1
        assert len(await client.get_permissions(_limit=1, pages=3)) == 3
        assert len(await client.get_permissions(_limit=1, pages=float("inf"))) == len(everything)

        theirs = {e["uri"] for e in await other.get_permissions()}
        assert not any(uri.startswith(f"/buckets/{bucket}") for uri in theirs)


async def test_public_read_is_readable_anonymously(kinto_server: Server) -> None:
    bucket = unique("pub")
    async with alice(kinto_server) as client, anonymous(kinto_server) as anon:
        await client.create_bucket(id=bucket, permissions={"read": [EVERYONE]})
        await client.create_collection(id="c", bucket=bucket)
        await client.create_record(id="r", bucket=bucket, collection="c", data={"v": 1})
        public = await anon.get_bucket(id=bucket)
        assert public["data"]["id"] == bucket
        assert public["permissions"] == {}  # permissions are shown to writers only
        assert [r["v"] for r in await anon.get_records(bucket=bucket, collection="c")] == [1]
        with pytest.raises(KintoAuthenticationError):
            await anon.create_record(bucket=bucket, collection="c", data={"v": 2})
        assert await client.count_records(bucket=bucket, collection="c") == 1


# -- history -----------------------------------------------------------------------------


async def test_history_filters_iteration_snapshot_and_purge(kinto_server: Server) -> None:
    bucket = unique("hist")
    recorder = Recorder()
    async with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        await client.create_bucket()
        await client.create_collection()
        for i in range(5):
            await client.create_record(id=f"r{i}", data={"i": i})
        timestamp = int(await client.get_records_timestamp())
        # History entries get their own timestamps, a little after the records' ones.
        mark = (await client.get_history())[0]["last_modified"]
        await client.patch_record(id="r0", data={"i": 100})
        await client.delete_record(id="r1")
        await client.create_record(id="r5", data={"i": 5})

        history = await client.get_history()
        assert len(history) == 10  # bucket, collection, 5 creates, update, delete, create
        assert [h["action"] for h in history[:3]] == ["create", "delete", "update"]
        records = await client.get_history(resource_name="record")
        assert len(records) == 8
        assert {h["resource_name"] for h in records} == {"record"}
        recent = await client.get_history(_since=mark, resource_name="record")
        assert sorted((h["action"], h["record_id"]) for h in recent) == [
            ("create", "r5"),
            ("delete", "r1"),
            ("update", "r0"),
        ]
        # kinto-http's rule: an explicit _limit is one page unless pages= asks for more.
        assert [h["id"] for h in await client.get_history(_limit=2)] == [
            h["id"] for h in history[:2]
        ]
        assert len(await client.get_history(_limit=2, pages=2)) == 4
        assert len(await client.get_history(_limit=2, pages=float("inf"))) == 10
        fields = await client.get_history(_fields=["action"], resource_name="bucket")
        assert [set(h) for h in fields] == [{"id", "last_modified", "action"}]

        before = len(recorder.sent("GET", "/history"))
        streamed = [h["id"] async for h in client.iter_history(page_size=3)]
        assert streamed == [h["id"] for h in history]
        assert len(recorder.sent("GET", "/history")) - before == 4  # 3+3+3+1

        snapshot = await client.get_snapshot(timestamp=timestamp)
        assert sorted((r["id"], r["i"]) for r in snapshot) == [(f"r{i}", i) for i in range(5)]

        purged = await client.purge_history(resource_name="record")
        assert len(purged) == 8
        assert await client.get_history(resource_name="record") == []
        assert {h["resource_name"] for h in await client.get_history()} == {"bucket", "collection"}
        await client.purge_history()
        assert await client.get_history() == []


# -- accounts ----------------------------------------------------------------------------


async def test_accounts_create_get_update_delete(kinto_server: Server) -> None:
    account = unique("carol")
    first, second = "carol-password-1", "carol-password-2"
    async with anonymous(kinto_server) as anon:
        created = await anon.create_account(id=account, password=first)
    assert created["data"]["id"] == account
    assert created["permissions"]["write"] == [f"account:{account}"]
    assert created["data"]["password"] != first  # the server stores a bcrypt hash

    async with AsyncKintoClient(server_url=kinto_server.url, auth=(account, first)) as carol:
        assert await principal_of(carol) == f"account:{account}"
        assert (await carol.get_account(id=account))["data"]["id"] == account
        assert [a["id"] for a in await carol.get_accounts()] == [account]
        await carol.update_account(id=account, password=second, data={"nick": "C"})

    async with AsyncKintoClient(server_url=kinto_server.url, auth=(account, first)) as stale:
        # accounts+basicauth: a wrong account password falls through to basicauth (kinto.md 1.2).
        fallback = await principal_of(stale)
        assert fallback.startswith("basicauth:")
        with pytest.raises(KintoPermissionDenied):
            await stale.get_account(id=account)

    async with AsyncKintoClient(server_url=kinto_server.url, auth=(account, second)) as carol:
        assert await principal_of(carol) == f"account:{account}"
        assert (await carol.get_account(id=account))["data"]["nick"] == "C"
        deleted = await carol.delete_account(id=account)
        assert deleted is not None
        assert deleted["deleted"] is True

    async with AsyncKintoClient(server_url=kinto_server.url, auth=(account, second)) as gone:
        assert (await principal_of(gone)).startswith("basicauth:")


# -- batch -------------------------------------------------------------------------------


async def test_batch_splits_at_batch_max_requests(kinto_server: Server) -> None:
    bucket = unique("bat")
    recorder = Recorder()
    async with alice(kinto_server, transport=recorder) as client:
        await client.create_bucket(id=bucket)
        await client.create_collection(id="c", bucket=bucket)
        async with client.batch(bucket=bucket, collection="c") as batch:
            for i in range(60):
                queued = await batch.create_record(id=f"r{i:02d}", data={"i": i})
                assert queued is None
        assert len(recorder.sent("POST", "/batch")) == 3  # 25 + 25 + 10
        results = batch.results()
        assert [r["data"]["i"] for r in results] == list(range(60))
        responses = batch.responses()
        assert [r.index for r in responses] == list(range(60))
        assert {r.status for r in responses} == {201}
        assert all(r.ok for r in responses)
        assert responses[59].method == "PUT"
        assert responses[59].path.endswith(f"/buckets/{bucket}/collections/c/records/r59")
        assert await client.count_records(bucket=bucket, collection="c") == 60
        stored = await client.get_records(bucket=bucket, collection="c", _sort="i")
        assert [r["i"] for r in stored] == list(range(60))


async def test_batch_failures_raise_one_exception_naming_each(kinto_server: Server) -> None:
    bucket = unique("bfail")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await client.create_bucket()
        await client.create_collection()
        await client.create_record(id="taken", data={"v": "original"})
        with pytest.raises(KintoBatchException) as failed:
            async with client.batch() as batch:
                await batch.create_record(id="ok1", data={"v": 1})
                await batch.create_record(id="taken", data={"v": "clobber"})
                await batch.get_record(id="missing")
                await batch.create_record(id="ok2", data={"v": 2})
        error = failed.value
        message = str(error)
        assert "2 of 4" in message
        assert f"#1 PUT /buckets/{bucket}/collections/c/records/taken" in message
        assert "412" in message
        assert f"#2 GET /buckets/{bucket}/collections/c/records/missing" in message
        assert "404" in message
        assert [type(e) for e in error.exceptions] == [KintoPreconditionFailed, KintoNotFound]
        assert [e.errno for e in error.exceptions] == [114, 110]
        assert [r.status for r in error.responses] == [201, 412, 404, 201]
        assert len(error.results) == 4
        # The other sub-requests were applied.
        assert {r["id"]: r["v"] for r in await client.get_records()} == {
            "ok1": 1,
            "ok2": 2,
            "taken": "original",
        }


async def test_batch_ignore_4xx(kinto_server: Server) -> None:
    bucket = unique("b4xx")
    options: dict[str, Any] = {"bucket": bucket, "collection": "c", "ignore_batch_4xx": True}
    async with alice(kinto_server, **options) as client:
        await client.create_bucket()
        await client.create_collection()
        async with client.batch() as batch:
            await batch.get_record(id="missing")
            await batch.create_record(id="ok", data={"v": 1})
        assert [r.status for r in batch.responses()] == [404, 201]
        assert batch.results()[0]["errno"] == 110
        assert (await client.get_record(id="ok"))["data"]["v"] == 1


async def test_batch_reads_explicit_send_and_aclose(kinto_server: Server) -> None:
    bucket = unique("bread")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await client.create_bucket()
        await client.create_collection()
        await client.create_record(id="r1", data={"v": 1})
        async with client.batch() as batch:
            await batch.get_record(id="r1")
            await batch.patch_record(id="r1", data={"v": 2})
            first = await batch.send()
            assert [body["data"]["v"] for body in first] == [1, 2]
            await batch.get_record(id="r1")
            await batch.get_records()
            await batch.aclose()  # shares the parent's pool: closes nothing
        bodies = batch.results()
        assert len(bodies) == 4
        assert bodies[2]["data"]["v"] == 2
        assert [r["id"] for r in bodies[3]["data"]] == ["r1"]
        assert (await client.get_record(id="r1"))["data"]["v"] == 2


async def test_batch_with_a_collection_named_batch0(kinto_server: Server) -> None:
    bucket = unique("batchb")
    async with alice(kinto_server, bucket=bucket, collection="batch0") as client:
        await client.create_bucket()
        async with client.batch() as batch:
            await batch.create_collection(id="batch0")
            await batch.create_record(id="r1", data={"v": 1})
            await batch.get_record(id="r1")
        assert [r.status for r in batch.responses()] == [201, 201, 200]
        assert (await client.get_collection(id="batch0"))["data"]["id"] == "batch0"
        assert (await client.get_record(id="r1"))["data"]["v"] == 1


async def test_batch_refuses_json_patch_at_the_call(kinto_server: Server) -> None:
    bucket = unique("bjp")
    recorder = Recorder()
    async with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        await client.create_bucket()
        await client.create_collection()
        await client.create_record(id="r", data={"v": 1})
        async with client.batch() as batch:
            await batch.create_record(id="queued", data={})
            with pytest.raises(ValueError, match="JSON Patch"):
                await batch.patch_record(
                    id="r", changes=JSONPatch([{"op": "add", "path": "/data/v", "value": 2}])
                )
        # The rest of the batch still went out, the JSON Patch did not.
        assert len(recorder.sent("POST", "/batch")) == 1
        assert (await client.get_record(id="r"))["data"]["v"] == 1
        assert (await client.get_record(id="queued"))["data"]["id"] == "queued"


# -- client options ----------------------------------------------------------------------


async def test_clone_shares_the_pool_with_other_defaults(kinto_server: Server) -> None:
    bucket = unique("clone")
    recorder = Recorder()
    async with alice(kinto_server, transport=recorder) as client:
        await client.create_bucket(id=bucket)
        await client.create_collection(id="c", bucket=bucket)
        scoped = client.clone(bucket=bucket, collection="c")
        assert f"bucket={bucket!r}" in repr(scoped)
        assert "bucket='default'" in repr(client)
        sent_before = len(recorder.requests)
        await scoped.create_record(id="r", data={"v": 1})
        assert len(recorder.requests) == sent_before + 1  # same transport, same pool
        assert (await client.get_record(id="r", bucket=bucket, collection="c"))["data"]["v"] == 1
        narrower = scoped.clone(collection="d")
        await narrower.create_collection()
        assert {c["id"] for c in await client.get_collections(bucket=bucket)} == {"c", "d"}
        with pytest.raises(ValueError, match="no collection"):
            await client.get_records()


async def test_with_options_timeout(kinto_server: Server) -> None:
    recorder = Recorder()
    async with alice(kinto_server, transport=recorder) as client:
        patient = client.with_options(timeout=7.5)
        await patient.heartbeat()
        assert recorder.requests[-1].extensions["timeout"] == httpx.Timeout(7.5).as_dict()
        # The parent keeps its own timeout.
        assert (await client.server_info())["project_name"] == "kinto"
        assert recorder.requests[-1].extensions["timeout"] != httpx.Timeout(7.5).as_dict()

    # A server that accepts connections and never answers: only the timeout ends the call.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        async with AsyncKintoClient(server_url=f"http://127.0.0.1:{port}", timeout=60) as mute:
            started = time.monotonic()
            with pytest.raises(CloudspecTimeoutError):
                await mute.with_options(timeout=0.3, max_retries=0).server_info()
            assert time.monotonic() - started < 5


async def test_retry_and_with_options_max_retries(kinto_server: Server) -> None:
    recorder = Recorder()
    async with alice(kinto_server, transport=recorder, retry=1, retry_after=0.01) as client:
        recorder.fail_next = 1
        assert (await client.heartbeat())["storage"] is True
        assert len(recorder.requests) == 2

        recorder.fail_next = 1
        with pytest.raises(KintoServerError) as unavailable:
            await client.with_options(max_retries=0).heartbeat()
        assert isinstance(unavailable.value, ServerError)
        assert unavailable.value.errno == 201
        assert len(recorder.requests) == 3

        recorder.fail_next = 3
        assert (await client.with_options(max_retries=3).server_info())["project_name"] == "kinto"
        assert len(recorder.requests) == 7


async def test_debug_output_is_redacted(
    kinto_server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="cloudspec.http")
    account = unique("dbg")
    password = "debug-password-123"
    async with alice(kinto_server, debug=True) as client:
        await client.server_info()
    async with anonymous(kinto_server, debug=True) as anon:
        await anon.create_account(id=account, password=password)
    text = caplog.text
    assert "Request:" in text
    assert f"GET: {kinto_server.url}/" in text
    assert "Response:" in text
    assert "HTTP Code: 200" in text
    assert "HTTP Code: 201" in text
    assert "authorization : <redacted>" in text.lower()
    assert f"PUT: {kinto_server.url}/accounts/{account}" in text
    assert '"password": "<redacted>"' in text
    encoded = base64.b64encode(b"alice:alice-secret").decode()
    for secret in ("alice-secret", encoded, password, "$2b$"):
        assert secret not in text


async def test_alert_header_becomes_a_warning(kinto_server: Server) -> None:
    bucket = unique("alert")
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await make_records(client, bucket, "c", 3)
        timestamp = await client.get_records_timestamp()
        with pytest.warns(KintoAlert, match="_to is now deprecated"):
            older = await client.get_records(_to=timestamp)
        assert ints(older) == [1, 0]


async def test_dry_mode_sends_nothing(
    kinto_server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="cloudspec.kinto")
    bucket = unique("dry")
    recorder = Recorder()
    async with alice(kinto_server, dry_mode=True, transport=recorder) as dry:
        created: object = await dry.create_bucket(id=bucket)
        assert created is None
        await dry.delete_buckets()
        async with dry.batch(bucket=bucket, collection="c") as batch:
            await batch.create_record(id="r", data={})
        assert recorder.requests == []
    assert f"dry mode: PUT {kinto_server.url}/buckets/{bucket}" in caplog.text
    async with alice(kinto_server) as client:
        assert await client.get_buckets() == []


# -- the object API ----------------------------------------------------------------------


async def test_objects_buckets_collections_and_records(kinto_server: Server) -> None:
    name = unique("obj")
    async with (
        alice(kinto_server) as client,
        bob(kinto_server) as other,
        anonymous(kinto_server) as anon,
    ):
        bob_id = await principal_of(other)
        bucket = await AsyncBucket(name, client=client, data={"title": "T"}).create()
        assert bucket.last_modified is not None
        assert (await client.get_bucket(id=name))["data"]["title"] == "T"

        collection = await bucket.create_collection("receipts")
        assert [c.id for c in await bucket.get_collections()] == ["receipts"]
        assert (await bucket.get_collection("receipts")).last_modified == collection.last_modified

        record = await collection.create_record({"amount": 3}, public=True)
        assert record.permissions.read == [EVERYONE]
        read_anonymously = await anon.get_record(id=record.id, bucket=name, collection="receipts")
        assert read_anonymously["data"]["amount"] == 3

        # BUG (typing): mypy rejects this README idiom on the descriptor; see the report.
        record.permissions.write += bob_id
        record.data["amount"] = 4
        await record.save()
        stored = await client.get_record(id=record.id, bucket=name, collection="receipts")
        assert bob_id in stored["permissions"]["write"]
        assert stored["data"]["amount"] == 4
        # The permission is real: bob may now write the record.
        await other.patch_record(id=record.id, bucket=name, collection="receipts", data={"b": 1})

        # Our copy is now stale: save() refuses to overwrite bob's change.
        record.data["amount"] = 5
        with pytest.raises(KintoPreconditionFailed):
            await record.save()
        fresh = await collection.get_record(record.id)
        assert fresh.data["b"] == 1
        assert fresh.data["amount"] == 4

        new = AsyncRecord(collection, "manual", data={"amount": 10})
        saved = await collection.save_record(new)
        assert saved.last_modified is not None
        extra = await collection.create_record({"amount": 20}, id="extra")
        await collection.create_record({"amount": 30}, id="third")
        assert sorted(r.data["amount"] for r in await collection.get_all_records()) == [
            4,
            10,
            20,
            30,
        ]
        assert sorted([r.id async for r in collection.iter_records(min_amount=10)]) == [
            "extra",
            "manual",
            "third",
        ]

        updated = await collection.update_record_permissions("manual", read=[bob_id])
        assert bob_id in updated.permissions.read
        shared = await other.get_record(id="manual", bucket=name, collection="receipts")
        assert shared["data"]["amount"] == 10

        await collection.delete_record(extra)
        await collection.delete_record("third")
        assert {r["id"] for r in await client.get_records(bucket=name, collection="receipts")} == {
            record.id,
            "manual",
        }
        await collection.delete_records([fresh, "manual"])
        assert await client.get_records(bucket=name, collection="receipts") == []


async def test_objects_groups_via_collection_and_bucket(kinto_server: Server) -> None:
    name = unique("ogrp")
    async with alice(kinto_server) as client:
        bucket = await AsyncBucket(name, client=client).create()
        collection = await bucket.create_collection("c")

        async def members(group: str) -> list[str]:
            found: list[str] = (await client.get_group(id=group, bucket=name))["data"]["members"]
            return found

        group = await collection.create_group("friends", ["alice"])
        assert group.members == ["alice"]
        await collection.add_to_group("friends", ["bob", "carol", "alice"])
        assert await members("friends") == ["alice", "bob", "carol"]
        await collection.remove_from_group("friends", ["alice"])
        assert await members("friends") == ["bob", "carol"]
        await collection.clear_group("friends")
        assert await members("friends") == []
        await collection.delete_group("friends")
        with pytest.raises(KintoNotFound):
            await client.get_group(id="friends", bucket=name)

        await bucket.create_group("admins")
        await bucket.add_to_group("admins", ["dave"])
        assert await members("admins") == ["dave"]
        await bucket.remove_from_group("admins", ["dave"])
        await bucket.add_to_group("admins", ["erin", "frank"])
        await bucket.clear_group("admins")
        assert await members("admins") == []
        await bucket.delete_group("admins")
        assert await client.get_groups(bucket=name) == []

        await collection.delete()
        assert await client.get_collections(bucket=name) == []
        await bucket.delete()
        assert await client.get_buckets() == []


async def test_objects_listed_record_keeps_its_permissions(kinto_server: Server) -> None:
    name = unique("olist")
    async with alice(kinto_server) as client:
        bucket = await AsyncBucket(name, client=client).create()
        collection = await bucket.create_collection("c")
        await collection.create_record({"v": 1}, id="r", public=True)
        [listed] = await collection.get_all_records()
        listed.permissions.read += "system.Authenticated"
        await listed.save()
        stored = await client.get_record(id="r", bucket=name, collection="c")
        assert sorted(stored["permissions"]["read"]) == sorted([EVERYONE, "system.Authenticated"])


async def test_objects_bucket_permissions(kinto_server: Server) -> None:
    name = unique("operm")
    async with alice(kinto_server) as client, bob(kinto_server) as other:
        bob_id = await principal_of(other)
        bucket = await AsyncBucket(name, client=client).create()
        with pytest.raises(CollectionForbidden):
            await other.create_collection(id="bobs", bucket=name)

        await bucket.update_permissions(collection_create=[bob_id])
        assert bucket.permissions.collection_create == [bob_id]
        stored = await client.get_bucket(id=name)
        assert stored["permissions"]["collection:create"] == [bob_id]
        # Real effect: bob may now create a collection in alice's bucket.
        await other.create_collection(id="bobs", bucket=name)
        assert [c["id"] for c in await client.get_collections(bucket=name)] == ["bobs"]

        with pytest.raises(ValueError, match="record_create"):
            await bucket.update_permissions(record_create=[bob_id])
        assert (await client.get_bucket(id=name))["permissions"] == stored["permissions"]


# -- attachments (kinto-attachment plugin) ---------------------------------------------------


async def test_attachments_upload_download_remove(kinto_server: Server, tmp_path: Path) -> None:
    bucket = unique("att")
    # Every byte value, and the generator's fixed multipart boundary inside the file.
    payload = bytes(range(256)) * 64 + b"\r\n--+++--\r\n" + b"tail"
    source = tmp_path / "blob.bin"
    source.write_bytes(payload)
    async with alice(kinto_server, bucket=bucket, collection="c") as client:
        await client.create_bucket()
        await client.create_collection()
        meta = await client.add_attachment(
            "r1", source, filename="../../escape.bin", data={"kind": "blob"}
        )
        assert meta["size"] == len(payload)
        assert meta["hash"] == hashlib.sha256(payload).hexdigest()

        record = await client.get_record(id="r1")
        assert record["data"]["kind"] == "blob"
        assert record["data"]["attachment"]["hash"] == meta["hash"]

        folder = tmp_path / "out"
        folder.mkdir()
        path = Path(await client.download_attachment(record, folder, save_metadata=True))
        assert path == folder / "escape.bin"  # the server's "../../" never escapes
        assert path.read_bytes() == payload
        assert json.loads(Path(f"{path}.meta.json").read_text())["id"] == "r1"
        assert sorted(p.name for p in folder.iterdir()) == ["escape.bin", "escape.bin.meta.json"]

        # Up to date already: kept as it is, not downloaded again.
        before = path.stat().st_mtime_ns
        assert await client.download_attachment(record["data"], path) == str(path)
        assert path.stat().st_mtime_ns == before

        await client.remove_attachment("r1")
        assert (await client.get_record(id="r1"))["data"]["attachment"] is None
        with pytest.raises(ValueError, match="no attachment"):
            await client.download_attachment({"id": "x"}, folder)

        with pytest.raises(ValueError, match="file uploads"):
            async with client.batch() as batch:
                await batch.add_attachment("r2", source)
