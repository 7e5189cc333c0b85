# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The chunked upload engine: order, hashes, bounded parallelism and memory, resume, errors."""

from __future__ import annotations

import hashlib
import io
import threading
import time
from pathlib import Path

import pytest

from cloudspec.core._sync.chunked import PartSpec, upload_parts
from cloudspec.core.errors import IntegrityError

PART = 10


def content(size: int) -> bytes:
    return bytes((i * 7 + 3) % 256 for i in range(size))


class Recorder:
    """A ``send_part`` that keeps what it got, counts concurrent sends, and may fail."""

    def __init__(self, delay: float = 0.0, fail_at: int | None = None) -> None:
        self.delay = delay
        self.fail_at = fail_at
        self.got: dict[int, tuple[PartSpec, bytes, bytes]] = {}
        self.in_flight = 0
        self.max_in_flight = 0
        self.on_done: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, part: PartSpec, data: bytes, sha1: bytes) -> str:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            if part.index == self.fail_at:
                raise Boom(f"part {part.index} refused")
            with self._lock:
                self.got[part.offset] = (part, data, sha1)
            return f"stored {part.offset}"
        finally:
            with self._lock:
                self.in_flight -= 1
                self.on_done.append(part.index)


class Boom(Exception):
    pass


class CountingFile(io.BytesIO):
    """Counts the part buffers alive: one per part read, until its send has returned."""

    def __init__(self, data: bytes, recorder: Recorder) -> None:
        super().__init__(data)
        self.recorder = recorder
        self.reads = 0
        self.live = 0
        self.max_live = 0
        self._lock = threading.Lock()

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        if size is not None and size > 1 and data:
            with self._lock:
                self.reads += 1
                # Sends that returned since the last read freed their buffers.
                self.live = self.reads - len(self.recorder.on_done)
                self.max_live = max(self.max_live, self.live)
        return data


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (1, [(0, 1)]),
        (PART - 1, [(0, PART - 1)]),
        (PART, [(0, PART)]),
        (PART + 1, [(0, PART), (PART, 1)]),
        (3 * PART, [(0, PART), (PART, PART), (2 * PART, PART)]),
    ],
)
def test_parts_cover_the_file_exactly(
    tmp_path: Path, size: int, expected: list[tuple[int, int]]
) -> None:
    data = content(size)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    send = Recorder()
    result = upload_parts(path, total_size=size, part_size=PART, send_part=send)
    assert sorted((p.offset, p.size) for p, _, _ in send.got.values()) == expected
    assert [(p.offset, p.size) for p in result.parts] == expected
    for part, body, sha1 in send.got.values():
        assert body == data[part.offset : part.offset + part.size]
        assert sha1 == hashlib.sha1(body).digest()
    assert result.sha1 == hashlib.sha1(data).digest()
    assert result.sha1_hex == hashlib.sha1(data).hexdigest()
    assert result.results == tuple(f"stored {offset}" for offset, _ in expected)
    assert result.sent == result.parts


def test_parallelism_and_memory_are_bounded() -> None:
    send = Recorder(delay=0.02)
    source = CountingFile(content(16 * PART), send)
    result = upload_parts(
        source, total_size=16 * PART, part_size=PART, send_part=send, parallelism=4
    )
    assert len(result.sent) == 16
    assert send.max_in_flight == 4
    assert source.reads == 16  # every part read once
    assert 1 <= source.max_live <= 4


def test_parallelism_of_one_sends_in_order() -> None:
    send = Recorder()
    upload_parts(
        io.BytesIO(content(5 * PART)),
        total_size=5 * PART,
        part_size=PART,
        send_part=send,
        parallelism=1,
    )
    assert send.on_done == [0, 1, 2, 3, 4]
    assert send.max_in_flight == 1


def test_a_file_object_is_read_from_its_position_which_is_restored() -> None:
    data = b"HEADER" + content(25)
    source = io.BytesIO(data)
    source.seek(6)
    send = Recorder()
    result = upload_parts(source, total_size=25, part_size=PART, send_part=send)
    assert b"".join(send.got[p.offset][1] for p in result.parts) == data[6:]
    assert result.sha1 == hashlib.sha1(data[6:]).digest()
    assert source.tell() == 6


