"""Batch sub-requests and sub-responses: pure functions shared by sync and async."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx

from cloudspec.core.redact import Redactor
from cloudspec.core.retry import safe_to_repeat

from ._call import Call
from .exceptions import (
    BatchSubResponse,
    KintoAPIError,
    KintoMalformedResponse,
    error_from_parts,
)

__all__ = [
    "DEFAULT_BATCH_MAX_REQUESTS",
    "chunk_is_idempotent",
    "failures",
    "answers",
    "is_failure",
    "status_of",
    "subrequest",
    "subresponse",
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


def answers(chunk: Sequence[Call], body: Any) -> list[dict[str, Any]]:
    """The server's answer to each sub-request of ``chunk``, in order."""
    found = body.get("responses") if isinstance(body, dict) else None
    if not isinstance(found, list) or len(found) != len(chunk):
        # A KintoAPIError (and a core MalformedResponseError); also a ValueError, as before.
        raise BatchAnswerError("the batch response does not answer every sub-request", status=200)
    return [_answer(answer) for answer in found]


def _answer(answer: Any) -> dict[str, Any]:
    """One sub-answer, with the parts read later of a usable type (else left out)."""
    if not isinstance(answer, dict):
        return {}
    headers = answer.get("headers")
    usable: dict[str, Any] = answer
    if headers is not None and not isinstance(headers, dict):
        usable = {k: v for k, v in answer.items() if k != "headers"}
    return usable


class BatchAnswerError(KintoMalformedResponse, ValueError):
    """The batch answer does not answer every sub-request."""


def status_of(answer: dict[str, Any]) -> int:
    status = answer.get("status", 0)
    return status if isinstance(status, int) else 0


def subresponse(index: int, call: Call, answer: dict[str, Any]) -> BatchSubResponse:
    return BatchSubResponse(
        index=index,
        method=call.method,
        path=call.path_with_query(),
        status=status_of(answer),
        headers=dict(answer.get("headers") or {}),
        body=answer.get("body"),
    )


def failures(
    responses: Sequence[BatchSubResponse], *, ignore_4xx: bool, redactor: Redactor
) -> tuple[list[KintoAPIError], list[BatchSubResponse]]:
    errors: list[KintoAPIError] = []
    failed: list[BatchSubResponse] = []
    for sub in responses:
        if is_failure(sub.status, ignore_4xx):
            failed.append(sub)
            errors.append(
                error_from_parts(
                    sub.status, httpx.Headers(sub.headers), sub.body, redactor=redactor
                )
            )
    return errors, failed


def is_failure(status: int, ignore_4xx: bool) -> bool:
    return status >= 400 and not (ignore_4xx and status < 500)
