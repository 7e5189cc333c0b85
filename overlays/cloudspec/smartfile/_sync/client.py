# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The original SmartFile clients (``BasicClient``, ``OAuthClient``), typed, with async twins.

Generic calls work as in the original: ``api.get('/path/info', '/Documents', children=True)``,
``api('/ping')``, ``api.post('/path/oper/move/', src=..., dst=...)``; GET keyword arguments go in
the query and the others in a form body (lists as repeated keys); a keyword whose value is a
file object or a ``(name, fileobj)`` tuple makes the request multipart. The answer is the
decoded JSON when the response is JSON (any ``application/json`` content type, charset or not:
the original wanted the exact string), ``None`` for an empty answer (a 204), else a file-like
:class:`ResponseStream`.

Throttling: a 429 (waiting ``Retry-After``) or a 503 with ``X-Throttle: ...; next=N sec``
(waiting N) is tried again while ``throttle_wait`` is true, three attempts in all as in the
original, then :class:`~cloudspec.smartfile.errors.ThrottledError`. A body that cannot be
re-read (a file object that cannot seek) is not re-sent. Dropped connections and 502/504 on
safe requests are retried by the transport with backoff; a timeout is always set.

Typed helpers (:class:`TypedCalls`) build their requests from the generated operations.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlencode

import httpx

from cloudspec.core import RetryPolicy, build_client
from cloudspec.core._backends import sleep
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.config import TimeoutTypes, VerifyTypes
from cloudspec.core.limits import EXT_READ_WHOLE
from cloudspec.core.redact import Redactor, default_redactor
from cloudspec.core.retry import EXT_RETRY
from cloudspec.smartfile_api.api.oauth import oauth_access_token, oauth_request_token

from ..auth import OAuth1Auth
from ..credentials import (
    MISSING_ACCESS,
    base_url,
    basic_credentials,
    oauth_access_credentials,
    oauth_client_credentials,
)
from ..errors import (
    APIError,
    ConnectionError,
    RequestError,
    ResponseError,
    ThrottledError,
    TimeoutError,
    error_from_response,
    map_transport_errors,
)
from ..throttle import throttle_wait
from ..tokens import OAuthToken
from ..uploads import form_fields, is_file, part_of, replayable
from ..urls import api_path
from .stream import ResponseStream
from .typed import TypedCalls

__all__ = [
    "DEFAULT_RETRY",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "BasicClient",
    "Client",
    "OAuthClient",
    "OAuthToken",
]

DEFAULT_VERSION = "2"
DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRY = RetryPolicy(statuses=frozenset({408, 502, 504}))
"""The transport's share: drops and 502/504 on safe requests. Throttling is the client's."""
THROTTLE_ATTEMPTS = 3
MAX_THROTTLE_WAIT = 120.0
USER_AGENT = "cloudspec-smartfile"
_JSON = "application/json"


