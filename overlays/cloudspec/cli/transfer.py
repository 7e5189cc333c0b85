"""Upload and download with a rich progress bar (on stderr, so ``--json`` stdout stays
parseable), streamed a chunk at a time through the filesystem's file objects."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TransferSpeedColumn,
)

__all__ = ["CHUNK", "download", "upload"]

CHUNK = 1024 * 1024


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=console,
    )


def _copy(src: IO[bytes], dst: IO[bytes], size: int, label: str, console: Console) -> int:
    done = 0
    with _progress(console) as progress:
        task = progress.add_task(label, total=size)
        while chunk := src.read(CHUNK):
            dst.write(chunk)
            done += len(chunk)
            progress.update(task, completed=done)
        progress.update(task, completed=done, total=max(size, done))
    return done


def upload(fs: Any, local: Path, remote: str, console: Console) -> int:
    """Stream the local file ``local`` to ``remote``; the bytes sent."""
    size = os.path.getsize(local)
    with local.open("rb") as src, fs.open(remote, "wb") as dst:
        return _copy(src, dst, size, f"upload {local.name}", console)


def download(fs: Any, remote: str, local: Path, console: Console) -> int:
    """Stream ``remote`` into the local file ``local`` (written whole or not at all)."""
    size = int(fs.info(remote).get("size") or 0)
    partial = local.with_name(local.name + ".part")
    try:
        with fs.open(remote, "rb") as src, partial.open("wb") as dst:
            done = _copy(src, dst, size, f"download {os.path.basename(remote)}", console)
        partial.replace(local)
    finally:
        partial.unlink(missing_ok=True)
    return done
