"""OAuth 1.0a signing of the SmartFile clients, checked by an independent verifier.

The verifier is the emulator's (``cloudspec.emulators.smartfile.oauth1``, written from RFC 5849
without the client's signer); it is fed what a server would see: the ``Authorization`` header,
the request target as sent, the ``Host`` header and, for a urlencoded form, the body. The
original ``smartfile`` 2.19 client (requests-oauthlib, PLAINTEXT) is run beside ours for the
header's parameter set. No server: requests are captured by ``httpx.MockTransport``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import parse_qsl, unquote

import httpx
import pytest
import requests
import smartfile  # type: ignore[import-untyped]

from cloudspec.emulators.smartfile import oauth1
from cloudspec.smartfile import APIError, AsyncOAuthClient, OAuth1Auth, OAuthClient, OAuthToken

CLIENT_TOKEN = "ct" * 15
CLIENT_SECRET = "cs&secret+/=" * 3  # characters that the signing key must encode
ACCESS_TOKEN = "at" * 15
ACCESS_SECRET = "as" * 15
REQUEST_TOKEN = "rt" * 15
REQUEST_SECRET = "rs" * 15
BASE = "https://files.example.test:8443/"
FORM = "application/x-www-form-urlencoded"
PROTOCOL = {
    "oauth_nonce",
    "oauth_timestamp",
    "oauth_version",
    "oauth_signature_method",
    "oauth_consumer_key",
    "oauth_token",
    "oauth_signature",
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SMARTFILE_API_URL", "SMARTFILE_ACCESS_TOKEN", "SMARTFILE_ACCESS_SECRET"):
        monkeypatch.delenv(name, raising=False)


class Wire:
    """Records each request (body read) and answers with ``answer(request)``."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.answer = answer or (lambda request: httpx.Response(200, json={}))
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def oauth_client(wire: Wire, method: str = "PLAINTEXT", **kwargs: Any) -> OAuthClient:
    kwargs.setdefault("access_token", ACCESS_TOKEN)
    kwargs.setdefault("access_secret", ACCESS_SECRET)
    return OAuthClient(
        CLIENT_TOKEN,
        CLIENT_SECRET,
        url=BASE,
        signature_method=method,
        transport=wire.transport,
        **kwargs,
    )


def protocol_of(request: httpx.Request) -> dict[str, str]:
    params = oauth1.parse_header(request.headers["authorization"])
    assert params is not None, "not an OAuth header"
    return params


def verify(request: httpx.Request, client_secret: str, token_secret: str) -> bool:
    """RFC 5849 verification of a captured request by the emulator's code."""
    protocol = protocol_of(request)
    pairs = parse_qsl(request.url.query.decode("latin-1"), keep_blank_values=True)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == FORM:
        pairs += parse_qsl(request.content.decode("utf-8"), keep_blank_values=True)
    raw_path = request.url.raw_path.split(b"?")[0].decode("latin-1")
    uri = oauth1.base_uri(request.url.scheme, request.headers["host"], raw_path)
    signed = [(k, v) for k, v in protocol.items() if k != "oauth_signature"]
    base = oauth1.base_string(request.method, uri, pairs + signed)
    expected = oauth1.expected_signature(
        protocol["oauth_signature_method"], base, client_secret, token_secret
    )
    return oauth1.signature_matches(protocol["oauth_signature"], expected)


# ---- PLAINTEXT ----------------------------------------------------------------------------------


def test_plaintext_header_fields() -> None:
    wire = Wire()
    oauth_client(wire).get("/ping")
    header = wire.last.headers["authorization"]
    assert header.startswith("OAuth ")
    # The raw header: the signature is the key "<enc(client secret)>&<enc(token secret)>",
    # encoded once more as every header value is (so its "&" reads "%26").
    key = oauth1.signing_key(CLIENT_SECRET, ACCESS_SECRET)
    assert f'oauth_signature="{oauth1.encode(key)}"' in header
    params = protocol_of(wire.last)
    assert set(params) == PROTOCOL
    assert params["oauth_signature"] == oauth1.signing_key(CLIENT_SECRET, ACCESS_SECRET)
    assert params["oauth_signature_method"] == "PLAINTEXT"
    assert params["oauth_version"] == "1.0"
    assert params["oauth_consumer_key"] == CLIENT_TOKEN
    assert params["oauth_token"] == ACCESS_TOKEN
    assert params["oauth_timestamp"].isdigit()
    assert params["oauth_nonce"].isalnum()
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)


