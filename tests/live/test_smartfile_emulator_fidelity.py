"""Every answer the SmartFile emulator gives during a tour of the public client is one
``specs/smartfile.yaml`` declares for the operation it answers: the status is declared, the
media type is one the spec lists (a download may carry the file's own type instead of
``application/octet-stream``, as the spec allows), JSON bodies validate against the declared
schema, urlencoded OAuth token answers parse into ``OAuthTokenResponse``, the OAuth refusal is
the declared ``text/plain`` sentence, empty answers are declared without a body, and the headers
a status is about (``Content-Range`` on 206 and 416, ``WWW-Authenticate`` on 401,
``Retry-After`` on 429, ``X-Throttle`` on 503) are there and fit their declared form.

The traffic is captured at the client's network transport (below its retry layer), so every
answer counts, errors included. The tour goes through ``BasicClient`` and ``OAuthClient`` only
(typed helpers and generic calls); the test's own hands on the emulator (credentials, OAuth
approval, fault rules, changing a file behind the client's back) use plain httpx and are not
captured. Throttle answers (429, 503 + ``X-Throttle``) come from fault rules and reach the
client because it is built with ``throttle_wait=False`` (one throttled call also goes through
the waiting path). The exact set of (operation, status) pairs is asserted, so a tour that
silently stops reaching an answer fails.

"""

from __future__ import annotations

import hashlib
import io
import json
import mimetypes
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qsl, unquote

import attrs
import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cloudspec.emulators.urls import ServerURLs
from cloudspec.smartfile import (
    AuthenticationError,
    BadRequestError,
    BasicClient,
    NotFoundError,
    OAuthClient,
    PermissionDeniedError,
    RangeNotSatisfiableError,
    RateLimitError,
    ResponseStream,
)

pytestmark = pytest.mark.live

SPEC_PATH = Path(__file__).resolve().parents[2] / "specs" / "smartfile.yaml"
SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
URI = "urn:cloudspec:specs/smartfile.yaml"
_METHODS = ("get", "post", "put", "delete", "patch")
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
TEXT = "text/plain"
OCTETS = "application/octet-stream"
OAUTH_FAILURE = "Could not verify OAuth request."
# Headers a status is about: each must be present and declared on that response.
STATUS_HEADERS = {
    206: "Content-Range",
    401: "WWW-Authenticate",
    416: "Content-Range",
    429: "Retry-After",
    503: "X-Throttle",
}
_CONTENT_RANGE_206 = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
_CONTENT_RANGE_416 = re.compile(r"^bytes \*/(\d+)$")

# Every operation the public client reaches in the tour, with each status it provokes. Not
# reached: put_file_v3 and append_file_v3 (no helper or generic call sends a raw body; the live
# emulator tests cover them over plain httpx), and the session and activity operations (the
# spec lets an emulator leave them out, and this one does).
EXPECTED = {
    ("ping", 200),
    ("ping", 429),
    ("ping", 503),
    ("whoami", 200),
    ("whoami", 401),
    ("whoami", 403),
    ("whoami", 429),
    ("get_path_info", 200),
    ("get_path_info", 401),
    ("get_path_info", 404),
    ("download_file", 200),
    ("download_file", 206),
    ("download_file", 400),
    ("download_file", 404),
    ("download_file", 416),
    ("upload_files", 200),
    ("upload_files", 400),
    ("upload_files", 404),
    ("delete_file_v3", 204),
    ("delete_file_v3", 400),
    ("delete_file_v3", 404),
    ("mkdir", 200),
    ("mkdir", 400),
    ("remove_paths", 200),
    ("remove_paths", 400),
    ("move_paths", 200),
    ("move_paths", 400),
    ("copy_paths", 200),
    ("copy_paths", 400),
    ("rename_path", 200),
    ("rename_path", 400),
    ("rename_path", 404),
    ("checksum_paths", 200),
    ("checksum_paths", 400),
    ("compress_paths", 200),
    ("compress_paths", 400),
    ("list_tasks", 200),
    ("list_tasks", 404),
    ("get_task", 200),
    ("get_task", 404),
    ("list_links", 200),
    ("list_links", 404),
    ("create_link", 201),
    ("create_link", 400),
    ("get_link", 200),
    ("get_link", 404),
    ("delete_link", 204),
    ("delete_link", 404),
    ("list_users", 200),
    ("list_users", 404),
    ("create_user", 201),
    ("create_user", 400),
    ("get_user", 200),
    ("get_user", 404),
    ("update_user", 200),
    ("update_user", 404),
    ("delete_user", 204),
    ("delete_user", 400),
    ("delete_user", 404),
    ("list_rights", 200),
    ("oauth_request_token", 200),
    ("oauth_request_token", 403),
    ("oauth_access_token", 200),
    ("oauth_access_token", 403),
}


