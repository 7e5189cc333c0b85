from typing import Literal

SearchItemType = Literal["file", "folder", "web_link"]

SEARCH_ITEM_TYPE_VALUES: set[SearchItemType] = {
    "file",
    "folder",
    "web_link",
}


def check_search_item_type(value: str) -> SearchItemType:
    if value in SEARCH_ITEM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEARCH_ITEM_TYPE_VALUES!r}")
