from typing import Literal

HistoryAction = Literal["create", "delete", "update"]

HISTORY_ACTION_VALUES: set[HistoryAction] = {
    "create",
    "delete",
    "update",
}


def check_history_action(value: str) -> HistoryAction:
    if value in HISTORY_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HISTORY_ACTION_VALUES!r}")
