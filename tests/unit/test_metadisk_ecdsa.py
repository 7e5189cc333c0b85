"""ECDSA request signing (cloudspec.metadisk.auth) against the bridge's own rules.

* every vector in tests/data/metadisk_ecdsa.json (checked against the original server code):
  the message, its hash, the public key and the exact low-S RFC 6979 signature;
* signatures are deterministic and low-S, and python-ecdsa (an independent implementation)
  verifies them, the vectors' un-normalised elliptic signatures and the doc/auth.md examples;
* ``ECDSAAuth`` on real httpx requests (sync, async and the generated client): the vectors come
  out byte for byte; for any JSON body or query the signed message is exactly what was sent;
  every request gets a fresh ``__nonce``; ``x-token`` requests are neither signed nor read;
* ``BasicAuth`` sends ``email:sha256hex(password)``; no secret in any ``repr``/``str``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from ecdsa import BadSignatureError, SECP256k1, VerifyingKey
from ecdsa.util import sigdecode_der
from hypothesis import given, settings
from hypothesis import strategies as st

from cloudspec.metadisk import (
    BasicAuth,
    ECDSAAuth,
    ECDSAKeyPair,
    MonotonicNonce,
    bridge_hash,
    password_hash,
    signing_message,
    verify_signature,
)
from cloudspec.metadisk.hashing import BridgeHasher, file_bridge_hash
from cloudspec.metadisk_api.api.buckets import create_bucket, list_buckets, update_bucket
from cloudspec.metadisk_api.api.files import get_file_pointers
from cloudspec.metadisk_api.client import Client
from cloudspec.metadisk_api.models import BucketRequest

DATA = Path(__file__).resolve().parents[1] / "data"
VECTORS_PATH = DATA / "metadisk_ecdsa.json"
VECTORS_SHA256 = "d6afab7369f0a767c2a88de3fea55ef91e559a1b0abe6f6cce938aee6570dbf1"
BASE_URL = "https://api.metadisk.org"
CURVE_ORDER = SECP256k1.order
KEY = ECDSAKeyPair.from_private_hex(
    "c01dc9806a27182971e07b3eb683f77a16ebe584dc2d30e5e2b1b2e4472e51ed"
)


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VECTORS_PATH.read_bytes())
    return data


VECTORS: list[dict[str, Any]] = _data()["vectors"]
DOC_VECTORS: list[dict[str, Any]] = _data()["published_vectors_from_doc_auth_md"]


def _payload(vector: dict[str, Any]) -> str:
    payload = vector["wire_body"] if vector["wire_body"] is not None else vector["wire_query"]
    assert isinstance(payload, str)
    return payload


def _ecdsa_verifies(public_key_hex: str, signature_hex: str, message: bytes) -> bool:
    """python-ecdsa's verdict (accepts high-S, like the 2016 bridge's elliptic)."""
    key = VerifyingKey.from_string(bytes.fromhex(public_key_hex), curve=SECP256k1)
    try:
        return bool(
            key.verify(
                bytes.fromhex(signature_hex),
                message,
                hashfunc=hashlib.sha256,
                sigdecode=sigdecode_der,
            )
        )
    except BadSignatureError:
        return False


def _s_of(signature_hex: str) -> int:
    _, s = sigdecode_der(bytes.fromhex(signature_hex), CURVE_ORDER)
    assert isinstance(s, int)
    return s


class Recorder:
    """A mock transport that keeps every request as sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(200, json={})

    def client(self, auth: httpx.Auth) -> httpx.Client:
        return httpx.Client(base_url=BASE_URL, transport=httpx.MockTransport(self), auth=auth)


def _nonces(*values: int) -> Iterator[int]:
    yield from values


def _pinned(*values: int) -> ECDSAAuth:
    nonces = _nonces(*values)
    return ECDSAAuth(KEY, nonce=lambda: next(nonces))


def _message_sent(request: httpx.Request) -> bytes:
    """Recompute the bridge's message from the request as it went on the wire."""
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    if request.method in {"POST", "PUT", "PATCH"}:
        payload = request.content
    elif request.method in {"GET", "DELETE", "OPTIONS"}:
        payload = request.url.query
    else:
        payload = b""
    return signing_message(request.method, path, payload)


def _assert_verifies(request: httpx.Request) -> None:
    assert request.headers["x-pubkey"] == KEY.public_key_hex
    assert _ecdsa_verifies(
        KEY.public_key_hex, request.headers["x-signature"], _message_sent(request)
    )


# ------------------------------------------------------------------------------------------
# the vectors
# ------------------------------------------------------------------------------------------


