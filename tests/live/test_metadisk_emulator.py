"""The Metadisk emulator over plain httpx: users, Basic auth, keys, signed buckets, nonces,
single-use tokens, upload and sharded download, limits and a fault rule.

The ECDSA signer below is written from reference §1.2 on purpose (coincurve, RFC 6979, low S):
the test must not depend on the client's signer (cloudspec.metadisk.auth) or on the
emulator's verifier.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import coincurve
import httpx
import pytest

from cloudspec.emulators import ServerURLs

VECTORS = Path(__file__).parent.parent / "data" / "metadisk_ecdsa.json"
_SHARED_VECTORS = (
    Path(__file__).parents[3] / "shared" / "reference" / "vectors" / "metadisk_ecdsa.json"
)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bridge_hash(data: bytes) -> str:
    """RIPEMD-160 of the SHA-256 hex string (reference §0)."""
    return hashlib.new("ripemd160", hashlib.sha256(data).hexdigest().encode()).hexdigest()


class Signer:
    def __init__(self, private_hex: str | None = None) -> None:
        secret = bytes.fromhex(private_hex) if private_hex else secrets.token_bytes(32)
        self.key = coincurve.PrivateKey(secret)
        self.pubkey = self.key.public_key.format(compressed=True).hex()

    def sign(self, method: str, path: str, payload: str) -> str:
        message = f"{method.upper()}\n{path}\n{payload}".encode()
        return self.key.sign(message, hasher=lambda m: hashlib.sha256(m).digest()).hex()

    def request(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        *,
        nonce: object = None,
        pubkey: str | None = None,
        tamper: bool = False,
    ) -> httpx.Response:
        values = dict(params or {})
        values["__nonce"] = nonce if nonce is not None else str(uuid.uuid4())
        headers = {"x-pubkey": pubkey or self.pubkey}
        if method in ("GET", "DELETE"):
            query = urlencode(values)
            headers["x-signature"] = self.sign(method, path, query)
            return client.request(method, f"{path}?{query}", headers=headers)
        body = json.dumps(values, separators=(",", ":"))
        headers["x-signature"] = self.sign(method, path, body)
        headers["content-type"] = "application/json"
        if tamper:
            body = body.replace("}", ',"x":1}')
        return client.request(method, path, content=body.encode(), headers=headers)


def _vectors() -> list[dict[str, Any]]:
    path = VECTORS if VECTORS.exists() else _SHARED_VECTORS
    if not path.exists():
        pytest.skip("the Metadisk signing vectors are not available")
    vectors: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["vectors"]
    return vectors[:2]


@pytest.mark.parametrize("index", [0, 1])
def test_local_signer_and_emulator_verifier_match_the_vectors(index: int) -> None:
    from cloudspec.emulators.metadisk import signature

    vector = _vectors()[index]
    signer = Signer(vector["privkey_hex"])
    assert signer.pubkey == vector["x-pubkey"]
    payload = vector["wire_body"] or vector["wire_query"] or ""
    assert f"{vector['method']}\n{vector['path']}\n{payload}" == vector["message"]
    assert signer.sign(vector["method"], vector["path"], payload) == vector["x-signature"]
    signed = signature.message(vector["method"], vector["path"], payload)
    assert signature.verify(vector["x-pubkey"], vector["x-signature"], signed)
    high_s = vector["x-signature_rfc6979_unnormalised_elliptic"]
    assert signature.verify(vector["x-pubkey"], high_s, signed), "high S must verify too"
    assert not signature.verify(vector["x-pubkey"], vector["x-signature"], signed + b" ")


@pytest.fixture
def client(metadisk_server: ServerURLs) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=metadisk_server.base_url, trust_env=False, timeout=10) as c:
        yield c


def register(client: httpx.Client, password: str = "secret") -> tuple[str, tuple[str, str]]:
    """A new activated user: (email, Basic auth pair)."""
    email = f"user-{uuid.uuid4().hex[:12]}@example.com"
    response = client.post("/users", json={"email": email, "password": sha256_hex(password)})
    assert response.status_code == 200, response.text
    token = client.get(f"/_emulator/activation/{email}").json()["token"]
    assert client.get(f"/activations/{token}").json()["activated"] is True
    return email, (email, sha256_hex(password))


def keyed_user(client: httpx.Client) -> tuple[str, tuple[str, str], Signer]:
    email, auth = register(client)
    signer = Signer()
    assert client.post("/keys", json={"key": signer.pubkey}, auth=auth).status_code == 200
    return email, auth, signer


def test_register_activate_and_basic_auth(client: httpx.Client) -> None:
    email = f"new-{uuid.uuid4().hex[:10]}@example.com"
    response = client.post("/users", json={"email": email, "password": sha256_hex("pw")})
    assert response.status_code == 200
    user = response.json()
    assert user["id"] == email and user["activated"] is False and user["created"].endswith("Z")
    again = client.post("/users", json={"email": email, "password": sha256_hex("pw")})
    assert again.status_code == 500 and "already" in again.json()["error"]
    plain = client.post("/users", json={"email": "x@example.com", "password": "pw"})
    assert plain.status_code == 500 and "SHA-256" in plain.json()["error"]
    inactive = client.get("/keys", auth=(email, sha256_hex("pw")))
    assert inactive.status_code == 401 and "activated" in inactive.json()["error"]
    bad = client.get("/activations/" + "0" * 64)
    assert bad.status_code == 400 and "Invalid" in bad.json()["error"]
    token = client.get(f"/_emulator/activation/{email}").json()["token"]
    assert client.get(f"/activations/{token}").json()["activated"] is True
    assert client.get("/keys", auth=(email, sha256_hex("pw"))).json() == []
    wrong = client.get("/keys", auth=(email, sha256_hex("nope")))
    assert wrong.status_code == 500 and wrong.json() == {"error": "Invalid email or password"}
    seeded = client.get("/buckets", auth=("demo@example.com", sha256_hex("demo-password")))
    assert seeded.status_code == 200
    none = client.get("/buckets")
    assert none.status_code == 401
    assert none.json() == {"error": "No authentication strategy detected"}


def test_keys_add_list_delete(client: httpx.Client) -> None:
    email, auth = register(client)
    signer = Signer()
    added = client.post("/keys", json={"key": signer.pubkey}, auth=auth)
    assert added.json() == {"user": email, "key": signer.pubkey, "id": signer.pubkey}
    duplicate = client.post("/keys", json={"key": signer.pubkey}, auth=auth)
    assert duplicate.status_code == 400 and "already registered" in duplicate.json()["error"]
    invalid = client.post("/keys", json={"key": "02" + "zz" * 32}, auth=auth)
    assert invalid.status_code == 400 and "Invalid public key" in invalid.json()["error"]
    assert [k["key"] for k in client.get("/keys", auth=auth).json()] == [signer.pubkey]
    signed = signer.request(client, "GET", "/keys")
    assert signed.status_code == 200 and len(signed.json()) == 1
    deleted = client.delete(f"/keys/{signer.pubkey}", auth=auth)
    assert deleted.status_code == 200 and deleted.content == b""
    assert client.delete(f"/keys/{signer.pubkey}", auth=auth).status_code == 404
    gone = signer.request(client, "GET", "/buckets")
    assert gone.status_code == 401 and gone.json()["error"] == "Public key not registered"


def test_signed_buckets_and_rejections(client: httpx.Client) -> None:
    email, _, signer = keyed_user(client)
    created = signer.request(client, "POST", "/buckets", {"name": "cats", "storage": 1})
    assert created.status_code == 200, created.text
    bucket = created.json()
    assert bucket["user"] == email and bucket["name"] == "cats" and bucket["transfer"] == 30
    assert bucket["pubkeys"] == [signer.pubkey] and bucket["status"] == "Active"
    assert len(bucket["id"]) == 24
    listed = signer.request(client, "GET", "/buckets")
    assert [b["id"] for b in listed.json()] == [bucket["id"]]
    patched = signer.request(client, "PATCH", f"/buckets/{bucket['id']}", {"name": "dogs"})
    assert patched.json()["name"] == "dogs"
    assert signer.request(client, "GET", f"/buckets/{bucket['id']}").json()["name"] == "dogs"

    tampered = signer.request(client, "POST", "/buckets", {"name": "x"}, tamper=True)
    assert tampered.status_code == 401 and tampered.json() == {"error": "Invalid signature"}
    stranger = Signer()
    wrong_key = stranger.request(client, "GET", "/buckets", pubkey=signer.pubkey)
    assert wrong_key.status_code == 401 and wrong_key.json()["error"] == "Invalid signature"
    unregistered = stranger.request(client, "GET", "/buckets")
    assert unregistered.json()["error"] == "Public key not registered"

    nonce = str(uuid.uuid4())
    assert signer.request(client, "GET", "/buckets", nonce=nonce).status_code == 200
    replay = signer.request(client, "GET", "/buckets", nonce=nonce)
    assert replay.status_code == 400 and "duplicate key" in replay.json()["error"]

    assert signer.request(client, "DELETE", f"/buckets/{bucket['id']}").status_code == 204
    missing = signer.request(client, "GET", f"/buckets/{bucket['id']}")
    assert missing.status_code == 404 and "not found" in missing.json()["error"]


def test_upload_and_download_round_trip(client: httpx.Client) -> None:
    _, auth, signer = keyed_user(client)
    bucket = signer.request(client, "POST", "/buckets", {"name": "files"}).json()
    base = f"/buckets/{bucket['id']}"
    data = secrets.token_bytes(2 * 1024 * 1024 + 12345)  # three 1 MiB shards

    push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    assert push["operation"] == "PUSH" and push["bucket"] == bucket["id"]
    assert len(push["token"]) == 64 and push["id"] == push["token"]
    headers = {"x-token": push["token"], "x-filesize": str(len(data))}
    files = {"file": ("photo.jpg", data, "image/jpeg")}
    uploaded = client.put(f"{base}/files", headers=headers, files=files)
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json() == {
        "bucket": bucket["id"],
        "mimetype": "image/jpeg",
        "filename": "photo.jpg",
        "size": len(data),
        "hash": bridge_hash(data),
    }
    reused = client.put(f"{base}/files", headers=headers, files=files)
    assert reused.status_code == 500 and reused.json() == {"error": "Invalid or expired token"}
    assert client.get(f"{base}/files", auth=auth).json() == [uploaded.json()]

    file_hash = bridge_hash(data)
    wrong_op = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    refused = client.get(f"{base}/files/{file_hash}", headers={"x-token": wrong_op["token"]})
    assert refused.status_code == 401 and "retrieve" in refused.json()["error"]
    pull = signer.request(client, "POST", f"{base}/tokens", {"operation": "PULL"}).json()
    pointers = client.get(f"{base}/files/{file_hash}", headers={"x-token": pull["token"]})
    assert pointers.status_code == 200
    assert [p["operation"] for p in pointers.json()] == ["PULL"] * 3
    farmer = urlsplit(pointers.json()[0]["channel"])
    assert farmer.scheme == "ws"
    parts = []
    for pointer in pointers.json():
        url = f"http://{farmer.netloc}/shards/{pointer['hash']}"
        shard = client.get(url, params={"token": pointer["token"]})
        assert shard.status_code == 200
        assert bridge_hash(shard.content) == pointer["hash"]
        parts.append(shard.content)
    assert bridge_hash(b"".join(parts)) == file_hash
    first = pointers.json()[0]
    again = client.get(f"/shards/{first['hash']}", params={"token": first["token"]})
    assert again.status_code == 401, "shard tokens are single use"
    used_pull = client.get(f"{base}/files/{file_hash}", headers={"x-token": pull["token"]})
    assert used_pull.status_code == 500

    pull = signer.request(client, "POST", f"{base}/tokens", {"operation": "PULL"}).json()
    last = client.get(f"{base}/files/{file_hash}", headers={"x-token": pull["token"]}).json()[-1]
    ranged = client.get(
        f"/shards/{last['hash']}", params={"token": last["token"]}, headers={"range": "bytes=10-"}
    )
    assert ranged.status_code == 206 and ranged.content == data[2 * 1024 * 1024 + 10 :]

    assert signer.request(client, "DELETE", f"{base}/files/{file_hash}").status_code == 204
    assert client.get(f"{base}/files", auth=auth).json() == []


def test_the_advertised_farmer_channel_can_be_moved_and_back(client: httpx.Client) -> None:
    """``/_emulator/channel``: the fault matrix puts a proxy in front of the shard downloads."""
    _, _, signer = keyed_user(client)
    bucket = signer.request(client, "POST", "/buckets", {"name": "channel"}).json()
    base = f"/buckets/{bucket['id']}"
    push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    headers = {"x-token": push["token"], "x-filesize": "5"}
    assert client.put(f"{base}/files", headers=headers, files={"file": ("a", b"12345")}).is_success

    def channel() -> str:
        pull = signer.request(client, "POST", f"{base}/tokens", {"operation": "PULL"}).json()
        answer = client.get(
            f"{base}/files/{bridge_hash(b'12345')}", headers={"x-token": pull["token"]}
        )
        value = answer.json()[0]["channel"]
        assert isinstance(value, str)
        return value

    own = channel()
    assert own == "ws://" + urlsplit(str(client.base_url)).netloc
    try:
        moved = client.put("/_emulator/channel", json={"url": "http://127.0.0.1:9/"})
        assert moved.json() == {"channel": "ws://127.0.0.1:9"}
        assert channel() == "ws://127.0.0.1:9"
        assert client.put("/_emulator/channel", json={"url": "ftp://x"}).status_code == 400
    finally:
        assert client.delete("/_emulator/channel").status_code == 204
    assert channel() == own


def test_token_by_bucket_pubkey_and_upload_errors(client: httpx.Client) -> None:
    _, _, signer = keyed_user(client)
    guest = Signer()  # registered to nobody, listed in the bucket
    params = {"name": "shared", "pubkeys": [signer.pubkey, guest.pubkey]}
    bucket = signer.request(client, "POST", "/buckets", params).json()
    base = f"/buckets/{bucket['id']}"
    token = guest.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"})
    assert token.status_code == 200, token.text
    headers = {"x-token": token.json()["token"], "x-filesize": "3"}
    too_long = client.put(f"{base}/files", headers=headers, files={"f": ("a.txt", b"abcd")})
    assert too_long.status_code == 400 and "exceeds" in too_long.json()["error"]
    push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    no_size = client.put(
        f"{base}/files", headers={"x-token": push["token"]}, files={"f": ("a.txt", b"a")}
    )
    assert no_size.status_code == 400 and "x-filesize" in no_size.json()["error"]


def test_storage_and_transfer_limits(client: httpx.Client) -> None:
    _, _, signer = keyed_user(client)
    gb = 1024**3
    params = {"name": "tiny", "storage": 1000 / gb, "transfer": 2500 / gb}
    bucket = signer.request(client, "POST", "/buckets", params).json()
    base = f"/buckets/{bucket['id']}"

    def upload(data: bytes) -> httpx.Response:
        push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
        headers = {"x-token": push["token"], "x-filesize": str(len(data))}
        return client.put(f"{base}/files", headers=headers, files={"f": ("b.bin", data)})

    too_big = upload(b"x" * 1001)
    assert too_big.status_code == 400 and "storage" in too_big.json()["error"]
    data = b"y" * 900
    assert upload(data).status_code == 200
    for _ in range(2):  # 900 up + 900 down + 900 down > 2500
        pull = signer.request(client, "POST", f"{base}/tokens", {"operation": "PULL"}).json()
        answer = client.get(f"{base}/files/{bridge_hash(data)}", headers={"x-token": pull["token"]})
        if answer.status_code != 200:
            break
        pointer = answer.json()[0]
        client.get(f"/shards/{pointer['hash']}", params={"token": pointer["token"]})
    assert answer.status_code == 420 and "transfer" in answer.json()["error"]


def test_fault_rules(client: httpx.Client) -> None:
    rules = [
        {"method": "GET", "path": "^/buckets$", "action": "status", "status": 503, "count": 2},
        {"method": "GET", "path": "^/shards/", "action": "drop", "after_bytes": 100},
    ]
    assert client.post("/_emulator/faults", json={"rules": rules}).status_code == 200
    auth = ("demo@example.com", sha256_hex("demo-password"))
    for _ in range(2):
        burst = client.get("/buckets", auth=auth)
        assert burst.status_code == 503 and burst.json() == {"error": "Injected fault 503"}
    assert client.get("/buckets", auth=auth).status_code == 200

    _, _, signer = keyed_user(client)
    bucket = signer.request(client, "POST", "/buckets", {"name": "drop"}).json()
    base = f"/buckets/{bucket['id']}"
    data = secrets.token_bytes(5000)
    push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    headers = {"x-token": push["token"], "x-filesize": str(len(data))}
    assert client.put(f"{base}/files", headers=headers, files={"f": ("d", data)}).is_success
    pull = signer.request(client, "POST", f"{base}/tokens", {"operation": "PULL"}).json()
    pointer = client.get(f"{base}/files/{bridge_hash(data)}", headers={"x-token": pull["token"]})
    with pytest.raises(httpx.RemoteProtocolError):
        first = pointer.json()[0]
        client.get(f"/shards/{first['hash']}", params={"token": first["token"]})
    stats = client.get("/_emulator/stats").json()
    assert stats["faults_fired"] >= 3 and stats["uploads"] >= 1
    assert client.get("/_emulator/faults").json() == {"rules": []}

    upload_drop = [{"method": "PUT", "path": "/files$", "action": "drop", "after_bytes": 1000}]
    client.post("/_emulator/faults", json={"rules": upload_drop})
    push = signer.request(client, "POST", f"{base}/tokens", {"operation": "PUSH"}).json()
    headers = {"x-token": push["token"], "x-filesize": str(len(data))}
    with pytest.raises(httpx.TransportError):
        client.put(f"{base}/files", headers=headers, files={"f": ("d", data)})


def test_password_reset_and_account_deletion(client: httpx.Client) -> None:
    email, auth = register(client, "old")
    reset = client.patch(f"/users/{email}", json={"password": sha256_hex("new")})
    assert reset.status_code == 200
    token = client.get(f"/_emulator/activation/{email}").json()["reset_token"]
    assert len(token) == 512
    assert client.get(f"/resets/{token}").status_code == 200
    assert client.get("/keys", auth=auth).status_code == 500
    new_auth = (email, sha256_hex("new"))
    assert client.delete(f"/users/{email}", auth=new_auth).status_code == 200
    token = client.get(f"/_emulator/activation/{email}").json()["deactivation_token"]
    assert client.get(f"/deactivations/{token}").status_code == 200
    assert client.get(f"/_emulator/activation/{email}").status_code == 404


def test_basic_header_encoding(client: httpx.Client) -> None:
    raw = base64.b64encode(f"demo@example.com:{sha256_hex('demo-password')}".encode()).decode()
    assert client.get("/keys", headers={"authorization": f"Basic {raw}"}).status_code == 200


def test_nonce_key_form_and_token_edges(client: httpx.Client) -> None:
    _, auth, signer = keyed_user(client)
    body = json.dumps({"name": "no-nonce"}, separators=(",", ":"))
    headers = {"x-pubkey": signer.pubkey, "x-signature": signer.sign("POST", "/buckets", body)}
    missing = client.post("/buckets", content=body.encode(), headers=headers)
    assert missing.status_code == 500 and "nonce" in missing.json()["error"]
    numeric = signer.request(client, "GET", "/buckets", nonce=1458494144)
    assert numeric.status_code == 200
    assert signer.request(client, "GET", "/buckets", nonce=1458494144).status_code == 400

    uncompressed = signer.key.public_key.format(compressed=False).hex()
    other_form = signer.request(client, "GET", "/buckets", pubkey=uncompressed)
    assert other_form.status_code == 401
    assert other_form.json()["error"] == "Public key not registered"

    one = signer.request(client, "POST", "/buckets", {"name": "one"}).json()
    two = signer.request(client, "POST", "/buckets", {"name": "two"}).json()
    push = signer.request(client, "POST", f"/buckets/{one['id']}/tokens", {"operation": "PUSH"})
    headers = {"x-token": push.json()["token"], "x-filesize": "1"}
    other = client.put(f"/buckets/{two['id']}/files", headers=headers, files={"f": ("a", b"a")})
    assert other.status_code == 401
    assert other.json() == {"error": "Not authorized to store in bucket"}
    bad_op = client.post(f"/buckets/{one['id']}/tokens", json={"operation": "PEEK"}, auth=auth)
    assert bad_op.status_code == 400

    push = signer.request(client, "POST", f"/buckets/{one['id']}/tokens", {"operation": "PUSH"})
    assert client.post("/_emulator/expire_tokens").status_code == 200
    headers = {"x-token": push.json()["token"], "x-filesize": "1"}
    expired = client.put(f"/buckets/{one['id']}/files", headers=headers, files={"f": ("a", b"a")})
    assert expired.status_code == 500 and expired.json()["error"] == "Invalid or expired token"
