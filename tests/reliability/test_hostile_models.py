"""Every generated model, fed hostile JSON: a parsed value or a typed error, nothing else.

Models are discovered: every class with ``from_dict`` in ``cloudspec.<svc>_api.models`` for
the five services. ``from_dict`` itself may raise the Python errors in ``PARSE_ERRORS`` (it is
generated code, never edited by hand); :func:`cloudspec.core.parsing.parse`, which every
overlay call site goes through, turns them into ``MalformedResponseError``.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudspec.core.errors import CloudspecError, MalformedResponseError
from cloudspec.core.parsing import PARSE_ERRORS, decode_json, json_or_none, parse, parse_list
from tests.reliability.figures import record
from tests.reliability.hostile import (
    HOSTILE_SETTINGS,
    MODEL_SETTINGS,
    Tally,
    bodies,
    deep,
    hostile_json,
    object_for,
)

SERVICES = ("box", "buttfs", "kinto", "metadisk", "smartfile")


def _models() -> list[tuple[str, type]]:
    found = []
    for svc in SERVICES:
        module = importlib.import_module(f"cloudspec.{svc}_api.models")
        for name in sorted(getattr(module, "__all__", dir(module))):
            obj = getattr(module, name)
            if isinstance(obj, type) and hasattr(obj, "from_dict"):
                found.append((f"{svc}.{name}", obj))
    return found


MODELS = _models()
TALLY = Tally()


@pytest.fixture(scope="module", autouse=True)
def _figures() -> Iterator[None]:
    yield
    record(
        "hostile_models",
        {
            "title": "Hostile bodies: every generated model",
            "summary": [
                ["models", len(MODELS)],
                ["examples", TALLY.total("examples")],
                ["parsed", TALLY.total("parsed")],
                ["typed errors", TALLY.total("typed")],
                ["unexpected", TALLY.total("unexpected")],
            ],
            "columns": ["service", "examples", "parsed", "typed errors", "unexpected"],
            "rows": _per_service(),
            "notes": TALLY.unexpected[:20],
        },
    )


def _per_service() -> list[list[Any]]:
    merged: dict[str, list[int]] = {}
    for subject, examples, parsed, typed, unexpected in TALLY.rows():
        row = merged.setdefault(subject.split(".")[0], [0, 0, 0, 0])
        for i, n in enumerate((examples, parsed, typed, unexpected)):
            row[i] += n
    return [[svc, *counts] for svc, counts in sorted(merged.items())]


def test_models_are_discovered() -> None:
    services = {name.split(".")[0] for name, _ in MODELS}
    assert services == set(SERVICES)
    assert len(MODELS) > 50


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[n for n, _ in MODELS])
@MODEL_SETTINGS
@given(data=st.data())
def test_model_parses_or_raises_typed(name: str, model: type, data: st.DataObject) -> None:
    value = data.draw(object_for(model))
    try:
        parsed: object = parse(model, value)
    except MalformedResponseError as exc:
        TALLY.add(name, "typed")
        assert exc.status == 200
        assert len(exc.excerpt) <= 210
        assert str(exc) and repr(exc)  # both must work on any input
        return
    except Exception as exc:
        TALLY.add(name, "unexpected", f"{type(exc).__name__}: {exc!s:.200}")
        raise
    TALLY.add(name, "parsed")
    assert isinstance(parsed, model)


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[n for n, _ in MODELS])
def test_from_dict_raises_only_parse_errors(name: str, model: type) -> None:
    """The raw generated ``from_dict`` on the worst shapes: only the errors ``parse`` maps."""
    for value in ({}, {"id": deep(5000)}, {k: 10**400 for k in "abc"}, {"": None}):
        with contextlib.suppress(*PARSE_ERRORS):
            model.from_dict(value)  # type: ignore[attr-defined]


@HOSTILE_SETTINGS
@given(body=bodies)
def test_decode_json(body: tuple[bytes, str]) -> None:
    content, content_type = body
    response = httpx.Response(200, content=content, headers={"content-type": content_type})
    try:
        decode_json(response)
    except MalformedResponseError as exc:
        assert exc.status == 200
        TALLY.add("core.decode_json", "typed")
    else:
        TALLY.add("core.decode_json", "parsed")
    json_or_none(response)  # lenient twin: never raises


@HOSTILE_SETTINGS
@given(value=hostile_json)
def test_parse_list(value: Any) -> None:
    model = MODELS[0][1]
    try:
        parse_list(model, value)
    except MalformedResponseError:
        TALLY.add("core.parse_list", "typed")
    else:
        TALLY.add("core.parse_list", "parsed")


ERROR_PARSERS = {
    svc: importlib.import_module(f"cloudspec.{svc}.{'exceptions' if svc == 'kinto' else 'errors'}")
    for svc in SERVICES
}


@pytest.mark.parametrize("svc", SERVICES)
@HOSTILE_SETTINGS
@given(
    status=st.sampled_from([400, 401, 403, 404, 409, 412, 413, 416, 429, 500, 502, 503, 504]),
    body=bodies,
    retry_after=st.sampled_from(["", "5", "-1", "1e999", "Wed, 21 Oct 2015 07:28:00 GMT", "x"]),
)
def test_error_body_parsers(
    svc: str, status: int, body: tuple[bytes, str], retry_after: str
) -> None:
    """Each service's ``error_from_response`` on hostile error bodies: always its typed error."""
    content, content_type = body
    headers = {"content-type": content_type} if content_type else {}
    if retry_after:
        headers["retry-after"] = retry_after
    request = httpx.Request("GET", "https://service.test/x")
    response = httpx.Response(status, content=content, headers=headers, request=request)
    error = ERROR_PARSERS[svc].error_from_response(response)
    assert isinstance(error, CloudspecError)
    assert len(str(error)) < 2000 and repr(error)
    TALLY.add(f"{svc}.error_from_response", "typed")
