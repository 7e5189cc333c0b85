# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Live tests of the Kinto client against a real Kinto 26.5.0 (the ``kinto_server`` fixture).

Written once as async source; ``python -m generator.unasync`` writes the sync twin in
``tests/live/_sync/``. Every test builds its own clients (``with``), uses bucket names
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
from collections.abc import Callable
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
    KintoClient,
    KintoException,
    KintoNotFound,
    KintoPermissionDenied,
    KintoPreconditionFailed,
    KintoServerError,
    MergePatch,
)
from cloudspec.kinto._sync.objects import Bucket, Record
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


class Recorder(httpx.BaseTransport):
    """The real transport, remembering every request; ``fail_next`` answers 503 instead."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[httpx.Request] = []
        self.fail_next = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail_next > 0:
            self.fail_next -= 1
            body = {"code": 503, "errno": 201, "error": "Service Unavailable"}
            return httpx.Response(503, json=body, request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()

    def sent(self, method: str, path_end: str = "") -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path.endswith(path_end)]


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def alice(server: Server, **options: Any) -> KintoClient:
    return KintoClient(server_url=server.url, auth=server.auth, **options)


def bob(server: Server, **options: Any) -> KintoClient:
    return KintoClient(server_url=server.url, auth=server.other_auth, **options)


def anonymous(server: Server, **options: Any) -> KintoClient:
    return KintoClient(server_url=server.url, **options)


def principal_of(client: KintoClient) -> str:
    info = client.server_info()
    user_id: str = info["user"]["id"]
    return user_id


def make_records(
    client: KintoClient, bucket: str, collection: str, count: int
) -> list[dict[str, Any]]:
    """``count`` records r00.. with i, name, tags and (on r00 only) a null ``maybe``, in a batch."""
    client.create_bucket(id=bucket, if_not_exists=True)
    client.create_collection(id=collection, bucket=bucket, if_not_exists=True)
    with client.batch(bucket=bucket, collection=collection) as batch:
        for i in range(count):
            data: dict[str, Any] = {
                "i": i,
                "name": f"n{i}",
                "tags": ["even" if i % 2 == 0 else "odd"],
            }
            if i == 0:
                data["maybe"] = None
            batch.create_record(id=f"r{i:02d}", data=data)
    return [result["data"] for result in batch.results()]


def ints(records: list[dict[str, Any]]) -> list[int]:
    return [record["i"] for record in records]


# -- server ------------------------------------------------------------------------------


def test_server_info_heartbeat_and_generated_api(kinto_server: Server) -> None:
    with alice(kinto_server) as client:
        info = client.server_info()
        assert info["project_name"] == "kinto"
        assert info["settings"]["batch_max_requests"] == 25
        assert info["user"]["id"].startswith("basicauth:")
        beats = client.heartbeat()
        assert {key: beats[key] for key in ("storage", "permission", "cache")} == {
            "storage": True,
            "permission": True,
            "cache": True,
        }
        assert client.server_url == kinto_server.url
        assert kinto_server.url in repr(client)
        assert "alice-secret" not in repr(client)
        # The generated client shares the overlay's connection, auth and retries.
        response = server_info_op.sync_detailed(client=client.api)
        assert response.status_code == 200
        assert json.loads(response.content)["user"]["id"] == info["user"]["id"]


def test_server_url_is_normalised(kinto_server: Server) -> None:
    root = kinto_server.url.removesuffix("/v1")
    with KintoClient(server_url=root + "/", auth=kinto_server.auth) as client:
        assert client.server_url == kinto_server.url
        assert (client.server_info())["project_name"] == "kinto"


def test_flush_wipes_the_server(kinto_server: Server) -> None:
    with alice(kinto_server) as client:
        client.create_bucket(id=unique("flush"))
        assert client.count_buckets() == 1
        client.flush()
        assert client.get_buckets() == []
        assert client.count_buckets() == 0


# -- buckets -----------------------------------------------------------------------------


def test_bucket_create_get_update_patch_delete(kinto_server: Server) -> None:
    name = unique("bkt")
    with alice(kinto_server) as client:
        me = principal_of(client)
        created = client.create_bucket(id=name, data={"title": "B"})
        assert created["data"]["title"] == "B"
        assert me in created["permissions"]["write"]

        with pytest.raises(KintoPreconditionFailed) as dup:
            client.create_bucket(id=name, data={"title": "other"})
        assert isinstance(dup.value, PreconditionFailedError)
        assert dup.value.errno == 114
        existing = client.create_bucket(id=name, data={"title": "x"}, if_not_exists=True)
        assert existing["data"] == created["data"]

        fetched = client.get_bucket(id=name)
        assert fetched["data"] == created["data"]

        updated = client.update_bucket(id=name, data={**created["data"], "title": "B2"})
        assert (client.get_bucket(id=name))["data"]["title"] == "B2"

        with pytest.raises(KintoPreconditionFailed) as stale:
            client.update_bucket(id=name, data={**created["data"], "title": "lost"})
        assert stale.value.existing is not None
        assert stale.value.existing["title"] == "B2"
        assert stale.value.existing["last_modified"] == updated["data"]["last_modified"]

        client.update_bucket(id=name, data={**created["data"], "title": "B3"}, safe=False)
        assert (client.get_bucket(id=name))["data"]["title"] == "B3"

        client.patch_bucket(id=name, data={"extra": 1})
        after_patch = (client.get_bucket(id=name))["data"]
        assert after_patch["title"] == "B3"
        assert after_patch["extra"] == 1

        with pytest.raises(ValueError, match="either"):
            client.patch_bucket(id=name, changes=BasicPatch(data={"a": 1}), data={"b": 2})

        with pytest.raises(KintoPreconditionFailed):
            client.delete_bucket(id=name, if_match=created["data"]["last_modified"])
        assert (client.get_bucket(id=name))["data"]["extra"] == 1

        deleted = client.delete_bucket(id=name, if_match=after_patch["last_modified"])
        assert deleted is not None
        assert deleted["deleted"] is True
        # Kinto answers 403 for a missing bucket (existence does not leak).
        with pytest.raises(BucketForbidden):
            client.get_bucket(id=name)


def test_bucket_lists_filters_counts_and_plural_delete(kinto_server: Server) -> None:
    names = [unique(f"list{i}") for i in range(5)]
    with alice(kinto_server) as client:
        for i, name in enumerate(names):
            client.create_bucket(id=name, data={"n": i})
        before = client.get_buckets()
        assert {b["id"] for b in before} == set(names)

        assert [b["n"] for b in client.get_buckets(_sort="n")] == [0, 1, 2, 3, 4]
        assert [b["n"] for b in client.get_buckets(min_n=3, _sort="-n")] == [4, 3]
        assert client.count_buckets() == 5
        assert client.count_buckets(min_n=3) == 2
        assert [b["id"] for b in client.iter_buckets(page_size=2, _sort="n")] == names

        gone = client.delete_buckets(in_id=names[:2])
        assert sorted(t["id"] for t in gone) == sorted(names[:2])
        assert all(t["deleted"] for t in gone)
        # (Kinto lists no bucket tombstones: the bucket's permissions went with it.)
        assert {b["id"] for b in client.get_buckets()} == set(names[2:])


# -- collections -------------------------------------------------------------------------


def test_collection_lifecycle_lists_and_counts(kinto_server: Server) -> None:
    bucket = unique("colb")
    with alice(kinto_server) as client:
        client.create_bucket(id=bucket)
        created = client.create_collection(id="c0", bucket=bucket, data={"title": "C"})
        assert created["data"]["title"] == "C"
        with pytest.raises(KintoPreconditionFailed):
            client.create_collection(id="c0", bucket=bucket)
        same = client.create_collection(id="c0", bucket=bucket, if_not_exists=True)
        assert same["data"] == created["data"]
        assert (client.get_collection(id="c0", bucket=bucket))["data"]["title"] == "C"

        client.update_collection(id="c0", bucket=bucket, data={"title": "C2"})
        with pytest.raises(KintoPreconditionFailed) as stale:
            client.update_collection(id="c0", bucket=bucket, data=created["data"])
        assert stale.value.existing is not None
        assert stale.value.existing["title"] == "C2"
        client.update_collection(id="c0", bucket=bucket, data=created["data"], safe=False)
        assert (client.get_collection(id="c0", bucket=bucket))["data"]["title"] == "C"

        client.patch_collection(
            id="c0", bucket=bucket, changes=MergePatch(data={"title": None, "k": {"v": 1}})
        )
        patched = (client.get_collection(id="c0", bucket=bucket))["data"]
        assert "title" not in patched
        assert patched["k"] == {"v": 1}

        for i in range(1, 5):
            client.create_collection(id=f"c{i}", bucket=bucket, data={"n": i})
        listed = client.get_collections(bucket=bucket, _sort="id", _fields=["n"])
        assert [c["id"] for c in listed] == ["c0", "c1", "c2", "c3", "c4"]
        assert all(set(c) <= {"id", "last_modified", "n"} for c in listed)
        assert "k" not in listed[0]
        assert [c["id"] for c in client.get_collections(bucket=bucket, in_id="c1,c3")] == [
            "c3",
            "c1",
        ]
        assert client.count_collections(bucket=bucket) == 5
        assert client.count_collections(bucket=bucket, in_n=[2, 3]) == 2
        ids = [c["id"] for c in client.iter_collections(bucket=bucket, page_size=2)]
        assert sorted(ids) == ["c0", "c1", "c2", "c3", "c4"]

        with pytest.raises(KintoPreconditionFailed):
            client.delete_collection(id="c1", bucket=bucket, if_match=1)
        assert client.delete_collection(id="nope", bucket=bucket, if_exists=True) is None
        with pytest.raises(CollectionNotFound) as missing:
            client.delete_collection(id="nope", bucket=bucket)
        assert missing.value.errno == 110

        since = client.get_collections(bucket=bucket, _limit=1)
        gone = client.delete_collections(bucket=bucket, exclude_id=["c0", "c1"])
        assert sorted(t["id"] for t in gone) == ["c2", "c3", "c4"]
        tombstones = client.get_collections(bucket=bucket, _since=since[0]["last_modified"])
        assert sorted((t["id"], t["deleted"]) for t in tombstones) == [
            ("c2", True),
            ("c3", True),
            ("c4", True),
        ]
        remaining = {c["id"] for c in client.get_collections(bucket=bucket)}
        assert remaining == {"c0", "c1"}
        client.delete_collection(id="c1", bucket=bucket)
        with pytest.raises(CollectionNotFound):
            client.get_collection(id="c1", bucket=bucket)


# -- groups ------------------------------------------------------------------------------


def test_group_lifecycle_membership_grants_access(kinto_server: Server) -> None:
    bucket = unique("grp")
    with alice(kinto_server) as client, bob(kinto_server) as other:
        bob_id = principal_of(other)
        client.create_bucket(id=bucket)
        created = client.create_group(id="readers", bucket=bucket)
        assert created["data"]["members"] == []
        with pytest.raises(KintoPreconditionFailed):
            client.create_group(id="readers", bucket=bucket)
        again = client.create_group(id="readers", bucket=bucket, if_not_exists=True)
        assert again["data"] == created["data"]

        # Bob cannot read the bucket until he is in a group that may.
        with pytest.raises(BucketForbidden):
            other.get_bucket(id=bucket)
        client.patch_group(
            id="readers",
            bucket=bucket,
            changes=JSONPatch([{"op": "add", "path": "/data/members/0", "value": bob_id}]),
        )
        assert (client.get_group(id="readers", bucket=bucket))["data"]["members"] == [bob_id]
        client.patch_bucket(id=bucket, permissions={"read": [f"/buckets/{bucket}/groups/readers"]})
        assert (other.get_bucket(id=bucket))["data"]["id"] == bucket

        stale = created["data"]
        with pytest.raises(KintoPreconditionFailed):
            client.update_group(id="readers", bucket=bucket, data=stale)
        client.update_group(id="readers", bucket=bucket, data={"members": []}, safe=False)
        assert (client.get_group(id="readers", bucket=bucket))["data"]["members"] == []
        with pytest.raises(BucketForbidden):
            other.get_bucket(id=bucket)

        for name in ("g1", "g2", "g3"):
            client.create_group(id=name, bucket=bucket, data={"members": [name]})
        assert client.count_groups(bucket=bucket) == 4
        assert {g["id"] for g in client.get_groups(bucket=bucket)} == {
            "readers",
            "g1",
            "g2",
            "g3",
        }
        assert len([g for g in client.iter_groups(bucket=bucket, page_size=1)]) == 4
        assert [g["id"] for g in client.get_groups(bucket=bucket, _limit=1, _sort="id")] == ["g1"]

        with pytest.raises(KintoPreconditionFailed):
            client.delete_group(id="g1", bucket=bucket, if_match=1)
        assert client.delete_group(id="nope", bucket=bucket, if_exists=True) is None
        with pytest.raises(KintoNotFound):
            client.delete_group(id="nope", bucket=bucket)
        client.delete_group(id="g1", bucket=bucket)
        gone = client.delete_groups(bucket=bucket, in_id=["g2", "g3"])
        assert sorted(t["id"] for t in gone) == ["g2", "g3"]
        assert [g["id"] for g in client.get_groups(bucket=bucket)] == ["readers"]


# -- records -----------------------------------------------------------------------------


def test_record_create_get_update_delete(kinto_server: Server) -> None:
    bucket = unique("rec")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        client.create_bucket()
        client.create_collection()

        generated = client.create_record(data={"title": "no id"})
        assert uuid.UUID(generated["data"]["id"])
        from_data = client.create_record(data={"id": "from-data", "n": 1})
        assert from_data["data"]["id"] == "from-data"

        created = client.create_record(id="r1", data={"title": "one"})
        with pytest.raises(KintoPreconditionFailed):
            client.create_record(id="r1", data={"title": "clobber"})
        existing = client.create_record(id="r1", data={"title": "x"}, if_not_exists=True)
        assert existing["data"] == created["data"]
        assert (client.get_record(id="r1"))["data"]["title"] == "one"

        updated = client.update_record(data={**created["data"], "title": "two"})
        assert (client.get_record(id="r1"))["data"]["title"] == "two"
        with pytest.raises(KintoPreconditionFailed) as stale:
            client.update_record(data={**created["data"], "title": "lost update"})
        assert stale.value.existing == updated["data"]
        assert (client.get_record(id="r1"))["data"]["title"] == "two"
        client.update_record(id="r1", data={"title": "forced"}, safe=False)
        replaced = (client.get_record(id="r1"))["data"]
        assert replaced["title"] == "forced"

        with pytest.raises(KintoPreconditionFailed):
            client.delete_record(id="r1", if_match=created["data"]["last_modified"])
        assert (client.get_record(id="r1"))["data"]["title"] == "forced"
        tombstone = client.delete_record(id="r1", if_match=replaced["last_modified"])
        assert tombstone is not None
        assert tombstone == {
            "id": "r1",
            "last_modified": tombstone["last_modified"],
            "deleted": True,
        }
        with pytest.raises(KintoNotFound):
            client.get_record(id="r1")
        assert client.delete_record(id="r1", if_exists=True) is None
        assert {r["id"] for r in client.get_records()} == {
            generated["data"]["id"],
            "from-data",
        }


def test_record_patch_types(kinto_server: Server) -> None:
    bucket = unique("patch")
    with (
        alice(kinto_server, bucket=bucket, collection="c") as client,
        bob(kinto_server, bucket=bucket, collection="c") as other,
    ):
        bob_id = principal_of(other)
        client.create_bucket()
        client.create_collection()
        base = {"a": 1, "n": 5, "tags": ["x"], "nested": {"b": 1, "c": 2}}
        created = client.create_record(id="r", data=base)

        # BasicPatch (application/json): shallow merge, None is stored as null.
        client.patch_record(id="r", changes=BasicPatch(data={"n": None, "new": True}))
        data = (client.get_record(id="r"))["data"]
        assert "n" in data
        assert data["n"] is None
        assert data["new"] is True
        assert data["nested"] == {"b": 1, "c": 2}

        # MergePatch (RFC 7396): None deletes, recursively.
        client.patch_record(id="r", changes=MergePatch(data={"tags": None, "nested": {"b": None}}))
        data = (client.get_record(id="r"))["data"]
        assert "tags" not in data
        assert data["nested"] == {"c": 2}
        assert data["a"] == 1

        # JSONPatch (RFC 6902): a data operation and a permission principal operation.
        with pytest.raises(KintoPermissionDenied):
            other.get_record(id="r")
        client.patch_record(
            id="r",
            changes=JSONPatch(
                [
                    {"op": "add", "path": "/data/extra", "value": 42},
                    {"op": "add", "path": f"/permissions/read/{bob_id}", "value": bob_id},
                ]
            ),
        )
        record = client.get_record(id="r")
        assert record["data"]["extra"] == 42
        assert record["permissions"]["read"] == [bob_id]
        assert (other.get_record(id="r"))["data"]["extra"] == 42
        with pytest.raises(KintoBadRequest):
            client.patch_record(id="r", changes=JSONPatch([{"op": "remove", "path": "/data/nope"}]))

        # original= gives If-Match: a stale copy is refused, a fresh one applies.
        with pytest.raises(KintoPreconditionFailed) as stale:
            client.patch_record(original=created["data"], changes=BasicPatch(data={"a": "stale"}))
        assert stale.value.existing is not None
        assert stale.value.existing["extra"] == 42
        fresh = record["data"]
        client.patch_record(original=fresh, changes=BasicPatch(data={"a": "fresh"}))
        assert (client.get_record(id="r"))["data"]["a"] == "fresh"
        client.patch_record(id="r", data={"a": 3}, if_match=fresh["last_modified"], safe=False)
        assert (client.get_record(id="r"))["data"]["a"] == 3
        with pytest.raises(KintoPreconditionFailed):
            client.patch_record(id="r", data={"a": 4}, if_match=fresh["last_modified"])


def test_record_filters_sort_and_fields(kinto_server: Server) -> None:
    bucket = unique("filt")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        make_records(client, bucket, "c", 13)
        assert ints(client.get_records(min_i=10)) == [12, 11, 10]
        assert ints(client.get_records(gt_i=3, lt_i=6)) == [5, 4]
        assert ints(client.get_records(in_i=[1, 2, 3])) == [3, 2, 1]
        first_three = client.get_records(exclude_i=[1, 2, 3], not_i=4, _sort="i", _limit=3)
        assert ints(first_three) == [0, 5, 6]
        assert ints(client.get_records(like_name="n1*")) == [12, 11, 10, 1]
        assert ints(client.get_records(has_maybe=True)) == [0]
        assert len(client.get_records(has_maybe=False)) == 12
        assert ints(client.get_records(contains_tags='["odd"]', max_i=5)) == [5, 3, 1]
        assert ints(client.get_records(name="n7")) == [7]
        assert client.get_records(unknown_field=1) == []
        assert ints(client.get_records(_sort=["i"], max_i=2)) == [0, 1, 2]
        partial = client.get_records(_fields=["name"], _sort="-i", _limit=2)
        assert partial == [
            {"id": "r12", "last_modified": partial[0]["last_modified"], "name": "n12"},
            {"id": "r11", "last_modified": partial[1]["last_modified"], "name": "n11"},
        ]
        assert client.count_records(min_i=10) == 3
        assert client.count_records(like_name="n1*") == 4
        with pytest.raises(KintoBadRequest) as bad:
            client.get_records(_token="not-a-token")
        assert bad.value.errno == 107
        assert "_token" in str(bad.value)


def test_record_contains_filters_take_lists(kinto_server: Server) -> None:
    bucket = unique("cont")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        make_records(client, bucket, "c", 6)
        assert ints(client.get_records(contains_any_tags=["odd", "x"])) == [5, 3, 1]


def test_get_records_if_none_match(kinto_server: Server) -> None:
    bucket = unique("inm")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        make_records(client, bucket, "c", 3)
        stale = (client.get_records(_sort="i"))[0]["last_modified"]
        # kinto-http: a stale ETag means "changed since", so every record comes back.
        assert ints(client.get_records(if_none_match=stale, _sort="i")) == [0, 1, 2]


def test_record_pages_and_limit_semantics(kinto_server: Server) -> None:
    bucket = unique("page")
    recorder = Recorder()
    with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        make_records(client, bucket, "c", 13)
        assert len(client.get_records()) == 13
        # kinto-http: an explicit _limit is one page unless pages= asks for more.
        assert ints(client.get_records(_limit=5, _sort="i")) == [0, 1, 2, 3, 4]
        assert ints(client.get_records(_limit=5, _sort="i", pages=2)) == list(range(10))
        assert ints(client.get_records(_limit=5, _sort="i", pages=float("inf"))) == list(range(13))

        pages = [ints(page["data"]) for page in client.get_paginated_records(_limit=5, _sort="i")]
        assert pages == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12]]

        before = len(recorder.sent("GET", "/records"))
        streamed = [r["i"] for r in client.iter_records(page_size=3, _sort="i")]
        assert streamed == list(range(13))
        assert len(recorder.sent("GET", "/records")) - before == 5  # 3+3+3+3+1
        assert [r["i"] for r in client.iter_records(min_i=11, page_size=1)] == [12, 11]
        assert client.count_records() == 13


def test_plural_delete_tombstones_and_timestamp(kinto_server: Server) -> None:
    bucket = unique("tomb")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        make_records(client, bucket, "c", 6)
        timestamp = client.get_records_timestamp()
        with httpx.Client(auth=kinto_server.auth, trust_env=False) as raw:
            listing = raw.get(f"{kinto_server.url}/buckets/{bucket}/collections/c/records")
        assert listing.headers["etag"] == f'"{timestamp}"'
        assert int(timestamp) == max(r["last_modified"] for r in client.get_records())

        with pytest.raises(KintoPreconditionFailed):
            client.delete_records(if_match=1)
        assert client.count_records() == 6

        gone = client.delete_records(min_i=4)
        assert sorted(t["id"] for t in gone) == ["r04", "r05"]
        assert all(t["deleted"] for t in gone)
        assert ints(client.get_records(_sort="i")) == [0, 1, 2, 3]
        since = client.get_records(_since=timestamp)
        assert sorted((t["id"], t.get("deleted")) for t in since) == [
            ("r04", True),
            ("r05", True),
        ]
        assert int(client.get_records_timestamp()) > int(timestamp)

        everything = client.delete_records(if_match=client.get_records_timestamp())
        assert len(everything) == 4
        assert client.get_records() == []


# -- ids ---------------------------------------------------------------------------------

IdOperation = Callable[[KintoClient, str], Any]

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
def test_invalid_ids_raise_before_any_request(kinto_server: Server, bad: str) -> None:
    recorder = Recorder()
    with alice(kinto_server, transport=recorder) as client:
        for operation in ID_OPERATIONS:
            with pytest.raises(ValueError, match="invalid"):
                operation(client, bad)
        with pytest.raises(ValueError, match="invalid"):
            client.iter_records(bucket=bad, collection="c")
        if bad != "a.b":  # '.' is valid in account ids (e-mail logins)
            with pytest.raises(ValueError, match="invalid account id"):
                client.create_account(id=bad, password="some-password")
        with client.batch(bucket="b", collection="c") as batch:
            with pytest.raises(ValueError, match="invalid"):
                batch.create_record(id=bad)
        assert recorder.requests == []
        # No slugified twin was created either (kinto-http would have made "hello-world").
        assert client.get_buckets() == []


# -- errors ------------------------------------------------------------------------------


def test_error_401_anonymous_write(kinto_server: Server) -> None:
    with anonymous(kinto_server) as anon, alice(kinto_server) as client:
        with pytest.raises(KintoAuthenticationError) as denied:
            anon.create_bucket(id=unique("anon"))
        assert isinstance(denied.value, AuthenticationError)
        assert isinstance(denied.value, KintoException)
        assert denied.value.status == 401
        assert denied.value.errno == 104
        assert client.get_buckets() == []


def test_error_403_is_bucket_forbidden(kinto_server: Server) -> None:
    bucket = unique("priv")
    with alice(kinto_server) as client, bob(kinto_server) as other:
        client.create_bucket(id=bucket)
        client.create_collection(id="c", bucket=bucket)
        client.create_record(id="r", bucket=bucket, collection="c", data={"s": 1})
        with pytest.raises(BucketForbidden) as forbidden:
            other.get_bucket(id=bucket)
        error = forbidden.value
        assert isinstance(error, BucketNotFound)
        assert isinstance(error, KintoPermissionDenied)
        assert isinstance(error, PermissionDeniedError)
        assert isinstance(error, NotFoundError)
        assert error.status == 403
        assert error.errno == 121
        with pytest.raises(CollectionForbidden):
            other.get_collection(id="c", bucket=bucket)
        with pytest.raises(CollectionForbidden):
            other.get_records(bucket=bucket, collection="c")
        with pytest.raises(KintoPermissionDenied) as record_denied:
            other.update_record(id="r", bucket=bucket, collection="c", data={"s": 2})
        assert record_denied.value.errno == 121
        assert (client.get_record(id="r", bucket=bucket, collection="c"))["data"]["s"] == 1


def test_delete_if_exists_does_not_hide_a_403(kinto_server: Server) -> None:
    bucket = unique("keep")
    with alice(kinto_server) as client, bob(kinto_server) as other:
        client.create_bucket(id=bucket)
        client.create_collection(id="c", bucket=bucket)
        with pytest.raises(KintoPermissionDenied):
            other.delete_collection(id="c", bucket=bucket, if_exists=True)
        # kinto-http's rule for buckets: Kinto answers 403 for a missing bucket too, so
        # if_exists treats a bucket 403 as "gone"; nothing is deleted either way.
        assert other.delete_bucket(id=bucket, if_exists=True) is None
        assert (client.get_bucket(id=bucket))["data"]["id"] == bucket
        assert (client.get_collection(id="c", bucket=bucket))["data"]["id"] == "c"


def test_error_404_record(kinto_server: Server) -> None:
    bucket = unique("nf")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        client.create_bucket()
        client.create_collection()
        with pytest.raises(KintoNotFound) as missing:
            client.get_record(id="nope")
        assert isinstance(missing.value, NotFoundError)
        assert missing.value.status == 404
        assert missing.value.errno == 110
        assert missing.value.details == {"id": "nope", "resource_name": "record"}


def test_error_400_and_secrets_never_in_error_text(kinto_server: Server) -> None:
    bucket = unique("bad")
    with alice(kinto_server) as client:
        client.create_bucket(id=bucket)
        with pytest.raises(KintoBadRequest) as bad:
            # The server echoes the value in its message: the password must not come back.
            client.create_group(id="g", bucket=bucket, data={"members": "alice-secret"})
        error = bad.value
        assert isinstance(error, BadRequestError)
        assert error.status == 400
        assert error.errno == 107
        assert "members" in str(error)
        assert "is not iterable" in str(error)
        for text in (str(error), repr(error), error.message):
            assert "alice-secret" not in text
        with pytest.raises(KintoNotFound):
            client.get_group(id="g", bucket=bucket)


# -- permissions -------------------------------------------------------------------------


def test_permissions_endpoint(kinto_server: Server) -> None:
    bucket = unique("perm")
    with alice(kinto_server) as client, bob(kinto_server) as other:
        client.create_bucket(id=bucket)
        client.create_collection(id="c", bucket=bucket)
        client.create_record(id="r", bucket=bucket, collection="c", data={})
        uris = {e["uri"]: e for e in client.get_permissions()}
        assert "write" in uris[f"/buckets/{bucket}"]["permissions"]
        assert "record:create" in uris[f"/buckets/{bucket}/collections/c"]["permissions"]
        assert uris[f"/buckets/{bucket}/collections/c/records/r"]["resource_name"] == "record"

        only_containers = client.get_permissions(exclude_resource_names=["record"])
        names = {e["resource_name"] for e in only_containers}
        assert "record" not in names
        assert {"bucket", "collection"} <= names
        no_collections = client.get_permissions(exclude_resource_names=("record", "collection"))
        assert {e["resource_name"] for e in no_collections} <= {"bucket", "root"}

        everything = client.get_permissions()
        assert len(everything) >= 4  # root, bucket, collection, record
        assert len(client.get_permissions(_limit=1)) == 1
        assert len(client.get_permissions(_limit=1, pages=3)) == 3
        assert len(client.get_permissions(_limit=1, pages=float("inf"))) == len(everything)

        theirs = {e["uri"] for e in other.get_permissions()}
        assert not any(uri.startswith(f"/buckets/{bucket}") for uri in theirs)


def test_public_read_is_readable_anonymously(kinto_server: Server) -> None:
    bucket = unique("pub")
    with alice(kinto_server) as client, anonymous(kinto_server) as anon:
        client.create_bucket(id=bucket, permissions={"read": [EVERYONE]})
        client.create_collection(id="c", bucket=bucket)
        client.create_record(id="r", bucket=bucket, collection="c", data={"v": 1})
        public = anon.get_bucket(id=bucket)
        assert public["data"]["id"] == bucket
        assert public["permissions"] == {}  # permissions are shown to writers only
        assert [r["v"] for r in anon.get_records(bucket=bucket, collection="c")] == [1]
        with pytest.raises(KintoAuthenticationError):
            anon.create_record(bucket=bucket, collection="c", data={"v": 2})
        assert client.count_records(bucket=bucket, collection="c") == 1


# -- history -----------------------------------------------------------------------------


def test_history_filters_iteration_snapshot_and_purge(kinto_server: Server) -> None:
    bucket = unique("hist")
    recorder = Recorder()
    with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        client.create_bucket()
        client.create_collection()
        for i in range(5):
            client.create_record(id=f"r{i}", data={"i": i})
        timestamp = int(client.get_records_timestamp())
        # History entries get their own timestamps, a little after the records' ones.
        mark = (client.get_history())[0]["last_modified"]
        client.patch_record(id="r0", data={"i": 100})
        client.delete_record(id="r1")
        client.create_record(id="r5", data={"i": 5})

        history = client.get_history()
        assert len(history) == 10  # bucket, collection, 5 creates, update, delete, create
        assert [h["action"] for h in history[:3]] == ["create", "delete", "update"]
        records = client.get_history(resource_name="record")
        assert len(records) == 8
        assert {h["resource_name"] for h in records} == {"record"}
        recent = client.get_history(_since=mark, resource_name="record")
        assert sorted((h["action"], h["record_id"]) for h in recent) == [
            ("create", "r5"),
            ("delete", "r1"),
            ("update", "r0"),
        ]
        # kinto-http's rule: an explicit _limit is one page unless pages= asks for more.
        assert [h["id"] for h in client.get_history(_limit=2)] == [h["id"] for h in history[:2]]
        assert len(client.get_history(_limit=2, pages=2)) == 4
        assert len(client.get_history(_limit=2, pages=float("inf"))) == 10
        fields = client.get_history(_fields=["action"], resource_name="bucket")
        assert [set(h) for h in fields] == [{"id", "last_modified", "action"}]

        before = len(recorder.sent("GET", "/history"))
        streamed = [h["id"] for h in client.iter_history(page_size=3)]
        assert streamed == [h["id"] for h in history]
        assert len(recorder.sent("GET", "/history")) - before == 4  # 3+3+3+1

        snapshot = client.get_snapshot(timestamp=timestamp)
        assert sorted((r["id"], r["i"]) for r in snapshot) == [(f"r{i}", i) for i in range(5)]

        purged = client.purge_history(resource_name="record")
        assert len(purged) == 8
        assert client.get_history(resource_name="record") == []
        assert {h["resource_name"] for h in client.get_history()} == {"bucket", "collection"}
        client.purge_history()
        assert client.get_history() == []


# -- accounts ----------------------------------------------------------------------------


def test_accounts_create_get_update_delete(kinto_server: Server) -> None:
    account = unique("carol")
    first, second = "carol-password-1", "carol-password-2"
    with anonymous(kinto_server) as anon:
        created = anon.create_account(id=account, password=first)
    assert created["data"]["id"] == account
    assert created["permissions"]["write"] == [f"account:{account}"]
    assert created["data"]["password"] != first  # the server stores a bcrypt hash

    with KintoClient(server_url=kinto_server.url, auth=(account, first)) as carol:
        assert principal_of(carol) == f"account:{account}"
        assert (carol.get_account(id=account))["data"]["id"] == account
        assert [a["id"] for a in carol.get_accounts()] == [account]
        carol.update_account(id=account, password=second, data={"nick": "C"})

    with KintoClient(server_url=kinto_server.url, auth=(account, first)) as stale:
        # accounts+basicauth: a wrong account password falls through to basicauth (kinto.md 1.2).
        fallback = principal_of(stale)
        assert fallback.startswith("basicauth:")
        with pytest.raises(KintoPermissionDenied):
            stale.get_account(id=account)

    with KintoClient(server_url=kinto_server.url, auth=(account, second)) as carol:
        assert principal_of(carol) == f"account:{account}"
        assert (carol.get_account(id=account))["data"]["nick"] == "C"
        deleted = carol.delete_account(id=account)
        assert deleted is not None
        assert deleted["deleted"] is True

    with KintoClient(server_url=kinto_server.url, auth=(account, second)) as gone:
        assert (principal_of(gone)).startswith("basicauth:")


# -- batch -------------------------------------------------------------------------------


def test_batch_splits_at_batch_max_requests(kinto_server: Server) -> None:
    bucket = unique("bat")
    recorder = Recorder()
    with alice(kinto_server, transport=recorder) as client:
        client.create_bucket(id=bucket)
        client.create_collection(id="c", bucket=bucket)
        with client.batch(bucket=bucket, collection="c") as batch:
            for i in range(60):
                queued = batch.create_record(id=f"r{i:02d}", data={"i": i})
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
        assert client.count_records(bucket=bucket, collection="c") == 60
        stored = client.get_records(bucket=bucket, collection="c", _sort="i")
        assert [r["i"] for r in stored] == list(range(60))


def test_batch_failures_raise_one_exception_naming_each(kinto_server: Server) -> None:
    bucket = unique("bfail")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        client.create_bucket()
        client.create_collection()
        client.create_record(id="taken", data={"v": "original"})
        with pytest.raises(KintoBatchException) as failed:
            with client.batch() as batch:
                batch.create_record(id="ok1", data={"v": 1})
                batch.create_record(id="taken", data={"v": "clobber"})
                batch.get_record(id="missing")
                batch.create_record(id="ok2", data={"v": 2})
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
        assert {r["id"]: r["v"] for r in client.get_records()} == {
            "ok1": 1,
            "ok2": 2,
            "taken": "original",
        }


def test_batch_ignore_4xx(kinto_server: Server) -> None:
    bucket = unique("b4xx")
    options: dict[str, Any] = {"bucket": bucket, "collection": "c", "ignore_batch_4xx": True}
    with alice(kinto_server, **options) as client:
        client.create_bucket()
        client.create_collection()
        with client.batch() as batch:
            batch.get_record(id="missing")
            batch.create_record(id="ok", data={"v": 1})
        assert [r.status for r in batch.responses()] == [404, 201]
        assert batch.results()[0]["errno"] == 110
        assert (client.get_record(id="ok"))["data"]["v"] == 1


def test_batch_reads_explicit_send_and_aclose(kinto_server: Server) -> None:
    bucket = unique("bread")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        client.create_bucket()
        client.create_collection()
        client.create_record(id="r1", data={"v": 1})
        with client.batch() as batch:
            batch.get_record(id="r1")
            batch.patch_record(id="r1", data={"v": 2})
            first = batch.send()
            assert [body["data"]["v"] for body in first] == [1, 2]
            batch.get_record(id="r1")
            batch.get_records()
            batch.close()  # shares the parent's pool: closes nothing
        bodies = batch.results()
        assert len(bodies) == 4
        assert bodies[2]["data"]["v"] == 2
        assert [r["id"] for r in bodies[3]["data"]] == ["r1"]
        assert (client.get_record(id="r1"))["data"]["v"] == 2


def test_batch_with_a_collection_named_batch0(kinto_server: Server) -> None:
    bucket = unique("batchb")
    with alice(kinto_server, bucket=bucket, collection="batch0") as client:
        client.create_bucket()
        with client.batch() as batch:
            batch.create_collection(id="batch0")
            batch.create_record(id="r1", data={"v": 1})
            batch.get_record(id="r1")
        assert [r.status for r in batch.responses()] == [201, 201, 200]
        assert (client.get_collection(id="batch0"))["data"]["id"] == "batch0"
        assert (client.get_record(id="r1"))["data"]["v"] == 1


def test_batch_refuses_json_patch_at_the_call(kinto_server: Server) -> None:
    bucket = unique("bjp")
    recorder = Recorder()
    with alice(kinto_server, bucket=bucket, collection="c", transport=recorder) as client:
        client.create_bucket()
        client.create_collection()
        client.create_record(id="r", data={"v": 1})
        with client.batch() as batch:
            batch.create_record(id="queued", data={})
            with pytest.raises(ValueError, match="JSON Patch"):
                batch.patch_record(
                    id="r", changes=JSONPatch([{"op": "add", "path": "/data/v", "value": 2}])
                )
        # The rest of the batch still went out, the JSON Patch did not.
        assert len(recorder.sent("POST", "/batch")) == 1
        assert (client.get_record(id="r"))["data"]["v"] == 1
        assert (client.get_record(id="queued"))["data"]["id"] == "queued"


# -- client options ----------------------------------------------------------------------


def test_clone_shares_the_pool_with_other_defaults(kinto_server: Server) -> None:
    bucket = unique("clone")
    recorder = Recorder()
    with alice(kinto_server, transport=recorder) as client:
        client.create_bucket(id=bucket)
        client.create_collection(id="c", bucket=bucket)
        scoped = client.clone(bucket=bucket, collection="c")
        assert f"bucket={bucket!r}" in repr(scoped)
        assert "bucket='default'" in repr(client)
        sent_before = len(recorder.requests)
        scoped.create_record(id="r", data={"v": 1})
        assert len(recorder.requests) == sent_before + 1  # same transport, same pool
        assert (client.get_record(id="r", bucket=bucket, collection="c"))["data"]["v"] == 1
        narrower = scoped.clone(collection="d")
        narrower.create_collection()
        assert {c["id"] for c in client.get_collections(bucket=bucket)} == {"c", "d"}
        with pytest.raises(ValueError, match="no collection"):
            client.get_records()


def test_with_options_timeout(kinto_server: Server) -> None:
    recorder = Recorder()
    with alice(kinto_server, transport=recorder) as client:
        patient = client.with_options(timeout=7.5)
        patient.heartbeat()
        assert recorder.requests[-1].extensions["timeout"] == httpx.Timeout(7.5).as_dict()
        # The parent keeps its own timeout.
        assert (client.server_info())["project_name"] == "kinto"
        assert recorder.requests[-1].extensions["timeout"] != httpx.Timeout(7.5).as_dict()

    # A server that accepts connections and never answers: only the timeout ends the call.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with KintoClient(server_url=f"http://127.0.0.1:{port}", timeout=60) as mute:
            started = time.monotonic()
            with pytest.raises(CloudspecTimeoutError):
                mute.with_options(timeout=0.3, max_retries=0).server_info()
            assert time.monotonic() - started < 5


def test_retry_and_with_options_max_retries(kinto_server: Server) -> None:
    recorder = Recorder()
    with alice(kinto_server, transport=recorder, retry=1, retry_after=0.01) as client:
        recorder.fail_next = 1
        assert (client.heartbeat())["storage"] is True
        assert len(recorder.requests) == 2

        recorder.fail_next = 1
        with pytest.raises(KintoServerError) as unavailable:
            client.with_options(max_retries=0).heartbeat()
        assert isinstance(unavailable.value, ServerError)
        assert unavailable.value.errno == 201
        assert len(recorder.requests) == 3

        recorder.fail_next = 3
        assert (client.with_options(max_retries=3).server_info())["project_name"] == "kinto"
        assert len(recorder.requests) == 7


def test_debug_output_is_redacted(kinto_server: Server, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="cloudspec.http")
    account = unique("dbg")
    password = "debug-password-123"
    with alice(kinto_server, debug=True) as client:
        client.server_info()
    with anonymous(kinto_server, debug=True) as anon:
        anon.create_account(id=account, password=password)
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


def test_alert_header_becomes_a_warning(kinto_server: Server) -> None:
    bucket = unique("alert")
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        make_records(client, bucket, "c", 3)
        timestamp = client.get_records_timestamp()
        with pytest.warns(KintoAlert, match="_to is now deprecated"):
            older = client.get_records(_to=timestamp)
        assert ints(older) == [1, 0]


def test_dry_mode_sends_nothing(kinto_server: Server, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cloudspec.kinto")
    bucket = unique("dry")
    recorder = Recorder()
    with alice(kinto_server, dry_mode=True, transport=recorder) as dry:
        created: object = dry.create_bucket(id=bucket)
        assert created is None
        dry.delete_buckets()
        with dry.batch(bucket=bucket, collection="c") as batch:
            batch.create_record(id="r", data={})
        assert recorder.requests == []
    assert f"dry mode: PUT {kinto_server.url}/buckets/{bucket}" in caplog.text
    with alice(kinto_server) as client:
        assert client.get_buckets() == []


# -- the object API ----------------------------------------------------------------------


def test_objects_buckets_collections_and_records(kinto_server: Server) -> None:
    name = unique("obj")
    with (
        alice(kinto_server) as client,
        bob(kinto_server) as other,
        anonymous(kinto_server) as anon,
    ):
        bob_id = principal_of(other)
        bucket = Bucket(name, client=client, data={"title": "T"}).create()
        assert bucket.last_modified is not None
        assert (client.get_bucket(id=name))["data"]["title"] == "T"

        collection = bucket.create_collection("receipts")
        assert [c.id for c in bucket.get_collections()] == ["receipts"]
        assert (bucket.get_collection("receipts")).last_modified == collection.last_modified

        record = collection.create_record({"amount": 3}, public=True)
        assert record.permissions.read == [EVERYONE]
        read_anonymously = anon.get_record(id=record.id, bucket=name, collection="receipts")
        assert read_anonymously["data"]["amount"] == 3

        # BUG (typing): mypy rejects this README idiom on the descriptor; see the report.
        record.permissions.write += bob_id
        record.data["amount"] = 4
        record.save()
        stored = client.get_record(id=record.id, bucket=name, collection="receipts")
        assert bob_id in stored["permissions"]["write"]
        assert stored["data"]["amount"] == 4
        # The permission is real: bob may now write the record.
        other.patch_record(id=record.id, bucket=name, collection="receipts", data={"b": 1})

        # Our copy is now stale: save() refuses to overwrite bob's change.
        record.data["amount"] = 5
        with pytest.raises(KintoPreconditionFailed):
            record.save()
        fresh = collection.get_record(record.id)
        assert fresh.data["b"] == 1
        assert fresh.data["amount"] == 4

        new = Record(collection, "manual", data={"amount": 10})
        saved = collection.save_record(new)
        assert saved.last_modified is not None
        extra = collection.create_record({"amount": 20}, id="extra")
        collection.create_record({"amount": 30}, id="third")
        assert sorted(r.data["amount"] for r in collection.get_all_records()) == [
            4,
            10,
            20,
            30,
        ]
        assert sorted([r.id for r in collection.iter_records(min_amount=10)]) == [
            "extra",
            "manual",
            "third",
        ]

        updated = collection.update_record_permissions("manual", read=[bob_id])
        assert bob_id in updated.permissions.read
        shared = other.get_record(id="manual", bucket=name, collection="receipts")
        assert shared["data"]["amount"] == 10

        collection.delete_record(extra)
        collection.delete_record("third")
        assert {r["id"] for r in client.get_records(bucket=name, collection="receipts")} == {
            record.id,
            "manual",
        }
        collection.delete_records([fresh, "manual"])
        assert client.get_records(bucket=name, collection="receipts") == []


def test_objects_groups_via_collection_and_bucket(kinto_server: Server) -> None:
    name = unique("ogrp")
    with alice(kinto_server) as client:
        bucket = Bucket(name, client=client).create()
        collection = bucket.create_collection("c")

        def members(group: str) -> list[str]:
            found: list[str] = (client.get_group(id=group, bucket=name))["data"]["members"]
            return found

        group = collection.create_group("friends", ["alice"])
        assert group.members == ["alice"]
        collection.add_to_group("friends", ["bob", "carol", "alice"])
        assert members("friends") == ["alice", "bob", "carol"]
        collection.remove_from_group("friends", ["alice"])
        assert members("friends") == ["bob", "carol"]
        collection.clear_group("friends")
        assert members("friends") == []
        collection.delete_group("friends")
        with pytest.raises(KintoNotFound):
            client.get_group(id="friends", bucket=name)

        bucket.create_group("admins")
        bucket.add_to_group("admins", ["dave"])
        assert members("admins") == ["dave"]
        bucket.remove_from_group("admins", ["dave"])
        bucket.add_to_group("admins", ["erin", "frank"])
        bucket.clear_group("admins")
        assert members("admins") == []
        bucket.delete_group("admins")
        assert client.get_groups(bucket=name) == []

        collection.delete()
        assert client.get_collections(bucket=name) == []
        bucket.delete()
        assert client.get_buckets() == []


def test_objects_listed_record_keeps_its_permissions(kinto_server: Server) -> None:
    name = unique("olist")
    with alice(kinto_server) as client:
        bucket = Bucket(name, client=client).create()
        collection = bucket.create_collection("c")
        collection.create_record({"v": 1}, id="r", public=True)
        [listed] = collection.get_all_records()
        listed.permissions.read += "system.Authenticated"
        listed.save()
        stored = client.get_record(id="r", bucket=name, collection="c")
        assert sorted(stored["permissions"]["read"]) == sorted([EVERYONE, "system.Authenticated"])


def test_objects_bucket_permissions(kinto_server: Server) -> None:
    name = unique("operm")
    with alice(kinto_server) as client, bob(kinto_server) as other:
        bob_id = principal_of(other)
        bucket = Bucket(name, client=client).create()
        with pytest.raises(CollectionForbidden):
            other.create_collection(id="bobs", bucket=name)

        bucket.update_permissions(collection_create=[bob_id])
        assert bucket.permissions.collection_create == [bob_id]
        stored = client.get_bucket(id=name)
        assert stored["permissions"]["collection:create"] == [bob_id]
        # Real effect: bob may now create a collection in alice's bucket.
        other.create_collection(id="bobs", bucket=name)
        assert [c["id"] for c in client.get_collections(bucket=name)] == ["bobs"]

        with pytest.raises(ValueError, match="record_create"):
            bucket.update_permissions(record_create=[bob_id])
        assert (client.get_bucket(id=name))["permissions"] == stored["permissions"]


# -- attachments (kinto-attachment plugin) ---------------------------------------------------


def test_attachments_upload_download_remove(kinto_server: Server, tmp_path: Path) -> None:
    bucket = unique("att")
    # Every byte value, and the generator's fixed multipart boundary inside the file.
    payload = bytes(range(256)) * 64 + b"\r\n--+++--\r\n" + b"tail"
    source = tmp_path / "blob.bin"
    source.write_bytes(payload)
    with alice(kinto_server, bucket=bucket, collection="c") as client:
        client.create_bucket()
        client.create_collection()
        meta = client.add_attachment(
            "r1", source, filename="../../escape.bin", data={"kind": "blob"}
        )
        assert meta["size"] == len(payload)
        assert meta["hash"] == hashlib.sha256(payload).hexdigest()

        record = client.get_record(id="r1")
        assert record["data"]["kind"] == "blob"
        assert record["data"]["attachment"]["hash"] == meta["hash"]

        folder = tmp_path / "out"
        folder.mkdir()
        path = Path(client.download_attachment(record, folder, save_metadata=True))
        assert path == folder / "escape.bin"  # the server's "../../" never escapes
        assert path.read_bytes() == payload
        assert json.loads(Path(f"{path}.meta.json").read_text())["id"] == "r1"
        assert sorted(p.name for p in folder.iterdir()) == ["escape.bin", "escape.bin.meta.json"]

        # Up to date already: kept as it is, not downloaded again.
        before = path.stat().st_mtime_ns
        assert client.download_attachment(record["data"], path) == str(path)
        assert path.stat().st_mtime_ns == before

        client.remove_attachment("r1")
        assert (client.get_record(id="r1"))["data"]["attachment"] is None
        with pytest.raises(ValueError, match="no attachment"):
            client.download_attachment({"id": "x"}, folder)

        with pytest.raises(ValueError, match="file uploads"):
            with client.batch() as batch:
                batch.add_attachment("r2", source)
