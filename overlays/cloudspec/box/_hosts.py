"""Which Box host answers an operation, from its method and path.

The spec gives each operation its ``servers`` (upload host for uploads and upload sessions,
``https://api.box.com`` for OAuth, the API otherwise), but the generated package keeps one
base URL; tests/unit/test_box_hosts.py checks this function against every operation of
``specs/box.yaml``.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Host", "host_for"]

Host = Literal["api", "upload", "oauth"]

# POST /files/content and POST /files/{id}/content upload; GET .../content downloads and
# OPTIONS /files/content (preflight) are API calls.
_UPLOAD_POST = re.compile(r"^/files/(?:[^/]+/)?content$")
_SESSIONS = re.compile(r"^/files/(?:[^/]+/)?upload_sessions(?:/|$)")


def host_for(method: str, path: str) -> Host:
    if path.startswith("/oauth2/"):
        return "oauth"
    if _SESSIONS.match(path) or (method.upper() == "POST" and _UPLOAD_POST.match(path)):
        return "upload"
    return "api"
