"""Server-supplied file names never escape the target directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloudspec.core.files import safe_filename, target_path


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("/absolute/path.txt", "path.txt"),
        ("C:\\Users\\x\\evil.exe", "evil.exe"),
        ("nul\x00byte.txt", "nulbyte.txt"),
        ("new\nline.txt", "newline.txt"),
        ("été 2026.csv", "été 2026.csv"),
    ],
)
def test_safe_filename(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


@pytest.mark.parametrize("name", ["", ".", "..", "../", "a/..", "\x00", "dir/"])
def test_unusable_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="unusable"):
        safe_filename(name)


def test_target_path_stays_inside_a_directory(tmp_path: Path) -> None:
    assert target_path("../../x.bin", tmp_path) == tmp_path / "x.bin"
    assert target_path("x.bin", tmp_path / "chosen.bin") == tmp_path / "chosen.bin"
    assert target_path("../x.bin", None) == Path("x.bin")
