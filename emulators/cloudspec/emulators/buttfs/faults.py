"""Fault injection, with the Box emulator's rule format (see :mod:`..box.faults`).

Rules are posted to ``/_emulator/faults`` as ``{"rules": [...]}``; each is ``{"method",
"path" (regex), "action": "status" | "drop" | "delay" | "accepted", "count", "skip",
"status", "retry_after", "after_bytes", "store", "seconds"}``. ButtFS has one host, so
``host`` is ``"api"`` or ``"*"`` (the default). ``status`` answers the ButtFS error envelope
(code 9006 for 429, 9999 for 5xx, 9000 otherwise).
"""

from __future__ import annotations

import asyncio
import contextlib

from ..box.asgi import ASGIApp, Message, Receive, Response, Scope, Send
from ..box.faults import Rule, cut
from .errors import ButtFSError
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
            await _drain(receive)
            await _answer(rule).send(send)
        elif scope["method"] in ("GET", "HEAD") or rule.store:
            with contextlib.suppress(_Cut):
                await app(scope, receive, _truncating(send, rule.after_bytes))
            await cut(scope, receive)
        else:
            await _drain(receive)
            await cut(scope, receive)

    return faulty


def _answer(rule: Rule) -> Response:
    headers = {}
    if rule.retry_after is not None:
        value = rule.retry_after
        headers["retry-after"] = str(int(value)) if value == int(value) else str(value)
    if rule.action == "accepted":
        return Response(202, b"", headers)
    code = 9006 if rule.status == 429 else 9999 if rule.status >= 500 else 9000
    response = ButtFSError(code, f"Injected fault {rule.status}", status=rule.status).response()
    response.headers.update(headers)
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


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect" or not message.get("more_body", False):
            return
