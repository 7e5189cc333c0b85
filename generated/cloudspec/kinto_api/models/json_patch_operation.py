from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.json_patch_op import JsonPatchOp, check_json_patch_op
from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonPatchOperation")


@_attrs_define
class JsonPatchOperation:
    """One RFC 6902 operation, e.g. `{"op": "add", "path": "/data/title", "value": "x"}`. For permissions the last path
    segment is the principal: `{"op": "add", "path": "/permissions/read/system.Everyone"}` (`value` ignored).

        Attributes:
            op (JsonPatchOp):
            path (str): JSON Pointer into `{"data": ..., "permissions": ...}`.
            value (Any | Unset): Value for add / replace / test (any JSON).
            from_ (str | Unset): Source JSON Pointer for move / copy.
    """

    op: JsonPatchOp
    path: str
    value: Any | Unset = UNSET
    from_: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        op: str = self.op

        path = self.path

        value = self.value

        from_ = self.from_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "op": op,
                "path": path,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        op = check_json_patch_op(d.pop("op"))

        path = d.pop("path")

        value = d.pop("value", UNSET)

        from_ = d.pop("from", UNSET)

        json_patch_operation = cls(
            op=op,
            path=path,
            value=value,
            from_=from_,
        )

        return json_patch_operation
