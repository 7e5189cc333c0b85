"""Fault injection: rules posted to ``/_emulator/faults``, applied around each host's app.

A rule is ``{"host", "method", "path" (regex, re.search), "action", "count", "skip", ...}``:

- ``status``: answer ``status`` with Box's error body (and ``Retry-After`` if ``retry_after``).
- ``accepted``: answer 202 + ``Retry-After`` (``retry_after``, default 1), as Box does for
  downloads and commits that are not ready; the request is not processed.
- ``delay``: wait ``seconds``, then process the request normally.
- ``drop``: cut the TCP connection. GET and HEAD requests, and any request with ``store``
  true, are processed first; then the response headers (with the full Content-Length) and
  ``after_bytes`` body bytes go out before the cut, so the client sees an incomplete body (no
  ``after_bytes``: nothing at all is sent). Other requests (a part PUT, an upload, a commit,
  with ``store`` false, the default) are read but take no effect, and get no answer.

Every matching rule counts each request against its own ``skip`` (that many matching requests
go by before it arms); among the armed ones the first in order fires, and a rule is gone after
firing ``count`` times. Defaults: ``host`` and ``method`` ``"*"``, ``path`` ``""`` (any),
``count`` 1, ``skip`` 0, ``status`` 503. Control endpoints (``/_emulator/...``) never fault.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .asgi import ASGIApp, BoxError, Message, Receive, Response, Scope, Send

ACTIONS = ("status", "drop", "delay", "accepted")
HOSTS = ("api", "upload", "download", "account", "*")
CUT_EXTENSION = "cloudspec.cut"
"""Scope extension the server adds: ``{"close": callable}`` closes the connection now."""

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    412: "precondition_failed",
    429: "rate_limit_exceeded",
    500: "internal_server_error",
    502: "bad_gateway",
    503: "unavailable",
    504: "gateway_timeout",
}
_STATUS_MESSAGES = {
    429: "Request rate limit exceeded, please try again later",
    503: "Unavailable",
}


@dataclasses.dataclass
class Rule:
    host: str
    method: str
    path: re.Pattern[str]
    action: str
    count: int
    skip: int
    status: int
    retry_after: float | None
    after_bytes: int | None
    store: bool
    seconds: float

    @classmethod
    def parse(cls, raw: object) -> Rule:
        if not isinstance(raw, Mapping):
            raise ValueError(f"a rule must be an object, got {raw!r}")
        known = {field.name for field in dataclasses.fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown rule keys {sorted(unknown)}")
        action = raw.get("action")
        if action not in ACTIONS:
            raise ValueError(f"rule action must be one of {ACTIONS}, got {action!r}")
        host = raw.get("host", "*")
        if host not in HOSTS:
            raise ValueError(f"rule host must be one of {HOSTS}, got {host!r}")
        status = raw.get("status", 503 if action == "status" else 202)
        if not isinstance(status, int) or not 100 <= status <= 599:
            raise ValueError(f"rule status must be an HTTP status, got {status!r}")
        retry_after = raw.get("retry_after", 1 if action == "accepted" else None)
        after_bytes = raw.get("after_bytes")
        if after_bytes is not None and (not isinstance(after_bytes, int) or after_bytes < 0):
            raise ValueError("rule after_bytes must be an integer >= 0")
        try:
            pattern = re.compile(str(raw.get("path", "")))
        except re.error as exc:
            raise ValueError(f"rule path is not a regex: {exc}") from None
        return cls(
            host=host,
            method=str(raw.get("method", "*")).upper(),
            path=pattern,
            action=action,
            count=_non_negative(raw, "count", 1),
            skip=_non_negative(raw, "skip", 0),
            status=status,
            retry_after=None if retry_after is None else float(retry_after),
            after_bytes=after_bytes,
            store=bool(raw.get("store", False)),
            seconds=float(raw.get("seconds", 0)),
        )

    def matches(self, host: str, method: str, path: str) -> bool:
        return (
            self.host in ("*", host)
            and self.method in ("*", method)
            and self.path.search(path) is not None
        )

    def describe(self) -> dict[str, Any]:
        described = dataclasses.asdict(self)
        described["path"] = self.path.pattern
        return described


def _non_negative(raw: Mapping[str, Any], key: str, default: int) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"rule {key} must be an integer >= 0")
    return value


class Faults:
    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(self, raw_rules: object) -> None:
        if not isinstance(raw_rules, list):
            raise ValueError("'rules' must be a list")
        self.rules.extend(Rule.parse(raw) for raw in raw_rules)

    def clear(self) -> None:
        self.rules.clear()

    def take(self, host: str, method: str, path: str) -> Rule | None:
        """The rule that fires for this request, if any (its counters are spent)."""
        fired: Rule | None = None
        for rule in self.rules:
            if not rule.matches(host, method, path):
                continue
            if rule.skip > 0:
                rule.skip -= 1
            elif fired is None:
                fired = rule
        if fired is not None:
            fired.count -= 1
            if fired.count <= 0:
                self.rules.remove(fired)
        return fired


class _Cut(Exception):
    """Raised into the app by the send wrapper once the allowed bytes are out."""


class _Stats(Protocol):
    requests: int
    faults_fired: int
    requests_by_host: dict[str, int]


class FaultState(Protocol):
    """What the fault layer needs of an emulator's state (Box's, ButtFS's, Metadisk's)."""

    @property
    def stats(self) -> _Stats: ...

    @property
    def faults(self) -> Faults: ...


def with_faults(
    app: ASGIApp,
    state: FaultState,
    host: str,
    answer: Callable[[Rule], Response] | None = None,
) -> ASGIApp:
    """``app`` with request counting and the fault rules of ``host`` applied. ``answer``
    makes the reply to a ``status``/``accepted`` rule in the service's error format (default:
    Box's ``ClientError``)."""
    reply = answer or _answer

    async def faulty(scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        if path.startswith("/_emulator/"):
            await app(scope, receive, send)
            return
        stats = state.stats
        stats.requests += 1
        stats.requests_by_host[host] = stats.requests_by_host.get(host, 0) + 1
        rule = state.faults.take(host, scope["method"], path)
        if rule is None:
            await app(scope, receive, send)
            return
        stats.faults_fired += 1
        if rule.action == "delay":
            await asyncio.sleep(rule.seconds)
            await app(scope, receive, send)
        elif rule.action in ("status", "accepted"):
            await _drain(receive, None)
            await reply(rule).send(send)
        elif scope["method"] in ("GET", "HEAD") or rule.store:
            with contextlib.suppress(_Cut):
                await app(scope, receive, _truncating(send, rule.after_bytes))
            await cut(scope, receive)
        else:
            # An upload cut mid-body: read ``after_bytes`` of it (all of it if none), then cut.
            await _drain(receive, rule.after_bytes)
            await cut(scope, receive)

    return faulty


def _answer(rule: Rule) -> Response:
    headers = (
        {} if rule.retry_after is None else {"retry-after": retry_after_text(rule.retry_after)}
    )
    if rule.action == "accepted":
        return Response(202, b"", headers)
    code = _STATUS_CODES.get(rule.status, "error")
    message = _STATUS_MESSAGES.get(rule.status, code.replace("_", " ").capitalize())
    return BoxError(rule.status, code, message, headers=headers).response()


def retry_after_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


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


async def cut(scope: Scope, receive: Receive) -> None:
    """Close the connection (after what was already sent), then wait until it is gone.

    Waiting matters: an app that returns before the server noticed the close would make the
    server answer a 500 of its own on the half-closed connection.
    """
    extension = scope.get("extensions", {}).get(CUT_EXTENSION)
    if extension is None:
        raise RuntimeError("the server does not support cutting connections")
    extension["close"]()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(30):
            while (await receive())["type"] != "http.disconnect":
                pass
