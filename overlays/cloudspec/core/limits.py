"""The cap on bodies read whole: a hostile server cannot make a client read without bound.

A JSON (or HTML) answer is read into memory in one piece, so its size is capped: by default
64 MiB, ``CLOUDSPEC_MAX_RESPONSE_BYTES`` in the environment sets another default, and
``request.extensions["cloudspec.max_response_bytes"]`` sets it for one request (``None``:
no cap, for a download that streams to a file). A request marked
``extensions["cloudspec.read_whole"] = True`` (the clients' "send, read, decode" paths) is
capped whatever the type of its answer; otherwise bodies of other types (file contents,
which the clients stream) are not. Over the cap, reading raises
:class:`~cloudspec.core.errors.ResponseTooLargeError`.
"""

from __future__ import annotations

import os

import httpx

from .errors import ResponseTooLargeError

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "EXT_MAX_RESPONSE_BYTES",
    "EXT_READ_WHOLE",
    "capped_type",
    "default_max_response_bytes",
    "reads_whole",
    "too_large",
]

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
EXT_MAX_RESPONSE_BYTES = "cloudspec.max_response_bytes"
EXT_READ_WHOLE = "cloudspec.read_whole"
_ENV = "CLOUDSPEC_MAX_RESPONSE_BYTES"


def default_max_response_bytes() -> int:
    value = os.environ.get(_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_RESPONSE_BYTES


def capped_type(headers: httpx.Headers) -> bool:
    """Whether a body of this content type is one the clients read whole (JSON, HTML)."""
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    return kind in ("application/json", "text/html", "text/json") or kind.endswith("+json")


def reads_whole(request: httpx.Request, headers: httpx.Headers) -> bool:
    """Whether the answer with these headers to ``request`` is read into memory in one piece:
    a request marked :data:`EXT_READ_WHOLE`, or a JSON/HTML answer; never a download that
    opted out of the cap (``extensions[EXT_MAX_RESPONSE_BYTES] = None``: it is streamed).

    The body-size cap applies to exactly these, and the retry transport reads exactly these
    in its loop (a body cut mid-way is then retried like a dropped connection).
    """
    extensions = request.extensions
    if EXT_MAX_RESPONSE_BYTES in extensions and extensions[EXT_MAX_RESPONSE_BYTES] is None:
        return False
    return extensions.get(EXT_READ_WHOLE) is True or capped_type(headers)


def too_large(status: int, headers: httpx.Headers, limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"the answer is larger than the {limit}-byte cap on bodies read whole",
        status=status,
        headers=headers,
    )
