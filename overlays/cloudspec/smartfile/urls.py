"""URLs of the generic calls (``api.get('/path/info', '/Documents')``), by the original rules.

``/api/<version>/<endpoint>/<id>/``: the id is appended when it is truthy (so ``0`` is dropped,
as in the original), a trailing ``/`` is added, and doubled slashes collapse, so leading and
trailing slashes in ``endpoint`` and ``id`` do not matter. Unlike the original, every character
but ``/`` is percent-encoded (UTF-8): a file named ``a?b#c`` or ``100%`` reaches the server
as that name instead of starting a query, a fragment or an escape.
"""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["api_path"]


def api_path(version: str, endpoint: str, id: object = None) -> str:
    """The absolute path, e.g. ``api_path("2", "/path/info", "/a b")`` ->
    ``/api/2/path/info/a%20b/``."""
    parts = ["api", str(version), endpoint]
    if id:
        parts.append(str(id))
    path = "/".join(parts)
    if not path.endswith("/"):
        path += "/"
    while "//" in path:
        path = path.replace("//", "/")
    return "/" + quote(path.lstrip("/"), safe="/")
