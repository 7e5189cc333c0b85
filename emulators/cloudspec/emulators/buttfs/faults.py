"""Fault injection, with the Box emulator's rule format (see :mod:`..box.faults`).

Rules are posted to ``/_emulator/faults`` as ``{"rules": [...]}``; each is ``{"method",
"path" (regex), "action": "status" | "drop" | "delay" | "accepted", "count", "skip",
"status", "retry_after", "after_bytes", "store", "seconds"}``. ButtFS has one host, so
``host`` is ``"api"`` or ``"*"`` (the default). ``status`` answers the ButtFS error envelope
(code 9006 for 429, 9999 for 5xx, 9000 otherwise).
"""

from __future__ import annotations

from ..box.asgi import ASGIApp, Response
from ..box.faults import Rule, retry_after_text
from ..box.faults import with_faults as _with_faults
from .errors import ButtFSError
from .state import State

HOST = "api"


def with_faults(app: ASGIApp, state: State) -> ASGIApp:
    """``app`` behind the shared fault layer, answering in this service's error format."""
    return _with_faults(app, state, HOST, _answer)


def _answer(rule: Rule) -> Response:
    headers = {}
    if rule.retry_after is not None:
        headers["retry-after"] = retry_after_text(rule.retry_after)
    if rule.action == "accepted":
        return Response(202, b"", headers)
    code = 9006 if rule.status == 429 else 9999 if rule.status >= 500 else 9000
    response = ButtFSError(code, f"Injected fault {rule.status}", status=rule.status).response()
    response.headers.update(headers)
    return response
