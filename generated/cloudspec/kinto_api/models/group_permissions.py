from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupPermissions")


@_attrs_define
class GroupPermissions:
    """Only shown to users who can write the group (empty otherwise).

    Attributes:
        read (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
        write (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
    """

    read: list[str] | Unset = UNSET
    write: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        read: list[str] | Unset = UNSET
        if not isinstance(self.read, Unset):
            read = self.read

        write: list[str] | Unset = UNSET
        if not isinstance(self.write, Unset):
            write = self.write

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if read is not UNSET:
            field_dict["read"] = read
        if write is not UNSET:
            field_dict["write"] = write

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = cast(list[str], d.pop("read", UNSET))

        write = cast(list[str], d.pop("write", UNSET))

        group_permissions = cls(
            read=read,
            write=write,
        )

        return group_permissions
