"""The fault matrix for Metadisk: create a bucket, upload and download a file of several
shards, each under the proxy's fault scenarios (a seeded sample; all of them under
``make chaos``). Shard downloads go through the proxy too (see ``matrix_metadisk``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cloudspec.emulators import run
from tests.reliability import matrix
from tests.reliability.matrix_metadisk import OPERATIONS, SETTINGS, MetadiskWorld, operations

pytestmark = pytest.mark.live

KNOWN: dict[tuple[str, str], str] = {}
# Nine scenarios per operation: three operations then cover every scenario.
CASES = matrix.cases("metadisk", OPERATIONS, known=KNOWN, per_operation=9)


@pytest.fixture(scope="module")
def metadisk_operations() -> Iterator[dict[str, matrix.Operation]]:
    # An emulator of its own: the matrix moves the farmer channel it advertises.
    with run("metadisk", settings=SETTINGS) as server:
        world = MetadiskWorld(server)
        try:
            yield operations(world)
        finally:
            world.close()


@pytest.fixture(scope="module")
def matrix_log() -> Iterator[matrix.MatrixLog]:
    log = matrix.MatrixLog("metadisk", known=KNOWN)
    yield log
    log.record()


@pytest.mark.parametrize(("operation", "scenario"), CASES)
def test_metadisk_matrix(
    operation: str,
    scenario: str,
    metadisk_operations: dict[str, matrix.Operation],
    matrix_log: matrix.MatrixLog,
    tmp_path: Path,
) -> None:
    outcome = matrix.execute(metadisk_operations[operation], scenario, tmp_path)
    matrix_log.add(outcome)
    matrix.check(outcome)
