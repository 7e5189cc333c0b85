"""What a SmartFile generic call answers (JSON, text, a stream) and which error it raises.

Where ours is meant to behave as the original ``smartfile`` 2.19 client, the original runs on
the same answer: its ``requests`` adapter is replaced by one that returns a prepared
``requests.Response``, and its ``ResponseError`` is built from the same status and body.
Deliberate improvements are asserted with what the original did beside them:

- any ``application/json`` content type is decoded (the original wanted the exact string, so
  ``application/json; charset=utf-8`` came back as a raw stream);
- a JSON ``{"detail": ...}`` error body gives that message (the original showed
  ``Error: b'...'``).
"""

from __future__ import annotations

import hashlib
import io
import tracemalloc
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import requests
import smartfile  # type: ignore[import-untyped]

from cloudspec.core import RetryPolicy
from cloudspec.core import errors as core
from cloudspec.core.errors import status_error_class
from cloudspec.smartfile import (
    APIError,
    AsyncBasicClient,
    AsyncResponseStream,
    AuthenticationError,
    BadRequestError,
    BasicClient,
    ConnectionError,
    NotFoundError,
    OAuthClient,
    PermissionDeniedError,
    RangeNotSatisfiableError,
    RateLimitError,
    RequestError,
    ResponseError,
    ResponseStream,
    ServerError,
    TimeoutError,
)
from cloudspec.smartfile.errors import INVALID_URL, SERVER_ERROR, error_from_response

KEY = "k" * 30
PASSWORD = "p" * 30
CLIENT_TOKEN = "ct" * 15
CLIENT_SECRET = "cs" * 15
ACCESS_TOKEN = "at" * 15
ACCESS_SECRET = "as" * 15
BASE = "https://files.example.test/"
MiB = 1024 * 1024

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SMARTFILE_API_URL", "SMARTFILE_ACCESS_TOKEN", "SMARTFILE_ACCESS_SECRET"):
        monkeypatch.delenv(name, raising=False)


def client_for(handler: Handler, **kwargs: Any) -> BasicClient:
    # No transport retries: a test sees exactly the answer it scripted.
    kwargs.setdefault("retry", RetryPolicy(max_retries=0))
    return BasicClient(KEY, PASSWORD, url=BASE, transport=httpx.MockTransport(handler), **kwargs)


def answer(status: int, content: bytes = b"", content_type: str | None = None) -> Handler:
    headers = {"content-type": content_type} if content_type else {}

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers=headers)

    return handle


def requests_response(status: int, content: bytes, content_type: str | None) -> Any:
    response = requests.Response()
    response.status_code = status
    if content_type:
        response.headers["Content-Type"] = content_type
    response.raw = io.BytesIO(content)
    response.url = BASE
    return response


@pytest.fixture
def original_answers(monkeypatch: pytest.MonkeyPatch) -> Callable[[int, bytes, str | None], Any]:
    """Makes the original client's next request get this answer; returns its client."""

    def script(status: int, content: bytes, content_type: str | None) -> Any:
        # Set on the class, so called as a method: the adapter comes first.
        def send(adapter: Any, request: Any, **kwargs: Any) -> Any:
            response = requests_response(status, content, content_type)
            response.request = request
            return response

        monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
        return smartfile.BasicClient(KEY, PASSWORD, url=BASE)

    return script


# ---- JSON, text, streams ------------------------------------------------------------------------


def test_json_is_decoded(original_answers: Callable[..., Any]) -> None:
    body = b'{"ping": "pong", "n": [1, 2]}'
    original = original_answers(200, body, "application/json")
    assert original.get("/ping") == {"ping": "pong", "n": [1, 2]}
    assert client_for(answer(200, body, "application/json")).get("/ping") == {
        "ping": "pong",
        "n": [1, 2],
    }


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", "Application/JSON", "application/json ; charset=UTF-8"],
)
def test_json_with_parameters_is_decoded(
    original_answers: Callable[..., Any], content_type: str
) -> None:
    """The improvement: the original compared the whole header to ``application/json``."""
    body = '{"name": "ü"}'.encode()
    original = original_answers(200, body, content_type)
    assert not isinstance(original.get("/path/info", "/x"), dict)  # a raw stream
    assert client_for(answer(200, body, content_type)).get("/path/info", "/x") == {"name": "ü"}