class Client(TypedCalls):
    """What both clients share; use :class:`BasicClient` or :class:`OAuthClient`."""

    def __init__(
        self,
        url: str | None = None,
        version: str = DEFAULT_VERSION,
        throttle_wait: bool = True,
        *,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        verify: VerifyTypes = True,
        transport: httpx.BaseTransport | None = None,
        redactor: Redactor = default_redactor,
    ) -> None:
        self.url = base_url(url)
        self.version = str(version)
        self.throttle_wait = throttle_wait
        self._redactor = redactor
        self._http = build_client(
            self.url.rstrip("/"),
            timeout=timeout,
            retry=retry or DEFAULT_RETRY,
            debug=debug,
            redactor=redactor,
            verify=verify,
            transport=transport,
            headers={"User-Agent": USER_AGENT},
        )

    def _auth(self) -> httpx.Auth:
        raise NotImplementedError

    # ---- the original's generic calls ----

    def get(self, endpoint: str, id: object = None, **kwargs: Any) -> Any:
        return self._request("GET", endpoint, id, kwargs)

    def put(self, endpoint: str, id: object = None, **kwargs: Any) -> Any:
        return self._request("PUT", endpoint, id, kwargs)

    def post(self, endpoint: str, id: object = None, **kwargs: Any) -> Any:
        return self._request("POST", endpoint, id, kwargs)

    def delete(self, endpoint: str, id: object = None, **kwargs: Any) -> Any:
        return self._request("DELETE", endpoint, id, kwargs)

    def __call__(self, endpoint: str, id: object = None, **kwargs: Any) -> Any:
        return self._request("GET", endpoint, id, kwargs)

    def _request(self, method: str, endpoint: str, id: object, kwargs: Mapping[str, Any]) -> Any:
        path = api_path(self.version, endpoint, id)
        params: dict[str, Any] | None = None
        data: dict[str, Any] = {}
        files: dict[str, Any] = {}
        if method == "GET":
            params = form_fields(kwargs)
        else:
            data = form_fields({k: v for k, v in kwargs.items() if not is_file(v)})
            files = {k: part_of(k, v) for k, v in kwargs.items() if is_file(v)}
        rewind = replayable(files.values())

        def build() -> httpx.Request:
            return self._http.build_request(
                method,
                path,
                params=params or None,
                data=data or None,
                files=files or None,
            )

        return self._send(build, rewind, decode=True)

    # ---- plumbing shared with the typed calls ----

    def _send(
        self,
        build: Any,
        rewind: Any = None,
        *,
        decode: bool = True,
        stream: bool = False,
        auth: httpx.Auth | None = None,
    ) -> Any:
        """Send ``build()`` (called again for each throttled retry; ``rewind()`` must say the
        body can be read again), raise the typed error for an error status, and answer the
        JSON, the text, or a stream (``stream=True``, or a non-JSON answer to a generic call).
        """
        attempt = 1
        while True:
            request: httpx.Request = build()
            if not stream and not decode:  # a typed call: the answer is read whole, capped
                request.extensions[EXT_READ_WHOLE] = True
            with map_transport_errors(self._redactor):
                response = self._http.send(request, auth=auth or self._auth(), stream=True)
            # A redirect is not followed (credentials stay on the API's origin): an error too,
            # not an empty answer.
            if response.status_code < 300:
                return self._answer(response, decode=decode, stream=stream)
            _read_error(response, self._redactor)
            wait = throttle_wait(response) if self.throttle_wait else None
            if wait is None:
                raise error_from_response(response, redactor=self._redactor)
            if attempt >= THROTTLE_ATTEMPTS or wait > MAX_THROTTLE_WAIT:
                raise ThrottledError(f"Could not complete request after {attempt} trys.", wait)
            if rewind is not None and not rewind():
                raise error_from_response(response, redactor=self._redactor)
            # Throttle retries draw from the client's retry budget, like the transport's.
            if not budget_allows_retry(self._http):
                raise error_from_response(response, redactor=self._redactor)
            sleep(wait)
            attempt += 1

    def _throttle_delay(self, response: httpx.Response, attempt: int) -> float:
        """Seconds to wait before trying a throttled request again, for callers that do not go
        through :meth:`_send` (downloads); the same rules. Raises the typed error when
        ``response`` is not throttling (or waiting is off), ``ThrottledError`` after the last
        attempt."""
        wait = throttle_wait(response) if self.throttle_wait else None
        if wait is None:
            raise error_from_response(response, redactor=self._redactor)
        if attempt >= THROTTLE_ATTEMPTS or wait > MAX_THROTTLE_WAIT:
            raise ThrottledError(f"Could not complete request after {attempt} trys.", wait)
        if not budget_allows_retry(self._http):
            raise error_from_response(response, redactor=self._redactor)
        return wait

    def _answer(self, response: httpx.Response, *, decode: bool, stream: bool) -> Any:
        content_type = str(response.headers.get("content-type", ""))
        is_json = content_type.split(";")[0].strip().lower() == _JSON
        # A 204 (a delete) has nothing to read: None, not an empty stream to close.
        empty = response.status_code == 204 or response.headers.get("content-length") == "0"
        if stream or (decode and not is_json and not empty):
            return ResponseStream(response, self._redactor)
        try:
            with map_transport_errors(self._redactor):
                response.read()
        finally:
            response.close()
        if not response.content:
            return None
        if not is_json:
            return response.text
        try:
            return response.json()
        except (ValueError, RecursionError):  # not JSON, or nested too deep to decode
            return response.text

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _read_error(response: httpx.Response, redactor: Redactor) -> None:
    try:
        with map_transport_errors(redactor):
            response.read()
    finally:
        response.close()


