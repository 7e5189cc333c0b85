"""``serve_smartfile``: the SmartFile emulator as a child process for a ``with`` block."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ..child import serve_child
from ..process import ServerProcess
from ..urls import ServerURLs
from .seed import parse_seed
from .settings import Settings, setting_text


@contextmanager
def serve_smartfile(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: Mapping[str, Any] | None = None,
    settings: Mapping[str, object] | None = None,
) -> Iterator[tuple[ServerURLs, ServerProcess]]:
    """Start the emulator; yield its URLs (``base_url`` is the site root) and process."""

    def validate() -> None:
        parse_seed(seed, Settings.from_mapping(settings or {}))

    with serve_child(
        "smartfile",
        "SmartFile",
        host=host,
        port=port,
        seed=seed,
        settings=settings,
        validate=validate,
        setting_text=setting_text,
    ) as running:
        yield running
