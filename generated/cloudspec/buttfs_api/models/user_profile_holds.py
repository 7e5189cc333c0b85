from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserProfileHolds")


@_attrs_define
class UserProfileHolds:
    """
    Attributes:
        deleted (bool | Unset):
        otl (bool | Unset):
        suspended (bool | Unset):
    """

    deleted: bool | Unset = UNSET
    otl: bool | Unset = UNSET
    suspended: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        deleted = self.deleted

        otl = self.otl

        suspended = self.suspended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if otl is not UNSET:
            field_dict["otl"] = otl
        if suspended is not UNSET:
            field_dict["suspended"] = suspended

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deleted = d.pop("deleted", UNSET)

        otl = d.pop("otl", UNSET)

        suspended = d.pop("suspended", UNSET)

        user_profile_holds = cls(
            deleted=deleted,
            otl=otl,
            suspended=suspended,
        )

        user_profile_holds.additional_properties = d
        return user_profile_holds

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
