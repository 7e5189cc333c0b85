# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The chunked upload engine: every part read once, in order, and sent in parallel.

``parallelism`` workers each take the next part (read and hashed under one lock, so the
whole-file SHA-1 follows file order), send it, drop it, and take another: at most
``parallelism`` parts are in memory, and nothing is read ahead of a free sender. The first
part that fails stops the reading; the parts in flight are cancelled (async) or finish
(threads), and that first error is raised as it was. Parts the server already holds
(``done``) are read and checked against their SHA-1, not sent: a file that changed since
fails with ``IntegrityError`` instead of mixing two versions.

Progress ``(bytes_done, bytes_total)`` counts a part once it is sent (or verified), one call
at a time; the async engine calls it on the event loop, the sync engine from its worker
threads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from .._backends import offload, run_workers
from ..parts import PartReader, PartSpec, PartsResult, ProgressCounter, Source, plan_parts

__all__ = ["PartSpec", "PartsResult", "upload_parts", "plan_parts"]

R = TypeVar("R")


def upload_parts(
    source: Source,
    *,
    total_size: int,
    part_size: int,
    send_part: Callable[[PartSpec, bytes, bytes], R],
    done: Mapping[int, str] | Iterable[tuple[int, str]] = (),
    parallelism: int = 4,
    progress: Callable[[int, int], None] | None = None,
) -> PartsResult[R]:
    """Sends the parts of ``source`` (a path, or a seekable binary file read from where it
    stands) with ``send_part(part, data, sha1_digest)``; ``done`` maps the offsets of parts
    already uploaded to their SHA-1 in hex."""
    if parallelism < 1:
        raise ValueError("parallelism must be at least 1")
    parts = plan_parts(total_size, part_size)
    reader = PartReader(source, parts, dict(done), total_size)
    counter = ProgressCounter(total_size, progress)
    results: dict[int, R] = {}

    def worker() -> None:
        while True:
            verified, item = offload(reader.next_part)
            counter.add(verified)
            if item is None:
                return
            part = item.part
            results[part.offset] = send_part(part, item.data, item.sha1)
            # Drop the part's bytes before reading the next one: the memory bound is one
            # part per worker, not two.
            del item
            counter.add(part.size)

    workers = min(parallelism, max(1, reader.parts_to_send))
    try:
        run_workers(worker, workers, stop=reader.stop)
    finally:
        reader.close()
    sent = tuple(part for part in parts if part.offset in results)
    if len(sent) != reader.parts_to_send:
        # Only a sender cancelled from inside (not by the engine) can get here.
        raise RuntimeError(f"{reader.parts_to_send - len(sent)} parts were read but not sent")
    return PartsResult(
        parts=tuple(parts),
        sent=sent,
        results=tuple(results[part.offset] for part in sent),
        sha1=reader.sha1(),
    )
