"""The SmartFile client through throttling (429 + ``Retry-After``, the legacy 503 +
``X-Throttle``) and dropped connections, against the emulator's fault rules: each run ends
with the call done (a download intact, resumed with ``Range``), or with a typed error and
nothing half-written left behind, locally or on the server.

Written once as async source; ``python -m generator.unasync`` writes the sync twin.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.core import RetryPolicy
from cloudspec.core import errors as core
from cloudspec.emulators.urls import ServerURLs
from cloudspec.smartfile import (
    AsyncBasicClient,
    AsyncResponseStream,
    NotFoundError,
    RateLimitError,
    RequestError,
    ServerError,
    ThrottledError,
)
from cloudspec.smartfile_api.models import Task
from tests.live import smartfile_support as sf

pytestmark = pytest.mark.live

WAIT = 0.05  # Retry-After / X-Throttle seconds: short, so the waits cost little
SIZE = 600_000
FAST = RetryPolicy(initial_delay=0.0, max_delay=0.0, statuses=frozenset({408, 502, 504}))


class _Recorder(httpx.AsyncHTTPTransport):
    """The network transport, noting the ``Range`` header of every download request."""

    def __init__(self) -> None:
        super().__init__()
        self.ranges: list[str | None] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and request.url.path.startswith("/api/2/path/data/"):
            self.ranges.append(request.headers.get("range"))
        return await super().handle_async_request(request)


@pytest.fixture(scope="module")
def creds(smartfile_server: ServerURLs) -> dict[str, Any]:
    return sf.credentials(smartfile_server)


@pytest.fixture
def faults(smartfile_server: ServerURLs) -> Iterator[Any]:
    """Arms rules for one test; whatever did not fire is cleared afterwards."""

    def arm(*rules: dict[str, Any]) -> None:
        sf.control(smartfile_server, "POST", "faults", {"rules": list(rules)})

    yield arm
    sf.control(smartfile_server, "DELETE", "faults")


@pytest.fixture
def recorder() -> _Recorder:
    return _Recorder()


@pytest.fixture
async def api(
    smartfile_server: ServerURLs, creds: dict[str, Any], recorder: _Recorder
) -> AsyncIterator[AsyncBasicClient]:
    key, password = creds["basic"]["key"], creds["basic"]["password"]
    async with AsyncBasicClient(
        key, password, url=smartfile_server.base_url, timeout=10, transport=recorder
    ) as client:
        yield client


@pytest.fixture
async def folder(api: AsyncBasicClient) -> str:
    path = sf.unique("faults")
    await api.mkdir(path)
    return path


async def _content(api: AsyncBasicClient, path: str) -> bytes:
    stream = await api.download(path, perform_download=False)
    assert isinstance(stream, AsyncResponseStream)
    async with stream:
        return await stream.read()


def _fired(server: ServerURLs) -> int:
    fired = sf.stats(server)["faults_fired"]
    assert isinstance(fired, int)
    return fired


# ---- throttling ----
async def test_429_burst_is_waited_out(
    smartfile_server: ServerURLs, api: AsyncBasicClient, faults: Any, creds: dict[str, Any]
) -> None:
    before = _fired(smartfile_server)
    faults(
        {
            "method": "GET",
            "path": "^/api/2/whoami/$",
            "action": "status",
            "status": 429,
            "retry_after": WAIT,
            "count": 2,
        }
    )
    started = time.monotonic()
    assert (await api.whoami()).user.username == creds["user"]["username"]
    assert time.monotonic() - started >= 2 * WAIT
    assert sf.armed(smartfile_server) == []
    assert _fired(smartfile_server) - before == 2
    # The generic calls wait the same way.
    faults({"path": "^/api/2/whoami/$", "action": "status", "status": 429, "retry_after": WAIT})
    assert (await api.get("/whoami"))["user"]["username"] == creds["user"]["username"]
    assert sf.armed(smartfile_server) == []


async def test_legacy_503_x_throttle_is_waited_out(
    smartfile_server: ServerURLs, api: AsyncBasicClient, faults: Any
) -> None:
    faults(
        {
            "method": "GET",
            "path": "^/api/2/ping/$",
            "action": "status",
            "x_throttle": True,
            "retry_after": WAIT,
            "count": 2,
        }
    )
    assert (await api.ping()).ping == "pong"
    assert sf.armed(smartfile_server) == []
    faults({"path": "^/api/2/ping/$", "action": "status", "x_throttle": True, "retry_after": WAIT})
    assert await api("/ping") == {"ping": "pong"}
    assert sf.armed(smartfile_server) == []


@pytest.mark.parametrize("legacy", [False, True], ids=["429", "503-x-throttle"])
async def test_throttled_three_times_is_a_throttled_error(
    smartfile_server: ServerURLs, api: AsyncBasicClient, faults: Any, legacy: bool
) -> None:
    rule: dict[str, Any] = {
        "path": "^/api/2/whoami/$",
        "action": "status",
        "retry_after": WAIT,
        "count": 3,
    }
    rule.update({"x_throttle": True} if legacy else {"status": 429})
    faults(rule)
    with pytest.raises(ThrottledError) as caught:
        await api.whoami()
    assert isinstance(caught.value, RequestError)
    assert caught.value.retry_after == WAIT
    assert str(caught.value) == "Could not complete request after 3 trys."
    assert sf.armed(smartfile_server) == []  # three attempts, no more


async def test_throttle_wait_off_raises_rate_limit_error_at_once(
    smartfile_server: ServerURLs, creds: dict[str, Any], faults: Any
) -> None:
    faults({"path": "^/api/2/whoami/$", "action": "status", "status": 429, "retry_after": 7})
    key, password = creds["basic"]["key"], creds["basic"]["password"]
    async with AsyncBasicClient(
        key, password, url=smartfile_server.base_url, throttle_wait=False, timeout=10
    ) as api:
        with pytest.raises(RateLimitError) as caught:
            await api.whoami()
    assert isinstance(caught.value, core.RateLimitError)
    assert caught.value.retry_after == 7
    assert caught.value.detail == "Request was throttled. Expected available in 7 seconds."


async def test_throttled_upload_is_sent_again_whole(
    smartfile_server: ServerURLs, api: AsyncBasicClient, folder: str, faults: Any
) -> None:
    """A throttled upload is sent again, whole: typed and generic."""
    data = os.urandom(100_000)
    faults(
        {
            "method": "POST",
            "path": "^/api/2/path/data/",
            "action": "status",
            "status": 429,
            "retry_after": WAIT,
            "count": 2,
        }
    )
    info = await api.upload("typed.bin", io.BytesIO(data), directory=folder)
    assert info.size == len(data)
    assert sf.armed(smartfile_server) == []
    faults(
        {
            "method": "POST",
            "path": "^/api/2/path/data/",
            "action": "status",
            "x_throttle": True,
            "retry_after": WAIT,
        }
    )
    generic = await api.post("/path/data", folder, file=("generic.bin", io.BytesIO(data)))
    assert generic["size"] == len(data)
    for name in ("typed.bin", "generic.bin"):
        assert await _content(api, f"{folder}/{name}") == data


async def test_upload_starts_where_the_file_object_stands(
    api: AsyncBasicClient, folder: str
) -> None:
    """The original (requests) sent a file object from its current position, and the client
    notes that position (``tell()``) to rewind to it for a throttled retry."""
    data = os.urandom(1000)
    stream = io.BytesIO(b"header" + data)
    stream.seek(6)
    info = await api.upload("typed.bin", stream, directory=folder)
    assert info.size == len(data)


async def test_a_wait_beyond_the_cap_is_not_waited(
    smartfile_server: ServerURLs, api: AsyncBasicClient, faults: Any
) -> None:
    faults({"path": "^/api/2/whoami/$", "action": "status", "status": 429, "retry_after": 500})
    started = time.monotonic()
    with pytest.raises(ThrottledError) as caught:
        await api.whoami()
    assert time.monotonic() - started < 5
    assert caught.value.retry_after == 500
    assert sf.armed(smartfile_server) == []  # asked once


class _OneWay:
    """A file object that can only be read forward (a pipe, a socket)."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.name = "oneway.bin"

    def read(self, size: int = -1) -> bytes:
        return self._data.read(size)


