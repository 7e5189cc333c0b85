"""FileTokenStore's lock across processes: of 8 processes seeing one old token, one refreshes."""

from __future__ import annotations

import multiprocessing
import stat
import time
from pathlib import Path
from threading import Barrier

import pytest

from cloudspec.core import FileTokenStore, RefreshingAuth, Token

OLD = Token(access_token="acc-old-51c2", refresh_token="ref-old-0d9e", expires_at=0.0)
NEW = Token(access_token="acc-new-88a7", refresh_token="ref-new-e1f4", expires_at=4e9)
PROCESSES = 8


def refresh_by_hand(store_path: str, log_path: str, start: Barrier) -> None:
    """One process: lock, load, refresh if the token is still the old one, save."""
    start.wait()  # every process is up before any goes: the race is real
    store = FileTokenStore(store_path)
    with store.lock():
        current = store.load()
        if current == OLD:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write("refreshed\n")
            time.sleep(0.05)  # a slow token endpoint: the others pile up on the lock
            store.save(NEW)


def refresh_through_the_auth(store_path: str, log_path: str, start: Barrier) -> None:
    """One process: a RefreshingAuth on the shared file, asked for a token that expired."""

    def refresh(old: Token) -> Token:
        assert old == OLD
        with open(log_path, "a", encoding="utf-8") as log:
            log.write("refreshed\n")
        time.sleep(0.05)
        return NEW

    start.wait()
    auth = RefreshingAuth(store=FileTokenStore(store_path), refresh=refresh)
    assert auth.get_token() == NEW


@pytest.mark.parametrize("target", [refresh_by_hand, refresh_through_the_auth])
def test_eight_processes_refresh_once(tmp_path: Path, target: object) -> None:
    store_path = tmp_path / "token.json"
    log_path = tmp_path / "refreshes.log"
    FileTokenStore(store_path).save(OLD)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES, timeout=60)
    processes = [
        context.Process(target=target, args=(str(store_path), str(log_path), start))  # type: ignore[arg-type]
        for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * PROCESSES
    assert log_path.read_text(encoding="utf-8") == "refreshed\n"
    assert FileTokenStore(store_path).load() == NEW


def test_the_lock_file_is_a_private_sidecar(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "sub" / "token.json")
    with store.lock():
        pass
    assert store.lock_path == tmp_path / "sub" / "token.json.lock"
    assert stat.S_IMODE(store.lock_path.stat().st_mode) == 0o600
    # The token file itself is untouched by locking; the lock file stays for the next user.
    assert store.load() is None
    with store.lock():
        store.save(NEW)
    assert store.load() == NEW
