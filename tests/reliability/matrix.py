"""The fault matrix: every long or state-changing operation of every client, under every fault.

A matrix module (``test_matrix_<client>.py``) describes its operations as :class:`Operation`
values and lets this module run them::

    KNOWN = {("upload_small", "drop_response_at_0"): "why it fails, where the defect is"}
    CASES = matrix.cases("box", ["create_folder", "upload_small"], known=KNOWN)

    @pytest.fixture(scope="module")
    def matrix_log() -> Iterator[matrix.MatrixLog]:
        log = matrix.MatrixLog("box", known=KNOWN)
        yield log
        log.record()                       # build/reliability/matrix-box.json

    @pytest.mark.parametrize(("operation", "scenario"), CASES)
    def test_box_matrix(operation, scenario, box_operations, matrix_log, tmp_path):
        run = matrix.execute(box_operations[operation], scenario, tmp_path)
        matrix_log.add(run)
        matrix.check(run)

One run (:func:`execute`): ``prepare`` sets the scene directly on the server; the operation runs
through fault proxies (one per host it uses, see ``proxy.FaultProxies``) armed with the
scenario's fault; ``verify`` then checks the remote state DIRECTLY (never through the proxy) and
the local files byte for byte. The run ends as exactly one :class:`Outcome`:

* ``SUCCESS``: the operation returned and ``verify`` finds exactly ``expected`` resulting
  objects, intact;
* ``TYPED_ERROR``: it raised one of ``typed`` (``CloudspecError`` by default) AND the remote
  state is unchanged or cleanly resumable: right after the error ``verify`` finds at most
  ``expected`` objects, all intact; the proxy is disarmed, ``resume`` (default: ``run``) runs
  again, and ``verify`` then finds exactly ``expected``, intact;
* ``UNEXPECTED``: anything else (an untyped exception, a failing check, a resume that fails).

Whatever the outcome, a verdict that is not intact counts as data lost or corrupted, and
objects beyond ``expected`` count as duplicates.

``FULL`` (``make chaos``) runs every operation under every scenario; otherwise :func:`cases`
takes a seeded sample: ``pass`` plus ``per_operation`` scenarios for each operation, dealt so
that together the operations of a client cover every scenario when they can.
"""

from __future__ import annotations

import enum
import itertools
import random
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

from cloudspec.core.errors import CloudspecError
from tests.reliability.figures import FULL, record
from tests.reliability.proxy import PASS, SCENARIOS, Fault, FaultProxies

__all__ = [
    "SAMPLE_SEED",
    "MatrixLog",
    "Operation",
    "Outcome",
    "Run",
    "RunContext",
    "Verdict",
    "cases",
    "check",
    "execute",
    "figures_for",
]

SAMPLE_SEED = 7
"""The seed of the CI sample: fixed, so CI runs the same cases every time."""


class Outcome(enum.Enum):
    SUCCESS = "success"
    TYPED_ERROR = "typed error"
    UNEXPECTED = "unexpected"


@attrs.frozen
class Verdict:
    """What ``verify`` found on the server and on disk.

    ``objects``: how many remote (or local) objects carry the operation's result: 0 when it has
    not happened (a record not created, an update not applied, a file not downloaded), 1 when
    it has, more when it happened twice (duplicates). ``intact``: False when any byte the
    operation touched, or should have left alone, is wrong or missing (data lost or
    corrupted). ``detail``: what was found, for the failure message.
    """

    objects: int
    intact: bool = True
    detail: str = ""


@attrs.define
class RunContext:
    """What one run's callables share.

    ``urls``: the client's host URLs (through the proxies); ``direct``: the servers' own URLs,
    for ``prepare`` and ``verify``; ``workdir``: an empty directory of this run's own; ``key``:
    unique per run (use it in names, so runs never see each other's objects); ``attempt``: 1
    for the run under faults, 2 for the resume; ``scratch``: anything ``prepare`` or ``run``
    leaves for the later steps.
    """

    urls: Mapping[str, str]
    direct: Mapping[str, str]
    workdir: Path
    key: str
    attempt: int = 1
    scratch: dict[str, Any] = attrs.Factory(dict)


@attrs.frozen(kw_only=True)
class Operation:
    """One operation of one client, as the matrix runs it.

    ``urls``: the service's hosts (``ServerURLs.urls``); ``hosts``: the ones the operation uses,
    each put behind a proxy (None: all). ``run`` must build its client from ``ctx.urls`` (a
    fresh client per call, with a short timeout and quick retries) and return when the
    operation is done. ``verify`` must reach the server through ``ctx.direct`` only.
    """

    client: str
    name: str
    urls: Mapping[str, str]
    run: Callable[[RunContext], object]
    verify: Callable[[RunContext], Verdict]
    prepare: Callable[[RunContext], None] | None = None
    resume: Callable[[RunContext], object] | None = None
    hosts: Sequence[str] | None = None
    typed: tuple[type[BaseException], ...] = (CloudspecError,)
    expected: int = 1


