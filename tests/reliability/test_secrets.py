"""Issue 7, item 4: with ``debug=True`` and every error path forced, no credential shows.

For each of the five clients, every error path is forced through a scripted transport
(:class:`~tests.reliability.wire.Wire`): 401, 403, 404, 409, 429, 500, an HTML 502, a dropped
connection, a timeout and a malformed 200 body, plus each client's own auth failures (Box: a
refused and a rotating token refresh; ButtFS: the signed token and admin calls; Metadisk: Basic
and ECDSA-signed calls; SmartFile: Basic, OAuth 1.0a PLAINTEXT and HMAC-SHA1, the request-token
step). The live half drives the real auth failures against the emulators and the real Kinto
(a bad BCS signature, an unregistered ECDSA key, a wrong OAuth client secret, a refresh token
Box refuses, a forbidden Kinto bucket), the wire still recorded on the way.

What is searched: stdout and stderr (file descriptors), every log record of every logger at
DEBUG (message and formatted exception), each exception's ``str``, ``repr``, ``args`` and the
whole formatted ``__cause__``/``__context__`` chain, and ``repr``/``str`` of every public object
the scenario touched (clients, sessions, auth objects, tokens, key pairs). What must not be
found: the configured passwords, tokens, client secrets and private keys, and every credential
the recorded requests carried (Basic base64, Bearer tokens, BCS/ECDSA/OAuth signatures).
"""

from __future__ import annotations

import hashlib
import logging
import sys
import traceback
import uuid
from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest

from cloudspec.box import AsyncBoxClient, BoxAuthenticateFlow, BoxClient, BoxURLs
from cloudspec.buttfs import AsyncSession, Session
from cloudspec.core import MemoryTokenStore, RetryPolicy
from cloudspec.core.errors import CloudspecError
from cloudspec.emulators.urls import ServerURLs
from cloudspec.kinto import AsyncKintoClient, KintoClient
from cloudspec.metadisk import (
    AsyncBuckets,
    AsyncKeys,
    AsyncUsers,
    Bucket,
    Buckets,
    ECDSAKeyPair,
    Keys,
    Users,
)
from cloudspec.smartfile import AsyncBasicClient, AsyncOAuthClient, BasicClient, OAuthClient
from tests.conftest import KintoServer
from tests.live import box_support as box
from tests.live import smartfile_support as smartfile
from tests.reliability.figures import record
from tests.reliability.wire import Answer, Wire, find_leaks, wire_secrets

FAST = RetryPolicy(max_retries=1, initial_delay=0.001, max_delay=0.001)
FAULTS = [
    "401", "403", "404", "409", "429", "500", "html", "drop", "timeout", "malformed",
    "echo-json", "echo-text",
]  # fmt: skip


@attrs.define
class Run:
    """What one scenario left behind: the things to search and the secrets to look for."""

    secrets: list[str] = attrs.field(factory=list)
    objects: list[object] = attrs.field(factory=list)
    errors: list[BaseException] = attrs.field(factory=list)
    wires: list[Wire] = attrs.field(factory=list)

    def attempt(self, call: Callable[[], object]) -> None:
        try:
            call()
        except Exception as error:
            self.errors.append(error)

    async def attempt_async(self, call: Callable[[], Awaitable[object]]) -> None:
        try:
            await call()
        except Exception as error:
            self.errors.append(error)


