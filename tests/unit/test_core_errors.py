"""cloudspec.core.errors: the exception tree, safe str/repr, error bodies, transport mapping."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator

import httpx
import pytest

import cloudspec.core
from cloudspec.core.errors import (
    EXCERPT_CHARS,
    APIError,
    AuthenticationError,
    BadRequestError,
    CloudspecError,
    ConflictError,
    ConnectionError,
    ContentDecodingError,
    IntegrityError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ServerError,
    TimeoutError,
    TransportError,
    body_excerpt,
    decode_error_body,
    map_transport_errors,
    status_error_class,
)
from cloudspec.core.redact import REDACTED, Redactor

# --- hierarchy and status mapping -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (405, BadRequestError),
        (406, BadRequestError),
        (408, BadRequestError),
        (411, BadRequestError),
        (413, BadRequestError),
        (415, BadRequestError),
        (422, BadRequestError),
        (499, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (410, NotFoundError),
        (409, ConflictError),
        (412, PreconditionFailedError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (599, ServerError),
        (304, APIError),
        (200, APIError),
    ],
)
def test_status_error_class(status: int, cls: type[APIError]) -> None:
    assert status_error_class(status) is cls


@pytest.mark.parametrize(
    "cls",
    [
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        PreconditionFailedError,
        RateLimitError,
        ServerError,
    ],
)
def test_status_classes_are_api_errors(cls: type[APIError]) -> None:
    assert issubclass(cls, APIError)
    assert issubclass(cls, CloudspecError)
    assert not issubclass(cls, TransportError)


def test_transport_errors_also_subclass_the_builtins() -> None:
    assert issubclass(TimeoutError, TransportError)
    assert issubclass(TimeoutError, builtins.TimeoutError)
    assert issubclass(ConnectionError, TransportError)
    assert issubclass(ConnectionError, builtins.ConnectionError)
    assert issubclass(TransportError, CloudspecError)
    assert issubclass(IntegrityError, CloudspecError)
    assert not issubclass(IntegrityError, APIError | TransportError)


def test_the_package_does_not_export_names_that_shadow_builtins() -> None:
    assert "TimeoutError" not in cloudspec.core.__all__
    assert "ConnectionError" not in cloudspec.core.__all__
    for name in cloudspec.core.__all__:
        assert hasattr(cloudspec.core, name), name


# --- APIError ----------------------------------------------------------------------------------


def test_str_is_built_from_status_code_message_and_request_id() -> None:
    err = NotFoundError("bucket b not found", status=404, code=110, request_id="req-42")
    assert str(err) == "404 Not Found [110] bucket b not found (request id req-42)"
    assert err.status == err.status_code == 404
    assert err.code == 110
    assert err.request_id == "req-42"


def test_str_for_unknown_status_and_empty_message() -> None:
    assert str(APIError("", status=599)) == "599"
    assert str(ServerError("boom", status=500)) == "500 Internal Server Error boom"


def test_repr_names_the_class_and_fields() -> None:
    err = ConflictError("name in use", status=409, code="item_name_in_use", request_id="r1")
    assert repr(err) == (
        "ConflictError(status=409, code='item_name_in_use', message='name in use', request_id='r1')"
    )


def test_str_and_repr_never_show_the_body_or_sensitive_headers() -> None:
    body = {"password": "b0dy-s3cret", "details": "x" * 100_000}
    err = BadRequestError(
        "invalid",
        status=400,
        body=body,
        headers={"Authorization": "Bearer h3ader-s3cret", "X-Request-Id": "r"},
    )
    for text in (str(err), repr(err), str(err.args)):
        assert "b0dy-s3cret" not in text
        assert "h3ader-s3cret" not in text
        assert "x" * 100 not in text
        assert len(text) < 300
    # The data is still there for code that asks for it.
    assert err.body is body
    assert err.headers["authorization"] == "Bearer h3ader-s3cret"


def test_message_is_redacted_with_the_redactor() -> None:
    redactor = Redactor().with_secrets("tok-abcdef123")
    err = AuthenticationError("token tok-abcdef123 expired", status=401, redactor=redactor)
    assert "tok-abcdef123" not in str(err)
    assert "tok-abcdef123" not in repr(err)
    assert "tok-abcdef123" not in str(err.args)
    assert err.message == f"token {REDACTED} expired"


def test_request_and_response_accessors() -> None:
    assert APIError("x", status=400).request is None
    orphan = httpx.Response(400)
    assert APIError("x", status=400, response=orphan).request is None
    req = httpx.Request("GET", "https://h.test/x")
    resp = httpx.Response(400, request=req)
    err = APIError("x", status=400, response=resp)
    assert err.response is resp
    assert err.request is req


def test_headers_accept_mappings_and_httpx_headers() -> None:
    assert APIError("x", status=400).headers == httpx.Headers()
    err = APIError("x", status=400, headers=httpx.Headers({"ETag": '"1"'}))
    assert err.headers["etag"] == '"1"'


def test_rate_limit_error_carries_retry_after() -> None:
    err = RateLimitError("slow down", status=429, retry_after=2.5, request_id="r")
    assert err.retry_after == 2.5
    assert err.request_id == "r"
    assert RateLimitError("slow down", status=429).retry_after is None
    assert str(err).startswith("429 Too Many Requests")


def test_api_errors_are_catchable_as_cloudspec_errors() -> None:
    with pytest.raises(CloudspecError) as caught:
        raise status_error_class(412)("etag mismatch", status=412)
    assert isinstance(caught.value, PreconditionFailedError)


# --- error bodies ------------------------------------------------------------------------------


def test_decode_error_body_json() -> None:
    body = {"code": 412, "errno": 114, "error": "Precondition Failed"}
    assert decode_error_body(httpx.Response(412, json=body)) == body


@pytest.mark.parametrize(
    "content",
    [b"", b"<html><body>Bad Gateway</body></html>", b"not json", b"\xff\xfe\x00", b"{"],
)
def test_decode_error_body_non_json_is_none(content: bytes) -> None:
    assert decode_error_body(httpx.Response(502, content=content)) is None


def test_decode_error_body_of_an_unread_stream_is_none() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"a": 1}'

    response = httpx.Response(500, content=chunks())
    assert decode_error_body(response) is None
    assert body_excerpt(response) == ""


def test_decode_error_body_of_json_scalars_and_lists() -> None:
    assert decode_error_body(httpx.Response(400, content=b"[1, 2]")) == [1, 2]
    assert decode_error_body(httpx.Response(400, content=b'"text"')) == "text"


HTML = b"""<!DOCTYPE html>
<html>
  <head><title>502 Bad Gateway</title></head>
  <body>
    <h1>Bad   Gateway</h1>
    <p>The upstream\tserver did not answer.</p>
  </body>
