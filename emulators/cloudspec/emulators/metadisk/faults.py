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

import asyncio
import contextlib

from ..box.asgi import ASGIApp, Message, Receive, Response, Scope, Send
from ..box.faults import Rule, cut
from .errors import MetadiskError
from .state import State

HOST = "api"


class _Cut(Exception):
    pass


def with_faults(app: ASGIApp, state: State) -> ASGIApp:
    async def faulty(scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        if path.startswith("/_emulator/"):
            await app(scope, receive, send)
            return
        stats = state.stats
        stats.requests += 1
        stats.requests_by_host[HOST] = stats.requests_by_host.get(HOST, 0) + 1
        rule = state.faults.take(HOST, scope["method"], path)
        if rule is None:
            await app(scope, receive, send)
            return
        stats.faults_fired += 1
        if rule.action == "delay":
            await asyncio.sleep(rule.seconds)
            await app(scope, receive, send)
        elif rule.action in ("status", "accepted"):
            await _drain(receive, None)
            await _answer(rule).send(send)
        elif scope["method"] in ("GET", "HEAD") or rule.store:
            with contextlib.suppress(_Cut):
                await app(scope, receive, _truncating(send, rule.after_bytes))
            await cut(scope, receive)
        else:
            await _drain(receive, rule.after_bytes)
            await cut(scope, receive)

    return faulty


def _answer(rule: Rule) -> Response:
    if rule.action == "accepted":
        response = Response(202, b"")
    else:
        response = MetadiskError(rule.status, f"Injected fault {rule.status}").response()
    if rule.retry_after is not None:
        value = rule.retry_after
        response.headers["retry-after"] = str(int(value)) if value == int(value) else str(value)
    return response


def _truncating(send: Send, after_bytes: int | None) -> Send:
    left = after_bytes

    async def truncating(message: Message) -> None:
        nonlocal left
        if left is None:
            raise _Cut
        if message["type"] == "http.response.start":
            await send(message)
            return
        body: bytes = message.get("body", b"")
        if len(body) < left or (len(body) == left and not message.get("more_body", False)):
            left -= len(body)
            await send(message)
            return
        await send({"type": "http.response.body", "body": body[:left], "more_body": True})
        raise _Cut

    return truncating


async def _drain(receive: Receive, limit: int | None) -> None:
    """Read the request body (at most about ``limit`` bytes when one is given)."""
    seen = 0
    while limit is None or seen < limit:
        message = await receive()
        seen += len(message.get("body", b""))
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return