def test_vectors_file_is_the_reference_copy() -> None:
    assert hashlib.sha256(VECTORS_PATH.read_bytes()).hexdigest() == VECTORS_SHA256
    assert [v["name"] for v in VECTORS] == ["get_buckets", "create_bucket", "patch_bucket"]
    assert len(DOC_VECTORS) == 2


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_signing_vector(vector: dict[str, Any]) -> None:
    message = signing_message(vector["method"], vector["path"], _payload(vector))
    assert message == vector["message"].encode("utf-8")
    assert hashlib.sha256(message).hexdigest() == vector["message_sha256_hex"]
    key = ECDSAKeyPair.from_private_hex(vector["privkey_hex"])
    assert key.private_key_hex == vector["privkey_hex"]
    assert key.public_key_hex == vector["x-pubkey"]
    signature = key.sign(message)
    assert signature == vector["x-signature"]
    assert key.sign(message) == signature  # deterministic (RFC 6979)
    assert _s_of(signature) <= CURVE_ORDER // 2  # low-S
    unnormalised = vector["x-signature_rfc6979_unnormalised_elliptic"]
    for candidate in (signature, unnormalised):
        assert _ecdsa_verifies(key.public_key_hex, candidate, message)
        assert verify_signature(key.public_key_hex, candidate, message)
    # the elliptic signature is the same (r, s) or its other-S twin
    assert _s_of(unnormalised) in {_s_of(signature), CURVE_ORDER - _s_of(signature)}


@pytest.mark.parametrize("vector", DOC_VECTORS, ids=[v["name"] for v in DOC_VECTORS])
def test_published_doc_vectors_verify(vector: dict[str, Any]) -> None:
    message = signing_message(vector["method"], vector["path"], _payload(vector))
    assert message == vector["message"].encode("utf-8")
    assert hashlib.sha256(message).hexdigest() == vector["message_sha256_hex"]
    assert _s_of(vector["x-signature"]) > CURVE_ORDER // 2  # openssl high-S, as documented
    assert _ecdsa_verifies(vector["x-pubkey"], vector["x-signature"], message)
    assert verify_signature(vector["x-pubkey"], vector["x-signature"], message)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_tampering_breaks_the_signature(vector: dict[str, Any]) -> None:
    payload = _payload(vector)
    signature = vector["x-signature"]
    pubkey = vector["x-pubkey"]
    assert not verify_signature(pubkey, signature, signing_message("GET", "/x", payload))
    assert not verify_signature(
        pubkey, signature, signing_message(vector["method"], vector["path"], payload + " ")
    )
    other = ECDSAKeyPair.generate().public_key_hex
    message = signing_message(vector["method"], vector["path"], payload)
    assert not verify_signature(other, signature, message)
    assert not verify_signature(pubkey, "3000", message)
    assert not verify_signature("zz", signature, message)


def test_signing_message_encodes_str_as_utf8_and_keeps_bytes() -> None:
    assert signing_message("post", "/b", "\u00e9") == b"POST\n/b\n\xc3\xa9"
    assert signing_message("GET", "/b", b"a=%C3%A9") == b"GET\n/b\na=%C3%A9"
    assert signing_message("GET", "/b", "") == b"GET\n/b\n"


# ------------------------------------------------------------------------------------------
# the key pair
# ------------------------------------------------------------------------------------------


def test_generated_keys_are_fresh_compressed_and_round_trip() -> None:
    first, second = ECDSAKeyPair.generate(), ECDSAKeyPair.generate()
    assert first != second
    assert len(first.public_key_hex) == 66
    assert first.public_key_hex[:2] in {"02", "03"}
    assert first.public_key_hex == first.public_key_hex.lower()
    again = ECDSAKeyPair.from_private_hex(first.private_key_hex)
    assert again == first
    assert hash(again) == hash(first)
    assert again.public_key_hex == first.public_key_hex


@pytest.mark.parametrize("bad", ["", "00", "c01d" * 17, "zz" * 32])
def test_from_private_hex_rejects_bad_keys(bad: str) -> None:
    with pytest.raises(ValueError):
        ECDSAKeyPair.from_private_hex(bad)


@given(message=st.binary(max_size=512))
@settings(max_examples=60, deadline=None)
def test_any_message_signs_deterministically_low_s_and_verifies(message: bytes) -> None:
    signature = KEY.sign(message)
    assert KEY.sign(message) == signature
    assert _s_of(signature) <= CURVE_ORDER // 2
    assert _ecdsa_verifies(KEY.public_key_hex, signature, message)


