# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Kinto client flows replayed from cassettes (recorded against a real Kinto by `make record`).

Assertions use only values the test chose (ids, fields): server timestamps and generated ids
change on every recording.
"""

from __future__ import annotations

import logging

import pytest

from cloudspec.core import NotFoundError, PermissionDeniedError
from cloudspec.kinto import (
    BucketForbidden,
    KintoBatchException,
    KintoClient,
    KintoPreconditionFailed,
    MergePatch,
)

from ..conftest import AUTH, OTHER_AUTH

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]


def test_record_round_trip(kinto_url: str, names: str) -> None:
    with KintoClient(server_url=kinto_url, auth=AUTH, bucket=names) as client:
        client.create_bucket()
        client.create_collection(id="notes")
        created = client.create_record(
            id="n1", collection="notes", data={"title": "first", "tags": ["a"], "extra": {"k": 1}}
        )
        assert created["data"]["title"] == "first"

        patched = client.patch_record(
            id="n1", collection="notes", changes=MergePatch(data={"extra": None, "n": 2})
        )
        assert "extra" not in patched["data"]
        assert patched["data"]["n"] == 2

        with pytest.raises(KintoPreconditionFailed) as stale:
            client.update_record(
                id="n1", collection="notes", data={"title": "stale", "last_modified": 1}
            )
        assert stale.value.errno == 114
        assert stale.value.existing is not None
        assert stale.value.existing["title"] == "first"

        fetched = client.get_record(id="n1", collection="notes")
        assert fetched["data"]["title"] == "first"

        deleted = client.delete_record(id="n1", collection="notes")
        assert deleted is not None
        assert deleted["deleted"] is True
        with pytest.raises(NotFoundError):
            client.get_record(id="n1", collection="notes")


def test_iterates_every_page(kinto_url: str, names: str) -> None:
    with KintoClient(server_url=kinto_url, auth=AUTH, bucket=names, collection="items") as client:
        client.create_bucket()
        client.create_collection()
        with client.batch() as batch:
            for i in range(7):
                batch.create_record(id=f"item{i}", data={"i": i})
        seen = [r["id"] for r in client.iter_records(page_size=3, _sort="i")]
        assert seen == [f"item{i}" for i in range(7)]
        assert client.count_records() == 7
        big = client.get_records(min_i=4, _sort="-i")
        assert [r["i"] for r in big] == [6, 5, 4]


def test_batch_names_each_failure(kinto_url: str, names: str) -> None:
    with KintoClient(server_url=kinto_url, auth=AUTH, bucket=names, collection="c") as client:
        client.create_bucket()
        client.create_collection()
        client.create_record(id="taken", data={})
        batch = client.batch()
        with pytest.raises(KintoBatchException) as failure:
            with batch:
                batch.create_record(id="fresh", data={"ok": True})
                batch.create_record(id="taken", data={})
        assert len(failure.value.exceptions) == 1
        assert "/records/taken" in str(failure.value)
        assert [r.status for r in batch.responses()] == [201, 412]
        assert (client.get_record(id="fresh"))["data"]["ok"] is True


def test_forbidden_bucket_is_typed(kinto_url: str, names: str) -> None:
    with KintoClient(server_url=kinto_url, auth=AUTH, bucket=names) as alice:
        alice.create_bucket()
    with KintoClient(server_url=kinto_url, auth=OTHER_AUTH, bucket=names) as bob:
        with pytest.raises(BucketForbidden) as denied:
            bob.get_bucket()
    assert isinstance(denied.value, PermissionDeniedError)
    assert denied.value.status == 403
    assert "bob-secret" not in str(denied.value) + repr(denied.value)


def test_debug_output_hides_credentials(
    kinto_url: str, names: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="cloudspec.http")
    with KintoClient(server_url=kinto_url, auth=AUTH, bucket=names, debug=True) as client:
        client.create_bucket(data={"title": "debugged"})
    text = caplog.text
    assert f"PUT: {kinto_url}/buckets/{names}" in text
    assert "HTTP Code: 201" in text
    assert "debugged" in text
    assert "alice-secret" not in text
    assert "authorization : <redacted>" in text.lower()
