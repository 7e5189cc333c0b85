from typing import Literal

SearchSort = Literal["modified_at", "relevance"]

SEARCH_SORT_VALUES: set[SearchSort] = {
    "modified_at",
    "relevance",
}


def check_search_sort(value: str) -> SearchSort:
    if value in SEARCH_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEARCH_SORT_VALUES!r}")