@attrs.frozen
class Route:
    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]


def _routes() -> list[Route]:
    routes = []
    for template, item in SPEC["paths"].items():
        # `{path}` may hold slashes (and be empty); the other parameters are one segment.
        regex = re.escape(template).replace(r"\{path\}", ".*")
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", regex)
        for method in _METHODS:
            if method in item:
                op_id = item[method]["operationId"]
                routes.append(Route(op_id, method.upper(), template, re.compile(f"^{regex}$")))
    return routes


ROUTES = _routes()


def _route(method: str, path: str) -> Route:
    found = [r for r in ROUTES if r.method == method and r.pattern.match(path)]
    assert len(found) == 1, f"{method} {path} matches {[r.operation_id for r in found]}"
    return found[0]


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for token in node["$ref"].lstrip("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _absolute(schema: Any) -> Any:
    """``schema`` with its ``#/...`` references pointing into the spec."""
    if isinstance(schema, dict):
        return {
            k: f"{URI}{v}" if k == "$ref" and str(v).startswith("#") else _absolute(v)
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_absolute(item) for item in schema]
    return schema


def _validate(schema: dict[str, Any], instance: Any) -> list[str]:
    registry: Registry[Any] = Registry().with_resource(
        URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(_absolute(schema), registry=registry)
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}"
        for e in validator.iter_errors(instance)
    ]


@attrs.frozen
class Answer:
    method: str
    path: str
    status: int
    headers: httpx.Headers
    range_asked: str | None
    body: bytes | None  # None: a download's bytes, streamed on to the client unread

    @property
    def media(self) -> str:
        return str(self.headers.get("content-type", "")).split(";")[0].strip().lower()


