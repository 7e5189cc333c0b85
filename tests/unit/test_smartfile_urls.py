"""Request lines and bodies of the SmartFile generic calls and typed helpers, no server.

Ours is captured by an ``httpx.MockTransport``; the original ``smartfile`` 2.19 client sends
through ``requests``, whose ``HTTPAdapter.send`` is replaced here by a recorder, so both are
compared on the exact request each would put on the wire (reference section 1.3/1.4).

Deliberate divergence (tested as such, not as a bug): the original did no percent-encoding of
its own, so ``?``, ``#``, ``;``, ``&`` in a path id started a query, a fragment or a parameter,
and ``%41`` was read as an escape (``requests`` even decodes it to ``A``); ours encodes every
character of the endpoint and id but ``/``.
"""

from __future__ import annotations

import email
import email.policy
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import requests
import smartfile  # type: ignore[import-untyped]

from cloudspec.smartfile import BasicClient, ResponseStream
from cloudspec.smartfile.urls import api_path

KEY = "k" * 30
PASSWORD = "p" * 30
BASE = "https://files.example.test/"
TASK = {"uuid": "6f1c9d2e-0000-4000-8000-000000000001"}
LINK = {"uid": "l1", "href": "https://files.example.test/link/l1/"}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SMARTFILE_API_URL", "SMARTFILE_API_KEY", "SMARTFILE_API_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


class Wire:
    """Ours: records each request (body read) and answers ``answer`` as JSON."""

    def __init__(self, answer: Any = None) -> None:
        self.answer = {} if answer is None else answer
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(200, json=self.answer)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


class OriginalWire:
    """The original: what ``requests`` would send, recorded instead of sent."""

    def __init__(self) -> None:
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        self.requests.append(request)
        response = requests.Response()
        response.status_code = 200
        response.headers["Content-Type"] = "application/json"
        response.raw = io.BytesIO(b"{}")
        response.request = request
        response.url = str(request.url)
        return response

    @property
    def last(self) -> requests.PreparedRequest:
        return self.requests[-1]


@pytest.fixture
def wire() -> Wire:
    return Wire()


@pytest.fixture
def ours(wire: Wire) -> Iterator[BasicClient]:
    with BasicClient(KEY, PASSWORD, url=BASE, transport=wire.transport) as client:
        yield client


@pytest.fixture
def original_wire(monkeypatch: pytest.MonkeyPatch) -> OriginalWire:
    recorder = OriginalWire()
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", recorder.send)
    return recorder


@pytest.fixture
def original() -> Any:
    return smartfile.BasicClient(KEY, PASSWORD, url=BASE)


def original_target(request: requests.PreparedRequest) -> str:
    """The request target the original puts on the wire (path and query, no fragment)."""
    assert str(request.url).startswith(BASE)
    return str(request.path_url)


def our_target(request: httpx.Request) -> str:
    return request.url.raw_path.decode("ascii")


def body_of(request: requests.PreparedRequest) -> bytes:
    body = request.body
    if body is None:
        return b""
    return body if isinstance(body, bytes) else str(body).encode()


def header_text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def multipart_parts(content_type: str, body: bytes) -> list[tuple[str, str | None, bytes]]:
    """(field name, filename, content) of each part, boundary-independent."""
    message = email.message_from_bytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body, policy=email.policy.HTTP
    )
    parts = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        parts.append((str(name), part.get_filename(), payload))
    return parts


