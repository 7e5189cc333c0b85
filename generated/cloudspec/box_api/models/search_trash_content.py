from typing import Literal

SearchTrashContent = Literal["all_items", "non_trashed_only", "trashed_only"]

SEARCH_TRASH_CONTENT_VALUES: set[SearchTrashContent] = {
    "all_items",
    "non_trashed_only",
    "trashed_only",
}


def check_search_trash_content(value: str) -> SearchTrashContent:
    if value in SEARCH_TRASH_CONTENT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEARCH_TRASH_CONTENT_VALUES!r}")
