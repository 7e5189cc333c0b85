"""Kinto client benchmark: cloudspec's ``KintoClient`` against kinto-http and raw httpx.

Run by ``make bench`` as ``.venv/bin/python bench/kinto.py``; writes ``bench/RESULTS.md``.

Three workloads, each against a *fresh* memory-backend Kinto server for every single run of
every client (the memory backend slows down as it fills, see reference/kinto.md section 3.5):

* ``single``: create N records one by one (``PUT .../records/<uuid>`` + ``If-None-Match: *``);
* ``batch``: create N records through ``POST /v1/batch``, 25 sub-requests per call;
* ``list``: list M records seeded beforehand (untimed, by raw httpx batches), following
  ``Next-Page`` with pages of 1000 (the server's ``kinto.paginate_by``).

Each client (cloudspec, kinto-http, raw ``httpx.Client``) sends the same requests. Clients are
built, and the bucket and collection created, before the timed loop; only the loop is timed,
with ``time.perf_counter()`` (wall) and ``time.process_time()`` (this process's CPU: the server
runs in another process). Modes are interleaved and their order rotated from run to run; the
median of the runs is reported, and every ratio is the median of per-run ratios (the modes of a
run are measured back to back, so the machine's drift between runs cancels out).
Listing memory is measured in an untimed pass with ``tracemalloc`` (which slows Python down,
so it never overlaps the timed pass), run first so that it also warms the server up.

Options: ``--quick`` (few records, one run: a smoke test), ``--runs``, ``--output``, and
``--profile`` (cProfile of cloudspec's one-by-one create loop and listing, printed).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import logging
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx
import kinto_http  # type: ignore[import-untyped]

import cloudspec.emulators
from cloudspec.kinto import KintoClient

AUTH = ("bench", "bench-secret")
BUCKET = "bench"
COLLECTION = "records"
PAGE_SIZE = 1000
LIST_REPEATS = 5  # timed listings per run (median kept), see list_run
SINGLE_CHUNK = 250  # one-by-one creates: clients take turns every this many records
BATCH_CHUNK = 500  # batch creates: one batch() block per turn, clients taking turns
# Fewer plugins than the emulator's defaults (no history, accounts...): the reference
# benchmark's setup, so the server's share of each request is as small as it gets.
SERVER_SETTINGS: dict[str, object] = {
    "kinto.includes": "",
    "multiauth.policies": "basicauth",
    "kinto.paginate_by": PAGE_SIZE,
}
IF_NONE_MATCH = {"If-None-Match": "*"}
RECORDS_PATH = f"/buckets/{BUCKET}/collections/{COLLECTION}/records"

CLIENTS = ("httpx", "kinto-http", "cloudspec")
LIST_MODES = ("httpx", "kinto-http get_records", "cloudspec get_records", "cloudspec iter_records")
STREAMING = frozenset({"cloudspec iter_records"})

# Targets from the issue.
WALL_TARGET = 0.95  # throughput >= 0.95x raw httpx
CPU_TARGET = 1.10  # client CPU per record <= 1.1x raw httpx
MEMORY_GROWTH_TARGET = 1.25  # iter_records: peak after all records <= 1.25x peak after 20%

log = logging.getLogger("bench.kinto")


def record(i: int) -> dict[str, Any]:
    return {"i": i, "title": f"record {i}"}


@dataclass
class Sample:
    wall: float
    cpu: float
    http_calls: int
    peak_bytes: int | None = None
    early_peak_bytes: int | None = None
    # Listing only: the raw httpx reference listing timed on the same server (see list_run).
    reference_wall: float | None = None

    @property
    def relative_wall(self) -> float:
        """Wall time relative to this server's reference listing (absolute without one)."""
        return self.wall / self.reference_wall if self.reference_wall else self.wall


@dataclass
class Summary:
    mode: str
    ops: int
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def throughput(self) -> float:
        return self.ops / self.wall

    @property
    def cpu_per_op_us(self) -> float:
        return self.cpu / self.ops * 1e6

    @property
    def http_calls(self) -> int:
        return self.samples[0].http_calls

    @property
    def peak(self) -> int | None:
        peaks = [s.peak_bytes for s in self.samples if s.peak_bytes is not None]
        return int(statistics.median(peaks)) if peaks else None

    @property
    def early_peak(self) -> int | None:
        peaks = [s.early_peak_bytes for s in self.samples if s.early_peak_bytes is not None]
        return int(statistics.median(peaks)) if peaks else None


