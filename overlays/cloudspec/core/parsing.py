"""What a server sent, made into typed values or a typed error: never a bare ``KeyError``.

A hostile or broken server can answer anything: HTML where JSON belongs, a list where an
object belongs, a missing key, a string where a number belongs, a body nested ten thousand
levels deep, a number with a million digits. The generated models' ``from_dict`` and
``json.loads`` then raise whatever Python raises (``KeyError``, ``TypeError``,
``ValueError``, ``AttributeError``, ``RecursionError``...). The helpers here turn each of
those into :class:`~cloudspec.core.errors.MalformedResponseError` (or the service's subclass
of it, passed as ``error``), carrying the status and a short, redacted excerpt. As the
generated models check no types, :func:`parse` also checks each field (and nested model)
against its annotation: ``{"hash": 5}`` where a string belongs is refused here, not met as
a ``TypeError`` deep in a download.

(Server-supplied file names: :mod:`cloudspec.core.files`.)
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import attrs
import httpx

from .errors import EXCERPT_CHARS, CloudspecError, MalformedResponseError, body_excerpt
from .redact import Redactor, default_redactor

__all__ = [
    "PARSE_ERRORS",
    "ErrorFactory",
    "check_types",
    "Parseable",
    "decode_json",
    "excerpt_of",
    "json_or_none",
    "malformed",
    "parse",
    "parse_list",
]

M = TypeVar("M", covariant=True)

# What ``from_dict`` and ``json.loads`` raise on input that does not fit. They are pure
# functions of the data, so any of these means "the body is wrong", never a client bug.
PARSE_ERRORS: tuple[type[BaseException], ...] = (
    KeyError,
    TypeError,
    ValueError,  # json.JSONDecodeError, UnicodeDecodeError, dateutil's ParserError...
    AttributeError,
    IndexError,
    ArithmeticError,  # OverflowError on a huge number
    RecursionError,  # a body nested deeper than the interpreter's stack
)


class Parseable(Protocol[M]):
    """A generated model: anything with ``from_dict``."""

    @classmethod
    def from_dict(cls, src_dict: Any) -> M: ...


class ErrorFactory(Protocol):
    def __call__(
        self,
        message: str,
        *,
        status: int,
        headers: httpx.Headers | None = ...,
        response: httpx.Response | None = ...,
        excerpt: str = ...,
        redactor: Redactor = ...,
    ) -> MalformedResponseError: ...


def excerpt_of(
    data: Any, response: httpx.Response | None = None, redactor: Redactor = default_redactor
) -> str:
    """A short, single-line, redacted excerpt: of the response's body when it was read, else
    of ``data``."""
    if response is not None:
        text = body_excerpt(response, redactor)
        if text:
            return text
    try:
        raw = repr(data)[: EXCERPT_CHARS * 4]
    except (RecursionError, ValueError):  # a very deep value, a huge int
        raw = f"<{type(data).__name__}>"
    text = " ".join(redactor.text(raw).split())
    return text[:EXCERPT_CHARS] + "..." if len(text) > EXCERPT_CHARS else text


def malformed(
    message: str,
    *,
    data: Any = None,
    response: httpx.Response | None = None,
    status: int | None = None,
    error: ErrorFactory = MalformedResponseError,
    redactor: Redactor = default_redactor,
) -> MalformedResponseError:
    """The typed error for a body that does not fit (raise it)."""
    if status is None:
        status = response.status_code if response is not None else 200
    return error(
        message,
        status=status,
        headers=response.headers if response is not None else None,
        response=response,
        excerpt=excerpt_of(data, response, redactor),
        redactor=redactor,
    )


def _cause(exc: BaseException) -> str:
    """The exception's type and a short, one-line text (values from the body are cut)."""
    try:
        text = str(exc)
    except ValueError:  # str() of an error holding a huge int
        text = ""
    text = " ".join(text.split())
    if len(text) > 80:
        text = text[:80] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def parse(
    model: type[Parseable[M]],
    data: Any,
    *,
    response: httpx.Response | None = None,
    error: ErrorFactory = MalformedResponseError,
    redactor: Redactor = default_redactor,
    what: str | None = None,
) -> M:
    """``model.from_dict(data)``, or ``error`` when ``data`` is not an object that fits."""
    name = what or getattr(model, "__name__", "object")
    if not isinstance(data, Mapping):
        raise malformed(
            f"expected a {name} object, got {type(data).__name__}",
            data=data,
            response=response,
            error=error,
            redactor=redactor,
        )
    try:
        value = model.from_dict(data)
        problem = check_types(value)
    except CloudspecError:
        raise
    except PARSE_ERRORS as exc:
        raise malformed(
            f"the {name} sent does not parse ({_cause(exc)})",
            data=data,
            response=response,
            error=error,
            redactor=redactor,
        ) from None
    if problem is not None:
        raise malformed(
            f"the {name} sent does not fit its schema ({problem})",
            data=data,
            response=response,
            error=error,
            redactor=redactor,
        )
    return value


