"""Local-file checks shared by the ButtFS, Metadisk and SmartFile matrices."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.matrix import Verdict

__all__ = ["leftovers", "local_verdict"]


def local_verdict(path: Path, data: bytes) -> Verdict:
    """``objects`` 1 when ``path`` exists (0 otherwise); intact when it holds exactly ``data``
    (a missing file is intact: whether it should exist is the caller's ``expected``)."""
    if not path.is_file():
        return Verdict(objects=0, detail=f"{path.name} absent")
    content = path.read_bytes()
    if content != data:
        return Verdict(
            objects=1,
            intact=False,
            detail=f"{path.name} holds {len(content)} bytes, not the {len(data)} expected",
        )
    return Verdict(objects=1, detail=f"{path.name} intact ({len(data)} bytes)")


def leftovers(directory: Path, *, keep: str) -> list[str]:
    """What a download left in ``directory`` besides ``keep`` (temporary files, cut copies)."""
    return sorted(p.name for p in directory.iterdir() if p.name != keep)
