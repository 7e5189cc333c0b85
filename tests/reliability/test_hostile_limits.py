"""Oversized answers are bounded, and server-supplied file names never leave the directory.

An endless JSON body (a MockTransport streaming forever) is refused once it passes the cap,
for every client and for the core client factory; a declared ``Content-Length`` over the cap
is refused before a byte is read; files streamed to disk are not capped. Hostile names
(``../``, absolute paths, NUL, separators) from a server stay inside the target directory.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudspec.core import build_client
from cloudspec.core._sync.download import download_to_path
from cloudspec.core.errors import (
    CloudspecError,
    MalformedResponseError,
    ResponseTooLargeError,
    UnsafeFileNameError,
)
from cloudspec.core.files import safe_filename, target_path
from cloudspec.core.limits import (
    DEFAULT_MAX_RESPONSE_BYTES,
    EXT_MAX_RESPONSE_BYTES,
    default_max_response_bytes,
)
from tests.reliability.figures import record
from tests.reliability.hostile import HOSTILE_SETTINGS
from tests.reliability.test_hostile_clients import CLIENTS, Client

CAP = 256 * 1024
CHUNK = 64 * 1024
FIGURES: dict[str, Any] = {}


class Endless(httpx.SyncByteStream):
    """``[`` then spaces, forever; counts what was pulled."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        yield b"["
        while True:
            self.sent += CHUNK
            if self.sent > 64 * CAP:  # the guard under test failed: stop, and say so
                raise AssertionError("read far past the cap")
            yield b" " * CHUNK


def _endless(
    content_type: str = "application/json",
) -> tuple[httpx.MockTransport, list[Endless]]:
    streams: list[Endless] = []

    def handler(request: httpx.Request) -> httpx.Response:
        stream = Endless()
        streams.append(stream)
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(200, headers=headers, stream=stream)

    return httpx.MockTransport(handler), streams


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLOUDSPEC_MAX_RESPONSE_BYTES", str(CAP))


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    record(
        "hostile_limits",
        {
            "title": "Oversized answers and hostile file names",
            "summary": [[k, v] for k, v in sorted(FIGURES.items())],
        },
    )


def test_the_default_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLOUDSPEC_MAX_RESPONSE_BYTES", raising=False)
    assert default_max_response_bytes() == DEFAULT_MAX_RESPONSE_BYTES == 64 * 1024 * 1024
    monkeypatch.setenv("CLOUDSPEC_MAX_RESPONSE_BYTES", "1000")
    assert default_max_response_bytes() == 1000
    monkeypatch.setenv("CLOUDSPEC_MAX_RESPONSE_BYTES", "nonsense")
    assert default_max_response_bytes() == DEFAULT_MAX_RESPONSE_BYTES


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/problem+json", "text/html"]
)
def test_core_client_refuses_an_endless_body(content_type: str) -> None:
    transport, streams = _endless(content_type)
    with (
        build_client("http://x.test", transport=transport, max_response_bytes=CAP) as client,
        pytest.raises(ResponseTooLargeError) as caught,
    ):
        client.get("/")
    assert caught.value.status == 200
    assert streams[0].sent <= CAP + CHUNK


def test_declared_length_over_the_cap_is_refused_unread() -> None:
    pulled: list[int] = []

    class Counting(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            pulled.append(1)
            yield b"{}"

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "application/json", "content-length": str(CAP + 1)}
        return httpx.Response(200, headers=headers, stream=Counting())

    transport = httpx.MockTransport(handler)
    with (
        build_client("http://x.test", transport=transport, max_response_bytes=CAP) as client,
        pytest.raises(ResponseTooLargeError),
    ):
        client.get("/")
    assert pulled == []


def test_a_body_under_the_cap_is_read() -> None:
    body = json.dumps({"data": "x" * (CAP - 100)}).encode()[: CAP - 10]
    transport = httpx.MockTransport(
        lambda r: httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )
    with build_client("http://x.test", transport=transport, max_response_bytes=CAP) as client:
        assert client.get("/").content == body


def test_a_file_streamed_to_disk_is_not_capped(tmp_path: Path) -> None:
    """A download of a big file served as JSON: streamed to disk, never capped."""
    size = 4 * CAP
    payload = b"[" + b" " * (size - 2) + b"]"

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.extensions.get(EXT_MAX_RESPONSE_BYTES, "absent") is None
        return httpx.Response(200, content=payload, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    with build_client("http://x.test", transport=transport, max_response_bytes=CAP) as client:
        target = download_to_path(client, "http://x.test/f", tmp_path / "f.json")
    assert target.stat().st_size == size


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", ""])
@pytest.mark.parametrize("client", CLIENTS, ids=[c.name for c in CLIENTS])
def test_every_client_refuses_an_endless_body(
    client: Client, content_type: str, small_cap: None, tmp_path: Path
) -> None:
    """JSON is capped by its type; any other type on the calls that read answers whole."""
    transport, streams = _endless(content_type)
    handle = client.build(transport)
    refused = 0
    try:
        for name, op in sorted(client.ops.items()):
            if "download" in name or "iter_bytes" in name or "read_range" in name:
                continue  # file bytes: streamed (see the download test)
            if name.startswith("generic") and content_type != "application/json":
                continue  # SmartFile's generic calls answer other types as a stream
            try:
                op(handle, tmp_path)
            except ResponseTooLargeError:
                refused += 1
            except CloudspecError as exc:
                # Raised before any read (an auth answer...) or after the refusal, typed.
                assert isinstance(exc, CloudspecError)
    finally:
        from tests.reliability.test_hostile_clients import _close

        _close(handle)
    assert streams, "no request reached the server"
    assert max(s.sent for s in streams) <= CAP + CHUNK
    assert refused > 0
    key = f"{client.name}: calls refused over the cap"
    FIGURES[key] = FIGURES.get(key, 0) + refused


# ---- server-supplied file names -----------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..",
    ".",
    "/etc/passwd",
    "/",
    "a/../../b",
    "C:\\Windows\\system32\\x.dll",
    "..\\..\\x",
    "\x00",
    "evil\x00.txt",
    "a/b/c",
    "~/.ssh/authorized_keys",
    "x" * 1000,
    "é" * 300 + ".txt",
    " ",
    "\n",
    "con",
]

names = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(max_size=60),
    st.lists(
        st.sampled_from(["..", ".", "/", "\\", "\x00", "a", "b.txt", "~", ":"]), max_size=8
    ).map("".join),
)


