"""RedisTokenStore on a real redis-server: round trip, and a lock that holds across clients."""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import uuid

import httpx
import pytest

from cloudspec.core._async.oauth2 import AsyncRefreshingAuth
from cloudspec.core._async.redis_store import AsyncRedisTokenStore
from cloudspec.core._backends import async_run_workers
from cloudspec.core.tokens import Token

OLD = Token(access_token="acc-old-3b7f", refresh_token="ref-old-9a21", expires_at=0.0)
NEW = Token(access_token="acc-new-c6d0", refresh_token="ref-new-44e8", expires_at=4e9)


def new_key() -> str:
    return f"cloudspec-test:{uuid.uuid4().hex}"


async def test_round_trip(redis_server: str) -> None:
    key = new_key()
    async with AsyncRedisTokenStore.from_url(redis_server, key) as store:
        assert await store.load() is None
        await store.save(OLD)
        assert await store.load() == OLD
        await store.save(NEW)
        assert await store.load() == NEW
        # Another client (another machine) sees the same token.
        async with AsyncRedisTokenStore.from_url(redis_server, key) as other:
            assert await other.load() == NEW
    assert repr(store) == f"AsyncRedisTokenStore(key={key!r})"
    for secret in (NEW.access_token, NEW.refresh_token or ""):
        assert secret not in repr(store)


async def test_a_value_that_is_no_token_object_is_refused(redis_server: str) -> None:
    key = new_key()
    async with AsyncRedisTokenStore.from_url(redis_server, key) as store:
        await store.client.set(key, "[1, 2]")
        with pytest.raises(ValueError, match="does not hold a token"):
            await store.load()


async def test_the_lock_serialises_refreshes_across_workers_and_clients(redis_server: str) -> None:
    key = new_key()
    refreshes: list[int] = []
    inside = 0
    most = 0
    guard = threading.Lock()
    async with (
        AsyncRedisTokenStore.from_url(redis_server, key) as first,
        AsyncRedisTokenStore.from_url(redis_server, key) as second,  # "another machine"
    ):
        await first.save(OLD)
        stores = itertools.cycle([first, second])

        async def worker() -> None:
            nonlocal inside, most
            with guard:
                store = next(stores)
            async with store.lock():
                with guard:
                    inside += 1
                    most = max(most, inside)
                current = await store.load()
                if current == OLD:
                    refreshes.append(1)
                    await asyncio.sleep(0.05)  # a slow token endpoint
                    await store.save(NEW)
                with guard:
                    inside -= 1

        await async_run_workers(worker, 8, stop=lambda: None)
        assert await second.load() == NEW
    assert refreshes == [1]
    assert most == 1


async def test_two_machines_with_their_own_auth_refresh_once(redis_server: str) -> None:
    key = new_key()
    refreshed_with: list[Token] = []
    guard = threading.Lock()

    async def refresh(old: Token) -> Token:
        with guard:
            refreshed_with.append(old)
        await asyncio.sleep(0.05)
        return NEW

    def handler(request: httpx.Request) -> httpx.Response:
        ok = request.headers["authorization"] == f"Bearer {NEW.access_token}"
        return httpx.Response(200 if ok else 401)

    async with (
        AsyncRedisTokenStore.from_url(redis_server, key) as first,
        AsyncRedisTokenStore.from_url(redis_server, key) as second,
    ):
        await first.save(OLD)
        auths = itertools.cycle(
            [AsyncRefreshingAuth(store=s, refresh=refresh) for s in (first, second)]
        )
        statuses: list[int] = []

        async def call() -> None:
            with guard:
                auth = next(auths)
            transport = httpx.MockTransport(handler)
            async with httpx.AsyncClient(auth=auth, transport=transport) as http:
                response = await http.get("https://api.test/")
            statuses.append(response.status_code)

        await async_run_workers(call, 16, stop=lambda: None)
        assert await first.load() == NEW
    assert statuses == [200] * 16
    assert refreshed_with == [OLD]


async def test_a_lock_held_elsewhere_times_out(redis_server: str) -> None:
    key = new_key()
    async with (
        AsyncRedisTokenStore.from_url(redis_server, key) as holder,
        AsyncRedisTokenStore.from_url(redis_server, key, lock_blocking_timeout=0.2) as impatient,
    ):
        async with holder.lock():
            with pytest.raises(TimeoutError, match=f"{key}:lock"):
                async with impatient.lock():
                    raise AssertionError("must not get the lock")
        async with impatient.lock():  # free again once the holder left
            pass


async def test_a_lock_that_expired_meanwhile_is_only_logged(
    redis_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    key = new_key()
    async with AsyncRedisTokenStore.from_url(redis_server, key, lock_timeout=0.05) as store:
        with caplog.at_level(logging.WARNING, logger="cloudspec.auth"):
            async with store.lock():
                await asyncio.sleep(0.2)  # longer than lock_timeout: Redis dropped the lock
        assert "could not release" in caplog.text
        async with store.lock():  # and it is free for the next one
            pass
