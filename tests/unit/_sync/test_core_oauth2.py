# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The refreshing OAuth 2 bearer auth: proactive and reactive refresh, single flight, rotation."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from cloudspec.core._backends import run_workers
from cloudspec.core._sync.oauth2 import RefreshingAuth
from cloudspec.core.errors import AuthenticationError, BadRequestError, ResendRequiredError
from cloudspec.core.tokens import MemoryTokenStore, Token

NOW = 1_000_000.0
URL = "https://api.test/items"


def clock() -> float:
    return NOW


def token(n: int, *, expires_in: float = 3600.0) -> Token:
    return Token(
        access_token=f"acc-{n}-7f3e9a", refresh_token=f"ref-{n}-c41d2b", expires_at=NOW + expires_in
    )


class Service:
    """Accepts only the newest access token; every refresh rotates both tokens, and a spent
    refresh token is refused (``invalid_grant``), like Box."""

    def __init__(self, valid: Token, delay: float = 0.0) -> None:
        self.valid = valid
        self.delay = delay
        self.refreshed_with: list[Token] = []
        self.seen: list[str | None] = []
        self.statuses: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        header = request.headers.get("authorization")
        with self._lock:
            self.seen.append(header)
            ok = header == f"Bearer {self.valid.access_token}"
            self.statuses.append(200 if ok else 401)
        if ok:
            return httpx.Response(200, json={"ok": True})
        return httpx.Response(401, json={"type": "error", "code": "unauthorized"})

    def refresh(self, old: Token) -> Token:
        with self._lock:
            self.refreshed_with.append(old)
            number = len(self.refreshed_with)
            spent = old.refresh_token != self.valid.refresh_token
        # Wide race window: every other caller piles up on the lock meanwhile.
        time.sleep(self.delay)
        if spent:
            raise BadRequestError("Refresh token has expired", status=400, code="invalid_grant")
        fresh = token(100 + number)
        with self._lock:
            self.valid = fresh
        return fresh


def client(auth: RefreshingAuth, service: Service) -> httpx.Client:
    return httpx.Client(auth=auth, transport=httpx.MockTransport(service))


