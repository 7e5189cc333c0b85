"""Request parameters: query strings, form bodies (lists as repeated keys), JSON bodies, the
booleans Django accepts, required fields, and page slicing of lists."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ..box.asgi import Request
from ..box.multipart import parse_header
from .errors import REQUIRED, FieldErrors, SmartFileError, field_error
from .settings import MAX_PER_PAGE

FORM = "application/x-www-form-urlencoded"
_TRUE = frozenset({"true", "on", "1", "yes", "t", "y"})
_FALSE = frozenset({"false", "off", "0", "no", "f", "n", ""})


class Params:
    """An ordered multi-dict of text values (Django's QueryDict: ``get`` is the last value)."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self.pairs = list(pairs)

    def get(self, name: str) -> str | None:
        values = self.getall(name)
        return values[-1] if values else None

    def getall(self, name: str) -> list[str]:
        return [value for key, value in self.pairs if key == name]

    def require(self, *names: str) -> None:
        missing = {name: [REQUIRED] for name in names if not self.getall(name)}
        if missing:
            raise FieldErrors(missing)


def query_pairs(request: Request) -> list[tuple[str, str]]:
    raw = request.scope["query_string"].decode("latin-1")
    return parse_qsl(raw, keep_blank_values=True)


def query(request: Request) -> Params:
    return Params(query_pairs(request))


def is_form(request: Request) -> bool:
    return parse_header(request.header("content-type") or "")[0] == FORM


async def body_params(request: Request) -> tuple[Params, list[tuple[str, str]]]:
    """The body's fields, and the pairs an OAuth signature covers (form bodies only)."""
    raw = await request.body()
    kind = parse_header(request.header("content-type") or "")[0]
    if kind == "application/json":
        try:
            value = json.loads(raw or b"{}")
        except ValueError:
            raise SmartFileError(400, "JSON parse error.") from None
        if not isinstance(value, dict):
            raise SmartFileError(400, "Expected a JSON object.")
        return Params(_json_pairs(value)), []
    if not raw:
        return Params(), []
    pairs = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return Params(pairs), pairs if kind == FORM else []


def _json_pairs(value: dict[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, item in value.items():
        for single in item if isinstance(item, list) else [item]:
            if single is None:
                continue
            if isinstance(single, bool):
                pairs.append((key, "true" if single else "false"))
            else:
                pairs.append((key, single if isinstance(single, str) else json.dumps(single)))
    return pairs


def boolean(params: Params, name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None:
        return default
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise field_error(name, "Must be a valid boolean.")


def truthy(value: str | None) -> bool:
    return value is not None and value.strip().lower() in _TRUE


def page_slice(request: Request, total: int, per_page_default: int) -> tuple[int, int, int]:
    """``(page, pages, per_page)`` for ``page`` / ``limit``; 404 "Invalid page." past the end."""
    params = query(request)
    per_page = per_page_default
    limit = params.get("limit")
    if limit is not None and limit.strip().isdigit() and int(limit) > 0:
        per_page = min(int(limit), MAX_PER_PAGE)
    pages = max(1, math.ceil(total / per_page))
    text = (params.get("page") or "1").strip()
    if text == "last":
        return pages, pages, per_page
    if not text.isdigit() or not 1 <= int(text) <= pages:
        raise SmartFileError(404, "Invalid page.")
    return int(text), pages, per_page


def page_url(request: Request, base: str, page: int) -> str:
    pairs = [(k, v) for k, v in query_pairs(request) if k != "page"] + [("page", str(page))]
    raw_path = request.scope.get("raw_path") or request.path.encode()
    return f"{base}{raw_path.decode('latin-1')}?{urlencode(pairs)}"


def paged(request: Request, base: str, items: Sequence[Any], per_page_default: int) -> Any:
    page, pages, per_page = page_slice(request, len(items), per_page_default)
    start = (page - 1) * per_page
    return {
        "total": len(items),
        "page": page,
        "pages": pages,
        "per_page": per_page,
        "previous": page_url(request, base, page - 1) if page > 1 else None,
        "next": page_url(request, base, page + 1) if page < pages else None,
        "results": list(items[start : start + per_page]),
    }
