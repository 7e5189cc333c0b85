from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupWriteData")


@_attrs_define
class GroupWriteData:
    """Group fields to store. Any extra field is kept.

    Attributes:
        id (str | Unset): Object id (POST only; must match the URL on PUT).
        last_modified (int | Unset): Ignored by the server.
        members (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
    """

    id: str | Unset = UNSET
    last_modified: int | Unset = UNSET
    members: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        last_modified = self.last_modified

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if last_modified is not UNSET:
            field_dict["last_modified"] = last_modified
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        last_modified = d.pop("last_modified", UNSET)

        members = cast(list[str], d.pop("members", UNSET))

        group_write_data = cls(
            id=id,
            last_modified=last_modified,
            members=members,
        )

        group_write_data.additional_properties = d
        return group_write_data

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