# ---- api_path -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "endpoint", "id", "expected"),
    [
        ("2", "/ping", None, "/api/2/ping/"),
        ("2", "ping", None, "/api/2/ping/"),
        ("2", "/path/info", "/Documents/a b/ü.txt", "/api/2/path/info/Documents/a%20b/%C3%BC.txt/"),
        ("2", "path/info", "Documents/x", "/api/2/path/info/Documents/x/"),
        ("2", "/access/user", 42, "/api/2/access/user/42/"),
        ("2", "/access/user", 0, "/api/2/access/user/"),
        ("2", "/access/user", "", "/api/2/access/user/"),
        ("2.1", "/ping", None, "/api/2.1/ping/"),
        # Doubled slashes collapse, wherever they come from.
        ("2", "//path//info//", "//a///b//", "/api/2/path/info/a/b/"),
        ("2", "/path/info/", "/", "/api/2/path/info/"),
        # The deliberate fix: no character but "/" keeps its URL meaning.
        ("2", "/path/info", "/a?b#c", "/api/2/path/info/a%3Fb%23c/"),
        ("2", "/path/info", "/100%", "/api/2/path/info/100%25/"),
        ("2", "/path/info", "/x%41;y&z=1", "/api/2/path/info/x%2541%3By%26z%3D1/"),
    ],
)
def test_api_path(version: str, endpoint: str, id: object, expected: str) -> None:
    assert api_path(version, endpoint, id) == expected


# ---- generic calls: the reference table, side by side -------------------------------------------


@pytest.mark.parametrize(
    ("call", "args", "expected"),
    [
        ("get", ("/ping",), "/api/2/ping/"),
        ("__call__", ("/ping",), "/api/2/ping/"),
        (
            "get",
            ("/path/info", "/Documents/a b/ü.txt"),
            "/api/2/path/info/Documents/a%20b/%C3%BC.txt/",
        ),
        ("get", ("path/info", "Documents/x"), "/api/2/path/info/Documents/x/"),
        ("get", ("/access/user", 42), "/api/2/access/user/42/"),
        ("get", ("/access/user", 0), "/api/2/access/user/"),
        ("get", ("//path//info//", "//a//b//"), "/api/2/path/info/a/b/"),
        ("post", ("/path/oper/move/",), "/api/2/path/oper/move/"),
        ("put", ("/user", "bob"), "/api/2/user/bob/"),
        ("delete", ("/user", "bob"), "/api/2/user/bob/"),
    ],
)
def test_request_line_as_the_original(
    ours: BasicClient,
    wire: Wire,
    original: Any,
    original_wire: OriginalWire,
    call: str,
    args: tuple[Any, ...],
    expected: str,
) -> None:
    getattr(ours, call)(*args)
    getattr(original, call)(*args)
    method = "GET" if call == "__call__" else call.upper()
    assert (wire.last.method, our_target(wire.last)) == (method, expected)
    assert (original_wire.last.method, original_target(original_wire.last)) == (method, expected)


def test_version_goes_into_the_path_verbatim(original_wire: OriginalWire) -> None:
    wire = Wire()
    BasicClient(KEY, PASSWORD, url=BASE, version="2.1", transport=wire.transport).get("/ping")
    smartfile.BasicClient(KEY, PASSWORD, url=BASE, version="2.1").get("/ping")
    assert our_target(wire.last) == original_target(original_wire.last) == "/api/2.1/ping/"


@pytest.mark.parametrize(
    ("id", "original_sends", "ours_sends"),
    [
        # "?" starts a query and "#c/" becomes a fragment: the original asks for "/a".
        ("/a?b#c", "/api/2/path/info/a?b", "/api/2/path/info/a%3Fb%23c/"),
        # A bare "%" is quoted by requests; "%41" is decoded to "A", a different file.
        ("/100%", "/api/2/path/info/100%25/", "/api/2/path/info/100%25/"),
        ("/x%41", "/api/2/path/info/xA/", "/api/2/path/info/x%2541/"),
        # ";" and "&" and "=" are sent as they are (a matrix parameter to some servers).
        ("/a;b&c=d", "/api/2/path/info/a;b&c=d/", "/api/2/path/info/a%3Bb%26c%3Dd/"),
        ("/a b", "/api/2/path/info/a%20b/", "/api/2/path/info/a%20b/"),
    ],
)
def test_special_characters_in_ids_are_encoded(
    ours: BasicClient,
    wire: Wire,
    original: Any,
    original_wire: OriginalWire,
    id: str,
    original_sends: str,
    ours_sends: str,
) -> None:
    """The deliberate divergence of the module docstring: what the original would send is
    asserted too, so the difference stays documented by a running test."""
    original.get("/path/info", id)
    ours.get("/path/info", id)
    assert original_target(original_wire.last) == original_sends
    assert our_target(wire.last) == ours_sends
    # Ours always reaches the server as the path the caller named.
    assert wire.last.url.path == "/api/2/path/info" + id + "/"


