"""Tasks: what a long-running path operation answers (``{"uuid"}``), polled at
``/api/2/task/{uuid}/``.

A task is PENDING for ``task_seconds``, then PROGRESS for as long again, then its operation
runs at once: SUCCESS (with an ``errors`` entry per path that failed: a partial failure), or
FAILURE when every path failed. Running the operation only at the end keeps its effect atomic,
as a client that polls to completion expects.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from typing import Any

import attrs

from .state import State, Task

LOG = logging.getLogger("cloudspec.emulators.smartfile")


@attrs.frozen
class Outcome:
    succeeded: int
    errors: dict[str, str]
    extra: dict[str, Any] = attrs.field(factory=dict)


Work = Callable[[], Outcome]


def start(state: State, work: Work) -> Task:
    task = Task(str(uuid.uuid4()))
    state.tasks[task.uuid] = task
    state.stats.tasks_started += 1
    runner = asyncio.get_running_loop().create_task(_run(state, task, work))
    state.running.add(runner)
    runner.add_done_callback(state.running.discard)
    return task


async def _run(state: State, task: Task, work: Work) -> None:
    await asyncio.sleep(state.settings.task_seconds)
    task.status = "PROGRESS"
    await asyncio.sleep(state.settings.task_seconds)
    try:
        outcome = work()
    except Exception as exc:
        LOG.exception("task %s failed", task.uuid)
        task.result = {"errors": {"": f"Internal error: {exc}"}}
        task.status = "FAILURE"
        return
    task.result = {"errors": outcome.errors, **outcome.extra}
    task.status = "FAILURE" if outcome.errors and not outcome.succeeded else "SUCCESS"
