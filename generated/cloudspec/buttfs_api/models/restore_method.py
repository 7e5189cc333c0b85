from typing import Literal

RestoreMethod = Literal["fail", "recreate", "rescue"]

RESTORE_METHOD_VALUES: set[RestoreMethod] = {
    "fail",
    "recreate",
    "rescue",
}


def check_restore_method(value: str) -> RestoreMethod:
    if value in RESTORE_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RESTORE_METHOD_VALUES!r}")
