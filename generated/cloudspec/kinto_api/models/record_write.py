from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.record_permissions import RecordPermissions
    from ..models.record_write_data import RecordWriteData


T = TypeVar("T", bound="RecordWrite")


@_attrs_define
class RecordWrite:
    """PUT / POST body, and PATCH body for `application/json` (shallow merge).

    Attributes:
        data (RecordWriteData | Unset): Record fields to store. Any extra field is kept.
        permissions (RecordPermissions | Unset): Only shown to users who can write the record (empty otherwise).
    """

    data: RecordWriteData | Unset = UNSET
    permissions: RecordPermissions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_permissions import RecordPermissions  # noqa: PLC0415
        from ..models.record_write_data import RecordWriteData  # noqa: PLC0415

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: RecordWriteData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = RecordWriteData.from_dict(_data)

        _permissions = d.pop("permissions", UNSET)
        permissions: RecordPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = RecordPermissions.from_dict(_permissions)

        record_write = cls(
            data=data,
            permissions=permissions,
        )

        return record_write
