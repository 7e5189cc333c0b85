from typing import Literal

Exists = Literal["fail", "overwrite", "rename", "reuse"]

EXISTS_VALUES: set[Exists] = {
    "fail",
    "overwrite",
    "rename",
    "reuse",
}


def check_exists(value: str) -> Exists:
    if value in EXISTS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EXISTS_VALUES!r}")