# ---- kwargs -------------------------------------------------------------------------------------


def test_get_kwargs_are_the_query_with_lists_repeated(
    ours: BasicClient, wire: Wire, original: Any, original_wire: OriginalWire
) -> None:
    ours.get("/path/info", "/Documents", fields=["name", "size"], q="a b&c", page="2")
    original.get("/path/info", "/Documents", fields=["name", "size"], q="a b&c", page="2")
    ours_pairs = parse_qsl(wire.last.url.query.decode(), keep_blank_values=True)
    original_query = str(original_wire.last.url).partition("?")[2]
    assert ours_pairs == parse_qsl(original_query, keep_blank_values=True)
    assert ours_pairs == [("fields", "name"), ("fields", "size"), ("q", "a b&c"), ("page", "2")]
    assert wire.last.content == b""


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, [("children", "True")]), (False, [("children", "False")]), (None, [])],
)
def test_kwarg_values_are_sent_as_the_original_sent_them(
    ours: BasicClient,
    wire: Wire,
    original: Any,
    original_wire: OriginalWire,
    method: str,
    value: object,
    expected: list[tuple[str, str]],
) -> None:
    """Reference 1.3: ``get('/path/info', ..., children=True)`` -> ``?children=True``."""
    getattr(original, method)("/path/info", "/d", children=value)
    getattr(ours, method)("/path/info", "/d", children=value)
    if method == "get":
        original_sent = str(original_wire.last.url).partition("?")[2]
        ours_sent = wire.last.url.query.decode()
    else:
        original_sent = body_of(original_wire.last).decode()
        ours_sent = wire.last.content.decode()
    assert parse_qsl(original_sent, keep_blank_values=True) == expected
    assert parse_qsl(ours_sent, keep_blank_values=True) == expected


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_other_methods_send_a_form_body_with_lists_repeated(
    ours: BasicClient,
    wire: Wire,
    original: Any,
    original_wire: OriginalWire,
    method: str,
) -> None:
    fields: dict[str, Any] = {"path": ["/a", "/b ü"], "dst": "/x&y=z", "n": 3}
    getattr(ours, method)("/path/oper/remove", **fields)
    getattr(original, method)("/path/oper/remove", **fields)
    assert wire.last.method == method.upper()
    assert wire.last.url.query == b""  # nothing in the query
    assert wire.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert (
        header_text(original_wire.last.headers["Content-Type"])
        == "application/x-www-form-urlencoded"
    )
    assert wire.last.content == body_of(original_wire.last)
    assert parse_qsl(wire.last.content.decode()) == [
        ("path", "/a"),
        ("path", "/b ü"),
        ("dst", "/x&y=z"),
        ("n", "3"),
    ]


@pytest.mark.parametrize("method", ["get", "post", "put", "delete"])
def test_no_kwargs_no_body(
    ours: BasicClient, wire: Wire, original: Any, original_wire: OriginalWire, method: str
) -> None:
    getattr(ours, method)("/ping")
    getattr(original, method)("/ping")
    assert wire.last.content == body_of(original_wire.last) == b""
    assert "content-type" not in wire.last.headers
    assert "Content-Type" not in original_wire.last.headers
    assert wire.last.url.query == b""