def test_no_secret_in_repr_or_str() -> None:
    secret = KEY.private_key_hex
    hashed = password_hash("hunter2")
    for shown in (
        repr(KEY),
        str(KEY),
        repr(ECDSAAuth(KEY)),
        str(ECDSAAuth(KEY)),
        repr(BasicAuth("a@example.com", "hunter2")),
        str(BasicAuth("a@example.com", "hunter2")),
    ):
        assert secret not in shown
        assert "hunter2" not in shown
        assert hashed not in shown
    assert KEY.public_key_hex in repr(KEY)


# ------------------------------------------------------------------------------------------
# ECDSAAuth on the wire
# ------------------------------------------------------------------------------------------


def test_auth_reproduces_the_get_vector() -> None:
    (vector,) = [v for v in VECTORS if v["name"] == "get_buckets"]
    recorder = Recorder()
    with recorder.client(_pinned(1458494144)) as client:
        client.request(**list_buckets._get_kwargs())
    (request,) = recorder.requests
    assert request.url.raw_path.decode() == vector["wire_request_target"]
    assert request.headers["x-pubkey"] == vector["x-pubkey"]
    assert request.headers["x-signature"] == vector["x-signature"]
    assert request.content == b""


@pytest.mark.parametrize("name", ["create_bucket", "patch_bucket"])
def test_auth_reproduces_the_body_vectors(name: str) -> None:
    (vector,) = [v for v in VECTORS if v["name"] == name]
    params = dict(vector["params_in_order"])
    nonce = params.pop("__nonce")
    recorder = Recorder()
    with recorder.client(_pinned(nonce)) as client:
        client.request(vector["method"], vector["path"], json=params)
    (request,) = recorder.requests
    assert request.url.raw_path.decode() == vector["wire_request_target"]
    assert request.content.decode() == vector["wire_body"]
    assert request.headers["Content-Length"] == str(len(request.content))
    assert request.headers["Content-Type"] == vector["content_type"]
    assert request.headers["x-signature"] == vector["x-signature"]


def test_auth_signs_generated_client_requests() -> None:
    recorder = Recorder()
    client = Client(
        base_url=BASE_URL,
        httpx_args={"transport": httpx.MockTransport(recorder), "auth": ECDSAAuth(KEY)},
    )
    http = client.get_httpx_client()
    body = BucketRequest(name="n", storage=1, transfer=2, pubkeys=[])
    http.request(**create_bucket._get_kwargs(body=body))
    http.request(**update_bucket._get_kwargs("56eeda4656bf7b950faace4a", body=BucketRequest()))
    http.request(**list_buckets._get_kwargs())
    created, updated, listed = recorder.requests
    assert json.loads(created.content) == {
        "name": "n",
        "storage": 1,
        "transfer": 2,
        "pubkeys": [],
        "__nonce": json.loads(created.content)["__nonce"],
    }
    assert list(json.loads(updated.content)) == ["__nonce"]
    assert listed.url.query.startswith(b"__nonce=")
    for request in recorder.requests:
        _assert_verifies(request)


_json_scalar = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_json = st.recursive(
    _json_scalar,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=12,
)
_body = st.dictionaries(st.text().filter(lambda k: k != "__nonce"), _json, max_size=6)


_path = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="?#%\\"), min_size=1
)


@given(body=_body, method=st.sampled_from(["POST", "PUT", "PATCH"]), path=_path)
@settings(max_examples=150, deadline=None)
def test_any_json_body_is_signed_exactly_as_sent(
    body: dict[str, Any], method: str, path: str
) -> None:
    recorder = Recorder()
    with recorder.client(ECDSAAuth(KEY)) as client:
        client.request(method, "/buckets/" + path, json=body)
    (request,) = recorder.requests
    _assert_verifies(request)
    sent = json.loads(request.content)
    nonce = sent.pop("__nonce")
    assert isinstance(nonce, int)
    assert sent == body
    assert list(sent) == list(body)  # the caller's order, the nonce last


_pairs = st.lists(st.tuples(st.text(), st.text()), max_size=6)


@given(pairs=_pairs, method=st.sampled_from(["GET", "DELETE", "OPTIONS", "HEAD"]))
@settings(max_examples=150, deadline=None)
def test_any_query_is_signed_exactly_as_sent(pairs: list[tuple[str, str]], method: str) -> None:
    recorder = Recorder()
    with recorder.client(ECDSAAuth(KEY)) as client:
        client.request(method, "/buckets/b%20c/files", params=tuple(pairs))
    (request,) = recorder.requests
    _assert_verifies(request)
    assert request.url.raw_path.startswith(b"/buckets/b%20c/files?")
    sent = httpx.QueryParams(request.url.query.decode("ascii")).multi_items()
    assert sent[:-1] == httpx.QueryParams(tuple(pairs)).multi_items()
    name, nonce = sent[-1]
    assert name == "__nonce"
    assert nonce.isdigit()
    if method == "HEAD":  # the bridge signs an empty payload for other methods
        assert _message_sent(request).endswith(b"\n")


