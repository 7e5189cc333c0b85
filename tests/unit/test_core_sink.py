"""DownloadSink: hashing and early writeback off the download loop, nothing lost or leaked."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from cloudspec.core.errors import IntegrityError
from cloudspec.core.sink import DownloadSink


def _threads() -> int:
    return sum(t.name == "cloudspec-download-sink" for t in threading.enumerate())


def test_digests_match_and_the_thread_ends(tmp_path: Path) -> None:
    data = [bytes([i]) * 1000 for i in range(200)]
    whole = b"".join(data)
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(
            out,
            sha1=hashlib.sha1(whole, usedforsecurity=False).hexdigest(),
            sha256=hashlib.sha256(whole).hexdigest(),
            queue_batches=2,
            batch_bytes=4000,
        )
        for chunk in data:
            sink.write(chunk)
        sink.finish()
        sink.verify()
    assert (tmp_path / "f").read_bytes() == whole
    assert _threads() == 0


def test_a_mismatch_is_an_integrity_error(tmp_path: Path) -> None:
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(out, sha1="0" * 40)
        sink.write(b"abc")
        sink.finish()
        with pytest.raises(IntegrityError):
            sink.verify()


def test_restart_forgets_what_came_before(tmp_path: Path) -> None:
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(out, sha1=hashlib.sha1(b"good", usedforsecurity=False).hexdigest())
        for _ in range(50):
            sink.write(b"stale bytes ")
        sink.restart()
        sink.write(b"good")
        sink.finish()
        sink.verify()
    assert (tmp_path / "f").read_bytes() == b"good"


def test_a_failing_helper_thread_is_reported_not_hung(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def update(self, data: bytes) -> None:
            raise MemoryError("hash on fire")

    monkeypatch.setattr("cloudspec.core.sink.hashlib.new", lambda *a, **k: Broken())
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(out, sha1="0" * 40, queue_batches=2, batch_bytes=1)
        for _ in range(20):  # more than the queue holds: the writer must not block forever
            sink.write(b"x" * 100)
        with pytest.raises(MemoryError, match="hash on fire"):
            sink.finish()
        sink.close()


def test_close_stops_the_thread_on_error_paths(tmp_path: Path) -> None:
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(out, sha1="0" * 40)
        sink.write(b"partial")
        sink.close()
    assert _threads() == 0


@pytest.mark.parametrize("durable", [False, True])
def test_fsync_only_when_durable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, durable: bool
) -> None:
    synced: list[int] = []
    monkeypatch.setattr("cloudspec.core.sink.os.fsync", synced.append)
    with (tmp_path / "f").open("wb") as out:
        sink = DownloadSink(out, durable=durable)
        sink.write(b"data")
        sink.finish()
    assert len(synced) == int(durable)
