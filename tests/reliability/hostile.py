"""Hostile and malformed bodies for the property tests (hypothesis strategies, and a tally).

What a broken or hostile server may answer: wrong types, missing keys, huge numbers, huge
strings, deep nesting, lists where objects belong, HTML error pages, truncated JSON, invalid
UTF-8, empty bodies, wrong content types.
"""

from __future__ import annotations

import inspect
import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.reliability.figures import FULL

__all__ = [
    "HOSTILE_SETTINGS",
    "MODEL_SETTINGS",
    "Body",
    "encoded",
    "Tally",
    "bodies",
    "deep",
    "hostile_json",
    "json_keys",
    "object_for",
]

MODEL_SETTINGS = settings(
    # About 15 ms an example: 60 x 205 models keeps `make chaos` within minutes.
    max_examples=60 if FULL else 20,
    deadline=None,
    derandomize=not FULL,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
"""Per generated model (about 200 of them): fewer examples each in CI."""

HOSTILE_SETTINGS = settings(
    max_examples=250 if FULL else 50,
    deadline=None,
    derandomize=not FULL,  # CI: a fixed, seeded sample
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

HUGE_INT = 10**400
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    "<body><h1>Bad Gateway</h1><p>The proxy received an invalid response.</p></body></html>"
)


def deep(levels: int, leaf: Any = 1, kind: str = "list") -> Any:
    value = leaf
    for _ in range(levels):
        value = [value] if kind == "list" else {"a": value}
    return value


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([HUGE_INT, -HUGE_INT, 2**63, -(2**63) - 1, 0, -1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "x" * 100_000,
            "not-a-date",
            "2020-13-45T99:99:99Z",
            "9999999999-01-01",
            "\x00",
            "../../etc/passwd",
            "1e999",
            "true",
            HTML_PAGE,
        ]
    ),
)

# Keys the services' answers use (envelopes, and every generated model's own keys): hostile
# objects built from them reach past the envelope checks into the parsers.
ENVELOPE_KEYS = [
    "result",
    "data",
    "error",
    "items",
    "entries",
    "children",
    "results",
    "responses",
    "pages",
    "next_marker",
    "total_count",
    "settings",
    "capabilities",
    "status",
    "body",
    "headers",
    "type",
    "id",
    "name",
    "size",
    "path",
    "hash",
    "token",
    "access_token",
    "refresh_token",
    "expires_in",
    "parts",
    "part",
    "session_endpoints",
    "upload_url",
    "attachments",
    "base_url",
    "location",
    "filename",
    "channel",
    "meta",
    "share_key",
    "version",
    "is_dir",
    "isdir",
    "mime",
    "sha1",
    "etag",
    "parent",
    "path_collection",
]


def _all_model_keys() -> list[str]:
    import importlib

    keys: set[str] = set()
    for svc in ("box", "buttfs", "kinto", "metadisk", "smartfile"):
        module = importlib.import_module(f"cloudspec.{svc}_api.models")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if isinstance(obj, type) and hasattr(obj, "from_dict"):
                keys.update(json_keys(obj))
    return sorted(keys)


def _json(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        _scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(keys, children, max_size=5),
        ),
        max_leaves=14,
    )


hostile_json: st.SearchStrategy[Any] = st.deferred(
    lambda: _json(st.one_of(st.text(max_size=8), st.sampled_from(ENVELOPE_KEYS + MODEL_KEYS)))
)


def json_keys(model: type) -> list[str]:
    """The JSON keys ``model.from_dict`` reads (so generated objects reach its parsing)."""
    try:
        source = inspect.getsource(model.from_dict)  # type: ignore[attr-defined]
    except (OSError, TypeError, AttributeError):
        return []
    return sorted(set(re.findall(r"""d\.pop\(\s*["']([^"']+)["']""", source)))


MODEL_KEYS: list[str] = []  # filled below, once json_keys exists


def object_for(model: type) -> st.SearchStrategy[Any]:
    """Objects with (some of) the model's own keys, holding hostile values; or any JSON."""
    keys = json_keys(model)
    if not keys:
        return hostile_json
    shaped = st.fixed_dictionaries(
        {},
        optional={key: hostile_json for key in keys},
    )
    return st.one_of(
        shaped,
        shaped.map(lambda d: {**d, "extra": deep(50)}),
        hostile_json,
        st.sampled_from([deep(10_000, kind="list"), deep(10_000, kind="dict")]),
    )


class Body(bytes):
    """Bytes whose repr stays short: hypothesis prints failing examples."""

    def __repr__(self) -> str:
        text = bytes(self[:60]).decode("utf-8", "replace")
        return f"Body({text!r}{'...' if len(self) > 60 else ''}, {len(self)} bytes)"


def encoded(value: Any) -> bytes:
    try:
        return json.dumps(value).encode()
    except (ValueError, RecursionError, TypeError):
        return b"null"


MODEL_KEYS.extend(_all_model_keys())

# (content, content-type)
_bodies: st.SearchStrategy[tuple[bytes, str]] = st.one_of(
    hostile_json.map(lambda v: (encoded(v), "application/json")),
    st.just((HTML_PAGE.encode(), "text/html; charset=utf-8")),
    st.just((HTML_PAGE.encode(), "application/json")),
    st.just((b"", "application/json")),
    st.just((b"", "")),
    st.just((b"   \n", "application/json")),
    st.just((b'{"truncated": [1, 2', "application/json")),
    st.just((b"\xff\xfe\x00garbage", "application/json")),
    st.just((b"[" * 100_000 + b"]" * 100_000, "application/json")),
    st.just((b"9" * 5000, "application/json")),
    st.just((b"[]", "application/json")),
    st.just((b"{}", "application/json")),
    st.just((b"null", "application/json")),
    st.just((b'{"a": 1}', "text/plain")),
    st.binary(max_size=64).map(lambda b: (b, "application/octet-stream")),
)
bodies: st.SearchStrategy[tuple[bytes, str]] = _bodies.map(lambda b: (Body(b[0]), b[1]))


class Tally:
    """Counts outcomes per subject: examples, parsed, typed errors, unexpected."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.unexpected: list[str] = []

    def add(self, subject: str, outcome: str, detail: str = "") -> None:
        self.counts.setdefault(subject, Counter())[outcome] += 1
        self.counts[subject]["examples"] += 1
        if outcome == "unexpected":
            self.unexpected.append(f"{subject}: {detail}")

    def rows(self) -> Iterator[list[Any]]:
        for subject in sorted(self.counts):
            c = self.counts[subject]
            yield [subject, c["examples"], c["parsed"], c["typed"], c["unexpected"]]

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())
