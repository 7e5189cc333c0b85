"""OAuth 2.0 as Box runs it: the authorize page on the account host, token and revoke on the API.

The authorize page is a real HTML form (login, password, "Grant access" with id ``grant``, and
"Deny"), so a browser, or a test posting the form, goes through the same steps as on Box.
Redirect URIs must match a registered one exactly, except that a registered loopback URI
without a port (``http://127.0.0.1/callback``) admits any port on 127.0.0.1 or localhost with
the same path (RFC 8252 section 7.3). A bad client or redirect URI shows an error page and
never redirects.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import time
from html import escape
from typing import Any
from urllib.parse import urlencode, urlsplit

from .asgi import OAuthError, Request, Response, Router, html_response, json_response
from .seed import App
from .state import State
from .tokens import Grant

AUTHORIZE_PATH = "/api/oauth2/authorize"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ISSUED_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token"


def redirect_allowed(app: App, uri: str) -> bool:
    if uri in app.redirect_uris:
        return True
    try:
        candidate = urlsplit(uri)
        candidate.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    if candidate.scheme != "http" or candidate.hostname not in LOOPBACK_HOSTS:
        return False
    for registered_uri in app.redirect_uris:
        registered = urlsplit(registered_uri)
        if (
            registered.scheme == "http"
            and registered.hostname in LOOPBACK_HOSTS
            and registered.port is None
            and (registered.path or "/") == (candidate.path or "/")
            and registered.query == candidate.query
        ):
            return True
    return False


def account_router(state: State) -> Router:
    router = Router()

    async def authorize_page(request: Request) -> Response:
        query = request.query
        checked = _check_client(state, query)
        if isinstance(checked, Response):
            return checked
        app, redirect_uri = checked
        if query.get("response_type") != "code":
            return _redirect(
                redirect_uri, {"error": "unsupported_response_type"}, query.get("state")
            )
        return _form(app, redirect_uri, query)

    async def authorize_submit(request: Request) -> Response:
        form = await request.form()
        checked = _check_client(state, form)
        if isinstance(checked, Response):
            return checked
        app, redirect_uri = checked
        if form.get("consent") != "grant":
            return _redirect(redirect_uri, {"error": "access_denied"}, form.get("state"))
        user = state.users.get(form.get("login", ""))
        if user is None or not _same(user.password, form.get("password", "")):
            return _form(app, redirect_uri, form, error="Invalid login credentials", status=401)
        code = state.tokens.new_code(
            user, app.client_id, redirect_uri, state.settings.auth_code_ttl
        )
        return _redirect(redirect_uri, {"code": code}, form.get("state"))

    router.add(["GET"], AUTHORIZE_PATH, authorize_page)
    router.add(["POST"], AUTHORIZE_PATH, authorize_submit)
    return router


def add_token_routes(router: Router, state: State) -> None:
    """``POST /oauth2/token`` and ``POST /oauth2/revoke`` (API host, no bearer token)."""

    async def token(request: Request) -> Response:
        form = await request.form()
        app = _client(state, request, form)
        settings = state.settings
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            code = form.get("code")
            if not code:
                raise OAuthError("invalid_request", "Missing 'code'")
            record = state.tokens.spend_code(code, app.client_id, form.get("redirect_uri"))
            grant = state.tokens.issue(
                record.user, app.client_id, settings.access_token_ttl, settings.refresh_token_ttl
            )
        elif grant_type == "refresh_token":
            refresh_token = form.get("refresh_token")
            if not refresh_token:
                raise OAuthError("invalid_request", "Missing 'refresh_token'")
            grant = state.tokens.rotate(
                refresh_token, app.client_id, settings.access_token_ttl, settings.refresh_token_ttl
            )
            state.stats.token_refreshes += 1
        elif not grant_type:
            raise OAuthError("invalid_request", "Missing 'grant_type'")
        else:
            raise OAuthError("unsupported_grant_type", "Grant type is not supported")
        state.stats.tokens_issued += 1
        body = {**token_body(grant), "restricted_to": [], "issued_token_type": ISSUED_TOKEN_TYPE}
        return json_response(body, 200, {"cache-control": "no-store", "pragma": "no-cache"})

    async def revoke(request: Request) -> Response:
        form = await request.form()
        _client(state, request, form)
        state.tokens.revoke(form.get("token", ""))
        return Response(200)

    router.add(["POST"], "/oauth2/token", token)
    router.add(["POST"], "/oauth2/revoke", revoke)


def token_body(grant: Grant) -> dict[str, Any]:
    return {
        "access_token": grant.access_token,
        "expires_in": max(0, math.ceil(grant.access_expires - time.time())),
        "token_type": "bearer",
        "refresh_token": grant.refresh_token,
    }


def _client(state: State, request: Request, form: dict[str, str]) -> App:
    """The app named by the form's client_id + client_secret (or HTTP Basic)."""
    client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
    authorization = request.header("authorization") or ""
    if not client_id and authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:], validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        client_id, _, client_secret = decoded.partition(":")
    app = state.apps.get(client_id)
    if app is None or not _same(app.client_secret, client_secret):
        raise OAuthError("invalid_client", "The client credentials are invalid")
    return app


def _same(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


def _check_client(state: State, values: dict[str, str]) -> tuple[App, str] | Response:
    app = state.apps.get(values.get("client_id", ""))
    if app is None:
        return _error_page("invalid_client", "The client_id is not valid.")
    redirect_uri = values.get("redirect_uri", "")
    if not redirect_uri:
        if len(app.redirect_uris) != 1:
            return _error_page("redirect_uri_missing", "A redirect_uri is required.")
        redirect_uri = app.redirect_uris[0]
    if not redirect_allowed(app, redirect_uri):
        return _error_page(
            "redirect_uri_mismatch", "The redirect_uri is not registered for this app."
        )
    return app, redirect_uri


def _redirect(uri: str, params: dict[str, str], state: str | None) -> Response:
    if state is not None:
        params = {**params, "state": state}
    separator = "&" if urlsplit(uri).query else "?"
    return Response(302, b"", {"location": f"{uri}{separator}{urlencode(params)}"})


def _error_page(code: str, message: str) -> Response:
    return html_response(
        "<!doctype html><html><head><title>Box | Error</title></head><body>"
        f'<h1>Error</h1><p id="error" data-code="{escape(code)}">{escape(message)}</p>'
        "</body></html>",
        400,
    )


def _form(
    app: App,
    redirect_uri: str,
    values: dict[str, str],
    *,
    error: str | None = None,
    status: int = 200,
) -> Response:
    hidden = {
        "client_id": app.client_id,
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "state": values.get("state"),
        "scope": values.get("scope"),
    }
    hidden_inputs = "".join(
        f'<input type="hidden" name="{name}" value="{escape(value)}">'
        for name, value in hidden.items()
        if value is not None
    )
    message = f'<p id="error" role="alert">{escape(error)}</p>' if error else ""
    login = escape(values.get("login", ""))
    return html_response(
        f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Box | Log In</title></head>
<body>
<h1>Log in to grant access to {escape(app.client_id)}</h1>
{message}
<form method="post" action="{AUTHORIZE_PATH}">
{hidden_inputs}
<label>Email <input type="email" name="login" id="login" value="{login}" required></label>
<label>Password <input type="password" name="password" id="password"></label>
<button type="submit" name="consent" value="grant" id="grant">Grant access</button>
<button type="submit" name="consent" value="deny" id="deny" formnovalidate>Deny</button>
</form>
</body></html>
""",
        status,
    )
