# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Sends queued calls through ``POST /batch``, split at the server's limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import httpx

from cloudspec.core.redact import Redactor

from .. import _calls as calls
from .._batching import (
    DEFAULT_BATCH_MAX_REQUESTS,
    answers,
    chunk_is_idempotent,
    failures,
    is_failure,
    status_of,
    subrequest,
    subresponse,
)
from .._bodies import json_object
from .._call import Call
from ..exceptions import BatchSubResponse, KintoBatchException

__all__ = ["BatchRunner"]


class BatchRunner:
    def __init__(
        self,
        *,
        send: Callable[[Call], httpx.Response | None],
        settings: Callable[[], Mapping[str, Any]],
        ignore_4xx: bool,
        redactor: Redactor,
    ) -> None:
        self._send = send
        self._settings = settings
        self._ignore_4xx = ignore_4xx
        self._redactor = redactor
        self._queued: list[tuple[Call, dict[str, Any]]] = []
        # Raw answers; BatchSubResponse objects are built only when asked for (or on
        # failure): a batch of creates needs just the bodies.
        self._answers: list[tuple[Call, dict[str, Any]]] = []

    def queue(self, call: Call) -> None:
        # Built now, so a call a batch cannot carry fails at its own line.
        self._queued.append((call, subrequest(call)))

    def send(self) -> list[Any]:
        queued, self._queued = self._queued, []
        if not queued:
            return []
        settings = self._settings()
        size = settings.get("batch_max_requests") or DEFAULT_BATCH_MAX_REQUESTS
        if not isinstance(size, int) or size < 1:  # a hostile /v1/ answer: the safe default
            size = DEFAULT_BATCH_MAX_REQUESTS
        start = len(self._answers)
        for offset in range(0, len(queued), size):
            chunk = [c for c, _ in queued[offset : offset + size]]
            call = calls.batch_call(
                [sub for _, sub in queued[offset : offset + size]],
                idempotent=chunk_is_idempotent(chunk),
            )
            response = self._send(call)
            if response is None:  # dry mode
                continue
            body = json_object(response, self._redactor)
            self._answers.extend(zip(chunk, answers(chunk, body), strict=True))
        sent = self._answers[start:]
        if any(is_failure(status_of(answer), self._ignore_4xx) for _, answer in sent):
            subs = [subresponse(start + i, c, a) for i, (c, a) in enumerate(sent)]
            errors, failed = failures(subs, ignore_4xx=self._ignore_4xx, redactor=self._redactor)
            raise KintoBatchException(errors, failed, subs)
        return [answer.get("body") for _, answer in sent]

    def results(self) -> list[Any]:
        return [answer.get("body") for _, answer in self._answers]

    def responses(self) -> list[BatchSubResponse]:
        return [subresponse(i, c, a) for i, (c, a) in enumerate(self._answers)]
