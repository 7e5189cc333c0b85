"""The Kinto client against scripted responses: retry safety, error typing, auth forms."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from cloudspec.core import ServerError
from cloudspec.core.errors import ConnectionError as CloudspecConnectionError
from cloudspec.kinto import (
    AsyncKintoClient,
    JSONPatch,
    KintoAlert,
    KintoAuthenticationError,
    KintoClient,
    KintoServerError,
)

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A transport that answers from a script and keeps every request it saw."""

    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(item, Exception):
            raise item
        return item


def client_for(recorder: Recorder, **kwargs: object) -> KintoClient:
    return KintoClient(
        server_url="http://kinto.test/v1",
        auth=("alice", "alice-secret"),
        transport=httpx.MockTransport(recorder),
        retry_after=0,  # retries happen, without waiting
        **kwargs,  # type: ignore[arg-type]
    )


def ok(body: object, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


RECORD = {"data": {"id": "r1", "last_modified": 10}, "permissions": {}}


def test_html_error_page_becomes_a_typed_error_with_an_excerpt() -> None:
    page = "<html><body><h1>502 Bad Gateway</h1> nginx</body></html>"
    recorder = Recorder(httpx.Response(502, text=page, headers={"content-type": "text/html"}))
    with client_for(recorder) as client, pytest.raises(KintoServerError) as caught:
        client.get_record(id="r1", bucket="b", collection="c")
    assert caught.value.status == 502
    assert caught.value.errno is None
    assert "502 Bad Gateway" in str(caught.value)
    assert isinstance(caught.value, ServerError)
    assert len(recorder.requests) == 3  # a GET is safe to repeat: 1 + 2 retries


def test_empty_error_body_is_typed() -> None:
    recorder = Recorder(httpx.Response(401))
    with client_for(recorder) as client, pytest.raises(KintoAuthenticationError) as caught:
        client.create_bucket(id="b")
    assert caught.value.status == 401
    assert "alice-secret" not in str(caught.value) + repr(caught.value)


def test_patch_is_never_replayed_after_a_server_error() -> None:
    # Kinto applies a PATCH and still answers 500 with the history plugin on: a replay
    # would apply it twice.
    recorder = Recorder(ok({"code": 500, "errno": 999, "error": "Internal"}, status=500))
    with client_for(recorder) as client, pytest.raises(KintoServerError):
        client.patch_record(
            id="r1",
            bucket="b",
            collection="c",
            changes=JSONPatch([{"op": "add", "path": "/data/n", "value": 1}]),
        )
    assert len(recorder.requests) == 1


def test_conditional_patch_may_be_replayed() -> None:
    recorder = Recorder(ok({"errno": 201}, status=503), ok(RECORD))
    with client_for(recorder) as client:
        result = client.patch_record(
            id="r1", bucket="b", collection="c", data={"n": 1}, if_match=10
        )
    assert result == RECORD
    assert [r.headers["if-match"] for r in recorder.requests] == ['"10"', '"10"']


def test_create_record_uses_put_with_if_none_match_and_is_retried() -> None:
    recorder = Recorder(httpx.ReadTimeout("slow"), ok(RECORD, status=201))
    with client_for(recorder) as client:
        client.create_record(bucket="b", collection="c", data={"x": 1})
    first, second = recorder.requests
    assert first.method == "PUT" == second.method
    assert first.headers["if-none-match"] == "*"
    assert first.url == second.url  # the same client-chosen id both times
    assert json.loads(second.content) == {"data": {"x": 1}}


def test_batch_of_puts_is_replayed_but_a_batch_with_a_blind_patch_is_not() -> None:
    answer = ok({"responses": [{"status": 201, "path": "/", "body": RECORD, "headers": {}}]})
    recorder = Recorder(
        ok({"settings": {"batch_max_requests": 25}}), httpx.ReadError("drop"), answer
    )
    with client_for(recorder) as client:
        with client.batch(bucket="b", collection="c") as batch:
            batch.create_record(id="r1", data={})
        assert batch.results() == [RECORD]
        assert [r.method for r in recorder.requests] == ["GET", "POST", "POST"]

    recorder = Recorder(ok({"settings": {"batch_max_requests": 25}}), httpx.ReadError("drop"))
    batch = client_for(recorder).batch(bucket="b", collection="c")
    with pytest.raises(CloudspecConnectionError), batch:
        batch.patch_record(id="r1", data={"n": 1})
    assert [r.method for r in recorder.requests] == ["GET", "POST"]


def test_batch_splits_at_the_servers_limit() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return ok({"settings": {"batch_max_requests": 2}})
        sent = json.loads(request.content)["requests"]
        return ok(
            {
                "responses": [
                    {"status": 201, "path": r["path"], "body": {}, "headers": {}} for r in sent
                ]
            }
        )

    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return answer(request)

    with (
        KintoClient(
            server_url="http://kinto.test", transport=httpx.MockTransport(handler)
        ) as client,
        client.batch(bucket="b", collection="c") as batch,
    ):
        for i in range(5):
            batch.create_record(id=f"r{i}", data={})
    posts = [json.loads(r.content)["requests"] for r in calls if r.method == "POST"]
    assert [len(p) for p in posts] == [2, 2, 1]
    assert len(batch.results()) == 5


def test_invalid_ids_fail_before_any_request() -> None:
    recorder = Recorder(ok(RECORD))
    with client_for(recorder) as client:
        for bad in ("bad id!", "a.b", "Hello World", "", "-x"):
            with pytest.raises(ValueError, match="invalid"):
                client.get_record(id=bad, bucket="b", collection="c")
            with pytest.raises(ValueError, match="invalid"):
                client.create_bucket(id=bad)
    assert recorder.requests == []


def test_alert_header_warns_once() -> None:
    alert = json.dumps({"code": "soft-eol", "message": "bye"})
    recorder = Recorder(ok({"data": []}, alert=alert))
    with client_for(recorder) as client:
        with pytest.warns(KintoAlert, match="soft-eol"):
            client.get_buckets()
        client.get_buckets()  # the same alert is not repeated


@pytest.mark.parametrize(
    ("auth", "header"),
    [
        (("alice", "pw"), "Basic YWxpY2U6cHc="),
        ("alice:pw", "Basic YWxpY2U6cHc="),
        ("Bearer abc.def", "Bearer abc.def"),
        ("Bearer+OIDC tok", "Bearer+OIDC tok"),
    ],
)
def test_auth_forms(auth: tuple[str, str] | str, header: str) -> None:
    recorder = Recorder(ok({"data": []}))
    with KintoClient(
        server_url="http://kinto.test/v1",
        auth=auth,
        transport=httpx.MockTransport(recorder),
    ) as client:
        client.get_buckets()
        assert "pw" not in repr(client)
    assert recorder.requests[0].headers["authorization"] == header


def test_server_url_gets_its_version_prefix() -> None:
    recorder = Recorder(ok({"data": []}))
    with KintoClient(
        server_url="http://kinto.test:8888/", transport=httpx.MockTransport(recorder)
    ) as client:
        client.get_buckets()
    assert str(recorder.requests[0].url) == "http://kinto.test:8888/v1/buckets"


async def test_async_client_maps_transport_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    async with AsyncKintoClient(
        server_url="http://kinto.test", transport=httpx.MockTransport(refuse), retry_after=0
    ) as client:
        with pytest.raises(CloudspecConnectionError):
            await client.server_info()


@pytest.mark.parametrize(
    ("base_url", "sends_credentials"),
    [("http://cdn.test/files/", False), ("http://kinto.test/attachments/", True)],
)
def test_attachment_download_keeps_credentials_on_the_kinto_origin(
    tmp_path: Path, base_url: str, sends_credentials: bool
) -> None:
    content = b"attached bytes"
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/":
            return ok({"capabilities": {"attachments": {"base_url": base_url}}})
        return httpx.Response(200, content=content)

    record = {
        "id": "r1",
        "attachment": {
            "filename": "a.txt",
            "location": "abc.txt",
            "size": len(content),
            "hash": hashlib.sha256(content).hexdigest(),
        },
    }
    with KintoClient(
        server_url="http://kinto.test/v1",
        auth=("alice", "alice-secret"),
        transport=httpx.MockTransport(handler),
    ) as client:
        path = client.download_attachment(record, tmp_path)
    assert Path(path).read_bytes() == content
    download = seen[-1]
    assert str(download.url) == base_url + "abc.txt"
    assert ("authorization" in download.headers) is sends_credentials


def test_generated_record_ids_are_random_version_4_uuids() -> None:
    import uuid

    from cloudspec.kinto.ids import new_record_id

    ids = [new_record_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for value in ids:
        parsed = uuid.UUID(value)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == value
