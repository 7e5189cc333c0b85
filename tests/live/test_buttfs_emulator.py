"""The ButtFS emulator over plain httpx: BCS token and admin calls, folders, files, trash,
versions, shares, history, the request quota and a fault rule.

The BCS signer below is written from reference §1.2 on purpose: the test must not depend on
the client's signer (cloudspec.buttfs.auth) or on the emulator's verifier.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import json
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import httpx
import pytest

from cloudspec.emulators import ServerURLs

VECTORS = Path(__file__).parent.parent / "data" / "buttfs_bcs.json"
CLIENT_ID, CLIENT_SECRET = "buttfs-demo", "buttfs-demo-secret"
ADMIN_ID, ADMIN_SECRET = "buttfs-admin", "buttfs-admin-secret"
FORM_TYPE = 'application/x-www-form-urlencoded; charset="utf-8"'


def _enc(text: str) -> str:
    return quote_plus(text.encode("utf-8"), safe="").replace("~", "%7E")


def _pairs(values: Mapping[str, str], sep: str) -> str:
    keys = sorted(values, key=lambda k: f"{k.lower()}/{values[k].lower()}")
    return "&".join(f"{_enc(k)}{sep}{_enc(values[k])}" for k in keys)


def sign(
    client_id: str,
    secret: str,
    method: str,
    path: str,
    params: Mapping[str, str],
    content_type: str,
    date: str,
) -> tuple[str, str]:
    """(string to sign, Authorization value)."""
    headers = {"Content-Type": content_type, "Date": date}
    text = f"{method.upper()}&{path}&{_pairs(params, '=')}&{_pairs(headers, ':')}"
    mac = hmac.new(secret.encode(), text.encode(), hashlib.sha1).digest()
    return text, f"BCS {client_id}:{base64.b64encode(mac).decode()}"


def _vectors() -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))["vectors"]
    return vectors


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: str(v["id"]))
def test_local_signer_and_emulator_verifier_match_the_vectors(vector: dict[str, Any]) -> None:
    from cloudspec.emulators.buttfs import bcs

    args = (vector["method"], vector["path"], vector["params"])
    text, header = sign(
        vector["client_id"], vector["secret"], *args, vector["content_type"], vector["date"]
    )
    assert text == vector["string_to_sign"]
    assert header == vector["expected_authorization"]
    assert bcs.string_to_sign(*args, vector["content_type"], vector["date"]) == text
    _, sig = header[4:].split(":", 1)
    assert bcs.verify(vector["secret"], sig, *args, vector["content_type"], vector["date"]), (
        "the emulator must accept what the client signs"
    )


def now_date(offset: float = 0) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


def signed_post(
    base: str,
    path: str,
    form: dict[str, str],
    *,
    client_id: str = CLIENT_ID,
    secret: str = CLIENT_SECRET,
    date: str | None = None,
) -> httpx.Response:
    date = date or now_date()
    _, auth = sign(client_id, secret, "POST", path, form, FORM_TYPE, date)
    headers = {"Authorization": auth, "Date": date, "Content-Type": FORM_TYPE}
    # Body in a different order than signed: the server must re-canonicalise.
    body = "&".join(f"{_enc(k)}={_enc(v)}" for k, v in reversed(list(form.items())))
    return httpx.post(base + path, content=body, headers=headers, trust_env=False)


def login(base: str, username: str = "demo", password: str = "demo-password") -> httpx.Client:
    form = {"grant_type": "password", "username": username, "password": password}
    response = signed_post(base, "/v2/oauth2/token", form)
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    return httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, trust_env=False
    )


def result(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] is None
    return body["result"]


def error(response: httpx.Response, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["result"] is None
    assert body["error"]["code"] == code, body
    err: dict[str, Any] = body["error"]
    return err


@pytest.fixture
def base(buttfs_server: ServerURLs) -> Iterator[str]:
    url = buttfs_server.base_url
    yield url
    assert httpx.post(f"{url}/_emulator/reset", trust_env=False).status_code == 204


@pytest.fixture
def api(base: str) -> Iterator[httpx.Client]:
    with login(base) as client:
        yield client


def mkdir(api: httpx.Client, parent: str, name: str, exists: str = "fail") -> dict[str, Any]:
    response = api.post(
        f"/v2/folders{parent}",
        params={"operation": "create"},
        data={"name": name, "exists": exists},
    )
    meta: dict[str, Any] = result(response)["items"][0]
    return meta


def upload(
    api: httpx.Client, parent: str, name: str, data: bytes, exists: str = "fail"
) -> httpx.Response:
    folder = parent.rstrip("/")
    return api.post(f"/v2/files{folder}/", data={"exists": exists}, files={"file": (name, data)})


# ---- auth ----


def test_token_ok_and_shape(base: str) -> None:
    form = {"grant_type": "password", "username": "demo", "password": "demo-password"}
    response = signed_post(base, "/v2/oauth2/token", form)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    prefix, first, second = body["access_token"].split(".")
    assert (prefix, len(first), len(second)) == ("US2", 32, 43)
    assert len(body["transmission_key"]) == 160
    assert response.headers["x-bcs-account-storage-limit"] == "None"
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    ping = httpx.get(f"{base}/v2/ping", headers=headers, trust_env=False)
    assert ping.status_code == 200
    assert ping.headers["x-bcs-account-storage-usage"] == "0"
    profile = result(httpx.get(f"{base}/v2/user/profile/", headers=headers, trust_env=False))
    assert profile["username"] == "demo"
    assert profile["account_plan"]["display_name"] == "ButtFS End User"


@pytest.mark.parametrize(
    ("client_id", "secret", "offset"),
    [
        (CLIENT_ID, "wrong-secret", 0),  # wrong secret = bad signature
        ("no-such-client", CLIENT_SECRET, 0),  # unknown client
        (CLIENT_ID, CLIENT_SECRET, -3600),  # stale Date
    ],
    ids=["wrong-secret", "unknown-client", "stale-date"],
)
def test_token_refused_with_oauth_string_error(
    base: str, client_id: str, secret: str, offset: float
) -> None:
    form = {"grant_type": "password", "username": "demo", "password": "demo-password"}
    response = signed_post(
        base,
        "/v2/oauth2/token",
        form,
        client_id=client_id,
        secret=secret,
        date=now_date(offset),
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_request"


def test_tampered_body_and_missing_bearer_are_refused(base: str) -> None:
    form = {"grant_type": "password", "username": "demo", "password": "demo-password"}
    date = now_date()
    _, auth = sign(CLIENT_ID, CLIENT_SECRET, "POST", "/v2/oauth2/token", form, FORM_TYPE, date)
    tampered = "grant_type=password&username=demo&password=other"
    response = httpx.post(
        f"{base}/v2/oauth2/token",
        content=tampered,
        headers={"Authorization": auth, "Date": date, "Content-Type": FORM_TYPE},
        trust_env=False,
    )
    assert (response.status_code, response.json()["error"]) == (401, "invalid_request")
    wrong = dict(form, password="wrong-password")
    refused = signed_post(base, "/v2/oauth2/token", wrong)
    assert (refused.status_code, refused.json()["error"]) == (400, "invalid_grant")
    error(httpx.get(f"{base}/v2/folders/", trust_env=False), 401, 9000)


# ---- folders ----


def test_folders_crud_exists_modes_and_version_conflict(api: httpx.Client) -> None:
    docs = mkdir(api, "/", "docs")
    assert docs["type"] == "folder" and docs["name"] == "docs"
    error(
        api.post("/v2/folders/", params={"operation": "create"}, data={"name": "docs"}), 409, 2042
    )
    renamed = mkdir(api, "/", "docs", exists="rename")
    assert renamed["name"] == "docs (1)"
    assert mkdir(api, "/", "docs", exists="reuse")["id"] == docs["id"]
    inner = mkdir(api, f"/{docs['id']}", "inner")
    listing = result(api.get("/v2/folders/"))
    assert sorted(item["name"] for item in listing["items"]) == ["docs", "docs (1)"]
    deep = result(api.get("/v2/folders/", params={"depth": 0}))
    assert {item["name"] for item in deep["items"]} == {"docs", "docs (1)", "inner"}
    path = f"/{docs['id']}/{inner['id']}"
    assert result(api.get(f"/v2/folders{path}/meta"))["meta"]["id"] == inner["id"]
    assert result(api.get(f"/v2/filesystem/root{path}/meta"))["name"] == "inner"
    error(api.get("/v2/folders/notapath"), 404, 2002)

    # alter meta: version required and current
    error(api.post(f"/v2/folders{path}/meta", data={"name": "x"}), 409, 2044)
    meta = result(api.post(f"/v2/folders{path}/meta", data={"name": "renamed", "version": "0"}))
    assert meta["meta"]["name"] == "renamed" and meta["meta"]["version"] == 1
    stale = {"name": "again", "version": "0"}
    error(api.post(f"/v2/folders{path}/meta", data=stale), 409, 2044)
    stale["version-conflict"] = "ignore"
    error(api.post(f"/v2/folders{path}/meta", data=stale), 409, 8002)

    # move / copy
    error(api.post(f"/v2/folders{path}", params={"operation": "move"}), 400, 2028)
    moved = result(api.post(f"/v2/folders{path}", params={"operation": "move"}, data={"to": "/"}))[
        "meta"
    ]
    assert moved["parent_id"] == listing["meta"]["id"]
    copied = result(
        api.post(
            f"/v2/folders/{moved['id']}",
            params={"operation": "copy"},
            data={"to": f"/{docs['id']}", "exists": "fail"},
        )
    )["meta"]
    assert copied["id"] != moved["id"] and copied["name"] == "renamed"

    # delete: non-empty needs force; root is 2003
    error(api.delete(f"/v2/folders/{docs['id']}"), 409, 2052)
    assert result(api.delete(f"/v2/folders/{docs['id']}", params={"force": "true"}))["success"]
    error(api.delete("/v2/folders/"), 404, 2003)


# ---- files ----


def test_upload_download_range_meta_and_versions(api: httpx.Client) -> None:
    data = bytes(range(256)) * 40
    meta = result(upload(api, "/", "notes.txt", data))
    assert meta["size"] == len(data) and meta["extension"] == "txt"
    assert meta["mime"] == "text/plain"
    error(upload(api, "/", "notes.txt", b"x"), 409, 2042)
    path = f"/{meta['id']}"
    whole = api.get(f"/v2/files{path}")
    assert whole.status_code == 200 and whole.content == data
    part = api.get(f"/v2/files{path}", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == data[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(data)}"
    assert api.get("/v2/ping").headers["x-bcs-account-storage-usage"] == str(len(data))

    # rename re-derives extension and mime
    altered = result(api.post(f"/v2/files{path}/meta", data={"name": "pic.jpeg", "version": "0"}))
    assert altered["meta"]["extension"] == "jpeg" and altered["meta"]["mime"] == "image/jpeg"
    error(api.post(f"/v2/files{path}/meta", data={"name": "n", "version": "0"}), 409, 3021)

    # overwrite makes a new version of the same file; promote brings the old content back
    new = result(upload(api, "/", "pic.jpeg", b"second", exists="overwrite"))
    assert new["id"] == meta["id"] and new["size"] == 6
    versions = result(api.get(f"/v2/files{path}/versions"))
    assert [v["version"] for v in versions] == [0, 1]
    assert result(api.get(f"/v2/files{path}/versions/0"))["size"] == len(data)
    promoted = result(api.post(f"/v2/files{path}/versions/0", params={"operation": "promote"}))
    assert promoted["version"] == 3 and promoted["size"] == len(data)
    assert api.get(f"/v2/files{path}").content == data

    # move and copy a file
    folder = mkdir(api, "/", "box")
    copy = result(
        api.post(f"/v2/files{path}", params={"operation": "copy"}, data={"to": f"/{folder['id']}"})
    )["meta"]
    assert api.get(f"/v2/files/{folder['id']}/{copy['id']}").content == data
    error(api.post(f"/v2/files{path}", params={"operation": "move"}), 400, 3020)


def test_trash_and_restore_modes(api: httpx.Client) -> None:
    a = mkdir(api, "/", "a")
    b = mkdir(api, "/", "b")
    f = result(upload(api, f"/{a['id']}", "f.txt", b"hello"))
    assert result(api.delete(f"/v2/folders/{a['id']}", params={"force": "true"}))["success"]
    trash = result(api.get("/v2/trash/"))["items"]
    assert [item["id"] for item in trash] == [a["id"]]
    inside = result(api.get(f"/v2/trash/{a['id']}"))["items"]
    assert [item["id"] for item in inside] == [f["id"]]
    # creating inside a trashed folder
    error(
        api.post(f"/v2/folders/{a['id']}", params={"operation": "create"}, data={"name": "x"}),
        404,
        2039,
    )
    # restoring the file alone: its parent is in trash
    error(api.post(f"/v2/trash/{a['id']}/{f['id']}", data={"restore": "fail"}), 404, 8004)
    rescued = result(
        api.post(
            f"/v2/trash/{a['id']}/{f['id']}",
            data={"restore": "rescue", "rescue-path": f"/{b['id']}"},
        )
    )
    assert rescued["meta"]["parent_id"] == b["id"]
    # restore the folder to its original place; then a conflict fails
    assert result(api.post(f"/v2/trash/{a['id']}", data={"restore": "fail"}))["success"]
    result(api.delete(f"/v2/folders/{a['id']}", params={"force": "true"}))
    mkdir(api, "/", "a")
    error(api.post(f"/v2/trash/{a['id']}", data={"restore": "fail"}), 409, 9999)
    # recreate into a new name path, once the original parent is gone for good
    inner = mkdir(api, "/", "tmp")
    h = result(upload(api, f"/{inner['id']}", "h.txt", b"h"))
    result(api.delete(f"/v2/files/{inner['id']}/{h['id']}"))
    result(api.delete(f"/v2/folders/{inner['id']}", params={"commit": "true"}))
    restored = result(
        api.post(f"/v2/trash/{h['id']}", data={"restore": "recreate", "recreate-path": "/x/y"})
    )["meta"]
    listing = result(api.get("/v2/folders/", params={"depth": 0}))["items"]
    names = {item["id"]: item["name"] for item in listing}
    assert names[restored["parent_id"]] == "y" and restored["id"] in names
    # permanent delete from trash
    assert result(api.delete(f"/v2/trash/{a['id']}"))["success"]
    assert result(api.get("/v2/trash/"))["items"] == []


def test_shares_with_password(base: str, api: httpx.Client) -> None:
    folder = mkdir(api, "/", "shared")
    result(upload(api, f"/{folder['id']}", "s.txt", b"share me"))
    share = result(api.post("/v2/shares/", data={"path": f"/{folder['id']}", "password": "pw"}))
    key = share["share_key"]
    assert share["share_size"] == 8 and share["share_name"] == "shared"
    assert [s["share_key"] for s in result(api.get("/v2/shares/"))] == [key]
    # another login of the same user has not unlocked the share
    with login(base) as other:
        error(other.get(f"/v2/shares/{key}/meta"), 403, 9000)
        error(other.post(f"/v2/shares/{key}/unlock", data={"password": "nope"}), 403, 9000)
        assert result(other.post(f"/v2/shares/{key}/unlock", data={"password": "pw"}))["success"]
        browsed = result(other.get(f"/v2/shares/{key}/meta"))
        assert [item["name"] for item in browsed["items"]] == ["s.txt"]
        received = result(other.post(f"/v2/shares/{key}/", data={"path": "/"}))
        assert [item["name"] for item in received] == ["s.txt"]
    altered = result(
        api.post(f"/v2/shares/{key}/info", data={"current_password": "pw", "name": "renamed"})
    )
    assert altered["share_name"] == "renamed"
    error(api.post(f"/v2/shares/{key}/info", data={"name": "x"}), 403, 9000)
    assert result(api.delete(f"/v2/shares/{key}/"))["success"]
    error(api.get(f"/v2/shares/{key}/meta"), 404, 6004)


def test_history_records_actions(api: httpx.Client) -> None:
    folder = mkdir(api, "/", "h")
    result(api.delete(f"/v2/folders/{folder['id']}"))
    actions = result(api.get("/v2/history", params={"start": -10}))
    assert [entry["action"] for entry in actions] == ["create", "trash"]
    assert actions[0]["data"]["name"] == "h"


def test_admin_creates_an_account_that_can_log_in(base: str) -> None:
    path = "/v2/admin/cloudfs/customers/"
    form = {"username": "newbie", "password": "secret-pw", "email": "n@example.com"}
    refused = signed_post(base, path, form)  # signed with the app, not the admin pair
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_request"
    created = signed_post(base, path, form, client_id=ADMIN_ID, secret=ADMIN_SECRET)
    assert result(created)["username"] == "newbie"
    again = signed_post(base, path, form, client_id=ADMIN_ID, secret=ADMIN_SECRET)
    error(again, 409, 10001)
    with login(base, "newbie", "secret-pw") as client:
        assert result(client.get("/v2/folders/"))["items"] == []
    # non-ASCII and reserved characters: the emulator accepts what the client signs
    odd = {"username": "jürgen ☃~*!'()", "password": "pä&ss=w/rd+ %"}
    assert signed_post(base, path, odd, client_id=ADMIN_ID, secret=ADMIN_SECRET).status_code == 200
    with login(base, odd["username"], odd["password"]) as client:
        assert result(client.get("/v2/user/profile/"))["username"] == odd["username"]


def test_request_quota_error(base: str, api: httpx.Client) -> None:
    quota = httpx.post(f"{base}/_emulator/quota", json={"enabled": True, "remaining": 1})
    assert quota.status_code == 200
    result(api.get("/v2/ping"))
    error(api.get("/v2/ping"), 403, 9006)
    assert httpx.get(f"{base}/_emulator/stats").json()["quota_errors"] == 1
    httpx.post(f"{base}/_emulator/quota", json={"enabled": False})
    result(api.get("/v2/ping"))


def test_fault_rules(base: str, api: httpx.Client) -> None:
    rules = [
        {"method": "GET", "path": "^/v2/ping", "action": "status", "status": 503},
        {"method": "GET", "path": "^/v2/files/", "action": "drop", "after_bytes": 10},
    ]
    assert httpx.post(f"{base}/_emulator/faults", json={"rules": rules}).status_code == 200
    error(api.get("/v2/ping"), 503, 9999)
    result(api.get("/v2/ping"))
    meta = result(upload(api, "/", "big.bin", b"z" * 5000))
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(f"/v2/files/{meta['id']}")
    assert api.get(f"/v2/files/{meta['id']}").content == b"z" * 5000
    assert httpx.get(f"{base}/_emulator/stats").json()["faults_fired"] == 2


def test_download_redirect_and_cli_ready_line(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cloudspec.emulators", "buttfs", "--set", "download_redirect=true"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no ready line"
        line = proc.stdout.readline()
        assert line.startswith("ready http://127.0.0.1:"), line
        base = line.split()[1]
        with login(base) as api:
            meta = result(upload(api, "/", "r.bin", b"redirected"))
            moved = api.get(f"/v2/files/{meta['id']}")
            assert moved.status_code == 302
            target = moved.headers["location"]
            assert target.startswith(f"{base}/_download/")
            part = httpx.get(target, headers={"Range": "bytes=2-"}, trust_env=False)
            assert part.status_code == 206 and part.content == b"directed"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out == ""
