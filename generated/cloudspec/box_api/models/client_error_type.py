from typing import Literal

ClientErrorType = Literal["error"]

CLIENT_ERROR_TYPE_VALUES: set[ClientErrorType] = {
    "error",
}


def check_client_error_type(value: str) -> ClientErrorType:
    if value in CLIENT_ERROR_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLIENT_ERROR_TYPE_VALUES!r}")
