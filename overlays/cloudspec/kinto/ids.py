"""Ids are checked, never rewritten: kinto-http slugified ``"Hello World"`` into
``hello-world`` silently; cloudspec raises ``ValueError`` before any request."""

from __future__ import annotations

import functools
import os
import re

__all__ = ["check_id", "new_record_id"]

# Kinto's own rules: buckets, collections, groups and records (RelaxedUUID) share
# the slug pattern; account ids may also carry '.' and '@' (e-mail logins).
_SLUG = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_-]*")
_ACCOUNT = re.compile(r"[a-zA-Z0-9][.@a-zA-Z0-9_-]*")


def check_id(value: object, kind: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"invalid {kind} id {value!r}: ids are strings")
    if kind == "record":  # nearly always new: a cache would only churn
        return _check.__wrapped__(value, kind)
    return _check(value, kind)


def new_record_id() -> str:
    """A random (version 4) UUID, as Kinto's own ids; the string is built directly,
    which is a third of ``str(uuid.uuid4())``'s cost on a path run once per record."""
    h = os.urandom(16).hex()
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


@functools.lru_cache(maxsize=1024)
def _check(value: str, kind: str) -> str:
    # Cached: a batch of records checks the same bucket and collection ids every call.
    pattern = _ACCOUNT if kind == "account" else _SLUG
    if not pattern.fullmatch(value):
        raise ValueError(
            f"invalid {kind} id {value!r}: Kinto ids start with a letter or digit and "
            f"contain only letters, digits, '_' and '-'"
            + (" ('.' and '@' are allowed in account ids)" if kind == "account" else "")
        )
    return value
