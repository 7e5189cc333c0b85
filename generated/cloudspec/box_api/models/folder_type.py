from typing import Literal

FolderType = Literal["folder"]

FOLDER_TYPE_VALUES: set[FolderType] = {
    "folder",
}


def check_folder_type(value: str) -> FolderType:
    if value in FOLDER_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FOLDER_TYPE_VALUES!r}")