class Capture(httpx.BaseTransport):
    """The real transport, noting every answer. Answers are read here (they are small),
    except a successful download, which streams on untouched so that a dropped connection
    reaches the client's resume logic. ``before`` runs before each request is sent."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.answers: list[Answer] = []
        self.before: Callable[[httpx.Request], None] | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.before is not None:
            self.before(request)
        response = self.inner.handle_request(request)
        path = request.url.path
        method = request.method
        streamed = (
            method == "GET" and path.startswith("/api/2/path/data/") and response.status_code < 300
        )
        body: bytes | None = None
        if not streamed:
            body = response.read()
            response.close()
        self.answers.append(
            Answer(
                method,
                path,
                response.status_code,
                response.headers,
                request.headers.get("range"),
                body,
            )
        )
        if streamed:
            return response
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=body,
            extensions=response.extensions,
        )

    def close(self) -> None:
        pass  # several clients share it; the fixture closes the inner transport at the end


def _check_headers(answer: Answer, declared: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    headers = {name.lower(): _resolve(spec) for name, spec in declared.get("headers", {}).items()}
    wanted = STATUS_HEADERS.get(answer.status)
    if wanted is not None:
        if wanted.lower() not in headers:
            problems.append(f"{wanted} is not declared on this response")
        if wanted.lower() not in answer.headers:
            problems.append(f"no {wanted} header")
    for name, spec in headers.items():
        value = answer.headers.get(name)
        if value is None:
            continue
        schema = spec.get("schema", {})
        instance: Any = value
        if schema.get("type") == "integer":
            instance = int(value) if value.isdigit() else value
        problems += [f"header {name}: {e}" for e in _validate(schema, instance)]
    content_range = answer.headers.get("content-range")
    if answer.status == 206:
        match = _CONTENT_RANGE_206.match(content_range or "")
        start = (answer.range_asked or "").removeprefix("bytes=").split("-")[0]
        if match is None or match.group(1) != start:
            problems.append(f"Content-Range {content_range!r} for Range {answer.range_asked!r}")
    if answer.status == 416 and not _CONTENT_RANGE_416.match(content_range or ""):
        problems.append(f"Content-Range {content_range!r} on 416")
    return problems


def _check_body(route: Route, answer: Answer, declared: dict[str, Any]) -> list[str]:
    content: dict[str, Any] = declared.get("content", {})
    media = answer.media
    if not content:
        return [f"a body ({media}) where the spec declares none"] if answer.body else []
    if route.operation_id == "download_file" and answer.status in (200, 206):
        name = unquote(PurePosixPath(answer.path).name)
        own = mimetypes.guess_type(name)[0] or OCTETS
        if media not in (OCTETS, own):
            return [f"{media!r}: neither {OCTETS} nor the file's type {own!r}"]
        return []
    if media not in content:
        return [f"{media!r} is not among the declared {sorted(content)}"]
    schema = content[media].get("schema", {})
    text = (answer.body or b"").decode("utf-8")
    if media == JSON:
        return _validate(schema, json.loads(text))
    if media == FORM:
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
        fields = dict(pairs)
        problems = _validate(schema, fields)
        if len(fields) != len(pairs):
            problems.append(f"a repeated key in {sorted(k for k, _ in pairs)}")
        confirmed = fields.get("oauth_callback_confirmed")
        if route.operation_id == "oauth_request_token" and confirmed != "true":
            problems.append(f"oauth_callback_confirmed is {confirmed!r}, not 'true'")
        return problems
    problems = _validate(schema, text)
    if media == TEXT and answer.status == 403 and text != OAUTH_FAILURE:
        problems.append(f"the OAuth refusal reads {text!r}")
    return problems


def _problems(answers: list[Answer]) -> tuple[list[str], set[tuple[str, int]]]:
    """What does not fit the spec, and the (operation, status) pairs that were checked."""
    problems: list[str] = []
    checked: set[tuple[str, int]] = set()
    for answer in answers:
        route = _route(answer.method, answer.path)
        responses = SPEC["paths"][route.template][route.method.lower()]["responses"]
        where = f"{route.operation_id} {answer.status}"
        declared = responses.get(str(answer.status))
        if declared is None:
            excerpt = (answer.body or b"")[:200]
            problems.append(f"{where}: status not declared ({answer.media} {excerpt!r})")
            continue
        resolved = _resolve(declared)
        found = _check_body(route, answer, resolved) + _check_headers(answer, resolved)
        problems += [f"{where}: {problem}" for problem in found]
        checked.add((route.operation_id, answer.status))
    return problems, checked


# ---- the test's own hands on the emulator (never captured) ----


@attrs.frozen
class Emulator:
    base_url: str
    credentials: dict[str, Any]

    def control(self, method: str, path: str, body: Any = None) -> Any:
        url = f"{self.base_url}/_emulator/{path}"
        answer = httpx.request(method, url, json=body, trust_env=False, timeout=10)
        answer.raise_for_status()
        return answer.json() if answer.content else None

    def faults(self, *rules: dict[str, Any]) -> None:
        self.control("POST", "faults", {"rules": list(rules)})

    def approve(self, request_token: str) -> str:
        verifier = self.control("POST", "oauth/authorize", {"oauth_token": request_token})
        value = verifier["oauth_verifier"]
        assert isinstance(value, str)
        return value

    def replace_file(self, path: str, data: bytes) -> None:
        """Another user changing a file, behind the client's back (v3 raw PUT)."""
        auth = (self.credentials["basic"]["key"], self.credentials["basic"]["password"])
        url = f"{self.base_url}/api/3/path/data/{path.lstrip('/')}"
        httpx.put(url, content=data, auth=auth, trust_env=False).raise_for_status()

    def basic(self, capture: Capture, **kwargs: Any) -> BasicClient:
        basic = self.credentials["basic"]
        kwargs.setdefault("throttle_wait", False)
        return BasicClient(
            basic["key"], basic["password"], url=self.base_url, transport=capture, **kwargs
        )

    def oauth(self, capture: Capture, **kwargs: Any) -> OAuthClient:
        oauth = self.credentials["oauth"]
        kwargs.setdefault("throttle_wait", False)
        kwargs.setdefault("client_secret", oauth["client_secret"])
        return OAuthClient(
            oauth["client_token"], url=self.base_url, transport=capture, timeout=10, **kwargs
        )


