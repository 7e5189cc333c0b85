"""The fault matrix for SmartFile: mkdir, upload a small file, download, move and copy (server
tasks), each under the proxy's fault scenarios (a seeded sample; all of them under
``make chaos``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudspec.emulators import run
from tests.reliability import matrix
from tests.reliability.matrix_smartfile import OPERATIONS, SETTINGS, SmartFileWorld, operations

pytestmark = pytest.mark.live

KNOWN: dict[tuple[str, str], str] = {}
# Cases that ended in a typed error until the matrix found the defect and it was fixed: they
# must now succeed, sampled or not.
FIXED = {
    ("download", "status_429"): "a throttled download is waited out like every other call",
    ("move", "truncate_second_body"): "a cut answer to one task poll is polled again",
    ("copy", "status_503_second"): "a 503 answer to one task poll is polled again",
    ("mkdir", "drop_response_at_0"): "mkdir is idempotent, so it is re-sent after a drop",
}
# Five scenarios per operation: the sample covers every scenario once.
CASES = matrix.cases("smartfile", OPERATIONS, known=KNOWN, always=FIXED, per_operation=5)


@pytest.fixture(scope="module")
def smartfile_operations() -> Iterator[dict[str, matrix.Operation]]:
    # An emulator of its own: verify waits until no task is running on it.
    with run("smartfile", settings=SETTINGS) as server:
        world = SmartFileWorld(server)
        try:
            yield operations(world)
        finally:
            world.close()


@pytest.fixture(scope="module")
def matrix_log() -> Iterator[matrix.MatrixLog]:
    log = matrix.MatrixLog("smartfile", known=KNOWN)
    yield log
    log.record()


@pytest.mark.parametrize(("operation", "scenario"), CASES)
def test_smartfile_matrix(
    operation: str,
    scenario: str,
    smartfile_operations: dict[str, matrix.Operation],
    matrix_log: matrix.MatrixLog,
    tmp_path: Path,
) -> None:
    outcome = matrix.execute(smartfile_operations[operation], scenario, tmp_path)
    matrix_log.add(outcome)
    matrix.check(outcome)
    if (operation, scenario) in FIXED:
        assert outcome.outcome is matrix.Outcome.SUCCESS, (
            f"{FIXED[operation, scenario]}: {outcome.error}"
        )