def test_plaintext_signature_as_the_service_documents_it() -> None:
    # SmartFile's page: the signature is the client secret, "&", the token secret; in the
    # header that "&" reads "%26".
    secret = "s" * 30
    wire = Wire()
    OAuthClient(
        CLIENT_TOKEN, secret, ACCESS_TOKEN, ACCESS_SECRET, url=BASE, transport=wire.transport
    ).get("/ping")
    assert f'oauth_signature="{secret}%26{ACCESS_SECRET}"' in wire.last.headers["authorization"]


def test_plaintext_header_matches_the_originals(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Any] = []

    def send(adapter: Any, request: Any, **kwargs: Any) -> Any:
        seen.append(request)
        response = requests.Response()
        response.status_code = 200
        response.headers["Content-Type"] = "application/json"
        response.raw = io.BytesIO(b"{}")
        response.request = request
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    secret = "s" * 30
    smartfile.OAuthClient(CLIENT_TOKEN, secret, ACCESS_TOKEN, ACCESS_SECRET, url=BASE).get(
        "/path/info", "/a b", children="1"
    )
    wire = Wire()
    OAuthClient(
        CLIENT_TOKEN, secret, ACCESS_TOKEN, ACCESS_SECRET, url=BASE, transport=wire.transport
    ).get("/path/info", "/a b", children="1")
    original_header = seen[0].headers["Authorization"]
    if isinstance(original_header, bytes):
        original_header = original_header.decode()
    original = oauth1.parse_header(original_header)
    ours = protocol_of(wire.last)
    assert original is not None
    assert set(original) == set(ours) == PROTOCOL
    volatile = {"oauth_nonce", "oauth_timestamp"}
    assert {k: v for k, v in original.items() if k not in volatile} == {
        k: v for k, v in ours.items() if k not in volatile
    }


# ---- HMAC-SHA1, verified independently ----------------------------------------------------------


def test_hmac_get_with_query() -> None:
    wire = Wire()
    oauth_client(wire, "HMAC-SHA1").get(
        "/path/info", "/Dir ü/a?b#c;d", fields=["name", "size"], q="x y+z&ü", empty=""
    )
    request = wire.last
    assert protocol_of(request)["oauth_signature_method"] == "HMAC-SHA1"
    assert request.url.query  # the query really is part of what was signed
    assert verify(request, CLIENT_SECRET, ACCESS_SECRET)
    # The verifier is not a rubber stamp: another secret, or another query, fails.
    assert not verify(request, CLIENT_SECRET, "x" * 30)
    tampered = httpx.Request(
        request.method,
        request.url.copy_set_param("q", "other"),
        headers=request.headers,
    )
    assert not verify(tampered, CLIENT_SECRET, ACCESS_SECRET)


def test_hmac_post_form_with_repeated_keys_and_unicode() -> None:
    wire = Wire()
    oauth_client(wire, "HMAC-SHA1").post(
        "/path/oper/move", src=["/a b", "/ü/é", "/x&y=z"], dst="/to +dir"
    )
    request = wire.last
    assert request.headers["content-type"] == FORM
    assert parse_qsl(request.content.decode())[:3] == [
        ("src", "/a b"),
        ("src", "/ü/é"),
        ("src", "/x&y=z"),
    ]
    assert verify(request, CLIENT_SECRET, ACCESS_SECRET)
    # The body is covered: the same header on another body does not verify.
    tampered = httpx.Request(
        request.method,
        request.url,
        headers=request.headers,
        content=request.content.replace(b"dst=", b"dst=%2Fevil"),
    )
    tampered.read()
    assert not verify(tampered, CLIENT_SECRET, ACCESS_SECRET)


@pytest.mark.parametrize("method", ["put", "delete"])
def test_hmac_put_and_delete_forms(method: str) -> None:
    wire = Wire()
    getattr(oauth_client(wire, "HMAC-SHA1"), method)("/user", "bob ü", name="Bob", x=["1", "2"])
    assert wire.last.method == method.upper()
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)


def test_hmac_multipart_upload_body_not_signed() -> None:
    wire = Wire()
    oauth_client(wire, "HMAC-SHA1").post(
        "/path/data", "/in ü", file=("a b.txt", io.BytesIO(b"payload=1&x=2")), note="n"
    )
    request = wire.last
    assert request.headers["content-type"].startswith("multipart/form-data")
    assert verify(request, CLIENT_SECRET, ACCESS_SECRET)
    # The body is outside the signature (RFC 5849 3.4.1.3.1): another body verifies too.
    other = httpx.Request(
        request.method, request.url, headers=request.headers, content=b"something else"
    )
    other.read()
    assert verify(other, CLIENT_SECRET, ACCESS_SECRET)


