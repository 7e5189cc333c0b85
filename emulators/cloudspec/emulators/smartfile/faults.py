"""Fault injection, with the shared rule format (see :mod:`..box.faults`), plus one option.

Rules are posted to ``/_emulator/faults`` as ``{"rules": [...]}``; each is ``{"method",
"path" (regex), "action": "status" | "drop" | "delay" | "accepted", "count", "skip",
"status", "retry_after", "after_bytes", "store", "seconds"}``; ``host`` is ``"api"`` or
``"*"``. A ``status`` rule answers ``{"detail": ...}``: for 429, DRF's "Request was
throttled. Expected available in N seconds." (N = ``retry_after`` rounded up) with
``Retry-After`` when ``retry_after`` is given.

``"x_throttle": true`` (status rules only; ``status`` defaults to 503) answers the legacy
throttle instead: ``X-Throttle: throttled; next=<retry_after, default 1.0> sec``, the form
the 2012-2018 Python client waits on (reference §1.7).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

from ..box.asgi import ASGIApp, Response
from ..box.faults import Rule, retry_after_text
from ..box.faults import with_faults as _with_faults
from .errors import NOT_PROVIDED, SmartFileError
from .state import State

HOST = "api"
_MESSAGES = {
    400: "Bad request.",
    401: NOT_PROVIDED,
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    409: "Conflict.",
    500: "A server error occurred.",
    502: "Bad gateway.",
    503: "Service temporarily unavailable, try again later.",
    504: "Gateway timeout.",
}


@dataclasses.dataclass
class SmartFileRule(Rule):
    x_throttle: bool = False


def parse_rules(raw_rules: object) -> list[Rule]:
    """The shared format's rules, with this service's ``x_throttle`` option."""
    if not isinstance(raw_rules, list):
        raise ValueError("'rules' must be a list")
    rules: list[Rule] = []
    for raw in raw_rules:
        flag = False
        if isinstance(raw, Mapping) and "x_throttle" in raw:
            raw = dict(raw)
            flag = raw.pop("x_throttle")
            if not isinstance(flag, bool):
                raise ValueError("rule x_throttle must be true or false")
        parsed = Rule.parse(raw)
        if flag and parsed.action != "status":
            raise ValueError("x_throttle applies to status rules only")
        shared = {field.name: getattr(parsed, field.name) for field in dataclasses.fields(Rule)}
        rule = SmartFileRule(**shared, x_throttle=flag)
        rules.append(rule)
    return rules


def throttled(seconds: float | None) -> str:
    if seconds is None:
        return "Request was throttled."
    return f"Request was throttled. Expected available in {math.ceil(seconds)} seconds."


def with_faults(app: ASGIApp, state: State) -> ASGIApp:
    """``app`` behind the shared fault layer, answering in this service's error format."""
    return _with_faults(app, state, HOST, _answer)


def _answer(rule: Rule) -> Response:
    if rule.action == "accepted":
        response = Response(202, b"")
    elif isinstance(rule, SmartFileRule) and rule.x_throttle:
        wait = 1.0 if rule.retry_after is None else rule.retry_after
        response = SmartFileError(rule.status, throttled(wait)).response()
        response.headers["x-throttle"] = f"throttled; next={float(wait)} sec"
        return response
    elif rule.status == 429:
        response = SmartFileError(429, throttled(rule.retry_after)).response()
    else:
        message = _MESSAGES.get(rule.status, f"Injected fault {rule.status}.")
        response = SmartFileError(rule.status, message).response()
    if rule.retry_after is not None:
        response.headers["retry-after"] = retry_after_text(rule.retry_after)
    return response
