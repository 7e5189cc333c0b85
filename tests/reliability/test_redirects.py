"""Issue 7, item 4 (second half): credentials never go to another origin.

Origin A is the real server (the real Kinto or an emulator); origin B is a
:class:`~tests.reliability.wire.RecordingServer` on another loopback port. The client's wire
answers chosen requests to A with a redirect to B (302 for reads, 307 for a signed POST, whose
method and body survive the redirect); everything else reaches A for real. Whatever the client
does with the redirect (follow it, or refuse it with an error), B must receive no
``Authorization``, no signature or token header, and none of the secrets (configured ones and
those read off the wire) in its path, headers or body. Kinto's attachments, which live on a
server-announced origin, are checked the same way.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.box import AsyncBoxClient, BoxClient
from cloudspec.buttfs import AsyncSession, Session
from cloudspec.core import RetryPolicy
from cloudspec.emulators.urls import ServerURLs
from cloudspec.kinto import KintoClient
from cloudspec.metadisk import Buckets, ECDSAKeyPair, Keys, Users
from cloudspec.smartfile import BasicClient, OAuthClient
from tests.conftest import KintoServer
from tests.live import box_support as box
from tests.live import smartfile_support as smartfile
from tests.reliability.figures import record
from tests.reliability.wire import CREDENTIAL_HEADERS, RecordingServer, Wire, find_leaks
from tests.reliability.wire import wire_secrets as secrets_on

pytestmark = pytest.mark.live

FAST = RetryPolicy(max_retries=1, initial_delay=0.001, max_delay=0.001)
PAYLOAD = b"the same bytes on both origins\n" * 64
Rule = Callable[[httpx.Request], bool]


def redirecting(origin: str, target: str, rule: Rule, status: int = 302) -> Wire:
    """A wire to the real network that answers requests to ``origin`` matching ``rule`` with a
    redirect to ``target`` (another origin)."""
    host = httpx.URL(origin).netloc

    def answer(request: httpx.Request) -> httpx.Response | None:
        if request.url.netloc == host and rule(request):
            return httpx.Response(status, headers={"Location": target})
        return None

    return Wire(answer, inner=httpx.HTTPTransport(), async_inner=httpx.AsyncHTTPTransport())


async def attempt_async(call: Callable[[], Awaitable[object]]) -> str:
    try:
        await call()
    except Exception as error:
        return f"refused ({type(error).__name__})"
    return "followed"


def attempt(call: Callable[[], object]) -> str:
    try:
        call()
    except Exception as error:
        return f"refused ({type(error).__name__})"
    return "followed"


@pytest.fixture
def other_origin() -> Iterator[RecordingServer]:
    with RecordingServer(PAYLOAD) as server:
        yield server


@pytest.fixture(scope="module")
def outcomes() -> Iterator[list[list[Any]]]:
    rows: list[list[Any]] = []
    yield rows
    if rows:
        record(
            "redirects",
            {
                "title": "Redirects: credentials never sent to another origin",
                "summary": [
                    ["redirect scenarios", len(rows)],
                    ["requests that reached the other origin", sum(int(r[3]) for r in rows)],
                    ["credentials it received", sum(int(r[4]) for r in rows)],
                ],
                "columns": ["client", "scenario", "client did", "requests at B", "leaks"],
                "rows": rows,
                "notes": [
                    "Fixed on the way: ButtFS, whose client follows redirects, re-sent its "
                    "signed token POST (the password in its body) to another origin on a "
                    "307/308; no client now follows a 307/308 that carries a body elsewhere.",
                ],
            },
        )


def check(
    name: str,
    scenario: str,
    did: str,
    origin_b: RecordingServer,
    wire: Wire,
    secrets: list[str],
    outcomes: list[list[Any]],
) -> None:
    known = set(secrets) | secrets_on(wire.requests)
    received = [r.text() for r in origin_b.received]
    leaks = find_leaks(received, known)
    headers = [
        (r.path, name)
        for r in origin_b.received
        for name in r.headers
        if name in CREDENTIAL_HEADERS
    ]
    outcomes.append([name, scenario, did, len(origin_b.received), len(leaks) + len(headers)])
    if not origin_b.received:
        # Not followed: then refused with an error, never answered as an empty success.
        assert did.startswith("refused"), f"{name}: an unfollowed redirect answered {did}"
    assert not headers, f"credential headers sent to another origin: {headers}"
    assert not leaks, "\n".join(
        f"{secret!r} reached another origin: {line}" for secret, line in leaks
    )
    # Every request the client made to another origin, as the wire saw it, was bare too.
    for request in wire.requests:
        if request.url.netloc.decode() == httpx.URL(origin_b.url).netloc.decode():
            assert not CREDENTIAL_HEADERS.intersection(k.lower() for k in request.headers)
    origin_b.received.clear()


# -- Box: downloads follow Box's 302 ------------------------------------------------------------


def test_box_download_redirects(
    box_server: ServerURLs,
    other_origin: RecordingServer,
    tmp_path: Path,
    outcomes: list[list[Any]],
) -> None:
    pair = box.mint(box_server)
    secrets = [box.CLIENT_SECRET, pair["access_token"], pair["refresh_token"]]
    api = box_server.urls["api"]

    def content(request: httpx.Request) -> bool:
        return request.url.path.endswith("/content") and request.method == "GET"

    wire = redirecting(api, f"{other_origin.url}/d/file.bin", content)
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        access_token=pair["access_token"],
        refresh_token=pair["refresh_token"],
        urls=box.urls_of(box_server),
        retry=FAST,
        transport=wire,
    ) as client:
        uploaded = client.files.upload(io.BytesIO(PAYLOAD), "0", name=f"r-{uuid.uuid4().hex}.bin")
        did = attempt(lambda: client.files.download(uploaded.id, tmp_path / "copy.bin"))
        assert did == "followed" and (tmp_path / "copy.bin").read_bytes() == PAYLOAD
        check("box", "download, 302 to B", did, other_origin, wire, secrets, outcomes)
        did = attempt(lambda: b"".join(client.files.iter_bytes(uploaded.id)))
        check("box", "iter_bytes, 302 to B", did, other_origin, wire, secrets, outcomes)
    # Box's own redirect, to the emulator's download host (another port: another origin).
    wire = Wire(inner=httpx.HTTPTransport())
    with BoxClient(access_token=pair["access_token"], urls=box.urls_of(box_server),
                   transport=wire) as client:  # fmt: skip
        client.files.download(uploaded.id, tmp_path / "again.bin")
    hops = [r for r in wire.requests if r.url.netloc != httpx.URL(api).netloc]
    assert hops, "the emulator did not redirect the download"
    for hop in hops:
        assert "authorization" not in hop.headers, hop.url
    outcomes.append(["box", "download, Box's own 302", "followed", len(hops), 0])


async def test_async_box_download_redirects(
    box_server: ServerURLs,
    other_origin: RecordingServer,
    tmp_path: Path,
    outcomes: list[list[Any]],
) -> None:
    pair = box.mint(box_server)
    secrets = [box.CLIENT_SECRET, pair["access_token"], pair["refresh_token"]]

    def content(request: httpx.Request) -> bool:
        return request.url.path.endswith("/content") and request.method == "GET"

    wire = redirecting(box_server.urls["api"], f"{other_origin.url}/d/file.bin", content)
    async with AsyncBoxClient(
        access_token=pair["access_token"],
        urls=box.urls_of(box_server),
        retry=FAST,
        transport=wire,
    ) as client:
        name = f"r-{uuid.uuid4().hex}.bin"
        uploaded = await client.files.upload(io.BytesIO(PAYLOAD), "0", name=name)
        target = tmp_path / "copy.bin"
        did = await attempt_async(partial(client.files.download, uploaded.id, target))
        assert did == "followed" and target.read_bytes() == PAYLOAD
        check("box (async)", "download, 302 to B", did, other_origin, wire, secrets, outcomes)


# -- ButtFS: its client follows redirects ------------------------------------------------------


def test_buttfs_redirects(
    buttfs_server: ServerURLs, other_origin: RecordingServer, outcomes: list[list[Any]]
) -> None:
    app, secret, password = "buttfs-demo", "buttfs-demo-secret", "demo-password"
    secrets = [secret, password]
    base = buttfs_server.base_url

    def profile(request: httpx.Request) -> bool:
        return request.url.path.startswith("/v2/user/profile")

    wire = redirecting(base, f"{other_origin.url}/elsewhere", profile)
    with Session(base, app, secret, retry=FAST, transport=wire) as session:
        session.authenticate("demo", password)
        did = attempt(session.get_user)
        check("buttfs", "GET, 302 to B", did, other_origin, wire, secrets, outcomes)

    def token(request: httpx.Request) -> bool:
        return request.url.path == "/v2/oauth2/token"

    for status in (307, 308):
        wire = redirecting(base, f"{other_origin.url}/token", token, status)
        with Session(base, app, secret, retry=FAST, transport=wire) as session:
            did = attempt(partial(session.authenticate, "demo", password))
            scenario = f"signed token POST, {status} to B"
            check("buttfs", scenario, did, other_origin, wire, secrets, outcomes)


async def test_async_buttfs_redirects(
    buttfs_server: ServerURLs, other_origin: RecordingServer, outcomes: list[list[Any]]
) -> None:
    app, secret, password = "buttfs-demo", "buttfs-demo-secret", "demo-password"
    base = buttfs_server.base_url

    def token(request: httpx.Request) -> bool:
        return request.url.path == "/v2/oauth2/token"

    wire = redirecting(base, f"{other_origin.url}/token", token, 307)
    async with AsyncSession(base, app, secret, retry=FAST, transport=wire) as session:
        did = await attempt_async(partial(session.authenticate, "demo", password))
        scenario = "signed token POST, 307 to B"
        check("buttfs (async)", scenario, did, other_origin, wire, [secret, password], outcomes)


# -- Kinto: attachments on a server-announced origin; a 302 is not followed ---------------------


def test_kinto_other_origins(
    kinto_server: KintoServer,
    other_origin: RecordingServer,
    tmp_path: Path,
    outcomes: list[list[Any]],
) -> None:
    secrets = [kinto_server.auth[1]]
    root = httpx.URL(kinto_server.url)

    def server_info(request: httpx.Request) -> httpx.Response | None:
        if request.url.netloc == root.netloc and request.url.path.rstrip("/") == root.path:
            announced = {
                "capabilities": {"attachments": {"base_url": f"{other_origin.url}/attachments/"}},
                "settings": {"batch_max_requests": 25},
            }
            return httpx.Response(200, json=announced)
        return None

    wire = Wire(server_info, inner=httpx.HTTPTransport())
    record_data = {
        "attachment": {
            "location": "b/c/file.bin",
            "filename": "file.bin",
            "size": len(PAYLOAD),
            "hash": hashlib.sha256(PAYLOAD).hexdigest(),
        }
    }
    with KintoClient(server_url=kinto_server.url, auth=kinto_server.auth, transport=wire) as kinto:
        did = attempt(lambda: kinto.download_attachment({"data": record_data}, str(tmp_path)))
        assert did == "followed" and (tmp_path / "file.bin").read_bytes() == PAYLOAD
        assert len(other_origin.received) == 1
        check("kinto", "attachment on another origin", did, other_origin, wire, secrets, outcomes)

    wire = redirecting(kinto_server.url, f"{other_origin.url}/elsewhere", lambda r: True)
    with KintoClient(server_url=kinto_server.url, auth=kinto_server.auth, transport=wire) as kinto:
        did = attempt(lambda: kinto.get_bucket(id="anything"))
        check("kinto", "GET, 302 to B", did, other_origin, wire, secrets, outcomes)


# -- Metadisk and SmartFile: redirects are not followed, and nothing reaches B ------------------


def test_metadisk_redirects(
    metadisk_server: ServerURLs, other_origin: RecordingServer, outcomes: list[list[Any]]
) -> None:
    key_pair = ECDSAKeyPair.generate()
    password = "metadisk-redirect-password"
    secrets = [key_pair.private_key_hex, password, hashlib.sha256(password.encode()).hexdigest()]
    base = metadisk_server.base_url
    wire = redirecting(base, f"{other_origin.url}/elsewhere", lambda r: True)
    with Buckets(key_pair, base_url=base, retry=FAST, transport=wire) as buckets:
        did = attempt(buckets.list)
        check("metadisk", "signed GET, 302 to B", did, other_origin, wire, secrets, outcomes)
    wire = redirecting(base, f"{other_origin.url}/elsewhere", lambda r: True, 307)
    with Users("demo@example.com", password, base_url=base, retry=FAST, transport=wire) as users:
        did = attempt(Keys(users).list)
        check("metadisk", "Basic GET, 307 to B", did, other_origin, wire, secrets, outcomes)


def test_smartfile_redirects(
    smartfile_server: ServerURLs,
    other_origin: RecordingServer,
    tmp_path: Path,
    outcomes: list[list[Any]],
) -> None:
    creds = smartfile.credentials(smartfile_server)
    basic, oauth = creds["basic"], creds["oauth"]
    secrets = [basic["password"], oauth["client_secret"]]
    base = smartfile_server.base_url
    wire = redirecting(base, f"{other_origin.url}/elsewhere", lambda r: True)
    with BasicClient(basic["key"], basic["password"], url=base, transport=wire) as client:
        did = attempt(lambda: client.get("/ping"))
        check("smartfile", "Basic GET, 302 to B", did, other_origin, wire, secrets, outcomes)
        did = attempt(lambda: client.download("/file.bin", download_to_path=str(tmp_path)))
        check("smartfile", "download, 302 to B", did, other_origin, wire, secrets, outcomes)
    wire = redirecting(base, f"{other_origin.url}/elsewhere", lambda r: True, 307)
    with OAuthClient(oauth["client_token"], oauth["client_secret"], url=base,
                     transport=wire) as flow:  # fmt: skip
        did = attempt(lambda: flow.get_request_token(smartfile.CALLBACK))
        check("smartfile", "OAuth POST, 307 to B", did, other_origin, wire, secrets, outcomes)
