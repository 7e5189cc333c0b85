"""Fault injection, with the Box emulator's rule format (see :mod:`..box.faults`).

Rules are posted to ``/_emulator/faults`` as ``{"rules": [...]}``; each is ``{"method",
"path" (regex), "action": "status" | "drop" | "delay", "count", "skip", "status",
"retry_after", "after_bytes", "store", "seconds"}``; ``host`` is ``"api"`` or ``"*"`` (the
default). ``status`` answers ``{"error": "Injected fault <status>"}``.

``drop`` cuts the connection after ``after_bytes`` bytes in the direction that carries the
data: for GET and HEAD (and any request with ``store`` true, which is processed first) the
response headers and ``after_bytes`` body bytes go out; for other requests (an upload) the
server reads ``after_bytes`` bytes of the request body, then cuts without processing it (no
``after_bytes``: it reads the whole body, processes nothing and answers nothing).
"""

from __future__ import annotations

from ..box.asgi import ASGIApp, Response
from ..box.faults import Rule, retry_after_text
from ..box.faults import with_faults as _with_faults
from .errors import MetadiskError
from .state import State

HOST = "api"


def with_faults(app: ASGIApp, state: State) -> ASGIApp:
    """``app`` behind the shared fault layer, answering in this service's error format."""
    return _with_faults(app, state, HOST, _answer)


def _answer(rule: Rule) -> Response:
    if rule.action == "accepted":
        response = Response(202, b"")
    else:
        response = MetadiskError(rule.status, f"Injected fault {rule.status}").response()
    if rule.retry_after is not None:
        response.headers["retry-after"] = retry_after_text(rule.retry_after)
    return response
