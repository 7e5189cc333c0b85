"""One expired token, many callers: exactly one refresh, no 401 reaches anyone, no refresh
token lost. Against the Box emulator, which rotates refresh tokens and refuses a spent one
(so a second refresh with the same token would fail loudly, not pass silently).

Threads share a ``BoxClient``; asyncio tasks share an ``AsyncBoxClient``; "processes" are
separate clients sharing a file or a Redis store, the last with real processes too.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import redis

from cloudspec.box import AsyncBoxClient, BoxClient
from cloudspec.core import FileTokenStore, MemoryTokenStore, RedisTokenStore, Token, TokenStore
from cloudspec.emulators.urls import ServerURLs
from tests.live import box_support as box

pytestmark = pytest.mark.live

CALLERS = 32


@pytest.fixture(scope="module")
def server() -> Iterator[ServerURLs]:
    with box.small_box() as urls:
        yield urls


def seeded(store: TokenStore, server: ServerURLs) -> Token:
    pair = box.mint(server)
    token = Token(access_token=pair["access_token"], refresh_token=pair["refresh_token"])
    store.save(token)
    return token


def sync_client(server: ServerURLs, store: TokenStore, changed: list[Any]) -> BoxClient:
    return BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        token_store=store,
        tokens_changed=lambda refresh, access: changed.append((refresh, access)),
        urls=box.urls_of(server),
    )


def assert_store_holds_the_live_pair(server: ServerURLs, store: TokenStore) -> None:
    """The stored refresh token is the current one: a fresh client can still refresh."""
    saved = store.load()
    assert saved is not None and saved.refresh_token
    box.reset_stats(server)
    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        token_store=MemoryTokenStore(saved),
        urls=box.urls_of(server),
    ) as probe:
        probe.auth.force_refresh()
    assert box.stats(server)["token_refreshes"] == 1


def test_threads_share_one_refresh(server: ServerURLs) -> None:
    store = MemoryTokenStore()
    first = seeded(store, server)
    changed: list[Any] = []
    with sync_client(server, store, changed) as client:
        client.users.me()
        box.expire_tokens(server)
        box.reset_stats(server)
        start = threading.Barrier(CALLERS)

        def call(_: int) -> str:
            start.wait()
            return str(client.users.me().login)

        with ThreadPoolExecutor(CALLERS) as pool:
            logins = list(pool.map(call, range(CALLERS)))
    assert logins == [box.LOGIN] * CALLERS  # no 401 reached a caller
    assert box.stats(server)["token_refreshes"] == 1
    assert len(changed) == 1
    saved = store.load()
    assert saved is not None and saved.refresh_token != first.refresh_token
    assert_store_holds_the_live_pair(server, store)


async def test_tasks_share_one_refresh(server: ServerURLs) -> None:
    store = MemoryTokenStore()
    seeded(store, server)
    changed: list[Any] = []
    async with AsyncBoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        token_store=store,
        tokens_changed=lambda refresh, access: changed.append((refresh, access)),
        urls=box.urls_of(server),
    ) as client:
        await client.users.me()
        box.expire_tokens(server)
        box.reset_stats(server)
        users = await asyncio.gather(*(client.users.me() for _ in range(CALLERS)))
    assert [u.login for u in users] == [box.LOGIN] * CALLERS
    assert box.stats(server)["token_refreshes"] == 1
    assert len(changed) == 1
    assert_store_holds_the_live_pair(server, store)


def _clients_on_shared_store(
    server: ServerURLs, stores: list[TokenStore], threads_each: int
) -> list[str]:
    changed: list[Any] = []
    clients = [sync_client(server, store, changed) for store in stores]
    try:
        for client in clients:
            client.users.me()  # each client has the (same) token in memory now
        box.expire_tokens(server)
        box.reset_stats(server)
        start = threading.Barrier(len(clients) * threads_each)

        def call(index: int) -> str:
            start.wait()
            return str(clients[index % len(clients)].users.me().login)

        with ThreadPoolExecutor(len(clients) * threads_each) as pool:
            return list(pool.map(call, range(len(clients) * threads_each)))
    finally:
        for client in clients:
            client.close()


def test_clients_sharing_a_file_store_refresh_once(server: ServerURLs, tmp_path: Path) -> None:
    path = tmp_path / "box-token.json"
    seeded(FileTokenStore(path), server)
    # One store object per client, as separate processes would have.
    stores: list[TokenStore] = [FileTokenStore(path) for _ in range(4)]
    logins = _clients_on_shared_store(server, stores, threads_each=8)
    assert logins == [box.LOGIN] * 32
    assert box.stats(server)["token_refreshes"] == 1
    assert_store_holds_the_live_pair(server, FileTokenStore(path))


def test_machines_sharing_a_redis_store_refresh_once(server: ServerURLs, redis_server: str) -> None:
    key = "cloudspec:test:box-token"
    seeded(RedisTokenStore(redis.Redis.from_url(redis_server), key), server)
    # A connection each: as far as Redis can tell, four machines.
    stores: list[TokenStore] = [
        RedisTokenStore(redis.Redis.from_url(redis_server), key) for _ in range(4)
    ]
    logins = _clients_on_shared_store(server, stores, threads_each=8)
    assert logins == [box.LOGIN] * 32
    assert box.stats(server)["token_refreshes"] == 1
    assert_store_holds_the_live_pair(
        server, RedisTokenStore(redis.Redis.from_url(redis_server), key)
    )


def _worker(api: str, upload: str, account: str, path: str, go: Any, out: Any) -> None:
    from cloudspec.box import BoxClient, BoxURLs
    from cloudspec.core import FileTokenStore

    with BoxClient(
        client_id=box.CLIENT_ID,
        client_secret=box.CLIENT_SECRET,
        token_store=FileTokenStore(path),
        urls=BoxURLs(api=api, upload=upload, account=account),
    ) as client:
        go.wait()
        with ThreadPoolExecutor(8) as pool:
            logins = list(pool.map(lambda _: client.users.me().login, range(8)))
    out.put(logins)


def test_processes_sharing_a_file_store_refresh_once(server: ServerURLs, tmp_path: Path) -> None:
    path = tmp_path / "box-token.json"
    seeded(FileTokenStore(path), server)
    box.expire_tokens(server)
    box.reset_stats(server)
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    out = context.Queue()
    urls = server.urls
    workers = [
        context.Process(
            target=_worker,
            args=(urls["api"], urls["upload"], urls["account"], str(path), go, out),
        )
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    go.set()
    results = [out.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert [login for logins in results for login in logins] == [box.LOGIN] * 32
    assert box.stats(server)["token_refreshes"] == 1
    assert_store_holds_the_live_pair(server, FileTokenStore(path))
