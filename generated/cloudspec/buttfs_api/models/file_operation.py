from typing import Literal

FileOperation = Literal["copy", "move"]

FILE_OPERATION_VALUES: set[FileOperation] = {
    "copy",
    "move",
}


def check_file_operation(value: str) -> FileOperation:
    if value in FILE_OPERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FILE_OPERATION_VALUES!r}")