def test_resume_verifies_done_parts_and_sends_only_the_rest(tmp_path: Path) -> None:
    data = content(5 * PART + 3)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    done = {
        offset: hashlib.sha1(data[offset : offset + PART]).hexdigest().upper()
        for offset in (0, 2 * PART, 4 * PART)
    }
    send = Recorder()
    seen: list[tuple[int, int]] = []
    result = upload_parts(
        path,
        total_size=len(data),
        part_size=PART,
        send_part=send,
        done=done,
        progress=lambda n, total: seen.append((n, total)),
    )
    assert sorted(send.got) == [PART, 3 * PART, 5 * PART]
    assert [p.offset for p in result.sent] == [PART, 3 * PART, 5 * PART]
    assert len(result.parts) == 6
    assert result.sha1 == hashlib.sha1(data).digest()
    assert seen[-1] == (len(data), len(data))


def test_resume_with_every_part_done_sends_nothing(tmp_path: Path) -> None:
    data = content(2 * PART)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    done = [
        (0, hashlib.sha1(data[:PART]).hexdigest()),
        (PART, hashlib.sha1(data[PART:]).hexdigest()),
    ]
    send = Recorder()
    result = upload_parts(path, total_size=2 * PART, part_size=PART, send_part=send, done=done)
    assert send.got == {} and result.results == () and result.sent == ()
    assert result.sha1 == hashlib.sha1(data).digest()


def test_a_done_part_that_changed_is_an_integrity_error(tmp_path: Path) -> None:
    data = content(4 * PART)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    done = {PART: hashlib.sha1(data[PART : 2 * PART]).hexdigest()}
    path.write_bytes(data[:PART] + b"X" * PART + data[2 * PART :])  # same size, new bytes
    send = Recorder()
    with pytest.raises(IntegrityError, match="offset 10"):
        upload_parts(
            path, total_size=4 * PART, part_size=PART, send_part=send, done=done, parallelism=1
        )
    assert sorted(send.got) == [0]  # reading stopped at the tampered part


def test_done_offsets_must_start_parts(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(content(3 * PART))
    with pytest.raises(ValueError, match="offsets"):
        upload_parts(
            path, total_size=3 * PART, part_size=PART, send_part=Recorder(), done={5: "00"}
        )


def test_the_first_error_propagates_and_stops_reading() -> None:
    send = Recorder(delay=0.01, fail_at=3)
    source = CountingFile(content(40 * PART), send)
    with pytest.raises(Boom, match="part 3 refused"):
        upload_parts(source, total_size=40 * PART, part_size=PART, send_part=send, parallelism=2)
    # Parts 0..3 plus at most one more per worker read while part 3 was failing.
    assert source.reads <= 6
    assert 3 * PART not in send.got


def test_progress_is_monotonic_and_ends_at_the_total() -> None:
    seen: list[tuple[int, int]] = []
    upload_parts(
        io.BytesIO(content(7 * PART + 5)),
        total_size=7 * PART + 5,
        part_size=PART,
        send_part=Recorder(delay=0.001),
        progress=lambda n, total: seen.append((n, total)),
    )
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)
    assert len(seen) == 8
    assert {total for _, total in seen} == {7 * PART + 5}
    assert seen[-1][0] == 7 * PART + 5


def test_a_size_that_does_not_match_is_an_integrity_error(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(content(25))
    with pytest.raises(IntegrityError, match="25 bytes"):
        upload_parts(path, total_size=30, part_size=PART, send_part=Recorder())


def test_a_file_that_shrinks_while_read_is_an_integrity_error(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(content(5 * PART))

    def truncate_then_send(part: PartSpec, data: bytes, sha1: bytes) -> None:
        with path.open("r+b") as handle:
            handle.truncate(2 * PART)

    with pytest.raises(IntegrityError, match="shrank"):
        upload_parts(
            path, total_size=5 * PART, part_size=PART, send_part=truncate_then_send, parallelism=1
        )


def test_a_file_that_grows_while_read_is_an_integrity_error(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(content(3 * PART))

    def append_then_send(part: PartSpec, data: bytes, sha1: bytes) -> None:
        with path.open("ab") as handle:
            handle.write(b"more")

    with pytest.raises(IntegrityError, match="grew"):
        upload_parts(
            path, total_size=3 * PART, part_size=PART, send_part=append_then_send, parallelism=1
        )


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.bin"
    path.write_bytes(b"")
    with pytest.raises(ValueError, match="at least one byte"):
        upload_parts(path, total_size=0, part_size=PART, send_part=Recorder())


def test_parallelism_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parallelism"):
        upload_parts(
            io.BytesIO(b"x"), total_size=1, part_size=PART, send_part=Recorder(), parallelism=0
        )


def test_an_unseekable_source_is_refused() -> None:
    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

        def tell(self) -> int:
            raise io.UnsupportedOperation("a pipe has no position")

    with pytest.raises(io.UnsupportedOperation):
        upload_parts(Pipe(b"x"), total_size=1, part_size=PART, send_part=Recorder())