def test_every_request_gets_a_fresh_increasing_nonce() -> None:
    recorder = Recorder()
    with recorder.client(ECDSAAuth(KEY, nonce=MonotonicNonce(clock=lambda: 1458494144.0))) as c:
        for _ in range(5):
            c.get("/buckets")
            c.post("/buckets", json={"name": "x"})
    nonces = []
    for request in recorder.requests:
        if request.method == "GET":
            nonces.append(int(dict(parse_qsl(request.url.query.decode()))["__nonce"]))
        else:
            nonces.append(json.loads(request.content)["__nonce"])
    assert nonces == list(range(1458494144000, 1458494144000 + 10))
    signatures = {request.headers["x-signature"] for request in recorder.requests}
    assert len(signatures) == 10


def test_default_nonce_is_milliseconds_and_never_repeats() -> None:
    source = MonotonicNonce()
    values = [source() for _ in range(1000)]
    assert values == sorted(set(values))
    assert abs(values[0] - _now_ms()) < 60_000


def _now_ms() -> int:
    import time

    return int(time.time() * 1000)


def test_token_requests_are_neither_signed_nor_read() -> None:
    recorder = Recorder()
    with recorder.client(ECDSAAuth(KEY)) as client:
        client.request(**get_file_pointers._get_kwargs("b", "h", x_token="t", skip=0))
        client.put("/buckets/b/files", headers={"x-token": "t"}, content=iter([b"abc"]))
    pointers, upload = recorder.requests
    for request in (pointers, upload):
        assert "x-signature" not in request.headers
        assert "x-pubkey" not in request.headers
        assert b"__nonce" not in request.url.query
    assert upload.content == b"abc"
    assert "Content-Length" not in upload.headers  # still the caller's stream


def test_non_object_body_is_refused() -> None:
    recorder = Recorder()
    with recorder.client(ECDSAAuth(KEY)) as client, pytest.raises(ValueError):
        client.post("/buckets", json=[1, 2])
    assert not recorder.requests


def test_async_flow_signs_like_the_sync_flow() -> None:
    recorder = Recorder()

    async def run() -> None:
        async with httpx.AsyncClient(
            base_url=BASE_URL, transport=httpx.MockTransport(recorder), auth=_pinned(5, 6)
        ) as client:
            await client.post("/buckets", json={"name": "a"})
            await client.delete("/buckets/x")

    asyncio.run(run())
    posted, deleted = recorder.requests
    assert posted.content == b'{"name":"a","__nonce":5}'
    assert deleted.url.query == b"__nonce=6"
    for request in recorder.requests:
        _assert_verifies(request)


# ------------------------------------------------------------------------------------------
# Basic auth
# ------------------------------------------------------------------------------------------


def test_basic_auth_sends_the_sha256_hex_of_the_password() -> None:
    assert password_hash("password") == (
        "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
    )
    recorder = Recorder()
    with recorder.client(BasicAuth("new_user@coinbend.com", "password")) as client:
        client.get("/keys")
        client.get("/buckets/b/files/h", headers={"x-token": "t"})
    keys, pointers = recorder.requests
    scheme, encoded = keys.headers["Authorization"].split(" ")
    assert scheme == "Basic"
    assert base64.b64decode(encoded).decode() == (
        "new_user@coinbend.com:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
    )
    assert "Authorization" not in pointers.headers


_OLD_STYLE = "rmd160_of_ascii_hex_sha256 (bridge v0.2.x file 'hash', core <3.0 shard hash)"


@pytest.mark.parametrize(
    "vector", _data()["file_hash_vectors"], ids=lambda v: repr(v["data_utf8"])[:20]
)
def test_bridge_hash_matches_the_published_file_hash_vectors(
    vector: dict[str, str], tmp_path: Path
) -> None:
    data = vector["data_utf8"].encode("utf-8")
    assert hashlib.sha256(data).hexdigest() == vector["sha256_hex"]
    assert bridge_hash(data) == vector[_OLD_STYLE]
    hasher = BridgeHasher()
    for i in range(0, len(data), 3):
        hasher.update(data[i : i + 3])
    assert hasher.hexdigest() == vector[_OLD_STYLE]
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    assert file_bridge_hash(path, chunk_size=2) == (vector[_OLD_STYLE], len(data))
