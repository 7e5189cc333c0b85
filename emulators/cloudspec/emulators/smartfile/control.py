"""Test-only control endpoints under ``/_emulator/`` (no auth).

- ``GET /_emulator/stats``: counters (``requests``, ``auth_failures``, ``oauth_verified``,
  ``tasks_started``, ``uploads``, ``downloads``, ``bytes_in``, ``bytes_out``,
  ``faults_fired``, ``requests_by_host``). ``POST /_emulator/reset_stats``: back to zero (204).
- ``POST /_emulator/faults`` ``{"rules": [...]}`` appends rules (see :mod:`.faults`); ``GET``
  lists the armed ones; ``DELETE`` clears them (204).
- ``POST /_emulator/reset``: an empty tree, no links, tasks, OAuth tokens, nonces, faults or
  counters (204); running tasks are cancelled.
- ``POST /_emulator/expire``: every OAuth access and request token is revoked now
  (``{"expired": n}``); later calls signed with one answer the OAuth 403.
- ``POST /_emulator/oauth/authorize`` ``{"oauth_token"}``: approve a request token as the
  seed's first user, headlessly -> ``{"oauth_verifier"}``; 404 for an unknown token.
- ``GET /_emulator/credentials``: ``{"basic": {"key", "password"}, "oauth": {"client_token",
  "client_secret"}, "user": {...}}``, so tests and demos need not hard-code them.
"""

from __future__ import annotations

import json

from ..box.asgi import Request, Response, Router, json_response
from .errors import SmartFileError
from .faults import parse_rules
from .oauth import approve
from .state import State, Stats


async def _json_object(request: Request) -> dict[str, object]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise SmartFileError(400, "JSON parse error.") from None
    if not isinstance(body, dict):
        raise SmartFileError(400, "The JSON body must be an object.")
    return body


def add_control_routes(router: Router, state: State) -> None:
    async def stats(request: Request) -> Response:
        return json_response(state.stats.as_dict())

    async def reset_stats(request: Request) -> Response:
        state.stats = Stats()
        return Response(204)

    async def add_faults(request: Request) -> Response:
        body = await _json_object(request)
        try:
            state.faults.rules.extend(parse_rules(body.get("rules")))
        except ValueError as exc:
            raise SmartFileError(400, str(exc)) from None
        return _rules(state)

    async def list_faults(request: Request) -> Response:
        return _rules(state)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return Response(204)

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(204)

    async def expire(request: Request) -> Response:
        count = len(state.access_tokens) + len(state.request_tokens)
        state.access_tokens.clear()
        state.request_tokens.clear()
        return json_response({"expired": count})

    async def authorize(request: Request) -> Response:
        body = await _json_object(request)
        found = state.request_tokens.get(str(body.get("oauth_token", "")))
        if found is None:
            raise SmartFileError(404, "Unknown request token.")
        return json_response({"oauth_verifier": approve(state, found)})

    async def credentials(request: Request) -> Response:
        seed = state.seed
        return json_response(
            {
                "basic": {"key": seed.api_key, "password": seed.api_password},
                "oauth": {"client_token": seed.client_token, "client_secret": seed.client_secret},
                "user": state.owner.as_json(),
            }
        )

    router.add(["GET"], "/_emulator/stats", stats)
    router.add(["POST"], "/_emulator/reset_stats", reset_stats)
    router.add(["POST"], "/_emulator/faults", add_faults)
    router.add(["GET"], "/_emulator/faults", list_faults)
    router.add(["DELETE"], "/_emulator/faults", clear_faults)
    router.add(["POST"], "/_emulator/reset", reset)
    router.add(["POST"], "/_emulator/expire", expire)
    router.add(["POST"], "/_emulator/oauth/authorize", authorize)
    router.add(["GET"], "/_emulator/credentials", credentials)


def _rules(state: State) -> Response:
    return json_response({"rules": [rule.describe() for rule in state.faults.rules]})