async def test_a_throttled_body_that_cannot_be_read_again_is_not_resent(
    smartfile_server: ServerURLs, api: AsyncBasicClient, folder: str, faults: Any
) -> None:
    rule = {"method": "POST", "path": "^/api/2/path/data/", "action": "status", "status": 429}
    faults({**rule, "retry_after": WAIT})
    with pytest.raises(RateLimitError):
        await api.post("/path/data", folder, file=_OneWay(b"once"))
    assert sf.armed(smartfile_server) == []
    with pytest.raises(NotFoundError):
        await api.info(f"{folder}/oneway.bin")
    # Not throttled, it goes through.
    assert (await api.post("/path/data", folder, file=_OneWay(b"once")))["size"] == 4


# ---- server errors and drops on plain calls ----
async def test_502_and_drops_on_safe_calls_are_retried_500_is_typed(
    smartfile_server: ServerURLs, creds: dict[str, Any], faults: Any
) -> None:
    key, password = creds["basic"]["key"], creds["basic"]["password"]
    async with AsyncBasicClient(
        key, password, url=smartfile_server.base_url, retry=FAST, timeout=10
    ) as api:
        faults({"method": "GET", "path": "^/api/2/whoami/$", "action": "status", "status": 502})
        assert (await api.whoami()).user.username == creds["user"]["username"]
        faults({"method": "GET", "path": "^/api/2/whoami/$", "action": "drop"})
        assert (await api.whoami()).user.username == creds["user"]["username"]
        assert sf.armed(smartfile_server) == []
        faults({"method": "GET", "path": "^/api/2/whoami/$", "action": "status", "status": 500})
        with pytest.raises(ServerError) as caught:
            await api.whoami()
        assert isinstance(caught.value, core.ServerError)
        assert caught.value.status_code == 500
        assert caught.value.detail == "A server error occurred."
        faults({"method": "GET", "path": "^/api/2/whoami/$", "action": "status", "status": 503})
        with pytest.raises(ServerError):  # a 503 without X-Throttle is no throttle
            await api.whoami()
        assert sf.armed(smartfile_server) == []


