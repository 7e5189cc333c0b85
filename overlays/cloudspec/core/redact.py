"""One redactor for everything that may be shown to a person.

Headers, query strings, form and JSON bodies and free text all go through
:class:`Redactor`, so debug output, log records, exception text, ``repr``
and cassettes hide the same things. Names are compared case-insensitively.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import attrs

__all__ = ["REDACTED", "Redactor", "default_redactor"]

REDACTED = "<redacted>"

SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "x-signature",
        "x-token",
        "x-api-key",
        "x-auth-token",
        "x-amz-security-token",
    }
)

# Field names that carry credentials in query strings, forms and JSON bodies.
SENSITIVE_FIELDS = frozenset(
    {
        "password",
        "passwd",
        "secret",
        "client_secret",
        "access_token",
        "refresh_token",
        "id_token",
        "token",
        "code",
        "signature",
        "sig",
        "private_key",
        "transmission_key",
        "oauth_signature",
        "oauth_token",
        "oauth_token_secret",
        "oauth_verifier",
        "api_key",
        "apikey",
        "x-token",
        # Header names, when a body echoes a request's headers back.
        "authorization",
        "proxy-authorization",
        "x-signature",
        "cookie",
    }
)


def _lower_set(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


def _secrets(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _credential_parts(value: str) -> list[str]:
    """A credential header's value, and the parts of it a server might echo on their own."""
    parts = [value]
    scheme, _, rest = value.strip().partition(" ")
    rest = rest.strip()
    if not rest:
        return parts
    parts.append(rest)
    kind = scheme.lower()
    if kind == "basic":
        try:
            decoded = base64.b64decode(rest, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        if ":" in decoded:
            parts += [decoded, decoded.partition(":")[2]]
    elif kind == "oauth":
        for item in rest.split(","):
            key, _, raw = item.strip().partition("=")
            if key in ("oauth_signature", "oauth_token"):
                parts += [raw.strip('"'), unquote(raw.strip('"'))]
    elif ":" in rest:  # BCS <client id>:<signature>
        parts.append(rest.rpartition(":")[2])
    return parts


@attrs.frozen(kw_only=True)
class Redactor:
    """Replaces secrets with ``<redacted>``.

    ``secrets`` are literal values (a configured password, a token) that are
    scrubbed wherever they appear in text, whatever field carried them.
    """

    headers: frozenset[str] = attrs.field(default=SENSITIVE_HEADERS, converter=_lower_set)
    fields: frozenset[str] = attrs.field(default=SENSITIVE_FIELDS, converter=_lower_set)
    secrets: tuple[str, ...] = attrs.field(default=(), repr=False, converter=_secrets)

    def with_secrets(self, *values: str | None) -> Redactor:
        # Short values would redact innocent text ("a" everywhere), so ignore them.
        extra = tuple(v for v in values if v and len(v) >= 4 and v not in self.secrets)
        if not extra:
            return self
        return attrs.evolve(self, secrets=self.secrets + extra)

    def with_credentials_of(self, headers: Iterable[tuple[str, str]]) -> Redactor:
        """Also hides the credentials a request carried in its headers, wherever they show
        again (a server echoing the request in an error body): whole values, the part after
        the scheme, a Basic pair's password, OAuth 1.0a signatures and tokens, signatures."""
        found: list[str] = []
        for name, value in headers:
            if name.lower() in self.headers:
                found += _credential_parts(value)
        return self.with_secrets(*found)

    def header(self, name: str, value: str) -> str:
        if name.lower() in self.headers:
            return REDACTED
        return self.text(value)

    def header_items(self, items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(name, self.header(name, value)) for name, value in items]

    def query(self, query: str) -> str:
        if not query:
            return query
        pairs = parse_qsl(query, keep_blank_values=True)
        cleaned = [(k, REDACTED if k.lower() in self.fields else self.text(v)) for k, v in pairs]
        return urlencode(cleaned, safe="<>,*:/")

    def url(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.password is not None:
            host = parts.netloc.rpartition("@")[2]
            parts = parts._replace(netloc=f"{parts.username}:{REDACTED}@{host}")
        base = urlunsplit(parts._replace(query="", fragment=""))
        query = f"?{self.query(parts.query)}" if parts.query else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"{self.text(base)}{query}{fragment}"

    def data(self, value: Any) -> Any:
        """Redacts a decoded JSON value (dicts, lists, scalars), returning a copy."""
        if isinstance(value, Mapping):
            if self._is_sensitive_patch(value):
                return {k: (REDACTED if k == "value" else self.data(v)) for k, v in value.items()}
            # Only strings are credentials: Kinto's integer error "code" stays visible.
            return {
                k: (REDACTED if self._sensitive(k, v) else self.data(v)) for k, v in value.items()
            }
        if isinstance(value, list):
            return [self.data(v) for v in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def body(self, content: bytes, content_type: str | None) -> str:
        """Renders a request or response body for display, redacted."""
        ctype = (content_type or "").split(";")[0].strip().lower()
        text = content.decode("utf-8", errors="replace")
        if ctype == "application/x-www-form-urlencoded":
            return self.query(text)
        if ctype.endswith("json"):
            try:
                decoded = json.loads(text)
            except ValueError:
                return self.text(text)
            # A credential may show twice in one document (Metadisk's token is also its
            # "id"): every value of a sensitive field is hidden wherever else it shows.
            redactor = self.with_secrets(*self._sensitive_values(decoded))
            return json.dumps(redactor.data(decoded), ensure_ascii=False, sort_keys=False)
        return self.text(text)

    def _sensitive_values(self, value: Any) -> list[str]:
        # Credentials are long; a short value ("denied" under an error "code") is a word that
        # would hide the same word in every other field.
        if isinstance(value, Mapping):
            found = [
                v
                for k, v in value.items()
                if isinstance(v, str) and len(v) >= 12 and self._sensitive(k, v)
            ]
            for item in value.values():
                found += self._sensitive_values(item)
            return found
        if isinstance(value, list):
            return [found for item in value for found in self._sensitive_values(item)]
        return []

    def _sensitive(self, key: object, value: Any) -> bool:
        return str(key).lower() in self.fields and isinstance(value, str | bytes | list | dict)

    def _is_sensitive_patch(self, op: Mapping[Any, Any]) -> bool:
        # A JSON Patch operation carries the field name in its path:
        # {"op": "replace", "path": "/data/password", "value": "..."}.
        path = op.get("path")
        if not (isinstance(path, str) and "op" in op and "value" in op):
            return False
        return path.rsplit("/", 1)[-1].lower() in self.fields

    def text(self, text: str) -> str:
        # Longest first: a secret that is a prefix of another must not leave its tail.
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text


default_redactor = Redactor()