@pytest.fixture
def emulator(smartfile_server: ServerURLs) -> Iterator[Emulator]:
    base = smartfile_server.base_url
    answer = httpx.get(f"{base}/_emulator/credentials", trust_env=False)
    answer.raise_for_status()
    emulator = Emulator(base, answer.json())
    yield emulator
    emulator.control("DELETE", "faults")


@pytest.fixture
def capture() -> Iterator[Capture]:
    transport = Capture()
    try:
        yield transport
    finally:
        transport.inner.close()


def _folder() -> str:
    return f"/fidelity-{uuid.uuid4().hex[:12]}"


# ---- the tour ----


def _files(emulator: Emulator, capture: Capture, root: str, tmp_path: Path) -> None:
    note = b"fidelity note\n" * 4
    blob = bytes(range(256)) * 4
    local = tmp_path / "note.txt"
    local.write_bytes(note)
    with emulator.basic(capture) as api:
        assert api.ping().ping == "pong"
        assert api("/ping") == {"ping": "pong"}
        assert api.whoami().user.username == emulator.credentials["user"]["username"]
        made = api.mkdir(root)
        assert (made.path, made.isdir) == (root, True)
        api.mkdir(f"{root}/archive")
        stored = api.upload(local, directory=root)
        assert (stored.path, stored.size) == (f"{root}/note.txt", len(note))
        api.upload("blob.bin", io.BytesIO(blob), directory=root)
        api.upload("spare.bin", io.BytesIO(b"spare"), directory=root)
        assert api.info(f"{root}/blob.bin").size == len(blob)
        names = [child.name for child in api.iter_children(root, page_size=2)]
        assert names == ["archive", "blob.bin", "note.txt", "spare.bin"]
        assert [child.name for child in api.ls(f"{root}/archive")] == []
        listing = api.get("/path/info", root, children=True, limit=1, page=2)
        assert [child["name"] for child in listing["children"]] == ["blob.bin"]

        # Downloads: whole, as a stream, resumed with Range after a drop (206).
        copy = api.download(f"{root}/note.txt", download_to_path=tmp_path / "copy.txt")
        assert isinstance(copy, Path) and copy.read_bytes() == note
        stream = api.download(f"{root}/blob.bin", perform_download=False)
        assert isinstance(stream, ResponseStream)
        with stream:
            assert stream.content_type == OCTETS
            assert stream.read() == blob
        emulator.faults({"action": "drop", "path": "^/api/2/path/data/", "after_bytes": 100})
        resumed = api.download(f"{root}/blob.bin", download_to_path=tmp_path / "blob.bin")
        assert isinstance(resumed, Path) and resumed.read_bytes() == blob
        # The file shrinks between the drop and the resume: the Range no longer fits (416).
        emulator.faults({"action": "drop", "path": "^/api/2/path/data/", "after_bytes": 100})

        def shrink(request: httpx.Request) -> None:
            if "range" in request.headers:
                capture.before = None
                emulator.replace_file(f"{root}/blob.bin", b"short")

        capture.before = shrink
        with pytest.raises(RangeNotSatisfiableError):
            api.download(f"{root}/blob.bin", download_to_path=tmp_path / "shrunk.bin")
        assert capture.before is None, "the client did not resume"
        assert not (tmp_path / "shrunk.bin").exists()

        # Operations and their tasks.
        renamed = api.rename(f"{root}/spare.bin", "renamed.bin")
        assert renamed.path == f"{root}/renamed.bin"
        api.copy(f"{root}/note.txt", f"{root}/archive")
        api.move(f"{root}/renamed.bin", f"{root}/archive")
        sums = api.checksum(f"{root}/note.txt", "sha256")
        assert sums == {f"{root}/note.txt": hashlib.sha256(note).hexdigest()}
        api.compress([f"{root}/note.txt", f"{root}/archive"], root, "all.zip")
        assert api.info(f"{root}/all.zip").isfile is True
        api.remove(f"{root}/archive")
        tasks = api.get("/task")
        assert tasks["total"] >= 5

        # Links.
        link = api.create_link(f"{root}/note.txt", list=True)
        assert link.path == f"{root}/note.txt"
        assert link.uid in {item.uid for item in api.iter_links()}
        assert api.get("/link", link.uid)["uid"] == link.uid
        api.delete_link(link.uid)
    # The v3 data route, through a generic call of a version-3 client (an empty 204).
    with emulator.basic(capture, version="3") as v3:
        assert v3.delete("/path/data", f"{root}/all.zip") is None


