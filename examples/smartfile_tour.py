"""A tour of cloudspec.smartfile, run by `make demo`.

It starts the SmartFile emulator (which checks Basic and OAuth 1.0a signatures on its own
code), then runs the original client's README against it: credentials from the environment,
generic calls, a file upload and a download as a stream, a task polled by hand; then the typed
helpers (folders, paging, transfers, tasks that report partial failures, checksums, links),
a throttled server, the three-legged OAuth flow, and the async twin.
"""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
import time
from pathlib import Path

import httpx

from cloudspec.emulators import run
from cloudspec.smartfile import (
    AsyncBasicClient,
    BasicClient,
    NotFoundError,
    OAuthClient,
    PartialFailure,
)


def say(text: str) -> None:
    print(f"  {text}")


def control(base_url: str, method: str, path: str, body: object = None) -> object:
    answer = httpx.request(method, f"{base_url}/_emulator/{path}", json=body, trust_env=False)
    answer.raise_for_status()
    return answer.json() if answer.content else None


def tour(base_url: str, scratch: Path) -> None:
    credentials = control(base_url, "GET", "credentials")
    assert isinstance(credentials, dict)
    os.environ["SMARTFILE_API_KEY"] = credentials["basic"]["key"]
    os.environ["SMARTFILE_API_PASSWORD"] = credentials["basic"]["password"]

    print("\n1. The original README: credentials from the environment, generic calls")
    api = BasicClient(url=base_url)
    say(f"api.get('/ping') -> {api.get('/ping')}; api('/ping') -> {api('/ping')}")
    root = api.get("/path/info", "/")
    say(f"'/' is a directory: {root['isdir']}, url {root['url']}")
    api.post("/path/oper/mkdir/", path="/images")
    data = io.BytesIO(b"\x89PNG not really a picture")
    stored = api.post("/path/data/", "/images", file=("foobar.png", data))
    say(f"uploaded {stored['path']} ({stored['size']} bytes)")
    stream = api.get("/path/data/", "/images/foobar.png")
    say(f"downloaded as a stream: {stream.read()!r}")
    t = api.post("/path/oper/copy/", src="/images/foobar.png", dst="/")
    while True:
        s = api.get("/task", t["uuid"])
        if s["result"]["status"] == "SUCCESS":
            break
        time.sleep(0.1)
    say(f"task {t['uuid'][:8]}... copied it: {[c.name for c in api.ls('/')]}")

    print("\n2. Typed helpers: folders, paging, streamed transfers")
    api.mkdir("/reports/2026/Q4 ?#%")
    for i in range(7):
        api.upload(
            f"r{i}.csv",
            io.BytesIO(f"id,value\n{i},{i * i}\n".encode()),
            directory="/reports/2026/Q4 ?#%",
        )
    names = [child.name for child in api.iter_children("/reports/2026/Q4 ?#%", page_size=3)]
    say(f"7 files listed 3 per page: {names}")
    local = scratch / "big.bin"
    local.write_bytes(os.urandom(3 * 1024 * 1024))
    info = api.upload(local, directory="/reports")
    say(f"uploaded {info.name} from disk: {info.size} bytes")
    copy = api.download("/reports/big.bin", download_to_path=scratch / "back.bin")
    assert isinstance(copy, Path)
    say(f"downloaded to {copy.name}, identical: {copy.read_bytes() == local.read_bytes()}")

    print("\n3. Tasks: checksums, a move, a partial failure")
    sums = api.checksum("/reports/big.bin", "sha256")
    say(f"server sha256 {sums['/reports/big.bin'][:16]}...")
    api.move("/reports/big.bin", "/images")
    say(f"moved: {[c.name for c in api.ls('/images')]}")
    try:
        api.remove(["/images/big.bin", "/no/such/file"])
    except PartialFailure as exc:
        say(f"PartialFailure, the rest was done: {exc.errors}")
    try:
        api.info("/images/big.bin")
    except NotFoundError as exc:
        say(f"{type(exc).__name__}: {exc}")

    print("\n4. A public link")
    link = api.create_link("/images/foobar.png", name="foobar.png")
    say(f"link {link.href}")
    api.delete_link(link.uid)

    print("\n5. The server throttles (429 Retry-After, then 503 X-Throttle): the client waits")
    control(
        base_url,
        "POST",
        "faults",
        {
            "rules": [
                {"path": "ping", "action": "status", "status": 429, "retry_after": 0.2},
                {"path": "ping", "action": "status", "x_throttle": True, "retry_after": 0.2},
            ]
        },
    )
    started = time.monotonic()
    say(f"ping -> {api.ping().ping} after {time.monotonic() - started:.1f} s")
    api.close()

    print("\n6. OAuth 1.0a, three-legged")
    oauth = OAuthClient(
        credentials["oauth"]["client_token"], credentials["oauth"]["client_secret"], url=base_url
    )
    request_token = oauth.get_request_token()
    say(f"send the user to {oauth.get_authorization_url()[:60]}...")
    # The user grants access in the browser; the emulator can do that headlessly.
    grant = control(base_url, "POST", "oauth/authorize", {"oauth_token": request_token.token})
    assert isinstance(grant, dict)
    oauth.get_access_token(None, grant["oauth_verifier"])
    say(f"signed in as {oauth.whoami().user.username} with OAuth (PLAINTEXT)")
    oauth.close()

    print("\n7. The same, async")

    async def async_part() -> None:
        async with AsyncBasicClient(url=base_url) as client:
            say(f"root holds {[child.name async for child in client.iter_children('/')]}")

    asyncio.run(async_part())


def main() -> None:
    with (
        run("smartfile", settings={"task_seconds": 0.05}) as server,
        tempfile.TemporaryDirectory(prefix="smartfile-tour-") as scratch,
    ):
        print(f"started the SmartFile emulator at {server.base_url}")
        tour(server.base_url, Path(scratch))
    print("\ndone")


if __name__ == "__main__":
    main()
