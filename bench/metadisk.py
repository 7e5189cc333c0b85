"""Metadisk client benchmark: cloudspec's request signer against python-ecdsa, and its upload
and download against raw httpx, on the Metadisk emulator.

Run by ``make bench`` (after ``bench/box.py``) or ``make bench-metadisk`` as
``.venv/bin/python bench/metadisk.py``; writes the ``## Metadisk`` section of
``bench/RESULTS.md`` and leaves the rest of the file alone.

Every measurement runs in a fresh subprocess (``--worker``) that imports only its own
library, so that peak RSS and CPU are that way's alone; the emulator is another process.

Signing, per request, on the same 256 messages (``METHOD\\nPATH\\nPAYLOAD`` of realistic
bridge requests):

* ``python-ecdsa``: ``SigningKey.from_string(key, curve=SECP256k1).sign_deterministic(message,
  hashfunc=sha256, sigencode=sigencode_der_canonize)``, and ``VerifyingKey.verify``;
* ``coincurve``: cloudspec's ``ECDSAKeyPair.sign`` (libsecp256k1 through coincurve), and
  ``verify_signature``;
* the whole ``ECDSAAuth`` flow (the ``httpx.Request`` built, its JSON body or query given a
  ``__nonce``, serialised once, signed, the signed request built), with cloudspec's key pair or
  with python-ecdsa behind the same flow; and the bare ``httpx.Request`` for reference.

Before that, a correctness gate: both libraries sign every message, the signatures must be the
same bytes (both RFC 6979, low-S) and each must verify with the other library.

Transfers (default 256 MiB, ``--size``): cloudspec's sync ``Bucket(...).files.upload(path,
token)`` and ``files.download(hash, dest, token)`` against raw httpx sending the same wire
requests (a streamed multipart ``PUT /buckets/{id}/files`` with ``x-token`` and
``x-filesize``; the shard pointers with a PULL token, then each ``GET /shards/{hash}?token=``
streamed to the file). Tokens are minted by the benchmark, untimed, for both. Uploads are
checked against the bridge hash (RIPEMD-160 of the SHA-256) the emulator lists, downloads by
the file's SHA-256. Rounds interleave the ways, their order rotated; medians are reported, and
ratios are medians of per-round ratios. cloudspec also runs once on a bigger file
(``--big-size``, default 1024 MiB), to show its peak RSS does not grow with the file.

Options: ``--quick`` (64 MiB, one round, no big file), ``--size``, ``--repeats`` (default 5),
``--big-size``, ``--skip-big``, ``--output``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import logging
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# Workers import only their own library (see worker_main): importing httpx, ecdsa or
# cloudspec here would add their memory to every other way's peak RSS.
if TYPE_CHECKING:
    import httpx

    from cloudspec.metadisk import Bucket

MiB = 2**20
KiB = 2**10
SHARD_SIZE = 8 * MiB  # the bridge's (and the emulator's default), pinned here
HTTP_TIMEOUT = 300.0
TOKEN_TTL = 3600.0  # outlives any wait between minting a token and the worker using it
BUCKET_GB = 1_000_000  # the bucket's storage and transfer limits, in GB: never in the way
EMAIL = "bench@example.com"
PASSWORD = "bench-password"

SIGN_MESSAGES = 256  # distinct messages (and requests), the same for every signing way
SIGN_SEED = 20161122  # of the messages: every worker rebuilds the same ones
SIGN_MIN_SECONDS = 0.3  # each signing way repeats passes over the messages this long at least
SIGN_WARMUP = 32  # untimed operations first (python-ecdsa builds its precomputed tables)

SIGN_WAYS = (
    "python-ecdsa sign",
    "coincurve sign",
    "python-ecdsa verify",
    "coincurve verify",
    "httpx.Request alone",
    "ECDSAAuth flow, python-ecdsa",
    "ECDSAAuth flow, coincurve",
)
# (way, its peer) for the ratios: how many times faster the first is.
SIGN_PAIRS = (
    ("coincurve sign", "python-ecdsa sign"),
    ("coincurve verify", "python-ecdsa verify"),
    ("ECDSAAuth flow, coincurve", "ECDSAAuth flow, python-ecdsa"),
)
# "httpx" is the ceiling and the targets' reference; "httpx, hashing" does the download's
# hashing as cloudspec does, so that its row shows the client's cost apart from verifying.
WAYS = {"upload": ("httpx", "cloudspec"), "download": ("httpx", "httpx, hashing", "cloudspec")}
OPS = ("upload", "download")

# Targets (issue 5): ratios against the named peer, measured in the same run.
SIGN_TARGET = 3.0  # cloudspec's signer (and the whole signed request) >= 3x python-ecdsa's speed
UPLOAD_TARGET = 0.80  # cloudspec upload throughput >= 0.8x raw httpx
DOWNLOAD_TARGET = 0.80  # cloudspec download throughput >= 0.8x raw httpx
HASHED_DOWNLOAD_TARGET = 0.90  # ... and >= 0.9x raw httpx doing the same SHA-256 work
RSS_GROWTH_TARGET = 8 * MiB  # cloudspec's peak RSS may grow at most this much with a 4x file

BENCH_DIR = Path(__file__).resolve().parent
RUNS_DIR = BENCH_DIR / ".runs"  # git-ignored scratch space of the benchmarks
SECTION = "## Metadisk"

log = logging.getLogger("bench.metadisk")


# -- jobs and their measurements -------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What a worker subprocess does: one signing way's loop, or one upload or download."""

    op: str  # "sign", "upload" or "download"
    way: str
    private_key_hex: str
    base_url: str = ""
    bucket_id: str = ""
    token: str = ""
    path: str = ""  # the source of an upload, the destination of a download
    size: int = 0
    name: str = ""
    file_hash: str = ""


@dataclass
class Sample:
    wall: float
    cpu: float  # user + system
    system_cpu: float
    peak_rss: int  # bytes, the worker's VmHWM at its end
    start_rss: int  # bytes, the worker's resident set just before the timed part
    operations: int = 1
    requests: int | None = None
    server_cpu: float | None = None
    file_hash: str = ""
    file_size: int = 0

    @property
    def per_op(self) -> float:
        """Wall seconds per operation (a signature, a verification, a signed request)."""
        return self.wall / self.operations

    @property
    def cpu_per_op(self) -> float:
        """CPU seconds per operation: the cost, whatever else the machine runs meanwhile."""
        return self.cpu / self.operations


