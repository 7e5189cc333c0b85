"""Box client benchmark: cloudspec's chunked upload and download against Box's official SDK
(``box_sdk_gen``) and raw httpx, on the Box emulator.

Run by ``make bench`` (after ``bench/kinto.py``) or ``make bench-box`` as
``.venv/bin/python bench/box.py``; writes the ``## Box`` section of ``bench/RESULTS.md`` and
leaves the rest of the file alone.

Each transfer runs in a fresh subprocess (``--worker``), so that peak RSS and CPU are the
client's alone; the emulator is another process. The ways:

* ``cloudspec``: ``BoxClient.files.upload_large(path, "0", parallelism=4)`` and
  ``files.download(file_id, dest)``;
* ``box_sdk_gen``: ``client.chunked_uploads.upload_big_file(...)`` and
  ``client.downloads.download_file_to_output_stream(...)``, pointed at the emulator through
  ``BoxClient.with_custom_base_urls(BaseUrls(...))``;
* ``httpx``, the ceiling: the upload session's parts PUT by 4 threads on one ``httpx.Client``
  (the file read once, in order, feeding the whole-file SHA-1), the parts listed, the session
  committed; the download a streamed GET that follows the 302 and writes the chunks as they
  come (``httpx``, the target's reference) or in 1 MiB chunks (``httpx 1 MiB``, shown for
  comparison: httpx re-chunks through a buffer, which is slower).

Every upload's SHA-1 (``GET /2.0/files/{id}``) and every downloaded file's SHA-1 are checked
against the source. Rounds of every upload way, then every download way, their order rotated
from round to round; before each transfer the benchmark waits until the machine is idle (see
``Settler``). Medians are reported, and ratios are medians of per-round ratios. The
cloudspec upload and download also run once on a 4 GiB file, for peak RSS.

Options: ``--quick`` (256 MiB, one round, no 4 GiB pass), ``--size``, ``--repeats``
(default 5), ``--warmups`` (untimed rounds first, default 0), ``--skip-4g``, ``--big-size``,
``--output``, ``--profile`` (cProfile of cloudspec's upload and download, printed).
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import datetime as dt
import gc
import hashlib
import json
import logging
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Workers import only their own client (see worker_main): importing httpx, box_sdk_gen or
# cloudspec here would add their memory to every other way's peak RSS.
if TYPE_CHECKING:
    import box_sdk_gen
    import httpx

    import cloudspec.box

MiB = 2**20
GiB = 2**30
PART_SIZE = 8 * MiB  # what Box commonly answers; the emulator's default, pinned here
CHUNKED_MIN_SIZE = 20 * MiB  # Box's smallest upload session
PARALLELISM = 4  # parts in flight, cloudspec and the raw ceiling alike (Box suggests 3-5)
DOWNLOAD_CHUNK = MiB
LIST_PARTS_LIMIT = 1000  # Box's largest parts page
FOLDER_ID = "0"
LOGIN = "demo@example.com"  # the emulator's default seed
CLIENT_ID = "cloudspec-demo"
TOKEN_TTL = 86400.0  # outlives any run: a 401 mid-transfer would measure the refresh instead
HTTP_TIMEOUT = 300.0  # the emulator hashes a whole file on commit: seconds for 4 GiB

SERVER_SETTINGS: dict[str, object] = {
    "part_size": PART_SIZE,
    "chunked_min_size": CHUNKED_MIN_SIZE,
    "access_token_ttl": TOKEN_TTL,
}

# "httpx" writes the chunks as they arrive (64 KiB reads): the download target's reference.
# "httpx 1 MiB" asks httpx for 1 MiB chunks, which it re-chunks through a buffer (slower here);
# it is shown, and checked too, because it is how many scripts call it.
WAYS = {
    "upload": ("httpx", "box_sdk_gen", "cloudspec"),
    "download": ("httpx", "httpx 1 MiB", "box_sdk_gen", "cloudspec"),
}
OPS = ("upload", "download")

# Targets from the issue.
UPLOAD_TARGET = 0.80  # cloudspec upload throughput >= 0.8x raw httpx, and > box_sdk_gen
DOWNLOAD_TARGET = 0.90  # cloudspec download throughput >= 0.9x raw httpx
RSS_TARGET = 150 * MiB  # cloudspec peak RSS, 1 GiB and 4 GiB

BENCH_DIR = Path(__file__).resolve().parent
RUNS_DIR = BENCH_DIR / ".runs"  # git-ignored scratch space of the benchmarks
SECTION = "## Box"

log = logging.getLogger("bench.box")


# -- jobs and their measurements -------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What a worker subprocess does: one upload or one download, by one way."""

    op: str
    way: str
    api: str
    upload: str
    account: str
    token: str
    path: str  # the source of an upload, the destination of a download
    size: int
    name: str = ""
    file_id: str = ""
    profile: bool = False


@dataclass
class Sample:
    wall: float
    cpu: float  # user + system
    system_cpu: float
    peak_rss: int  # bytes, the worker's VmHWM at its end
    start_rss: int  # bytes, the worker's resident set just before the timed operation
    requests: int | None = None
    server_cpu: float | None = None
    file_id: str = ""