@HOSTILE_SETTINGS
@given(name=names)
def test_safe_filename_never_escapes(name: str) -> None:
    try:
        safe = safe_filename(name)
    except UnsafeFileNameError as exc:
        assert isinstance(exc, ValueError) and isinstance(exc, MalformedResponseError)
        FIGURES["names refused"] = FIGURES.get("names refused", 0) + 1
        return
    FIGURES["names made safe"] = FIGURES.get("names made safe", 0) + 1
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert len(safe.encode()) <= 255
    base = Path("/tmp/target-dir")
    resolved = Path(os.path.normpath(base / safe))
    assert resolved.parent == base


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_target_path_stays_in_the_directory(name: str, tmp_path: Path) -> None:
    try:
        target = target_path(name, tmp_path)
    except UnsafeFileNameError:
        return
    assert Path(os.path.normpath(target)).parent == tmp_path


@pytest.mark.parametrize("name", [*HOSTILE_NAMES, 5, None, ["a"]])
def test_kinto_attachment_names_stay_in_the_directory(name: Any, tmp_path: Path) -> None:
    """Kinto's ``download_attachment`` names the file after the server's ``filename``."""
    from cloudspec.kinto import KintoClient

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/":
            info = {"capabilities": {"attachments": {"base_url": "http://files.test/"}}}
            return httpx.Response(200, json=info)
        return httpx.Response(200, content=b"payload")

    inside = tmp_path / "inside"
    inside.mkdir()
    record_ = {"id": "r", "attachment": {"location": "a/b", "filename": name}}
    with KintoClient(
        server_url="http://kinto.test/v1", transport=httpx.MockTransport(handler), retry=0
    ) as client:
        try:
            written = Path(client.download_attachment(record_, inside))
        except CloudspecError:
            written = None
    outside = [p for p in tmp_path.rglob("*") if inside not in p.parents and p != inside]
    assert outside == []
    if written is not None:
        assert written.parent == inside and written.read_bytes() == b"payload"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_buttfs_item_names_stay_in_the_directory(name: str, tmp_path: Path) -> None:
    """ButtFS ``File.download(directory)`` names the file after the item's server name."""
    from cloudspec.buttfs import Session
    from cloudspec.buttfs._sync.objects import File

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"payload")

    inside = tmp_path / "inside"
    inside.mkdir()
    with Session("http://buttfs.test", "id", "secret", transport=httpx.MockTransport(handler)) as s:
        s.rest_interface.access_token = "token"
        item = File(s.rest_interface, {"name": name, "id": "abc", "type": "file", "size": 7})
        try:
            written = Path(item.download(inside))
        except CloudspecError:
            written = None
    outside = [p for p in tmp_path.rglob("*") if inside not in p.parents and p != inside]
    assert outside == []
    if written is not None:
        assert written.parent == inside and written.read_bytes() == b"payload"


