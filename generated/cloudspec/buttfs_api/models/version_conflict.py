from typing import Literal

VersionConflict = Literal["fail", "ignore"]

VERSION_CONFLICT_VALUES: set[VersionConflict] = {
    "fail",
    "ignore",
}


def check_version_conflict(value: str) -> VersionConflict:
    if value in VERSION_CONFLICT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VERSION_CONFLICT_VALUES!r}")
