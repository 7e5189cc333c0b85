"""The compiled field checks of ``core.parsing.parse``: valid answers parse, wrong types don't."""

from __future__ import annotations

from typing import Any

import pytest

from cloudspec.core.errors import MalformedResponseError
from cloudspec.core.parsing import _fits, parse
from cloudspec.smartfile_api.models import PathInfo
from cloudspec.smartfile_api.types import Unset

VALID = {
    "name": "a.txt",
    "path": "/a.txt",
    "size": 12,
    "isdir": False,
    "isfile": True,
    "mime": "text/plain",
    "time": "2026-01-01T00:00:00",
    "url": "http://x/",
}


def test_a_valid_answer_parses_including_fields_typed_any() -> None:
    info = parse(PathInfo, VALID)
    assert (info.name, info.size) == ("a.txt", 12)


def test_a_wrong_field_type_is_refused() -> None:
    with pytest.raises(MalformedResponseError, match="name"):
        parse(PathInfo, {**VALID, "name": 5})


@pytest.mark.parametrize(
    ("value", "hint", "fits"),
    [
        (1, int | Unset, True),
        ("x", int | Unset, False),
        (1, float | None, True),
        ([1, 2], list[int] | Unset, True),
        (["a"], list[int] | Unset, False),
        ({"a": 1}, Any | None, True),
        (None, str | None, True),
    ],
)
def test_union_checks(value: Any, hint: Any, fits: bool) -> None:
    assert _fits(value, hint) is fits
