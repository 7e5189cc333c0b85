"""The SmartFile emulator over plain httpx: Basic and OAuth 1.0a (three-legged, PLAINTEXT and
HMAC-SHA1), path info and paging, upload, ranged download, the v3 data routes, path
operations and their tasks, links, users, throttling faults and the control endpoints.

The OAuth 1.0a signer below is written here from RFC 5849 on purpose: the flows must not
depend on the client's signer (cloudspec.smartfile) or on the emulator's verifier. One more
test signs with oauthlib itself (what the client uses) to show the verifier agrees with it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import secrets
import time
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, quote, urlencode, urlsplit

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator

from cloudspec.emulators import ServerURLs, run

OAUTH_FAILURE = "Could not verify OAuth request."
FORM_TYPE = "application/x-www-form-urlencoded"
SPEC_PATH = Path(__file__).resolve().parents[2] / "specs" / "smartfile.yaml"
DONE = ("SUCCESS", "FAILURE")


# ---- an RFC 5849 signer, independent of the emulator's verifier ----
def pct(text: str) -> str:
    return quote(text, safe="~")


def oauth_header(
    method: str,
    url: str,
    client: tuple[str, str],
    token: tuple[str, str] | None = None,
    *,
    signature_method: str = "PLAINTEXT",
    form: Sequence[tuple[str, str]] = (),
    extra: dict[str, str] | None = None,
    timestamp: int | None = None,
    nonce: str | None = None,
) -> str:
    params = {
        "oauth_consumer_key": client[0],
        "oauth_nonce": nonce or secrets.token_hex(12),
        "oauth_timestamp": str(timestamp if timestamp is not None else int(time.time())),
        "oauth_signature_method": signature_method,
        "oauth_version": "1.0",
        **(extra or {}),
    }
    if token is not None:
        params["oauth_token"] = token[0]
    key = f"{pct(client[1])}&{pct(token[1] if token else '')}"
    if signature_method == "PLAINTEXT":
        signature = key
    else:
        parts = urlsplit(url)
        uri = f"{parts.scheme}://{parts.netloc.lower()}{parts.path}"
        pairs = parse_qsl(parts.query, keep_blank_values=True) + list(form)
        pairs += list(params.items())
        encoded = sorted((pct(k), pct(v)) for k, v in pairs)
        normalised = "&".join(f"{k}={v}" for k, v in encoded)
        base = "&".join((pct(method.upper()), pct(uri), pct(normalised)))
        digest = hmac.new(key.encode(), base.encode(), hashlib.sha1).digest()
        signature = base64.b64encode(digest).decode()
    params["oauth_signature"] = signature
    return "OAuth " + ", ".join(f'{pct(k)}="{pct(v)}"' for k, v in params.items())


# ---- fixtures and helpers ----
@pytest.fixture(scope="module")
def base(smartfile_server: ServerURLs) -> str:
    return smartfile_server.base_url


@pytest.fixture(scope="module")
def creds(base: str) -> dict[str, Any]:
    answer = httpx.get(f"{base}/_emulator/credentials", trust_env=False)
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


@pytest.fixture
def api(base: str, creds: dict[str, Any]) -> Iterator[httpx.Client]:
    auth = (creds["basic"]["key"], creds["basic"]["password"])
    with httpx.Client(base_url=base, auth=auth, trust_env=False, timeout=10) as client:
        yield client


@pytest.fixture
def anon(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, trust_env=False, timeout=10) as client:
        yield client


@pytest.fixture
def folder(api: httpx.Client) -> str:
    """A fresh directory for one test (the server is shared by the session)."""
    path = f"/t-{uuid.uuid4().hex[:10]}"
    assert api.post("/api/2/path/oper/mkdir/", data={"path": path}).status_code == 200
    return path


def enc(path: str) -> str:
    return quote(path.lstrip("/"), safe="/")


def put(api: httpx.Client, path: str, data: bytes) -> dict[str, Any]:
    answer = api.put(f"/api/3/path/data/{enc(path)}", content=data)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def wait_task(api: httpx.Client, task_uuid: str) -> dict[str, Any]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        body: dict[str, Any] = api.get(f"/api/2/task/{task_uuid}/").json()
        if body["result"]["status"] in DONE:
            return body
        time.sleep(0.01)
    raise AssertionError(f"task {task_uuid} did not finish")


def as_form(pairs: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Pairs as httpx's form mapping (a list value goes out as repeated keys)."""
    form: dict[str, list[str]] = {}
    for key, value in pairs:
        form.setdefault(key, []).append(value)
    return form


def oper(api: httpx.Client, name: str, data: Any) -> dict[str, Any]:
    if isinstance(data, list):
        data = as_form(data)
    answer = api.post(f"/api/2/path/oper/{name}/", data=data)
    assert answer.status_code == 200, answer.text
    assert set(answer.json()) == {"uuid"}
    return wait_task(api, answer.json()["uuid"])