class StreamingTransport(httpx.BaseTransport):
    """Drains the body as a network transport does (``MockTransport`` reads it into memory
    first, which would make every body replayable)."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.bodies: list[bytes] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        self.bodies.append(b"".join([chunk for chunk in request.stream]))
        return self.service(request)


def test_a_valid_token_is_sent_as_is() -> None:
    current = token(1)
    service = Service(current)
    auth = RefreshingAuth(store=MemoryTokenStore(current), refresh=service.refresh, clock=clock)
    with client(auth, service) as http:
        response = http.get(URL)
    assert response.status_code == 200
    assert service.seen == [f"Bearer {current.access_token}"]
    assert service.refreshed_with == []


def test_a_token_about_to_expire_is_refreshed_before_sending() -> None:
    expiring = token(1, expires_in=30)  # inside the 60 s skew
    service = Service(expiring)
    store = MemoryTokenStore(expiring)
    changed: list[Token] = []
    auth = RefreshingAuth(
        store=store, refresh=service.refresh, on_refresh=changed.append, clock=clock
    )
    with client(auth, service) as http:
        response = http.get(URL)
    assert response.status_code == 200
    assert service.refreshed_with == [expiring]
    assert service.seen == [f"Bearer {token(101).access_token}"]  # the old one never went out
    assert store.load() == token(101) and changed == [token(101)]


def test_a_401_refreshes_once_and_retries_with_the_new_token() -> None:
    revoked = token(1)
    service = Service(token(2))  # the server no longer takes token 1
    service.valid = Token(access_token="acc-other", refresh_token=revoked.refresh_token)
    store = MemoryTokenStore(revoked)
    auth = RefreshingAuth(store=store, refresh=service.refresh, clock=clock)
    with client(auth, service) as http:
        response = http.get(URL)
    assert response.status_code == 200
    assert service.statuses == [401, 200]
    assert service.seen == [f"Bearer {revoked.access_token}", f"Bearer {token(101).access_token}"]
    assert len(service.refreshed_with) == 1
    assert store.load() == token(101)


def test_a_second_401_reaches_the_caller() -> None:
    current = token(1)
    service = Service(current)

    def refresh_to_a_token_the_server_refuses(old: Token) -> Token:
        service.refreshed_with.append(old)
        return token(2)

    service.valid = Token(access_token="acc-never-matches")
    auth = RefreshingAuth(
        store=MemoryTokenStore(current), refresh=refresh_to_a_token_the_server_refuses, clock=clock
    )
    with client(auth, service) as http:
        response = http.get(URL)
    assert response.status_code == 401
    assert service.statuses == [401, 401]
    assert len(service.refreshed_with) == 1


@pytest.mark.parametrize("why", ["expired", "revoked"])
def test_32_concurrent_callers_cause_exactly_one_refresh(why: str) -> None:
    old = token(1, expires_in=-10 if why == "expired" else 3600)
    service = Service(old, delay=0.05)
    if why == "revoked":
        service.valid = Token(access_token="acc-revoked", refresh_token=old.refresh_token)
    store = MemoryTokenStore(old)
    changed: list[Token] = []
    auth = RefreshingAuth(
        store=store, refresh=service.refresh, on_refresh=changed.append, clock=clock
    )
    answers: list[int] = []
    with client(auth, service) as http:

        def call() -> None:
            response = http.get(URL)
            answers.append(response.status_code)

        run_workers(call, 32, stop=lambda: None)
    assert answers == [200] * 32  # no 401 reached a caller
    assert service.refreshed_with == [old]
    assert store.load() == token(101) == service.valid
    assert changed == [token(101)]
    if why == "expired":
        assert 401 not in service.statuses


def test_on_refresh_runs_once_after_the_save() -> None:
    events: list[str] = []

    class Store(MemoryTokenStore):
        def save(self, saved: Token) -> None:
            events.append(f"save {saved.access_token}")
            super().save(saved)

    store = Store(token(1, expires_in=0))
    service = Service(token(1))

    def on_refresh(fresh: Token) -> None:
        assert store.load() == fresh  # persisted before anyone is told or uses it
        events.append(f"on_refresh {fresh.access_token}")

    auth = RefreshingAuth(store=store, refresh=service.refresh, on_refresh=on_refresh, clock=clock)
    with client(auth, service) as http:
        assert (http.get(URL)).status_code == 200
        assert (http.get(URL)).status_code == 200
    assert events == [f"save {token(101).access_token}", f"on_refresh {token(101).access_token}"]


def test_invalid_grant_adopts_a_token_another_process_rotated() -> None:
    old = token(1, expires_in=0)
    store = MemoryTokenStore(old)
    rotated = token(7)
    service = Service(rotated)

    def refresh_races_another_process(spent: Token) -> Token:
        # Another process (not taking our lock) rotated the pair a moment ago.
        store.save(rotated)
        raise BadRequestError("Refresh token has expired", status=400, code="invalid_grant")

    auth = RefreshingAuth(store=store, refresh=refresh_races_another_process, clock=clock)
    with client(auth, service) as http:
        response = http.get(URL)
    assert response.status_code == 200
    assert service.seen == [f"Bearer {rotated.access_token}"]


def test_invalid_grant_with_nothing_new_in_the_store_is_raised() -> None:
    old = token(1, expires_in=0)
    service = Service(token(1))
    service.valid = token(2)  # our refresh token is spent: the server holds token 2's
    store = MemoryTokenStore(old)
    auth = RefreshingAuth(store=store, refresh=service.refresh, clock=clock)
    with client(auth, service) as http:
        with pytest.raises(BadRequestError) as caught:
            http.get(URL)
    assert caught.value.code == "invalid_grant"
    assert service.seen == []  # nothing was sent with a token known to be dead
    assert store.load() == old  # the stored pair is left alone


def test_a_body_that_cannot_be_replayed_is_not_resent() -> None:
    revoked = token(1)
    service = Service(token(1))
    service.valid = Token(access_token="acc-revoked", refresh_token=revoked.refresh_token)
    auth = RefreshingAuth(store=MemoryTokenStore(revoked), refresh=service.refresh, clock=clock)

    def body() -> Iterator[bytes]:
        yield b"part one, "
        yield b"part two"

    transport = StreamingTransport(service)
    with httpx.Client(auth=auth, transport=transport) as http:
        with pytest.raises(ResendRequiredError) as caught:
            http.post(URL, content=body())
        assert caught.value.status == 401
        assert isinstance(caught.value, AuthenticationError)
        assert service.statuses == [401]  # not re-sent with a drained body
        assert len(service.refreshed_with) == 1  # but the token was refreshed already
        # The caller builds the body again; it goes out with the new token at once.
        response = http.post(URL, content=body())
    assert response.status_code == 200
    assert service.statuses == [401, 200]
    assert len(service.refreshed_with) == 1
    assert transport.bodies == [b"part one, part two"] * 2


def test_a_replayable_body_is_resent_whole() -> None:
    revoked = token(1)
    bodies: list[bytes] = []
    service = Service(token(1))
    service.valid = Token(access_token="acc-revoked", refresh_token=revoked.refresh_token)

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return service(request)

    auth = RefreshingAuth(store=MemoryTokenStore(revoked), refresh=service.refresh, clock=clock)
    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler)) as http:
        response = http.post(URL, content=b'{"name": "x"}')
    assert response.status_code == 200
    assert bodies == [b'{"name": "x"}', b'{"name": "x"}']


def test_get_token_and_force_refresh() -> None:
    current = token(1)
    service = Service(current)
    auth = RefreshingAuth(store=MemoryTokenStore(current), refresh=service.refresh, clock=clock)
    assert auth.get_token() == current
    assert service.refreshed_with == []
    fresh = auth.force_refresh()
    assert fresh == token(101) == auth.get_token()
    # Someone holding the old token asks again: it was refreshed since, so no second refresh.
    assert auth.force_refresh(current) == fresh
    assert service.refreshed_with == [current]


def test_the_store_wins_over_the_initial_token() -> None:
    stored = token(3)
    service = Service(stored)
    auth = RefreshingAuth(
        store=MemoryTokenStore(stored), refresh=service.refresh, initial=token(1), clock=clock
    )
    assert auth.get_token() == stored


def test_the_initial_token_is_used_while_the_store_is_empty() -> None:
    initial = Token(access_token="", refresh_token=token(1).refresh_token, expires_at=0.0)
    service = Service(token(1))
    store = MemoryTokenStore()
    auth = RefreshingAuth(store=store, refresh=service.refresh, initial=initial, clock=clock)
    assert auth.get_token() == token(101)  # no access token yet: refreshed at once
    assert store.load() == token(101)


def test_an_empty_store_without_an_initial_token_is_an_authentication_error() -> None:
    service = Service(token(1))
    auth = RefreshingAuth(store=MemoryTokenStore(), refresh=service.refresh, clock=clock)
    with client(auth, service) as http:
        with pytest.raises(AuthenticationError, match="no token"):
            http.get(URL)
    assert service.seen == []


def test_tokens_stay_out_of_repr_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    revoked = token(1, expires_in=0)
    service = Service(revoked)
    auth = RefreshingAuth(store=MemoryTokenStore(revoked), refresh=service.refresh, clock=clock)
    with caplog.at_level(logging.DEBUG):
        with client(auth, service) as http:
            http.get(URL)
    assert "refreshed the access token" in caplog.text
    for secret in (*_secrets(revoked), *_secrets(token(101))):
        assert secret not in caplog.text
        assert secret not in repr(auth)


def _secrets(t: Token) -> list[str]:
    return [t.access_token, t.refresh_token or ""]
