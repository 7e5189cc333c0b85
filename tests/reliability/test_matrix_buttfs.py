"""The fault matrix for ButtFS: create a folder, upload a small file, download, move, copy, each
under the proxy's fault scenarios (a seeded sample; all of them under ``make chaos``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudspec.emulators import run
from tests.reliability import matrix
from tests.reliability.matrix_buttfs import OPERATIONS, ButtFSWorld, operations

pytestmark = pytest.mark.live

KNOWN: dict[tuple[str, str], str] = {}
# Cases that ended in a typed error until the matrix found the defect and it was fixed: they
# must now succeed, sampled or not.
FIXED = {
    ("upload_small", "status_429"): "an upload refused unread (429) is sent again from the file",
}
# Five scenarios per operation: the sample covers every scenario once.
CASES = matrix.cases("buttfs", OPERATIONS, known=KNOWN, always=FIXED, per_operation=5)


@pytest.fixture(scope="module")
def buttfs_operations() -> Iterator[dict[str, matrix.Operation]]:
    # An emulator of its own: no quota, fault rule or reset left by another test reaches it.
    with run("buttfs") as server:
        world = ButtFSWorld(server)
        try:
            yield operations(world)
        finally:
            world.close()


@pytest.fixture(scope="module")
def matrix_log() -> Iterator[matrix.MatrixLog]:
    log = matrix.MatrixLog("buttfs", known=KNOWN)
    yield log
    log.record()


@pytest.mark.parametrize(("operation", "scenario"), CASES)
def test_buttfs_matrix(
    operation: str,
    scenario: str,
    buttfs_operations: dict[str, matrix.Operation],
    matrix_log: matrix.MatrixLog,
    tmp_path: Path,
) -> None:
    run = matrix.execute(buttfs_operations[operation], scenario, tmp_path)
    matrix_log.add(run)
    matrix.check(run)
    if (operation, scenario) in FIXED:
        assert run.outcome is matrix.Outcome.SUCCESS, f"{FIXED[operation, scenario]}: {run.error}"