@dataclass
class Summary:
    way: str
    op: str
    size: int
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def throughput(self) -> float:
        return self.size / MiB / self.wall

    @property
    def peak_rss(self) -> int:
        # The worst run: a memory target holds for every run or not at all.
        return max(s.peak_rss for s in self.samples)

    @property
    def system_cpu(self) -> float:
        return statistics.median(s.system_cpu for s in self.samples)

    @property
    def start_rss(self) -> int:
        return int(statistics.median(s.start_rss for s in self.samples))

    @property
    def requests(self) -> int | None:
        counts = [s.requests for s in self.samples if s.requests is not None]
        return int(statistics.median(counts)) if counts else None

    @property
    def server_cpu(self) -> float | None:
        values = [s.server_cpu for s in self.samples if s.server_cpu is not None]
        return statistics.median(values) if values else None


# -- the worker side: one transfer in a fresh process ----------------------------------------


def b64_sha1(data: bytes) -> str:
    return base64.b64encode(hashlib.sha1(data).digest()).decode("ascii")


def expect(response: httpx.Response, *statuses: int) -> httpx.Response:
    if response.status_code not in statuses:
        raise RuntimeError(
            f"{response.request.method} {response.request.url}: HTTP {response.status_code} "
            f"{response.text[:300]}"
        )
    return response


def raw_client(job: Job, **kwargs: Any) -> httpx.Client:
    import httpx

    return httpx.Client(
        headers={"Authorization": f"Bearer {job.token}"},
        timeout=httpx.Timeout(HTTP_TIMEOUT, connect=5.0),
        **kwargs,
    )


def upload_httpx(job: Job) -> Callable[[], str]:
    http = raw_client(job)

    def run() -> str:
        with http:
            created = http.post(
                f"{job.upload}/2.0/files/upload_sessions",
                json={"folder_id": FOLDER_ID, "file_size": job.size, "file_name": job.name},
            )
            session = expect(created, 201).json()
            endpoints = session["session_endpoints"]
            part_size, total_parts = int(session["part_size"]), int(session["total_parts"])
            if part_size != PART_SIZE:
                raise RuntimeError(f"the emulator chose {part_size}-byte parts, not Box's")

            def put(offset: int, data: bytes) -> dict[str, Any]:
                headers = {
                    "digest": f"sha={b64_sha1(data)}",
                    "content-range": f"bytes {offset}-{offset + len(data) - 1}/{job.size}",
                    "content-type": "application/octet-stream",
                }
                response = http.put(endpoints["upload_part"], content=data, headers=headers)
                part: dict[str, Any] = expect(response, 200).json()["part"]
                return part

            # The file is read once, in order, on this thread (the whole-file SHA-1 needs the
            # bytes in order), while the pool sends: at most PARALLELISM parts in flight plus
            # the one being read, as cloudspec's engine promises.
            whole = hashlib.sha1()
            slots = threading.BoundedSemaphore(PARALLELISM)
            futures: list[Future[dict[str, Any]]] = []
            with open(job.path, "rb") as source, ThreadPoolExecutor(PARALLELISM) as pool:
                offset = 0
                while offset < job.size:
                    data = source.read(part_size)
                    if not data:
                        raise RuntimeError(f"{job.path} ended at {offset} of {job.size} bytes")
                    whole.update(data)
                    slots.acquire()
                    future = pool.submit(put, offset, data)
                    future.add_done_callback(lambda _: slots.release())
                    futures.append(future)
                    offset += len(data)
                    del data
            parts = [f.result() for f in futures]

            listed: list[dict[str, Any]] = []
            while True:
                page = expect(
                    http.get(
                        endpoints["list_parts"],
                        params={"offset": len(listed), "limit": LIST_PARTS_LIMIT},
                    ),
                    200,
                ).json()
                listed.extend(page["entries"])
                if not page["entries"] or len(listed) >= int(page["total_count"]):
                    break
            if len(listed) != total_parts:
                raise RuntimeError(f"the session lists {len(listed)} parts of {total_parts}")

            body = {"parts": sorted(parts, key=lambda p: int(p["offset"]))}
            digest = base64.b64encode(whole.digest()).decode("ascii")
            while True:
                committed = http.post(
                    endpoints["commit"], json=body, headers={"digest": f"sha={digest}"}
                )
                if committed.status_code != 202:
                    break
                time.sleep(float(committed.headers.get("retry-after", "1")))
            return str(expect(committed, 201).json()["entries"][0]["id"])

    return run


def download_httpx(job: Job) -> Callable[[], str]:
    http = raw_client(job, follow_redirects=True)
    chunk_size = DOWNLOAD_CHUNK if job.way == "httpx 1 MiB" else None

    def run() -> str:
        url = f"{job.api}/2.0/files/{job.file_id}/content"
        with http, open(job.path, "wb") as out, http.stream("GET", url) as response:
            expect(response, 200)
            for chunk in response.iter_bytes(chunk_size):
                out.write(chunk)
        return job.file_id

    return run