def test_json_that_does_not_decode_gives_the_text(original_answers: Callable[..., Any]) -> None:
    body = b"{not json"
    original = original_answers(200, body, "application/json")
    assert original.get("/ping") == "{not json"
    assert client_for(answer(200, body, "application/json")).get("/ping") == "{not json"


@pytest.mark.parametrize("content_type", [None, "application/octet-stream", "text/plain"])
def test_other_content_types_give_a_stream(content_type: str | None) -> None:
    body = b"line one\nline two\n" * 1000
    client = client_for(answer(200, body, content_type))
    with client.get("/path/data", "/f.bin") as stream:
        assert isinstance(stream, ResponseStream)
        assert stream.response.status_code == 200
        assert stream.content_type == (content_type or "")
        assert stream.read(5) == b"line "
        assert stream.read(0) == b""
        assert stream.read(4) == b"one\n"
        assert stream.read() == body[9:]
        assert stream.read() == b""
        assert stream.read(10) == b""


def test_stream_iteration_after_a_partial_read_gives_the_rest() -> None:
    body = bytes(range(256)) * 1024
    with client_for(answer(200, body, "application/zip")).get("/path/data", "/a.zip") as stream:
        head = stream.read(1000)
        rest = b"".join(stream)
    assert head + rest == body


def test_stream_from_a_post_is_a_stream_too() -> None:
    # The original returned response.raw for every non-JSON answer, whatever the method.
    with client_for(answer(200, b"PK\x03\x04", "application/zip")).post("/archive") as stream:
        assert stream.read() == b"PK\x03\x04"


def pattern_chunks(total: int, chunk: int = 64 * 1024) -> tuple[Iterator[bytes], Any]:
    """A body of ``total`` bytes made on the fly (each chunk differs), and the hash that a
    correct reader must reproduce, filled in as chunks are produced."""
    digest = hashlib.sha256()

    def generate() -> Iterator[bytes]:
        for index in range(total // chunk):
            data = index.to_bytes(4, "big") * (chunk // 4)
            digest.update(data)
            yield data

    return generate(), digest


def test_large_stream_reads_in_constant_memory() -> None:
    """20 MiB streamed, read 1 MiB at a time: every byte arrives, and the memory traced while
    reading stays a small multiple of the piece size (never the whole body)."""
    total = 20 * MiB
    chunks, produced = pattern_chunks(total)

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=chunks, headers={"content-type": "application/octet-stream"}
        )

    client = client_for(handle)
    received = hashlib.sha256()
    size = 0
    tracemalloc.start()
    try:
        with client.get("/path/data", "/big.bin") as stream:
            while piece := stream.read(MiB):
                assert len(piece) == MiB or size + len(piece) == total
                received.update(piece)
                size += len(piece)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == total
    assert received.hexdigest() == produced.hexdigest()
    # A 1 MiB piece, the buffer behind it and a 64 KiB chunk: a few MiB, far below 20.
    assert peak < 8 * MiB, f"peak {peak / MiB:.1f} MiB while streaming"


async def test_async_large_stream_reads_in_constant_memory() -> None:
    total = 20 * MiB
    chunk = 64 * 1024
    produced = hashlib.sha256()

    async def generate() -> AsyncIterator[bytes]:
        for index in range(total // chunk):
            data = index.to_bytes(4, "big") * (chunk // 4)
            produced.update(data)
            yield data

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=generate(), headers={"content-type": "application/octet-stream"}
        )

    async with AsyncBasicClient(
        KEY, PASSWORD, url=BASE, transport=httpx.MockTransport(handle)
    ) as client:
        received = hashlib.sha256()
        size = 0
        tracemalloc.start()
        try:
            stream = await client.get("/path/data", "/big.bin")
            assert isinstance(stream, AsyncResponseStream)
            async with stream:
                assert await stream.read(3) == b"\x00\x00\x00"
                received.update(b"\x00\x00\x00")
                size += 3
                while piece := await stream.read(MiB):
                    received.update(piece)
                    size += len(piece)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert size == total
    assert received.hexdigest() == produced.hexdigest()
    assert peak < 8 * MiB, f"peak {peak / MiB:.1f} MiB while streaming"


async def test_async_stream_iterates_the_body_exactly() -> None:
    body = bytes(range(256)) * 4096

    async def generate() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 10_000):
            yield body[start : start + 10_000]

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=generate(), headers={"content-type": "image/png"})

    async with AsyncBasicClient(
        KEY, PASSWORD, url=BASE, transport=httpx.MockTransport(handle)
    ) as client:
        stream = await client.get("/path/data", "/p.png")
        async with stream:
            head = await stream.read(7)
            rest = b"".join([piece async for piece in stream])
            assert await stream.read() == b""
    assert head + rest == body


