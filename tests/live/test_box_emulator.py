"""The Box emulator, driven with plain httpx: OAuth, folders, uploads, sessions, downloads, faults.

Plain httpx on purpose, not the Box client: these tests pin the wire contract the client is
written against (reference/box.md), so a client bug cannot hide an emulator bug or the reverse.
Most tests share the session's ``box_server`` (1 MiB parts, sessions from 2 MiB) and work in a
folder of their own; a second, short-lived server has Box's real part sizes, a short code TTL
and ``commit_accepted_first``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from cloudspec.emulators import EmulatorError, ServerURLs, run
from cloudspec.emulators.ports import free_port

pytestmark = pytest.mark.live

CLIENT_ID = "cloudspec-demo"
CLIENT_SECRET = "cloudspec-demo-secret"
LOGIN = "demo@example.com"
PASSWORD = "demo-password"
CALLBACK = "http://127.0.0.1/callback"
MiB = 1024 * 1024
PART = MiB  # box_server's part size


# -- helpers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy from the environment must never see loopback traffic.
    with httpx.Client(trust_env=False, timeout=10) as client:
        yield client


def mint(http: httpx.Client, urls: ServerURLs, **extra: Any) -> dict[str, Any]:
    response = http.post(f"{urls.urls['api']}/_emulator/tokens", json={"login": LOGIN, **extra})
    assert response.status_code == 200, response.text
    pair: dict[str, Any] = response.json()
    return pair


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def auth(http: httpx.Client, box_server: ServerURLs) -> dict[str, str]:
    return bearer(mint(http, box_server)["access_token"])


@pytest.fixture
def folder(http: httpx.Client, box_server: ServerURLs, auth: dict[str, str]) -> str:
    """A fresh folder under the root, for one test."""
    created = create_folder(http, box_server, auth, f"t-{uuid.uuid4().hex[:12]}", "0")
    return str(created.json()["id"])


@pytest.fixture
def faults(http: httpx.Client, box_server: ServerURLs) -> Iterator[str]:
    """The fault endpoint; every rule is cleared after the test."""
    url = f"{box_server.urls['api']}/_emulator/faults"
    yield url
    assert http.delete(url).status_code == 204


def create_folder(
    http: httpx.Client, urls: ServerURLs, auth: Mapping[str, str], name: str, parent: str
) -> httpx.Response:
    body = {"name": name, "parent": {"id": parent}}
    return http.post(f"{urls.urls['api']}/2.0/folders", headers=auth, json=body)


def digest(data: bytes) -> str:
    return "sha=" + base64.b64encode(hashlib.sha1(data).digest()).decode()


def multipart(*parts: tuple[str, str | None, bytes]) -> tuple[bytes, dict[str, str]]:
    """A multipart body with the parts in exactly the given order (httpx reorders)."""
    boundary = uuid.uuid4().hex
    body = b""
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def upload(
    http: httpx.Client,
    urls: ServerURLs,
    auth: Mapping[str, str],
    parent: str,
    name: str,
    data: bytes,
    **headers: str,
) -> httpx.Response:
    attributes = f'{{"name": "{name}", "parent": {{"id": "{parent}"}}}}'.encode()
    body, content_type = multipart(("attributes", None, attributes), ("file", name, data))
    return http.post(
        f"{urls.urls['upload']}/2.0/files/content",
        headers={**auth, **content_type, **headers},
        content=body,
    )


def new_session(
    http: httpx.Client, urls: ServerURLs, auth: Mapping[str, str], folder: str, size: int
) -> dict[str, Any]:
    body = {"folder_id": folder, "file_size": size, "file_name": f"s-{uuid.uuid4().hex[:8]}.bin"}
    response = http.post(
        f"{urls.urls['upload']}/2.0/files/upload_sessions", headers=auth, json=body
    )
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()
    return session


def put_part(
    http: httpx.Client,
    session: dict[str, Any],
    auth: Mapping[str, str],
    data: bytes,
    lo: int,
    total: int,
    *,
    part_digest: str | None = None,
) -> httpx.Response:
    headers = {
        **auth,
        "digest": part_digest or digest(data),
        "content-range": f"bytes {lo}-{lo + len(data) - 1}/{total}",
        "content-type": "application/octet-stream",
    }
    return http.put(session["session_endpoints"]["upload_part"], headers=headers, content=data)


def error_code(response: httpx.Response) -> str:
    body = response.json()
    assert body["type"] == "error" and body["status"] == response.status_code, body
    assert {"message", "context_info", "help_url", "request_id"} <= set(body)
    return str(body["code"])


def authorize_params(redirect_uri: str = CALLBACK, **extra: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": redirect_uri,
        "state": "st-123",
        **extra,
    }


def grant(http: httpx.Client, urls: ServerURLs, redirect_uri: str, **form: str) -> httpx.Response:
    """Post the authorize form as a browser would after the user filled it in."""
    fields = {
        **authorize_params(redirect_uri),
        "login": LOGIN,
        "password": PASSWORD,
        "consent": "grant",
        **form,
    }
    return http.post(f"{urls.urls['account']}/authorize", data=fields)


def code_from(response: httpx.Response) -> str:
    assert response.status_code == 302, response.text
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["state"] == ["st-123"]
    return query["code"][0]


def token_request(http: httpx.Client, urls: ServerURLs, **form: str) -> httpx.Response:
    body = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **form}
    return http.post(f"{urls.urls['api']}/oauth2/token", data=body)


def stats(http: httpx.Client, urls: ServerURLs) -> dict[str, Any]:
    body: dict[str, Any] = http.get(f"{urls.urls['api']}/_emulator/stats").json()
    return body


# -- OAuth --------------------------------------------------------------------------------------


def test_authorize_page_form_post_and_code_exchange(
    http: httpx.Client, box_server: ServerURLs
) -> None:
    account = box_server.urls["account"]
    loopback = "http://localhost:53682/callback"  # any port, as RFC 8252 wants
    page = http.get(
        f"{account}/authorize", params=authorize_params(loopback, scope="root_readwrite")
    )
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for marker in ('id="grant"', 'id="deny"', 'name="login"', 'name="password"', "st-123"):
        assert marker in page.text
    answer = grant(http, box_server, loopback)
    assert answer.headers["location"].startswith(f"{loopback}?code=")
    token = token_request(http, box_server, grant_type="authorization_code", code=code_from(answer))
    assert token.status_code == 200, token.text
    body = token.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    assert body["restricted_to"] == [] and body["refresh_token"] != body["access_token"]
    me = http.get(f"{box_server.urls['api']}/2.0/users/me", headers=bearer(body["access_token"]))
    assert me.json()["login"] == LOGIN


def test_authorize_refuses_bad_clients_uris_and_credentials(
    http: httpx.Client, box_server: ServerURLs
) -> None:
    account = box_server.urls["account"]
    bad = [
        authorize_params(client_id="nobody"),
        authorize_params("http://127.0.0.1:8080/other-path"),
        authorize_params("https://127.0.0.1:8080/callback"),
        authorize_params("http://evil.example/callback"),
    ]
    for params in bad:
        page = http.get(f"{account}/authorize", params=params)
        assert page.status_code == 400 and "location" not in page.headers, params
        posted = grant(http, box_server, params["redirect_uri"], client_id=params["client_id"])
        assert posted.status_code == 400 and "location" not in posted.headers, params
    denied = grant(http, box_server, CALLBACK, consent="deny", password="")
    assert denied.status_code == 302
    assert parse_qs(urlsplit(denied.headers["location"]).query) == {
        "error": ["access_denied"],
        "state": ["st-123"],
    }
    wrong = grant(http, box_server, CALLBACK, password="wrong")
    assert wrong.status_code == 401 and "location" not in wrong.headers
    assert "Invalid login credentials" in wrong.text


def test_codes_are_single_use_and_bound_to_redirect_uri(
    http: httpx.Client, box_server: ServerURLs
) -> None:
    code = code_from(grant(http, box_server, "http://127.0.0.1:9/callback"))
    mismatched = token_request(
        http,
        box_server,
        grant_type="authorization_code",
        code=code,
        redirect_uri="http://127.0.0.1:10/callback",
    )
    assert mismatched.status_code == 400 and mismatched.json()["error"] == "invalid_grant"
    code = code_from(grant(http, box_server, CALLBACK))
    wrong_secret = token_request(
        http, box_server, grant_type="authorization_code", code=code, client_secret="nope"
    )
    assert wrong_secret.status_code == 400 and wrong_secret.json()["error"] == "invalid_client"
    first = token_request(http, box_server, grant_type="authorization_code", code=code)
    assert first.status_code == 200
    again = token_request(http, box_server, grant_type="authorization_code", code=code)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    unknown = token_request(http, box_server, grant_type="password")
    assert unknown.json()["error"] == "unsupported_grant_type"


def test_refresh_tokens_rotate_and_are_single_use(
    http: httpx.Client, box_server: ServerURLs
) -> None:
    before = stats(http, box_server)
    pair = mint(http, box_server)
    first = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=pair["refresh_token"]
    )
    assert first.status_code == 200, first.text
    rotated = first.json()
    assert rotated["refresh_token"] != pair["refresh_token"]
    reused = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=pair["refresh_token"]
    )
    assert reused.status_code == 400
    assert reused.json() == {"error": "invalid_grant", "error_description": "Invalid refresh token"}
    second = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=rotated["refresh_token"]
    )
    assert second.status_code == 200
    after = stats(http, box_server)
    assert after["token_refreshes"] - before["token_refreshes"] == 2
    assert after["tokens_issued"] - before["tokens_issued"] == 3  # minted + two refreshes
    me = f"{box_server.urls['api']}/2.0/users/me"
    assert http.get(me, headers=bearer(second.json()["access_token"])).status_code == 200


def test_requests_without_a_live_token_get_401_with_a_challenge(
    http: httpx.Client, box_server: ServerURLs
) -> None:
    api = box_server.urls["api"]
    short = mint(http, box_server, expires_in=0.2)
    assert short["expires_in"] in (0, 1)
    me = f"{api}/2.0/users/me"
    assert http.get(me, headers=bearer(short["access_token"])).status_code == 200
    time.sleep(0.3)
    revoked = mint(http, box_server)
    revoke = http.post(
        f"{api}/oauth2/revoke",
        data={
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "token": revoked["access_token"],
        },
    )
    assert revoke.status_code == 200 and revoke.content == b""
    for headers in (
        {},
        bearer("not-a-token"),
        bearer(short["access_token"]),
        bearer(revoked["access_token"]),
    ):
        for url in (
            me,
            f"{api}/2.0/no/such/path",
            f"{box_server.urls['upload']}/2.0/files/content",
        ):
            answer = http.request("GET" if "users" in url else "POST", url, headers=headers)
            assert answer.status_code == 401 and answer.content == b"", url
            challenge = answer.headers["www-authenticate"]
            assert challenge.startswith('Bearer realm="Service", error="invalid_token"')
    # The refresh token of the revoked pair died with it; an expired access token's did not.
    dead = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=revoked["refresh_token"]
    )
    assert dead.json()["error"] == "invalid_grant"
    alive = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=short["refresh_token"]
    )
    assert alive.status_code == 200


def test_expire_tokens_kills_every_access_token(http: httpx.Client, box_server: ServerURLs) -> None:
    pair = mint(http, box_server)
    me = f"{box_server.urls['api']}/2.0/users/me"
    assert http.post(f"{box_server.urls['api']}/_emulator/expire_tokens").status_code == 200
    assert http.get(me, headers=bearer(pair["access_token"])).status_code == 401
    fresh = token_request(
        http, box_server, grant_type="refresh_token", refresh_token=pair["refresh_token"]
    )
    assert http.get(me, headers=bearer(fresh.json()["access_token"])).status_code == 200


# -- folders, items, files, search, users --------------------------------------------------------


def test_folder_create_get_conflicts_and_delete(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    api = box_server.urls["api"]
    created = create_folder(http, box_server, auth, "Reports", folder)
    assert created.status_code == 201
    body = created.json()
    assert body["type"] == "folder" and body["parent"]["id"] == folder
    assert [e["id"] for e in body["path_collection"]["entries"]] == ["0", folder]
    assert body["etag"] == "0" and body["sequence_id"] == "0"
    conflict = create_folder(http, box_server, auth, "rePORTS", folder)
    assert conflict.status_code == 409 and error_code(conflict) == "item_name_in_use"
    conflicts = conflict.json()["context_info"]["conflicts"]
    assert isinstance(conflicts, list) and conflicts[0]["id"] == body["id"]
    for name, code in [
        ("a/b", "item_name_invalid"),
        ("a\\b", "item_name_invalid"),
        (".", "item_name_invalid"),
        ("..", "item_name_invalid"),
        ("trailing ", "item_name_invalid"),
        ("x" * 256, "item_name_too_long"),
    ]:
        refused = create_folder(http, box_server, auth, name, folder)
        assert (refused.status_code, error_code(refused)) == (400, code), name
    missing = create_folder(http, box_server, auth, "x", "999999999")
    assert (missing.status_code, error_code(missing)) == (404, "not_found")
    got = http.get(f"{api}/2.0/folders/{folder}", headers=auth).json()
    assert got["item_collection"]["total_count"] == 1
    assert got["item_collection"]["entries"][0]["name"] == "Reports"
    picked = http.get(f"{api}/2.0/folders/{folder}", headers=auth, params={"fields": "size"}).json()
    assert set(picked) == {"type", "id", "sequence_id", "etag", "name", "size"}
    assert http.get(f"{api}/2.0/folders/abc", headers=auth).status_code == 405
    root = http.get(f"{api}/2.0/folders/0", headers=auth).json()
    assert root["name"] == "All Files" and root["parent"] is None and root["etag"] is None

    url = f"{api}/2.0/folders/{folder}"
    not_empty = http.delete(url, headers=auth)
    assert (not_empty.status_code, error_code(not_empty)) == (400, "folder_not_empty")
    stale = http.delete(url, headers={**auth, "if-match": "7"}, params={"recursive": "true"})
    assert stale.status_code == 412
    assert (
        http.delete(
            url, headers={**auth, "if-match": "0"}, params={"recursive": "true"}
        ).status_code
        == 204
    )
    assert http.get(url, headers=auth).status_code == 404
    assert http.get(f"{api}/2.0/folders/{body['id']}", headers=auth).status_code == 404


def test_file_copy_move_rename_conflicts_and_if_match(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    api = box_server.urls["api"]
    data = b"copy me\n" * 100
    source = upload(http, box_server, auth, folder, "a.txt", data).json()["entries"][0]
    target = create_folder(http, box_server, auth, "target", folder).json()["id"]
    copy_url = f"{api}/2.0/files/{source['id']}/copy"

    copied = http.post(copy_url, headers=auth, json={"parent": {"id": target}})
    assert copied.status_code == 201, copied.text
    copy = copied.json()
    assert copy["id"] != source["id"] and copy["name"] == "a.txt"
    assert copy["sha1"] == source["sha1"] == hashlib.sha1(data).hexdigest()
    assert copy["parent"]["id"] == target and copy["etag"] == "0"
    assert copy["file_version"]["id"] != source["file_version"]["id"]
    content = http.get(f"{api}/2.0/files/{copy['id']}/content", headers=auth)
    assert content.status_code == 302
    assert http.get(content.headers["location"]).content == data
    named = http.post(copy_url, headers=auth, json={"parent": {"id": folder}, "name": "b.txt"})
    assert named.status_code == 201 and named.json()["name"] == "b.txt"
    picked = http.post(
        copy_url, headers=auth, params={"fields": "name"}, json={"parent": {"id": folder}}
    )
    assert picked.status_code == 409  # a.txt is in `folder` already
    wanted = {"parent": {"id": target}, "name": "c.txt"}
    picked = http.post(copy_url, headers=auth, params={"fields": "name"}, json=wanted)
    assert picked.status_code == 201
    assert set(picked.json()) == {
        "type",
        "id",
        "etag",
        "sequence_id",
        "name",
        "sha1",
        "file_version",
    }

    # Conflicts: an ARRAY of minis (as folder create answers); names ignore case.
    taken = http.post(copy_url, headers=auth, json={"parent": {"id": folder}, "name": "A.TXT"})
    assert taken.status_code == 409 and error_code(taken) == "item_name_in_use"
    conflicts = taken.json()["context_info"]["conflicts"]
    assert isinstance(conflicts, list) and conflicts[0]["id"] == source["id"]
    for body, status, code in [
        ({}, 400, "bad_request"),
        ({"parent": {"id": folder}, "name": "x/y"}, 400, "item_name_invalid"),
        ({"parent": {"id": "999999999"}}, 404, "not_found"),
    ]:
        refused = http.post(copy_url, headers=auth, json=body)
        assert (refused.status_code, error_code(refused)) == (status, code), body
    gone = http.post(f"{api}/2.0/files/999999999/copy", headers=auth, json={"parent": {"id": "0"}})
    assert gone.status_code == 404

    # Move and rename: same id; etag and sequence_id go up; If-Match is honoured.
    url = f"{api}/2.0/files/{source['id']}"
    moved = http.put(url, headers=auth, json={"parent": {"id": target}, "name": "moved.txt"})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert body["id"] == source["id"] and body["name"] == "moved.txt"
    assert body["parent"]["id"] == target and body["etag"] == "1" and body["sequence_id"] == "1"
    assert [e["id"] for e in body["path_collection"]["entries"]] == ["0", folder, target]
    listed = http.get(f"{api}/2.0/folders/{folder}/items", headers=auth).json()
    assert "moved.txt" not in {e["name"] for e in listed["entries"]}
    clash = http.put(url, headers=auth, json={"name": "A.txt"})  # the copy's name, any case
    assert clash.status_code == 409 and error_code(clash) == "item_name_in_use"
    assert clash.json()["context_info"]["conflicts"][0]["id"] == copy["id"]
    stale = http.put(url, headers={**auth, "if-match": "0"}, json={"name": "r.txt"})
    assert (stale.status_code, error_code(stale)) == (412, "precondition_failed")
    fresh = http.put(url, headers={**auth, "if-match": "1"}, json={"name": "r.txt"})
    assert fresh.status_code == 200 and fresh.json()["name"] == "r.txt"
    case_only = http.put(url, headers=auth, json={"name": "R.txt"})
    assert case_only.status_code == 200 and case_only.json()["name"] == "R.txt"
    assert http.put(url, headers=auth, json={"name": ".."}).status_code == 400
    nowhere = http.put(url, headers=auth, json={"parent": {"id": "999999999"}})
    assert nowhere.status_code == 404
    assert http.put(f"{api}/2.0/files/abc", headers=auth, json={}).status_code == 405


def test_folder_copy_copies_the_subtree_and_move_keeps_it(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    api = box_server.urls["api"]
    tree = create_folder(http, box_server, auth, "tree", folder).json()["id"]
    inner = create_folder(http, box_server, auth, "inner", tree).json()["id"]
    upload(http, box_server, auth, inner, "deep.txt", b"deep")
    copy_url = f"{api}/2.0/folders/{tree}/copy"
    copied = http.post(copy_url, headers=auth, json={"parent": {"id": folder}, "name": "tree2"})
    assert copied.status_code == 201, copied.text
    copy = copied.json()
    assert copy["id"] != tree and copy["name"] == "tree2" and copy["parent"]["id"] == folder
    assert copy["size"] == 4
    entries = copy["item_collection"]["entries"]
    assert [e["name"] for e in entries] == ["inner"] and entries[0]["id"] != inner
    deep = http.get(f"{api}/2.0/folders/{entries[0]['id']}/items", headers=auth).json()
    assert [e["name"] for e in deep["entries"]] == ["deep.txt"]
    taken = http.post(copy_url, headers=auth, json={"parent": {"id": folder}})
    assert taken.status_code == 409 and isinstance(taken.json()["context_info"]["conflicts"], list)
    into_itself = http.post(copy_url, headers=auth, json={"parent": {"id": inner}})
    assert (into_itself.status_code, error_code(into_itself)) == (400, "bad_request")
    root = http.post(f"{api}/2.0/folders/0/copy", headers=auth, json={"parent": {"id": folder}})
    assert root.status_code == 403

    url = f"{api}/2.0/folders/{tree}"
    below = http.put(url, headers=auth, json={"parent": {"id": inner}})
    assert (below.status_code, error_code(below)) == (400, "bad_request")
    moved = http.put(url, headers=auth, json={"parent": {"id": copy["id"]}, "name": "moved"})
    assert moved.status_code == 200, moved.text
    body = moved.json()
    assert body["id"] == tree and body["name"] == "moved" and body["parent"]["id"] == copy["id"]
    assert [e["id"] for e in body["path_collection"]["entries"]] == ["0", folder, copy["id"]]
    inner_now = http.get(f"{api}/2.0/folders/{inner}", headers=auth).json()
    assert [e["id"] for e in inner_now["path_collection"]["entries"]][-1] == tree
    stale = http.put(url, headers={**auth, "if-match": "0"}, json={"name": "x"})
    assert stale.status_code == 412
    assert http.put(f"{api}/2.0/folders/0", headers=auth, json={"name": "x"}).status_code == 403


def test_items_offset_and_marker_paging(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    names = [f"f{index:02d}" for index in range(7)]
    for name in reversed(names):
        assert create_folder(http, box_server, auth, name, folder).status_code == 201
    assert upload(http, box_server, auth, folder, "a-file.txt", b"hi").status_code == 201
    items = f"{box_server.urls['api']}/2.0/folders/{folder}/items"

    seen: list[str] = []
    offset = 0
    while True:
        page = http.get(items, headers=auth, params={"limit": 3, "offset": offset}).json()
        assert page["total_count"] == 8 and page["limit"] == 3
        assert page["order"][0] == {"by": "type", "direction": "ASC"}
        seen += [entry["name"] for entry in page["entries"]]
        offset += page["limit"]
        if offset >= page["total_count"]:
            break
    assert seen == [*names, "a-file.txt"]  # folders first, then files, by name

    seen = []
    params: dict[str, Any] = {"usemarker": "true", "limit": 3, "fields": "size"}
    while True:
        page = http.get(items, headers=auth, params=params).json()
        assert "total_count" not in page
        seen += [entry["name"] for entry in page["entries"]]
        if not page["next_marker"]:
            break
        params["marker"] = page["next_marker"]
    assert seen == [*names, "a-file.txt"]
    last = page["entries"][-1]
    assert set(last) == {
        "type",
        "id",
        "file_version",
        "sequence_id",
        "etag",
        "sha1",
        "name",
        "size",
    }

    descending = http.get(items, headers=auth, params={"sort": "name", "direction": "DESC"}).json()
    assert [e["name"] for e in descending["entries"]] == [*reversed(names), "a-file.txt"]
    default = http.get(items, headers=auth).json()
    assert default["limit"] == 100 and default["entries"][-1]["type"] == "file"
    assert http.get(items, headers=auth, params={"limit": 5000}).json()["limit"] == 1000
    bad_marker = http.get(items, headers=auth, params={"usemarker": "true", "marker": "zzz"})
    assert bad_marker.status_code == 400
    assert http.get(items, headers=auth, params={"offset": 10001}).status_code == 400


def test_direct_upload_versions_conflicts_and_part_order(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    data = os.urandom(300_000)
    sha1 = hashlib.sha1(data).hexdigest()
    created = upload(http, box_server, auth, folder, "doc.txt", data, **{"content-md5": sha1})
    assert created.status_code == 201, created.text
    listing = created.json()
    assert listing["total_count"] == 1
    file = listing["entries"][0]
    assert (file["type"], file["size"], file["sha1"], file["name"]) == (
        "file",
        300_000,
        sha1,
        "doc.txt",
    )
    assert file["file_version"]["sha1"] == sha1 and file["parent"]["id"] == folder
    assert file["path_collection"]["total_count"] == 2

    conflict = upload(http, box_server, auth, folder, "DOC.txt", b"other")
    assert conflict.status_code == 409 and error_code(conflict) == "item_name_in_use"
    found = conflict.json()["context_info"]["conflicts"]
    assert isinstance(found, dict) and found["id"] == file["id"] and found["sha1"] == sha1
    assert found["file_version"]["id"] == file["file_version"]["id"]

    bad = upload(http, box_server, auth, folder, "bad.txt", data, **{"content-md5": "0" * 40})
    assert (bad.status_code, error_code(bad)) == (400, "bad_digest")
    attributes = f'{{"name": "late.txt", "parent": {{"id": "{folder}"}}}}'.encode()
    body, content_type = multipart(("file", "late.txt", b"x"), ("attributes", None, attributes))
    reversed_order = http.post(
        f"{box_server.urls['upload']}/2.0/files/content",
        headers={**auth, **content_type},
        content=body,
    )
    assert (reversed_order.status_code, error_code(reversed_order)) == (
        400,
        "metadata_after_file_contents",
    )

    api = box_server.urls["api"]
    preflight = http.request(
        "OPTIONS",
        f"{api}/2.0/files/content",
        headers=auth,
        json={"name": "doc.txt", "size": 10, "parent": {"id": folder}},
    )
    assert preflight.status_code == 409
    assert preflight.json()["context_info"]["conflicts"]["id"] == file["id"]
    fine = http.request(
        "OPTIONS",
        f"{api}/2.0/files/content",
        headers=auth,
        json={"name": "new.txt", "size": 10, "parent": {"id": folder}},
    )
    assert fine.status_code == 200
    assert (
        fine.json()["upload_url"].startswith(box_server.urls["upload"])
        and fine.json()["upload_token"]
    )
    too_big = http.request(
        "OPTIONS",
        f"{api}/2.0/files/content",
        headers=auth,
        json={"name": "huge.bin", "size": 2**60, "parent": {"id": folder}},
    )
    assert (too_big.status_code, error_code(too_big)) == (403, "storage_limit_exceeded")

    version_url = f"{box_server.urls['upload']}/2.0/files/{file['id']}/content"
    new_data = b"second version"
    body, content_type = multipart(("attributes", None, b"{}"), ("file", "doc.txt", new_data))
    stale = http.post(version_url, headers={**auth, **content_type, "if-match": "5"}, content=body)
    assert stale.status_code == 412
    updated = http.post(
        version_url, headers={**auth, **content_type, "if-match": "0"}, content=body
    )
    assert updated.status_code == 200, updated.text
    entry = updated.json()["entries"][0]
    assert entry["id"] == file["id"] and entry["sha1"] == hashlib.sha1(new_data).hexdigest()
    assert entry["file_version"]["id"] != file["file_version"]["id"] and entry["etag"] == "1"
    got = http.get(f"{api}/2.0/files/{file['id']}", headers=auth).json()
    assert (got["size"], got["version_number"]) == (len(new_data), "2")
    assert http.get(f"{api}/2.0/files/1x", headers=auth).status_code == 405
    assert http.get(f"{api}/2.0/files/123", headers=auth).status_code == 404
    assert (
        http.delete(f"{api}/2.0/files/{file['id']}", headers={**auth, "if-match": "0"}).status_code
        == 412
    )
    assert http.delete(f"{api}/2.0/files/{file['id']}", headers=auth).status_code == 204
    assert http.get(f"{api}/2.0/files/{file['id']}", headers=auth).status_code == 404


def test_search_and_current_user(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    tag = uuid.uuid4().hex[:10]
    sub = create_folder(http, box_server, auth, f"{tag}-dir", folder).json()["id"]
    upload(http, box_server, auth, sub, f"{tag}-Notes.TXT", b"notes")
    upload(http, box_server, auth, folder, f"{tag}-photo.jpg", b"jpg")
    search = f"{box_server.urls['api']}/2.0/search"

    def names(**params: Any) -> list[str]:
        answer = http.get(search, headers=auth, params={"query": tag.upper(), **params})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["type"] == "search_results_items" and body["total_count"] >= len(
            body["entries"]
        )
        return sorted(entry["name"] for entry in body["entries"])

    assert names() == [f"{tag}-Notes.TXT", f"{tag}-dir", f"{tag}-photo.jpg"]
    assert names(type="folder") == [f"{tag}-dir"]
    assert names(file_extensions="txt,pdf") == [f"{tag}-Notes.TXT"]
    assert names(ancestor_folder_ids=sub) == [f"{tag}-Notes.TXT"]
    assert names(limit=1) and len(names(limit=1)) == 1
    assert (
        http.get(search, headers=auth, params={"query": tag, "limit": 900}).json()["limit"] == 200
    )
    assert http.get(search, headers=auth, params={"query": tag, "offset": 10001}).status_code == 400
    assert http.get(search, headers=auth).status_code == 400

    me = http.get(f"{box_server.urls['api']}/2.0/users/me", headers=auth).json()
    assert me["type"] == "user" and me["login"] == LOGIN and me["name"] == "Demo User"
    assert (
        me["space_used"] > 0 and me["space_amount"] > me["space_used"] and me["max_upload_size"] > 0
    )
    picked = http.get(
        f"{box_server.urls['api']}/2.0/users/me", headers=auth, params={"fields": "space_used"}
    )
    assert set(picked.json()) == {"type", "id", "name", "login", "space_used"}


# -- upload sessions ------------------------------------------------------------------------------


def test_upload_session_round_trip_with_every_check(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    size = 3 * PART + 12345  # 4 parts, the last one short
    data = os.urandom(size)
    upload_host = box_server.urls["upload"]
    too_small = http.post(
        f"{upload_host}/2.0/files/upload_sessions",
        headers=auth,
        json={"folder_id": folder, "file_size": 2 * MiB - 1, "file_name": "small.bin"},
    )
    assert (too_small.status_code, error_code(too_small)) == (400, "file_size_too_small")

    session = new_session(http, box_server, auth, folder, size)
    assert session["type"] == "upload_session" and session["part_size"] == PART
    assert session["total_parts"] == 4 and session["num_parts_processed"] == 0
    endpoints = session["session_endpoints"]
    base = f"{upload_host}/2.0/files/upload_sessions/{session['id']}"
    assert endpoints["upload_part"] == base and endpoints["commit"] == f"{base}/commit"
    assert endpoints["list_parts"] == f"{base}/parts" and endpoints["abort"] == base

    def part(index: int) -> bytes:
        return data[index * PART : (index + 1) * PART]

    wrong_digest = put_part(http, session, auth, part(0), 0, size, part_digest=digest(b"nope"))
    assert (wrong_digest.status_code, error_code(wrong_digest)) == (400, "bad_digest")
    misaligned = put_part(http, session, auth, part(0), 100, size)
    assert misaligned.status_code == 416
    short = put_part(http, session, auth, part(0)[:-1], 0, size)
    assert short.status_code == 416
    wrong_total = put_part(http, session, auth, part(0), 0, size + 1)
    assert wrong_total.status_code == 416

    # Out of order and in parallel, as clients do; lowercase and uppercase digest names.
    def send(index: int) -> dict[str, Any]:
        chunk = part(index)
        name = "SHA=" if index % 2 else "sha="
        answer = put_part(
            http, session, auth, chunk, index * PART, size, part_digest=name + digest(chunk)[4:]
        )
        assert answer.status_code == 200, answer.text
        uploaded: dict[str, Any] = answer.json()["part"]
        return uploaded

    with ThreadPoolExecutor(4) as pool:
        parts = list(pool.map(send, [3, 1, 0, 2]))
    parts.sort(key=lambda p: p["offset"])
    assert [(p["offset"], p["size"]) for p in parts] == [(i * PART, len(part(i))) for i in range(4)]
    assert all(re.fullmatch(r"[0-9A-F]{8}", p["part_id"]) for p in parts)
    assert parts[1]["sha1"] == hashlib.sha1(part(1)).hexdigest()

    overlap = put_part(http, session, auth, part(1), PART, size)
    assert (overlap.status_code, error_code(overlap)) == (409, "range_overlaps_existing_part")
    listed = http.get(
        endpoints["list_parts"], headers=auth, params={"offset": 1, "limit": 2}
    ).json()
    assert listed["total_count"] == 4 and listed["entries"] == parts[1:3]
    status = http.get(endpoints["status"], headers=auth).json()
    assert status["num_parts_processed"] == 4 and status["total_parts"] == 4

    commit = endpoints["commit"]
    whole = {**auth, "digest": digest(data)}
    bad_whole = http.post(commit, headers={**auth, "digest": digest(b"x")}, json={"parts": parts})
    assert (bad_whole.status_code, error_code(bad_whole)) == (400, "bad_digest")
    missing = http.post(commit, headers=whole, json={"parts": parts[:3]})
    assert missing.status_code == 400
    unordered = http.post(commit, headers=whole, json={"parts": parts[::-1]})
    assert unordered.status_code == 400
    committed = http.post(commit, headers=whole, json={"parts": parts})
    assert committed.status_code == 201, committed.text
    file = committed.json()["entries"][0]
    assert (file["size"], file["sha1"]) == (size, hashlib.sha1(data).hexdigest())
    assert file["parent"]["id"] == folder
    assert http.post(commit, headers=whole, json={"parts": parts}).status_code == 404

    content = f"{box_server.urls['api']}/2.0/files/{file['id']}/content"
    downloaded = http.get(content, headers=auth, follow_redirects=True)
    assert downloaded.status_code == 200 and downloaded.content == data

    conflict = http.post(
        f"{upload_host}/2.0/files/upload_sessions",
        headers=auth,
        json={"folder_id": folder, "file_size": size, "file_name": file["name"]},
    )
    assert conflict.status_code == 409
    assert conflict.json()["context_info"]["conflicts"]["id"] == file["id"]

    # A new version through a session on the file.
    versioned = http.post(
        f"{upload_host}/2.0/files/{file['id']}/upload_sessions",
        headers=auth,
        json={"file_size": size},
    )
    assert versioned.status_code == 201, versioned.text
    second = versioned.json()
    new_data = data[::-1]
    new_parts = [
        put_part(http, second, auth, new_data[o : o + PART], o, size).json()["part"]
        for o in range(0, size, PART)
    ]
    done = http.post(
        second["session_endpoints"]["commit"],
        headers={**auth, "digest": digest(new_data)},
        json={"parts": new_parts},
    )
    assert done.status_code == 201, done.text
    entry = done.json()["entries"][0]
    assert entry["id"] == file["id"] and entry["sha1"] == hashlib.sha1(new_data).hexdigest()
    assert entry["file_version"]["id"] != file["file_version"]["id"]


def test_abort_ends_the_session(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    size = 2 * MiB
    session = new_session(http, box_server, auth, folder, size)
    chunk = os.urandom(PART)
    assert put_part(http, session, auth, chunk, 0, size).status_code == 200
    endpoints = session["session_endpoints"]
    assert http.delete(endpoints["abort"], headers=auth).status_code == 204
    assert put_part(http, session, auth, chunk, PART, size).status_code == 404
    assert http.get(endpoints["status"], headers=auth).status_code == 404
    assert http.delete(endpoints["abort"], headers=auth).status_code == 404


# -- downloads ------------------------------------------------------------------------------------


def test_download_redirects_across_origins_and_honours_range(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str
) -> None:
    data = bytes(range(256)) * 40
    file = upload(http, box_server, auth, folder, "range.bin", data).json()["entries"][0]
    redirect = http.get(f"{box_server.urls['api']}/2.0/files/{file['id']}/content", headers=auth)
    assert redirect.status_code == 302
    location = redirect.headers["location"]
    assert location.startswith(box_server.urls["download"] + "/")
    assert urlsplit(location).port != urlsplit(box_server.urls["api"]).port

    whole = http.get(location)  # no Authorization: the signed URL is enough
    assert whole.status_code == 200 and whole.content == data
    assert whole.headers["content-length"] == str(len(data))
    for header, status, expected, content_range in [
        ("bytes=10-19", 206, data[10:20], f"bytes 10-19/{len(data)}"),
        ("bytes=10000-", 206, data[10000:], f"bytes 10000-10239/{len(data)}"),
        ("bytes=-5", 206, data[-5:], f"bytes 10235-10239/{len(data)}"),
        ("bytes=10200-99999", 206, data[10200:], f"bytes 10200-10239/{len(data)}"),
    ]:
        ranged = http.get(location, headers={"Range": header})
        assert ranged.status_code == status and ranged.content == expected, header
        assert ranged.headers["content-range"] == content_range
    unsatisfiable = http.get(location, headers={"Range": "bytes=99999-"})
    assert unsatisfiable.status_code == 416
    assert unsatisfiable.headers["content-range"] == f"bytes */{len(data)}"

    followed = http.get(
        f"{box_server.urls['api']}/2.0/files/{file['id']}/content",
        headers={**auth, "Range": "bytes=0-3"},
        follow_redirects=True,
    )
    assert followed.status_code == 206 and followed.content == data[:4]
    forged = location[:-3] + ("AAA" if not location.endswith("AAA") else "BBB")
    assert http.get(forged).status_code == 403
    version = http.get(
        f"{box_server.urls['api']}/2.0/files/{file['id']}/content",
        headers=auth,
        params={"version": file["file_version"]["id"]},
    )
    assert version.status_code == 302
    no_version = http.get(
        f"{box_server.urls['api']}/2.0/files/{file['id']}/content",
        headers=auth,
        params={"version": "1"},
    )
    assert no_version.status_code == 404


# -- faults --------------------------------------------------------------------------------------


def test_status_faults_with_and_without_retry_after(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], faults: str
) -> None:
    me = f"{box_server.urls['api']}/2.0/users/me"
    rules = [
        {"host": "api", "method": "GET", "path": "/users/me$", "action": "status", "status": 503,
         "retry_after": 2, "count": 2, "skip": 1},
        {"host": "api", "method": "GET", "path": "/users/me$", "action": "status", "status": 429},
    ]  # fmt: skip
    added = http.post(faults, json={"rules": rules})
    assert added.status_code == 200 and len(added.json()["rules"]) == 2
    answers = [http.get(me, headers=auth) for _ in range(5)]
    # The 503 rule lets one request go by (which the 429 rule takes), then fires twice.
    assert [a.status_code for a in answers] == [429, 503, 503, 200, 200]
    assert answers[1].headers["retry-after"] == "2" and error_code(answers[1]) == "unavailable"
    assert "retry-after" not in answers[0].headers
    assert error_code(answers[0]) == "rate_limit_exceeded"
    assert http.get(faults).json()["rules"] == []
    invalid = http.post(faults, json={"rules": [{"action": "explode"}]})
    assert invalid.status_code == 400


def test_drop_after_bytes_cuts_a_download_mid_body(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str, faults: str
) -> None:
    data = os.urandom(300_000)
    file = upload(http, box_server, auth, folder, "cut.bin", data).json()["entries"][0]
    location = http.get(
        f"{box_server.urls['api']}/2.0/files/{file['id']}/content", headers=auth
    ).headers["location"]
    rule = {"host": "download", "path": "^/d/", "action": "drop", "after_bytes": 1000}
    http.post(faults, json={"rules": [rule]}).raise_for_status()
    received = b""
    with pytest.raises(httpx.RemoteProtocolError), http.stream("GET", location) as response:
        assert response.headers["content-length"] == str(len(data))
        for chunk in response.iter_raw():
            received += chunk
    assert received == data[:1000]
    assert http.get(location).content == data  # one shot: the rule is spent


def test_drop_on_a_part_upload_with_and_without_storing(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str, faults: str
) -> None:
    size = 2 * MiB
    session = new_session(http, box_server, auth, folder, size)
    chunk = os.urandom(PART)
    path = f"/upload_sessions/{session['id']}$"
    lost = {"host": "upload", "method": "PUT", "path": path, "action": "drop"}
    http.post(faults, json={"rules": [lost, {**lost, "store": True}]}).raise_for_status()
    list_parts = session["session_endpoints"]["list_parts"]
    with pytest.raises(httpx.TransportError):
        put_part(http, session, auth, chunk, 0, size)
    assert http.get(list_parts, headers=auth).json()["total_count"] == 0
    with pytest.raises(httpx.TransportError):
        put_part(http, session, auth, chunk, 0, size)
    stored = http.get(list_parts, headers=auth).json()
    assert (
        stored["total_count"] == 1
        and stored["entries"][0]["sha1"] == hashlib.sha1(chunk).hexdigest()
    )
    retried = put_part(http, session, auth, chunk, 0, size)
    assert retried.status_code == 409 and error_code(retried) == "range_overlaps_existing_part"


def test_delay_and_accepted_faults(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str], folder: str, faults: str
) -> None:
    api = box_server.urls["api"]
    file = upload(http, box_server, auth, folder, "later.bin", b"soon").json()["entries"][0]
    content = f"{api}/2.0/files/{file['id']}/content"
    rules = [
        {"host": "api", "path": "/users/me$", "action": "delay", "seconds": 0.3},
        {
            "host": "*",
            "method": "GET",
            "path": f"/files/{file['id']}/content$",
            "action": "accepted",
        },
    ]
    http.post(faults, json={"rules": rules}).raise_for_status()
    started = time.monotonic()
    assert http.get(f"{api}/2.0/users/me", headers=auth).status_code == 200
    assert time.monotonic() - started >= 0.3
    accepted = http.get(content, headers=auth)
    assert accepted.status_code == 202 and accepted.headers["retry-after"] == "1"
    assert http.get(content, headers=auth).status_code == 302


def test_stats_count_requests_and_reset(
    http: httpx.Client, box_server: ServerURLs, auth: dict[str, str]
) -> None:
    api = box_server.urls["api"]
    assert http.post(f"{api}/_emulator/reset_stats").status_code == 204
    http.get(f"{api}/2.0/users/me", headers=auth)
    http.get(f"{api}/2.0/users/me")
    counted = stats(http, box_server)
    assert counted["requests"] == 2 and counted["requests_by_host"] == {"api": 2}
    for key in ("token_refreshes", "tokens_issued", "upload_parts", "commits"):
        assert counted[key] == 0


# -- a second server: real part sizes, short code TTL, commits accepted first ----------------------


@pytest.fixture(scope="module")
def quirky_server() -> Iterator[ServerURLs]:
    with run("box", settings={"auth_code_ttl": 0.3, "commit_accepted_first": True}) as urls:
        yield urls


def test_codes_expire(http: httpx.Client, quirky_server: ServerURLs) -> None:
    code = code_from(grant(http, quirky_server, CALLBACK))
    time.sleep(0.4)
    late = token_request(http, quirky_server, grant_type="authorization_code", code=code)
    assert late.status_code == 400 and late.json()["error"] == "invalid_grant"


def test_real_sizes_and_a_first_commit_answered_202(
    http: httpx.Client, quirky_server: ServerURLs, faults: str
) -> None:
    auth = bearer(mint(http, quirky_server)["access_token"])
    size = 20 * MiB + 1
    data = os.urandom(size)
    session = new_session(http, quirky_server, auth, "0", size)
    assert session["part_size"] == 8 * MiB and session["total_parts"] == 3
    parts = [
        put_part(http, session, auth, data[o : o + 8 * MiB], o, size).json()["part"]
        for o in range(0, size, 8 * MiB)
    ]
    commit = session["session_endpoints"]["commit"]
    headers = {**auth, "digest": digest(data)}
    first = http.post(commit, headers=headers, json={"parts": parts})
    assert first.status_code == 202 and first.headers["retry-after"] == "1"
    second = http.post(commit, headers=headers, json={"parts": parts})
    assert second.status_code == 201, second.text
    assert second.json()["entries"][0]["sha1"] == hashlib.sha1(data).hexdigest()
    stats_now = stats(http, quirky_server)
    assert stats_now["upload_parts"] == 3 and stats_now["commits"] == 1


def test_accepted_fault_on_commit(http: httpx.Client, quirky_server: ServerURLs) -> None:
    api = quirky_server.urls["api"]
    auth = bearer(mint(http, quirky_server)["access_token"])
    size = 20 * MiB
    data = bytes(size)
    session = new_session(http, quirky_server, auth, "0", size)
    parts = [
        put_part(http, session, auth, data[o : o + 8 * MiB], o, size).json()["part"]
        for o in range(0, size, 8 * MiB)
    ]
    rule = {
        "host": "upload",
        "method": "POST",
        "path": "/commit$",
        "action": "accepted",
        "retry_after": 3,
    }
    http.post(f"{api}/_emulator/faults", json={"rules": [rule]}).raise_for_status()
    commit = session["session_endpoints"]["commit"]
    headers = {**auth, "digest": digest(data)}
    answers = [http.post(commit, headers=headers, json={"parts": parts}) for _ in range(3)]
    # The fault, then the server's own first-commit 202, then the file.
    assert [a.status_code for a in answers] == [202, 202, 201]
    assert answers[0].headers["retry-after"] == "3"


# -- starting and stopping ------------------------------------------------------------------------


def port_is_closed(url: str) -> bool:
    parts = urlsplit(url)
    assert parts.hostname and parts.port
    with socket.socket() as sock:
        return sock.connect_ex((parts.hostname, parts.port)) != 0


def test_cli_prints_four_ready_lines_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cloudspec.emulators", "box", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 20)
        assert ready, "no ready line within 20 s"
        # The four lines are printed together: after the first, the rest are buffered already.
        lines = [proc.stdout.readline().split() for _ in range(4)]
        assert [line[0] for line in lines] == ["ready"] * 4
        assert [line[2] for line in lines] == ["api", "upload", "download", "account"]
        urls = {name: url for _, url, name in lines}
        assert urls["api"] == f"http://127.0.0.1:{port}"
        assert urls["upload"].endswith("/api") and urls["account"].endswith("/api/oauth2")
        assert len({urlsplit(url).port for url in urls.values()}) == 4
        assert httpx.get(f"{urls['api']}/2.0/users/me", trust_env=False).status_code == 401
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out == "", "only the ready lines may be printed"
    assert all(port_is_closed(url) for url in urls.values())


def test_run_with_a_seed_and_bad_settings(http: httpx.Client) -> None:
    seed = {
        "apps": [
            {
                "client_id": "app2",
                "client_secret": "s2",
                "redirect_uris": ["https://example.com/cb"],
            }
        ],
        "users": [{"login": "carol@example.com", "password": "carol-pw"}],
    }
    with run("box", seed=seed) as urls:
        account = urls.urls["account"]
        form = {
            "response_type": "code",
            "client_id": "app2",
            "redirect_uri": "https://example.com/cb",
            "login": "carol@example.com",
            "password": "carol-pw",
            "consent": "grant",
        }
        answer = http.post(f"{account}/authorize", data=form)
        assert answer.status_code == 302 and answer.headers["location"].startswith(
            "https://example.com/cb?code="
        )
        loopback = http.post(
            f"{account}/authorize", data={**form, "redirect_uri": "http://127.0.0.1:5/cb"}
        )
        assert loopback.status_code == 400
        default_app = http.get(f"{account}/authorize", params=authorize_params())
        assert default_app.status_code == 400
        code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
        token = http.post(
            f"{urls.urls['api']}/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": "app2",
                "client_secret": "s2",
            },
        ).json()
        me = http.get(f"{urls.urls['api']}/2.0/users/me", headers=bearer(token["access_token"]))
        assert me.json()["name"] == "carol"
    assert port_is_closed(urls.base_url)
    with (
        pytest.raises(EmulatorError, match="unknown box setting 'part_sise'"),
        run("box", settings={"part_sise": 1}),
    ):
        pass
