"""An independent BCS verifier (reference §1.2): HMAC-SHA1 over the canonical request.

``METHOD&PATH&<sorted form>&Content-Type:<v>&Date:<v>``; pairs are sorted by
``lower(key) + "/" + lower(value)`` and encoded with Python 2 ``quote_plus`` rules (only
``A-Za-z0-9_.-`` literal, space as ``+``, ``~`` as ``%7E``), after UTF-8 encoding.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import quote_plus


def _enc(text: str) -> str:
    return quote_plus(text.encode("utf-8"), safe="").replace("~", "%7E")


def _pairs(values: Mapping[str, str], sep: str) -> str:
    ordered = sorted(values, key=lambda key: f"{key.lower()}/{values[key].lower()}")
    return "&".join(f"{_enc(key)}{sep}{_enc(values[key])}" for key in ordered)


def string_to_sign(
    method: str, path: str, form: Mapping[str, str], content_type: str, date: str
) -> str:
    headers = {"Content-Type": content_type, "Date": date}
    return f"{method.upper()}&{path}&{_pairs(form, '=')}&{_pairs(headers, ':')}"


def signature(secret: str, text: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def parse_authorization(value: str | None) -> tuple[str, str] | None:
    """``(client_id, signature)`` of ``BCS <id>:<sig>``; None when it is not that shape."""
    if not value or not value.startswith("BCS "):
        return None
    client_id, sep, sig = value[4:].strip().rpartition(":")
    if not sep or not client_id or not sig:
        return None
    return client_id, sig


def verify(
    secret: str,
    sig: str,
    method: str,
    path: str,
    form: Mapping[str, str],
    content_type: str,
    date: str,
) -> bool:
    expected = signature(secret, string_to_sign(method, path, form, content_type, date))
    return hmac.compare_digest(expected.encode(), sig.encode())
