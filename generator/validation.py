"""Validate an OpenAPI document and report the first problem as one line.

The structural pass uses pure-Python jsonschema on purpose: openapi-spec-validator prefers
jsonschema-rs when installed, whose errors carry less context, and the message must not
depend on which optional wheels a machine happens to have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import attrs
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import validator_for
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.schemas import schema_v30, schema_v31

from . import yamlmap

_MAX_REASON = 240

# Semantic errors carry no path; these messages name the operation, so point at it.
_OPERATION_IN_URL = re.compile(r"for '(?P<method>\w+)'(?: operation)? in '(?P<url>[^']+)'")


@attrs.frozen
class SpecProblem:
    file: str
    pointer: str
    reason: str
    line: int | None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.line:
            where = f" (line {self.line}" + (f", column {self.column})" if self.column else ")")
        return f"{self.file}: {self.pointer}: {self.reason}{where}"


def validate_file(path: Path, shown_as: str) -> SpecProblem | None:
    """The first problem of the spec at ``path`` (``shown_as`` names it in messages)."""
    try:
        loaded = yamlmap.load(path.read_text(encoding="utf-8"))
    except yamlmap.YamlProblem as exc:
        return SpecProblem(shown_as, exc.pointer, exc.reason, exc.line, exc.column)
    except (OSError, UnicodeDecodeError) as exc:
        return SpecProblem(shown_as, "/", f"cannot read: {exc}", None)
    found = first_problem(loaded.data)
    if found is None:
        return None
    ptr, reason = found
    return SpecProblem(shown_as, ptr, reason, loaded.line_of(ptr))


def first_problem(spec: Any) -> tuple[str, str] | None:
    """``(json_pointer, reason)`` of the most relevant problem, or None for a valid spec."""
    if not isinstance(spec, Mapping):
        return "/", "an OpenAPI document must be a mapping"
    version = str(spec.get("openapi", ""))
    validator_cls: type[OpenAPIV30SpecValidator | OpenAPIV31SpecValidator]
    if version.startswith("3.1."):
        schema, validator_cls = schema_v31, OpenAPIV31SpecValidator
    elif version.startswith("3.0."):
        schema, validator_cls = schema_v30, OpenAPIV30SpecValidator
    else:
        return (
            "/openapi",
            f"unsupported or missing OpenAPI version {version!r} (want 3.1.x or 3.0.x)",
        )

    structural = best_match(validator_for(schema)(schema).iter_errors(spec))
    if structural is not None:
        return yamlmap.pointer(tuple(structural.absolute_path)), _reason(structural)

    # Checked before the semantic pass, which raises (without a location) on a dangling $ref.
    dangling = next(_dangling_refs(spec, spec, []), None)
    if dangling is not None:
        return dangling

    # Semantic checks: path parameters, duplicate operationIds, schemas, defaults.
    try:
        semantic = next(iter(validator_cls(spec).iter_errors()), None)
    except Exception as exc:  # the checker itself may trip on odd input; that is still a finding
        return "/", _one_line(f"{type(exc).__name__}: {exc}")
    if semantic is None:
        return None
    return _semantic_pointer(spec, semantic), _reason(semantic)


def _dangling_refs(spec: Any, node: Any, path: list[str | int]) -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#") and not _resolves(spec, ref):
            yield yamlmap.pointer([*path, "$ref"]), f"$ref {ref!r} does not resolve"
        for key, value in node.items():
            yield from _dangling_refs(spec, value, [*path, str(key)])
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _dangling_refs(spec, item, [*path, index])


def _resolves(spec: Any, ref: str) -> bool:
    node = spec
    fragment = unquote(ref[1:])
    tokens = fragment.split("/")[1:] if fragment else []
    for raw in tokens:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def _semantic_pointer(spec: Any, error: ValidationError) -> str:
    """Where a semantic error is: its path, the operation it names, or where its value sits.

    Schema meta-checks report paths relative to the schema being checked, so such a path is
    matched against the document as a suffix holding the offending value.
    """
    match = _OPERATION_IN_URL.search(error.message)
    if match:
        return yamlmap.pointer(("paths", match["url"], match["method"]))
    relative = tuple(error.absolute_path)
    if relative:
        found = _find_suffix(spec, [], relative, error.instance)
        if found is not None:
            return yamlmap.pointer(found)
    return "/"


def _find_suffix(
    node: Any, path: list[str | int], suffix: tuple[Any, ...], value: Any
) -> list[str | int] | None:
    """The first path (document order) ending with ``suffix`` whose value equals ``value``."""
    if len(path) >= len(suffix) and tuple(path[-len(suffix) :]) == suffix and node == value:
        return path
    children: list[tuple[str | int, Any]] = []
    if isinstance(node, Mapping):
        children = [(str(k), v) for k, v in node.items()]
    elif isinstance(node, list):
        children = list(enumerate(node))
    for key, child in children:
        found = _find_suffix(child, [*path, key], suffix, value)
        if found is not None:
            return found
    return None


def _reason(error: ValidationError) -> str:
    return _one_line(error.message)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 3] + "..."
