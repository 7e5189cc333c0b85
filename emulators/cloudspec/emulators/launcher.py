"""``run()``: start a named local server for the duration of a ``with`` block."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from .box import serve_box
from .buttfs import serve_buttfs
from .errors import EmulatorError
from .kinto import serve_kinto
from .metadisk import serve_metadisk
from .process import ServerProcess
from .smartfile import serve_smartfile
from .urls import ServerURLs

Server = Callable[..., AbstractContextManager[tuple[ServerURLs, ServerProcess]]]

SERVICES: Mapping[str, Server] = {
    "box": serve_box,
    "buttfs": serve_buttfs,
    "kinto": serve_kinto,
    "metadisk": serve_metadisk,
    "smartfile": serve_smartfile,
}
"""Every name ``run()`` and ``python -m cloudspec.emulators`` accept."""

Seed = Mapping[str, Any] | str | os.PathLike[str]


def load_seed(seed: Seed | None) -> Mapping[str, Any] | None:
    """A seed is a mapping, or the path of a JSON file holding one."""
    if seed is None or isinstance(seed, Mapping):
        return seed
    try:
        loaded = json.loads(Path(seed).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EmulatorError(f"cannot read seed {os.fspath(seed)!r}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise EmulatorError(f"seed {os.fspath(seed)!r} must hold a JSON object")
    return loaded


@contextmanager
def serve(
    name: str,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: Seed | None = None,
    settings: Mapping[str, object] | None = None,
) -> Iterator[tuple[ServerURLs, ServerProcess]]:
    """Like :func:`run`, also yielding the process (the CLI watches it)."""
    try:
        server = SERVICES[name]
    except KeyError:
        raise EmulatorError(
            f"unknown service {name!r}; available: {', '.join(sorted(SERVICES))}"
        ) from None
    with server(host=host, port=port, seed=load_seed(seed), settings=settings) as running:
        yield running


@contextmanager
def run(
    name: str,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: Seed | None = None,
    settings: Mapping[str, object] | None = None,
) -> Iterator[ServerURLs]:
    """Start ``name`` (e.g. ``"kinto"``), yield its URLs once it is ready, stop it on exit.

    ``port=0`` picks a free port. ``settings`` are server settings (for Kinto, ini keys such
    as ``kinto.paginate_by``; for Box, e.g. ``part_size``, see :mod:`cloudspec.emulators.box`;
    for ButtFS, e.g. ``date_skew``, see :mod:`cloudspec.emulators.buttfs`; for Metadisk, e.g.
    ``auto_activate``, see :mod:`cloudspec.emulators.metadisk`),
    overriding the defaults. For Box, ``port`` is the API host's; the other hosts take free
    ports.
    """
    with serve(name, host=host, port=port, seed=seed, settings=settings) as (urls, _):
        yield urls
