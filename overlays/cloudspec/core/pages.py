"""Value types for pagination, shared by the sync and async paginators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Generic, TypeVar

import attrs
import httpx

__all__ = ["Page", "PageInfo"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PageInfo:
    """Where the next page is: a full URL (Kinto's ``Next-Page``) or query parameters."""

    url: str | None = None
    params: Mapping[str, str] | None = None


@attrs.frozen(kw_only=True)
class Page(Generic[T]):
    items: Sequence[T]
    next: PageInfo | None = None
    headers: httpx.Headers = attrs.field(factory=httpx.Headers, repr=False)
