"""What every cassette loses before it is saved: credentials in bodies, volatile headers.

Shared by the per-service conftests (Kinto, Box, ButtFS); each brings its own redactor (Box
and ButtFS keep their error ``code``, which the default redactor would treat as an OAuth code).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from cloudspec.core.redact import Redactor


def scrub_request_body(request: Any, redactor: Redactor, *, default_type: str = "") -> None:
    """Form and JSON request bodies with their credential fields redacted (in place)."""
    if not request.body:
        return
    ctype = request.headers.get("Content-Type", "") or request.headers.get("content-type", "")
    ctype = ctype or default_type
    if "json" not in ctype and "x-www-form-urlencoded" not in ctype:
        return  # file contents and multipart bodies hold no credential fields
    body = request.body if isinstance(request.body, bytes) else request.body.encode()
    request.body = redactor.body(body, ctype).encode()


def scrub_response(
    response: dict[str, Any], redactor: Redactor, dropped_headers: Iterable[str]
) -> dict[str, Any]:
    """Headers lower-cased without the volatile ones; a JSON body with secrets redacted."""
    headers = {k.lower(): v for k, v in response["headers"].items()}
    for name in dropped_headers:
        headers.pop(name, None)
    response["headers"] = headers
    body = response.get("body", {}).get("string")
    if body:
        try:
            decoded = json.loads(body)
        except ValueError:  # binary content (a download) or text: nothing to redact by key
            pass
        else:
            response["body"]["string"] = json.dumps(redactor.data(decoded)).encode()
    return response