</html>
"""


def test_body_excerpt_of_html_is_one_short_line() -> None:
    excerpt = body_excerpt(httpx.Response(502, content=HTML))
    assert "\n" not in excerpt
    assert "\t" not in excerpt
    assert "  " not in excerpt
    assert excerpt.startswith("<!DOCTYPE html> <html> <head><title>502 Bad Gateway</title>")
    assert "<h1>Bad Gateway</h1>" in excerpt
    assert len(excerpt) <= EXCERPT_CHARS + 3


def test_body_excerpt_of_a_short_body_is_whole() -> None:
    assert body_excerpt(httpx.Response(500, content=b"  oops \n")) == "oops"
    assert body_excerpt(httpx.Response(500, content=b"")) == ""


def test_body_excerpt_of_a_huge_body_is_truncated() -> None:
    big = b"A" * 10_000_000
    excerpt = body_excerpt(httpx.Response(500, content=big))
    assert excerpt == "A" * EXCERPT_CHARS + "..."


def test_body_excerpt_redacts_registered_secrets() -> None:
    redactor = Redactor().with_secrets("s3cret-token")
    response = httpx.Response(401, content=b"<p>bad token s3cret-token</p>")
    assert body_excerpt(response, redactor) == f"<p>bad token {REDACTED}</p>"


def test_body_excerpt_tolerates_invalid_utf8() -> None:
    assert body_excerpt(httpx.Response(500, content=b"\xff\xfe broken")).endswith("broken")


def test_body_excerpt_never_shows_part_of_a_secret() -> None:
    secret = "s3cret-token-value"
    redactor = Redactor().with_secrets(secret)
    cut = EXCERPT_CHARS * 4
    content = b" " * (cut - 8) + secret.encode()
    assert secret[:8] not in body_excerpt(httpx.Response(500, content=content), redactor)


# --- map_transport_errors ----------------------------------------------------------------------

REQUEST = httpx.Request("GET", "https://h.test/v1/")


@pytest.mark.parametrize(
    ("raised", "expected", "builtin"),
    [
        (httpx.ConnectTimeout, TimeoutError, builtins.TimeoutError),
        (httpx.ReadTimeout, TimeoutError, builtins.TimeoutError),
        (httpx.WriteTimeout, TimeoutError, builtins.TimeoutError),
        (httpx.PoolTimeout, TimeoutError, builtins.TimeoutError),
        (httpx.ConnectError, ConnectionError, builtins.ConnectionError),
        (httpx.ReadError, ConnectionError, builtins.ConnectionError),
        (httpx.WriteError, ConnectionError, builtins.ConnectionError),
        (httpx.CloseError, ConnectionError, builtins.ConnectionError),
        (httpx.RemoteProtocolError, ConnectionError, builtins.ConnectionError),
        (httpx.ProxyError, ConnectionError, builtins.ConnectionError),
        (httpx.LocalProtocolError, TransportError, TransportError),
        (httpx.UnsupportedProtocol, TransportError, TransportError),
    ],
)
def test_map_transport_errors(
    raised: type[httpx.TransportError], expected: type[TransportError], builtin: type[Exception]
) -> None:
    original = raised("it broke", request=REQUEST)
    with pytest.raises(expected) as caught, map_transport_errors():
        raise original
    assert type(caught.value) is expected
    assert isinstance(caught.value, builtin)
    assert isinstance(caught.value, CloudspecError)
    assert caught.value.__cause__ is original
    assert str(caught.value) == f"{raised.__name__}: it broke"


def test_mapped_errors_are_catchable_as_builtins() -> None:
    with pytest.raises(builtins.TimeoutError), map_transport_errors():
        raise httpx.ReadTimeout("slow")
    with pytest.raises(builtins.ConnectionError), map_transport_errors():
        raise httpx.ConnectError("refused")
    with pytest.raises(OSError), map_transport_errors():
        raise httpx.ConnectError("refused")


def test_mapped_error_messages_are_redacted() -> None:
    redactor = Redactor().with_secrets("pr0xy-passw0rd")
    with pytest.raises(ConnectionError) as caught, map_transport_errors(redactor):
        raise httpx.ProxyError("proxy http://u:pr0xy-passw0rd@proxy refused")
    assert "pr0xy-passw0rd" not in str(caught.value)
    assert REDACTED in str(caught.value)


@pytest.mark.parametrize(
    "error",
    [ValueError("not ours"), KeyError("k"), RuntimeError("x")],
)
def test_other_exceptions_pass_through_unchanged(error: Exception) -> None:
    with pytest.raises(type(error)) as caught, map_transport_errors():
        raise error
    assert caught.value is error


def test_a_broken_content_encoding_is_a_typed_transport_error() -> None:
    """A gzip body that does not inflate: httpx's DecodingError, raised while the body is
    read, becomes ContentDecodingError (a TransportError), cause kept, secrets redacted."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Encoding": "gzip"}, content=b"this is not gzip at all"
        )

    secret = "s3cr3t-token-value"
    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(ContentDecodingError) as caught, map_transport_errors():
        client.get("https://example.test/file", params={"access_token": secret})
    assert isinstance(caught.value, TransportError)
    assert isinstance(caught.value.__cause__, httpx.DecodingError)
    assert "DecodingError" in str(caught.value)
    assert secret not in str(caught.value)

    # The same while a streamed body is iterated.
    with (
        pytest.raises(ContentDecodingError),
        map_transport_errors(),
        client.stream("GET", "https://example.test/file") as response,
    ):
        for _ in response.iter_bytes():
            pass


