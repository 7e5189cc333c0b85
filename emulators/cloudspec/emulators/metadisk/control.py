"""Test-only control endpoints under ``/_emulator/`` (no auth).

- ``GET /_emulator/stats``: counters (``requests``, ``tokens_issued``, ``uploads``,
  ``downloads``, ``bytes_uploaded``, ``bytes_downloaded``, ``signatures_checked``,
  ``auth_failures``, ``faults_fired``).
- ``POST /_emulator/reset_stats``: counters back to zero (204).
- ``POST /_emulator/faults`` ``{"rules": [...]}`` appends rules (see :mod:`.faults`); ``GET``
  lists the armed ones; ``DELETE`` clears them (204).
- ``GET /_emulator/activation/{email}``: ``{"email", "activated", "token"}`` where ``token`` is
  the activation token the bridge would have emailed (for ``GET /activations/{token}``), plus
  ``deactivation_token`` and ``reset_token`` (null unless requested); 404 for an unknown user.
- ``PUT /_emulator/channel`` ``{"url": "http://host:port"}``: pointers name that farmer
  channel (``ws://host:port``) instead of the bridge's own host, so a test can put a proxy in
  front of the shard downloads too; ``DELETE`` goes back to the bridge's host (204).
- ``POST /_emulator/expire_tokens``: every PUSH/PULL token and shard token expires now.
- ``POST /_emulator/reset``: back to the seed: users, keys, buckets, files, tokens, nonces,
  faults and counters (204).
"""

from __future__ import annotations

import json
import time

from ..box.asgi import Request, Response, Router, json_response
from .errors import MetadiskError
from .state import State, Stats


def add_control_routes(router: Router, state: State) -> None:
    async def stats(request: Request) -> Response:
        return json_response(state.stats.as_dict())

    async def reset_stats(request: Request) -> Response:
        state.stats = Stats()
        return Response(204)

    async def add_faults(request: Request) -> Response:
        try:
            body = json.loads(await request.body() or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the JSON body must be an object")
            state.faults.add(body.get("rules"))
        except ValueError as exc:
            raise MetadiskError(400, str(exc)) from None
        return _rules(state)

    async def list_faults(request: Request) -> Response:
        return _rules(state)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return Response(204)

    async def activation(request: Request) -> Response:
        user = state.users.get(request.params["email"])
        if user is None:
            raise MetadiskError(404, "User not found")
        return json_response(
            {
                "email": user.email,
                "activated": user.activated,
                "token": user.activator,
                "deactivation_token": user.deactivator,
                "reset_token": user.resetter,
            }
        )

    async def expire_tokens(request: Request) -> Response:
        now = time.time()
        for token in state.tokens.values():
            token.expires = min(token.expires, now)
        for grant in state.shard_grants.values():
            grant.expires = min(grant.expires, now)
        return json_response({"expired": len(state.tokens) + len(state.shard_grants)})

    async def set_channel(request: Request) -> Response:
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            body = None
        url = body.get("url") if isinstance(body, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise MetadiskError(400, "'url' must be an http:// or https:// URL")
        state.channel_url = url.rstrip("/")
        return json_response({"channel": state.channel})

    async def clear_channel(request: Request) -> Response:
        state.channel_url = None
        return Response(204)

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(204)

    router.add(["GET"], "/_emulator/stats", stats)
    router.add(["POST"], "/_emulator/reset_stats", reset_stats)
    router.add(["POST"], "/_emulator/faults", add_faults)
    router.add(["GET"], "/_emulator/faults", list_faults)
    router.add(["DELETE"], "/_emulator/faults", clear_faults)
    router.add(["GET"], "/_emulator/activation/{email}", activation)
    router.add(["PUT"], "/_emulator/channel", set_channel)
    router.add(["DELETE"], "/_emulator/channel", clear_channel)
    router.add(["POST"], "/_emulator/expire_tokens", expire_tokens)
    router.add(["POST"], "/_emulator/reset", reset)


def _rules(state: State) -> Response:
    return json_response({"rules": [rule.describe() for rule in state.faults.rules]})
