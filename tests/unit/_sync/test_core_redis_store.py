# Generated from the _async twin by python -m generator.unasync; do not edit.
"""RedisTokenStore on a real redis-server: round trip, and a lock that holds across clients."""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid

import httpx
import pytest

from cloudspec.core._backends import run_workers
from cloudspec.core._sync.oauth2 import RefreshingAuth
from cloudspec.core._sync.redis_store import RedisTokenStore
from cloudspec.core.tokens import Token

OLD = Token(access_token="acc-old-3b7f", refresh_token="ref-old-9a21", expires_at=0.0)
NEW = Token(access_token="acc-new-c6d0", refresh_token="ref-new-44e8", expires_at=4e9)


def new_key() -> str:
    return f"cloudspec-test:{uuid.uuid4().hex}"


def test_round_trip(redis_server: str) -> None:
    key = new_key()
    with RedisTokenStore.from_url(redis_server, key) as store:
        assert store.load() is None
        store.save(OLD)
        assert store.load() == OLD
        store.save(NEW)
        assert store.load() == NEW
        # Another client (another machine) sees the same token.
        with RedisTokenStore.from_url(redis_server, key) as other:
            assert other.load() == NEW
    assert repr(store) == f"RedisTokenStore(key={key!r})"
    for secret in (NEW.access_token, NEW.refresh_token or ""):
        assert secret not in repr(store)


def test_a_value_that_is_no_token_object_is_refused(redis_server: str) -> None:
    key = new_key()
    with RedisTokenStore.from_url(redis_server, key) as store:
        store.client.set(key, "[1, 2]")
        with pytest.raises(ValueError, match="does not hold a token"):
            store.load()


def test_the_lock_serialises_refreshes_across_workers_and_clients(redis_server: str) -> None:
    key = new_key()
    refreshes: list[int] = []
    inside = 0
    most = 0
    guard = threading.Lock()
    with (
        RedisTokenStore.from_url(redis_server, key) as first,
        RedisTokenStore.from_url(redis_server, key) as second,  # "another machine"
    ):
        first.save(OLD)
        stores = itertools.cycle([first, second])

        def worker() -> None:
            nonlocal inside, most
            with guard:
                store = next(stores)
            with store.lock():
                with guard:
                    inside += 1
                    most = max(most, inside)
                current = store.load()
                if current == OLD:
                    refreshes.append(1)
                    time.sleep(0.05)  # a slow token endpoint
                    store.save(NEW)
                with guard:
                    inside -= 1

        run_workers(worker, 8, stop=lambda: None)
        assert second.load() == NEW
    assert refreshes == [1]
    assert most == 1


def test_two_machines_with_their_own_auth_refresh_once(redis_server: str) -> None:
    key = new_key()
    refreshed_with: list[Token] = []
    guard = threading.Lock()

    def refresh(old: Token) -> Token:
        with guard:
            refreshed_with.append(old)
        time.sleep(0.05)
        return NEW

    def handler(request: httpx.Request) -> httpx.Response:
        ok = request.headers["authorization"] == f"Bearer {NEW.access_token}"
        return httpx.Response(200 if ok else 401)

    with (
        RedisTokenStore.from_url(redis_server, key) as first,
        RedisTokenStore.from_url(redis_server, key) as second,
    ):
        first.save(OLD)
        auths = itertools.cycle([RefreshingAuth(store=s, refresh=refresh) for s in (first, second)])
        statuses: list[int] = []

        def call() -> None:
            with guard:
                auth = next(auths)
            transport = httpx.MockTransport(handler)
            with httpx.Client(auth=auth, transport=transport) as http:
                response = http.get("https://api.test/")
            statuses.append(response.status_code)

        run_workers(call, 16, stop=lambda: None)
        assert first.load() == NEW
    assert statuses == [200] * 16
    assert refreshed_with == [OLD]


def test_a_lock_held_elsewhere_times_out(redis_server: str) -> None:
    key = new_key()
    with (
        RedisTokenStore.from_url(redis_server, key) as holder,
        RedisTokenStore.from_url(redis_server, key, lock_blocking_timeout=0.2) as impatient,
    ):
        with holder.lock():
            with pytest.raises(TimeoutError, match=f"{key}:lock"):
                with impatient.lock():
                    raise AssertionError("must not get the lock")
        with impatient.lock():  # free again once the holder left
            pass


def test_a_lock_that_expired_meanwhile_is_only_logged(
    redis_server: str, caplog: pytest.LogCaptureFixture
) -> None:
    key = new_key()
    with RedisTokenStore.from_url(redis_server, key, lock_timeout=0.05) as store:
        with caplog.at_level(logging.WARNING, logger="cloudspec.auth"):
            with store.lock():
                time.sleep(0.2)  # longer than lock_timeout: Redis dropped the lock
        assert "could not release" in caplog.text
        with store.lock():  # and it is free for the next one
            pass