@attrs.frozen
class Run:
    """One operation under one scenario, and how it ended."""

    client: str
    operation: str
    scenario: str
    outcome: Outcome
    lost: int = 0
    duplicates: int = 0
    error: str | None = None
    detail: str = ""
    faults_applied: int = 0
    harness_errors: tuple[str, ...] = ()

    @property
    def case(self) -> str:
        return f"{self.client}/{self.operation}/{self.scenario}"


def execute(
    operation: Operation,
    scenario: str,
    workdir: Path,
    *,
    fault: Fault | None = None,
) -> Run:
    """Run ``operation`` under ``SCENARIOS[scenario]`` (or ``fault``) and classify the end."""
    armed = SCENARIOS[scenario] if fault is None else fault
    workdir.mkdir(parents=True, exist_ok=True)
    ctx = RunContext(
        urls=operation.urls,
        direct=operation.urls,
        workdir=workdir,
        key=f"{operation.name}-{scenario}-{random.randrange(16**8):08x}".replace("_", "-"),
    )
    if operation.prepare is not None:
        operation.prepare(ctx)
    verdicts: list[Verdict] = []
    notes: list[str] = []
    error: BaseException | None = None
    with FaultProxies(operation.urls, armed, hosts=operation.hosts) as proxies:
        ctx.urls = proxies.urls
        try:
            operation.run(ctx)
        except Exception as exc:
            error = exc
        faults = proxies.stats.faults
        proxies.arm(PASS)
        first = _verify(operation, ctx, notes)
        verdicts.append(first)
        if error is None:
            ok = first.objects == operation.expected and first.intact
            outcome = Outcome.SUCCESS if ok else Outcome.UNEXPECTED
            if not ok:
                notes.append(f"returned, but found {_show(first)}")
        elif not isinstance(error, operation.typed):
            outcome = Outcome.UNEXPECTED
            notes.append("untyped: " + _trace(error))
        else:
            outcome = Outcome.TYPED_ERROR
            if first.objects > operation.expected or not first.intact:
                outcome = Outcome.UNEXPECTED
                notes.append(f"after the error found {_show(first)}")
            ctx.attempt = 2
            try:
                (operation.resume or operation.run)(ctx)
            except Exception as exc:
                outcome = Outcome.UNEXPECTED
                notes.append("resume failed: " + _trace(exc))
            second = _verify(operation, ctx, notes)
            verdicts.append(second)
            if second.objects != operation.expected or not second.intact:
                outcome = Outcome.UNEXPECTED
                notes.append(f"after the resume found {_show(second)}")
        harness = tuple(e for proxy in proxies.proxies.values() for e in proxy.errors)
    return Run(
        client=operation.client,
        operation=operation.name,
        scenario=scenario,
        outcome=outcome,
        lost=int(any(not v.intact for v in verdicts)),
        duplicates=max((max(v.objects - operation.expected, 0) for v in verdicts), default=0),
        error=None if error is None else f"{type(error).__name__}: {_short(str(error))}",
        detail="; ".join(notes),
        faults_applied=faults,
        harness_errors=harness,
    )


def check(run: Run) -> None:
    """Fail the test unless the run ended in SUCCESS or TYPED_ERROR with nothing lost or doubled."""
    assert not run.harness_errors, f"{run.case}: the fault proxy failed: {run.harness_errors}"
    assert run.outcome is not Outcome.UNEXPECTED and run.lost == 0 and run.duplicates == 0, (
        f"{run.case}: {run.outcome.value}, lost={run.lost}, duplicates={run.duplicates}, "
        f"error={run.error}; {run.detail}"
    )


def cases(
    client: str,
    operations: Sequence[str],
    *,
    known: Mapping[tuple[str, str], str] | None = None,
    always: Iterable[tuple[str, str]] = (),
    scenarios: Iterable[str] = SCENARIOS,
    per_operation: int = 4,
    full: bool = FULL,
    seed: int = SAMPLE_SEED,
) -> list[Any]:
    """``pytest.param(operation, scenario)`` for every case to run, ids ``operation-scenario``.

    ``known`` maps ``(operation, scenario)`` to the reason of a known client defect that is
    not fixed here: that case is a strict xfail (it must keep failing, or the entry must go),
    and it is always run, sampled or not. ``always`` names more cases the sample must hold
    (the regression cases of defects the matrix found and that were fixed).
    """
    names = list(scenarios)
    known = dict(known or {})
    always = list(always)
    for op, sc in [*known, *always]:
        # A typo here would silently drop a known defect or a regression case.
        if op not in operations or sc not in names:
            raise ValueError(f"{client}: no case {op}/{sc} in this matrix")
    chosen: list[tuple[str, str]]
    if full:
        chosen = [(op, sc) for op in operations for sc in names]
    else:
        others = [sc for sc in names if sc != "pass"]
        rng = random.Random(f"{seed}:{client}")
        rng.shuffle(others)
        deal = itertools.cycle(others)
        chosen = []
        for op in operations:
            picked = ["pass"] if "pass" in names else []
            while len(picked) < min(per_operation + 1, len(names)):
                scenario = next(deal)
                if scenario not in picked:
                    picked.append(scenario)
            chosen.extend((op, sc) for sc in picked)
        for pair in [*always, *known]:
            if pair not in chosen:
                chosen.append(pair)
    params = []
    for op, sc in chosen:
        marks = []
        if (op, sc) in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[(op, sc)]))
        params.append(pytest.param(op, sc, id=f"{op}-{sc}", marks=marks))
    return params