def sdk_client(job: Job) -> box_sdk_gen.BoxClient:
    from box_sdk_gen import BaseUrls, BoxClient, BoxDeveloperTokenAuth

    # The SDK's supported way to another Box: the three roots its managers build URLs from.
    # Upload parts, list and commit go to the session_endpoints the emulator answers, which
    # are absolute URLs on its upload host, as Box's are.
    base_urls = BaseUrls(base_url=job.api, upload_url=job.upload, oauth_2_url=job.account)
    return BoxClient(auth=BoxDeveloperTokenAuth(token=job.token)).with_custom_base_urls(base_urls)


def upload_sdk(job: Job) -> Callable[[], str]:
    client = sdk_client(job)

    def run() -> str:
        with open(job.path, "rb") as source:
            uploaded = client.chunked_uploads.upload_big_file(source, job.name, job.size, FOLDER_ID)
        return str(uploaded.id)

    return run


def download_sdk(job: Job) -> Callable[[], str]:
    client = sdk_client(job)

    def run() -> str:
        with open(job.path, "wb") as out:
            client.downloads.download_file_to_output_stream(job.file_id, out)
        return job.file_id

    return run


def cloudspec_client(job: Job) -> cloudspec.box.BoxClient:
    from cloudspec.box import BoxClient, BoxURLs

    urls = BoxURLs(api=job.api, upload=job.upload, account=job.account)
    return BoxClient(access_token=job.token, urls=urls)


def upload_cloudspec(job: Job) -> Callable[[], str]:
    client = cloudspec_client(job)

    def run() -> str:
        with client:
            uploaded = client.files.upload_large(
                job.path, FOLDER_ID, name=job.name, parallelism=PARALLELISM
            )
        return str(uploaded.id)

    return run


def download_cloudspec(job: Job) -> Callable[[], str]:
    client = cloudspec_client(job)

    def run() -> str:
        with client:
            client.files.download(job.file_id, job.path)
        return job.file_id

    return run


PREPARE: Mapping[tuple[str, str], Callable[[Job], Callable[[], str]]] = {
    ("upload", "httpx"): upload_httpx,
    ("upload", "box_sdk_gen"): upload_sdk,
    ("upload", "cloudspec"): upload_cloudspec,
    ("download", "httpx"): download_httpx,
    ("download", "httpx 1 MiB"): download_httpx,
    ("download", "box_sdk_gen"): download_sdk,
    ("download", "cloudspec"): download_cloudspec,
}


def current_rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """This process's peak resident set: VmHWM, the high-water mark of its own memory map.

    Not ``ru_maxrss``: Linux carries it across ``execve`` from the memory map replaced, so
    a worker would report at least the peak of the benchmark process that spawned it.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status")


def cpu_seconds() -> tuple[float, float]:
    """(user, system) CPU seconds of this process; RUSAGE_SELF counts every thread of it,
    the upload pools' too."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def worker_main() -> int:
    """Runs the job read from stdin; prints one JSON line of measurements on stdout."""
    job = Job(**json.loads(sys.stdin.read()))
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    # The client is built (and its modules imported) before the clock starts, as in
    # bench/kinto.py; the first request still opens the connections inside the timed part.
    run = PREPARE[(job.op, job.way)](job)
    gc.collect()
    profiler = cProfile.Profile() if job.profile else None
    start_rss = current_rss()
    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    if profiler is not None:
        profiler.enable()
    file_id = run()
    if profiler is not None:
        profiler.disable()
    cpu1, wall1 = cpu_seconds(), time.perf_counter()
    peak_rss = peak_rss_bytes()
    if profiler is not None:
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)
    sample = Sample(
        wall=wall1 - wall0,
        cpu=sum(cpu1) - sum(cpu0),
        system_cpu=cpu1[1] - cpu0[1],
        peak_rss=peak_rss,
        start_rss=start_rss,
        file_id=file_id,
    )
    print(json.dumps(asdict(sample)))
    return 0


# -- the orchestrator side -------------------------------------------------------------------