def test_tuple_kwarg_makes_a_multipart_part_with_that_name_and_filename(
    ours: BasicClient, wire: Wire, original: Any, original_wire: OriginalWire
) -> None:
    ours.post("/path/data", "/dest/dir", file=("n ü.txt", io.BytesIO(b"hello")), note="x")
    original.post("/path/data", "/dest/dir", file=("n ü.txt", io.BytesIO(b"hello")), note="x")
    assert (
        our_target(wire.last) == original_target(original_wire.last) == "/api/2/path/data/dest/dir/"
    )
    ours_type = wire.last.headers["content-type"]
    original_type = header_text(original_wire.last.headers["Content-Type"])
    assert ours_type.startswith("multipart/form-data; boundary=")
    ours_parts = multipart_parts(ours_type, wire.last.content)
    original_parts = multipart_parts(original_type, body_of(original_wire.last))
    # The order of the parts differs (requests puts fields first too); the parts do not.
    assert sorted(ours_parts) == sorted(original_parts)
    assert ("file", "n ü.txt", b"hello") in ours_parts
    assert ("note", None, b"x") in ours_parts


def test_file_object_kwarg_uses_its_name(
    ours: BasicClient, wire: Wire, original: Any, original_wire: OriginalWire, tmp_path: Path
) -> None:
    local = tmp_path / "report.csv"
    local.write_bytes(b"a,b\n1,2\n")
    with local.open("rb") as stream:
        ours.post("/path/data", "/d", upload=stream)
    with local.open("rb") as stream:
        original.post("/path/data", "/d", upload=stream)
    ours_parts = multipart_parts(wire.last.headers["content-type"], wire.last.content)
    original_parts = multipart_parts(
        header_text(original_wire.last.headers["Content-Type"]), body_of(original_wire.last)
    )
    assert ours_parts == original_parts == [("upload", "report.csv", b"a,b\n1,2\n")]


def test_nameless_file_object_is_named_after_its_keyword(
    ours: BasicClient, wire: Wire, original: Any, original_wire: OriginalWire
) -> None:
    ours.post("/path/data", "/d", report=io.BytesIO(b"x"))
    original.post("/path/data", "/d", report=io.BytesIO(b"x"))
    original_parts = multipart_parts(
        header_text(original_wire.last.headers["Content-Type"]), body_of(original_wire.last)
    )
    assert original_parts == [("report", "report", b"x")]
    ours_parts = multipart_parts(wire.last.headers["content-type"], wire.last.content)
    assert ours_parts == original_parts


# ---- typed helpers ------------------------------------------------------------------------------

WEIRD = "/Dir ü/a b?c#d%41&e;f=g.txt"
WEIRD_ENCODED = "/Dir%20%C3%BC/a%20b%3Fc%23d%2541%26e%3Bf%3Dg.txt"


def typed(answer: Any) -> tuple[BasicClient, Wire]:
    wire = Wire(answer)
    return BasicClient(KEY, PASSWORD, url=BASE, transport=wire.transport), wire


def test_info_encodes_the_path() -> None:
    client, wire = typed({"name": "a", "path": WEIRD})
    client.info(WEIRD)
    assert (wire.last.method, our_target(wire.last)) == (
        "GET",
        "/api/2/path/info" + WEIRD_ENCODED,
    )
    assert wire.last.url.path == "/api/2/path/info" + WEIRD


def test_iter_children_query() -> None:
    client, wire = typed({"children": [], "pages": 1})
    assert client.ls("/Dir ü") == []
    assert wire.last.url.path == "/api/2/path/info/Dir ü"
    pairs = dict(parse_qsl(wire.last.url.query.decode()))
    assert pairs["children"].lower() == "true"
    assert pairs["page"] == "1"


def test_download_stream_url() -> None:
    client, wire = typed({})
    stream = client.download(WEIRD, perform_download=False)
    assert isinstance(stream, ResponseStream)
    stream.close()
    assert (wire.last.method, our_target(wire.last)) == ("GET", "/api/2/path/data" + WEIRD_ENCODED)


