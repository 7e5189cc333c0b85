"""BCS request signing (ButtFS / Bitcasa CloudFS v2) and the ``httpx.Auth`` that uses it.

The algorithm is the original Python SDK's (``ButtFSConnection._sign_request`` in
buttcasa/ButtFS-Python @ 40cbe9b), reproduced byte for byte for any Unicode input::

    string_to_sign = METHOD & PATH & enc(form, "=") & enc({Content-Type, Date}, ":")
    Authorization  = "BCS " + client_id + ":" + base64(HMAC-SHA1(utf8(secret), string_to_sign))

``enc`` sorts the pairs by ``lower(key) + "/" + lower(value)`` and joins
``quote_plus(key) + sep + quote_plus(value)`` with ``&``. The original ran on Python 2 byte
strings, and so does this port, in effect:

* everything is UTF-8 encoded first, then percent-encoded with Python 2's ``quote_plus(s, "")``:
  only ``A-Z a-z 0-9 _ . -`` stay literal, a space becomes ``+``, every other byte is ``%XX``
  (upper-case hex; ``~`` too, which Python 3's ``quote_plus`` would leave alone);
* the sort key is the UTF-8 *bytes*, lower-cased the Python 2 way (ASCII letters only), compared
  byte by byte; so ``version-conflict`` sorts before ``version`` (``-`` < ``/``);
* pairs whose sort keys are equal (keys that differ only by ASCII case, with equal lower-cased
  values) collapse to one, the later in the mapping's order, as in the original's sort map;
* an empty form gives an empty segment (``POST&/v2/oauth2/token&&Content-Type:...``);
* only the headers given are signed: ``content_type=None`` leaves Content-Type out, as the
  original's header filter does when the header is absent.

Only the token request (``/v2/oauth2/token``) and admin requests (``/v2/admin/...``) are signed;
every other request carries ``Authorization: Bearer <access_token>``. ``BCSAuth`` does both.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import Literal
from urllib.parse import parse_qsl, quote_plus

import attrs
import httpx

__all__ = [
    "BCS_CONTENT_TYPE",
    "BCSAuth",
    "BCSCredentials",
    "MissingCredentialsError",
    "bcs_authorization",
    "bcs_date",
    "bcs_string_to_sign",
    "request_kind",
]

BCS_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset="utf-8"'
"""The Content-Type the original SDK sends (and signs) on BCS requests."""

TOKEN_PATH = "/v2/oauth2/token"
ADMIN_PREFIX = "/v2/admin/"


def _quote(value: str) -> str:
    """Python 2 ``urllib.quote_plus(utf8(value), '')``."""
    return quote_plus(value.encode("utf-8"), safe="").replace("~", "%7E")


def _encode_pairs(pairs: Mapping[str, str], sep: str) -> str:
    by_sort_key: dict[bytes, str] = {}
    for key, value in pairs.items():
        # bytes.lower() folds ASCII only, like Python 2 str.lower() on UTF-8 bytes.
        by_sort_key[f"{key}/{value}".encode().lower()] = key
    return "&".join(
        f"{_quote(key)}{sep}{_quote(pairs[key])}"
        for key in (by_sort_key[sort_key] for sort_key in sorted(by_sort_key))
    )


def bcs_string_to_sign(
    method: str,
    path: str,
    params: Mapping[str, str],
    content_type: str | None,
    date: str | None,
) -> str:
    """The string the original SDK signs.

    ``path`` is the raw request path (no scheme, host or query; trailing slash as sent),
    ``params`` the form-body fields (not URL query parameters), ``content_type`` and ``date``
    the exact header values sent (``None``: header not sent, so not signed).
    """
    headers = {
        name: value
        for name, value in (("Content-Type", content_type), ("Date", date))
        if value is not None
    }
    return "&".join((method.upper(), path, _encode_pairs(params, "="), _encode_pairs(headers, ":")))


def _signature(secret: str, string_to_sign: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(digest.digest()).decode("ascii")


def bcs_authorization(
    client_id: str,
    secret: str,
    method: str,
    path: str,
    params: Mapping[str, str],
    content_type: str | None,
    date: str | None,
) -> str:
    """The full ``Authorization`` value: ``BCS <client_id>:<base64 HMAC-SHA1>``."""
    string_to_sign = bcs_string_to_sign(method, path, params, content_type, date)
    return f"BCS {client_id}:{_signature(secret, string_to_sign)}"


def bcs_date() -> str:
    """Now, as the original SDK formats ``Date``: ``Sat, 25 Oct 2014 03:10:15 GMT``."""
    return email.utils.formatdate(usegmt=True)


@attrs.frozen
class BCSCredentials:
    """A client id and its secret (the app's, or the admin pair). The secret is never shown."""

    client_id: str
    secret: str = attrs.field(repr=False)

    def __str__(self) -> str:
        return f"BCSCredentials(client_id={self.client_id!r})"


RequestKind = Literal["token", "admin", "bearer"]


def request_kind(path: str) -> RequestKind:
    """Which credential a request path needs: the app's BCS pair, the admin pair, or a token."""
    if path.endswith(TOKEN_PATH):
        return "token"
    if ADMIN_PREFIX in path:
        return "admin"
    return "bearer"


def _raw_path(request: httpx.Request) -> str:
    """The path exactly as it goes on the wire, without the query string."""
    return request.url.raw_path.split(b"?", 1)[0].decode("ascii")


def _form_params(request: httpx.Request) -> dict[str, str]:
    """The urlencoded body fields, as the server decodes them (a repeated key: the last wins)."""
    content_type = request.headers.get("Content-Type", "")
    if not request.content or "application/x-www-form-urlencoded" not in content_type.lower():
        return {}
    text = request.content.decode("utf-8")
    return dict(parse_qsl(text, keep_blank_values=True, strict_parsing=False))


class MissingCredentialsError(RuntimeError):
    """A request needs a credential this ``BCSAuth`` was not given (e.g. the admin pair)."""


class BCSAuth(httpx.Auth):
    """Sign token and admin requests with BCS; send ``Bearer <token>`` on everything else.

    ``token`` returns the current access token (``None``: not linked; the request then goes
    out without ``Authorization`` and the server answers 401). ``date`` returns the ``Date``
    value used when a signed request has none (tests pin it). The signed string is built from
    the request as it will be sent: method, raw path, urlencoded body, Content-Type and Date.
    """

    # Form fields are signed. The flows below read the body of signed requests only.
    requires_request_body = True

    def __init__(
        self,
        app: BCSCredentials,
        *,
        admin: BCSCredentials | None = None,
        token: Callable[[], str | None] | None = None,
        date: Callable[[], str] = bcs_date,
    ) -> None:
        self._app = app
        self._admin = admin
        self._token = token
        self._date = date

    def __repr__(self) -> str:
        admin = self._admin.client_id if self._admin is not None else None
        return f"BCSAuth(client_id={self._app.client_id!r}, admin_client_id={admin!r})"

    __str__ = __repr__

    def needs_body(self, request: httpx.Request) -> bool:
        """Whether ``request`` is signed (only then is its body read: uploads stay streamed)."""
        return request_kind(_raw_path(request)) != "bearer"

    def sign(self, request: httpx.Request) -> httpx.Request:
        """Add the headers ``request`` needs (a signed request's body must already be read)."""
        kind = request_kind(_raw_path(request))
        if kind == "bearer":
            token = self._token() if self._token is not None else None
            if token:
                request.headers["Authorization"] = f"Bearer {token}"
            return request
        credentials = self._app if kind == "token" else self._admin
        if credentials is None:
            raise MissingCredentialsError(
                "admin requests need the admin client id and secret (BCSAuth(admin=...))"
            )
        if "Date" not in request.headers:
            request.headers["Date"] = self._date()
        request.headers["Authorization"] = bcs_authorization(
            credentials.client_id,
            credentials.secret,
            request.method,
            _raw_path(request),
            _form_params(request),
            request.headers.get("Content-Type"),
            request.headers["Date"],
        )
        return request

    # httpx's default flows read every body when requires_request_body is set; these read
    # only the (small, urlencoded) bodies of signed requests.
    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.needs_body(request):
            request.read()
        yield self.sign(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self.needs_body(request):
            await request.aread()
        yield self.sign(request)