@dataclass
class Summary:
    way: str
    op: str
    size: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def per_op(self) -> float:
        return statistics.median(s.per_op for s in self.samples)

    @property
    def cpu_per_op(self) -> float:
        return statistics.median(s.cpu_per_op for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def system_cpu(self) -> float:
        return statistics.median(s.system_cpu for s in self.samples)

    @property
    def throughput(self) -> float:
        return self.size / MiB / self.wall

    @property
    def peak_rss(self) -> int:
        # The worst run: a memory target holds for every run or not at all.
        return max(s.peak_rss for s in self.samples)

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


# -- the signing workloads ---------------------------------------------------------------------


@dataclass(frozen=True)
class SignedCall:
    """A bridge request as a client would make it, and the message its signature covers."""

    method: str
    path: str
    body: dict[str, Any] | None  # POST, PUT, PATCH: a JSON object; others: no query
    nonce: int

    def message(self) -> bytes:
        """``METHOD\\nPATH\\nPAYLOAD`` exactly as ``ECDSAAuth`` signs it (with this nonce)."""
        if self.body is not None:
            body = {**self.body, "__nonce": self.nonce}
            payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        else:
            payload = f"__nonce={self.nonce}".encode("ascii")
        return f"{self.method}\n{self.path}\n".encode() + payload

    def request(self, request_class: type[httpx.Request]) -> httpx.Request:
        """The unsigned ``httpx.Request`` a client builds for this call (the class passed in:
        importing httpx inside the timed loop would add to it)."""
        url = "http://127.0.0.1:8080" + self.path
        if self.body is not None:
            return request_class(self.method, url, json=self.body)
        return request_class(self.method, url)


def signed_calls() -> list[SignedCall]:
    """The same ``SIGN_MESSAGES`` requests in every worker: what a client of the bridge sends
    (bucket ids are 24 hex digits, file hashes 40)."""
    rng = random.Random(SIGN_SEED)
    nonce = 1_479_800_000_000

    def hexid(n: int) -> str:
        return "".join(rng.choice("0123456789abcdef") for _ in range(n))

    calls: list[SignedCall] = []
    for i in range(SIGN_MESSAGES):
        nonce += rng.randint(1, 5000)
        bucket = hexid(24)
        kind = i % 6
        if kind == 0:
            op = rng.choice(["PUSH", "PULL"])
            calls.append(SignedCall("POST", f"/buckets/{bucket}/tokens", {"operation": op}, nonce))
        elif kind == 1:
            body = {"name": f"bucket {i}", "storage": rng.randint(1, 100), "transfer": 30}
            calls.append(SignedCall("POST", "/buckets", body, nonce))
        elif kind == 2:
            calls.append(SignedCall("GET", "/buckets", None, nonce))
        elif kind == 3:
            calls.append(SignedCall("GET", f"/buckets/{bucket}/files", None, nonce))
        elif kind == 4:
            path = f"/buckets/{bucket}/files/{hexid(40)}"
            calls.append(SignedCall("DELETE", path, None, nonce))
        else:
            body = {"name": f"renamed {i}", "pubkeys": ["02" + hexid(64)]}
            calls.append(SignedCall("PATCH", f"/buckets/{bucket}", body, nonce))
    return calls


class EcdsaKeyPair:
    """python-ecdsa behind the interface ``ECDSAAuth`` uses (``public_key_hex``, ``sign``)."""

    def __init__(self, private_key_hex: str) -> None:
        from ecdsa import SECP256k1, SigningKey

        self._key = SigningKey.from_string(bytes.fromhex(private_key_hex), curve=SECP256k1)
        self.verifying_key = self._key.get_verifying_key()
        self.public_key_hex: str = self.verifying_key.to_string("compressed").hex()

    def sign(self, message: bytes) -> str:
        from ecdsa.util import sigencode_der_canonize

        signature: bytes = self._key.sign_deterministic(
            message, hashfunc=hashlib.sha256, sigencode=sigencode_der_canonize
        )
        return signature.hex()

    def sign_high_s(self, message: bytes) -> str:
        """The same signature without low-S normalisation (as openssl or elliptic may send)."""
        from ecdsa.util import sigencode_der

        signature: bytes = self._key.sign_deterministic(
            message, hashfunc=hashlib.sha256, sigencode=sigencode_der
        )
        return signature.hex()

    def verify(self, signature_hex: str, message: bytes) -> bool:
        from ecdsa import BadSignatureError
        from ecdsa.util import sigdecode_der

        try:
            return bool(
                self.verifying_key.verify(
                    bytes.fromhex(signature_hex),
                    message,
                    hashfunc=hashlib.sha256,
                    sigdecode=sigdecode_der,
                )
            )
        except BadSignatureError:
            return False


def sign_operation(job: Job) -> Callable[[int], object]:
    """The timed operation of a signing way: ``op(i)`` handles message/request ``i``.

    Inputs (messages, requests, signatures to verify) are made here, untimed."""
    calls = signed_calls()
    messages = [call.message() for call in calls]
    if job.way.startswith("python-ecdsa"):
        ecdsa_key = EcdsaKeyPair(job.private_key_hex)
        if job.way.endswith("sign"):
            return lambda i: ecdsa_key.sign(messages[i])
        signatures = [ecdsa_key.sign(m) for m in messages]
        return lambda i: ecdsa_key.verify(signatures[i], messages[i]) or fail(i)
    if job.way.startswith("coincurve"):
        from cloudspec.metadisk import ECDSAKeyPair, verify_signature

        key_pair = ECDSAKeyPair.from_private_hex(job.private_key_hex)
        if job.way.endswith("sign"):
            return lambda i: key_pair.sign(messages[i])
        public = key_pair.public_key_hex
        signatures = [key_pair.sign(m) for m in messages]
        return lambda i: verify_signature(public, signatures[i], messages[i]) or fail(i)
    return request_operation(job, calls)


def request_operation(job: Job, calls: list[SignedCall]) -> Callable[[int], object]:
    """Build the ``httpx.Request`` of call ``i`` and, but for the bare way, run it through
    ``ECDSAAuth``'s sync flow up to the signed request it would send."""
    import httpx

    from cloudspec.metadisk import ECDSAAuth, ECDSAKeyPair

    auth: ECDSAAuth | None = None
    if job.way.endswith("coincurve"):
        auth = ECDSAAuth(ECDSAKeyPair.from_private_hex(job.private_key_hex))
    elif job.way.endswith("python-ecdsa"):
        auth = ECDSAAuth(cast(ECDSAKeyPair, EcdsaKeyPair(job.private_key_hex)))

    def op(i: int) -> httpx.Request:
        request = calls[i].request(httpx.Request)
        if auth is None:
            return request
        return next(auth.sync_auth_flow(request))

    return op


def fail(i: int) -> bool:
    raise RuntimeError(f"signature {i} did not verify")


def time_signing(job: Job) -> tuple[Callable[[], int], Callable[[], None]]:
    """(the timed loop, returning how many operations it ran; an untimed warm-up)."""
    op = sign_operation(job)

    def warmup() -> None:
        for i in range(SIGN_WARMUP):
            op(i % SIGN_MESSAGES)

    def run() -> int:
        done = 0
        start = time.perf_counter()
        while done == 0 or time.perf_counter() - start < SIGN_MIN_SECONDS:
            for i in range(SIGN_MESSAGES):
                op(i)
            done += SIGN_MESSAGES
        return done

    return run, warmup


def correctness_gate(private_key_hex: str) -> tuple[bool, str, list[str]]:
    """Both libraries on every message: the same signature bytes, each verified by the other
    library; python-ecdsa's high-S twins accepted by cloudspec; and every request signed by
    ``ECDSAAuth`` verified by python-ecdsa over the message rebuilt from the wire."""
    import httpx

    from cloudspec.metadisk import ECDSAAuth, ECDSAKeyPair, signing_message, verify_signature

    ours = ECDSAKeyPair.from_private_hex(private_key_hex)
    theirs = EcdsaKeyPair(private_key_hex)
    calls = signed_calls()
    messages = [call.message() for call in calls]
    n = len(messages)
    same = ours_by_theirs = theirs_by_ours = high_s = high_s_ok = wire_ok = 0
    for message in messages:
        a, b = ours.sign(message), theirs.sign(message)
        same += a == b
        ours_by_theirs += theirs.verify(a, message)
        theirs_by_ours += verify_signature(ours.public_key_hex, b, message)
        high = theirs.sign_high_s(message)
        if high != b:
            high_s += 1
            high_s_ok += verify_signature(ours.public_key_hex, high, message)
    nonces = iter(call.nonce for call in calls)
    auth = ECDSAAuth(ours, nonce=lambda: next(nonces))
    for call, message in zip(calls, messages, strict=True):
        signed = next(auth.sync_auth_flow(call.request(httpx.Request)))
        path = signed.url.raw_path.split(b"?", 1)[0].decode("ascii")
        payload = signed.content if call.body is not None else signed.url.query
        wire = signing_message(signed.method, path, payload)
        wire_ok += (
            wire == message
            and signed.headers["x-pubkey"] == theirs.public_key_hex
            and theirs.verify(signed.headers["x-signature"], wire)
        )
    ok = same == ours_by_theirs == theirs_by_ours == wire_ok == n and high_s_ok == high_s
    lines = [
        f"{same}/{n} signatures byte-identical (coincurve vs python-ecdsa, both RFC 6979 low-S)",
        f"{ours_by_theirs}/{n} cloudspec signatures verified by python-ecdsa",
        f"{theirs_by_ours}/{n} python-ecdsa signatures verified by cloudspec's verify_signature",
        f"{high_s_ok}/{high_s} python-ecdsa high-S signatures (sigencode_der) accepted by "
        "verify_signature",
        f"{wire_ok}/{n} requests signed by ECDSAAuth verified by python-ecdsa over the message "
        "rebuilt from the request as sent",
    ]
    checks = n * 4 + high_s
    passed = same + ours_by_theirs + theirs_by_ours + wire_ok + high_s_ok
    return ok, f"{passed}/{checks} checks", lines


# -- the transfer workloads --------------------------------------------------------------------


def expect(response: httpx.Response, *statuses: int) -> httpx.Response:
    if response.status_code not in statuses:
        response.read()
        raise RuntimeError(
            f"{response.request.method} {response.request.url}: HTTP {response.status_code} "
            f"{response.text[:300]}"
        )
    return response


def raw_client(job: Job) -> httpx.Client:
    import httpx

    return httpx.Client(base_url=job.base_url, timeout=httpx.Timeout(HTTP_TIMEOUT, connect=5.0))


def upload_httpx(job: Job) -> Callable[[], tuple[str, int]]:
    http = raw_client(job)

    def run() -> tuple[str, int]:
        headers = {"x-token": job.token, "x-filesize": str(job.size)}
        with http, open(job.path, "rb") as source:
            files = {"file": (job.name, source, "application/octet-stream")}
            response = http.put(f"/buckets/{job.bucket_id}/files", files=files, headers=headers)
            answer = expect(response, 200).json()
        return str(answer["hash"]), int(answer["size"])

    return run


def download_httpx(job: Job) -> Callable[[], tuple[str, int]]:
    """Raw httpx; ``httpx, hashing`` also feeds every chunk to a SHA-256 of its shard and one
    of the whole file, inline, as cloudspec does to check them (the hashes are not checked)."""
    http = raw_client(job)
    hashing = job.way == "httpx, hashing"

    def run() -> tuple[str, int]:
        whole = hashlib.sha256()
        url = f"/buckets/{job.bucket_id}/files/{job.file_hash}"
        with http, open(job.path, "wb") as out:
            pointers = expect(http.get(url, headers={"x-token": job.token}), 200).json()
            for pointer in pointers:
                # The farmer's channel is a ws:// URL; its HTTP data channel is on the same host.
                origin = "http" + str(pointer["channel"]).removeprefix("ws")
                shard = f"{origin}/shards/{pointer['hash']}"
                with http.stream("GET", shard, params={"token": pointer["token"]}) as response:
                    expect(response, 200)
                    if not hashing:
                        for chunk in response.iter_bytes():
                            out.write(chunk)
                        continue
                    shard_hash = hashlib.sha256()
                    for chunk in response.iter_bytes():
                        out.write(chunk)
                        shard_hash.update(chunk)
                        whole.update(chunk)
        return job.file_hash, job.size

    return run


def cloudspec_bucket(job: Job) -> Bucket:
    from cloudspec.metadisk import Bucket, ECDSAKeyPair

    key_pair = ECDSAKeyPair.from_private_hex(job.private_key_hex)
    return Bucket(job.bucket_id, key_pair, base_url=job.base_url, timeout=HTTP_TIMEOUT)


def upload_cloudspec(job: Job) -> Callable[[], tuple[str, int]]:
    bucket = cloudspec_bucket(job)

    def run() -> tuple[str, int]:
        with bucket:
            uploaded = bucket.files.upload(job.path, job.token, name=job.name)
        return str(uploaded.hash_), int(cast(int, uploaded.size))

    return run


def download_cloudspec(job: Job) -> Callable[[], tuple[str, int]]:
    bucket = cloudspec_bucket(job)

    def run() -> tuple[str, int]:
        with bucket:
            bucket.files.download(job.file_hash, job.path, job.token)
        return job.file_hash, job.size

    return run


PREPARE: Mapping[tuple[str, str], Callable[[Job], Callable[[], tuple[str, int]]]] = {
    ("upload", "httpx"): upload_httpx,
    ("upload", "cloudspec"): upload_cloudspec,
    ("download", "httpx"): download_httpx,
    ("download", "httpx, hashing"): download_httpx,
    ("download", "cloudspec"): download_cloudspec,
}


# -- the worker process ------------------------------------------------------------------------


def current_rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """This process's peak resident set: VmHWM (``ru_maxrss`` survives ``execve`` on Linux, so
    a worker would report at least its parent's peak)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * KiB
    raise RuntimeError("no VmHWM in /proc/self/status")


def cpu_seconds() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def worker_main() -> int:
    """Runs the job read from stdin; prints one JSON line of measurements on stdout."""
    job = Job(**json.loads(sys.stdin.read()))
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    # Everything is built (and imported) before the clock starts; a transfer's first request
    # still opens its connection inside the timed part.
    if job.op == "sign":
        loop, warmup = time_signing(job)
        warmup()
        transfer: Callable[[], tuple[str, int]] | None = None
    else:
        transfer = PREPARE[(job.op, job.way)](job)
    gc.collect()
    start_rss = current_rss()
    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    if transfer is None:
        operations, (file_hash, file_size) = loop(), ("", 0)
    else:
        operations, (file_hash, file_size) = 1, transfer()
    cpu1, wall1 = cpu_seconds(), time.perf_counter()
    sample = Sample(
        wall=wall1 - wall0,
        cpu=sum(cpu1) - sum(cpu0),
        system_cpu=cpu1[1] - cpu0[1],
        peak_rss=peak_rss_bytes(),
        start_rss=start_rss,
        operations=operations,
        file_hash=file_hash,
        file_size=file_size,
    )
    print(json.dumps(asdict(sample)))
    return 0


# -- the orchestrator --------------------------------------------------------------------------


def write_source(path: Path, size: int) -> tuple[str, str]:
    """Writes ``size`` bytes of incompressible, non-repeating data; returns their SHA-256 and
    bridge hash. One urandom MiB, rotated differently for each MiB and stamped with its index."""
    seed = os.urandom(MiB)
    sha256 = hashlib.sha256()
    with path.open("wb") as out:
        for index in range(-(-size // MiB)):
            shift = (index * 7919) % MiB
            block = bytearray(seed[shift:] + seed[:shift])
            block[:8] = index.to_bytes(8, "big")
            del block[size - index * MiB :]
            sha256.update(block)
            out.write(block)
    return sha256.hexdigest(), bridge_hash_of(sha256.hexdigest())


def bridge_hash_of(sha256_hex: str) -> str:
    """The bridge's file hash, computed here independently: RIPEMD-160 of the SHA-256 hex."""
    return hashlib.new("ripemd160", sha256_hex.encode("ascii")).hexdigest()


def file_sha256(path: Path) -> str:
    sha256 = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(8 * MiB):
            sha256.update(chunk)
    return sha256.hexdigest()


def session_cpu(session_id: int) -> float | None:
    """CPU seconds (user + system) of the live processes of a session: the emulator's."""
    ticks = 0
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return None
    for entry in entries:
        try:
            text = Path(f"/proc/{entry}/stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue  # exited meanwhile
        # After "pid (comm) ": state, ppid, pgrp, session, ... utime is field 14, stime 15.
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[3]) == session_id:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def busy_share(before: tuple[int, int]) -> tuple[float, tuple[int, int]]:
    """The share of all CPUs busy since ``before`` (busy, total ticks from /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:]]
    now = (sum(ticks) - ticks[3] - ticks[4], sum(ticks))
    return (now[0] - before[0]) / max(1, now[1] - before[1]), now


class Settler:
    """Before each transfer: sync, wait a little, then until the CPUs are otherwise idle and a
    CPU probe (SHA-256 of 4 MiB) runs at its idle speed for a few probes in a row.

    bench/box.py found on this kind of virtual machine that freeing a lot of memory slows
    every CPU down for seconds, and the machine is shared (other sessions run test suites).
    Shorter than box.py's waits: the files are a quarter the size, and the whole run must
    stay within minutes."""

    MIN_WAIT = 1.0
    QUIET_PROBES = 4
    INTERVAL = 0.2
    SLACK = 1.25
    MAX_BUSY = 0.15
    TIMEOUT = 5.0  # then measure anyway (and say so): the run must end in minutes

    def __init__(self) -> None:
        self._buffer = os.urandom(4 * MiB)
        self.fastest = min(self._probe() for _ in range(20))
        self.waits: list[float] = []
        self.unsettled = 0

    def _probe(self) -> float:
        start = time.perf_counter()
        hashlib.sha256(self._buffer).digest()
        return time.perf_counter() - start

    def wait(self) -> None:
        start = time.perf_counter()
        os.sync()
        time.sleep(self.MIN_WAIT)
        quiet = 0
        _, ticks = busy_share((0, 0))
        while quiet < self.QUIET_PROBES:
            if time.perf_counter() - start > self.TIMEOUT:
                self.unsettled += 1
                log.warning("the machine did not settle in %.0f s; measuring anyway", self.TIMEOUT)
                break
            took = self._probe()
            time.sleep(self.INTERVAL)
            busy, ticks = busy_share(ticks)
            self.fastest = min(self.fastest, took)
            fast = took <= self.fastest * self.SLACK
            quiet = quiet + 1 if fast and busy <= self.MAX_BUSY else 0
        self.waits.append(time.perf_counter() - start)


def run_worker(job: Job) -> Sample:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker"],
        input=json.dumps(asdict(job)),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{job.op} by {job.way} failed (exit {done.returncode}):\n{done.stderr[-4000:]}"
        )
    return Sample(**json.loads(done.stdout.strip().splitlines()[-1]))


@dataclass
class Emulator:
    base_url: str
    pid: int
    http: httpx.Client
    bucket: Bucket
    private_key_hex: str

    def job(self, op: str, way: str, path: Path, size: int, **kwargs: Any) -> Job:
        return Job(
            op=op,
            way=way,
            private_key_hex=self.private_key_hex,
            base_url=self.base_url,
            bucket_id=self.bucket.id,
            path=str(path),
            size=size,
            **kwargs,
        )

    def requests(self) -> int | None:
        count = expect(self.http.get("/_emulator/stats"), 200).json().get("requests")
        return count if isinstance(count, int) else None


@contextmanager
def emulator(storage: Path, private_key_hex: str) -> Iterator[Emulator]:
    import httpx

    from cloudspec.emulators.launcher import serve
    from cloudspec.metadisk import Bucket, Buckets, ECDSAKeyPair

    key_pair = ECDSAKeyPair.from_private_hex(private_key_hex)
    seed = {"users": [{"email": EMAIL, "password": PASSWORD, "pubkeys": [key_pair.public_key_hex]}]}
    settings = {"storage_dir": str(storage), "token_ttl": TOKEN_TTL, "shard_size": SHARD_SIZE}
    with (
        serve("metadisk", seed=seed, settings=settings) as (urls, process),
        httpx.Client(base_url=urls.base_url, timeout=HTTP_TIMEOUT) as http,
        Buckets(key_pair, base_url=urls.base_url) as buckets,
    ):
        created = buckets.create("bench", storage=BUCKET_GB, transfer=BUCKET_GB)
        with Bucket(created.id, key_pair, base_url=urls.base_url) as bucket:
            yield Emulator(urls.base_url, process.pid, http, bucket, private_key_hex)


@dataclass
class Bench:
    server: Emulator
    scratch: Path
    settler: Settler

    def transfer(self, job: Job) -> Sample:
        """Runs ``job`` in a fresh interpreter with a fresh token (minted untimed); adds the
        emulator's CPU and request count to its sample."""
        token = self.server.bucket.files.token("PUSH" if job.op == "upload" else "PULL").token
        expect(self.server.http.post("/_emulator/reset_stats"), 204)
        gc.collect()
        self.settler.wait()
        cpu0 = session_cpu(self.server.pid)
        sample = run_worker(Job(**{**asdict(job), "token": token}))
        cpu1 = session_cpu(self.server.pid)
        sample.requests = self.server.requests()  # control endpoints are not counted
        if cpu0 is not None and cpu1 is not None:
            sample.server_cpu = cpu1 - cpu0
        return sample

    def upload(self, way: str, source: Path, size: int, bridge_hash: str, name: str) -> Sample:
        sample = self.transfer(self.server.job("upload", way, source, size, name=name))
        listed = {f.hash_: f.size for f in self.server.bucket.files.list()}
        if (sample.file_hash, sample.file_size) != (bridge_hash, size) or listed.get(
            bridge_hash
        ) != size:
            raise RuntimeError(
                f"upload by {way}: answered {sample.file_hash} ({sample.file_size} bytes), "
                f"listed {listed}; the source is {bridge_hash} ({size} bytes)"
            )
        return sample

    def download(self, way: str, file_hash: str, dest: Path, size: int, sha256: str) -> Sample:
        """The downloaded file is checked, then deleted."""
        sample = self.transfer(self.server.job("download", way, dest, size, file_hash=file_hash))
        got = file_sha256(dest)
        if got != sha256 or dest.stat().st_size != size:
            raise RuntimeError(f"download by {way}: sha256 {got}, expected {sha256}")
        dest.unlink()  # now, before the next transfer: see run_transfers
        return sample


def rotated(items: Sequence[str], by: int) -> list[str]:
    k = by % len(items)
    return [*items[k:], *items[:k]]


def run_signing(private_key_hex: str, repeats: int, settler: Settler) -> dict[str, Summary]:
    """``repeats`` rounds of every signing way, their order rotated; the machine settles
    before each round (a round takes seconds)."""
    results = {way: Summary(way, "sign") for way in SIGN_WAYS}
    for run in range(repeats):
        settler.wait()
        for way in rotated(SIGN_WAYS, run):
            sample = run_worker(Job(op="sign", way=way, private_key_hex=private_key_hex))
            results[way].samples.append(sample)
            log.info(
                "run %d %-30s %8.1f µs CPU/op %8.1f µs wall/op",
                *(run + 1, way, sample.cpu_per_op * 1e6, sample.per_op * 1e6),
            )
    return results


def log_transfer(run: int, op: str, way: str, size: int, s: Sample) -> None:
    log.info(
        "run %d %-8s %-14s %7.1f MiB/s %6.2fs wall %6.2fs cpu %6.1f MiB peak RSS "
        "(server %.2fs cpu, %s requests)",
        *(run, op, way, size / MiB / s.wall, s.wall, s.cpu),
        *(s.peak_rss / MiB, s.server_cpu or 0.0, s.requests),
    )


def run_transfers(bench: Bench, size: int, repeats: int) -> dict[str, dict[str, Summary]]:
    """``repeats`` rounds: every way uploads the file, then every way downloads it, in an
    order rotated from round to round.

    Each download is deleted as soon as it is checked. On the virtual machine this was written
    on, a download that wrote its 256 MiB into page-cache pages the guest had not used lately
    cost up to 3x the CPU (system time: the host faulting the pages in) of one that reused
    pages just freed: deleting a round's downloads at its end (as bench/box.py does) made the
    first download of each round fast and the others slow, whichever way they were (per-round
    ratios from 0.3x to 1.3x). Deleting each download before the next one starts gives every
    download the same, just-freed pages, and runs that agree."""
    source = bench.scratch / f"source-{size}.bin"
    log.info("writing %d MiB of test data to %s", size // MiB, source)
    sha256, bridge_hash = write_source(source, size)
    results = {op: {way: Summary(way, op, size) for way in WAYS[op]} for op in OPS}
    try:
        for run in range(repeats):
            for op in OPS:
                for way in rotated(WAYS[op], run):
                    if op == "upload":
                        name = f"bench-{run}.bin"
                        sample = bench.upload(way, source, size, bridge_hash, name)
                    else:
                        dest = bench.scratch / "download.bin"
                        sample = bench.download(way, bridge_hash, dest, size, sha256)
                    results[op][way].samples.append(sample)
                    log_transfer(run + 1, op, way, size, sample)
    finally:
        source.unlink(missing_ok=True)
    return results


def run_big(bench: Bench, size: int) -> dict[str, Summary]:
    """cloudspec alone on a bigger file, once: its peak RSS must not grow with the file."""
    source = bench.scratch / f"source-{size}.bin"
    log.info("writing %d MiB of test data to %s", size // MiB, source)
    sha256, bridge_hash = write_source(source, size)
    big = {op: Summary("cloudspec", op, size) for op in OPS}
    dest = bench.scratch / "download-big.bin"
    try:
        sample = bench.upload("cloudspec", source, size, bridge_hash, "bench-big.bin")
        big["upload"].samples.append(sample)
        log_transfer(1, "upload", "cloudspec", size, sample)
        sample = bench.download("cloudspec", bridge_hash, dest, size, sha256)
        big["download"].samples.append(sample)
        log_transfer(1, "download", "cloudspec", size, sample)
    finally:
        source.unlink(missing_ok=True)
    return big


# -- the report --------------------------------------------------------------------------------


def ratio(s: Summary, ref: Summary, value: Callable[[Sample], float]) -> float:
    """Median over runs of ``value`` of this way over the reference's, in the same run."""
    pairs = zip(s.samples, ref.samples, strict=True)
    return statistics.median(value(x) / value(r) for x, r in pairs)


def speedup(s: Summary, ref: Summary) -> float:
    """How many times cheaper ``s`` is than ``ref``: per-round ratios of CPU per operation."""
    return ratio(s, ref, lambda x: 1 / x.cpu_per_op)


def mib(value: float) -> str:
    return f"{value / MiB:.0f}"


def size_label(size: int) -> str:
    return f"{size // 2**30} GiB" if size % 2**30 == 0 else f"{size // MiB} MiB"


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def sign_table(results: dict[str, Summary]) -> list[str]:
    peers = {way: peer for way, peer in SIGN_PAIRS}
    lines = [
        "| way | runs, CPU µs per operation | median CPU µs | per second of CPU "
        "| median wall µs | speed vs its python-ecdsa peer (CPU) |",
        "|---|---|---|---|---|---|",
    ]
    for s in results.values():
        runs = " / ".join(f"{x.cpu_per_op * 1e6:.1f}" for x in s.samples)
        peer = peers.get(s.way)
        versus = f"{speedup(s, results[peer]):.1f}x" if peer else "-"
        lines.append(
            f"| {s.way} | {runs} | {s.cpu_per_op * 1e6:.1f} | {1 / s.cpu_per_op:,.0f} "
            f"| {s.per_op * 1e6:.1f} | {versus} |"
        )
    return lines


def way_table(summaries: dict[str, Summary]) -> list[str]:
    raw = summaries["httpx"]
    header = (
        "| client | runs, MiB/s | median wall (s) | median MiB/s | HTTP requests "
        "| runs, CPU (s) | median CPU (s) | of which system (s) | throughput vs httpx "
        "| CPU vs httpx | emulator CPU (s) | peak RSS (MiB) | RSS before the transfer (MiB) |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for s in summaries.values():
        speeds = " / ".join(f"{s.size / MiB / x.wall:.0f}" for x in s.samples)
        cpus = " / ".join(f"{x.cpu:.2f}" for x in s.samples)
        requests = "-" if s.requests is None else str(s.requests)
        lines.append(
            f"| {s.way} | {speeds} | {s.wall:.2f} | {s.throughput:.0f} | {requests} "
            f"| {cpus} | {s.cpu:.2f} | {s.system_cpu:.2f} "
            f"| {ratio(s, raw, lambda x: 1 / x.wall):.3f}x | {ratio(s, raw, lambda x: x.cpu):.3f}x "
            f"| {seconds(s.server_cpu)} | {mib(s.peak_rss)} | {mib(s.start_rss)} |"
        )
    return lines


def big_table(results: dict[str, dict[str, Summary]], big: dict[str, Summary]) -> list[str]:
    lines = [
        "| operation | file | wall (s) | MiB/s | CPU (s) | emulator CPU (s) | HTTP requests "
        "| peak RSS (MiB) | RSS before the transfer (MiB) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for op in OPS:
        for s in (results[op]["cloudspec"], big[op]):
            lines.append(
                f"| cloudspec {op} | {size_label(s.size)} | {s.wall:.2f} | {s.throughput:.0f} "
                f"| {s.cpu:.2f} | {seconds(s.server_cpu)} | {s.requests} "
                f"| {mib(s.peak_rss)} | {mib(s.start_rss)} |"
            )
    return lines


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    ok: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return "-" if self.ok is None else "PASS" if self.ok else "FAIL"


def targets(
    gate: bool,
    gate_summary: str,
    signing: dict[str, Summary],
    results: dict[str, dict[str, Summary]],
    big: dict[str, Summary] | None,
) -> list[Target]:
    found = [
        Target("correctness gate: signatures identical and cross-verified", gate_summary, gate)
    ]
    names = {
        "coincurve sign": "signing: ECDSAKeyPair.sign",
        "ECDSAAuth flow, coincurve": "signed request: the whole ECDSAAuth flow",
        "coincurve verify": "verifying: verify_signature",
    }
    for way, peer in SIGN_PAIRS:
        s, ref = signing[way], signing[peer]
        x = speedup(s, ref)
        found.append(
            Target(
                f"{names[way]} >= {SIGN_TARGET:.0f}x faster than python-ecdsa",
                f"{x:.1f}x ({s.cpu_per_op * 1e6:.1f} vs {ref.cpu_per_op * 1e6:.1f} µs of CPU)",
                x >= SIGN_TARGET,
            )
        )
    for op, goal in (("upload", UPLOAD_TARGET), ("download", DOWNLOAD_TARGET)):
        s, raw = results[op]["cloudspec"], results[op]["httpx"]
        x = ratio(s, raw, lambda v: 1 / v.wall)
        found.append(
            Target(
                f"{op} {size_label(s.size)}: cloudspec >= {goal}x raw httpx's throughput",
                f"{x:.3f}x ({s.throughput:.0f} vs {raw.throughput:.0f} MiB/s)",
                x >= goal,
            )
        )
    s, hashing = results["download"]["cloudspec"], results["download"]["httpx, hashing"]
    x = ratio(s, hashing, lambda v: 1 / v.wall)
    found.append(
        Target(
            f"download {size_label(s.size)}: cloudspec >= {HASHED_DOWNLOAD_TARGET}x raw httpx "
            "hashing as it does (the client's cost apart from verifying)",
            f"{x:.3f}x ({s.throughput:.0f} vs {hashing.throughput:.0f} MiB/s)",
            x >= HASHED_DOWNLOAD_TARGET,
        )
    )
    for op in OPS:
        small = results[op]["cloudspec"]
        name = (
            f"{op}: cloudspec peak RSS flat in file size (grows < {mib(RSS_GROWTH_TARGET)} MiB "
            "from the benchmark's file to the big one)"
        )
        if big is None:
            found.append(Target(name, "not run", None))
            continue
        growth = big[op].peak_rss - small.peak_rss
        found.append(
            Target(
                name,
                f"{mib(small.peak_rss)} MiB at {size_label(small.size)}, {mib(big[op].peak_rss)} "
                f"MiB at {size_label(big[op].size)} ({growth / MiB:+.1f} MiB)",
                growth < RSS_GROWTH_TARGET,
            )
        )
    return found


def target_table(found: list[Target]) -> list[str]:
    lines = ["| target | measured | result |", "|---|---|---|"]
    for t in found:
        result = "-" if t.ok is None else f"**{t.verdict}**"
        lines.append(f"| {t.name} | {t.measured or '-'} | {result} |")
    return lines


def source_revision() -> str:
    """The repository's commit, and whether the client's sources differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=BENCH_DIR.parent, capture_output=True, text=True, check=True
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


@dataclass
class Report:
    command: str
    started: dt.datetime
    elapsed: float
    revision: str
    load: str
    repeats: int
    settler: Settler
    gate_lines: list[str]
    signing: dict[str, Summary]
    results: dict[str, dict[str, Summary]]
    big: dict[str, Summary] | None
    found: list[Target]

    def render(self) -> str:
        size = size_label(self.results["upload"]["httpx"].size)
        message_sizes = [len(call.message()) for call in signed_calls()]
        lengths = f"{min(message_sizes)} to {max(message_sizes)}"
        waits = self.settler.waits or [0.0]
        unsettled = (
            f"; {self.settler.unsettled} measurement(s) made although the machine had not "
            f"settled within {self.settler.TIMEOUT:.0f} s"
            if self.settler.unsettled
            else ""
        )
        out = [
            SECTION,
            "",
            f"Generated by `bench/metadisk.py` on {self.started:%Y-%m-%d %H:%M} UTC in "
            f"{self.elapsed:.0f} s.",
            "",
            f"Command: `{self.command}`",
            "",
            "### Environment",
            "",
            f"- Python {platform.python_version()} ({platform.python_implementation()}), "
            f"{platform.platform()}",
            f"- CPUs: {os.cpu_count()}; load average at the start: {self.load}",
            f"- httpx {version('httpx')}, coincurve {version('coincurve')}, ecdsa "
            f"{version('ecdsa')} (python-ecdsa, pure Python: gmpy2 "
            f"{'installed' if version('gmpy2') != 'not installed' else 'not installed'}), "
            f"cloudspec {version('cloudspec')} ({self.revision})",
            "- The Metadisk emulator (`cloudspec.emulators.run('metadisk')`) on the same host, in "
            f"its own process: shards of {SHARD_SIZE // MiB} MiB as on the bridge; file contents "
            "on disk in the run's scratch directory (`bench/.runs/`, removed at the end); one "
            f"bucket created with storage and transfer limits of {BUCKET_GB:,} GB",
            "",
            "### Method",
            "",
            "- Every measurement runs in a fresh Python subprocess that imports only its own "
            f"library. {self.repeats} round(s); the ways of a round run one after the other, "
            "their order rotated from round to round; medians are reported, and every ratio is "
            "the median of the per-round ratios (the ways of a round run back to back, so the "
            "machine's drift cancels out).",
            f"- Signing: {SIGN_MESSAGES} messages, the same in every worker: `METHOD\\nPATH\\n"
            "PAYLOAD` of realistic bridge requests (token and bucket creation, bucket renames "
            "with a JSON body; listings and deletes, whose query is the `__nonce`), each with "
            f"its `__nonce`, {lengths} bytes. A worker runs {SIGN_WARMUP} untimed operations "
            "(python-ecdsa "
            "builds its precomputed tables then), then passes over all the messages until "
            f"{SIGN_MIN_SECONDS} s have gone by. The cost of an operation is the worker's CPU "
            "time (user + system) over the operations: the machine is shared, and other "
            "programs' bursts lengthen the wall time (shown too) but not the CPU time; garbage "
            "collection stays on, as in use. python-ecdsa: `SigningKey."
            "from_string(key, curve=SECP256k1).sign_deterministic(message, hashfunc=sha256, "
            "sigencode=sigencode_der_canonize)` and `VerifyingKey.verify(der, message, "
            "hashfunc=sha256, sigdecode=sigdecode_der)` (its public key parsed once); coincurve: "
            "cloudspec's `ECDSAKeyPair.sign(message)` (hex DER) and `verify_signature(pubkey_hex, "
            "signature_hex, message)` (which parses the public key and the DER, normalising "
            "high-S, on every call). `ECDSAAuth flow`: `httpx.Request(method, url, json=body)` "
            "(or no body) then `next(auth.sync_auth_flow(request))`: the body parsed, given "
            "its `__nonce`, serialised, signed and a new request built (for a query: the URL "
            "rebuilt); `python-ecdsa` puts python-ecdsa's signer behind the same flow. "
            "`httpx.Request alone` builds the unsigned request: the flow's own cost is the "
            "difference.",
            "- Transfers: tokens are minted by the benchmark before each transfer (untimed), so "
            "both ways send the same requests: upload, one multipart `PUT /buckets/{id}/files` "
            "(`x-token`, `x-filesize`, the file streamed from disk by httpx in 64 KiB reads); "
            "download, `GET /buckets/{id}/files/{hash}` with the PULL token for the pointers, "
            f"then each {SHARD_SIZE // MiB} MiB shard `GET /shards/{{hash}}?token=` streamed "
            "into the file. cloudspec: `Bucket(id, key_pair, base_url=..., timeout=300)` and "
            "`files.upload(path, token, name=...)` (which hashes the file while it reads, "
            "RIPEMD-160 of SHA-256, and checks the bridge's answer) and "
            "`files.download(hash, dest, token)` (a temporary file next to `dest`; each shard "
            "and the whole file hashed and checked; then renamed; `iter_bytes(65536)`). "
            "httpx, the ceiling: one `httpx.Client`; the upload's `files=` field from the open "
            "file; the download writes each shard's chunks as they come (`iter_bytes()`); it "
            "neither hashes nor checks. `httpx, hashing` (downloads): the same, also feeding "
            "every chunk to a SHA-256 of its shard and one of the whole file, as cloudspec does "
            "(without checking them): the verification's cost. The test file is random data "
            "(no two MiB alike), read "
            "from the page cache.",
            "- Timed: the transfer only (`time.perf_counter()`); the client is built before. "
            "CPU: user + system time of the client process, all its threads "
            "(`getrusage(RUSAGE_SELF)`). Peak RSS: the client process's `VmHWM` at its end "
            "(absolute: interpreter and imports included; its resident set just before the "
            "transfer beside it), the worst of its runs. Emulator CPU: user + system time of "
            "the emulator's processes over the transfer. HTTP requests: as counted by the "
            "emulator.",
            "- Before each transfer (and each round of signing) the benchmark syncs, waits "
            f"{self.settler.MIN_WAIT:.0f} s, then waits until the machine's CPUs are otherwise "
            "idle and a CPU probe runs at its idle speed (see bench/box.py: freeing memory "
            "slows this virtual machine down for seconds; and the machine is shared: other "
            "programs' test runs come and go), at "
            f"most {self.settler.TIMEOUT:.0f} s (waits: median "
            f"{statistics.median(waits):.1f} s, longest {max(waits):.1f} s{unsettled}).",
            "- Each download is deleted as soon as it is checked, before the next transfer. "
            "Here, a download writing its file into page-cache pages the guest had not used "
            "lately cost up to 3x the CPU (system time: the host faulting the pages in) of one "
            "reusing pages just freed; with a round's downloads deleted at its end (as "
            "bench/box.py does), the first download of each round was fast and the others "
            "slow, whichever way they were, and per-round ratios ranged from 0.3x to 1.3x. "
            "Deleting each download first gives every download the same, just-freed pages.",
            "- Every upload is checked: the hash and size of the emulator's answer and of "
            "its file listing equal the source's bridge hash (RIPEMD-160 of its SHA-256, "
            "computed here with hashlib) and size. Every download is checked: the file's "
            "SHA-256 equals the source's. The checks are untimed, done by the benchmark process.",
            "",
            "### Correctness gate",
            "",
            *(f"- {line}" for line in self.gate_lines),
            "",
            "### Targets",
            "",
            *target_table(self.found),
            "",
            "### Signing, per request",
            "",
            *sign_table(self.signing),
            "",
            f"### Upload {size}",
            "",
            *way_table(self.results["upload"]),
            "",
            f"### Download {size}",
            "",
            *way_table(self.results["download"]),
            "",
        ]
        if self.big:
            out += [
                "### cloudspec's memory and the file's size",
                "",
                f"The {size} rows are the medians above (peak RSS: the worst run); the "
                f"{size_label(self.big['upload'].size)} rows one run each (only their peak RSS "
                "is the point: the big download writes mostly into page-cache pages not used "
                "lately, so its throughput is not comparable, see above).",
                "",
                *big_table(self.results, self.big),
                "",
            ]
        return "\n".join(out)


def splice(document: str, section: str) -> str:
    """``document`` with its ``## Metadisk`` section replaced by ``section`` (appended if
    none); the other benchmarks write the rest of the file."""
    lines = document.splitlines()
    try:
        start = lines.index(SECTION)
    except ValueError:
        return document.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")),
        len(lines),
    )
    parts = ["\n".join(lines[:start]).rstrip("\n"), section.rstrip("\n")]
    parts.append("\n".join(lines[end:]).rstrip("\n"))
    return "\n\n".join(p for p in parts if p) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="64 MiB, one round, no big file")
    parser.add_argument("--size", type=int, help="file size in MiB (default 256, 64 quick)")
    parser.add_argument("--repeats", type=int, help="rounds (default 5, 1 with --quick)")
    parser.add_argument("--big-size", type=int, default=1024, help="MiB of the memory pass")
    parser.add_argument("--skip-big", action="store_true", help="no big-file pass")
    parser.add_argument(
        "--output",
        type=Path,
        default=BENCH_DIR / "RESULTS.md",
        help="the report whose '## Metadisk' section is (re)written (default bench/RESULTS.md)",
    )
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main()
    size = (args.size or (64 if args.quick else 256)) * MiB
    repeats = args.repeats or (1 if args.quick else 5)
    skip_big = args.skip_big or args.quick

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from cloudspec.metadisk import ECDSAKeyPair

    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    revision = source_revision()
    load = " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])
    private_key_hex = ECDSAKeyPair.generate().private_key_hex

    gate, gate_summary, gate_lines = correctness_gate(private_key_hex)
    for line in gate_lines:
        log.info("gate: %s", line)
    if not gate:
        log.error("the correctness gate FAILED: the signing figures compare unequal signers")
    settler = Settler()
    signing = run_signing(private_key_hex, repeats, settler)

    RUNS_DIR.mkdir(exist_ok=True)
    scratch = RUNS_DIR / f"metadisk-{started:%Y%m%d-%H%M%S}-{os.getpid()}"
    scratch.mkdir()
    try:
        storage = scratch / "storage"
        storage.mkdir()
        with emulator(storage, private_key_hex) as server:
            bench = Bench(server, scratch, settler)
            results = run_transfers(bench, size, repeats)
            big = None if skip_big else run_big(bench, args.big_size * MiB)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    found = targets(gate, gate_summary, signing, results, big)
    report = Report(
        command=" ".join([".venv/bin/python", "bench/metadisk.py", *sys.argv[1:]]),
        started=started,
        elapsed=time.perf_counter() - clock,
        revision=revision,
        load=load,
        repeats=repeats,
        settler=settler,
        gate_lines=gate_lines,
        signing=signing,
        results=results,
        big=big,
        found=found,
    )
    text = report.render()
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