class BasicClient(Client):
    """HTTP Basic with an API key and password, from the arguments, the environment
    (``SMARTFILE_API_KEY``, ``SMARTFILE_API_PASSWORD``) or a netrc file, in that order."""

    def __init__(
        self,
        key: str | None = None,
        password: str | None = None,
        netrcfile: str | os.PathLike[str] | None = None,
        url: str | None = None,
        version: str = DEFAULT_VERSION,
        throttle_wait: bool = True,
        *,
        redactor: Redactor = default_redactor,
        **kwargs: Any,
    ) -> None:
        self.key, password = basic_credentials(
            key, password, url=base_url(url), netrcfile=netrcfile
        )
        super().__init__(
            url, version, throttle_wait, redactor=redactor.with_secrets(password), **kwargs
        )
        self._basic = httpx.BasicAuth(self.key, password)

    def _auth(self) -> httpx.Auth:
        return self._basic

    def __repr__(self) -> str:
        return f"BasicClient(key={self.key[:4]}..., url={self.url!r})"


class OAuthClient(Client):
    """OAuth 1.0a: the client pair from the arguments or ``SMARTFILE_CLIENT_TOKEN`` /
    ``SMARTFILE_CLIENT_SECRET``; the access pair from the arguments, the environment
    (``SMARTFILE_ACCESS_TOKEN`` / ``SMARTFILE_ACCESS_SECRET``) or the three-legged flow:
    :meth:`get_request_token`, :meth:`get_authorization_url`, :meth:`get_access_token`."""

    def __init__(
        self,
        client_token: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        access_secret: str | None = None,
        url: str | None = None,
        version: str = DEFAULT_VERSION,
        throttle_wait: bool = True,
        *,
        signature_method: str = "PLAINTEXT",
        redactor: Redactor = default_redactor,
        **kwargs: Any,
    ) -> None:
        self.client = OAuthToken(*oauth_client_credentials(client_token, client_secret))
        access = oauth_access_credentials(access_token, access_secret)
        self.access: OAuthToken | None = OAuthToken(*access) if access else None
        secrets = (self.client.secret, access[1] if access else None)
        super().__init__(
            url, version, throttle_wait, redactor=redactor.with_secrets(*secrets), **kwargs
        )
        self._request_token: OAuthToken | None = None
        self.signature_method = signature_method

    def __repr__(self) -> str:
        return f"OAuthClient(client_token={self.client.token[:4]}..., url={self.url!r})"

    def _signer(self, token: OAuthToken | None = None, **extra: str | None) -> OAuth1Auth:
        return OAuth1Auth(
            self.client.token,
            self.client.secret,
            token.token if token else None,
            token.secret if token else None,
            signature_method=self.signature_method,
            callback=extra.get("callback"),
            verifier=extra.get("verifier"),
        )

    def _auth(self) -> httpx.Auth:
        if self.access is None:
            raise APIError(MISSING_ACCESS)
        return self._signer(self.access)

    def _token_call(self, kwargs: Mapping[str, Any], auth: OAuth1Auth) -> OAuthToken:
        def build() -> httpx.Request:
            return self._http.build_request(
                str(kwargs["method"]).upper(), str(kwargs["url"]), extensions={EXT_RETRY: None}
            )

        text = self._send(build, decode=False, auth=auth)
        fields = dict(parse_qsl(text or "", keep_blank_values=True))
        token, secret = fields.get("oauth_token"), fields.get("oauth_token_secret")
        if not token or not secret:
            raise APIError("the OAuth token answer has no oauth_token and oauth_token_secret")
        self._redactor = self._redactor.with_secrets(secret)
        return OAuthToken(token, secret)

    def get_request_token(self, callback: str | None = None) -> OAuthToken:
        """Step 1: a request token (``callback`` is where the user is sent back; without it
        the site shows the verifier)."""
        auth = self._signer(callback=callback or "oob")
        self._request_token = self._token_call(oauth_request_token._get_kwargs(), auth)
        return self._request_token

    def get_authorization_url(self, request: OAuthToken | None = None) -> str:
        """Step 2: the page where the user grants access."""
        token = request or self._request_token
        if token is None:
            raise APIError("Call get_request_token() before get_authorization_url().")
        query = urlencode({"oauth_token": token.token})
        return f"{self.url}oauth/authorize/?{query}"

    def get_access_token(
        self, request: OAuthToken | None = None, verifier: str | None = None
    ) -> OAuthToken:
        """Step 3: trade the authorised request token and the ``verifier`` for the access
        pair, which signs every later call."""
        token = request or self._request_token
        if token is None:
            raise APIError("Call get_request_token() before get_access_token().")
        auth = self._signer(token, verifier=verifier)
        self.access = self._token_call(oauth_access_token._get_kwargs(), auth)
        self._redactor = self._redactor.with_secrets(self.access.secret)
        self._request_token = None
        return self.access


__all__ += ["ConnectionError", "RequestError", "ResponseError", "TimeoutError"]