class MatrixLog:
    """Collects a client's runs and records them as the section ``matrix-<client>``."""

    def __init__(self, client: str, *, known: Mapping[tuple[str, str], str] | None = None) -> None:
        self.client = client
        self.known = dict(known or {})
        self.runs: list[Run] = []

    def add(self, run: Run) -> None:
        self.runs.append(run)

    def record(self) -> Path | None:
        if not self.runs:
            return None
        return record(f"matrix-{self.client}", figures_for(self.client, self.runs, self.known))


def figures_for(
    client: str, runs: Sequence[Run], known: Mapping[tuple[str, str], str] | None = None
) -> dict[str, Any]:
    """The JSON figures of ``runs``: totals, one row per operation, one table per scenario.

    Runs of ``known`` cases (strict xfails) are counted apart as known defects, not as
    unexpected: the test suite already fails if one of them stops failing.
    """
    known = dict(known or {})

    def tally(group: Sequence[Run]) -> dict[str, int]:
        count = Counter(r.outcome for r in group if (r.operation, r.scenario) not in known)
        return {
            "runs": len(group),
            "successes": count[Outcome.SUCCESS],
            "typed errors": count[Outcome.TYPED_ERROR],
            "unexpected": count[Outcome.UNEXPECTED],
            "known defects": sum((r.operation, r.scenario) in known for r in group),
            "lost or corrupted": sum(
                r.lost for r in group if (r.operation, r.scenario) not in known
            ),
            "duplicates": sum(
                r.duplicates for r in group if (r.operation, r.scenario) not in known
            ),
        }

    keys = list(tally([]))
    total = tally(runs)
    by_operation = _grouped(runs, lambda r: r.operation)
    order = {name: index for index, name in enumerate(SCENARIOS)}
    by_scenario = _grouped(
        sorted(runs, key=lambda r: order.get(r.scenario, len(order))), lambda r: r.scenario
    )
    notes = [
        f"known defect (strict xfail) {client}/{op}/{sc}: {reason}"
        for (op, sc), reason in sorted(known.items())
    ]
    notes.extend(
        f"UNEXPECTED {r.case}: {r.error}; {r.detail}"
        for r in runs
        if r.outcome is Outcome.UNEXPECTED and (r.operation, r.scenario) not in known
    )
    scenario_rows = [
        [name, SCENARIOS[name].describe() if name in SCENARIOS else "", *tally(group).values()]
        for name, group in by_scenario.items()
    ]
    errors = Counter(
        (r.error or "").split(":", 1)[0]
        for r in runs
        if r.outcome is Outcome.TYPED_ERROR and (r.operation, r.scenario) not in known
    )
    return {
        "title": f"Fault matrix: {client}",
        "summary": [[key, value] for key, value in total.items()],
        "columns": ["client", "operation", *keys],
        "rows": [[client, op, *tally(group).values()] for op, group in by_operation.items()],
        "tables": [
            {
                "title": f"{client} by scenario",
                "columns": ["scenario", "fault", *keys],
                "rows": scenario_rows,
            },
            {
                "title": f"{client}: typed errors by class",
                "columns": ["error", "runs"],
                "rows": [[name, count] for name, count in errors.most_common()],
            },
        ],
        "notes": notes,
        "totals": total,
        "client": client,
        # Every run, for whoever needs more than the tables (not rendered).
        "runs": [[r.operation, r.scenario, r.outcome.value, r.error] for r in runs],
    }


def _grouped(runs: Sequence[Run], key: Callable[[Run], str]) -> dict[str, list[Run]]:
    groups: dict[str, list[Run]] = {}
    for run in runs:
        groups.setdefault(key(run), []).append(run)
    return groups


def _verify(operation: Operation, ctx: RunContext, notes: list[str]) -> Verdict:
    try:
        return operation.verify(ctx)
    except Exception as exc:
        # A state that cannot even be checked counts against the client, loudly.
        notes.append("verify failed: " + _trace(exc))
        return Verdict(objects=0, intact=False, detail="verify raised")


def _show(verdict: Verdict) -> str:
    state = "intact" if verdict.intact else "NOT intact"
    return f"{verdict.objects} object(s), {state} ({verdict.detail})"


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _trace(exc: BaseException) -> str:
    frames = traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-3)
    return _short("".join(frames).strip().replace("\n", " | "), 1200)
