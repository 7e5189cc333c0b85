from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_target_data import HistoryTargetData
    from ..models.history_target_permissions import HistoryTargetPermissions


T = TypeVar("T", bound="HistoryTarget")


@_attrs_define
class HistoryTarget:
    """The object after the change (`data` and `permissions`).

    Attributes:
        data (HistoryTargetData | Unset):
        permissions (HistoryTargetPermissions | Unset):
    """

    data: HistoryTargetData | Unset = UNSET
    permissions: HistoryTargetPermissions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_target_data import HistoryTargetData  # noqa: PLC0415
        from ..models.history_target_permissions import HistoryTargetPermissions  # noqa: PLC0415

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: HistoryTargetData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = HistoryTargetData.from_dict(_data)

        _permissions = d.pop("permissions", UNSET)
        permissions: HistoryTargetPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = HistoryTargetPermissions.from_dict(_permissions)

        history_target = cls(
            data=data,
            permissions=permissions,
        )

        history_target.additional_properties = d
        return history_target

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
