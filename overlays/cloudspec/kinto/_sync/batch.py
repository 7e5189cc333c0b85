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
    chunk_is_idempotent,
    failures,
    subrequest,
    subresponses,
)
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
        self._responses: list[BatchSubResponse] = []

    def queue(self, call: Call) -> None:
        # Built now, so a call a batch cannot carry fails at its own line.
        self._queued.append((call, subrequest(call)))

    def send(self) -> list[Any]:
        queued, self._queued = self._queued, []
        if not queued:
            return []
        settings = self._settings()
        size = int(settings.get("batch_max_requests") or DEFAULT_BATCH_MAX_REQUESTS)
        start = len(self._responses)
        for offset in range(0, len(queued), size):
            chunk = [c for c, _ in queued[offset : offset + size]]
            call = calls.batch_call(
                [sub for _, sub in queued[offset : offset + size]],
                idempotent=chunk_is_idempotent(chunk),
            )
            response = self._send(call)
            if response is None:  # dry mode
                continue
            self._responses.extend(subresponses(chunk, response.json(), first_index=start + offset))
        sent = self._responses[start:]
        errors, failed = failures(sent, ignore_4xx=self._ignore_4xx, redactor=self._redactor)
        if failed:
            raise KintoBatchException(errors, failed, sent)
        return [r.body for r in sent]

    def results(self) -> list[Any]:
        return [r.body for r in self._responses]

    def responses(self) -> list[BatchSubResponse]:
        return list(self._responses)
