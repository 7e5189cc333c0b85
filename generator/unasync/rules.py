"""The ordered, word-bounded, line-by-line rewrites from async to sync code.

Order matters: specific names (``StopAsyncIteration``, ``AsyncByteStream``,
``async_auth_flow``) come before the general ``Async<Name>`` / ``async_<name>`` rules that
would otherwise mangle them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

HEADER = "# Generated from the _async twin by python -m generator.unasync; do not edit.\n"


@attrs.frozen
class Rule:
    """One rewrite; ``name`` is what a stale-rule warning shows."""

    name: str
    rewrite: Callable[[str], str]

    def apply(self, line: str) -> tuple[str, bool]:
        new = self.rewrite(line)
        return new, new != line


def _sub(name: str, pattern: str, replacement: str) -> Rule:
    compiled = re.compile(pattern)
    return Rule(name, lambda line: compiled.sub(replacement, line))


def _word(name: str, old: str, new: str) -> Rule:
    """Replace ``old`` where it is a whole identifier (``x.aclose()`` yes, ``foo_aclose`` no)."""
    return _sub(name, rf"(?<!\w){re.escape(old)}(?!\w)", new)


def _subscript(name: str, type_name: str, rebuild: Callable[[list[str]], str]) -> Rule:
    """Rewrite ``type_name[args]`` with balanced brackets, so nested generics survive."""
    start = re.compile(rf"(?<![\w.]){re.escape(type_name)}\[|(?<=\.){re.escape(type_name)}\[")

    def rewrite(line: str) -> str:
        out, pos = [], 0
        while match := start.search(line, pos):
            end = _closing_bracket(line, match.end())
            if end is None:  # spans lines: leave it for a human (mypy will complain)
                break
            # Qualified uses (typing.Awaitable[...]) lose the qualifier along with the name.
            begin = match.start()
            qualifier = re.search(r"[\w.]*\.$", line[:begin])
            if qualifier:
                begin = qualifier.start()
            out += [line[pos:begin], rebuild(_split_top_level(line[match.end() : end]))]
            pos = end + 1
        return "".join(out) + line[pos:]

    return Rule(name, rewrite)


def _closing_bracket(text: str, index: int) -> int | None:
    depth = 1
    for i in range(index, len(text)):
        if text[i] in "[(":
            depth += 1
        elif text[i] in "])":
            depth -= 1
            if depth == 0:
                return i
    return None


def _split_top_level(args: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in args:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


RULES: tuple[Rule, ...] = (
    # asyncio_mode = "auto" makes the mark redundant; the sync twin must not carry it.
    _sub(
        "@pytest.mark.asyncio / @pytest.mark.anyio lines",
        r"^[ \t]*@pytest\.mark\.(?:asyncio|anyio)(?:\([^)]*\))?[ \t]*\r?\n?$",
        "",
    ),
    _sub("async def", r"(?<!\w)async def(?!\w)", "def"),
    _sub("async with", r"(?<!\w)async with(?!\w)", "with"),
    _sub("async for", r"(?<!\w)async for(?!\w)", "for"),
    _sub("await", r"(?<!\w)await ", ""),
    _word("StopAsyncIteration", "StopAsyncIteration", "StopIteration"),
    _word("AbstractAsyncContextManager", "AbstractAsyncContextManager", "AbstractContextManager"),
    _word("asynccontextmanager", "asynccontextmanager", "contextmanager"),
    _subscript("Awaitable[T]", "Awaitable", lambda args: args[0]),
    _subscript(
        "AsyncGenerator[Y, S]", "AsyncGenerator", lambda args: f"Generator[{', '.join(args)}, None]"
    ),
    _word("AsyncByteStream", "AsyncByteStream", "SyncByteStream"),  # httpx's pair is Async/Sync
    _sub("Async<Name>", r"(?<!\w)Async([A-Z]\w*)", r"\1"),
    _word("__aenter__", "__aenter__", "__enter__"),
    _word("__aexit__", "__aexit__", "__exit__"),
    _word("__aiter__", "__aiter__", "__iter__"),
    _word("__anext__", "__anext__", "__next__"),
    _sub("anext(", r"(?<![\w.])anext\(", "next("),
    _sub("aiter(", r"(?<![\w.])aiter\(", "iter("),
    _word("aclose", "aclose", "close"),
    _word("aread", "aread", "read"),
    _word("aiter_bytes", "aiter_bytes", "iter_bytes"),
    _word("aiter_lines", "aiter_lines", "iter_lines"),
    _word("aiter_raw", "aiter_raw", "iter_raw"),
    _word("aiter_text", "aiter_text", "iter_text"),
    _word("handle_async_request", "handle_async_request", "handle_request"),
    _word("async_auth_flow", "async_auth_flow", "sync_auth_flow"),  # httpx.Auth
    # openapi-python-client operation modules: asyncio_detailed/asyncio -> sync_detailed/sync.
    _word("asyncio_detailed", "asyncio_detailed", "sync_detailed"),
    _sub(".asyncio(", r"(?<=\.)asyncio(?=\()", "sync"),
    _sub("asyncio.sleep / anyio.sleep", r"(?<![\w.])(?:asyncio|anyio)\.sleep(?!\w)", "time.sleep"),
    _sub("asyncio.Lock / anyio.Lock", r"(?<![\w.])(?:asyncio|anyio)\.Lock(?!\w)", "threading.Lock"),
    _sub(
        "asyncio.Event / anyio.Event",
        r"(?<![\w.])(?:asyncio|anyio)\.Event(?!\w)",
        "threading.Event",
    ),
    _sub(
        "import asyncio / anyio",
        r"^([ \t]*)import (?:asyncio|anyio)[ \t]*(\r?\n?)$",
        r"\1import time\2",
    ),
    _sub("_async module path", r"(?<!\w)_async(?!\w)", "_sync"),
    # Paired helpers named like the lead's _backends: async_sleep/sleep, build_async_client/...
    _sub("async_<name>", r"(?<!\w)async_(?=\w)", ""),
    _sub("<name>_async_<name>", r"(?<=\w)_async_(?=\w)", "_"),
    _sub("<name>_async", r"(?<=\w)_async(?!\w)", ""),
)


def unasync_line(line: str, used: set[str] | None = None) -> str:
    for rule in RULES:
        line, changed = rule.apply(line)
        if changed and used is not None:
            used.add(rule.name)
    return line


def unasync_text(text: str, used: set[str] | None = None) -> str:
    """The sync twin of one async source file (before ruff), header included."""
    body = "".join(unasync_line(line, used) for line in text.splitlines(keepends=True))
    return HEADER + _fix_stdlib_imports(body)


_TOP_LEVEL_IMPORT = re.compile(r"^(?:import|from)\s", re.MULTILINE)
_STDLIB_IMPORT = re.compile(r"import (threading|time)\r?\n?")


def _fix_stdlib_imports(text: str) -> str:
    """Add ``import threading`` / ``import time`` the rewrites made necessary; drop duplicates.

    ``asyncio.Lock`` became ``threading.Lock`` and ``import asyncio`` became ``import time``,
    which may leave a module used but not imported, or imported twice. ruff sorts afterwards.
    """
    seen: set[str] = set()
    kept = []
    for line in text.splitlines(keepends=True):
        if _STDLIB_IMPORT.fullmatch(line):
            if line.strip() in seen:
                continue
            seen.add(line.strip())
        kept.append(line)
    text = "".join(kept)
    for module in ("threading", "time"):
        if f"import {module}" in seen or not re.search(rf"(?<![\w.]){module}\.\w", text):
            continue
        at = _import_insertion_point(text)
        if at is not None:
            text = f"{text[:at]}import {module}\n{text[at:]}"
    return text


def _import_insertion_point(text: str) -> int | None:
    """Before the first top-level import that is not ``from __future__`` (which must stay first)."""
    last_future_end = None
    for match in _TOP_LEVEL_IMPORT.finditer(text):
        if not text.startswith("from __future__", match.start()):
            return match.start()
        last_future_end = text.find("\n", match.start()) + 1 or len(text)
    return last_future_end
