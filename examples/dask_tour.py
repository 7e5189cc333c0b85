"""Dask reads many files from SmartFile in parallel, through ``smartfile://`` URLs; run by
`make demo`.

It starts the SmartFile emulator, writes 40 small CSV files through fsspec (as any program
would, with ``fsspec.open("smartfile://...", "w", **options)``), then has Dask read them all
back in parallel with ``dask.bag.read_text("smartfile://data/*.csv", storage_options=...)``
and add up a column. Nothing in it is Dask-specific on cloudspec's side: the ``smartfile``
protocol is found through its entry point.

The scheduler is Dask's local multi-process one (``scheduler="processes"``): each worker is
a separate Python process that receives the filesystem pickled (fsspec pickles a filesystem
as its storage options) and makes its own client, which is what happens on a cluster's
machines too. ``scheduler="threads"`` works the same and starts faster; a distributed
``Client`` takes the same code once the workers can reach the service.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

import dask.bag as db
import fsspec
import httpx
from dask.base import compute

from cloudspec.emulators import run

FILES = 40
ROWS_PER_FILE = 25
WORKERS = 4


@dataclass(frozen=True)
class Result:
    files: int
    rows: int
    total: int
    expected_total: int
    scheduler: str
    reader_pids: int


def value(file_no: int, row: int) -> int:
    """The ``value`` column of row ``row`` in file ``file_no``: known, so the sum is checkable."""
    return file_no * 1000 + row


def write_files(options: dict[str, Any]) -> int:
    """40 CSV files ``/data/part-NN.csv`` (``id,value``), written through fsspec URLs; the
    expected total of the ``value`` column."""
    expected = 0
    for file_no in range(FILES):
        lines = ["id,value"]
        for row in range(ROWS_PER_FILE):
            lines.append(f"{file_no}-{row},{value(file_no, row)}")
            expected += value(file_no, row)
        with fsspec.open(f"smartfile://data/part-{file_no:02d}.csv", "w", **options) as out:
            out.write("\n".join(lines) + "\n")
    return expected


def parse_value(line: str) -> int:
    return int(line.rstrip("\n").split(",")[1])


def is_row(line: str) -> bool:
    return bool(line.strip()) and not line.startswith("id,")


def reader_pid(partition: list[str]) -> list[int]:
    return [os.getpid()]


def read_with_dask(options: dict[str, Any], scheduler: str) -> tuple[int, int, int]:
    """``(rows, total, processes)`` of every ``/data/*.csv``, read in parallel by Dask: one
    partition per file, each read by whichever worker gets it; ``processes`` is how many
    distinct processes did the reading. The three share one graph, so each file is read once."""
    # dask.bag.read_text and compute carry no type hints (dask is only partly typed).
    lines = db.read_text(  # type: ignore[no-untyped-call]
        "smartfile://data/*.csv", storage_options=options
    )
    rows = lines.filter(is_row)
    count, total, pids = compute(  # type: ignore[no-untyped-call]
        rows.count(),
        rows.map(parse_value).sum(),
        rows.map_partitions(reader_pid).distinct(),
        scheduler=scheduler,
        num_workers=WORKERS,
    )
    return int(count), int(total), len(pids)


def main(scheduler: str = "processes") -> Result:
    with run("smartfile", settings={"task_seconds": 0}) as server:
        print(f"started the SmartFile emulator at {server.base_url}")
        answer = httpx.get(f"{server.base_url}/_emulator/credentials", trust_env=False)
        answer.raise_for_status()
        basic = answer.json()["basic"]
        # What Dask passes to fsspec in every worker: plain values, so they pickle.
        options = {"key": basic["key"], "password": basic["password"], "base_url": server.base_url}

        started = time.monotonic()
        expected = write_files(options)
        print(
            f"  wrote {FILES} CSV files to smartfile://data/ in {time.monotonic() - started:.1f} s"
        )

        started = time.monotonic()
        rows, total, processes = read_with_dask(options, scheduler)
        elapsed = time.monotonic() - started
        print(
            f"  Dask ({scheduler}, {WORKERS} workers) read {rows} rows from {FILES} files "
            f"in {elapsed:.1f} s, in {processes} process(es): sum(value) = {total}"
        )
        result = Result(FILES, rows, total, expected, scheduler, processes)
        assert rows == FILES * ROWS_PER_FILE, rows
        assert total == expected, (total, expected)
        print(f"  matches the total written: {expected}")
    print("\ndone")
    return result


if __name__ == "__main__":
    main()