async def test_async_json_with_charset() -> None:
    async with AsyncBasicClient(
        KEY,
        PASSWORD,
        url=BASE,
        transport=httpx.MockTransport(answer(200, b'{"a": 1}', "application/json; charset=utf-8")),
    ) as client:
        assert await client.get("/ping") == {"a": 1}


# ---- error details, side by side ----------------------------------------------------------------


def original_error(status: int, content: bytes, content_type: str | None) -> Any:
    return smartfile.errors.ResponseError(requests_response(status, content, content_type))


def our_error(status: int, content: bytes, content_type: str | None) -> ResponseError:
    with pytest.raises(ResponseError) as caught:
        client_for(answer(status, content, content_type), throttle_wait=False).get("/x")
    return caught.value


@pytest.mark.parametrize(
    ("status", "content", "content_type", "detail"),
    [
        (
            400,
            b'{"field_errors": {"path": ["This field is required."]}}',
            "application/json",
            {"path": ["This field is required."]},
        ),
        (400, b'{"src": ["No such file: /a"]}', "application/json", "No such file: /a"),
        (
            404,
            b'{"src": ["No such file: /a"], "path": ["x"]}',
            "application/json",
            "No such file: /a",
        ),
        (400, b'{"path": ["Cannot remove /"]}', "application/json", "Cannot remove /"),
        (404, b"<html>Not Found</html>", "text/html", INVALID_URL),
        (404, b"", None, INVALID_URL),
        (500, b"", None, SERVER_ERROR),
        (502, b"", "text/html", SERVER_ERROR),
    ],
)
def test_detail_is_chosen_as_the_original(
    status: int, content: bytes, content_type: str | None, detail: Any
) -> None:
    original = original_error(status, content, content_type)
    ours = our_error(status, content, content_type)
    assert original.detail == ours.detail == detail
    assert ours.status_code == original.status_code == status
    assert isinstance(ours.response, httpx.Response)
    if isinstance(detail, str):
        assert str(ours) == str(original) == f"Response {status}: {detail}"


@pytest.mark.parametrize("status", [500, 502, 503, 409])
def test_non_json_error_body_gives_the_server_error_detail(status: int) -> None:
    content = b"<html><body><h1>Bad Gateway</h1></body></html>"
    original = original_error(status, content, "text/html")
    ours = our_error(status, content, "text/html")
    assert original.detail == SERVER_ERROR
    assert ours.detail == SERVER_ERROR
    # The page itself stays reachable.
    assert ours.response is not None
    assert ours.response.text == content.decode()


