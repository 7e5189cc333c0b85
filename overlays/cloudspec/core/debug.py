"""``debug=True``: each request and response printed as the original ButtFS SDK did, redacted.

The text goes to the ``cloudspec.http`` logger at DEBUG; ``enable_debug_output``
attaches a stderr handler to it once. httpx's own INFO line per request
(``HTTP Request: GET <url> ...``) keeps its place, but credentials in the URL's
query (a Metadisk shard token, an OAuth token) are redacted in it.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import httpx

from .redact import Redactor, default_redactor

__all__ = [
    "MAX_LOGGED_BODY",
    "enable_debug_output",
    "format_request",
    "format_response",
    "logger",
]

logger = logging.getLogger("cloudspec.http")

# Bodies larger than this, or binary ones, are summarised instead of printed.
MAX_LOGGED_BODY = 16 * 1024

_TEXTUAL = ("json", "text/", "x-www-form-urlencoded", "xml")
_handler_installed: list[logging.Handler] = []


class _RedactURLs(logging.Filter):
    """Hides credentials in the URLs httpx logs (``request.url`` is a record argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and any(isinstance(arg, httpx.URL) for arg in args):
            record.args = tuple(
                default_redactor.url(str(arg)) if isinstance(arg, httpx.URL) else arg
                for arg in args
            )
        return True


logging.getLogger("httpx").addFilter(_RedactURLs())


def enable_debug_output(stream: TextIO | None = None) -> None:
    """Prints ``cloudspec.http`` records to stderr (once per process)."""
    logger.setLevel(logging.DEBUG)
    if not _handler_installed:
        handler = logging.StreamHandler(stream or sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        _handler_installed.append(handler)


def _is_textual(content_type: str | None) -> bool:
    ctype = (content_type or "").lower()
    return any(marker in ctype for marker in _TEXTUAL)


def _body_lines(content: bytes | None, content_type: str | None, redactor: Redactor) -> list[str]:
    if content is None:
        return ["Body:", "\t<streamed>"]
    if not content:
        return []
    if len(content) > MAX_LOGGED_BODY or not _is_textual(content_type):
        return ["Body:", f"\t<{len(content)} bytes, {content_type or 'no content type'}>"]
    text = redactor.body(content, content_type)
    return ["Body:", *(f"\t{line}" for line in text.splitlines())]


def _read_content(request: httpx.Request) -> bytes | None:
    """The body if it is in memory; a stream (an upload) is never read for a log line."""
    if not isinstance(request.stream, httpx.ByteStream):
        return None
    try:
        return request.content
    except httpx.RequestNotRead:  # a request rebuilt around a byte stream by an auth flow
        return b"".join(request.stream)


def format_request(request: httpx.Request, redactor: Redactor) -> str:
    lines = ["Request:", f"{request.method}: {redactor.url(str(request.url))}"]
    lines += [f"{name} : {value}" for name, value in redactor.header_items(request.headers.items())]
    content = _read_content(request)
    lines += _body_lines(content, request.headers.get("content-type"), redactor)
    return "\n".join(lines)


def format_response(response: httpx.Response, redactor: Redactor, content: bytes | None) -> str:
    lines = ["Response:", f"HTTP Code: {response.status_code}"]
    lines += [
        f"{name} : {value}" for name, value in redactor.header_items(response.headers.items())
    ]
    lines += _body_lines(content, response.headers.get("content-type"), redactor)
    return "\n".join(lines) + "\n"


def should_read_body(response: httpx.Response) -> bool:
    """Small textual bodies are read for printing; big or binary ones stay streamed."""
    if not _is_textual(response.headers.get("content-type")):
        return False
    length = response.headers.get("content-length")
    return length is not None and length.isdigit() and int(length) <= MAX_LOGGED_BODY