def stats(base: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(f"{base}/_emulator/stats", trust_env=False).json()
    return body


# ---- service basics and auth ----
def test_ping_needs_no_auth_and_whoami_names_the_user(
    anon: httpx.Client, api: httpx.Client, creds: dict[str, Any]
) -> None:
    answer = anon.get("/api/2/ping/")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.json() == {"ping": "pong"}
    me = api.get("/api/2/whoami/").json()
    assert me == {
        "address": "127.0.0.1",
        "user": {"username": "demo", "name": "Demo User", "email": "demo@example.com"},
        "site": {"name": "demo"},
    }
    assert me["user"] == creds["user"]
    for value in (*creds["basic"].values(), *creds["oauth"].values()):
        assert len(value) == 30


def test_basic_missing_wrong_and_right(
    base: str, anon: httpx.Client, api: httpx.Client, creds: dict[str, Any]
) -> None:
    before = stats(base)["auth_failures"]
    missing = anon.get("/api/2/whoami/")
    assert missing.status_code == 401
    assert missing.json() == {"detail": "Authentication credentials were not provided."}
    assert missing.headers["www-authenticate"] == 'Basic realm="api"'
    bearer = anon.get("/api/2/whoami/", headers={"authorization": "Bearer x"})
    assert bearer.json() == {"detail": "Authentication credentials were not provided."}
    wrong = anon.get("/api/2/whoami/", auth=(creds["basic"]["key"], "x" * 30))
    assert wrong.status_code == 401
    assert wrong.json() == {"detail": "Invalid username/password."}
    assert wrong.headers["www-authenticate"] == 'Basic realm="api"'
    assert anon.get("/api/2/path/info/", auth=("nobody", "nothing")).status_code == 401
    assert stats(base)["auth_failures"] == before + 4
    assert api.get("/api/2/whoami/").status_code == 200


def test_unknown_url_is_django_html_404_and_wrong_method_405(api: httpx.Client) -> None:
    for url in ("/api/2/nothing/", "/api/2/ping", "/somewhere", "/api/9/path/info/x"):
        answer = api.get(url)
        assert answer.status_code == 404, url
        assert answer.headers["content-type"].startswith("text/html"), url
    answer = api.put("/api/2/ping/")
    assert answer.status_code == 405
    assert answer.json() == {"detail": 'Method "PUT" not allowed.'}


# ---- OAuth 1.0a ----
def _three_legged(
    anon: httpx.Client, base: str, client: tuple[str, str], method: str, callback: str | None
) -> tuple[str, str]:
    """Request token, approval, access token: the access pair."""
    url = f"{base}/oauth/request_token/"
    extra = {"oauth_callback": callback} if callback else None
    header = oauth_header("POST", url, client, signature_method=method, extra=extra)
    answer = anon.post(url, headers={"authorization": header})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/x-www-form-urlencoded"
    reply = parse_qs(answer.text)
    assert reply["oauth_callback_confirmed"] == ["true"]
    request_pair = (reply["oauth_token"][0], reply["oauth_token_secret"][0])
    assert all(len(value) == 30 for value in request_pair)
    if callback is None:
        approved = anon.post(
            f"{base}/_emulator/oauth/authorize", json={"oauth_token": request_pair[0]}
        )
        verifier = approved.json()["oauth_verifier"]
    else:
        page = anon.get("/oauth/authorize/", params={"oauth_token": request_pair[0]})
        assert page.status_code == 200
        assert "<form" in page.text and request_pair[0] in page.text
        approved = anon.post(
            "/oauth/authorize/", data={"oauth_token": request_pair[0], "allow": "1"}
        )
        assert approved.status_code == 302
        location = urlsplit(approved.headers["location"])
        assert location.netloc == "client.example"
        query = parse_qs(location.query)
        assert query["state"] == ["s1"]
        assert query["oauth_token"] == [request_pair[0]]
        verifier = query["oauth_verifier"][0]
    url = f"{base}/oauth/access_token/"
    header = oauth_header(
        "POST",
        url,
        client,
        request_pair,
        signature_method=method,
        extra={"oauth_verifier": verifier},
    )
    answer = anon.post(url, headers={"authorization": header})
    assert answer.status_code == 200, answer.text
    reply = parse_qs(answer.text)
    access = (reply["oauth_token"][0], reply["oauth_token_secret"][0])
    assert all(len(value) == 30 for value in access)
    # A request token is single use.
    again = oauth_header(
        "POST",
        url,
        client,
        request_pair,
        signature_method=method,
        extra={"oauth_verifier": verifier},
    )
    assert anon.post(url, headers={"authorization": again}).status_code == 403
    return access


@pytest.mark.parametrize("method", ["PLAINTEXT", "HMAC-SHA1"])
def test_oauth_three_legged_flow(
    anon: httpx.Client, base: str, creds: dict[str, Any], method: str, folder: str
) -> None:
    client = (creds["oauth"]["client_token"], creds["oauth"]["client_secret"])
    callback = "https://client.example/done?state=s1" if method == "HMAC-SHA1" else None
    verified = stats(base)["oauth_verified"]
    access = _three_legged(anon, base, client, method, callback)
    url = f"{base}/api/2/whoami/"
    header = oauth_header("GET", url, client, access, signature_method=method)
    answer = anon.get(url, headers={"authorization": header})
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["username"] == "demo"
    # Query parameters and a form body are covered by the signature.
    url = f"{base}/api/2/path/info/{enc(folder)}?children=true&fields=name&fields=size"
    header = oauth_header("GET", url, client, access, signature_method=method)
    assert anon.get(url, headers={"authorization": header}).status_code == 200
    form = [("path", f"{folder}/made by oauth & co"), ("path", f"{folder}/second")]
    url = f"{base}/api/2/path/oper/mkdir/"
    header = oauth_header("POST", url, client, access, signature_method=method, form=form)
    answer = anon.post(url, headers={"authorization": header}, data=as_form(form))
    assert answer.status_code == 200, answer.text
    assert answer.json()["path"] == f"{folder}/second"
    assert stats(base)["oauth_verified"] >= verified + 5


def test_oauth_rejections(anon: httpx.Client, base: str, creds: dict[str, Any]) -> None:
    client = (creds["oauth"]["client_token"], creds["oauth"]["client_secret"])
    access = _three_legged(anon, base, client, "HMAC-SHA1", "https://client.example/?state=s1")
    url = f"{base}/api/2/whoami/"

    def call(header: str) -> httpx.Response:
        return anon.get(url, headers={"authorization": header})

    stamp, nonce = int(time.time()), secrets.token_hex(8)
    header = oauth_header("GET", url, client, access, timestamp=stamp, nonce=nonce)
    assert call(header).status_code == 200
    reused = call(oauth_header("GET", url, client, access, timestamp=stamp, nonce=nonce))
    tampered = call(oauth_header("GET", url, client, access).replace('signature="', 'signature="x'))
    hmac_header = oauth_header("GET", url, client, access, signature_method="HMAC-SHA1")
    wrong_uri = anon.get(f"{url}?x=1", headers={"authorization": hmac_header})
    stale = call(oauth_header("GET", url, client, access, timestamp=stamp - 1000))
    wrong_secret = call(oauth_header("GET", url, (client[0], "y" * 30), access))
    unknown_token = call(oauth_header("GET", url, client, ("t" * 30, access[1])))
    bad_method = call(oauth_header("GET", url, client, access).replace("PLAINTEXT", "RSA-SHA1"))
    for answer in (reused, tampered, wrong_uri, stale, wrong_secret, unknown_token, bad_method):
        assert answer.status_code == 403
        assert answer.headers["content-type"] == "text/plain"
        assert answer.text == OAUTH_FAILURE
    # A rejected (wrong) signature does not spend the nonce of the real request.
    nonce = secrets.token_hex(8)
    forged = oauth_header("GET", url, (client[0], "z" * 30), access, nonce=nonce, timestamp=stamp)
    assert call(forged).status_code == 403
    assert call(oauth_header("GET", url, client, access, nonce=nonce, timestamp=stamp)).is_success
    # Expired (revoked) tokens fail the same way.
    assert httpx.post(f"{base}/_emulator/expire", trust_env=False).json()["expired"] >= 1
    assert call(oauth_header("GET", url, client, access)).text == OAUTH_FAILURE


@pytest.mark.parametrize("method", ["PLAINTEXT", "HMAC-SHA1"])
def test_oauthlib_signed_requests_verify(
    anon: httpx.Client, base: str, creds: dict[str, Any], method: str, folder: str
) -> None:
    """The library the client signs with (oauthlib) and the emulator's verifier agree, on the
    whole flow and on paths, queries and form bodies full of characters that need encoding."""
    oauth1 = pytest.importorskip("oauthlib.oauth1")
    key, secret = creds["oauth"]["client_token"], creds["oauth"]["client_secret"]

    def send(signer: Any, http_method: str, url: str, form: str | None = None) -> httpx.Response:
        headers = {"Content-Type": FORM_TYPE} if form is not None else {}
        uri, signed, body = signer.sign(url, http_method, form, headers)
        return anon.request(http_method, uri, headers=signed, content=body)

    flow = oauth1.Client(key, secret, signature_method=method, callback_uri="oob")
    answer = send(flow, "POST", f"{base}/oauth/request_token/")
    assert answer.status_code == 200, answer.text
    request_pair = parse_qs(answer.text)
    request_token = request_pair["oauth_token"][0]
    approved = anon.post(f"{base}/_emulator/oauth/authorize", json={"oauth_token": request_token})
    exchange = oauth1.Client(
        key,
        secret,
        resource_owner_key=request_token,
        resource_owner_secret=request_pair["oauth_token_secret"][0],
        verifier=approved.json()["oauth_verifier"],
        signature_method=method,
    )
    answer = send(exchange, "POST", f"{base}/oauth/access_token/")
    assert answer.status_code == 200, answer.text
    access = parse_qs(answer.text)
    signer = oauth1.Client(
        key,
        secret,
        resource_owner_key=access["oauth_token"][0],
        resource_owner_secret=access["oauth_token_secret"][0],
        signature_method=method,
    )
    name = "a b&c=d?e#f%g;h+i~ü"
    form = urlencode([("path", f"{folder}/{name}"), ("extra", "x y & z"), ("extra", "ü")])
    answer = send(signer, "POST", f"{base}/api/2/path/oper/mkdir/", form)
    assert answer.status_code == 200, answer.text
    url = f"{base}/api/2/path/info/{enc(folder + '/' + name)}"
    answer = send(signer, "GET", f"{url}?children=true&fields=name%2Csize&q=%C3%BC+%26")
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == name


# ---- path info, upload, download, v3 ----
def test_path_info_children_paging_and_fields(api: httpx.Client, folder: str) -> None:
    for index in range(5):
        put(api, f"{folder}/f{index}.txt", b"x" * index)
    api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/sub"})
    info = api.get(f"/api/2/path/info/{enc(folder)}").json()
    assert info["isdir"] is True and info["isfile"] is False
    assert info["items"] == 6 and info["size"] == 10
    assert info["path"] == folder and info["name"] == folder[1:]
    assert info["mime"] == "application/x-directory" and info["extension"] == ""
    assert info["url"].endswith(f"/api/2/path/info/{folder[1:]}")
    assert "children" not in info
    assert len(info["time"]) == 19 and info["time"][10] == "T"
    page = api.get(
        f"/api/2/path/info/{enc(folder)}", params={"children": "on", "limit": 2, "page": 2}
    ).json()
    assert (page["page"], page["pages"], page["total"], page["per_page"]) == (2, 3, 6, 2)
    assert [child["name"] for child in page["children"]] == ["f2.txt", "f3.txt"]
    child = page["children"][0]
    assert child["size"] == 2 and child["extension"] == ".txt" and child["mime"] == "text/plain"
    assert child["isfile"] is True and child["items"] == 0 and child["owner"] is None
    assert child["acl"] == {"list": True, "read": True, "write": True, "remove": True}
    assert child["attributes"] == {} and child["tags"] == []
    for fields in (["name", "size"], ["name,size"]):
        answer = api.get(
            f"/api/2/path/info/{enc(folder)}", params={"children": "True", "fields": fields}
        ).json()
        assert all(set(item) == {"name", "size"} for item in answer["children"])
    past = api.get(f"/api/2/path/info/{enc(folder)}", params={"children": "1", "page": 9})
    assert past.status_code == 404 and past.json() == {"detail": "Invalid page."}
    missing = api.get(f"/api/2/path/info/{enc(folder)}/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    root = api.get("/api/2/path/info/").json()
    assert root["path"] == "/" and root["name"] == "" and root["isdir"] is True
    # One trailing slash and doubled slashes are accepted.
    assert api.get(f"/api/2/path/info/{enc(folder)}//f1.txt/").json()["size"] == 1


def test_upload_single_multiple_overwrite_and_errors(api: httpx.Client, folder: str) -> None:
    url = f"/api/2/path/data/{enc(folder)}"
    one = api.post(url, files={"file": ("a.txt", b"hello")})
    assert one.status_code == 200
    assert one.json()["path"] == f"{folder}/a.txt" and one.json()["size"] == 5
    several = api.post(
        url,
        files=[
            ("file", ("b.bin", b"\x00" * 70000)),
            ("other", ("c.txt", b"cc")),
            ("note", (None, b"not a file")),
        ],
    )
    assert several.status_code == 200
    assert [item["name"] for item in several.json()] == ["b.bin", "c.txt"]
    again = api.post(url, files={"file": ("a.txt", b"replaced!")}).json()
    assert again["id"] == one.json()["id"] and again["size"] == 9
    assert api.get(f"/api/2/path/data/{enc(folder)}/a.txt").content == b"replaced!"
    missing = api.post(f"{url}/nope", files={"file": ("x", b"x")})
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    empty = api.post(url, data={"k": "v"}, files={"note": (None, b"v")})
    assert empty.status_code == 400 and empty.json() == {"file": ["No file was submitted."]}


def test_download_whole_ranges_and_errors(base: str, api: httpx.Client, folder: str) -> None:
    data = secrets.token_bytes(600_000)
    put(api, f"{folder}/big.bin", data[:100])
    patch = api.patch(
        f"/api/3/path/data/{enc(folder)}/big.bin",
        content=data[100:],
        headers={"range": "bytes=100-"},
    )
    assert patch.status_code == 200 and patch.json()["size"] == len(data)
    url = f"/api/2/path/data/{enc(folder)}/big.bin"
    before = stats(base)
    whole = api.get(url)
    assert whole.status_code == 200 and whole.content == data
    assert whole.headers["content-type"] == "application/octet-stream"
    assert whole.headers["accept-ranges"] == "bytes"
    assert stats(base)["bytes_out"] == before["bytes_out"] + len(data)
    assert stats(base)["downloads"] == before["downloads"] + 1
    with api.stream("GET", url) as streamed:
        assert b"".join(streamed.iter_bytes()) == data
    tail = api.get(url, headers={"range": "bytes=599990-"})
    assert tail.status_code == 206 and tail.content == data[599990:]
    assert tail.headers["content-range"] == f"bytes 599990-599999/{len(data)}"
    middle = api.get(url, headers={"range": "bytes=262140-262150"})
    assert middle.status_code == 206 and middle.content == data[262140:262151]
    suffix = api.get(url, headers={"range": "bytes=-5"})
    assert suffix.status_code == 206 and suffix.content == data[-5:]
    beyond = api.get(url, headers={"range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{len(data)}"
    assert beyond.json() == {"detail": "Requested range not satisfiable."}
    missing = api.get(f"/api/2/path/data/{enc(folder)}/none.bin")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}
    directory = api.get(f"/api/2/path/data/{enc(folder)}")
    assert directory.status_code == 400 and "detail" in directory.json()


def test_v3_put_patch_delete(api: httpx.Client, folder: str) -> None:
    url = f"/api/3/path/data/{enc(folder)}/v3.txt"
    created = put(api, f"{folder}/v3.txt", b"abc")
    assert created["size"] == 3 and created["isfile"] is True
    assert put(api, f"{folder}/v3.txt", b"abcd")["id"] == created["id"]
    wrong = api.patch(url, content=b"zz", headers={"range": "bytes=2-"})
    assert wrong.status_code == 416 and wrong.headers["content-range"] == "bytes */4"
    no_range = api.patch(url, content=b"zz")
    assert no_range.status_code == 400
    appended = api.patch(url, content=b"ef", headers={"range": "bytes=4-"})
    assert appended.status_code == 200 and appended.json()["size"] == 6
    assert api.get(f"/api/2/path/data/{enc(folder)}/v3.txt").content == b"abcdef"
    orphan = api.put(f"/api/3/path/data/{enc(folder)}/no/such/dir.txt", content=b"x")
    assert orphan.status_code == 404
    assert api.delete(f"/api/3/path/data/{enc(folder)}").status_code == 400
    assert api.delete(url).status_code == 204
    assert api.delete(url).status_code == 404
    assert api.get(f"/api/2/path/info/{enc(folder)}/v3.txt").status_code == 404


@pytest.mark.parametrize(
    "name", ["what?.txt", "hash#tag", "100%", "a&b=c", "with space", "ünï €.txt", "semi;colon"]
)
def test_path_quoting(api: httpx.Client, folder: str, name: str) -> None:
    path = f"{folder}/dir {name}/{name}"
    made = api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/dir {name}"})
    assert made.json()["name"] == f"dir {name}"
    stored = put(api, path, name.encode())
    assert stored["path"] == path and stored["name"] == name
    assert stored["url"].endswith("/api/2/path/info/" + enc(path))
    info = api.get(f"/api/2/path/info/{enc(path)}").json()
    assert info["path"] == path
    assert api.get(f"/api/2/path/data/{enc(path)}").content == name.encode()
    listing = api.get(
        f"/api/2/path/info/{enc(folder + '/dir ' + name)}", params={"children": "true"}
    )
    assert [child["name"] for child in listing.json()["children"]] == [name]
    uploaded = api.post(
        f"/api/2/path/data/{enc(folder + '/dir ' + name)}", files={"file": (f"up {name}", b"u")}
    )
    assert uploaded.json()["path"] == f"{folder}/dir {name}/up {name}"


# ---- operations and tasks ----
def test_task_goes_pending_progress_success(api: httpx.Client, folder: str) -> None:
    put(api, f"{folder}/gone.txt", b"bye")
    answer = api.post("/api/2/path/oper/remove/", data={"path": f"{folder}/gone.txt"})
    task_uuid = answer.json()["uuid"]
    seen: list[str] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        body = api.get(f"/api/2/task/{task_uuid}/").json()
        assert body["status"] == body["result"]["status"] and body["uuid"] == task_uuid
        if not seen or seen[-1] != body["status"]:
            seen.append(body["status"])
        if body["status"] in DONE:
            break
        time.sleep(0.005)
    assert seen == ["PENDING", "PROGRESS", "SUCCESS"]
    assert body["result"]["result"] == {"errors": {}}
    assert api.get(f"/api/2/path/info/{enc(folder)}/gone.txt").status_code == 404
    unknown = api.get(f"/api/2/task/{uuid.uuid4()}/")
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Not found."}


def test_remove_partial_failure_failure_and_validation(api: httpx.Client, folder: str) -> None:
    api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/d/deep"})
    put(api, f"{folder}/d/deep/x.txt", b"x")
    partial = oper(api, "remove", [("path", f"{folder}/d"), ("path", f"{folder}/missing")])
    assert partial["result"]["status"] == "SUCCESS"
    assert partial["result"]["result"]["errors"] == {
        f"{folder}/missing": "No such file or directory"
    }
    assert api.get(f"/api/2/path/info/{enc(folder)}/d").status_code == 404
    failed = oper(api, "remove", {"path": f"{folder}/missing"})
    assert failed["status"] == "FAILURE"
    assert set(failed["result"]["result"]["errors"]) == {f"{folder}/missing"}
    required = api.post("/api/2/path/oper/remove/", data={})
    assert required.status_code == 400
    assert required.json() == {"path": ["This field is required."]}
    move = api.post("/api/2/path/oper/move/", data={"src": "/x"})
    assert move.json() == {"dst": ["This field is required."]}


def test_move_and_copy(api: httpx.Client, folder: str) -> None:
    for name in ("a.txt", "b.txt"):
        put(api, f"{folder}/{name}", name.encode())
    api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/into"})
    moved = oper(
        api,
        "move",
        [("src", f"{folder}/a.txt"), ("src", f"{folder}/b.txt"), ("dst", f"{folder}/into")],
    )
    assert moved["status"] == "SUCCESS" and moved["result"]["result"]["errors"] == {}
    assert api.get(f"/api/2/path/data/{enc(folder)}/into/b.txt").content == b"b.txt"
    assert api.get(f"/api/2/path/info/{enc(folder)}/a.txt").status_code == 404
    api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/backup"})
    copied = oper(api, "copy", {"src": f"{folder}/into", "dst": f"{folder}/backup"})
    assert copied["status"] == "SUCCESS"
    copy = api.get(f"/api/2/path/info/{enc(folder)}/backup/into", params={"children": "1"})
    assert [child["name"] for child in copy.json()["children"]] == ["a.txt", "b.txt"]
    put(api, f"{folder}/backup/into/a.txt", b"changed")  # the original is unaffected
    assert api.get(f"/api/2/path/data/{enc(folder)}/into/a.txt").content == b"a.txt"
    clash = oper(api, "copy", {"src": f"{folder}/into", "dst": f"{folder}/backup"})
    assert clash["status"] == "FAILURE"
    nowhere = oper(api, "move", {"src": f"{folder}/into", "dst": f"{folder}/nowhere"})
    assert nowhere["status"] == "FAILURE"
    assert api.get(f"/api/2/path/info/{enc(folder)}/into").status_code == 200


def test_checksums(api: httpx.Client, folder: str) -> None:
    data = secrets.token_bytes(300_000)
    put(api, f"{folder}/sum.bin", data)
    for algorithm in ("md5", "sha1", "sha256"):
        done = oper(
            api,
            "checksum",
            [("path", f"{folder}/sum.bin"), ("path", f"{folder}"), ("algorithm", algorithm)],
        )
        result = done["result"]["result"]
        assert done["status"] == "SUCCESS"
        assert result["checksums"] == {
            f"{folder}/sum.bin": hashlib.new(algorithm, data).hexdigest()
        }
        assert set(result["errors"]) == {folder}
    default = oper(api, "checksum", {"path": f"{folder}/sum.bin"})
    assert (
        default["result"]["result"]["checksums"][f"{folder}/sum.bin"]
        == hashlib.md5(data).hexdigest()
    )
    bad = api.post("/api/2/path/oper/checksum/", data={"path": "/x", "algorithm": "crc"})
    assert bad.status_code == 400 and list(bad.json()) == ["algorithm"]


def test_compress_writes_a_valid_zip(api: httpx.Client, folder: str) -> None:
    put(api, f"{folder}/one.txt", b"one")
    api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/tree/inner"})
    put(api, f"{folder}/tree/inner/two.bin", b"2" * 100_000)
    done = oper(
        api,
        "compress",
        [
            ("path", f"{folder}/one.txt"),
            ("path", f"{folder}/tree"),
            ("path", f"{folder}/absent"),
            ("dst", folder),
            ("name", "out.zip"),
        ],
    )
    assert done["status"] == "SUCCESS"
    assert done["result"]["result"]["path"] == f"{folder}/out.zip"
    assert set(done["result"]["result"]["errors"]) == {f"{folder}/absent"}
    data = api.get(f"/api/2/path/data/{enc(folder)}/out.zip").content
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.read("one.txt") == b"one"
        assert archive.read("tree/inner/two.bin") == b"2" * 100_000
        assert "tree/inner/" in archive.namelist()
    missing = api.post("/api/2/path/oper/compress/", data={"path": "/x"})
    assert missing.json() == {
        "dst": ["This field is required."],
        "name": ["This field is required."],
    }


def test_mkdir_rename_and_json_bodies(api: httpx.Client, folder: str) -> None:
    made = api.post("/api/2/path/oper/mkdir/", json={"path": f"{folder}/j/k"})
    assert made.status_code == 200 and made.json()["path"] == f"{folder}/j/k"
    again = api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/j/k/"})
    assert again.json()["id"] == made.json()["id"]
    put(api, f"{folder}/j/file.txt", b"f")
    blocked = api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/j/file.txt/sub"})
    assert blocked.status_code == 400 and list(blocked.json()) == ["path"]
    renamed = api.post(
        "/api/2/path/oper/rename/", data={"src": f"{folder}/j/file.txt", "dst": "new.txt"}
    )
    assert renamed.status_code == 200 and renamed.json()["path"] == f"{folder}/j/new.txt"
    full = api.post(
        "/api/2/path/oper/rename/", data={"src": f"{folder}/j/new.txt", "dst": f"{folder}/top.txt"}
    )
    assert full.json()["path"] == f"{folder}/top.txt"
    exists = api.post("/api/2/path/oper/rename/", data={"src": f"{folder}/top.txt", "dst": "j"})
    assert exists.status_code == 400 and list(exists.json()) == ["dst"]
    missing = api.post("/api/2/path/oper/rename/", data={"src": f"{folder}/zz", "dst": "y"})
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}


# ---- tasks, links, users ----
def test_task_list_is_paged(api: httpx.Client) -> None:
    for _ in range(3):
        api.post("/api/2/path/oper/remove/", data={"path": "/never-there"})
    first = api.get("/api/2/task/", params={"limit": 2}).json()
    assert first["total"] >= 3 and first["per_page"] == 2 and first["previous"] is None
    assert len(first["results"]) == 2 and first["next"].endswith("limit=2&page=2")
    second = httpx.get(first["next"], auth=api.auth, trust_env=False).json()
    assert second["page"] == 2 and second["previous"].endswith("page=1")
    assert {"uuid", "status", "result"} <= set(second["results"][0])


def test_links_crud_and_paging(api: httpx.Client, folder: str) -> None:
    put(api, f"{folder}/shared.txt", b"s")
    created = api.post(
        "/api/2/link/",
        data={"path": f"{folder}/shared.txt", "list": "on", "write": "false", "recursive": "1"},
    )
    assert created.status_code == 201
    link = created.json()
    assert set(link) == {
        "uid", "href", "acl", "created", "expiration", "name", "owner", "path", "recursive",
        "usage_count", "usage_limit",
    }  # fmt: skip
    assert link["acl"] == {"read": True, "list": True, "write": False, "remove": False}
    assert link["name"] == "shared.txt" and link["path"] == f"{folder}/shared.txt"
    assert link["href"] == f"https://file.ac/{link['uid']}/shared.txt"
    assert link["recursive"] is True and link["owner"] == "demo"
    assert (link["expiration"], link["usage_count"], link["usage_limit"]) == (None, 0, None)
    named = api.post("/api/2/link/", data={"path": folder, "name": "mine"}).json()
    assert named["acl"] == {"read": True, "list": False, "write": False, "remove": False}
    assert api.get(f"/api/2/link/{link['uid']}/").json() == link
    page = api.get("/api/2/link/", params={"limit": 1}).json()
    assert page["per_page"] == 1 and page["total"] >= 2 and len(page["results"]) == 1
    assert api.delete(f"/api/2/link/{link['uid']}/").status_code == 204
    assert api.get(f"/api/2/link/{link['uid']}/").status_code == 404
    assert api.delete(f"/api/2/link/{link['uid']}/").status_code == 404
    bad = api.post("/api/2/link/", data={"path": folder, "read": "maybe"})
    assert bad.status_code == 400 and list(bad.json()) == ["read"]
    gone = api.post("/api/2/link/", data={"path": f"{folder}/none"})
    assert gone.status_code == 400 and list(gone.json()) == ["path"]


def test_users(api: httpx.Client) -> None:
    name = f"u{uuid.uuid4().hex[:8]}"
    created = api.post(
        "/api/2/user/", data={"username": name, "password": "pw", "name": "U", "email": "u@x"}
    )
    assert created.status_code == 201
    assert created.json() == {"username": name, "name": "U", "email": "u@x"}
    duplicate = api.post("/api/2/user/", data={"username": name, "password": "pw"})
    assert duplicate.status_code == 400 and list(duplicate.json()) == ["username"]
    assert api.post("/api/2/user/", data={"username": "x"}).json() == {
        "password": ["This field is required."]
    }
    changed = api.put(f"/api/2/user/{name}/", data={"name": "Renamed"})
    assert changed.json() == {"username": name, "name": "Renamed", "email": "u@x"}
    assert api.get(f"/api/2/user/{name}/").json()["name"] == "Renamed"
    listing = api.get("/api/2/user/").json()
    assert {"username": "demo", "name": "Demo User", "email": "demo@example.com"} in listing[
        "results"
    ]
    assert api.delete(f"/api/2/user/{name}/").status_code == 204
    assert api.get(f"/api/2/user/{name}/").status_code == 404
    assert api.delete("/api/2/user/demo/").status_code == 400


# ---- throttling and control ----
def test_throttling_faults(base: str, api: httpx.Client) -> None:
    control = f"{base}/_emulator/faults"
    fired = stats(base)["faults_fired"]
    rules = [
        {"action": "status", "status": 429, "retry_after": 2, "path": "^/api/2/whoami/$"},
        {"action": "status", "x_throttle": True, "retry_after": 0.25, "path": "^/api/2/ping/$"},
    ]
    armed = httpx.post(control, json={"rules": rules}, trust_env=False)
    assert armed.status_code == 200 and len(armed.json()["rules"]) == 2
    throttled = api.get("/api/2/whoami/")
    assert throttled.status_code == 429 and throttled.headers["retry-after"] == "2"
    assert throttled.json() == {"detail": "Request was throttled. Expected available in 2 seconds."}
    legacy = api.get("/api/2/ping/")
    assert legacy.status_code == 503
    assert legacy.headers["x-throttle"] == "throttled; next=0.25 sec"
    assert "retry-after" not in legacy.headers
    assert api.get("/api/2/whoami/").status_code == 200
    assert api.get("/api/2/ping/").status_code == 200
    assert stats(base)["faults_fired"] == fired + 2
    bad = httpx.post(
        control, json={"rules": [{"action": "drop", "x_throttle": True}]}, trust_env=False
    )
    assert bad.status_code == 400
    plain = httpx.post(
        control, json={"rules": [{"action": "status", "status": 500}]}, trust_env=False
    )
    assert plain.status_code == 200
    failed = api.get("/api/2/ping/")
    assert failed.status_code == 500 and failed.json() == {"detail": "A server error occurred."}
    assert httpx.delete(control, trust_env=False).status_code == 204


def test_settings_seed_and_reset() -> None:
    key, password = "k" * 30, "p" * 30
    seed = {"users": [{"username": "ann", "name": "Ann", "email": "ann@example.com"}]}
    settings = {"api_key": key, "api_password": password, "per_page": 2, "task_seconds": 0}
    with (
        run("smartfile", seed=seed, settings=settings) as urls,
        httpx.Client(base_url=urls.base_url, auth=(key, password), trust_env=False) as api,
    ):
        creds = api.get("/_emulator/credentials").json()
        assert creds["basic"] == {"key": key, "password": password}
        assert creds["user"]["username"] == "ann"
        assert api.get("/api/2/whoami/").json()["user"]["username"] == "ann"
        for index in range(3):
            put(api, f"/f{index}", b"x")
        listing = api.get("/api/2/path/info/", params={"children": "true"}).json()
        assert listing["per_page"] == 2 and listing["pages"] == 2
        assert api.get("/_emulator/stats").json()["uploads"] == 3
        assert api.post("/_emulator/reset").status_code == 204
        assert api.get("/api/2/path/info/").json()["items"] == 0
        assert api.get("/_emulator/stats").json()["uploads"] == 0


# ---- the answers' shapes are the spec's ----
def test_answers_validate_against_the_spec(api: httpx.Client, folder: str) -> None:
    if not SPEC_PATH.exists():
        pytest.skip("specs/smartfile.yaml is not written yet")
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))

    def check(schema_name: str, value: Any) -> None:
        # The whole document is the root, so the component schemas' $refs resolve.
        schema = {**spec, "$ref": f"#/components/schemas/{schema_name}"}
        errors = [error.message for error in Draft202012Validator(schema).iter_errors(value)]
        assert not errors, (schema_name, value, errors)

    check("Ping", api.get("/api/2/ping/").json())
    check("Whoami", api.get("/api/2/whoami/").json())
    put(api, f"{folder}/a.txt", b"abc")
    check("PathInfo", api.post("/api/2/path/oper/mkdir/", data={"path": f"{folder}/d"}).json())
    listing = f"/api/2/path/info/{enc(folder)}"
    check("PathListing", api.get(listing, params={"children": "true"}).json())
    check("PathListing", api.get(listing, params={"children": "true", "fields": "name"}).json())
    several = api.post(
        f"/api/2/path/data/{enc(folder)}", files=[("file", ("x", b"1")), ("file", ("y", b"2"))]
    )
    for item in several.json():
        check("PathInfo", item)
    started = api.post("/api/2/path/oper/checksum/", data={"path": [f"{folder}/a.txt", "/zz"]})
    check("TaskRef", started.json())
    check("Task", api.get(f"/api/2/task/{started.json()['uuid']}/").json())
    check("Task", wait_task(api, started.json()["uuid"]))
    check("Task", oper(api, "compress", {"path": f"{folder}/a.txt", "dst": folder, "name": "z"}))
    check("TaskPage", api.get("/api/2/task/").json())
    check("Link", api.post("/api/2/link/", data={"path": f"{folder}/a.txt"}).json())
    check("LinkPage", api.get("/api/2/link/").json())
    check("UserPage", api.get("/api/2/user/").json())
    rights = api.get("/api/2/right/").json()
    assert "sftp_access" in [right["name"] for right in rights]
    for right in rights:
        check("Right", right)
    check("Error", api.get(f"{listing}/nope").json())
    check("Error", api.get("/api/2/whoami/", auth=("a", "b")).json())
    check("ValidationError", api.post("/api/2/path/oper/remove/").json())