@pytest.mark.parametrize(("status", "cls"), [(404, NotFoundError), (403, PermissionDeniedError)])
def test_json_detail_is_read(status: int, cls: type[ResponseError]) -> None:
    """The improvement: the original's ``detail`` was ``Error: b'{"detail": "Not found."}'``."""
    content = b'{"detail": "Not found."}'
    original = original_error(status, content, "application/json")
    assert original.detail == 'Error: b\'{"detail": "Not found."}\''
    ours = our_error(status, content, "application/json")
    assert type(ours) is cls
    assert ours.detail == "Not found."
    assert str(ours) == f"Response {status}: Not found."


def test_oauth_failure_text_is_kept_as_detail() -> None:
    # The provider's plain-text 403 for a request it could not verify.
    ours = our_error(403, b"Could not verify OAuth request.", "text/plain")
    assert isinstance(ours, PermissionDeniedError)
    assert ours.detail == "Could not verify OAuth request."
    assert str(ours) == "Response 403: Could not verify OAuth request."


def test_field_errors_property() -> None:
    fields = b'{"field_errors": {"path": ["required"], "dst": "bad"}}'
    ours = our_error(400, fields, "application/json")
    assert isinstance(ours, BadRequestError)
    assert ours.field_errors == {"path": ["required"], "dst": ["bad"]}
    # The field messages make the text readable (the original printed the dict).
    assert "path: required" in str(ours)
    # A DRF-style body without the envelope is read the same way.
    bare = our_error(400, b'{"name": ["too long"]}', "application/json")
    assert bare.field_errors == {"name": ["too long"]}
    # Anything else has none.
    assert our_error(404, b'{"detail": "Not found."}', "application/json").field_errors == {}
    assert our_error(500, b"", None).field_errors == {}


@pytest.mark.parametrize(
    ("status", "cls", "core_cls"),
    [
        (400, BadRequestError, core.BadRequestError),
        (401, AuthenticationError, core.AuthenticationError),
        (403, PermissionDeniedError, core.PermissionDeniedError),
        (404, NotFoundError, core.NotFoundError),
        (410, NotFoundError, core.NotFoundError),
        (405, BadRequestError, core.BadRequestError),
        (416, RangeNotSatisfiableError, core.BadRequestError),
        (429, RateLimitError, core.RateLimitError),
        (500, ServerError, core.ServerError),
        (502, ServerError, core.ServerError),
        (503, ServerError, core.ServerError),
    ],
)
def test_typed_errors_are_also_core_and_original_names(
    status: int, cls: type[ResponseError], core_cls: type[core.APIError]
) -> None:
    ours = our_error(status, b'{"detail": "x"}', "application/json")
    assert type(ours) is cls
    assert isinstance(ours, core_cls)
    assert isinstance(ours, status_error_class(status))
    assert isinstance(ours, ResponseError)
    assert isinstance(ours, APIError)
    assert isinstance(ours, core.APIError)
    assert ours.status == ours.status_code == status


@pytest.mark.parametrize("status", [409, 412])
def test_conflict_statuses_are_their_core_classes(status: int) -> None:
    ours = our_error(status, b'{"detail": "x"}', "application/json")
    assert isinstance(ours, status_error_class(status))


def test_throttled_503_without_retries_is_a_rate_limit_error() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"x-throttle": "throttled; next=2.5 sec"})

    with pytest.raises(RateLimitError) as caught:
        client_for(handle, throttle_wait=False).get("/ping")
    assert caught.value.retry_after == 2.5
    assert isinstance(caught.value, core.RateLimitError)


def test_typed_helper_errors_are_typed_too() -> None:
    client = client_for(answer(404, b'{"detail": "Not found."}', "application/json"))
    with pytest.raises(NotFoundError) as caught:
        client.info("/nope")
    assert caught.value.detail == "Not found."


def test_error_from_response_directly() -> None:
    response = httpx.Response(
        400,
        json={"field_errors": {"dst": ["required"]}},
        request=httpx.Request("POST", BASE),
    )
    error = error_from_response(response)
    assert isinstance(error, BadRequestError)
    assert error.detail == {"dst": ["required"]}


