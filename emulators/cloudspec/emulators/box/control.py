"""Test-only control endpoints under ``{api}/_emulator/`` (no auth; the API host only).

- ``GET  /_emulator/stats``: counters (``requests``, ``tokens_issued``, ``token_refreshes``,
  ``upload_parts``, ``commits``, ``uploads``, ``downloads``, ``faults_fired``,
  ``bytes_uploaded``, ``bytes_downloaded``, ``requests_by_host``). ``requests`` counts every
  request to any host except these control endpoints; ``tokens_issued`` counts every token pair
  handed out (code exchange, refresh, or ``/_emulator/tokens``).
- ``POST /_emulator/reset_stats``: every counter back to zero (204).
- ``POST /_emulator/faults`` ``{"rules": [...]}`` appends rules (see :mod:`.faults`);
  ``DELETE`` clears them (204); ``GET`` lists the rules still armed.
- ``POST /_emulator/expire_tokens``: every live access token expires now (refresh tokens stay).
- ``POST /_emulator/tokens`` ``{"login", "client_id"?, "expires_in"?}``: a token pair for that
  user, without the browser step.
"""

from __future__ import annotations

from .asgi import BoxError, Request, Response, Router, json_response
from .oauth import token_body
from .state import State, Stats


def add_control_routes(router: Router, state: State) -> None:
    async def stats(request: Request) -> Response:
        return json_response(state.stats.as_dict())

    async def reset_stats(request: Request) -> Response:
        state.stats = Stats()
        return Response(204)

    async def add_faults(request: Request) -> Response:
        body = await request.json()
        try:
            state.faults.add(body.get("rules"))
        except ValueError as exc:
            raise BoxError(400, "bad_request", str(exc)) from None
        return _rules(state)

    async def list_faults(request: Request) -> Response:
        return _rules(state)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return Response(204)

    async def expire_tokens(request: Request) -> Response:
        return json_response({"expired": state.tokens.expire_access_tokens()})

    async def mint_tokens(request: Request) -> Response:
        body = await request.json()
        user = state.users.get(str(body.get("login", "")))
        if user is None:
            raise BoxError(400, "bad_request", f"unknown login {body.get('login')!r}")
        client_id = body.get("client_id") or next(iter(state.apps))
        if client_id not in state.apps:
            raise BoxError(400, "bad_request", f"unknown client_id {client_id!r}")
        ttl = body.get("expires_in", state.settings.access_token_ttl)
        if not isinstance(ttl, int | float) or isinstance(ttl, bool):
            raise BoxError(400, "bad_request", "'expires_in' must be a number of seconds")
        grant = state.tokens.issue(user, client_id, float(ttl), state.settings.refresh_token_ttl)
        state.stats.tokens_issued += 1
        return json_response(token_body(grant))

    router.add(["GET"], "/_emulator/stats", stats)
    router.add(["POST"], "/_emulator/reset_stats", reset_stats)
    router.add(["POST"], "/_emulator/faults", add_faults)
    router.add(["GET"], "/_emulator/faults", list_faults)
    router.add(["DELETE"], "/_emulator/faults", clear_faults)
    router.add(["POST"], "/_emulator/expire_tokens", expire_tokens)
    router.add(["POST"], "/_emulator/tokens", mint_tokens)


def _rules(state: State) -> Response:
    return json_response({"rules": [rule.describe() for rule in state.faults.rules]})
