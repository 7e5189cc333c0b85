"""What commands print: JSON (``--json``, one document on stdout) or rich tables.

Every line goes through the secrets mask of :mod:`.config` before it is written.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["Printer"]


def _plain(value: Any) -> Any:
    """A JSON-ready copy of an info dict's value."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class Printer:
    """Writes results to stdout and messages to stderr, masking secrets with ``masker``."""

    def __init__(self, as_json: bool, masker: Callable[[str], str]) -> None:
        self.as_json = as_json
        self.mask = masker
        # Made per command, so they write to the streams of the moment (CliRunner swaps them).
        self.out = Console(file=sys.stdout, soft_wrap=True, highlight=False)
        self.err = Console(file=sys.stderr, soft_wrap=True, highlight=False)

    def _json(self, data: Any) -> None:
        sys.stdout.write(self.mask(json.dumps(_plain(data), indent=2, sort_keys=True)) + "\n")

    def entries(self, entries: Sequence[Mapping[str, Any]]) -> None:
        if self.as_json:
            self._json(list(entries))
            return
        table = Table(box=None, show_header=True, header_style="bold")
        table.add_column("type")
        table.add_column("size", justify="right")
        table.add_column("name")
        for entry in entries:
            kind = str(entry.get("type", ""))
            size = "" if kind == "directory" else str(entry.get("size", ""))
            table.add_row(kind, size, self.mask(str(entry.get("name", ""))))
        self.out.print(table)

    def info(self, info: Mapping[str, Any]) -> None:
        if self.as_json:
            self._json(dict(info))
            return
        table = Table(box=None, show_header=False)
        table.add_column("field", style="bold")
        table.add_column("value")
        for key in sorted(info):
            table.add_row(str(key), self.mask(str(_plain(info[key]))))
        self.out.print(table)

    def done(self, action: str, **fields: Any) -> None:
        """The result of a command that changes something."""
        if self.as_json:
            self._json({"ok": True, "action": action, **fields})
            return
        details = " ".join(f"{k}={v}" for k, v in fields.items())
        self.out.print(self.mask(f"{action} {details}".strip()), markup=False)

    def error(self, message: str, code: int, kind: str) -> None:
        """Errors go to stderr; with ``--json`` stdout still gets one JSON document."""
        if self.as_json:
            self._json({"ok": False, "error": kind, "message": message, "exit_code": code})
        self.err.print(self.mask(f"error: {message}"), markup=False)
