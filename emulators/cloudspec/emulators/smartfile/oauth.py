"""The OAuth 1.0a provider at the site root: ``/oauth/request_token/``, ``/oauth/authorize/``,
``/oauth/access_token/``.

Request and access pairs are 30 characters; a request token is single use (gone once
exchanged). ``oauth_callback`` defaults to ``oob``; a callback must be ``oob`` or an
absolute http(s) URL. The authorize page needs no login: whoever approves acts as the seed's
first user (the emulator has no sessions).
"""

from __future__ import annotations

import html
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..box.asgi import Request, Response, Router
from .auth import Authenticator, Verified
from .errors import OAuthFailure, SmartFileError
from .forms import body_params, query, truthy
from .state import AccessToken, RequestToken, State, token

FORM_TYPE = "application/x-www-form-urlencoded"


def _form(values: dict[str, str]) -> Response:
    return Response(200, urlencode(values).encode(), {"content-type": FORM_TYPE})


def _page(title: str, body: str, status: int = 200) -> Response:
    text = (
        f"<!DOCTYPE html>\n<html><head><title>{html.escape(title)}</title></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>\n"
    )
    return Response(status, text.encode(), {"content-type": "text/html; charset=utf-8"})


def with_query(url: str, extra: dict[str, str]) -> str:
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True) + list(extra.items())
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def approve(state: State, request_token: RequestToken) -> str:
    if request_token.verifier is None:
        request_token.verifier = token()
    return request_token.verifier


class OAuthProvider:
    def __init__(self, state: State) -> None:
        self.state = state
        self.auth = Authenticator(state)

    async def _verified(self, request: Request, kind: str) -> Verified:
        _, signed_pairs = await body_params(request)
        try:
            return self.auth.verify(request, signed_pairs, token_kind=kind)
        except SmartFileError:
            self.state.stats.auth_failures += 1
            raise

    async def request_token(self, request: Request) -> Response:
        verified = await self._verified(request, "none")
        callback = verified.params.get("oauth_callback") or "oob"
        if callback != "oob" and urlsplit(callback).scheme not in ("http", "https"):
            self.state.stats.auth_failures += 1
            raise OAuthFailure("invalid oauth_callback")
        issued = RequestToken(token(), token(), callback)
        self.state.request_tokens[issued.token] = issued
        return _form(
            {
                "oauth_token": issued.token,
                "oauth_token_secret": issued.secret,
                "oauth_callback_confirmed": "true",
            }
        )

    async def authorize_page(self, request: Request) -> Response:
        value = query(request).get("oauth_token") or ""
        if value not in self.state.request_tokens:
            return _page("Invalid request token", "<p>Unknown or used request token.</p>", 404)
        form = (
            '<form method="post" action="/oauth/authorize/">'
            f'<input type="hidden" name="oauth_token" value="{html.escape(value)}">'
            '<button type="submit" name="allow" value="1">Allow</button>'
            '<button type="submit" name="allow" value="0">Deny</button></form>'
        )
        return _page("Authorize application", form)

    async def authorize(self, request: Request) -> Response:
        params, _ = await body_params(request)
        value = params.get("oauth_token") or ""
        found = self.state.request_tokens.get(value)
        if found is None:
            return _page("Invalid request token", "<p>Unknown or used request token.</p>", 404)
        if not truthy(params.get("allow")):
            del self.state.request_tokens[value]
            return _page("Access denied", "<p>The application was not authorized.</p>")
        verifier = approve(self.state, found)
        if found.callback == "oob":
            shown = f'<p>Verifier: <code id="oauth_verifier">{html.escape(verifier)}</code></p>'
            return _page("Application authorized", shown)
        location = with_query(found.callback, {"oauth_token": value, "oauth_verifier": verifier})
        return Response(302, b"", {"location": location})

    async def access_token(self, request: Request) -> Response:
        verified = await self._verified(request, "request")
        found = self.state.request_tokens[verified.token or ""]
        verifier = verified.params.get("oauth_verifier") or ""
        if found.verifier is None or verifier != found.verifier:
            self.state.stats.auth_failures += 1
            raise OAuthFailure("missing or wrong oauth_verifier")
        del self.state.request_tokens[found.token]
        issued = AccessToken(token(), token(), self.state.owner.username)
        self.state.access_tokens[issued.token] = issued
        return _form({"oauth_token": issued.token, "oauth_token_secret": issued.secret})


def add_oauth_routes(router: Router, state: State) -> None:
    provider = OAuthProvider(state)
    router.add(["GET", "POST"], "/oauth/request_token/", provider.request_token)
    router.add(["GET"], "/oauth/authorize/", provider.authorize_page)
    router.add(["POST"], "/oauth/authorize/", provider.authorize)
    router.add(["GET", "POST"], "/oauth/access_token/", provider.access_token)
