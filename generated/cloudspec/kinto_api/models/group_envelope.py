from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group import Group
    from ..models.group_permissions import GroupPermissions


T = TypeVar("T", bound="GroupEnvelope")


@_attrs_define
class GroupEnvelope:
    """
    Attributes:
        data (Group): Group data. Any extra field is kept.
        permissions (GroupPermissions): Only shown to users who can write the group (empty otherwise).
    """

    data: Group
    permissions: GroupPermissions
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group import Group  # noqa: PLC0415
        from ..models.group_permissions import GroupPermissions  # noqa: PLC0415

        d = dict(src_dict)
        data = Group.from_dict(d.pop("data"))

        permissions = GroupPermissions.from_dict(d.pop("permissions"))

        group_envelope = cls(
            data=data,
            permissions=permissions,
        )

        group_envelope.additional_properties = d
        return group_envelope

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
