from typing import Literal

Operation = Literal["PULL", "PUSH"]

OPERATION_VALUES: set[Operation] = {
    "PULL",
    "PUSH",
}


def check_operation(value: str) -> Operation:
    if value in OPERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {OPERATION_VALUES!r}")
