from typing import Literal

FolderOperation = Literal["copy", "create", "move"]

FOLDER_OPERATION_VALUES: set[FolderOperation] = {
    "copy",
    "create",
    "move",
}


def check_folder_operation(value: str) -> FolderOperation:
    if value in FOLDER_OPERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FOLDER_OPERATION_VALUES!r}")