# --- field types ------------------------------------------------------------------------
# The generated ``from_dict`` copies most values as they come (attrs checks no types), so
# ``{"hash": 5}`` would give a ``FilePointer`` whose ``hash_`` is an int, and the overlay
# that reads it fails later with a bare ``TypeError``. :func:`check_types` checks each
# field of a parsed model (and of the models nested in it) against its annotation.


@functools.cache
def _hints(cls: type) -> dict[str, Any] | None:
    """The resolved field annotations of a generated model, or of a subclass an overlay made
    of one (``None``: not resolvable, left unchecked)."""
    if not attrs.has(cls):
        return None
    fields = {f.name for f in attrs.fields(cls)} - {"additional_properties"}
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        if not inspect.get_annotations(base):
            continue
        module = sys.modules.get(base.__module__)
        if module is None:
            return None
        namespace = dict(vars(module))
        package = base.__module__.rsplit(".", 1)[0]
        try:
            namespace.update(vars(importlib.import_module(package)))  # TYPE_CHECKING imports
            own = typing.get_type_hints(base, globalns=namespace)
        except Exception:  # an annotation we cannot resolve: left unchecked
            return None
        hints.update({k: v for k, v in own.items() if k in fields})
    return hints


def _fits(value: Any, hint: Any) -> bool:
    return _checker(hint)(value)


def _always(value: Any) -> bool:
    return True


@functools.cache
def _checker(hint: Any) -> Callable[[Any], bool]:
    """A predicate for ``hint``, built once: every response runs it for every field, and
    introspecting the annotation each time made parsing ten times slower than ``from_dict``."""
    if hint is Any:
        return _always
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(hint)
        if all(
            isinstance(arg, type)
            and typing.get_origin(arg) is None
            and arg not in (float, Any)  # Any is a class too, but not for isinstance
            for arg in args
        ):
            plain = tuple(args)  # Union[str, Unset]: one isinstance call
            return lambda value: isinstance(value, plain)
        options = tuple(_checker(arg) for arg in args)
        return lambda value: any(check(value) for check in options)
    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda value: value in allowed
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        each = _checker(item)
        return lambda value: isinstance(value, list) and all(each(v) for v in value)
    if origin is dict:
        return lambda value: isinstance(value, dict)
    if hint is type(None):
        return lambda value: value is None
    if hint is float:
        return lambda value: isinstance(value, int | float)
    if isinstance(hint, type):
        return lambda value: isinstance(value, hint)
    return _always  # a construct not used by the generated models: unchecked


def check_types(value: Any, path: str = "") -> str | None:
    """The first field of the attrs model ``value`` (or a model nested in it) whose value
    does not fit its annotation, as ``"field: expected ..., got ..."``; ``None`` if all do."""
    if not attrs.has(type(value)):
        return None
    cls: type = type(value)
    hints = _hints(cls)
    if not hints:
        return None
    for name, hint in hints.items():
        field = getattr(value, name, None)
        where = f"{path}.{name}" if path else name
        if not _fits(field, hint):
            return f"{where}: expected {_hint_name(hint)}, got {type(field).__name__}"
        nested = field if isinstance(field, list) else (field,)
        for item in nested:
            # Only models hold fields to check (attrs.has costs more than this test).
            if hasattr(type(item), "__attrs_attrs__"):
                problem = check_types(item, where)
                if problem is not None:
                    return problem
    return None


def _hint_name(hint: Any) -> str:
    text = hint.__name__ if isinstance(hint, type) else str(hint)
    return re.sub(r"\b[\w]+\.", "", text)[:60]  # cloudspec.box_api.types.Unset -> Unset


def parse_list(
    model: type[Parseable[M]],
    data: Any,
    *,
    response: httpx.Response | None = None,
    error: ErrorFactory = MalformedResponseError,
    redactor: Redactor = default_redactor,
) -> list[M]:
    """Each item of the JSON array ``data`` through :func:`parse`."""
    if not isinstance(data, list):
        name = getattr(model, "__name__", "object")
        raise malformed(
            f"expected a list of {name}, got {type(data).__name__}",
            data=data,
            response=response,
            error=error,
            redactor=redactor,
        )
    return [parse(model, item, response=response, error=error, redactor=redactor) for item in data]


def decode_json(
    response: httpx.Response,
    *,
    empty: Any = None,
    error: ErrorFactory = MalformedResponseError,
    redactor: Redactor = default_redactor,
) -> Any:
    """The (read) response's body as JSON; ``empty`` for a blank body; ``error`` for a body
    that is not JSON (an HTML error page, truncated JSON, invalid UTF-8, too deep)."""
    content = response.content
    if not content.strip():
        return empty
    try:
        return json.loads(content)
    except PARSE_ERRORS as exc:
        raise malformed(
            f"the answer is not valid JSON ({type(exc).__name__})",
            response=response,
            error=error,
            redactor=redactor,
        ) from None


def json_or_none(response: httpx.Response) -> Any:
    """The (read) response's body as JSON, or ``None`` when it is not JSON (lenient: for
    error bodies, where the status says what happened anyway)."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    if not content.strip():
        return None
    try:
        return json.loads(content)
    except PARSE_ERRORS:
        return None
