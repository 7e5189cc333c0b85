"""The five sync clients against a hostile server: every main public method, answered with
hostile bodies (wrong shapes, HTML, empty, truncated, huge, deep) under 2xx and error statuses.

Each call ends in a value or a typed error (``cloudspec.core.errors.CloudspecError``, which
every service's error base derives from); never ``KeyError``, ``TypeError``,
``AttributeError``, ``ValueError``, a JSON error or anything else.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudspec.core.errors import CloudspecError
from cloudspec.core.retry import RetryPolicy
from tests.reliability.figures import record
from tests.reliability.hostile import HOSTILE_SETTINGS, Body, Tally, bodies, encoded, hostile_json

TALLY = Tally()
NO_RETRY = RetryPolicy(max_retries=0)
STATUSES = [200, 200, 200, 201, 204, 206, 400, 401, 403, 404, 409, 412, 416, 429, 500, 502, 503]
LIMIT = 20  # items taken from an iterator (a hostile server may page forever)

Answer = tuple[int, bytes, str]
Op = Callable[[Any, Path], Any]


class Hostile:
    """A MockTransport handler answering the scripted answers in turn, cycling."""

    def __init__(self, answers: list[Answer]) -> None:
        self._answers = itertools.cycle(answers)
        self.hits = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.hits += 1
        if self.hits > 200:  # a client that loops on a hostile answer: stop it, loudly
            raise AssertionError(f"more than 200 requests for one call ({request.url})")
        status, content, content_type = next(self._answers)
        headers = {"content-type": content_type} if content_type else {}
        return httpx.Response(status, content=content, headers=headers)


def _take(iterable: Any) -> list[Any]:
    return list(itertools.islice(iterable, LIMIT))


def _small_file(tmp: Path) -> Path:
    path = tmp / "small.txt"
    path.write_bytes(b"hello hostile world\n")
    return path


# ---- the clients ------------------------------------------------------------------------


def _box(transport: httpx.MockTransport) -> Any:
    from cloudspec.box import BoxClient

    return BoxClient(access_token="token", transport=transport, retry=NO_RETRY)


BOX_OPS: dict[str, Op] = {
    "folders.get": lambda c, _: c.folders.get("0"),
    "folders.items": lambda c, _: _take(c.folders.items("0")),
    "folders.create": lambda c, _: c.folders.create("x", "0"),
    "folders.find": lambda c, _: c.folders.find("x", "0"),
    "folders.delete": lambda c, _: c.folders.delete("5"),
    "files.get": lambda c, _: c.files.get("1"),
    "files.delete": lambda c, _: c.files.delete("1"),
    "files.upload": lambda c, tmp: c.files.upload(_small_file(tmp), "0"),
    "files.download": lambda c, tmp: c.files.download("1", tmp / "out.bin"),
    "files.iter_bytes": lambda c, _: _take(c.files.iter_bytes("1")),
    "files.preflight": lambda c, _: c.files.preflight("x", 10, "0"),
    "users.me": lambda c, _: c.users.me(),
    "search": lambda c, _: _take(c.search("x")),
}


def _kinto(transport: httpx.MockTransport) -> Any:
    from cloudspec.kinto import KintoClient

    return KintoClient(
        server_url="http://kinto.test/v1",
        transport=transport,
        retry=0,
        retry_after=0,
        bucket="b",
        collection="c",
    )


KINTO_OPS: dict[str, Op] = {
    "server_info": lambda c, _: c.server_info(),
    "get_bucket": lambda c, _: c.get_bucket(id="b"),
    "get_buckets": lambda c, _: c.get_buckets(),
    "create_bucket": lambda c, _: c.create_bucket(id="b"),
    "get_collection": lambda c, _: c.get_collection(id="c"),
    "get_collections": lambda c, _: c.get_collections(),
    "get_records": lambda c, _: c.get_records(),
    "get_record": lambda c, _: c.get_record(id="r"),
    "create_record": lambda c, _: c.create_record(data={"a": 1}),
    "update_record": lambda c, _: c.update_record(id="r", data={"a": 1}),
    "patch_record": lambda c, _: c.patch_record(id="r", data={"a": 2}),
    "delete_record": lambda c, _: c.delete_record(id="r"),
    "delete_records": lambda c, _: c.delete_records(),
    "get_groups": lambda c, _: c.get_groups(),
    "get_history": lambda c, _: c.get_history(),
    "get_permissions": lambda c, _: c.get_permissions(),
    "count_records": lambda c, _: c.count_records(),
    "get_records_timestamp": lambda c, _: c.get_records_timestamp(),
    "batch": lambda c, _: _batch(c),
    "download_attachment": lambda c, tmp: c.download_attachment(
        {"id": "r", "attachment": {"location": "a/b.bin", "filename": "b.bin"}}, tmp
    ),
}


def _batch(client: Any) -> Any:
    with client.batch() as batch:
        batch.create_record(data={"a": 1})
        batch.get_record(id="r")
    return batch.results()


def _metadisk(transport: httpx.MockTransport) -> Any:
    from cloudspec.metadisk import Bucket, Buckets, ECDSAKeyPair, Users

    key = ECDSAKeyPair.generate()
    base = "http://bridge.test"
    return {
        "buckets": Buckets(key, base_url=base, transport=transport, retry=NO_RETRY),
        "bucket": Bucket("b1", key, base_url=base, transport=transport, retry=NO_RETRY),
        "users": Users("a@b.test", "pw", base_url=base, transport=transport, retry=NO_RETRY),
    }


METADISK_OPS: dict[str, Op] = {
    "buckets.list": lambda c, _: c["buckets"].list(),
    "buckets.create": lambda c, _: c["buckets"].create("n"),
    "bucket.info": lambda c, _: c["bucket"].info(),
    "bucket.update": lambda c, _: c["bucket"].update(name="m"),
    "bucket.delete": lambda c, _: c["bucket"].delete(),
    "files.list": lambda c, _: c["bucket"].files.list(),
    "files.token": lambda c, _: c["bucket"].files.token("PULL"),
    "files.pointers": lambda c, _: c["bucket"].files.pointers("f" * 40, "tok"),
    "files.upload": lambda c, tmp: c["bucket"].files.upload(_small_file(tmp), "tok"),
    "files.download": lambda c, tmp: c["bucket"].files.download("f" * 40, tmp / "o", "tok"),
    "files.delete": lambda c, _: c["bucket"].files.delete("f" * 40),
    "users.register": lambda c, _: c["users"].register("02" + "a" * 64),
    "users.activate": lambda c, _: c["users"].activate("tok"),
    "users.reset_password": lambda c, _: c["users"].reset_password("new"),
}


def _smartfile(transport: httpx.MockTransport) -> Any:
    from cloudspec.smartfile import BasicClient

    return BasicClient(
        "k" * 30,
        "p" * 30,
        url="https://files.test/",
        transport=transport,
        retry=NO_RETRY,
        throttle_wait=False,
    )


SMARTFILE_OPS: dict[str, Op] = {
    "ping": lambda c, _: c.ping(),
    "whoami": lambda c, _: c.whoami(),
    "info": lambda c, _: c.info("/a.txt"),
    "ls": lambda c, _: c.ls("/"),
    "mkdir": lambda c, _: c.mkdir("/d"),
    "rename": lambda c, _: c.rename("/a.txt", "b.txt"),
    "upload": lambda c, tmp: c.upload(_small_file(tmp)),
    "download": lambda c, tmp: c.download("/a.txt", download_to_path=tmp),
    "move": lambda c, _: c.move("/a.txt", "/d", wait=False),
    "remove": lambda c, _: c.remove("/a.txt", wait=False),
    "wait": lambda c, _: c.wait("u-1", timeout=0.01),
    "create_link": lambda c, _: c.create_link("/a.txt"),
    "iter_links": lambda c, _: _take(c.iter_links()),
    "generic get": lambda c, _: _read(c.get("/path/info/a")),
    "generic post": lambda c, _: _read(c.post("/path/oper/mkdir/", path="/x")),
}


def _read(answer: Any) -> Any:
    """A generic call may answer a stream (a non-JSON body): read it as the caller would."""
    read = getattr(answer, "read", None)
    if callable(read):
        try:
            return read()
        finally:
            answer.close()
    return answer


def _buttfs(transport: httpx.MockTransport) -> Any:
    from cloudspec.buttfs import Session

    session = Session("http://buttfs.test", "id", "secret", transport=transport, retry=NO_RETRY)
    session.rest_interface.access_token = "token"
    return session


BUTTFS_OPS: dict[str, Op] = {
    "authenticate": lambda s, _: s.rest_interface.authenticate("u", "p"),
    "ping": lambda s, _: s.rest_interface.ping(),
    "get_user": lambda s, _: s.get_user(),
    "get_account": lambda s, _: s.get_account(),
    "fs.root": lambda s, _: s.get_filesystem().root(),
    "fs.list": lambda s, _: s.get_filesystem().list("/"),
    "fs.get_item": lambda s, _: s.get_filesystem().get_item("/a"),
    "fs.list_shares": lambda s, _: s.get_filesystem().list_shares(),
    "fs.list_trash": lambda s, _: s.get_filesystem().list_trash(),
    "fs.create_share": lambda s, _: s.get_filesystem().create_share("/a"),
    "fs.retrieve_share": lambda s, _: s.get_filesystem().retrieve_share("k"),
    "rest.list_folder": lambda s, _: s.rest_interface.list_folder("/"),
    "rest.read_range": lambda s, _: s.rest_interface.read_range("/a", 0, 10),
    "rest.upload_file": lambda s, tmp: s.rest_interface.upload_file("/", _small_file(tmp)),
    "rest.download_file": lambda s, tmp: s.rest_interface.download_file("/a", tmp / "o"),
    "rest.get_history": lambda s, _: s.rest_interface.get_history(),
}


Envelope = Callable[[Any], Any]


@dataclass(frozen=True)
class Client:
    name: str
    build: Callable[[httpx.MockTransport], Any]
    ops: dict[str, Op]
    # The service's usual answer shapes, wrapped around hostile JSON so that it gets past the
    # envelope checks and into the parsers.
    envelopes: tuple[Envelope, ...]


def _same(x: Any) -> Any:
    return x


CLIENTS = [
    Client(
        "box",
        _box,
        BOX_OPS,
        (
            _same,
            lambda x: {"type": "file", "id": "1", **(x if isinstance(x, dict) else {"x": x})},
            lambda x: {"entries": x, "total_count": 1},
            lambda x: {"entries": [x], "total_count": 1, "type": "folder", "id": "1"},
            lambda x: {"entries": [{"type": "file", "id": "2", "name": x}]},
        ),
    ),
    Client(
        "buttfs",
        _buttfs,
        BUTTFS_OPS,
        (
            lambda x: {"result": x},
            lambda x: {"result": {"items": x, "meta": x}},
            lambda x: {"result": [x]},
            lambda x: {"result": {"items": [x]}},
            lambda x: {"access_token": x, "token_type": "bearer"},
        ),
    ),
    Client(
        "kinto",
        _kinto,
        KINTO_OPS,
        (
            lambda x: {"data": x},
            lambda x: {"data": [x]},
            lambda x: {"responses": x},
            lambda x: {"responses": [x, x]},
            lambda x: {"settings": x, "capabilities": {"attachments": x}},
        ),
    ),
    Client(
        "metadisk",
        _metadisk,
        METADISK_OPS,
        (_same, lambda x: [x], lambda x: {"id": "b1", "token": x, "hash": x}),
    ),
    Client(
        "smartfile",
        _smartfile,
        SMARTFILE_OPS,
        (
            _same,
            lambda x: {"children": x, "pages": 1},
            lambda x: {"children": [x], "pages": 1},
            lambda x: {"results": [x], "pages": 1},
            lambda x: {"uuid": "u", "result": x},
            lambda x: [x],
        ),
    ),
]


def _close(client: Any) -> None:
    for each in client.values() if isinstance(client, dict) else [client]:
        each.close()


def _answers(client: Client) -> st.SearchStrategy[list[Answer]]:
    shaped = st.tuples(st.sampled_from(client.envelopes), hostile_json).map(
        lambda t: (Body(encoded(t[0](t[1]))), "application/json")
    )
    answer = st.tuples(st.sampled_from(STATUSES), st.one_of(bodies, shaped, shaped))
    return st.lists(answer.map(lambda a: (a[0], a[1][0], a[1][1])), min_size=1, max_size=3)


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    rows = []
    for client in CLIENTS:
        c = TALLY.counts.get(client.name)
        if c is not None:
            rows.append([client.name, c["examples"], c["parsed"], c["typed"], c["unexpected"]])
    record(
        "hostile",
        {
            "title": "Hostile and malformed responses: the five clients",
            "summary": [
                ["clients", len(rows)],
                ["examples", sum(r[1] for r in rows)],
                ["parsed", sum(r[2] for r in rows)],
                ["typed errors", sum(r[3] for r in rows)],
                ["unexpected", sum(r[4] for r in rows)],
            ],
            "columns": ["client", "examples", "parsed", "typed errors", "unexpected"],
            "rows": rows,
            "notes": TALLY.unexpected[:20],
        },
    )


@pytest.mark.parametrize("client", CLIENTS, ids=[c.name for c in CLIENTS])
@HOSTILE_SETTINGS
@given(data=st.data())
def test_client_answers_value_or_typed_error(
    client: Client, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    op_name = data.draw(st.sampled_from(sorted(client.ops)), label="operation")
    script = data.draw(_answers(client), label="answers")
    tmp = tmp_path_factory.mktemp("hostile")
    handle = client.build(httpx.MockTransport(Hostile(script)))
    try:
        client.ops[op_name](handle, tmp)
    except CloudspecError:
        TALLY.add(client.name, "typed")
    except Exception as exc:
        TALLY.add(client.name, "unexpected", f"{op_name}: {type(exc).__name__}: {exc!s:.160}")
        raise
    else:
        TALLY.add(client.name, "parsed")
    finally:
        _close(handle)
    for path in tmp.rglob("*"):  # nothing escaped, nothing half-written left behind
        assert not path.name.endswith(".part"), path


def test_every_client_ran() -> None:
    """Runs last in this module: the tally covers all five, with nothing unexpected."""
    assert TALLY.total("unexpected") == 0, TALLY.unexpected[:5]