def _file_errors(emulator: Emulator, capture: Capture, root: str, tmp_path: Path) -> None:
    with emulator.basic(capture) as api:
        missing = f"{root}/missing.txt"
        with pytest.raises(NotFoundError):
            api.info(missing)
        with pytest.raises(NotFoundError):
            api.download(missing, download_to_path=tmp_path)
        with pytest.raises(BadRequestError):
            api.download(root, download_to_path=tmp_path)
        with pytest.raises(NotFoundError):
            api.upload("x.txt", io.BytesIO(b"x"), directory=f"{root}/nowhere")
        with pytest.raises(BadRequestError):
            api.upload("x.txt", io.BytesIO(b"x"), directory=f"{root}/note.txt")
        with pytest.raises(BadRequestError):
            api.mkdir(f"{root}/note.txt/below")
        with pytest.raises(NotFoundError):
            api.rename(missing, "other.txt")
        with pytest.raises(BadRequestError):
            api.rename(f"{root}/note.txt", "blob.bin")
        with pytest.raises(NotFoundError):
            api.wait(str(uuid.uuid4()))
        with pytest.raises(BadRequestError):
            api.create_link(missing)
        with pytest.raises(NotFoundError):
            api.get("/link", "nolinkhere00")
        with pytest.raises(NotFoundError):
            api.delete_link("nolinkhere00")
        # Validation errors only a generic call can send (the typed helpers never would).
        for endpoint, fields in (
            ("/path/oper/remove", {}),
            ("/path/oper/move", {"src": f"{root}/note.txt"}),
            ("/path/oper/copy", {"dst": root}),
            ("/path/oper/checksum", {"path": f"{root}/note.txt", "algorithm": "crc32"}),
            ("/path/oper/compress", {"path": f"{root}/note.txt", "dst": root, "name": "a/b"}),
        ):
            with pytest.raises(BadRequestError) as invalid:
                api.post(endpoint, **fields)
            assert invalid.value.field_errors, endpoint
    with emulator.basic(capture, version="3") as v3:
        with pytest.raises(NotFoundError):
            v3.delete("/path/data", missing)
        with pytest.raises(BadRequestError):
            v3.delete("/path/data", root)


def _users(emulator: Emulator, capture: Capture) -> None:
    name = f"fid{uuid.uuid4().hex[:8]}"
    with emulator.basic(capture) as api:
        assert emulator.credentials["user"]["username"] in {
            user["username"] for user in api.get("/user")["results"]
        }
        assert api.post("/user", username=name, password="pw", email=f"{name}@example.com")
        with pytest.raises(BadRequestError):
            api.post("/user", username=name, password="pw")
        assert api.get("/user", name)["username"] == name
        assert api.put("/user", name, name="Renamed")["name"] == "Renamed"
        assert api.delete("/user", name) is None
        with pytest.raises(NotFoundError):
            api.get("/user", name)
        with pytest.raises(NotFoundError):
            api.put("/user", name, name="Gone")
        with pytest.raises(NotFoundError):
            api.delete("/user", name)
        assert {"sftp_access", "ftp_access"} <= {right["name"] for right in api.get("/right")}


