"""Kinto's answers checked for shape: every answer is a JSON object, a list's ``data`` is a
list of objects. Anything else is :class:`~cloudspec.kinto.exceptions.KintoMalformedResponse`
(a ``KintoAPIError`` and a core ``MalformedResponseError``), never a ``KeyError`` later.
"""

from __future__ import annotations

from typing import Any

import httpx

from cloudspec.core.parsing import decode_json, malformed
from cloudspec.core.redact import Redactor, default_redactor

from .exceptions import KintoMalformedResponse

__all__ = ["MissingCapability", "header_int", "json_object", "page_items"]

_ID_TYPES = (str, int)


class MissingCapability(KintoMalformedResponse, ValueError):
    """The server's ``/v1/`` does not announce what the call needs (a ``ValueError`` too, as
    before)."""


def json_object(response: httpx.Response, redactor: Redactor = default_redactor) -> Any:
    """The (read) body as a JSON object; ``None`` for an empty body."""
    body = decode_json(response, error=KintoMalformedResponse, redactor=redactor)
    if body is not None and not isinstance(body, dict):
        raise malformed(
            f"Kinto answered a JSON {type(body).__name__} where an object belongs",
            response=response,
            error=KintoMalformedResponse,
            redactor=redactor,
        )
    data = body.get("data") if isinstance(body, dict) else None
    if data is not None and not isinstance(data, dict | list):
        raise malformed(
            f"Kinto answered a {type(data).__name__} as data",
            response=response,
            error=KintoMalformedResponse,
            redactor=redactor,
        )
    return body


def page_items(response: httpx.Response, redactor: Redactor = default_redactor) -> list[Any]:
    """The objects of a page: ``data`` must be a list of objects, each ``id`` a string."""
    body = json_object(response, redactor)
    items = (body or {}).get("data") or []
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id", ""), _ID_TYPES) for item in items
    ):
        raise malformed(
            "Kinto answered a page whose data is not a list of objects",
            response=response,
            error=KintoMalformedResponse,
            redactor=redactor,
        )
    return items


def header_int(response: httpx.Response, *names: str) -> int | None:
    """The first of the headers ``names`` present, as an int (``None``: none present)."""
    for name in names:
        value = response.headers.get(name)
        if value is None:
            continue
        if not value.strip().isdigit():
            raise malformed(
                f"Kinto answered {name}: {value[:40]!r}, not a count",
                response=response,
                error=KintoMalformedResponse,
            )
        return int(value)
    return None
