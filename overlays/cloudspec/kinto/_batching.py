"""Batch sub-requests and sub-responses: pure functions shared by sync and async."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from cloudspec.core.redact import Redactor
from cloudspec.core.retry import safe_to_repeat

from ._call import Call
from .exceptions import BatchSubResponse, KintoAPIError, error_from_parts

__all__ = [
    "DEFAULT_BATCH_MAX_REQUESTS",
    "chunk_is_idempotent",
    "failures",
    "subrequest",
    "subresponses",
]

# Kinto's default when the server does not say (``settings.batch_max_requests``).
DEFAULT_BATCH_MAX_REQUESTS = 25


def _escape_batch_substring(path: str) -> str:
    # Kinto refuses any sub-request whose path *contains* "/batch" (a collection
    # named "batch0"...). "%62" is "b" percent-encoded: the same URL to the router,
    # but it no longer matches the server's substring test.
    return path.replace("/batch", "/%62atch")


def subrequest(call: Call) -> dict[str, Any]:
    if call.files is not None:
        raise ValueError("Kinto batches cannot carry file uploads: send them outside the batch")
    if call.has_body and not isinstance(call.body, dict):
        raise ValueError(
            "Kinto batches only carry JSON object bodies: send JSON Patch changes outside the batch"
        )
    request: dict[str, Any] = {
        "method": call.method,
        "path": _escape_batch_substring(call.path_with_query()),
    }
    if call.headers:
        request["headers"] = dict(call.headers)
    if call.has_body:
        request["body"] = call.body
    return request


def chunk_is_idempotent(chunk: Sequence[Call]) -> bool:
    """A batch POST may be re-sent when every sub-request may be."""
    return all(safe_to_repeat(c.method, c.headers, c.idempotent) for c in chunk)


def subresponses(chunk: Sequence[Call], body: Any, *, first_index: int) -> list[BatchSubResponse]:
    answers = body.get("responses") if isinstance(body, dict) else None
    if not isinstance(answers, list) or len(answers) != len(chunk):
        raise ValueError("the batch response does not answer every sub-request")
    result = []
    for i, (call, answer) in enumerate(zip(chunk, answers, strict=True)):
        if not isinstance(answer, dict):
            answer = {}
        result.append(
            BatchSubResponse(
                index=first_index + i,
                method=call.method,
                path=call.path_with_query(),
                status=int(answer.get("status", 0)),
                headers=dict(answer.get("headers") or {}),
                body=answer.get("body"),
            )
        )
    return result


def failures(
    responses: Sequence[BatchSubResponse], *, ignore_4xx: bool, redactor: Redactor
) -> tuple[list[KintoAPIError], list[BatchSubResponse]]:
    errors: list[KintoAPIError] = []
    failed: list[BatchSubResponse] = []
    for sub in responses:
        if sub.status < 400 or (ignore_4xx and sub.status < 500):
            continue
        failed.append(sub)
        errors.append(
            error_from_parts(sub.status, httpx.Headers(sub.headers), sub.body, redactor=redactor)
        )
    return errors, failed