# ---- a server that pages forever with the same cursor ---------------------------------------


def _kinto_same_page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={"data": [{"id": "r1"}]},
        headers={"Next-Page": "http://kinto.test/v1/buckets/b/collections/c/records?_token=t"},
    )


def _box_same_marker(request: httpx.Request) -> httpx.Response:
    entry = {"type": "file", "id": "1", "name": "other"}
    return httpx.Response(200, json={"entries": [entry], "next_marker": "m"})


@pytest.mark.parametrize(
    ("name", "handler", "call"),
    [
        ("kinto.get_records", _kinto_same_page, lambda c: c.get_records()),
        ("box.folders.items", _box_same_marker, lambda c: list(c.folders.items("0"))),
        ("box.folders.find", _box_same_marker, lambda c: c.folders.find("x", "0")),
    ],
)
def test_a_repeated_page_cursor_ends_in_a_typed_error(name: str, handler: Any, call: Any) -> None:
    hits = 0

    def counting(request: httpx.Request) -> httpx.Response:
        nonlocal hits
        hits += 1
        assert hits < 50, "the client pages forever"
        response: httpx.Response = handler(request)
        return response

    client = next(c for c in CLIENTS if c.name == name.split(".")[0])
    handle = client.build(httpx.MockTransport(counting))
    try:
        with pytest.raises(MalformedResponseError):
            call(handle)
    finally:
        handle.close()
    assert hits <= 3
    FIGURES[f"{name}: requests before a repeated cursor is refused"] = hits


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_box_download_into_a_directory_keeps_the_name_inside(name: str, tmp_path: Path) -> None:
    """Box ``files.download(id, directory)`` names the file after Box's name for it."""
    payload = b"payload"
    info = {
        "type": "file",
        "id": "1",
        "name": name,
        "size": len(payload),
        "sha1": hashlib.sha1(payload).hexdigest(),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/content"):
            return httpx.Response(200, content=payload)
        return httpx.Response(200, json=info)

    inside = tmp_path / "inside"
    inside.mkdir()
    client = next(c for c in CLIENTS if c.name == "box")
    handle = client.build(httpx.MockTransport(handler))
    try:
        written: Path | None = handle.files.download("1", inside)
    except CloudspecError:
        written = None
    finally:
        handle.close()
    outside = [p for p in tmp_path.rglob("*") if inside not in p.parents and p != inside]
    assert outside == []
    if written is not None:
        assert written.parent == inside and written.read_bytes() == payload