def _auth_and_throttling(emulator: Emulator, capture: Capture) -> None:
    basic = emulator.credentials["basic"]
    wrong = BasicClient(
        basic["key"], "x" * 30, url=emulator.base_url, throttle_wait=False, transport=capture
    )
    with wrong:
        with pytest.raises(AuthenticationError):
            wrong.whoami()
        with pytest.raises(AuthenticationError):
            wrong.info("/")
    with emulator.basic(capture) as api:
        emulator.faults({"action": "status", "status": 429, "retry_after": 2, "path": "/ping/$"})
        with pytest.raises(RateLimitError) as limited:
            api.ping()
        assert limited.value.retry_after == 2
        emulator.faults(
            {"action": "status", "x_throttle": True, "retry_after": 0.5, "path": "/ping/$"}
        )
        with pytest.raises(RateLimitError) as legacy:
            api.ping()
        assert legacy.value.retry_after == 0.5
    with emulator.basic(capture, throttle_wait=True) as patient:
        emulator.faults(
            {"action": "status", "status": 429, "retry_after": 0.01, "path": "/whoami/$"}
        )
        assert patient.whoami().user.username == emulator.credentials["user"]["username"]


def _oauth(emulator: Emulator, capture: Capture, root: str) -> None:
    with emulator.oauth(capture) as oauth:
        request = oauth.get_request_token()
        assert f"oauth_token={request.token}" in oauth.get_authorization_url()
        verifier = emulator.approve(request.token)
        with pytest.raises(PermissionDeniedError):
            oauth.get_access_token(request, "not-the-verifier")
        access = oauth.get_access_token(request, verifier)
        assert oauth.whoami().user.username == emulator.credentials["user"]["username"]
        assert oauth.mkdir(f"{root}/oauth").path == f"{root}/oauth"
    hmac_client = emulator.oauth(
        capture,
        access_token=access.token,
        access_secret=access.secret,
        signature_method="HMAC-SHA1",
    )
    with hmac_client:
        assert hmac_client.mkdir(f"{root}/oauth/hmac").path == f"{root}/oauth/hmac"
        assert [c.name for c in hmac_client.ls(f"{root}/oauth")] == ["hmac"]
    with emulator.oauth(capture, client_secret="s" * 30) as impostor:
        with pytest.raises(PermissionDeniedError) as refused:
            impostor.get_request_token()
        assert refused.value.detail == OAUTH_FAILURE
    forged = emulator.oauth(capture, access_token="t" * 30, access_secret="u" * 30)
    with forged, pytest.raises(PermissionDeniedError) as forbidden:
        forged.whoami()
    assert forbidden.value.detail == OAUTH_FAILURE


def _boundaries(emulator: Emulator, capture: Capture) -> None:
    """The key's own user cannot be deleted; a page past the last one is a 404."""
    owner = emulator.credentials["user"]["username"]
    with emulator.basic(capture) as api:
        with pytest.raises(BadRequestError):
            api.delete("/user", owner)
        for endpoint in ("/user", "/link", "/task"):
            with pytest.raises(NotFoundError):
                api.get(endpoint, page=999)


def test_every_emulator_answer_fits_the_spec(
    emulator: Emulator, capture: Capture, tmp_path: Path
) -> None:
    root = _folder()
    _files(emulator, capture, root, tmp_path)
    _file_errors(emulator, capture, root, tmp_path)
    _users(emulator, capture)
    _boundaries(emulator, capture)
    _auth_and_throttling(emulator, capture)
    _oauth(emulator, capture, root)
    problems, checked = _problems(capture.answers)
    assert problems == []
    # Exactly the tour's pairs: a shrinking set means a silently skipped check.
    assert checked == EXPECTED, sorted(checked ^ EXPECTED)