def test_hmac_typed_helpers() -> None:
    wire = Wire(lambda request: httpx.Response(200, json={"name": "x"}))
    client = oauth_client(wire, "HMAC-SHA1")
    client.info("/Dir ü/a?b#c%41.txt")
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)
    client.mkdir("/new ü")
    assert wire.last.headers["content-type"] == FORM
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)
    client.upload("n.txt", io.BytesIO(b"abc"), directory="/in")
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)


def test_plaintext_requests_verify_too() -> None:
    wire = Wire()
    client = oauth_client(wire)
    client.get("/path/info", "/x", a="1")
    client.post("/path/oper/remove", path=["/a", "/b"])
    for request in wire.requests:
        assert verify(request, CLIENT_SECRET, ACCESS_SECRET)


def test_unknown_signature_method_is_refused() -> None:
    with pytest.raises(ValueError, match="signature_method"):
        OAuth1Auth(CLIENT_TOKEN, CLIENT_SECRET, signature_method="RSA-SHA1")


# ---- what the auth reads ------------------------------------------------------------------------


def test_auth_does_not_need_the_body() -> None:
    assert OAuth1Auth.requires_request_body is False
    assert OAuth1Auth(CLIENT_TOKEN, CLIENT_SECRET).requires_request_body is False


def test_multipart_stream_is_not_read_by_the_auth() -> None:
    stream = io.BytesIO(b"x" * 100_000)
    request = httpx.Request("POST", BASE + "api/2/path/data/", files={"file": ("a.bin", stream)})
    auth = OAuth1Auth(CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET)
    flow = auth.sync_auth_flow(request)
    signed = next(flow)
    assert "authorization" in signed.headers
    assert stream.tell() == 0  # not a byte read
    with pytest.raises(httpx.RequestNotRead):
        _ = signed.content  # the body is still a stream, never buffered


async def test_multipart_stream_is_not_read_by_the_async_auth() -> None:
    stream = io.BytesIO(b"x" * 100_000)
    request = httpx.Request("POST", BASE + "api/2/path/data/", files={"file": ("a.bin", stream)})
    auth = OAuth1Auth(
        CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET, signature_method="HMAC-SHA1"
    )
    signed = await auth.async_auth_flow(request).__anext__()
    assert "authorization" in signed.headers
    assert stream.tell() == 0
    with pytest.raises(httpx.RequestNotRead):
        _ = signed.content


def test_form_body_is_read_to_be_signed() -> None:
    # A form built from a generator: the auth must read it to sign it, and the request keeps
    # it for sending.
    def form() -> Any:
        yield b"a=1&"
        yield b"b=%C3%BC"

    request = httpx.Request(
        "POST", BASE + "api/2/x/", content=form(), headers={"content-type": FORM}
    )
    auth = OAuth1Auth(
        CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET, signature_method="HMAC-SHA1"
    )
    signed = next(auth.sync_auth_flow(request))
    assert signed.content == b"a=1&b=%C3%BC"
    assert verify(signed, CLIENT_SECRET, ACCESS_SECRET)


def test_auth_repr_hides_secrets() -> None:
    auth = OAuth1Auth(CLIENT_TOKEN, CLIENT_SECRET, ACCESS_TOKEN, ACCESS_SECRET)
    for text in (repr(auth), str(auth)):
        assert CLIENT_SECRET not in text
        assert ACCESS_SECRET not in text
        assert ACCESS_TOKEN not in text


# ---- the three-legged flow ----------------------------------------------------------------------


