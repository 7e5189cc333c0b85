from typing import Literal

VersionOperation = Literal["promote"]

VERSION_OPERATION_VALUES: set[VersionOperation] = {
    "promote",
}


def check_version_operation(value: str) -> VersionOperation:
    if value in VERSION_OPERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERSION_OPERATION_VALUES!r}")