# -- servers and clients ---------------------------------------------------------------------


@contextmanager
def fresh_server() -> Iterator[str]:
    with cloudspec.emulators.run("kinto", settings=SERVER_SETTINGS) as urls:
        yield urls.base_url


def raw_client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, auth=AUTH, timeout=httpx.Timeout(60.0, connect=5.0))


def create_bucket_and_collection(http: httpx.Client) -> None:
    for path in (f"/buckets/{BUCKET}", f"/buckets/{BUCKET}/collections/{COLLECTION}"):
        response = http.put(path, json={}, headers=IF_NONE_MATCH)
        if response.status_code != 201:
            raise RuntimeError(f"PUT {path}: HTTP {response.status_code} {response.text[:200]}")


def count_records(base_url: str) -> int:
    with raw_client(base_url) as http:
        response = http.head(RECORDS_PATH)
        response.raise_for_status()
        return int(response.headers.get("total-objects") or response.headers["total-records"])


def batch_requests(start: int, stop: int) -> list[dict[str, Any]]:
    return [
        {
            "method": "PUT",
            "path": f"{RECORDS_PATH}/{uuid.uuid4()}",
            "body": {"data": record(i)},
            "headers": IF_NONE_MATCH,
        }
        for i in range(start, stop)
    ]


def post_batches(http: httpx.Client, first: int, stop: int, size: int) -> list[Any]:
    """Creates records ``first`` to ``stop - 1`` with ``POST /batch``, ``size`` per call."""
    results: list[Any] = []
    for start in range(first, stop, size):
        response = http.post(
            "/batch", json={"requests": batch_requests(start, min(stop, start + size))}
        )
        response.raise_for_status()
        for sub in response.json()["responses"]:
            if sub["status"] != 201:
                raise RuntimeError(f"batch sub-request failed: {sub}")
            results.append(sub["body"])
    return results


def seed(base_url: str, n: int) -> None:
    """Creates the bucket, the collection and ``n`` records (untimed, raw httpx)."""
    with raw_client(base_url) as http:
        create_bucket_and_collection(http)
        post_batches(http, 0, n, 25)


