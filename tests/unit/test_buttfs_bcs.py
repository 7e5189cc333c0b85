"""BCS request signing (cloudspec.buttfs.auth) against the original SDK.

* every vector in tests/data/buttfs_bcs.json (made by the unmodified Python 2 signer);
* the further rules reference section 2.2 lists (UTF-8 then percent-encoding, ``~``, ``*!'()``,
  non-ASCII secrets, the admin path, other SDKs' header strings);
* property tests against ``_py2_reference``, a second, deliberately literal transcription of the
  Python 2 code (byte-wise ``quote_plus``, byte-string sort map), for any Unicode input;
* ``BCSAuth`` on real httpx requests built by the generated client: a signed request re-verifies
  when the string is recomputed from what was actually sent; other requests get the bearer token
  and their bodies are not read.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cloudspec.buttfs import (
    BCS_CONTENT_TYPE,
    BCSAuth,
    BCSCredentials,
    MissingCredentialsError,
    bcs_authorization,
    bcs_date,
    bcs_string_to_sign,
)
from cloudspec.buttfs_api.api.admin import create_customer
from cloudspec.buttfs_api.api.auth import create_token
from cloudspec.buttfs_api.api.folders import list_folder
from cloudspec.buttfs_api.client import Client
from cloudspec.buttfs_api.models import CreateCustomerRequest, TokenRequest

DATA = Path(__file__).resolve().parents[1] / "data"
VECTORS_PATH = DATA / "buttfs_bcs.json"
VECTORS_SHA256 = "55ca3b5d7562df754604b956a6fcfd8077cd6ff5bbea563c975572886dfbc00f"

APP = BCSCredentials("a1b2c3d4e5f6", "s3cr3tK3y")
ADMIN = BCSCredentials("admin-id", "admin-s3cret")
DATE = "Sat, 25 Oct 2014 03:10:15 GMT"
BASE_URL = "https://example.cloudfs.io"


def _vectors() -> list[dict[str, Any]]:
    vectors = json.loads(VECTORS_PATH.read_bytes())["vectors"]
    assert isinstance(vectors, list)
    return vectors


# ------------------------------------------------------------------------------------------
# a second transcription of the Python 2 signer, byte by byte
# ------------------------------------------------------------------------------------------

_PY2_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


def _py2_quote_plus(raw: bytes) -> bytes:
    """Python 2 ``urllib.quote_plus(raw, '')`` on a byte string."""
    out = bytearray()
    for byte in raw:
        if byte in _PY2_SAFE:
            out.append(byte)
        elif byte == 0x20:
            out += b"+"
        else:
            out += b"%%%02X" % byte
    return bytes(out)


def _py2_lower(raw: bytes) -> bytes:
    """Python 2 ``str.lower()``: ASCII letters only."""
    return bytes(b + 32 if 0x41 <= b <= 0x5A else b for b in raw)


def _py2_encode_dictionary(d: Mapping[bytes, bytes], sep: bytes) -> bytes:
    sort_keys: dict[bytes, bytes] = {}
    for key in d:
        sort_keys[_py2_lower(key) + b"/" + _py2_lower(d[key])] = key
    order = [sort_keys[k] for k in sorted(sort_keys)]
    return b"&".join(_py2_quote_plus(k) + sep + _py2_quote_plus(d[k]) for k in order)


def _py2_reference(
    method: str, path: str, params: Mapping[str, str], content_type: str, date: str
) -> bytes:
    form = {k.encode(): v.encode() for k, v in params.items()}
    headers = {b"Content-Type": content_type.encode(), b"Date": date.encode()}
    return b"&".join(
        (
            method.upper().encode(),
            path.encode(),
            _py2_encode_dictionary(form, b"="),
            _py2_encode_dictionary(headers, b":"),
        )
    )


def _sort_keys_distinct(params: Mapping[str, str]) -> bool:
    keys = {f"{k}/{v}".encode().lower() for k, v in params.items()}
    return len(keys) == len(params)


# ------------------------------------------------------------------------------------------
# vectors
# ------------------------------------------------------------------------------------------


def test_vectors_file_is_the_reference_copy() -> None:
    assert hashlib.sha256(VECTORS_PATH.read_bytes()).hexdigest() == VECTORS_SHA256
    assert {v["id"] for v in _vectors()} >= {
        "token_basic",
        "token_space_plus_amp_eq_slash",
        "empty_params",
        "sort_order_edge",
    }


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: str(v["id"]))
def test_vector(vector: dict[str, Any]) -> None:
    args = (
        vector["method"],
        vector["path"],
        vector["params"],
        vector["content_type"],
        vector["date"],
    )
    assert bcs_string_to_sign(*args) == vector["string_to_sign"]
    assert (
        bcs_authorization(vector["client_id"], vector["secret"], *args)
        == (vector["expected_authorization"])
    )
    assert _py2_reference(*args) == vector["string_to_sign"].encode()


def test_worked_example_of_the_reference() -> None:
    # reference 1.4
    value = bcs_authorization(
        "a1b2c3d4e5f6",
        "s3cr3tK3y",
        "post",
        "/v2/oauth2/token",
        {"username": "user@example.com", "password": "hunter2", "grant_type": "password"},
        BCS_CONTENT_TYPE,
        DATE,
    )
    assert value == "BCS a1b2c3d4e5f6:geAWkx2z5WRYfTaPy9uX9uUsGcw="


# ------------------------------------------------------------------------------------------
# further rules (reference 2.2)
# ------------------------------------------------------------------------------------------


def _params_segment(params: Mapping[str, str]) -> str:
    sts = bcs_string_to_sign("POST", "/p", params, "ct", "d")
    prefix, suffix = "POST&/p&", "&Content-Type:ct&Date:d"
    assert sts.startswith(prefix)
    assert sts.endswith(suffix)
    return sts[len(prefix) : -len(suffix)]


@pytest.mark.parametrize(
    ("value", "encoded"),
    [
        ("j\u00fcrgen", "j%C3%BCrgen"),
        ("\u00e4", "%C3%A4"),
        ("\u043f\u0440\u0438\u0432\u0435\u0442", "%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82"),
        ("\u2603", "%E2%98%83"),
        ("\u6f22\u5b57", "%E6%BC%A2%E5%AD%97"),
        ("\U0001f600", "%F0%9F%98%80"),
        ("a.b_c-d", "a.b_c-d"),
        ("~", "%7E"),
        ("*!'()", "%2A%21%27%28%29"),
        ("/+&=@;:,?%", "%2F%2B%26%3D%40%3B%3A%2C%3F%25"),
        ("a b", "a+b"),
        ("", ""),
    ],
)
def test_values_are_utf8_then_python2_quote_plus(value: str, encoded: str) -> None:
    assert _params_segment({"k": value}) == f"k={encoded}"
    assert _params_segment({value + "k": "v"}) == f"{encoded}k=v"


def test_sort_is_on_key_slash_value_lowercased_keeping_case() -> None:
    assert _params_segment({"version": "3", "version-conflict": "fail"}) == (
        "version-conflict=fail&version=3"
    )
    assert _params_segment({"Name": "x", "b": "1", "A": "2"}) == "A=2&b=1&Name=x"


def test_sort_folds_ascii_only_like_python2_bytes() -> None:
    # Python 2 str.lower() on UTF-8 bytes leaves "\u00c4" (C3 84) alone, so it sorts before
    # "\u00e4" (C3 A4); Python 3 folding would make both "\u00e4/..." and put "\u00e4=1"
    # first. "Z" folds to 7A, before both.
    assert _params_segment({"\u00e4": "1", "\u00c4": "2", "Z": "3"}) == ("Z=3&%C3%84=2&%C3%A4=1")


def test_sort_key_collision_keeps_the_later_pair() -> None:
    # The original's sort map: keys equal after lower(key)/lower(value) collapse to one.
    assert _params_segment({"Key": "V", "key": "v"}) == "key=v"
    assert _params_segment({"key": "v", "Key": "V"}) == "Key=V"
    assert _params_segment({"a/b": "c", "a": "b/c"}) == "a=b%2Fc"


def test_empty_form_gives_an_empty_segment() -> None:
    assert bcs_string_to_sign("POST", "/v2/oauth2/token", {}, "ct", "d") == (
        "POST&/v2/oauth2/token&&Content-Type:ct&Date:d"
    )


def test_absent_header_is_not_signed() -> None:
    assert bcs_string_to_sign("POST", "/p", {"a": "1"}, None, "d") == "POST&/p&a=1&Date:d"
    assert bcs_string_to_sign("POST", "/p", {"a": "1"}, None, None) == "POST&/p&a=1&"


def test_headers_other_sdks_send_are_signed_verbatim() -> None:
    sts = bcs_string_to_sign(
        "POST",
        "/v2/admin/cloudfs/customers/",
        {"username": "u"},
        "application/x-www-form-urlencoded;charset=utf-8",
        "Sat, 25 Oct 2014 03:10:15 UTC",
    )
    assert sts == (
        "POST&/v2/admin/cloudfs/customers/&username=u"
        "&Content-Type:application%2Fx-www-form-urlencoded%3Bcharset%3Dutf-8"
        "&Date:Sat%2C+25+Oct+2014+03%3A10%3A15+UTC"
    )


def test_method_is_upper_cased_and_path_is_raw() -> None:
    assert bcs_string_to_sign("post", "/v2/a b/\u00e9", {}, "c", "d").startswith(
        "POST&/v2/a b/\u00e9&&"
    )


def test_non_ascii_secret_is_its_utf8_bytes() -> None:
    secret = "s\u00e9cr\u00e8t\u2603"
    sts = bcs_string_to_sign("POST", "/v2/oauth2/token", {"a": "b"}, "c", "d")
    expected = base64.b64encode(
        hmac.new(secret.encode("utf-8"), sts.encode("utf-8"), hashlib.sha1).digest()
    ).decode()
    assert bcs_authorization("id", secret, "POST", "/v2/oauth2/token", {"a": "b"}, "c", "d") == (
        f"BCS id:{expected}"
    )


def test_bcs_date_format() -> None:
    assert re.fullmatch(
        r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
        r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT",
        bcs_date(),
    )


# ------------------------------------------------------------------------------------------
# properties
# ------------------------------------------------------------------------------------------

_text = st.text(max_size=12)
_params = st.dictionaries(_text, _text, max_size=6)


@given(params=_params, content_type=_text, date=_text, path=_text, method=_text)
@settings(max_examples=300)
def test_matches_the_python2_transcription_for_any_unicode(
    params: dict[str, str], content_type: str, date: str, path: str, method: str
) -> None:
    sts = bcs_string_to_sign(method, path, params, content_type, date)
    assert sts.encode("utf-8") == _py2_reference(method, path, params, content_type, date)


@given(params=_params, data=st.data())
def test_string_to_sign_is_independent_of_param_order(
    params: dict[str, str], data: st.DataObject
) -> None:
    assume(_sort_keys_distinct(params))
    shuffled = dict(data.draw(st.permutations(list(params.items()))))
    assert bcs_string_to_sign("POST", "/p", shuffled, "c", "d") == bcs_string_to_sign(
        "POST", "/p", params, "c", "d"
    )


@given(client_id=_text, secret=_text, params=_params)
def test_signature_is_deterministic_and_well_formed(
    client_id: str, secret: str, params: dict[str, str]
) -> None:
    first = bcs_authorization(client_id, secret, "POST", "/v2/oauth2/token", params, "c", "d")
    assert first == bcs_authorization(
        client_id, secret, "POST", "/v2/oauth2/token", dict(params), "c", "d"
    )
    prefix = f"BCS {client_id}:"
    assert first.startswith(prefix)
    signature = first[len(prefix) :]
    assert len(signature) == 28
    assert len(binascii.a2b_base64(signature)) == 20


# ------------------------------------------------------------------------------------------
# BCSAuth on requests built by the generated client
# ------------------------------------------------------------------------------------------


def _verify_sent(request: httpx.Request, credentials: BCSCredentials) -> None:
    """Recompute the signature from the request as sent, with the Python 2 transcription."""
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    form = dict(parse_qsl(request.content.decode("utf-8"), keep_blank_values=True))
    sts = _py2_reference(
        request.method, path, form, request.headers["Content-Type"], request.headers["Date"]
    )
    digest = hmac.new(credentials.secret.encode("utf-8"), sts, hashlib.sha1).digest()
    expected = f"BCS {credentials.client_id}:{base64.b64encode(digest).decode()}"
    assert request.headers["Authorization"] == expected


def _client(auth: BCSAuth, seen: list[httpx.Request]) -> Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        # Parses as a Token and as any `{result, error}` envelope.
        body: dict[str, Any] = {
            "access_token": "T",
            "token_type": "bearer",
            "result": {},
            "error": None,
        }
        return httpx.Response(200, json=body)

    return Client(
        base_url=BASE_URL,
        httpx_args={"auth": auth, "transport": httpx.MockTransport(handler)},
    )


@given(username=_text, password=_text)
@settings(max_examples=100, deadline=None)
def test_signed_token_request_reverifies_from_what_was_sent(username: str, password: str) -> None:
    seen: list[httpx.Request] = []
    client = _client(BCSAuth(APP), seen)
    body = TokenRequest(grant_type="password", username=username, password=password)
    response = create_token.sync_detailed(client=client, body=body)
    assert response.status_code == 200
    (request,) = seen
    assert request.url.raw_path == b"/v2/oauth2/token"
    _verify_sent(request, APP)
    assert dict(parse_qsl(request.content.decode(), keep_blank_values=True)) == {
        "grant_type": "password",
        "username": username,
        "password": password,
    }


def test_signed_token_request_async_and_pinned_date() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"access_token": "T"})

    client = Client(
        base_url=BASE_URL,
        httpx_args={
            "auth": BCSAuth(APP, date=lambda: DATE),
            "transport": httpx.MockTransport(handler),
        },
    )
    body = TokenRequest(grant_type="password", username="user@example.com", password="hunter2")
    response = asyncio.run(create_token.asyncio_detailed(client=client, body=body))
    assert response.status_code == 200
    (request,) = seen
    assert request.headers["Date"] == DATE
    _verify_sent(request, APP)


def test_a_date_the_caller_sets_is_kept_and_signed() -> None:
    seen: list[httpx.Request] = []
    client = _client(BCSAuth(APP, date=lambda: "never used"), seen)
    body = TokenRequest(grant_type="password", username="u", password="p")
    create_token.sync_detailed(client=client, body=body, date="Mon, 05 Jan 2015 09:08:07 GMT")
    (request,) = seen
    assert request.headers["Date"] == "Mon, 05 Jan 2015 09:08:07 GMT"
    _verify_sent(request, APP)


def test_admin_request_is_signed_with_the_admin_pair() -> None:
    seen: list[httpx.Request] = []
    client = _client(BCSAuth(APP, admin=ADMIN, token=lambda: "T"), seen)
    body = CreateCustomerRequest(username="newuser", password="secret1", email="n@example.com")
    create_customer.sync_detailed(client=client, body=body)
    (request,) = seen
    assert request.url.raw_path == b"/v2/admin/cloudfs/customers/"
    assert request.headers["Authorization"].startswith("BCS admin-id:")
    _verify_sent(request, ADMIN)


def test_admin_request_without_admin_credentials_fails_clearly() -> None:
    client = _client(BCSAuth(APP), [])
    body = CreateCustomerRequest(username="newuser", password="secret1")
    with pytest.raises(MissingCredentialsError, match="admin"):
        create_customer.sync_detailed(client=client, body=body)


def test_other_requests_carry_the_bearer_token() -> None:
    seen: list[httpx.Request] = []
    tokens = iter(["T1", "T2"])
    client = _client(BCSAuth(APP, token=lambda: next(tokens)), seen)
    list_folder.sync_detailed("/a/b", client=client)
    list_folder.sync_detailed("/", client=client)
    assert [r.headers["Authorization"] for r in seen] == ["Bearer T1", "Bearer T2"]
    assert [r.url.raw_path for r in seen] == [b"/v2/folders/a/b", b"/v2/folders/"]


def test_no_token_means_no_authorization_header() -> None:
    seen: list[httpx.Request] = []
    client = _client(BCSAuth(APP, token=lambda: None), seen)
    list_folder.sync_detailed("/", client=client)
    assert "Authorization" not in seen[0].headers


def _chunks() -> Iterator[bytes]:
    yield b"part"


def test_bearer_request_body_is_not_read() -> None:
    # Uploads stay streamed: only signed (small, urlencoded) bodies are read by the auth flow.
    request = httpx.Request("POST", f"{BASE_URL}/v2/files/F1/", content=_chunks())
    flow = BCSAuth(APP, token=lambda: "T").sync_auth_flow(request)
    signed = next(flow)
    assert signed.headers["Authorization"] == "Bearer T"
    with pytest.raises(httpx.RequestNotRead):
        _ = signed.content


def test_secrets_never_in_repr_or_str() -> None:
    auth = BCSAuth(APP, admin=ADMIN, token=lambda: "T")
    for text in (repr(auth), str(auth), repr(APP), str(APP), repr(ADMIN), str(ADMIN)):
        assert APP.secret not in text
        assert ADMIN.secret not in text
    assert "a1b2c3d4e5f6" in repr(auth)
