"""``examples/dask_tour.py`` end to end: the SmartFile emulator, 40 CSV files written through
``smartfile://`` URLs, read back in parallel by Dask's multi-process scheduler (each worker
process unpickles the filesystem and makes its own client), and the column total checked."""

from __future__ import annotations

import pytest

from examples import dask_tour


@pytest.mark.live
def test_dask_reads_every_file_in_worker_processes(capsys: pytest.CaptureFixture[str]) -> None:
    result = dask_tour.main()

    assert result.scheduler == "processes"
    assert result.files == dask_tour.FILES
    assert result.rows == dask_tour.FILES * dask_tour.ROWS_PER_FILE
    expected = sum(
        dask_tour.value(file_no, row)
        for file_no in range(dask_tour.FILES)
        for row in range(dask_tour.ROWS_PER_FILE)
    )
    assert result.expected_total == expected
    assert result.total == expected
    assert result.reader_pids >= 1
    assert f"sum(value) = {expected}" in capsys.readouterr().out