# ---- transport errors ---------------------------------------------------------------------------


def failing(exc: type[httpx.TransportError]) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        raise exc("the wire failed", request=request)

    return handle


@pytest.mark.parametrize(
    ("exc", "core_cls"),
    [(httpx.ConnectError, core.ConnectionError), (httpx.ReadTimeout, core.TimeoutError)],
)
def test_transport_errors_are_core_transport_errors(
    exc: type[httpx.TransportError], core_cls: type[Exception]
) -> None:
    with pytest.raises(core_cls):
        client_for(failing(exc)).get("/ping")


@pytest.mark.parametrize(
    ("exc", "cls", "core_cls"),
    [
        (httpx.ConnectError, ConnectionError, core.ConnectionError),
        (httpx.RemoteProtocolError, ConnectionError, core.ConnectionError),
        (httpx.ReadTimeout, TimeoutError, core.TimeoutError),
        (httpx.ConnectTimeout, TimeoutError, core.TimeoutError),
    ],
)
def test_transport_errors_are_request_errors(
    exc: type[httpx.TransportError], cls: type[RequestError], core_cls: type[Exception]
) -> None:
    with pytest.raises(APIError) as caught:
        client_for(failing(exc)).get("/ping")
    error = caught.value
    assert isinstance(error, cls)
    assert isinstance(error, RequestError)
    assert isinstance(error, core_cls)
    assert isinstance(error.exc, exc)
    assert str(error) == error.detail


def test_drop_while_streaming_is_a_request_error() -> None:
    class Dropping(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b"x" * 1000
            raise httpx.ReadError("connection reset")

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, stream=Dropping(), headers={"content-type": "application/octet-stream"}
        )

    with client_for(handle).get("/path/data", "/f") as stream, pytest.raises(RequestError):
        stream.read()


# ---- secrets ------------------------------------------------------------------------------------


def texts_of(error: BaseException) -> str:
    return f"{error!s}\n{error!r}\n{error.args!r}"


def test_basic_password_never_in_error_text() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401, json={"detail": "Invalid username/password."})

    with pytest.raises(AuthenticationError) as caught:
        client_for(handle).get("/whoami")
    header = seen[0].headers["authorization"]
    text = texts_of(caught.value)
    assert PASSWORD not in text
    assert header not in text
    assert header.split()[1] not in text


def test_oauth_secrets_never_in_error_or_client_text() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(403, text="Could not verify OAuth request.")

    client = OAuthClient(
        CLIENT_TOKEN,
        CLIENT_SECRET,
        ACCESS_TOKEN,
        ACCESS_SECRET,
        url=BASE,
        transport=httpx.MockTransport(handle),
    )
    with pytest.raises(PermissionDeniedError) as caught:
        client.get("/whoami")
    # PLAINTEXT puts both secrets in the header itself.
    assert CLIENT_SECRET in seen[0].headers["authorization"]
    for text in (texts_of(caught.value), repr(client), str(client)):
        assert CLIENT_SECRET not in text
        assert ACCESS_SECRET not in text


def test_secret_field_of_a_json_body_is_not_in_the_text() -> None:
    # A server (or proxy) that echoes the form back: the body is kept, the text shows detail.
    body = b'{"detail": "bad request", "password": "' + PASSWORD.encode() + b'"}'
    ours = our_error(400, body, "application/json")
    assert ours.detail == "bad request"
    assert PASSWORD not in texts_of(ours)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"detail": "Invalid key/password: ' + PASSWORD.encode() + b'"}', "application/json"),
        (b"<pre>password=" + PASSWORD.encode() + b"</pre>", "text/html"),
    ],
)
def test_secret_echoed_in_an_error_message_is_redacted(content: bytes, content_type: str) -> None:
    ours = our_error(500, content, content_type)
    assert PASSWORD not in texts_of(ours)