async def test_no_answer_in_time_is_a_typed_timeout(
    smartfile_server: ServerURLs, creds: dict[str, Any], faults: Any
) -> None:
    key, password = creds["basic"]["key"], creds["basic"]["password"]
    async with AsyncBasicClient(
        key, password, url=smartfile_server.base_url, retry=FAST, timeout=0.1
    ) as api:
        faults({"path": "^/api/2/whoami/$", "action": "delay", "seconds": 0.5, "count": 3})
        with pytest.raises(core.TimeoutError):
            await api.whoami()
        assert sf.armed(smartfile_server) == []  # tried three times (FAST: two retries)


# ---- dropped connections ----
async def test_download_resumes_with_range_after_a_drop(
    smartfile_server: ServerURLs,
    api: AsyncBasicClient,
    recorder: _Recorder,
    folder: str,
    faults: Any,
    tmp_path: Path,
) -> None:
    data = os.urandom(SIZE)
    await api.upload("big.bin", io.BytesIO(data), directory=folder)
    faults(
        {"method": "GET", "path": "^/api/2/path/data/", "action": "drop", "after_bytes": 100_000}
    )
    dest = tmp_path / "out"
    dest.mkdir()
    got = await api.download(f"{folder}/big.bin", download_to_path=dest)
    assert got == dest / "big.bin"
    assert got.read_bytes() == data
    assert list(dest.iterdir()) == [got]  # no .part left
    assert sf.armed(smartfile_server) == []
    assert recorder.ranges == [None, "bytes=100000-"]


@pytest.mark.parametrize("legacy", [False, True], ids=["429", "503-x-throttle"])
async def test_a_throttled_download_is_waited_out(
    smartfile_server: ServerURLs,
    api: AsyncBasicClient,
    folder: str,
    faults: Any,
    tmp_path: Path,
    legacy: bool,
) -> None:
    """Found by the fault matrix: downloads skipped the throttle waits every other call has."""
    data = os.urandom(10_000)
    await api.upload("small.bin", io.BytesIO(data), directory=folder)
    rule: dict[str, Any] = {
        "method": "GET",
        "path": "^/api/2/path/data/",
        "action": "status",
        "retry_after": WAIT,
        "count": 2,
    }
    rule.update({"x_throttle": True} if legacy else {"status": 429})
    faults(rule)
    got = await api.download(f"{folder}/small.bin", download_to_path=tmp_path)
    assert isinstance(got, Path) and got.read_bytes() == data
    assert sf.armed(smartfile_server) == []
    faults({**rule, "count": 3})
    with pytest.raises(ThrottledError):
        await api.download(f"{folder}/small.bin", download_to_path=tmp_path / "again.bin")
    assert sf.armed(smartfile_server) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.bin"]