def write_source(path: Path, size: int) -> str:
    """Writes ``size`` bytes of incompressible, non-repeating data; returns their SHA-1.

    One urandom MiB, rotated by a different amount per MiB and stamped with its index: fast
    to make, and no two parts (nor two MiB) of the file are equal.
    """
    seed = os.urandom(MiB)
    sha1 = hashlib.sha1()
    with path.open("wb") as out:
        for index in range(-(-size // MiB)):
            shift = (index * 7919) % MiB
            block = bytearray(seed[shift:] + seed[:shift])
            block[:8] = index.to_bytes(8, "big")
            del block[size - index * MiB :]
            sha1.update(block)
            out.write(block)
    return sha1.hexdigest()


def file_sha1(path: Path) -> str:
    sha1 = hashlib.sha1()
    with path.open("rb") as source:
        while chunk := source.read(8 * MiB):
            sha1.update(chunk)
    return sha1.hexdigest()


def session_cpu(session_id: int) -> float | None:
    """CPU seconds (user + system) of the live processes of a session: the emulator's."""
    ticks = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return None
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                text = stat.read()
        except OSError:
            continue  # exited meanwhile
        # After "pid (comm) ": state, ppid, pgrp, session, ... utime is field 14, stime 15.
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[3]) == session_id:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class Emulator:
    api: str
    upload: str
    account: str
    pid: int
    http: httpx.Client
    token: str = ""

    def job(self, op: str, way: str, path: Path, size: int, **kwargs: Any) -> Job:
        return Job(
            op=op,
            way=way,
            api=self.api,
            upload=self.upload,
            account=self.account,
            token=self.token,
            path=str(path),
            size=size,
            **kwargs,
        )

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = expect(self.http.get("/_emulator/stats"), 200).json()
        return stats

    def file_info(self, file_id: str) -> dict[str, Any]:
        response = self.http.get(
            f"/2.0/files/{file_id}",
            params={"fields": "sha1,size,name"},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        info: dict[str, Any] = expect(response, 200).json()
        return info

    def delete_file(self, file_id: str) -> None:
        response = self.http.delete(
            f"/2.0/files/{file_id}", headers={"Authorization": f"Bearer {self.token}"}
        )
        expect(response, 204)


@contextmanager
def emulator(storage: Path) -> Iterator[Emulator]:
    import httpx

    # serve() rather than run(): it also yields the process, whose CPU is reported beside
    # the client's (on a small machine the emulator's share decides the throughput).
    from cloudspec.emulators.launcher import serve

    settings = {**SERVER_SETTINGS, "storage_dir": str(storage)}
    with (
        serve("box", settings=settings) as (urls, process),
        httpx.Client(base_url=urls.urls["api"], timeout=HTTP_TIMEOUT) as http,
    ):
        server = Emulator(
            api=urls.urls["api"],
            upload=urls.urls["upload"],
            account=urls.urls["account"],
            pid=process.pid,
            http=http,
        )
        minted = http.post(
            "/_emulator/tokens",
            json={"login": LOGIN, "client_id": CLIENT_ID, "expires_in": TOKEN_TTL},
        )
        server.token = str(expect(minted, 200, 201).json()["access_token"])
        yield server


def busy_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


class Settler:
    """Waits, before each timed transfer, until the machine is idle and runs at full speed.

    On the virtual machine this benchmark was written on, freeing a lot of memory (a deleted
    1 GiB file, an exited worker) slowed every CPU down by up to 2x for several seconds,
    starting 2-4 s later (the host taking the freed pages back, it seems). Unchecked, that
    landed on whichever transfer came next: the first download after the uploads ran at half
    speed, the next ones did not. Other programs on the machine (a test suite) skew the
    ways unevenly too. So the benchmark frees memory only between rounds, and before each
    transfer syncs, waits out the lag, then waits until, for a while, a CPU probe (SHA-1 of
    16 MiB) runs at its idle speed and the machine's CPUs are otherwise idle.
    """

    MIN_WAIT = 3.0  # seconds: longer than the lag between a free and the slowdown
    QUIET_PROBES = 6  # consecutive quiet probes ...
    INTERVAL = 0.25  # ... this far apart
    SLACK = 1.25  # a probe at most this much slower than the fastest one is at idle speed
    MAX_BUSY = 0.15  # and at most this share of all CPUs busy meanwhile (the probe included)
    TIMEOUT = 60.0  # then measure anyway, and say so in the report

    def __init__(self) -> None:
        self._buffer = os.urandom(16 * MiB)
        self.fastest = min(self._probe() for _ in range(20))
        self.waits: list[float] = []
        self.unsettled = 0

    def _probe(self) -> float:
        start = time.perf_counter()
        hashlib.sha1(self._buffer).digest()
        return time.perf_counter() - start

    def wait(self) -> None:
        start = time.perf_counter()
        os.sync()  # the previous transfer's dirty pages, written back now rather than later
        time.sleep(self.MIN_WAIT)
        quiet = 0
        before = busy_ticks()
        while quiet < self.QUIET_PROBES:
            if time.perf_counter() - start > self.TIMEOUT:
                self.unsettled += 1
                log.warning("the machine did not settle in %.0f s; measuring anyway", self.TIMEOUT)
                break
            took = self._probe()
            time.sleep(self.INTERVAL)
            after = busy_ticks()
            busy = (after[0] - before[0]) / max(1, after[1] - before[1])
            before = after
            self.fastest = min(self.fastest, took)
            fast = took <= self.fastest * self.SLACK
            quiet = quiet + 1 if fast and busy <= self.MAX_BUSY else 0
        self.waits.append(time.perf_counter() - start)


@dataclass
class Bench:
    server: Emulator
    scratch: Path
    settler: Settler

    def run_worker(self, job: Job) -> Sample:
        """Runs ``job`` in a fresh interpreter; adds the emulator's share to its sample."""
        gc.collect()
        expect(self.server.http.post("/_emulator/reset_stats"), 200, 204)
        self.settler.wait()
        server_cpu0 = session_cpu(self.server.pid)
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker"],
            input=json.dumps(asdict(job)),
            capture_output=True,
            text=True,
            check=False,
        )
        server_cpu1 = session_cpu(self.server.pid)
        if job.profile:
            print(done.stderr, file=sys.stderr)
        if done.returncode != 0:
            raise RuntimeError(
                f"{job.op} by {job.way} failed (exit {done.returncode}):\n{done.stderr[-4000:]}"
            )
        sample = Sample(**json.loads(done.stdout.strip().splitlines()[-1]))
        requests = self.server.stats().get("requests")  # control endpoints are not counted
        sample.requests = requests if isinstance(requests, int) else None
        if server_cpu0 is not None and server_cpu1 is not None:
            sample.server_cpu = server_cpu1 - server_cpu0
        return sample

    def upload(self, way: str, source: Path, size: int, sha1: str, name: str) -> Sample:
        sample = self.run_worker(self.server.job("upload", way, source, size, name=name))
        info = self.server.file_info(sample.file_id)
        if info.get("sha1") != sha1 or int(info.get("size", -1)) != size:
            raise RuntimeError(
                f"upload by {way}: Box holds sha1 {info.get('sha1')} size {info.get('size')}, "
                f"the source has sha1 {sha1} size {size}"
            )
        return sample

    def download(self, way: str, file_id: str, dest: Path, size: int, sha1: str) -> Sample:
        """The downloaded file stays: deleting it now would slow the next transfer down
        (see Settler); the caller deletes a round's files together."""
        sample = self.run_worker(self.server.job("download", way, dest, size, file_id=file_id))
        got = file_sha1(dest)
        if got != sha1:
            raise RuntimeError(f"download by {way}: sha1 {got}, expected {sha1}")
        return sample

    def source(self, size: int) -> tuple[Path, str]:
        path = self.scratch / f"source-{size}.bin"
        log.info("writing %d MiB of test data to %s", size // MiB, path)
        return path, write_source(path, size)

    @contextmanager
    def round_files(self) -> Iterator[tuple[list[str], list[Path]]]:
        """Box files and local files made by one round, deleted together at its end."""
        file_ids: list[str] = []
        paths: list[Path] = []
        try:
            yield file_ids, paths
        finally:
            for file_id in file_ids:
                self.server.delete_file(file_id)
            for path in paths:
                path.unlink(missing_ok=True)


def rotated(items: Sequence[str], by: int) -> list[str]:
    k = by % len(items)
    return [*items[k:], *items[:k]]


def log_sample(run: int, op: str, way: str, size: int, s: Sample) -> None:
    log.info(
        "%-6s %-8s %-11s %7.1f MiB/s %6.2fs wall %6.2fs cpu %6.1f MiB peak RSS "
        "(server %.2fs cpu, %s requests)",
        *(f"run {run}" if run > 0 else "warmup", op, way, size / MiB / s.wall, s.wall, s.cpu),
        *(s.peak_rss / MiB, s.server_cpu or 0.0, s.requests),
    )


def run_benchmark(
    bench: Bench, size: int, repeats: int, warmups: int
) -> dict[str, dict[str, Summary]]:
    """``warmups`` untimed rounds, then ``repeats`` rounds: every upload way, then every
    download way (of the round's first upload), in an order rotated from round to round."""
    source, sha1 = bench.source(size)
    results = {op: {way: Summary(way, op, size) for way in WAYS[op]} for op in OPS}
    try:
        for run in range(-warmups, repeats):
            with bench.round_files() as (file_ids, paths):
                for op in OPS:
                    for way in rotated(WAYS[op], run):
                        if op == "upload":
                            name = f"bench-{way}-{run + warmups}.bin"
                            sample = bench.upload(way, source, size, sha1, name)
                            file_ids.append(sample.file_id)
                        else:
                            dest = bench.scratch / f"download-{way.replace(' ', '-')}.bin"
                            paths.append(dest)
                            sample = bench.download(way, file_ids[0], dest, size, sha1)
                        if run >= 0:
                            results[op][way].samples.append(sample)
                        log_sample(run + 1, op, way, size, sample)
    finally:
        source.unlink(missing_ok=True)
    return results


def run_big(bench: Bench, size: int) -> dict[str, Summary]:
    """cloudspec alone on a big file, once: its peak RSS must not grow with the file."""
    source, sha1 = bench.source(size)
    big = {op: Summary("cloudspec", op, size) for op in OPS}
    with bench.round_files() as (file_ids, paths):
        paths.append(source)
        sample = bench.upload("cloudspec", source, size, sha1, "bench-big.bin")
        file_ids.append(sample.file_id)
        big["upload"].samples.append(sample)
        log_sample(1, "upload", "cloudspec", size, sample)
        dest = bench.scratch / "download-big.bin"
        paths.append(dest)
        sample = bench.download("cloudspec", file_ids[0], dest, size, sha1)
        big["download"].samples.append(sample)
        log_sample(1, "download", "cloudspec", size, sample)
    return big


def profile(bench: Bench, size: int) -> None:
    """cProfile of cloudspec's upload and download, printed by the workers (main thread
    only: time spent in other threads shows as waiting)."""
    source, sha1 = bench.source(size)
    with bench.round_files() as (file_ids, paths):
        paths.append(source)
        job = bench.server.job("upload", "cloudspec", source, size, name="bench-profile.bin")
        sample = bench.run_worker(replace(job, profile=True))
        file_ids.append(sample.file_id)
        dest = bench.scratch / "download-profile.bin"
        paths.append(dest)
        job = bench.server.job("download", "cloudspec", dest, size, file_id=sample.file_id)
        bench.run_worker(replace(job, profile=True))
        if file_sha1(dest) != sha1:
            raise RuntimeError("profiled download: wrong bytes")


def ratio(s: Summary, ref: Summary, value: Callable[[Sample], float]) -> float:
    """Median over runs of ``value`` of this way over the reference's, in the same run."""
    pairs = zip(s.samples, ref.samples, strict=True)
    return statistics.median(value(x) / value(r) for x, r in pairs)


def throughput_ratio(s: Summary, ref: Summary) -> float:
    return ratio(s, ref, lambda x: 1 / x.wall)


def cpu_ratio(s: Summary, ref: Summary) -> float:
    return ratio(s, ref, lambda x: x.cpu)


def mib(value: float) -> str:
    return f"{value / MiB:.0f}"


def size_label(size: int) -> str:
    return f"{size // GiB} GiB" if size % GiB == 0 else f"{size // MiB} MiB"


def way_table(summaries: dict[str, Summary]) -> list[str]:
    raw, sdk = summaries["httpx"], summaries["box_sdk_gen"]
    header = (
        "| client | runs, MiB/s | median wall (s) | median MiB/s | HTTP requests "
        "| runs, CPU (s) | median CPU (s) | of which system (s) "
        "| throughput vs httpx | CPU vs httpx "
        "| throughput vs box_sdk_gen | CPU vs box_sdk_gen | emulator CPU (s) "
        "| peak RSS (MiB) | RSS before the transfer (MiB) |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for s in summaries.values():
        speeds = " / ".join(f"{s.size / MiB / x.wall:.0f}" for x in s.samples)
        cpus = " / ".join(f"{x.cpu:.2f}" for x in s.samples)
        lines.append(
            f"| {s.way} | {speeds} | {s.wall:.2f} | {s.throughput:.0f} | {count(s.requests)} "
            f"| {cpus} | {s.cpu:.2f} | {s.system_cpu:.2f} "
            f"| {throughput_ratio(s, raw):.3f}x | {cpu_ratio(s, raw):.3f}x "
            f"| {throughput_ratio(s, sdk):.3f}x | {cpu_ratio(s, sdk):.3f}x "
            f"| {seconds(s.server_cpu)} | {mib(s.peak_rss)} | {mib(s.start_rss)} |"
        )
    return lines


def big_table(big: dict[str, Summary]) -> list[str]:
    lines = [
        "| operation | wall (s) | MiB/s | CPU (s) | of which system (s) | emulator CPU (s) "
        "| HTTP requests | peak RSS (MiB) | RSS before the transfer (MiB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for op, s in big.items():
        lines.append(
            f"| cloudspec {op} | {s.wall:.2f} | {s.throughput:.0f} | {s.cpu:.2f} "
            f"| {s.system_cpu:.2f} | {seconds(s.server_cpu)} | {count(s.requests)} "
            f"| {mib(s.peak_rss)} | {mib(s.start_rss)} |"
        )
    return lines


def count(value: int | None) -> str:
    return "-" if value is None else str(value)


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    ok: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return "-" if self.ok is None else "PASS" if self.ok else "FAIL"


def targets(results: dict[str, dict[str, Summary]], big: dict[str, Summary] | None) -> list[Target]:
    found: list[Target] = []

    def add(name: str, measured: str, ok: bool | None) -> None:
        found.append(Target(name, measured, ok))

    def versus(s: Summary, ref: Summary) -> tuple[float, str]:
        speed = throughput_ratio(s, ref)
        return speed, f"{speed:.3f}x ({s.throughput:.0f} vs {ref.throughput:.0f} MiB/s)"

    up, down = results["upload"], results["download"]
    size = size_label(up["cloudspec"].size)
    speed, text = versus(up["cloudspec"], up["httpx"])
    add(f"upload {size}: cloudspec >= {UPLOAD_TARGET}x raw httpx", text, speed >= UPLOAD_TARGET)
    speed, text = versus(up["cloudspec"], up["box_sdk_gen"])
    add(f"upload {size}: cloudspec ahead of box_sdk_gen", text, speed > 1.0)
    speed, text = versus(down["cloudspec"], down["httpx"])
    add(
        f"download {size}: cloudspec >= {DOWNLOAD_TARGET}x raw httpx (chunks as received)",
        text,
        speed >= DOWNLOAD_TARGET,
    )
    speed, text = versus(down["cloudspec"], down["httpx 1 MiB"])
    add(
        f"download {size}: cloudspec >= {DOWNLOAD_TARGET}x raw httpx reading 1 MiB chunks",
        text,
        speed >= DOWNLOAD_TARGET,
    )
    memory = [results[op]["cloudspec"] for op in OPS]
    if big:
        memory.extend(big[op] for op in OPS)
    for s in memory:
        add(
            f"{s.op} {size_label(s.size)}: cloudspec peak RSS < {mib(RSS_TARGET)} MiB",
            f"{mib(s.peak_rss)} MiB",
            s.peak_rss < RSS_TARGET,
        )
    if not big:
        add(
            f"upload and download 4 GiB: cloudspec peak RSS < {mib(RSS_TARGET)} MiB",
            "not run",
            None,
        )
    return found


def target_table(found: list[Target]) -> list[str]:
    lines = ["| target | measured | result |", "|---|---|---|"]
    for t in found:
        lines.append(f"| {t.name} | {t.measured} | {'-' if t.ok is None else f'**{t.verdict}**'} |")
    return lines


def source_revision() -> str:
    """The repository's commit, and whether the client's sources differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return done.stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "overlays", "generated", "emulators")
    except (OSError, subprocess.SubprocessError):
        return "git revision unknown"
    return f"git {commit}" + (", with uncommitted changes to the client" if dirty else "")


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def render(
    results: dict[str, dict[str, Summary]],
    big: dict[str, Summary] | None,
    *,
    command: str,
    started: dt.datetime,
    elapsed: float,
    revision: str,
    repeats: int,
    warmups: int,
    settler: Settler,
    load: str,
    found: list[Target],
) -> str:
    size = size_label(results["upload"]["httpx"].size)
    waits = settler.waits or [0.0]
    warmup_text = f", after {warmups} untimed warm-up round(s)" if warmups else ""
    unsettled = (
        f"; {settler.unsettled} transfer(s) measured although the machine had not settled "
        f"within {settler.TIMEOUT:.0f} s (busy: read those runs with care)"
        if settler.unsettled
        else ""
    )
    out = [
        SECTION,
        "",
        f"Generated by `bench/box.py` on {started:%Y-%m-%d %H:%M} UTC in {elapsed:.0f} s.",
        "",
        f"Command: `{command}`",
        "",
        "### Environment",
        "",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.platform()}",
        f"- CPUs: {os.cpu_count()}; load average at the start: {load}",
        f"- httpx {version('httpx')}, boxsdk {version('boxsdk')} (`box_sdk_gen`, on requests "
        f"{version('requests')}), cloudspec {version('cloudspec')} ({revision})",
        "- The Box emulator (`cloudspec.emulators.run('box')`) on the same host, in its own "
        f"process: `part_size` {PART_SIZE // MiB} MiB and `chunked_min_size` "
        f"{CHUNKED_MIN_SIZE // MiB} MiB as on Box; file contents on disk in the run's "
        "scratch directory (`bench/.runs/`, removed at the end)",
        "",
        "### Method",
        "",
        "- Each transfer runs in a fresh Python subprocess that imports only its own client. "
        f"{repeats} round(s){warmup_text}; the median is reported. A round uploads the "
        "test file once per way, then downloads the round's first upload once per way; the "
        "order of the ways rotates from round to round. The test file is random data (no "
        "two MiB alike), read from the page cache.",
        "- Timed: the transfer only (`time.perf_counter()`); the client is built before. "
        "CPU: user + system time of the client process over the transfer, all its threads "
        "(`getrusage(RUSAGE_SELF)`). Peak RSS: the client process's `VmHWM` at its end "
        "(absolute: interpreter and imports included; its resident set just before the "
        "transfer is shown beside it), the worst of its runs. Not `ru_maxrss`: Linux "
        "carries it across `execve`, so a worker reported at least the benchmark process's "
        "own peak. Emulator CPU: user + system time of the emulator's processes over the "
        "same transfer. HTTP requests: as counted by the emulator, redirects included.",
        "- Before each transfer the benchmark syncs, then waits until the machine is idle "
        f"and a CPU probe runs at its idle speed (waits: median {statistics.median(waits):.1f} "
        f"s, longest {max(waits):.1f} s{unsettled}). On this virtual machine, freeing a lot "
        "of memory (deleting a 1 GiB file) slowed every CPU down by up to 2x for several "
        "seconds, starting a few seconds later; the first download after the uploads ran at "
        "half speed, the next ones did not. So the files of a round are deleted together at "
        "its end. Throughput still varies from run to run, by up to 40% on this machine "
        "(see the per-run columns and the emulator's CPU for the same work): the transfers "
        "themselves free memory as they go. Hence several rounds (five by default) and "
        "medians; compare ways within a run, as the ratios do.",
        "- Every upload is checked: the SHA-1 and size Box reports (`GET /2.0/files/{id}`) "
        "equal the source's. Every download is checked: the file's SHA-1 equals the "
        "source's. The checks are untimed, done by the benchmark process.",
        "- cloudspec: `BoxClient(access_token=..., urls=BoxURLs(api=..., upload=..., "
        f"account=...))`, `files.upload_large(path, '0', parallelism={PARALLELISM})` and "
        "`files.download(file_id, dest)`, which fetches the file's size and SHA-1 first, "
        "writes a temporary file, hashes every chunk (in a helper thread), checks and renames "
        "(no `fsync`: `durable=True` asks for it).",
        "- box_sdk_gen: `BoxClient(BoxDeveloperTokenAuth(token)).with_custom_base_urls("
        "BaseUrls(base_url=..., upload_url=..., oauth_2_url=...))`, "
        "`chunked_uploads.upload_big_file(file, name, size, '0')` (parts sent one at a time, "
        "each read into memory and hashed; then the parts listed and the session committed) "
        "and `downloads.download_file_to_output_stream(file_id, out)` (requests, "
        "`shutil.copyfileobj`). Nothing patched: the session's absolute `session_endpoints` "
        "point at the emulator's upload host, the download follows the 302.",
        "- httpx, the ceiling: one `httpx.Client` with a bearer header. Upload: create the "
        "session; read the file once, in order, feeding the whole-file SHA-1, while "
        f"{PARALLELISM} threads PUT the {PART_SIZE // MiB} MiB parts with `digest: sha=<b64>` "
        f"and `content-range` (at most {PARALLELISM} in flight); list the parts; commit with "
        "the whole-file digest. Its peak RSS is high because an httpx `Response` and its "
        "stream form a reference cycle that keeps the request, and so the 8 MiB part, alive "
        "until the cyclic garbage collector runs. Download: a streamed GET following the "
        "302 to the download host, written to the file as it comes. `httpx` writes the "
        "chunks as received (`iter_bytes()`, up to 64 KiB each); `httpx 1 MiB` asks for "
        f"`iter_bytes({DOWNLOAD_CHUNK})`, which was slower here (httpx re-chunks through a "
        "`BytesIO`); the target's reference is `httpx`. Neither hashes nor `fsync`s.",
        "- Ratios are computed within each run and the median of the per-run ratios is shown: "
        "throughput above 1 is faster, CPU below 1 is cheaper.",
        "",
        "### Targets",
        "",
        *target_table(found),
        "",
        f"### Upload {size}",
        "",
        *way_table(results["upload"]),
        "",
        f"### Download {size}",
        "",
        *way_table(results["download"]),
        "",
    ]
    if big:
        out += [
            f"### cloudspec alone, {size_label(big['upload'].size)} (one run)",
            "",
            *big_table(big),
            "",
        ]
    return "\n".join(out)


def splice(document: str, section: str) -> str:
    """``document`` with its ``## Box`` section replaced by ``section`` (appended if none):
    bench/kinto.py writes the rest of the file."""
    lines = document.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        return document.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
        len(lines),
    )
    kept_after = lines[end:]
    head = "\n".join(lines[:start]).rstrip("\n")
    parts = [head, section.rstrip("\n")] if head else [section.rstrip("\n")]
    if kept_after:
        parts.append("\n".join(kept_after).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="256 MiB, one run, no 4 GiB pass")
    parser.add_argument("--size", type=int, help="file size in MiB (default 1024, 256 quick)")
    parser.add_argument("--repeats", type=int, help="rounds (default 5, 1 with --quick)")
    parser.add_argument("--warmups", type=int, default=0, help="untimed rounds first")
    parser.add_argument("--big-size", type=int, default=4096, help="MiB of the big-file pass")
    parser.add_argument("--skip-4g", action="store_true", help="no big-file pass")
    parser.add_argument(
        "--output",
        type=Path,
        default=BENCH_DIR / "RESULTS.md",
        help="the report whose '## Box' section is (re)written (default bench/RESULTS.md)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile cloudspec's transfers, print, exit"
    )
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main()
    size = (args.size or (256 if args.quick else 1024)) * MiB
    # Five rounds: on the machine this was written on, one round in three or four ran a way
    # 30-40% slow (the host reclaiming memory, see Settler); a median of five absorbs that.
    repeats = args.repeats or (1 if args.quick else 5)
    warmups = args.warmups
    skip_big = args.skip_4g or args.quick
    if size < CHUNKED_MIN_SIZE:
        parser.error(f"--size must be at least {CHUNKED_MIN_SIZE // MiB} MiB (upload sessions)")

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)

    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    revision = source_revision()
    load = " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])
    RUNS_DIR.mkdir(exist_ok=True)
    scratch = RUNS_DIR / f"box-{started:%Y%m%d-%H%M%S}-{os.getpid()}"
    scratch.mkdir()
    try:
        storage = scratch / "storage"
        storage.mkdir()
        with emulator(storage) as server:
            bench = Bench(server, scratch, Settler())
            if args.profile:
                profile(bench, size)
                return 0
            results = run_benchmark(bench, size, repeats, warmups)
            big = None if skip_big else run_big(bench, args.big_size * MiB)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    command = " ".join([".venv/bin/python", "bench/box.py", *sys.argv[1:]])
    found = targets(results, big)
    text = render(
        results,
        big,
        command=command,
        started=started,
        elapsed=time.perf_counter() - clock,
        revision=revision,
        repeats=repeats,
        warmups=warmups,
        settler=bench.settler,
        load=load,
        found=found,
    )
    existing = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    args.output.write_text(splice(existing, text), encoding="utf-8")
    print(text)
    print()
    for t in found:
        print(f"{t.verdict:4}  {t.name}: {t.measured}")
    failed = sum(t.ok is False for t in found)
    log.info(
        "wrote %s (%s)", args.output, f"{failed} target(s) FAIL" if failed else "all targets pass"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
