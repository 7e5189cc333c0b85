"""The matrix framework itself: how runs are classified, sampled, counted and reported."""

from __future__ import annotations

import datetime
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cloudspec.core.errors import ConnectionError as CloudspecConnectionError
from tests.reliability import matrix, report
from tests.reliability.proxy import SCENARIOS


@pytest.fixture
def dead_port() -> Iterator[str]:
    """An address nothing answers on: these operations never need the proxy to forward."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{probe.getsockname()[1]}"


def _operation(url: str, *, run: Any, verify: Any, resume: Any = None) -> matrix.Operation:
    return matrix.Operation(
        client="fake", name="op", urls={"api": url}, run=run, verify=verify, resume=resume
    )


def _raise(exc: BaseException) -> Any:
    def run(ctx: matrix.RunContext) -> object:
        if ctx.attempt == 1:
            raise exc
        return None

    return run


def test_success_needs_the_state_verified(dead_port: str, tmp_path: Path) -> None:
    def verify(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=1)

    ok = matrix.execute(
        _operation(dead_port, run=lambda ctx: None, verify=verify), "pass", tmp_path
    )
    assert ok.outcome is matrix.Outcome.SUCCESS
    matrix.check(ok)

    def missing(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=0)

    gone = matrix.execute(
        _operation(dead_port, run=lambda ctx: None, verify=missing), "pass", tmp_path
    )
    assert gone.outcome is matrix.Outcome.UNEXPECTED
    with pytest.raises(AssertionError):
        matrix.check(gone)


def test_typed_error_needs_a_clean_resume(dead_port: str, tmp_path: Path) -> None:
    def verify(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=ctx.attempt - 1)

    typed = matrix.execute(
        _operation(dead_port, run=_raise(CloudspecConnectionError("lost")), verify=verify),
        "drop_response_at_0",
        tmp_path,
    )
    assert typed.outcome is matrix.Outcome.TYPED_ERROR
    assert typed.error is not None and typed.error.startswith("ConnectionError")
    matrix.check(typed)

    def failing_resume(ctx: matrix.RunContext) -> object:
        raise CloudspecConnectionError("still down")

    stuck = matrix.execute(
        _operation(
            dead_port,
            run=_raise(CloudspecConnectionError("lost")),
            verify=verify,
            resume=failing_resume,
        ),
        "drop_response_at_0",
        tmp_path,
    )
    assert stuck.outcome is matrix.Outcome.UNEXPECTED
    assert "resume failed" in stuck.detail


def test_untyped_errors_are_unexpected(dead_port: str, tmp_path: Path) -> None:
    def verify(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=1)

    run = matrix.execute(
        _operation(dead_port, run=_raise(KeyError("id")), verify=verify), "pass", tmp_path
    )
    assert run.outcome is matrix.Outcome.UNEXPECTED
    assert "untyped" in run.detail


def test_duplicates_and_lost_data_are_counted(dead_port: str, tmp_path: Path) -> None:
    def doubled(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=2)

    def corrupted(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=1, intact=False)

    twice = matrix.execute(
        _operation(dead_port, run=lambda ctx: None, verify=doubled), "pass", tmp_path
    )
    assert (twice.outcome, twice.duplicates, twice.lost) == (matrix.Outcome.UNEXPECTED, 1, 0)
    bad = matrix.execute(
        _operation(dead_port, run=lambda ctx: None, verify=corrupted), "pass", tmp_path
    )
    assert (bad.outcome, bad.duplicates, bad.lost) == (matrix.Outcome.UNEXPECTED, 0, 1)


def test_runs_go_through_the_proxy(tmp_path: Path) -> None:
    # The proxy answers the injected 503 itself: no server is needed behind it.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    statuses: list[int] = []

    def run(ctx: matrix.RunContext) -> object:
        statuses.append(httpx.get(ctx.urls["api"] + "/x", trust_env=False).status_code)
        return None

    def verify(ctx: matrix.RunContext) -> matrix.Verdict:
        return matrix.Verdict(objects=1)

    done = matrix.execute(_operation(url, run=run, verify=verify), "status_503", tmp_path)
    assert statuses == [503]
    assert done.faults_applied == 1


def test_cases_sample_every_scenario_and_keep_known_ones() -> None:
    known = {("b", "reset_request_at_0"): "a reason"}
    operations = ["a", "b", "c", "d", "e", "f", "g"]
    sample = matrix.cases("x", operations, known=known, always=[("a", "status_500")], full=False)
    pairs = [tuple(p.values) for p in sample]
    assert {sc for _, sc in pairs} == set(SCENARIOS)
    assert all((op, "pass") in pairs for op in operations)
    assert ("b", "reset_request_at_0") in pairs and ("a", "status_500") in pairs
    assert len(pairs) == len(set(pairs))
    marked = [p for p in sample if p.marks]
    assert [tuple(p.values) for p in marked] == [("b", "reset_request_at_0")]
    assert marked[0].marks[0].kwargs == {"strict": True, "reason": "a reason"}
    with pytest.raises(ValueError, match="no case"):
        matrix.cases("x", operations, known={("a", "no_such_scenario"): "typo"})
    full = matrix.cases("x", ["a", "b"], full=True)
    assert len(full) == 2 * len(SCENARIOS)
    # Seeded: the same sample every time.
    assert [p.values for p in matrix.cases("x", operations, full=False)] == [
        p.values for p in matrix.cases("x", operations, full=False)
    ]


def test_figures_and_report(tmp_path: Path) -> None:
    runs = [
        matrix.Run("fake", "op", "pass", matrix.Outcome.SUCCESS),
        matrix.Run("fake", "op", "status_503_storm", matrix.Outcome.TYPED_ERROR, error="E: x"),
        matrix.Run("fake", "op", "truncate_body", matrix.Outcome.UNEXPECTED, duplicates=1),
    ]
    figures = matrix.figures_for("fake", runs, {("op", "truncate_body"): "known"})
    totals = dict(figures["summary"])
    assert totals == {
        "runs": 3,
        "successes": 1,
        "typed errors": 1,
        "unexpected": 0,
        "known defects": 1,
        "lost or corrupted": 0,
        "duplicates": 0,
    }
    document = {"section": "matrix-fake", "full": True, **figures}
    (tmp_path / "matrix-fake.json").write_text(json.dumps(document))
    other = {"section": "tls", "title": "TLS", "summary": [["ok", 1]], "notes": ["a | b"]}
    (tmp_path / "tls.json").write_text(json.dumps(other))
    text = report.render(tmp_path, datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC))
    assert text.startswith("# Reliability")
    assert "`make chaos`" in text and "2026-01-02 03:04 UTC" in text
    assert "## Fault matrix: every client" in text
    assert "| fake | 3 | 1 | 1 | 0 | 1 | 0 | 0 |" in text
    assert "## TLS" in text and "a \\| b" in text
    assert "**fake by scenario**" in text
