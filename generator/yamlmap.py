"""Load YAML as JSON-compatible data and remember the line of every JSON pointer."""

from __future__ import annotations

from typing import Any

import attrs
import yaml


class _JsonLoader(yaml.SafeLoader):
    """SafeLoader minus implicit timestamps: OpenAPI is JSON, where a date is just a string."""


_JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def escape(token: str) -> str:
    """One JSON-pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    return "".join(f"/{escape(str(p))}" for p in parts) or "/"


class YamlProblem(Exception):
    """A YAML syntax error or a duplicate key, with where it was found."""

    def __init__(
        self, pointer: str, reason: str, line: int | None, column: int | None = None
    ) -> None:
        super().__init__(reason)
        self.pointer = pointer
        self.reason = reason
        self.line = line
        self.column = column


@attrs.frozen
class LoadedYaml:
    data: Any
    lines: dict[str, int]
    """JSON pointer -> 1-based line of the key (or item) that starts it; the root is ``/``."""

    def line_of(self, ptr: str) -> int | None:
        """The line of ``ptr``, or of its nearest ancestor the document contains."""
        while True:
            if ptr in self.lines:
                return self.lines[ptr]
            if ptr in ("", "/"):
                return None
            ptr = ptr.rsplit("/", 1)[0] or "/"


def load(text: str) -> LoadedYaml:
    """Parse ``text`` once, keeping both the data and the node marks for line numbers."""
    loader = _JsonLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem("/", "the document is empty", 1)
        lines: dict[str, int] = {"/": node.start_mark.line + 1}
        _index(node, [], lines, set())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = ", ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlProblem(
            "/",
            f"YAML syntax error: {reason}",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("/", f"YAML error: {exc}", None) from None
    finally:
        loader.dispose()
    return LoadedYaml(data=data, lines=lines)


def _index(node: yaml.Node, path: list[str | int], lines: dict[str, int], active: set[int]) -> None:
    # `active` guards against recursive anchors, which would otherwise recurse forever.
    if id(node) in active:
        return
    active.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = [*path, key]
            if key in seen:
                raise YamlProblem(
                    pointer(child), f"duplicate key {key!r}", key_node.start_mark.line + 1
                )
            seen.add(key)
            lines.setdefault(pointer(child), key_node.start_mark.line + 1)
            _index(value_node, child, lines, active)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = [*path, index]
            lines.setdefault(pointer(child), item.start_mark.line + 1)
            _index(item, child, lines, active)
    active.discard(id(node))
