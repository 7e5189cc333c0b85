"""Authentication: HTTP Basic (API key and password) and OAuth 1.0a on oauthlib.

OAuth 1.0a signs with PLAINTEXT by default, as SmartFile documents and every official client
does (the signature is ``<client secret>&<token secret>``, so use it over HTTPS only);
``signature_method="HMAC-SHA1"`` signs the method, URL, query and form body instead. The
parameters go in the ``Authorization: OAuth ...`` header. A urlencoded form body is read to be
signed; any other body (a multipart upload) is streamed untouched, as RFC 5849 leaves it out.
Secrets never appear in ``repr``.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import AsyncGenerator, Generator
from typing import Any

import httpx
from oauthlib.oauth1 import SIGNATURE_HMAC_SHA1, SIGNATURE_PLAINTEXT, Client

__all__ = ["FORM", "SIGNATURE_METHODS", "OAuth1Auth"]

FORM = "application/x-www-form-urlencoded"
SIGNATURE_METHODS = (SIGNATURE_PLAINTEXT, SIGNATURE_HMAC_SHA1)

# oauthlib logs, at DEBUG, the collected parameters (the access token), the base string and
# the signature it made. Records its logger makes while this client signs are dropped.
_SIGNING: contextvars.ContextVar[bool] = contextvars.ContextVar("smartfile_signing", default=False)


class _QuietWhileSigning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not _SIGNING.get()


logging.getLogger("oauthlib.oauth1.rfc5849").addFilter(_QuietWhileSigning())


def _is_form(request: httpx.Request) -> bool:
    content_type = str(request.headers.get("content-type", ""))
    return content_type.split(";")[0].strip().lower() == FORM


class OAuth1Auth(httpx.Auth):
    """Signs each request with the client pair and, when known, a token pair.

    ``callback`` is sent on the request-token call, ``verifier`` on the access-token call.
    """

    requires_request_body = False  # only form bodies are read (see the flows)

    def __init__(
        self,
        client_key: str,
        client_secret: str,
        token: str | None = None,
        token_secret: str | None = None,
        *,
        callback: str | None = None,
        verifier: str | None = None,
        signature_method: str = SIGNATURE_PLAINTEXT,
    ) -> None:
        if signature_method not in SIGNATURE_METHODS:
            raise ValueError(f"signature_method must be one of {SIGNATURE_METHODS}")
        self.client_key = client_key
        self.token = token
        self.signature_method = signature_method
        self._client_secret = client_secret
        self._token_secret = token_secret
        self._callback = callback
        self._verifier = verifier

    def __repr__(self) -> str:
        return (
            f"OAuth1Auth(client_key={self.client_key!r}, token={'set' if self.token else None}, "
            f"signature_method={self.signature_method!r})"
        )

    __str__ = __repr__

    def sign(self, request: httpx.Request) -> httpx.Request:
        """Adds the ``Authorization`` header (a form body must be read already)."""
        client = Client(
            self.client_key,
            client_secret=self._client_secret,
            resource_owner_key=self.token,
            resource_owner_secret=self._token_secret,
            callback_uri=self._callback,
            verifier=self._verifier,
            signature_method=self.signature_method,
        )
        body: str | None = None
        headers: dict[str, str] = {}
        if _is_form(request) and request.content:
            body = request.content.decode("utf-8")
            headers["Content-Type"] = FORM
        method: Any = request.method  # oauthlib's stubs want a literal
        signing = _SIGNING.set(True)
        try:
            _, signed, _ = client.sign(str(request.url), method, body=body, headers=headers)
        finally:
            _SIGNING.reset(signing)
        request.headers["Authorization"] = signed["Authorization"]
        return request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if _is_form(request):
            request.read()
        yield self.sign(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if _is_form(request):
            await request.aread()
        yield self.sign(request)
