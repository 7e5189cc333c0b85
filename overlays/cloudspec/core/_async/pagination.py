"""Pages that yield every item, lazily: one page in memory at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Generic, TypeVar

from ..errors import MalformedResponseError
from ..pages import Page, PageInfo

__all__ = ["AsyncPaginator"]

T = TypeVar("T")


class AsyncPaginator(Generic[T]):
    """Iterates every item of every page; ``pages()`` iterates the pages themselves.

    ``fetch`` gets ``None`` for the first page, then each page's ``next``. Nothing
    is sent until iteration starts, and each iteration starts from the first page.
    """

    def __init__(self, fetch: Callable[[PageInfo | None], Awaitable[Page[T]]]) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[Page[T]]:
        info: PageInfo | None = None
        while True:
            page = await self._fetch(info)
            yield page
            # An empty page with a cursor would loop forever on a buggy server.
            if page.next is None or not page.items:
                return
            if page.next == info:  # the same cursor again: a server that pages forever
                raise MalformedResponseError("the server sent the same next-page cursor twice")
            info = page.next
            # Drop the page before fetching the next: one page in memory, not two.
            del page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
            del page