def test_download_to_path_url(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, content=b"data", headers={"content-type": "application/octet-stream"}
        )

    client = BasicClient(KEY, PASSWORD, url=BASE, transport=httpx.MockTransport(handle))
    written = client.download("/Dir ü/100% a#b.bin", download_to_path=tmp_path)
    assert isinstance(written, Path)
    assert Path(written) == tmp_path / "100% a#b.bin"
    assert Path(written).read_bytes() == b"data"
    assert our_target(seen[0]) == "/api/2/path/data/Dir%20%C3%BC/100%25%20a%23b.bin"


def test_upload_directory_and_filename() -> None:
    client, wire = typed({"name": "a?b#.txt"})
    client.upload("a?b#ü.txt", io.BytesIO(b"abc"), directory="/d ü/x?y#")
    assert (wire.last.method, our_target(wire.last)) == (
        "POST",
        "/api/2/path/data/d%20%C3%BC/x%3Fy%23",
    )
    parts = multipart_parts(wire.last.headers["content-type"], wire.last.content)
    assert parts == [("file", "a?b#ü.txt", b"abc")]


def test_upload_defaults_to_the_root_as_the_original() -> None:
    client, wire = typed({})
    client.upload("n.txt", io.BytesIO(b"x"))
    assert wire.last.url.path.rstrip("/") == "/api/2/path/data"


@pytest.mark.parametrize(
    ("call", "kwargs", "url", "fields"),
    [
        (
            "move",
            {"src": [WEIRD, "/b"], "dst": "/to ü/", "wait": False},
            "/api/2/path/oper/move/",
            [("src", WEIRD), ("src", "/b"), ("dst", "/to ü/")],
        ),
        (
            "copy",
            {"src": WEIRD, "dst": "/to", "wait": False},
            "/api/2/path/oper/copy/",
            [("src", WEIRD), ("dst", "/to")],
        ),
        (
            "remove",
            {"path": [WEIRD], "wait": False},
            "/api/2/path/oper/remove/",
            [("path", WEIRD)],
        ),
    ],
)
def test_task_operations_send_paths_in_a_form_body(
    call: str, kwargs: dict[str, Any], url: str, fields: list[tuple[str, str]]
) -> None:
    client, wire = typed(TASK)
    ref = getattr(client, call)(**kwargs)
    assert ref.uuid == TASK["uuid"]
    assert (wire.last.method, our_target(wire.last)) == ("POST", url)
    assert wire.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(wire.last.content.decode()) == fields


def test_mkdir_and_rename_bodies() -> None:
    client, wire = typed({"path": "/x"})
    client.mkdir(WEIRD)
    assert our_target(wire.last) == "/api/2/path/oper/mkdir/"
    assert parse_qsl(wire.last.content.decode()) == [("path", WEIRD)]
    client.rename(WEIRD, "new ü&name")
    assert our_target(wire.last) == "/api/2/path/oper/rename/"
    assert parse_qsl(wire.last.content.decode()) == [("src", WEIRD), ("dst", "new ü&name")]


def test_link_urls() -> None:
    client, wire = typed(LINK)
    client.create_link(WEIRD, name="n")
    assert our_target(wire.last) == "/api/2/link/"
    assert ("path", WEIRD) in parse_qsl(wire.last.content.decode())
    client.delete_link("a/b?c")
    assert (wire.last.method, wire.last.url.path) == ("DELETE", "/api/2/link/a/b?c/")
    assert "?" not in our_target(wire.last)


def test_typed_and_generic_calls_share_the_base_url_prefix() -> None:
    wire = Wire({"ping": "pong"})
    client = BasicClient(KEY, PASSWORD, url="https://h.example.test/sf", transport=wire.transport)
    client.ping()
    assert str(wire.last.url) == "https://h.example.test/sf/api/2/ping/"
    client.get("/ping")
    assert str(wire.last.url) == "https://h.example.test/sf/api/2/ping/"
