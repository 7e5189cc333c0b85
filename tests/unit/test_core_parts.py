"""Planning chunked-upload parts, and what an upload of parts returns."""

from __future__ import annotations

import base64
import hashlib

import attrs
import pytest

from cloudspec.core import PartSpec, PartsResult, plan_parts

MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("total", "part", "expected"),
    [
        (1, 8, [(0, 0, 1)]),
        (7, 8, [(0, 0, 7)]),
        (8, 8, [(0, 0, 8)]),
        (9, 8, [(0, 0, 8), (1, 8, 1)]),
        (24, 8, [(0, 0, 8), (1, 8, 8), (2, 16, 8)]),
    ],
)
def test_plan_parts(total: int, part: int, expected: list[tuple[int, int, int]]) -> None:
    assert [(p.index, p.offset, p.size) for p in plan_parts(total, part)] == expected


def test_a_multiple_of_the_part_size_never_ends_with_an_empty_part() -> None:
    parts = plan_parts(20 * 8 * MIB, 8 * MIB)
    assert len(parts) == 20
    assert all(p.size == 8 * MIB for p in parts)
    assert parts[-1].end == 20 * 8 * MIB - 1
    assert sum(p.size for p in plan_parts(20 * 8 * MIB + 1, 8 * MIB)) == 20 * 8 * MIB + 1


@pytest.mark.parametrize(("total", "part"), [(0, 8), (-1, 8), (10, 0), (10, -8)])
def test_plan_parts_refuses_empty_files_and_parts(total: int, part: int) -> None:
    with pytest.raises(ValueError):
        plan_parts(total, part)


def test_part_spec_is_a_frozen_value() -> None:
    part = PartSpec(index=1, offset=8, size=8)
    assert part.end == 15
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        part.size = 1  # type: ignore[misc]


def test_parts_result_gives_the_digest_in_hex_and_base64() -> None:
    digest = hashlib.sha1(b"hello").digest()
    result: PartsResult[str] = PartsResult(parts=(), sent=(), results=(), sha1=digest)
    assert result.sha1_hex == digest.hex()
    assert result.sha1_base64 == base64.b64encode(digest).decode()
