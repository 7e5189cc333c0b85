"""Every JSON answer the Box emulator gives during a full client tour validates against
``specs/box.yaml`` *and* against Box's official OpenAPI document, for the operation and status
it answers. An emulator that drifted from Box (or a spec that drifted from the emulator)
fails here, not in a user's hands.

The traffic is captured below the client's retry layer, so every answer counts, including
errors (409 conflicts in both shapes, 400s) and the token endpoint's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudspec.box import BoxAuthenticateFlow, BoxClient, BoxConflict, BoxError
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box
from tests.live.recording import Exchange, Recorder
from tests.unit.test_box_spec import (
    OFFICIAL_URI,
    OUR_OPERATIONS,
    OURS,
    OURS_URI,
    Operation,
    _official,
    _official_operations,
    _response,
    _validate,
    _validated_media,
)

pytestmark = pytest.mark.live


def _matcher(op: Operation) -> re.Pattern[str]:
    url = op.full_url(OURS)
    pattern = re.escape(url)
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", pattern)
    return re.compile(f"^{pattern}$")


_ROUTES = [(op, _matcher(op)) for op in OUR_OPERATIONS]


def _operation(server: ServerURLs, exchange: Exchange) -> Operation:
    real = {
        server.urls["api"] + "/2.0": "https://api.box.com/2.0",
        server.urls["upload"] + "/2.0": "https://upload.box.com/api/2.0",
        server.urls["api"] + "/oauth2": "https://api.box.com/oauth2",
    }
    url = str(exchange.url.copy_with(query=None))
    for local, remote in real.items():
        if url.startswith(local + "/"):
            url = remote + url[len(local) :]
            break
    for op, pattern in _ROUTES:
        if op.method.upper() == exchange.method and pattern.match(url):
            return op
    raise AssertionError(f"no spec operation for {exchange.method} {exchange.url}")


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


COPY_AND_MOVE_OPERATIONS = (
    "post_files_id_copy",
    "put_files_id",
    "post_folders_id_copy",
    "put_folders_id",
)
# Every answer of the copy and move operations the tour reaches, by operation and status.
COPY_AND_MOVE_ANSWERS = {
    ("post_files_id_copy", 201),
    ("post_files_id_copy", 409),
    ("put_files_id", 200),
    ("put_files_id", 409),
    ("put_files_id", 412),
    ("post_folders_id_copy", 201),
    ("post_folders_id_copy", 409),
    ("put_folders_id", 200),
    ("put_folders_id", 409),
    ("put_folders_id", 412),
}


def _tour(server: ServerURLs, recorder: Recorder, tmp_path: Path) -> None:
    urls = box.urls_of(server)
    with BoxAuthenticateFlow(
        box.CLIENT_ID,
        box.CLIENT_SECRET,
        "http://127.0.0.1:9/callback",
        urls=urls,
        transport=recorder,
    ) as flow:
        flow.complete(box.browser_grant(flow.get_authorization_url()))
        assert flow.token is not None
        token = flow.token
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        access_token=token.access_token,
        refresh_token=token.refresh_token,
        urls=urls,
        transport=recorder,
        chunked_threshold=box.SMALL_THRESHOLD,
    ) as client:
        client.users.me()
        top = client.folders.create("fidelity")
        client.folders.get(top.id)
        for name in ("a", "b", "c"):
            client.folders.create(name, top.id)
        list(client.folders.items(top.id, limit=2))
        list(client.folders.items(top.id, limit=2, use_marker=False))
        with pytest.raises(BoxConflict):
            client.folders.create("a", top.id)
        with pytest.raises(BoxError):
            client.folders.delete(top.id)  # not empty
        small = client.files.upload(io.BytesIO(b"small" * 100), top.id, name="s.txt")
        with pytest.raises(BoxConflict):
            client.files.upload(io.BytesIO(b"other"), top.id, name="s.txt")
        with pytest.raises(BoxConflict):
            client.files.preflight("s.txt", 10, top.id)
        client.files.preflight("new.txt", 10, top.id)
        client.files.upload_version(small.id, io.BytesIO(b"v2"), name="s.txt")
        client.files.get(small.id)
        sub = client.folders.get(client.folders.create("d", top.id).id)
        copied = client.files.copy(small.id, sub.id)
        with pytest.raises(BoxConflict):
            client.files.copy(small.id, top.id)  # its own name, in its own folder
        client.files.move(copied.id, top.id, name="moved.txt")
        with pytest.raises(BoxConflict):
            client.files.rename(copied.id, "s.txt")
        with pytest.raises(BoxError):
            client.files.rename(copied.id, "x.txt", etag="stale")  # 412
        tree = client.folders.copy(sub.id, top.id, name="d2")
        with pytest.raises(BoxConflict):
            client.folders.copy(sub.id, top.id)
        client.folders.move(tree.id, sub.id)
        client.folders.rename(tree.id, "d3")
        with pytest.raises(BoxConflict):
            client.folders.rename(sub.id, "a")
        with pytest.raises(BoxError):
            client.folders.rename(tree.id, "d4", etag=str(sub.etag) + "0")  # 412
        source = tmp_path / "big.bin"
        box.make_file(source, 3 * 256 * 1024 + 5)
        uploader = client.files.chunked_uploader(source, top.id)
        uploader.upload()
        client.files.download(small.id, tmp_path / "s.txt")
        list(client.search("s.txt", limit=1))
        box.expire_tokens(server)
        client.users.me()  # 401, then the refresh grant's answer
        client.files.delete(small.id)
        with pytest.raises(BoxError):
            client.files.get(small.id)
        client.folders.delete(top.id, recursive=True)


def test_every_emulator_answer_fits_both_specs(server: ServerURLs, tmp_path: Path) -> None:
    recorder = Recorder()
    _tour(server, recorder, tmp_path)
    official = _official()
    checked: set[tuple[str, int]] = set()
    problems: list[str] = []
    for exchange in recorder.seen:
        op = _operation(server, exchange)
        status = str(exchange.status)
        ours = op.node(OURS)["responses"]
        if status not in ours:
            problems.append(f"{op.operation_id} answered {status}, which the spec does not declare")
            continue
        media = _validated_media(OURS, _response(OURS, op, status)).get("application/json")
        if media is None:
            problems.append(f"{op.operation_id} {status}: JSON where the spec has none")
            continue
        where = f"{op.operation_id} {status}"
        problems += [
            f"{where} (ours): {e}" for e in _validate(OURS_URI, f"{media}/schema", exchange.body)
        ]
        for theirs in _official_operations(op):
            their_responses = theirs.node(official)["responses"]
            their_status = status if status in their_responses else "default"
            their_media = _validated_media(official, _response(official, theirs, their_status)).get(
                "application/json"
            )
            if their_media is None:
                problems.append(f"{where}: Box's document has no JSON body for it")
                continue
            problems += [
                f"{where} (Box's {theirs.path}): {e}"
                for e in _validate(OFFICIAL_URI, f"{their_media}/schema", exchange.body)
            ]
        checked.add((op.operation_id, exchange.status))
    assert problems == []
    # The tour reaches most of the API: a shrinking set means a silently skipped check.
    assert len({op for op, _ in checked}) >= 19, sorted(checked)
    copy_and_move = {pair for pair in checked if pair[0] in COPY_AND_MOVE_OPERATIONS}
    assert copy_and_move == COPY_AND_MOVE_ANSWERS