def test_smartfile_maps_a_broken_content_encoding_typed() -> None:
    from cloudspec.smartfile import errors as smartfile

    with pytest.raises(smartfile.ContentDecodingError) as caught, smartfile.map_transport_errors():
        raise httpx.DecodingError("Error -3 while decompressing data: incorrect header check")
    assert isinstance(caught.value, smartfile.TransportError)
    assert isinstance(caught.value, ContentDecodingError)
    assert isinstance(caught.value.exc, httpx.DecodingError)
    # A core ContentDecodingError re-typed by the facade (typed.py's download path) too.
    core_error = ContentDecodingError("DecodingError: bad gzip")
    assert isinstance(smartfile.transport_error(core_error), smartfile.ContentDecodingError)


def test_no_error_no_change() -> None:
    with map_transport_errors():
        value = 1 + 1
    assert value == 2


def test_errors_while_iterating_a_body_are_mapped() -> None:
    """A connection dropped mid-download surfaces as a cloudspec error too."""

    class Dropping(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b"first chunk,"
            raise httpx.ReadError("connection reset by peer")

    response = httpx.Response(200, stream=Dropping())
    received: list[bytes] = []
    with pytest.raises(ConnectionError) as caught, map_transport_errors():
        for chunk in response.iter_raw():
            received.append(chunk)
    assert received == [b"first chunk,"]
    assert isinstance(caught.value.__cause__, httpx.ReadError)


def test_api_error_body_round_trip_with_decode() -> None:
    body = {"code": 412, "errno": 114, "error": "Precondition Failed", "message": "etag"}
    response = httpx.Response(412, content=json.dumps(body).encode())
    decoded = decode_error_body(response)
    err = status_error_class(412)(
        decoded["message"], status=412, code=decoded["errno"], body=decoded, response=response
    )
    assert isinstance(err, PreconditionFailedError)
    assert str(err) == "412 Precondition Failed [114] etag"
