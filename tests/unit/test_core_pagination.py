"""AsyncPaginator and its generated twin Paginator: lazy, page by page, no endless loops."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import httpx
import pytest

from cloudspec.core import AsyncPaginator, Page, PageInfo, Paginator


class Server:
    """Serves scripted pages; page ``i`` points at ``?page=i+1`` unless told otherwise."""

    def __init__(self, *pages: Sequence[int], last_next: PageInfo | None = None) -> None:
        self.pages = pages
        self.last_next = last_next
        self.calls: list[PageInfo | None] = []

    def fetch(self, info: PageInfo | None) -> Page[int]:
        self.calls.append(info)
        index = 0 if info is None else int((info.params or {})["page"])
        if index + 1 < len(self.pages):
            nxt: PageInfo | None = PageInfo(params={"page": str(index + 1)})
        else:
            nxt = self.last_next
        return Page(
            items=list(self.pages[index]),
            next=nxt,
            headers=httpx.Headers({"Total-Records": str(sum(map(len, self.pages)))}),
        )

    async def afetch(self, info: PageInfo | None) -> Page[int]:
        return self.fetch(info)


async def collect_items(kind: str, server: Server) -> list[int]:
    if kind == "async":
        return [item async for item in AsyncPaginator(server.afetch)]
    return list(Paginator(server.fetch))


async def collect_pages(kind: str, server: Server) -> list[Page[int]]:
    if kind == "async":
        return [page async for page in AsyncPaginator(server.afetch).pages()]
    return list(Paginator(server.fetch).pages())


@pytest.fixture(params=["async", "sync"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_nothing_is_fetched_before_iteration(kind: str) -> None:
    server = Server([1, 2], [3])
    if kind == "async":
        paginator = AsyncPaginator(server.afetch)
        pages = paginator.pages()
        items = aiter(paginator)
        assert server.calls == []
        assert await anext(items) == 1
        assert server.calls == [None]
        assert (await anext(pages)).items == [1, 2]
    else:
        sync_paginator = Paginator(server.fetch)
        sync_pages = sync_paginator.pages()
        sync_items = iter(sync_paginator)
        assert server.calls == []
        assert next(sync_items) == 1
        assert server.calls == [None]
        assert next(sync_pages).items == [1, 2]
    # Each iterator fetched its own first page, and only that.
    assert server.calls == [None, None]


async def test_items_of_every_page_in_order(kind: str) -> None:
    server = Server([1, 2, 3], [4, 5], [6])
    assert await collect_items(kind, server) == [1, 2, 3, 4, 5, 6]
    assert server.calls == [None, PageInfo(params={"page": "1"}), PageInfo(params={"page": "2"})]


async def test_stops_when_next_is_none(kind: str) -> None:
    server = Server([1], [2], [3])
    pages = await collect_pages(kind, server)
    assert [list(p.items) for p in pages] == [[1], [2], [3]]
    assert pages[-1].next is None
    assert len(server.calls) == 3


async def test_stops_on_an_empty_page_even_with_a_cursor(kind: str) -> None:
    # A buggy server keeps handing out the same cursor with no items.
    server = Server([1, 2], [], last_next=PageInfo(params={"page": "1"}))
    assert await collect_items(kind, server) == [1, 2]
    assert len(server.calls) == 2
    pages = await collect_pages(kind, Server([1, 2], [], last_next=PageInfo(params={"page": "1"})))
    assert [list(p.items) for p in pages] == [[1, 2], []]


async def test_an_empty_first_page_with_a_cursor_yields_nothing(kind: str) -> None:
    server = Server([], [1], last_next=None)
    assert await collect_items(kind, server) == []
    assert server.calls == [None]


async def test_pages_keep_their_headers_and_next(kind: str) -> None:
    pages = await collect_pages(kind, Server([1], [2, 3]))
    assert len(pages) == 2
    assert pages[0].headers["total-records"] == "3"
    assert pages[0].next == PageInfo(params={"page": "1"})


async def test_partial_iteration_fetches_only_what_is_needed(kind: str) -> None:
    server = Server([1, 2], [3, 4], [5, 6])
    taken: list[int] = []
    if kind == "async":
        async for item in AsyncPaginator(server.afetch):
            taken.append(item)
            if item == 3:
                break
    else:
        for item in Paginator(server.fetch):
            taken.append(item)
            if item == 3:
                break
    assert taken == [1, 2, 3]
    assert len(server.calls) == 2


async def test_each_iteration_starts_from_the_first_page(kind: str) -> None:
    server = Server([1], [2])
    if kind == "async":
        paginator = AsyncPaginator(server.afetch)
        first = [i async for i in paginator]
        second = [i async for i in paginator]
    else:
        sync_paginator = Paginator(server.fetch)
        first = list(sync_paginator)
        second = list(sync_paginator)
    assert first == second == [1, 2]
    assert server.calls == [None, PageInfo(params={"page": "1"})] * 2


async def test_fetch_errors_propagate(kind: str) -> None:
    server = Server([1], [2])

    def failing(info: PageInfo | None) -> Page[int]:
        if info is not None:
            raise RuntimeError("page 2 failed")
        return server.fetch(info)

    async def afailing(info: PageInfo | None) -> Page[int]:
        return failing(info)

    seen: list[int] = []
    with pytest.raises(RuntimeError, match="page 2 failed"):
        if kind == "async":
            async for item in AsyncPaginator(afailing):
                seen.append(item)
        else:
            for item in Paginator(failing):
                seen.append(item)
    assert seen == [1]


def test_page_and_page_info_values() -> None:
    page: Page[str] = Page(items=["a"])
    assert page.next is None
    assert page.headers == httpx.Headers()
    info = PageInfo(url="https://h.test/v1/buckets?_token=abc")
    assert info.params is None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.url = "x"  # type: ignore[misc]
    assert PageInfo(url="u") == PageInfo(url="u")
    assert "headers" not in repr(Page(items=[1], headers=httpx.Headers({"ETag": '"1"'})))
