"""The sync ``Bucket`` with the original README constructor, which talks to the server.

``Bucket(name=..., server_url=..., auth=..., create=True)`` gets or creates the bucket;
without ``create`` it loads an existing bucket and raises for a missing one. (The async
object API, whose constructors do no I/O, is covered by tests/live/_async.)
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

import httpx
import pytest

from cloudspec.kinto import (
    Bucket,
    BucketForbidden,
    BucketNotFound,
    Collection,
    KintoClient,
    KintoPreconditionFailed,
)

pytestmark = [pytest.mark.live, pytest.mark.usefixtures("kinto_flush")]


class Server(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def auth(self) -> tuple[str, str]: ...


class Recorder(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_bucket_constructor_gets_or_creates(kinto_server: Server) -> None:
    name = unique("readme")
    options: dict[str, Any] = {"server_url": kinto_server.url, "auth": kinto_server.auth}
    created = Bucket(name=name, data={"title": "Payments"}, create=True, **options)
    again = Bucket(name=name, data={"title": "ignored"}, create=True, **options)
    loaded = Bucket(name=name, **options)
    try:
        assert created.last_modified is not None
        # The second create=True found the bucket instead of failing or overwriting it.
        assert again.data == created.data
        assert loaded.data == created.data
        assert loaded.data["title"] == "Payments"
        with KintoClient(server_url=kinto_server.url, auth=kinto_server.auth) as client:
            assert client.get_bucket(id=name)["data"]["title"] == "Payments"
            assert [b["id"] for b in client.get_buckets()] == [name]

        collection = loaded.create_collection("receipts")
        assert isinstance(collection, Collection)
        record = collection.create_record({"amount": 3}, id="r1")
        assert collection.get_record("r1").data["amount"] == 3

        # A handle made before a change is stale: saving it is refused.
        created.data["title"] = "Changed"
        created.save()
        loaded.data["title"] = "Lost update"
        with pytest.raises(KintoPreconditionFailed):
            loaded.save()
        assert loaded.refresh().data["title"] == "Changed"
        assert record.refresh().data["amount"] == 3
    finally:
        for bucket in (created, again, loaded):
            bucket.client.close()


def test_bucket_constructor_loads_or_raises(kinto_server: Server) -> None:
    recorder = Recorder()
    with KintoClient(
        server_url=kinto_server.url, auth=kinto_server.auth, transport=recorder
    ) as client:
        name = unique("exists")
        client.create_bucket(id=name, data={"title": "T"})

        loaded = Bucket(name=name, client=client)
        assert loaded.data["title"] == "T"
        assert loaded.permissions.write != []

        sent = len(recorder.requests)
        handle = Bucket(name=unique("handle"), client=client, load=False)
        assert handle.last_modified is None
        assert len(recorder.requests) == sent  # load=False makes no request

        missing = unique("missing")
        # Kinto answers 403 for a bucket that does not exist (existence does not leak).
        with pytest.raises(BucketNotFound) as error:
            Bucket(name=missing, client=client)
        assert isinstance(error.value, BucketForbidden)
        assert [b["id"] for b in client.get_buckets()] == [name]

        with pytest.raises(ValueError, match="invalid bucket id"):
            Bucket(name="Hello World", client=client)
