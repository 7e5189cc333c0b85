from typing import Literal

JsonPatchOp = Literal["add", "copy", "move", "remove", "replace", "test"]

JSON_PATCH_OP_VALUES: set[JsonPatchOp] = {
    "add",
    "copy",
    "move",
    "remove",
    "replace",
    "test",
}


def check_json_patch_op(value: str) -> JsonPatchOp:
    if value in JSON_PATCH_OP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JSON_PATCH_OP_VALUES!r}")