def token_server(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/oauth/request_token/":
        body = f"oauth_token={REQUEST_TOKEN}&oauth_token_secret={REQUEST_SECRET}"
        body += "&oauth_callback_confirmed=true"
    elif request.url.path == "/oauth/access_token/":
        body = f"oauth_token={ACCESS_TOKEN}&oauth_token_secret={ACCESS_SECRET}"
    else:
        return httpx.Response(200, json={"ping": "pong"})
    return httpx.Response(200, text=body, headers={"content-type": FORM})


@pytest.mark.parametrize("method", ["PLAINTEXT", "HMAC-SHA1"])
def test_three_legged_flow(method: str) -> None:
    wire = Wire(token_server)
    client = oauth_client(wire, method, access_token=None, access_secret=None)
    with pytest.raises(APIError):
        client.get("/ping")

    request_token = client.get_request_token()
    assert tuple(request_token) == (REQUEST_TOKEN, REQUEST_SECRET)
    first = wire.last
    assert (first.method, first.url.path) == ("POST", "/oauth/request_token/")
    params = protocol_of(first)
    assert params["oauth_callback"] == "oob"
    assert "oauth_token" not in params
    assert verify(first, CLIENT_SECRET, "")
    if method == "PLAINTEXT":
        assert params["oauth_signature"] == oauth1.encode(CLIENT_SECRET) + "&"

    url = client.get_authorization_url()
    assert url == f"{BASE}oauth/authorize/?oauth_token={REQUEST_TOKEN}"

    access = client.get_access_token(verifier="v 123")
    assert tuple(access) == (ACCESS_TOKEN, ACCESS_SECRET)
    second = wire.last
    assert (second.method, second.url.path) == ("POST", "/oauth/access_token/")
    params = protocol_of(second)
    assert params["oauth_token"] == REQUEST_TOKEN
    assert params["oauth_verifier"] == "v 123"
    assert verify(second, CLIENT_SECRET, REQUEST_SECRET)

    assert client.get("/ping") == {"ping": "pong"}
    assert protocol_of(wire.last)["oauth_token"] == ACCESS_TOKEN
    assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)


def test_callback_is_sent() -> None:
    wire = Wire(token_server)
    client = oauth_client(wire, access_token=None, access_secret=None)
    client.get_request_token(callback="https://app.example.test/back?x=1")
    assert protocol_of(wire.last)["oauth_callback"] == "https://app.example.test/back?x=1"
    assert "oauth_callback=" in unquote(wire.last.headers["authorization"])


def test_explicit_request_token_for_the_access_call() -> None:
    wire = Wire(token_server)
    client = oauth_client(wire, access_token=None, access_secret=None)
    # Any: the public OAuthToken is not the sync client's parameter type (the twin bug below).
    client.get_access_token(cast(Any, OAuthToken(REQUEST_TOKEN, REQUEST_SECRET)), "123")
    assert verify(wire.last, CLIENT_SECRET, REQUEST_SECRET)
    assert client.access is not None
    assert tuple(client.access) == (ACCESS_TOKEN, ACCESS_SECRET)


def test_sync_client_tokens_are_the_public_oauth_token() -> None:
    wire = Wire(token_server)
    client = oauth_client(wire, access_token=None, access_secret=None)
    request_token = client.get_request_token()
    assert isinstance(request_token, OAuthToken)
    access: Any = client.get_access_token(verifier="1")
    assert access == OAuthToken(ACCESS_TOKEN, ACCESS_SECRET)


def test_token_answer_without_the_pair_is_an_api_error() -> None:
    wire = Wire(lambda request: httpx.Response(200, text="oauth_token=only", headers={}))
    client = oauth_client(wire, access_token=None, access_secret=None)
    with pytest.raises(APIError, match="oauth_token_secret"):
        client.get_request_token()


def test_refused_token_call_keeps_the_provider_text() -> None:
    wire = Wire(lambda request: httpx.Response(403, text="Could not verify OAuth request."))
    client = oauth_client(wire, access_token=None, access_secret=None)
    with pytest.raises(APIError) as caught:
        client.get_request_token()
    assert str(caught.value) == "Response 403: Could not verify OAuth request."
    assert CLIENT_SECRET not in repr(caught.value)


async def test_async_flow_and_hmac() -> None:
    wire = Wire(token_server)
    async with AsyncOAuthClient(
        CLIENT_TOKEN,
        CLIENT_SECRET,
        url=BASE,
        signature_method="HMAC-SHA1",
        transport=wire.transport,
    ) as client:
        await client.get_request_token()
        assert verify(wire.last, CLIENT_SECRET, "")
        await client.get_access_token(verifier="9")
        assert verify(wire.last, CLIENT_SECRET, REQUEST_SECRET)
        await client.post("/path/oper/remove", path=["/ü", "/a b"])
        assert wire.last.headers["content-type"] == FORM
        assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)
        await client.post("/path/data", "/d", file=("f.txt", io.BytesIO(b"abc")))
        assert verify(wire.last, CLIENT_SECRET, ACCESS_SECRET)
