"""Test-only control endpoints under ``/_emulator/`` (no auth).

- ``GET /_emulator/stats``: counters (``requests``, ``tokens_issued``, ``uploads``,
  ``downloads``, ``bytes_uploaded``, ``bytes_downloaded``, ``faults_fired``, ``quota_errors``).
- ``POST /_emulator/reset_stats``: counters back to zero (204).
- ``POST /_emulator/faults`` ``{"rules": [...]}`` appends rules (see :mod:`.faults`); ``GET``
  lists the armed ones; ``DELETE`` clears them (204).
- ``POST /_emulator/quota`` ``{"enabled": true, "remaining": N?}``: after ``remaining`` more
  bearer requests (default 0), every bearer request answers 9006 (HTTP 403) until
  ``{"enabled": false}``. ``GET`` shows the current setting.
- ``POST /_emulator/expire_tokens``: every access token expires now.
- ``POST /_emulator/reset``: back to the seed: users, files, trash, shares, tokens, faults,
  quota and counters (204).
"""

from __future__ import annotations

from ..box.asgi import Request, Response, Router, json_response
from .errors import ButtFSError
from .state import State, Stats


def add_control_routes(router: Router, state: State) -> None:
    async def stats(request: Request) -> Response:
        return json_response(state.stats.as_dict())

    async def reset_stats(request: Request) -> Response:
        state.stats = Stats()
        return Response(204)

    async def add_faults(request: Request) -> Response:
        body = await _json(request)
        try:
            state.faults.add(body.get("rules"))
        except ValueError as exc:
            raise ButtFSError(9000, str(exc)) from None
        return _rules(state)

    async def list_faults(request: Request) -> Response:
        return _rules(state)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return Response(204)

    async def set_quota(request: Request) -> Response:
        body = await _json(request)
        remaining = body.get("remaining", 0)
        if remaining is not None and (not isinstance(remaining, int) or remaining < 0):
            raise ButtFSError(9000, "'remaining' must be an integer >= 0")
        state.quota_enabled = bool(body.get("enabled", True))
        state.quota_remaining = remaining
        return _quota(state)

    async def get_quota(request: Request) -> Response:
        return _quota(state)

    async def expire_tokens(request: Request) -> Response:
        count = len(state.tokens)
        state.tokens = {token: (name, 0.0) for token, (name, _) in state.tokens.items()}
        return json_response({"expired": count})

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(204)

    router.add(["GET"], "/_emulator/stats", stats)
    router.add(["POST"], "/_emulator/reset_stats", reset_stats)
    router.add(["POST"], "/_emulator/faults", add_faults)
    router.add(["GET"], "/_emulator/faults", list_faults)
    router.add(["DELETE"], "/_emulator/faults", clear_faults)
    router.add(["POST"], "/_emulator/quota", set_quota)
    router.add(["GET"], "/_emulator/quota", get_quota)
    router.add(["POST"], "/_emulator/expire_tokens", expire_tokens)
    router.add(["POST"], "/_emulator/reset", reset)


async def _json(request: Request) -> dict[str, object]:
    import json

    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise ButtFSError(9000, "Could not parse JSON body") from None
    if not isinstance(body, dict):
        raise ButtFSError(9000, "The JSON body must be an object")
    return body


def _rules(state: State) -> Response:
    return json_response({"rules": [rule.describe() for rule in state.faults.rules]})


def _quota(state: State) -> Response:
    return json_response({"enabled": state.quota_enabled, "remaining": state.quota_remaining})
