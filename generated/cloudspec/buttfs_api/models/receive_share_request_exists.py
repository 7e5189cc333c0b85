from typing import Literal

ReceiveShareRequestExists = Literal["fail", "overwrite", "rename"]

RECEIVE_SHARE_REQUEST_EXISTS_VALUES: set[ReceiveShareRequestExists] = {
    "fail",
    "overwrite",
    "rename",
}


def check_receive_share_request_exists(value: str) -> ReceiveShareRequestExists:
    if value in RECEIVE_SHARE_REQUEST_EXISTS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECEIVE_SHARE_REQUEST_EXISTS_VALUES!r}"
    )
