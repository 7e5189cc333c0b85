"""The defects the hostile-response harness found, one example each: each now ends in the
service's typed error (also a core ``MalformedResponseError``), not a bare Python error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.core.errors import MalformedResponseError
from tests.reliability.test_hostile_clients import CLIENTS, Hostile, _close

DEEP = b"[" * 100_000 + b"]" * 100_000


def _call(client_name: str, op: str, answers: list[tuple[int, Any]], tmp: Path) -> Any:
    client = next(c for c in CLIENTS if c.name == client_name)
    script = [
        (status, body if isinstance(body, bytes) else json.dumps(body).encode(), "application/json")
        for status, body in answers
    ]
    handle = client.build(httpx.MockTransport(Hostile(script)))
    try:
        return client.ops[op](handle, tmp)
    finally:
        _close(handle)


def _service_base(client_name: str) -> type[Exception]:
    if client_name == "box":
        from cloudspec.box import BoxError

        return BoxError
    if client_name == "buttfs":
        from cloudspec.buttfs import ButtFSError

        return ButtFSError
    if client_name == "kinto":
        from cloudspec.kinto import KintoException

        return KintoException
    if client_name == "metadisk":
        from cloudspec.metadisk import MetadiskError

        return MetadiskError
    from cloudspec.smartfile.errors import APIError

    return APIError


POINTER = {"hash": "a" * 40, "token": "t", "channel": "ws://farmer.test", "size": 1}

CASES = [
    # (client, operation, answers, what it raised before)
    ("metadisk", "files.token", [(201, ["PULL"])], "AttributeError: Token.from_dict on a list"),
    ("metadisk", "buckets.list", [(200, 5)], "TypeError: int is not iterable"),
    ("metadisk", "files.pointers", [(200, [{**POINTER, "hash": 5}])], "TypeError in quote()"),
    ("metadisk", "bucket.info", [(200, DEEP)], "RecursionError decoding the body"),
    ("metadisk", "buckets.list", [(200, b"<html>proxy</html>")], "[]: looked like no buckets"),
    ("box", "files.get", [(200, {"type": "file", "id": "1", "sha1": 5})], "AttributeError"),
    ("box", "files.get", [(200, {"type": "file", "id": 7})], "an int id, TypeError later"),
    ("box", "folders.items", [(200, {"entries": 5})], "TypeError: int is not iterable"),
    ("box", "folders.find", [(200, {"entries": 5})], "TypeError: int is not iterable"),
    ("box", "users.me", [(200, DEEP)], "RecursionError decoding the body"),
    ("buttfs", "fs.list_shares", [(200, {"result": [[]]})], "ValueError: dict([])"),
    ("buttfs", "get_account", [(200, {"result": [5]})], "TypeError: dict([5])"),
    ("buttfs", "fs.list_trash", [(200, {"result": {"items": [[]]}})], "AttributeError"),
    ("buttfs", "fs.list", [(200, DEEP)], "RecursionError decoding the body"),
    ("kinto", "get_bucket", [(200, [1, 2])], "AttributeError: list.get"),
    ("kinto", "get_records", [(200, {"data": [{"id": [1]}]})], "TypeError: unhashable id"),
    ("kinto", "get_records", [(200, {"data": "abc"})], "pages of characters"),
    ("kinto", "batch", [(200, {"settings": {}}), (200, {"responses": []})], "ValueError"),
    ("kinto", "server_info", [(200, DEEP)], "RecursionError decoding the body"),
    ("smartfile", "ls", [(200, {"children": 5, "pages": 1})], "TypeError: int not iterable"),
    ("smartfile", "info", [(200, {"path": 5, "name": []})], "wrong types passed through"),
    ("smartfile", "ping", [(200, DEEP)], "RecursionError decoding the body"),
]


@pytest.mark.parametrize(
    ("client_name", "op", "answers", "before"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_defect_is_now_a_typed_error(
    client_name: str, op: str, answers: list[tuple[int, Any]], before: str, tmp_path: Path
) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        _call(client_name, op, answers, tmp_path)
    assert isinstance(caught.value, _service_base(client_name)), type(caught.value).__mro__
    assert len(str(caught.value)) < 400


def test_kinto_count_header_that_is_not_a_number(tmp_path: Path) -> None:
    from cloudspec.kinto import KintoClient, KintoMalformedResponse

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Total-Objects": "many"})

    with (
        KintoClient(
            server_url="http://kinto.test/v1", transport=httpx.MockTransport(handler), retry=0
        ) as client,
        pytest.raises(KintoMalformedResponse),
    ):
        client.count_records(collection="c", bucket="b")


def test_kinto_without_attachments_is_a_typed_value_error(tmp_path: Path) -> None:
    from cloudspec.kinto import KintoException

    with pytest.raises(KintoException) as caught:
        _call(
            "kinto",
            "download_attachment",
            [(200, {"capabilities": {"attachments": [1]}})],
            tmp_path,
        )
    assert isinstance(caught.value, ValueError)  # as before, for code that caught that
