from typing import Literal

FolderItemsSort = Literal["date", "id", "name", "size"]

FOLDER_ITEMS_SORT_VALUES: set[FolderItemsSort] = {
    "date",
    "id",
    "name",
    "size",
}


def check_folder_items_sort(value: str) -> FolderItemsSort:
    if value in FOLDER_ITEMS_SORT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FOLDER_ITEMS_SORT_VALUES!r}")
