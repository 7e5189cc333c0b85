"""cloudspec.core.tokens: Token, MemoryTokenStore, FileTokenStore."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from cloudspec.core import AsyncTokenStore, FileTokenStore, MemoryTokenStore, Token, TokenStore

ACCESS = "acc-3f9a1c2b7e"
REFRESH = "ref-8d7c6b5a4f"


def token(**kw: object) -> Token:
    values: dict[str, object] = {
        "access_token": ACCESS,
        "refresh_token": REFRESH,
        "expires_at": 1_700_000_000.0,
        "scope": "root_readwrite",
    }
    values.update(kw)
    return Token(**values)  # type: ignore[arg-type]


# --- Token -------------------------------------------------------------------------------------


def test_token_repr_and_str_hide_the_secrets() -> None:
    t = token()
    for text in (repr(t), str(t), f"{t}", repr([t]), repr({"t": t})):
        assert ACCESS not in text
        assert REFRESH not in text
    assert "root_readwrite" in repr(t)
    assert "bearer" in repr(t)


def test_token_is_frozen_and_keyword_only() -> None:
    t = token()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.access_token = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Token("positional")  # type: ignore[call-arg]


def test_token_defaults() -> None:
    t = Token(access_token=ACCESS)
    assert t.refresh_token is None
    assert t.token_type == "bearer"
    assert t.expires_at is None
    assert t.scope is None


def test_expires_within() -> None:
    t = token(expires_at=1000.0)
    assert t.expires_within(60, now=900.0) is False
    assert t.expires_within(100, now=900.0) is True
    assert t.expires_within(0, now=1000.0) is True
    assert t.expires_within(0, now=1001.0) is True
    assert Token(access_token=ACCESS).expires_within(10**9) is False


def test_expires_within_defaults_to_the_wall_clock() -> None:
    assert token(expires_at=0.0).expires_within(0) is True
    assert token(expires_at=4_000_000_000.0).expires_within(60) is False


def test_json_round_trip() -> None:
    t = token()
    assert Token.from_json(json.loads(json.dumps(t.to_json()))) == t
    minimal = Token(access_token=ACCESS)
    stored: dict[str, object] = {**minimal.to_json()}
    assert Token.from_json(stored) == minimal


def test_from_json_normalises_and_ignores_bad_fields() -> None:
    t = Token.from_json(
        {
            "access_token": ACCESS,
            "refresh_token": 5,
            "expires_at": 12,
            "token_type": None,
            "scope": ["a"],
            "extra": "ignored",
        }
    )
    assert t == Token(access_token=ACCESS, expires_at=12.0)
    assert isinstance(t.expires_at, float)
    assert Token.from_json({"access_token": ACCESS, "expires_at": "soon"}).expires_at is None


@pytest.mark.parametrize("value", [{}, {"access_token": None}, {"access_token": 123}])
def test_from_json_requires_an_access_token(value: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="access_token"):
        Token.from_json(value)


# --- MemoryTokenStore ---------------------------------------------------------------------------


def test_memory_store() -> None:
    store = MemoryTokenStore()
    assert store.load() is None
    t = token()
    store.save(t)
    assert store.load() is t
    newer = token(access_token="acc-second-xyz")
    store.save(newer)
    assert store.load() is newer
    assert MemoryTokenStore(t).load() is t


def test_memory_store_repr_hides_the_token() -> None:
    store = MemoryTokenStore(token())
    assert repr(store) == "MemoryTokenStore(has_token=True)"
    assert ACCESS not in repr(store)
    assert repr(MemoryTokenStore()) == "MemoryTokenStore(has_token=False)"


def test_stores_satisfy_the_protocols() -> None:
    assert isinstance(MemoryTokenStore(), TokenStore)
    assert isinstance(FileTokenStore("x.json"), TokenStore)

    class AsyncStore:
        async def load(self) -> Token | None:
            return None

        async def save(self, token: Token) -> None:
            return None

    assert isinstance(AsyncStore(), AsyncTokenStore)
    assert not isinstance(object(), TokenStore)


# --- FileTokenStore ---------------------------------------------------------------------------


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_file_store_missing_file_loads_none(tmp_path: Path) -> None:
    assert FileTokenStore(tmp_path / "none.json").load() is None


def test_file_store_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    store = FileTokenStore(path)
    t = token()
    store.save(t)
    assert store.load() == t
    assert FileTokenStore(str(path)).load() == t
    assert json.loads(path.read_text(encoding="utf-8"))["access_token"] == ACCESS


def test_file_store_is_owner_only_even_with_a_permissive_umask(
    tmp_path: Path, permissive_umask: None
) -> None:
    path = tmp_path / "token.json"
    FileTokenStore(path).save(token())
    assert mode(path) == 0o600


def test_file_store_tightens_an_existing_world_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o644)
    FileTokenStore(path).save(token())
    assert mode(path) == 0o600
    assert FileTokenStore(path).load() == token()


def test_file_store_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "token.json"
    FileTokenStore(path).save(token())
    assert FileTokenStore(path).load() == token()


def test_file_store_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    store = FileTokenStore(path)
    store.save(token())
    # A reader holding the old file keeps seeing the complete old content.
    with path.open(encoding="utf-8") as old_handle:
        old_inode = path.stat().st_ino
        store.save(token(access_token="acc-rotated-123"))
        assert json.load(old_handle)["access_token"] == ACCESS
    assert path.stat().st_ino != old_inode
    assert store.load() == token(access_token="acc-rotated-123")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json"]


def test_failed_save_keeps_the_old_token_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "token.json"
    store = FileTokenStore(path)
    store.save(token())

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.save(token(access_token="acc-lost-999"))
    monkeypatch.undo()
    assert store.load() == token()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json"]


def test_failed_serialisation_keeps_the_old_token(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    store = FileTokenStore(path)
    store.save(token())
    with pytest.raises(TypeError):
        store.save(token(scope=object()))
    assert store.load() == token()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["token.json"]


@pytest.mark.parametrize("content", ["[]", '"text"', "42"])
def test_file_store_rejects_non_objects(tmp_path: Path, content: str) -> None:
    path = tmp_path / "token.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="does not hold a token"):
        FileTokenStore(path).load()


def test_file_store_rejects_corrupt_json(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text('{"access_token": "tru', encoding="utf-8")
    with pytest.raises(ValueError):
        FileTokenStore(path).load()


def test_file_store_repr_shows_the_path_only(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    store = FileTokenStore(path)
    store.save(token())
    assert repr(store) == f"FileTokenStore({str(path)!r})"
    assert ACCESS not in repr(store)