class _CurrentStderr:
    """Whatever ``sys.stderr`` is when a record is written (pytest swaps it per phase)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


@pytest.fixture(autouse=True)
def debug_to_this_tests_stderr(capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    """``debug=True`` installs one stderr handler per process, bound to the ``sys.stderr`` of
    the moment: in a test session, an earlier test's (closed) capture. Point it at the current
    stderr, so the debug text lands in what ``capfd`` reads (and is searched)."""
    from cloudspec.core import debug

    debug.enable_debug_output()
    handler = debug._handler_installed[0]
    assert isinstance(handler, logging.StreamHandler)
    # Not setStream(): it flushes the old stream, which may be closed already.
    previous, handler.stream = handler.stream, _CurrentStderr()
    yield
    handler.stream = previous


def fault(kind: str) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        if kind == "drop":
            raise httpx.RemoteProtocolError("Server disconnected", request=request)
        if kind == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if kind == "malformed":
            return httpx.Response(
                200, headers={"content-type": "application/json"}, content=b'{"data": [1, 2'
            )
        if kind.startswith("echo"):
            # A hostile or debugging server answering the request back (httpbin-style).
            echoed = dict(request.headers.items())
            if kind == "echo-json":
                return httpx.Response(400, json={"message": "bad request", "headers": echoed})
            text = "\n".join(f"{k}: {v}" for k, v in echoed.items()) + "\n" + str(request.url)
            return httpx.Response(400, headers={"content-type": "text/plain"}, content=text)
        if kind == "html":
            page = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
            return httpx.Response(502, headers={"content-type": "text/html"}, content=page)
        status = int(kind)
        body = {"code": "denied", "errno": 104, "error": "denied", "message": "denied"}
        headers = {"Retry-After": "0"} if status == 429 else {}
        return httpx.Response(status, json=body, headers=headers)

    return answer


def _texts(run: Run) -> list[str]:
    texts: list[str] = []
    for error in run.errors:
        current: BaseException | None = error
        while current is not None:
            # The exception lines of a printed traceback (its source lines are the test's own).
            texts += traceback.format_exception_only(current)
            texts += [str(current), repr(current), repr(current.args)]
            current = current.__cause__ or current.__context__
    for thing in run.objects:
        texts += [repr(thing), str(thing)]
    return texts


# -- scripted scenarios, one client each -------------------------------------------------------


def kinto_run(kind: str) -> Run:
    run = Run(secrets=["kinto-passw0rd", "kinto-bearer-t0ken"])
    auths: list[tuple[str, str] | str] = [("alice", "kinto-passw0rd"), "Bearer kinto-bearer-t0ken"]
    for auth in auths:
        wire = Wire(fault(kind))
        client = KintoClient(
            server_url="http://kinto.test/v1",
            auth=auth,
            debug=True,
            transport=wire,
            retry=1,
            retry_after=0.001,
        )
        with client:
            run.attempt(partial(client.get_bucket, id="b1"))
            run.attempt(partial(client.create_record, data={"a": 1}, bucket="b", collection="c"))
        run.objects.append(client)
        run.wires.append(wire)
    return run


_BOX_URLS = BoxURLs(
    api="http://api.box.test", upload="http://upload.box.test", account="http://account.box.test"
)
_ROTATED = {
    "access_token": "box-access-t0ken-rotated",
    "refresh_token": "box-refresh-t0ken-rotated",
    "expires_in": 3600,
    "token_type": "bearer",
}


def box_answer(kind: str) -> Answer:
    api_fault = fault("401" if kind in {"refresh_fails", "refresh_rotates"} else kind)
    rotated = {"done": False}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token":
            if kind == "refresh_fails":
                body = {"error": "invalid_grant", "error_description": "Invalid refresh token"}
                return httpx.Response(400, json=body)
            if kind == "refresh_rotates":
                rotated["done"] = True
                return httpx.Response(200, json=_ROTATED)
        if kind == "refresh_rotates" and rotated["done"]:
            return fault("500")(request)
        return api_fault(request)

    return answer


def box_run(kind: str) -> Run:
    run = Run(
        secrets=[
            "box-client-s3cret",
            "box-access-t0ken",
            "box-refresh-t0ken",
            *(str(v) for k, v in _ROTATED.items() if k.endswith("token")),
        ]
    )
    wire = Wire(box_answer(kind))
    store = MemoryTokenStore()
    client = BoxClient(
        client_id="box-client-id",
        client_secret="box-client-s3cret",
        access_token="box-access-t0ken",
        refresh_token="box-refresh-t0ken",
        token_store=store,
        urls=_BOX_URLS,
        debug=True,
        retry=FAST,
        transport=wire,
    )
    with client:
        run.attempt(client.users.me)
        run.attempt(lambda: client.folders.create("f", "0"))
    run.objects += [client, client.auth, store, store.load()]
    run.wires.append(wire)
    # The login flow: trading an authorization code, revoking a token.
    run.secrets.append("box-auth-c0de-0123456789")
    flow_wire = Wire(box_answer(kind))
    with BoxAuthenticateFlow(
        "box-client-id",
        "box-client-s3cret",
        "http://127.0.0.1/callback",
        urls=_BOX_URLS,
        debug=True,
        transport=flow_wire,
    ) as flow:
        run.attempt(partial(flow.get_access_tokens, "box-auth-c0de-0123456789"))
        run.attempt(partial(flow.revoke, "box-access-t0ken"))
        run.objects.append(flow)
    run.wires.append(flow_wire)
    return run


def buttfs_answer(kind: str, token_ok: bool) -> Answer:
    failing = fault(kind)

    def answer(request: httpx.Request) -> httpx.Response:
        if token_ok and request.url.path == "/v2/oauth2/token":
            return httpx.Response(
                200, json={"access_token": "buttfs-access-t0ken", "token_type": "bearer"}
            )
        return failing(request)

    return answer


def buttfs_run(kind: str) -> Run:
    run = Run(
        secrets=[
            "buttfs-client-s3cret",
            "buttfs-admin-s3cret",
            "buttfs-user-passw0rd",
            "buttfs-new-passw0rd",
            "buttfs-access-t0ken",
        ]
    )
    for token_ok in (False, True):
        wire = Wire(buttfs_answer(kind, token_ok))
        session = Session("http://buttfs.test", "buttfs-id", "buttfs-client-s3cret", retry=FAST,
                          transport=wire, debug=True)  # fmt: skip
        with session:
            session.set_admin_credentials("buttfs-admin", "buttfs-admin-s3cret")
            run.attempt(partial(session.authenticate, "demo", "buttfs-user-passw0rd", True))
            run.attempt(session.get_user)  # debug=True from the session
            run.attempt(
                partial(session.create_account, "newbie", "buttfs-new-passw0rd", debug=True)
            )
        run.objects += [session, session.rest_interface]
        run.wires.append(wire)
    return run


def metadisk_run(kind: str) -> Run:
    password = "metadisk-passw0rd"
    key_pair = ECDSAKeyPair.generate()
    run = Run(
        secrets=[password, hashlib.sha256(password.encode()).hexdigest(), key_pair.private_key_hex]
    )
    wire = Wire(fault(kind))
    common: dict[str, Any] = {"base_url": "http://md.test", "debug": True, "retry": FAST}
    with Users("md@example.com", password, transport=wire, **common) as users:
        keys = Keys(users)
        run.attempt(keys.list)
        run.attempt(lambda: keys.create(key_pair))
        run.objects += [users, keys]
    with Buckets(key_pair, transport=wire, **common) as buckets:
        run.attempt(buckets.list)
        run.attempt(lambda: buckets.create("b", storage=1, transfer=1))
        run.objects += [buckets, key_pair]
    run.wires.append(wire)
    return run


def smartfile_run(kind: str) -> Run:
    run = Run(
        secrets=[
            "smartfile-passw0rd-0123456789abcdef",
            "sf-client-s3cret-0123456789abcdefgh",
            "sf-access-t0ken-0123456789abcdefghi",
            "sf-access-s3cret-0123456789abcdefgh",
        ]
    )
    common: dict[str, Any] = {
        "url": "http://sf.test",
        "debug": True,
        "retry": FAST,
        "throttle_wait": False,
    }
    wire = Wire(fault(kind))
    with BasicClient(
        "sfkey-0123456789abcdefghijklmnopqrst",
        "smartfile-passw0rd-0123456789abcdef",
        transport=wire,
        **common,
    ) as basic:
        run.attempt(lambda: basic.get("/ping"))
        run.attempt(lambda: basic.post("/path/oper/mkdir", path="/d"))
        run.objects.append(basic)
    for method in ("PLAINTEXT", "HMAC-SHA1"):
        with OAuthClient(
            "sf-client-token-0123456789abcdefghi",
            "sf-client-s3cret-0123456789abcdefgh",
            "sf-access-t0ken-0123456789abcdefghi",
            "sf-access-s3cret-0123456789abcdefgh",
            signature_method=method,
            transport=wire,
            **common,
        ) as oauth:
            run.attempt(partial(oauth.get, "/ping"))
            run.objects += [oauth, oauth.access]
        # The three-legged flow's first step fails: no access pair yet.
        with OAuthClient(
            "sf-client-token-0123456789abcdefghi",
            "sf-client-s3cret-0123456789abcdefgh",
            signature_method=method,
            transport=wire,
            **common,
        ) as flow:
            run.attempt(partial(flow.get_request_token, "https://client.example/done"))
            run.objects.append(flow)
    run.wires.append(wire)
    return run


SCRIPTED: dict[str, Callable[[str], Run]] = {
    "kinto": kinto_run,
    "box": box_run,
    "buttfs": buttfs_run,
    "metadisk": metadisk_run,
    "smartfile": smartfile_run,
}
CASES = [(name, kind) for name in SCRIPTED for kind in FAULTS] + [
    ("box", "refresh_fails"),
    ("box", "refresh_rotates"),
]


# -- the async twins: the same scenarios through the async clients ----------------------------


async def kinto_run_async(kind: str) -> Run:
    run = Run(secrets=["kinto-passw0rd"])
    wire = Wire(fault(kind))
    async with AsyncKintoClient(
        server_url="http://kinto.test/v1",
        auth=("alice", "kinto-passw0rd"),
        debug=True,
        transport=wire,
        retry=1,
        retry_after=0.001,
    ) as client:
        await run.attempt_async(partial(client.get_bucket, id="b1"))
        run.objects.append(client)
    run.wires.append(wire)
    return run


async def box_run_async(kind: str) -> Run:
    run = Run(secrets=["box-client-s3cret", "box-access-t0ken", "box-refresh-t0ken"])
    run.secrets += [str(v) for k, v in _ROTATED.items() if k.endswith("token")]
    wire = Wire(box_answer(kind))
    store = MemoryTokenStore()
    async with AsyncBoxClient(
        client_id="box-client-id",
        client_secret="box-client-s3cret",
        access_token="box-access-t0ken",
        refresh_token="box-refresh-t0ken",
        token_store=store,
        urls=_BOX_URLS,
        debug=True,
        retry=FAST,
        transport=wire,
    ) as client:
        await run.attempt_async(client.users.me)
        run.objects += [client, client.auth, store, store.load()]
    run.wires.append(wire)
    return run


async def buttfs_run_async(kind: str) -> Run:
    run = Run(secrets=["buttfs-client-s3cret", "buttfs-user-passw0rd", "buttfs-access-t0ken"])
    for token_ok in (False, True):
        wire = Wire(buttfs_answer(kind, token_ok))
        async with AsyncSession(
            "http://buttfs.test", "buttfs-id", "buttfs-client-s3cret", retry=FAST, transport=wire
        ) as session:
            await run.attempt_async(
                partial(session.authenticate, "demo", "buttfs-user-passw0rd", True)
            )
            await run.attempt_async(partial(session.get_user, debug=True))
            run.objects += [session, session.rest_interface]
        run.wires.append(wire)
    return run


async def metadisk_run_async(kind: str) -> Run:
    password = "metadisk-passw0rd"
    key_pair = ECDSAKeyPair.generate()
    run = Run(
        secrets=[password, hashlib.sha256(password.encode()).hexdigest(), key_pair.private_key_hex]
    )
    wire = Wire(fault(kind))
    common: dict[str, Any] = {"base_url": "http://md.test", "debug": True, "retry": FAST}
    async with AsyncUsers("md@example.com", password, transport=wire, **common) as users:
        await run.attempt_async(AsyncKeys(users).list)
        run.objects.append(users)
    async with AsyncBuckets(key_pair, transport=wire, **common) as buckets:
        await run.attempt_async(buckets.list)
        run.objects += [buckets, key_pair]
    run.wires.append(wire)
    return run


async def smartfile_run_async(kind: str) -> Run:
    run = Run(
        secrets=[
            "smartfile-passw0rd-0123456789abcdef",
            "sf-client-s3cret-0123456789abcdefgh",
            "sf-access-t0ken-0123456789abcdefghi",
            "sf-access-s3cret-0123456789abcdefgh",
        ]
    )
    common: dict[str, Any] = {
        "url": "http://sf.test",
        "debug": True,
        "retry": FAST,
        "throttle_wait": False,
        "transport": Wire(fault(kind)),
    }
    async with AsyncBasicClient(
        "sfkey-0123456789abcdefghijklmnopqrst", "smartfile-passw0rd-0123456789abcdef", **common
    ) as basic:
        await run.attempt_async(partial(basic.get, "/ping"))
        run.objects.append(basic)
    async with AsyncOAuthClient(
        "sf-client-token-0123456789abcdefghi",
        "sf-client-s3cret-0123456789abcdefgh",
        "sf-access-t0ken-0123456789abcdefghi",
        "sf-access-s3cret-0123456789abcdefgh",
        signature_method="HMAC-SHA1",
        **common,
    ) as oauth:
        await run.attempt_async(partial(oauth.get, "/ping"))
        run.objects += [oauth, oauth.access]
    run.wires.append(common["transport"])
    return run


ASYNC_SCRIPTED: dict[str, Callable[[str], Awaitable[Run]]] = {
    "kinto": kinto_run_async,
    "box": box_run_async,
    "buttfs": buttfs_run_async,
    "metadisk": metadisk_run_async,
    "smartfile": smartfile_run_async,
}


@pytest.fixture(scope="module")
def tally() -> Iterator[dict[str, dict[str, int]]]:
    counts: dict[str, dict[str, int]] = {}
    yield counts
    if not counts:
        return
    rows = [
        [name, c["scenarios"], c["requests"], c["secrets"], c["errors"], c["typed"], c["leaks"]]
        for name, c in sorted(counts.items())
    ]
    record(
        "secrets",
        {
            "title": "Secrets: nothing shown with debug=True on any error path",
            "summary": [
                ["scenarios", sum(c["scenarios"] for c in counts.values())],
                ["requests recorded", sum(c["requests"] for c in counts.values())],
                ["distinct secrets searched", sum(c["secrets"] for c in counts.values())],
                ["leaks", sum(c["leaks"] for c in counts.values())],
            ],
            "columns": [
                "client",
                "scenarios",
                "requests",
                "secrets searched",
                "errors",
                "typed errors",
                "leaks",
            ],
            "rows": rows,
            "notes": [
                "Searched: stdout, stderr, every logger at DEBUG, exception str/repr/args and "
                "the whole cause chain, repr/str of every object touched.",
                "Secrets include derived ones read off the wire: Basic base64, Bearer tokens, "
                "BCS, ECDSA and OAuth 1.0a signatures.",
                "Fixed on the way: oauthlib logged SmartFile's access token and HMAC signatures "
                "at DEBUG; a server echoing the request showed Basic, BCS, ECDSA and OAuth "
                "credentials in debug output and error text; httpx's INFO request line showed "
                "Metadisk shard tokens; Metadisk's token answer repeats the token as its id "
                "(shown in debug output) and the token model printed it in repr.",
            ],
        },
    )


def _check(
    name: str,
    run: Run,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tally: dict[str, dict[str, int]],
) -> None:
    out, err = capfd.readouterr()
    logged: list[str] = []
    for entry in caplog.records:
        logged += [entry.getMessage(), repr(entry.args)]
        if entry.exc_info and entry.exc_info[1] is not None:
            logged += traceback.format_exception_only(entry.exc_info[1])
    requests = [request for wire in run.wires for request in wire.requests]
    secrets = set(run.secrets) | wire_secrets(requests)
    sources = {"stdout": [out], "stderr": [err], "logs": logged, "errors and objects": _texts(run)}
    leaks = [
        (where, secret, line)
        for where, texts in sources.items()
        for secret, line in find_leaks(texts, secrets)
    ]
    counts = tally.setdefault(
        name,
        {"scenarios": 0, "requests": 0, "secrets": 0, "errors": 0, "typed": 0, "leaks": 0},
    )
    counts["scenarios"] += 1
    counts["requests"] += len(requests)
    counts["secrets"] += len(secrets)
    counts["errors"] += len(run.errors)
    counts["typed"] += sum(isinstance(e, CloudspecError) for e in run.errors)
    counts["leaks"] += len(leaks)
    assert requests, "the scenario sent nothing"
    # The debug text reached a person's screen: stderr (core's debug transport) or stdout
    # (ButtFS prints as its original SDK did).
    assert "Request:" in err or "Request:" in out, "debug output did not happen"
    assert not leaks, "\n".join(f"{secret!r} in {where}: {line}" for where, secret, line in leaks)


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_scripted_error_paths_show_no_secret(
    name: str,
    kind: str,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tally: dict[str, dict[str, int]],
) -> None:
    caplog.set_level(logging.DEBUG)
    run = SCRIPTED[name](kind)
    assert run.errors, "no error path was taken"
    _check(name, run, capfd, caplog, tally)


@pytest.mark.parametrize(("name", "kind"), CASES)
async def test_async_scripted_error_paths_show_no_secret(
    name: str,
    kind: str,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tally: dict[str, dict[str, int]],
) -> None:
    caplog.set_level(logging.DEBUG)
    run = await ASYNC_SCRIPTED[name](kind)
    # A malformed 200 is not an error everywhere: Metadisk reads a non-JSON list as empty,
    # SmartFile's generic calls answer a body that is not JSON as text (the original's rule).
    assert run.errors or kind == "malformed", "no error path was taken"
    _check(f"{name} (async)", run, capfd, caplog, tally)


# -- live: the real auth failures, against the emulators and the real Kinto --------------------


def _real() -> Wire:
    return Wire(inner=httpx.HTTPTransport())


def test_live_auth_failures_show_no_secret(
    kinto_server: KintoServer,
    box_server: ServerURLs,
    buttfs_server: ServerURLs,
    metadisk_server: ServerURLs,
    smartfile_server: ServerURLs,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tally: dict[str, dict[str, int]],
) -> None:
    caplog.set_level(logging.DEBUG)
    run = Run()

    # Kinto: a bucket the identity may not read (403), a record that does not exist.
    wire = _real()
    run.secrets.append(kinto_server.auth[1])
    with KintoClient(
        server_url=kinto_server.url, auth=kinto_server.auth, debug=True, transport=wire
    ) as kinto:
        run.attempt(lambda: kinto.get_bucket(id=f"nope-{uuid.uuid4().hex[:8]}"))
        run.objects.append(kinto)
    run.wires.append(wire)

    # Box: an expired access token and a refresh token Box refuses.
    wire = _real()
    run.secrets += [box.CLIENT_SECRET, "box-stale-access-t0ken", "box-bogus-refresh-t0ken"]
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        access_token="box-stale-access-t0ken",
        refresh_token="box-bogus-refresh-t0ken",
        urls=box.urls_of(box_server),
        debug=True,
        retry=FAST,
        transport=wire,
    ) as box_client:
        run.attempt(box_client.users.me)
        run.objects += [box_client, box_client.auth]
    run.wires.append(wire)

    # ButtFS: a wrong app secret (a bad BCS signature), then the right one and a wrong password.
    for secret, password in [("buttfs-wrong-s3cret", "demo-password"),
                             ("buttfs-demo-secret", "wrong-passw0rd")]:  # fmt: skip
        wire = _real()
        run.secrets += [secret, password]
        with Session(buttfs_server.base_url, "buttfs-demo", secret, transport=wire) as session:
            run.attempt(partial(session.authenticate, "demo", password, True))
            run.objects += [session, session.rest_interface]
        run.wires.append(wire)

    # Metadisk: a key pair the bridge does not know (a valid signature by an unknown key) and a
    # wrong password on Basic auth.
    wire = _real()
    stranger = ECDSAKeyPair.generate()
    run.secrets += [stranger.private_key_hex, "metadisk-wr0ng-password"]
    with Buckets(stranger, base_url=metadisk_server.base_url, debug=True, transport=wire) as bk:
        run.attempt(bk.list)
        run.objects += [bk, stranger]
    with Users(
        "demo@example.com",
        "metadisk-wr0ng-password",
        base_url=metadisk_server.base_url,
        debug=True,
        transport=wire,
    ) as users:
        run.attempt(Keys(users).list)
        run.objects.append(users)
    run.wires.append(wire)

    # Metadisk: a round trip, whose PUSH/PULL tokens ride in x-token and whose single-use shard
    # tokens ride in the query string, then a download with a spent PULL token.
    wire = _real()
    owner, email, password = ECDSAKeyPair.generate(), f"s-{uuid.uuid4().hex[:10]}@ex.com", "pw-1"
    run.secrets += [owner.private_key_hex, password]
    base = metadisk_server.base_url
    with Users(email, "metadisk-owner-passw0rd", base_url=base, transport=wire) as owner_user:
        owner_user.register()
        activation = httpx.get(f"{base}/_emulator/activation/{email}", trust_env=False)
        owner_user.activate(activation.json()["token"])
        Keys(owner_user).create(owner)
    run.secrets.append("metadisk-owner-passw0rd")
    payload = tmp_path / "payload.bin"
    payload.write_bytes(b"metadisk secrets test\n" * 1000)
    with Buckets(owner, base_url=base, transport=wire) as owned:
        bucket_id = owned.create("secrets").id
    with Bucket(bucket_id, owner, base_url=base, debug=True, transport=wire) as bucket:
        uploaded = bucket.files.upload(payload, bucket.files.token("PUSH"))
        assert isinstance(uploaded.hash_, str)
        pull = bucket.files.token("PULL")
        bucket.files.download(uploaded.hash_, tmp_path / "copy.bin", pull)
        run.attempt(partial(bucket.files.download, uploaded.hash_, tmp_path / "again.bin", pull))
        run.objects += [bucket, pull, uploaded]
        # The shard pointers a caller may ask for hold single-use farmer tokens.
        pull_again = bucket.files.token("PULL")
        pointers = bucket.files.pointers(uploaded.hash_, pull_again)
        assert pointers
        run.secrets += [pull_again.token, *(pointer.token for pointer in pointers)]
        run.objects += [pull_again, *pointers]
    run.wires.append(wire)

    # SmartFile: a wrong OAuth client secret (PLAINTEXT and HMAC-SHA1), a wrong Basic password,
    # then the whole three-legged flow and a call with the access pair it gave.
    creds = smartfile.credentials(smartfile_server)
    client_token = creds["oauth"]["client_token"]
    client_secret = creds["oauth"]["client_secret"]
    run.secrets += [
        client_secret,
        "sf-wrong-s3cret-0123456789abcdefghij",
        "sf-wrong-passw0rd-0123456789abcdefgh",
    ]
    wire = _real()
    common: dict[str, Any] = {"url": smartfile_server.base_url, "debug": True, "transport": wire}
    for method in ("PLAINTEXT", "HMAC-SHA1"):
        with OAuthClient(
            client_token, "sf-wrong-s3cret-0123456789abcdefghij", signature_method=method, **common
        ) as o:
            run.attempt(partial(o.get_request_token, smartfile.CALLBACK))
            run.objects.append(o)
        with OAuthClient(client_token, client_secret, signature_method=method, **common) as o:
            request_token = o.get_request_token(smartfile.CALLBACK)
            verifier = smartfile.approve(smartfile_server, request_token.token)
            access = o.get_access_token(None, verifier)
            run.secrets += [request_token.secret, access.secret, access.token, verifier]
            o.get("/ping")
            run.attempt(partial(o.get, "/path/info/no-such-file-here"))
            run.objects += [o, access, request_token]
    with BasicClient(
        creds["basic"]["key"], "sf-wrong-passw0rd-0123456789abcdefgh", **common
    ) as basic:
        run.attempt(lambda: basic.get("/ping"))
        run.objects.append(basic)
    run.wires.append(wire)

    assert len(run.errors) >= 9, run.errors
    _check("live", run, capfd, caplog, tally)
