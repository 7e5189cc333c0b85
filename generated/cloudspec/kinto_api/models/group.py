from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    """Group data. Any extra field is kept.

    Attributes:
        id (str): Object id.
        last_modified (int): Server timestamp of the last change, ms since epoch (the ETag value).
        deleted (bool | Unset): Only on tombstones (lists filtered on last_modified), always true.
        members (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
    """

    id: str
    last_modified: int
    deleted: bool | Unset = UNSET
    members: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        last_modified = self.last_modified

        deleted = self.deleted

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "last_modified": last_modified,
            }
        )
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        last_modified = d.pop("last_modified")

        deleted = d.pop("deleted", UNSET)

        members = cast(list[str], d.pop("members", UNSET))

        group = cls(
            id=id,
            last_modified=last_modified,
            deleted=deleted,
            members=members,
        )

        group.additional_properties = d
        return group

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