def batch_calls(n: int, size: int = 25) -> int:
    return 1 + -(-n // size)  # GET /v1/ for batch_max_requests, then the POSTs


def list_calls(n: int) -> int:
    # Kinto sends no Next-Page after the last page, even a full one.
    return max(1, -(-n // PAGE_SIZE))


# -- timing ----------------------------------------------------------------------------------


# Set by --profile: timed loops then run under this profiler.
_profiler: cProfile.Profile | None = None


def timed(body: Callable[[], int], expected: int, http_calls: int) -> Sample:
    """Runs ``body`` (returning how many records it handled) under the wall and CPU clocks."""
    gc.collect()
    profiler = _profiler
    if profiler is not None:
        profiler.enable()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    try:
        handled = body()
    finally:
        cpu1, wall1 = time.process_time(), time.perf_counter()
        if profiler is not None:
            profiler.disable()
    if handled != expected:
        raise RuntimeError(f"handled {handled} records, expected {expected}")
    return Sample(wall=wall1 - wall0, cpu=cpu1 - cpu0, http_calls=http_calls)


@contextmanager
def creator(client: str, kind: str, base_url: str) -> Iterator[Callable[[int, int], int]]:
    """Sets ``client`` up (bucket and collection created) and yields ``create(start, stop)``,
    which creates records ``start`` to ``stop - 1`` one by one or in one batch block."""
    if client == "httpx":
        with raw_client(base_url) as http:
            create_bucket_and_collection(http)
            settings: dict[str, Any] = {}

            def raw_single(start: int, stop: int) -> int:
                for i in range(start, stop):
                    response = http.put(
                        f"{RECORDS_PATH}/{uuid.uuid4()}",
                        json={"data": record(i)},
                        headers=IF_NONE_MATCH,
                    )
                    if response.status_code != 201:
                        raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
                    response.json()
                return stop - start

            def raw_batch(start: int, stop: int) -> int:
                if not settings:  # read once, as the libraries do
                    settings.update(http.get("/").json()["settings"])
                return len(post_batches(http, start, stop, int(settings["batch_max_requests"])))

            yield raw_single if kind == "single" else raw_batch
        return

    if client == "kinto-http":
        kc: Any = kinto_http.Client(server_url=base_url, auth=AUTH)
        kc.create_bucket(id=BUCKET)
        kc.create_collection(id=COLLECTION, bucket=BUCKET)

        def kinto_single(start: int, stop: int) -> int:
            for i in range(start, stop):
                kc.create_record(data=record(i), bucket=BUCKET, collection=COLLECTION)
            return stop - start

        def kinto_batch(start: int, stop: int) -> int:
            with kc.batch(bucket=BUCKET, collection=COLLECTION) as batch:
                for i in range(start, stop):
                    batch.create_record(data=record(i))
            return len(batch.results())

        yield kinto_single if kind == "single" else kinto_batch
        return

    with KintoClient(server_url=base_url, auth=AUTH) as cs:
        cs.create_bucket(id=BUCKET)
        cs.create_collection(id=COLLECTION, bucket=BUCKET)

        def cs_single(start: int, stop: int) -> int:
            for i in range(start, stop):
                cs.create_record(data=record(i), bucket=BUCKET, collection=COLLECTION)
            return stop - start

        def cs_batch(start: int, stop: int) -> int:
            with cs.batch(bucket=BUCKET, collection=COLLECTION) as batch:
                for i in range(start, stop):
                    batch.create_record(data=record(i))
            return len(batch.results())

        yield cs_single if kind == "single" else cs_batch


def create_phase(kind: str, run: int, n: int) -> dict[str, Sample]:
    """One run of ``kind`` creates for every client, each on its own fresh server.

    The machine drifts, so records are created in chunks (SINGLE_CHUNK one by one, or
    BATCH_CHUNK in one ``batch()`` block), the clients taking turns in an order that
    rotates from chunk to chunk; every server still receives all ``n`` records from its
    one client. kinto-http fetches ``GET /v1/`` for every ``batch()`` block; cloudspec
    and the raw client fetch it once.
    """
    chunk = SINGLE_CHUNK if kind == "single" else BATCH_CHUNK
    calls = n if kind == "single" else batch_calls(n)
    totals = {c: Sample(wall=0.0, cpu=0.0, http_calls=calls) for c in CLIENTS}
    with ExitStack() as stack:
        urls = {c: stack.enter_context(fresh_server()) for c in CLIENTS}
        creators = {c: stack.enter_context(creator(c, kind, urls[c])) for c in CLIENTS}
        for k, start in enumerate(range(0, n, chunk)):
            stop = min(n, start + chunk)
            for client in rotated(CLIENTS, run + k):
                sample = timed(partial(creators[client], start, stop), stop - start, calls)
                totals[client].wall += sample.wall
                totals[client].cpu += sample.cpu
        for client, url in urls.items():
            stored = count_records(url)
            if stored != n:
                raise RuntimeError(f"{client} {kind}: {stored} records stored, not {n}")
    return totals


@contextmanager
def list_client(mode: str, base_url: str) -> Iterator[Callable[[Callable[[int], None]], int]]:
    """Yields ``listing(tick)``: lists every record, calls ``tick(count)`` while streaming."""
    if mode == "httpx":
        with raw_client(base_url) as http:
            http.get("/").raise_for_status()  # open the connection, like the others' setup

            def raw_list(tick: Callable[[int], None]) -> int:
                records: list[Any] = []
                response = http.get(RECORDS_PATH)
                while True:
                    response.raise_for_status()
                    records.extend(response.json()["data"])
                    next_page = response.headers.get("next-page")
                    if not next_page:
                        return len(records)
                    response = http.get(next_page)

            yield raw_list
        return

    if mode == "kinto-http get_records":
        kc: Any = kinto_http.Client(server_url=base_url, auth=AUTH)
        kc.server_info()

        def kinto_list(tick: Callable[[int], None]) -> int:
            return len(kc.get_records(bucket=BUCKET, collection=COLLECTION))

        yield kinto_list
        return

    with KintoClient(server_url=base_url, auth=AUTH) as cs:
        cs.server_info()

        def cs_list(tick: Callable[[int], None]) -> int:
            return len(cs.get_records(bucket=BUCKET, collection=COLLECTION))

        def cs_iter(tick: Callable[[int], None]) -> int:
            count = 0
            for _ in cs.iter_records(bucket=BUCKET, collection=COLLECTION, page_size=PAGE_SIZE):
                count += 1
                tick(count)
            return count

        yield cs_iter if mode in STREAMING else cs_list


def no_tick(count: int) -> None:
    """A listing callback that does nothing (timed passes)."""


def memory_pass(listing: Callable[[Callable[[int], None]], int], n: int) -> tuple[int, int | None]:
    """tracemalloc's peak growth while listing, and for a streaming mode the peak once a
    fifth of the records went by: equal peaks mean memory does not grow with N."""
    checkpoint = max(1, n // 5)
    early: list[int] = []

    def tick(count: int) -> None:
        if count == checkpoint:
            early.append(tracemalloc.get_traced_memory()[1])

    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        handled = listing(tick)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    if handled != n:
        raise RuntimeError(f"memory pass listed {handled} records, expected {n}")
    return peak - base, (early[0] - base if early else None)


def list_phase(run: int, base_url: str, n: int) -> dict[str, Sample]:
    """Every listing mode on one seeded server, timed round-robin.

    Listing writes nothing, so the modes share a server: a listing is mostly server time
    (a sort per page) and one fresh server lists up to ~10% faster than another, which
    drowned the client differences when each mode had a server of its own. The memory
    pass also warms the server and each client up; then LIST_REPEATS rounds time every
    mode in turn, and the medians are kept.
    """
    modes = rotated(LIST_MODES, run)
    calls = list_calls(n)
    with ExitStack() as stack:
        listings = {mode: stack.enter_context(list_client(mode, base_url)) for mode in modes}
        memory = {mode: memory_pass(listings[mode], n) for mode in modes}
        repeats: dict[str, list[Sample]] = {mode: [] for mode in modes}
        for _ in range(LIST_REPEATS):
            for mode in modes:
                repeats[mode].append(timed(partial(listings[mode], no_tick), n, calls))
    reference = statistics.median(r.wall for r in repeats["httpx"])
    samples = {}
    for mode in modes:
        sample = Sample(
            wall=statistics.median(r.wall for r in repeats[mode]),
            cpu=statistics.median(r.cpu for r in repeats[mode]),
            http_calls=calls,
        )
        sample.reference_wall = reference
        sample.peak_bytes, sample.early_peak_bytes = memory[mode]
        samples[mode] = sample
    return samples


# -- the benchmark ---------------------------------------------------------------------------


def rotated(items: Sequence[str], by: int) -> list[str]:
    k = by % len(items)
    return [*items[k:], *items[:k]]


def run_benchmark(n_create: int, n_list: int, runs: int) -> dict[str, dict[str, Summary]]:
    results: dict[str, dict[str, Summary]] = {
        "single": {c: Summary(c, n_create) for c in CLIENTS},
        "batch": {c: Summary(c, n_create) for c in CLIENTS},
        "list": {m: Summary(m, n_list) for m in LIST_MODES},
    }
    for run in range(runs):
        for kind in ("single", "batch"):
            for client, sample in create_phase(kind, run, n_create).items():
                results[kind][client].samples.append(sample)
                log.info(
                    "run %d %-6s %-10s %.3fs wall %.3fs cpu",
                    *(run + 1, kind, client, sample.wall, sample.cpu),
                )
        # A fresh server per run, seeded untimed, shared by the listing modes (list_phase).
        with fresh_server() as base_url:
            seed(base_url, n_list)
            for mode, sample in list_phase(run, base_url, n_list).items():
                results["list"][mode].samples.append(sample)
                log.info(
                    "run %d list   %-22s %.3fs wall %.3fs cpu peak %.1f MiB",
                    *(run + 1, mode, sample.wall, sample.cpu, (sample.peak_bytes or 0) / 2**20),
                )
    return results


# -- the report ------------------------------------------------------------------------------


def throughput_ratio(s: Summary, ref: Summary) -> float:
    """Median over runs of this run's throughput over the reference's in the same run.

    Listings compare wall times relative to their own server's raw httpx reference listing.
    """
    pairs = zip(s.samples, ref.samples, strict=True)
    return statistics.median(r.relative_wall / x.relative_wall for x, r in pairs)


def cpu_ratio(s: Summary, ref: Summary) -> float:
    """Median over runs of this run's CPU per record over the reference's in the same run."""
    return statistics.median(x.cpu / r.cpu for x, r in zip(s.samples, ref.samples, strict=True))


def micro(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def mib(value: int | None) -> str:
    return "-" if value is None else f"{value / 2**20:.2f}"


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def mode_table(summaries: dict[str, Summary], *, unit: str, memory: bool = False) -> list[str]:
    raw = summaries["httpx"]
    kinto = summaries.get("kinto-http") or summaries["kinto-http get_records"]
    header = (
        f"| client | runs, wall (s) | median wall (s) | {unit}/s | HTTP requests "
        f"| runs, CPU µs/{unit} | median CPU µs/{unit} "
        "| throughput vs httpx | CPU/req vs httpx "
        "| throughput vs kinto-http | CPU/req vs kinto-http |"
    )
    if memory:
        header += (
            " runs, wall / same server's httpx reference | peak memory (MiB) "
            "| peak after 20% (MiB) |"
        )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for s in summaries.values():
        runs = " / ".join(f"{x.wall:.2f}" for x in s.samples)
        cpu_runs = " / ".join(micro(x.cpu / s.ops) for x in s.samples)
        row = (
            f"| {s.mode} | {runs} | {s.wall:.3f} | {s.throughput:,.0f} | {s.http_calls} "
            f"| {cpu_runs} | {micro(s.cpu / s.ops)} "
            f"| {throughput_ratio(s, raw):.3f}x | {cpu_ratio(s, raw):.3f}x "
            f"| {throughput_ratio(s, kinto):.3f}x | {cpu_ratio(s, kinto):.3f}x |"
        )
        if memory:
            relative = " / ".join(f"{x.relative_wall:.3f}" for x in s.samples)
            early = mib(s.early_peak) if s.mode in STREAMING else "-"
            row += f" {relative} | {mib(s.peak)} | {early} |"
        lines.append(row)
    return lines


def targets(results: dict[str, dict[str, Summary]]) -> tuple[list[str], bool]:
    lines = ["| target | measured | result |", "|---|---|---|"]
    passed = True

    def add(name: str, measured: str, ok: bool) -> None:
        nonlocal passed
        passed = passed and ok
        lines.append(f"| {name} | {measured} | {verdict(ok)} |")

    for kind, label in (("single", "one-by-one creates"), ("batch", "batch creates")):
        cs, raw = results[kind]["cloudspec"], results[kind]["httpx"]
        wall = throughput_ratio(cs, raw)
        cpu = cpu_ratio(cs, raw)
        add(
            f"{label}: wall throughput >= {WALL_TARGET}x raw httpx",
            f"{wall:.3f}x",
            wall >= WALL_TARGET,
        )
        add(
            f"{label}: client CPU per request <= {CPU_TARGET}x raw httpx",
            f"{cpu:.3f}x",
            cpu <= CPU_TARGET,
        )
    listing = results["list"]
    it, got, kinto = (
        listing["cloudspec iter_records"],
        listing["cloudspec get_records"],
        listing["kinto-http get_records"],
    )
    if it.peak is not None and it.early_peak is not None and got.peak is not None:
        growth = it.peak / it.early_peak if it.early_peak else float("inf")
        add(
            "listing: iter_records in constant memory (peak after 100% <= "
            f"{MEMORY_GROWTH_TARGET}x peak after 20%, and below get_records' peak)",
            f"{mib(it.early_peak)} MiB after 20%, {mib(it.peak)} MiB after 100% "
            f"({growth:.2f}x); get_records {mib(got.peak)} MiB",
            growth <= MEMORY_GROWTH_TARGET and it.peak < got.peak,
        )
    for s in (it, got):
        speed = throughput_ratio(s, kinto)
        add(
            f"listing: cloudspec {s.mode.split()[-1]} no slower than kinto-http get_records",
            f"{speed:.3f}x kinto-http's throughput ({s.wall:.3f} s vs {kinto.wall:.3f} s)",
            speed >= 1.0,
        )
    return lines, passed


def source_revision() -> str:
    """The repository's commit, and whether the client's sources differ from it."""
    root = Path(__file__).resolve().parents[1]

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=10
        )
        return done.stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "overlays", "generated", "emulators")
    except (OSError, subprocess.SubprocessError):
        return "git revision unknown"
    return f"git {commit}" + (", with uncommitted changes to the client" if dirty else "")


def environment(base_version: str, revision: str) -> list[str]:
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.platform()}",
        f"- CPUs: {os.cpu_count()}",
        f"- httpx {httpx.__version__}, kinto-http {version('kinto-http')} "
        f"(requests {version('requests')}), cloudspec {version('cloudspec')} "
        f"({revision})",
        f"- Kinto server {base_version} (memory backends, basicauth only, no plugins, "
        f"`kinto.paginate_by = {PAGE_SIZE}`), on the same host",
    ]


def render(
    results: dict[str, dict[str, Summary]],
    *,
    command: str,
    started: dt.datetime,
    elapsed: float,
    server_version: str,
    revision: str,
    runs: int,
) -> tuple[str, bool]:
    n_create = results["single"]["httpx"].ops
    n_list = results["list"]["httpx"].ops
    target_lines, passed = targets(results)
    out = [
        "# Kinto client benchmark",
        "",
        f"Generated by `bench/kinto.py` on {started:%Y-%m-%d %H:%M} UTC in {elapsed:.0f} s.",
        "",
        f"Command: `{command}`",
        "",
        "## Environment",
        "",
        *environment(server_version, revision),
        "",
        "## Method",
        "",
        f"- A fresh Kinto server for every run of every mode; median of {runs} run(s); "
        "modes interleaved, their order rotated each run. One-by-one creates run in chunks "
        f"of {SINGLE_CHUNK} records (batch creates in blocks of {BATCH_CHUNK}) with the clients "
        "taking turns (each on its own server), "
        "so that the machine's drift hits all three alike (kinto-http fetches `GET /v1/` "
        "again for each `batch()` block; the others once per run).",
        "- Timed: the loop only (`time.perf_counter()` for wall, `time.process_time()` for the "
        "client process's CPU; the server is another process). The client, bucket and "
        "collection are created before it.",
        "- Every client sends the same requests. Raw httpx is an `httpx.Client` with basic "
        "auth that parses each JSON response:",
        "  - one by one: `PUT .../records/<uuid4>` with `If-None-Match: *`, data "
        '`{"i": i, "title": "record i"}`;',
        "  - batch: `GET /v1/` (for `batch_max_requests`, as the libraries do), then "
        "`POST /v1/batch` with 25 such sub-requests per call;",
        f"  - listing: `GET .../records`, then each `Next-Page` URL (pages of {PAGE_SIZE}).",
        "- Listing: one fresh server per run, seeded untimed with raw httpx batches and "
        "shared by every listing mode (listing writes nothing).",
        "- cloudspec: `KintoClient.create_record(...)`, `with client.batch(...) as b: "
        "b.create_record(...)`, `get_records()`, "
        f"`iter_records(page_size={PAGE_SIZE})`. kinto-http: the same calls (`Client`), "
        "its `kinto_http` logger at ERROR to mute the per-record batch warnings.",
        "- The per-run columns show the spread between runs; on a shared or virtualised "
        "host it can exceed a target's margin, so read verdicts that pass or fail by a few "
        "percent together with them.",
        "- Ratios are computed within each run (the modes of a run are measured back to back, "
        "so machine drift between runs cancels out), and the median of the per-run ratios is "
        "shown. Throughput ratio above 1 is faster; CPU ratio below 1 is cheaper. CPU per "
        "request is per record created or listed.",
        f"- Listing: each run times every mode {LIST_REPEATS} times, round-robin on the same "
        "server, and keeps the medians (a listing is short, mostly server time, and the "
        "server's garbage collections land in it at random; one fresh server lists up to "
        "~10% faster than another, which is why the modes share one).",
        "- Listing memory: an untimed pass under `tracemalloc` before the timed one (it also "
        "warms the server and the client up): the peak growth of "
        "traced allocations in the client. For `iter_records`, also the peak once the first "
        "20% of the records went by: a flat peak means memory does not grow with the number "
        "of records. Garbage collection runs as usual (no `gc.collect()` between pages).",
        "",
        "## Targets",
        "",
        *target_lines,
        "",
        f"## Create {n_create:,} records one by one",
        "",
        *mode_table(results["single"], unit="record"),
        "",
        f"## Create {n_create:,} records in batches of 25",
        "",
        *mode_table(results["batch"], unit="record"),
        "",
        f"## List {n_list:,} records",
        "",
        *mode_table(results["list"], unit="record", memory=True),
        "",
    ]
    return "\n".join(out), passed


def server_version() -> str:
    with fresh_server() as base_url, raw_client(base_url) as http:
        return str(http.get("/").json().get("project_version", "unknown"))


# -- profiling -------------------------------------------------------------------------------


def profile(n_create: int, n_list: int, limit: int = 25) -> None:
    """cProfile of each workload's timed loop, raw httpx then cloudspec, on fresh servers.

    Prints the Python calls per record of both, then cloudspec's own functions (overlays,
    generated code, attrs-generated methods): what it runs beyond raw httpx.
    """
    global _profiler
    for workload in ("single", "batch", "list"):
        ops = n_list if workload == "list" else n_create
        stats: dict[str, pstats.Stats] = {}
        for client in ("httpx", "cloudspec"):
            _profiler = cProfile.Profile()
            try:
                with fresh_server() as base_url:
                    if workload == "list":
                        seed(base_url, n_list)
                        mode = "cloudspec iter_records" if client == "cloudspec" else client
                        with list_client(mode, base_url) as listing:
                            listing(no_tick)  # warm-up, not profiled
                            timed(partial(listing, no_tick), n_list, list_calls(n_list))
                    else:
                        with creator(client, workload, base_url) as create:
                            timed(partial(create, 0, ops), ops, ops)
                stream = io.StringIO()
                stats[client] = pstats.Stats(_profiler, stream=stream)
            finally:
                _profiler = None
        calls = {c: st.total_calls / ops for c, st in stats.items()}  # type: ignore[attr-defined]
        print(
            f"===== {workload}: {ops} records; Python calls per record: raw httpx "
            f"{calls['httpx']:.0f}, cloudspec {calls['cloudspec']:.0f} ====="
        )
        st = stats["cloudspec"]
        st.sort_stats("tottime").print_stats(r"cloudspec|attrs generated", limit)
        st.sort_stats("cumulative").print_stats(r"cloudspec|attrs generated", limit)
        print(st.stream.getvalue())  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="few records, one run (smoke test)")
    parser.add_argument("--runs", type=int, help="runs per mode (default 3, 1 with --quick)")
    parser.add_argument("--creates", type=int, help="records created per run (default 2000)")
    parser.add_argument("--records", type=int, help="records listed per run (default 10000)")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().with_name("RESULTS.md"),
        help="where to write the report (default bench/RESULTS.md)",
    )
    parser.add_argument("--profile", action="store_true", help="profile cloudspec, print, exit")
    args = parser.parse_args(argv)
    n_create = args.creates or (200 if args.quick else 2000)
    n_list = args.records or (3000 if args.quick else 10000)
    runs = args.runs or (1 if args.quick else 3)

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("kinto_http").setLevel(logging.ERROR)  # one WARNING per batch record
    logging.getLogger("httpx").setLevel(logging.WARNING)

    if args.profile:
        profile(n_create, n_list)
        return 0

    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    # Read before the run: the modules are imported now, whatever the tree becomes later.
    revision = source_revision()
    version = server_version()
    results = run_benchmark(n_create, n_list, runs)
    command = " ".join([".venv/bin/python", "bench/kinto.py", *sys.argv[1:]])
    text, passed = render(
        results,
        command=command,
        started=started,
        elapsed=time.perf_counter() - clock,
        server_version=version,
        revision=revision,
        runs=runs,
    )
    # The other services' sections (bench/box.py writes "## Box", last) are kept as they are.
    previous = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    kept = previous[previous.index("\n## Box\n") + 1 :] if "\n## Box\n" in previous else ""
    args.output.write_text(text.rstrip("\n") + "\n" + ("\n" + kept if kept else ""), "utf-8")
    print(text)
    log.info("wrote %s (%s)", args.output, "all targets pass" if passed else "some targets FAIL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