async def test_a_move_outlives_a_lost_or_failed_poll(
    smartfile_server: ServerURLs, api: AsyncBasicClient, folder: str, faults: Any
) -> None:
    """Found by the fault matrix: one dropped or 503 answer to a task poll failed a move that
    the server then completed."""
    await api.mkdir(f"{folder}/to")
    await api.upload("a.txt", io.BytesIO(b"a"), directory=folder)
    faults(
        {"method": "GET", "path": "^/api/2/task/", "action": "drop", "after_bytes": 10},
        {"method": "GET", "path": "^/api/2/task/", "action": "status", "status": 503},
    )
    task = await api.move(f"{folder}/a.txt", f"{folder}/to")
    assert isinstance(task, Task) and task.status == "SUCCESS"
    assert sf.armed(smartfile_server) == []
    assert [child.name for child in await api.ls(f"{folder}/to")] == ["a.txt"]
    faults(
        {"method": "GET", "path": "^/api/2/task/", "action": "status", "status": 503, "count": 9}
    )
    with pytest.raises(ServerError):
        await api.copy(f"{folder}/to/a.txt", folder)


async def test_download_dropped_every_time_leaves_nothing(
    api: AsyncBasicClient, folder: str, faults: Any, tmp_path: Path
) -> None:
    data = os.urandom(SIZE)
    await api.upload("big.bin", io.BytesIO(data), directory=folder)
    faults(
        {
            "method": "GET",
            "path": "^/api/2/path/data/",
            "action": "drop",
            "after_bytes": 50_000,
            "count": 20,
        }
    )
    dest = tmp_path / "out"
    dest.mkdir()
    with pytest.raises(core.TransportError):
        await api.download(f"{folder}/big.bin", download_to_path=dest)
    assert list(dest.iterdir()) == []
    with pytest.raises(core.TransportError):
        await api.download(f"{folder}/big.bin", download_to_path=dest / "named.bin")
    assert list(dest.iterdir()) == []


async def test_dropped_upload_leaves_no_half_written_file(
    smartfile_server: ServerURLs, api: AsyncBasicClient, folder: str, faults: Any
) -> None:
    data = os.urandom(300_000)
    rule = {"method": "POST", "path": "^/api/2/path/data/", "action": "drop", "after_bytes": 50_000}
    faults(rule)
    with pytest.raises(core.ConnectionError):
        await api.upload("new.bin", io.BytesIO(data), directory=folder)
    assert sf.armed(smartfile_server) == []
    with pytest.raises(NotFoundError):
        await api.info(f"{folder}/new.bin")

    old = b"the old content"
    await api.upload("kept.bin", io.BytesIO(old), directory=folder)
    faults(rule)
    with pytest.raises(core.ConnectionError):
        await api.post("/path/data", folder, file=("kept.bin", io.BytesIO(data)))
    assert (await api.info(f"{folder}/kept.bin")).size == len(old)
    assert await _content(api, f"{folder}/kept.bin") == old


async def test_a_dropped_connection_is_the_originals_request_error(
    api: AsyncBasicClient, folder: str, faults: Any, tmp_path: Path
) -> None:
    """errors.py and the README: ``RequestError`` is "no usable answer: a dropped connection,
    a timeout, throttled three times", so code written for the original catches it."""
    faults({"method": "POST", "path": "^/api/2/path/oper/mkdir/$", "action": "drop"})
    # The generic call: the typed mkdir is re-sent (see below).
    with pytest.raises(core.ConnectionError) as caught:
        await api.post("/path/oper/mkdir/", path=f"{folder}/never")
    assert isinstance(caught.value, RequestError)


async def test_mkdir_is_re_sent_after_a_dropped_connection(
    smartfile_server: ServerURLs, api: AsyncBasicClient, folder: str, faults: Any
) -> None:
    """Making a directory that exists succeeds, so a replay after a lost answer is safe."""
    faults({"method": "POST", "path": "^/api/2/path/oper/mkdir/$", "action": "drop", "store": True})
    made = await api.mkdir(f"{folder}/made")
    assert made.isdir is True
    assert sf.armed(smartfile_server) == []
    assert [child.name for child in await api.ls(folder)] == ["made"]
