"""A prepared request: what a client method wants sent, before anything is sent.

Client methods build a :class:`Call` from the generated operation's
``_get_kwargs`` (paths, quoting, parameters and headers come from the spec),
then hand it to a session: the HTTP session sends it, the batch session
queues it as a sub-request, the dry-run session only logs it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import attrs

from .exceptions import KintoNotFound

__all__ = ["NO_BODY", "Call", "query_value"]


class _NoBody:
    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY: Any = _NoBody()


# Filters that take a comma-separated list; contains_/contains_any_ take a JSON array.
_COMMA_LISTS = ("in_", "exclude_", "_sort", "_fields")


def query_value(value: object, key: str = "") -> str:
    """kinto-http's rules: strings as they are, ``in_``/``exclude_`` lists comma-joined,
    everything else (numbers, booleans, other lists) as JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | set | frozenset) and key.startswith(_COMMA_LISTS):
        return ",".join(v if isinstance(v, str) else json.dumps(v) for v in value)
    if isinstance(value, tuple | set | frozenset):
        value = list(value)
    return json.dumps(value)


@attrs.frozen(kw_only=True)
class Call:
    method: str
    url: str
    params: Mapping[str, str] = attrs.field(factory=dict)
    headers: Mapping[str, str] = attrs.field(factory=dict)
    body: Any = NO_BODY
    # Multipart parts (httpx ``files=``); the boundary is left to httpx (see from_kwargs).
    files: Any = None
    # None: decide from the method and headers (see cloudspec.core.retry).
    idempotent: bool | None = None
    # Raised for a 403/404 in place of the generic class (kinto-http's BucketNotFound...).
    not_found: type[KintoNotFound] | None = None

    @classmethod
    def from_kwargs(
        cls,
        kwargs: Mapping[str, Any],
        *,
        extra_params: Mapping[str, object] | None = None,
        idempotent: bool | None = None,
        not_found: type[KintoNotFound] | None = None,
    ) -> Call:
        raw_params = kwargs.get("params")
        params = {k: query_value(v, k) for k, v in raw_params.items()} if raw_params else {}
        if extra_params:
            params.update({k: query_value(v, k) for k, v in extra_params.items() if v is not None})
        headers: dict[str, str] = kwargs.get("headers") or {}
        files = kwargs.get("files")
        return cls(
            method=kwargs["method"].upper(),
            url=kwargs["url"],
            params=params,
            headers=headers,
            body=kwargs.get("json", NO_BODY),
            files=files,
            idempotent=idempotent,
            not_found=not_found,
        )

    @property
    def has_body(self) -> bool:
        return self.body is not NO_BODY

    def path_with_query(self) -> str:
        if not self.params:
            return self.url
        return f"{self.url}?{urlencode(self.params)}"
