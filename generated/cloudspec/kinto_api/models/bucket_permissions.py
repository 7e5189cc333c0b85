from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BucketPermissions")


@_attrs_define
class BucketPermissions:
    """Only shown to users who can write the bucket (empty otherwise).

    Attributes:
        read (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
        write (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
        collectioncreate (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
        groupcreate (list[str] | Unset): Principals (`system.Everyone`, `account:<id>`, group URIs...).
    """

    read: list[str] | Unset = UNSET
    write: list[str] | Unset = UNSET
    collectioncreate: list[str] | Unset = UNSET
    groupcreate: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        read: list[str] | Unset = UNSET
        if not isinstance(self.read, Unset):
            read = self.read

        write: list[str] | Unset = UNSET
        if not isinstance(self.write, Unset):
            write = self.write

        collectioncreate: list[str] | Unset = UNSET
        if not isinstance(self.collectioncreate, Unset):
            collectioncreate = self.collectioncreate

        groupcreate: list[str] | Unset = UNSET
        if not isinstance(self.groupcreate, Unset):
            groupcreate = self.groupcreate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if read is not UNSET:
            field_dict["read"] = read
        if write is not UNSET:
            field_dict["write"] = write
        if collectioncreate is not UNSET:
            field_dict["collection:create"] = collectioncreate
        if groupcreate is not UNSET:
            field_dict["group:create"] = groupcreate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = cast(list[str], d.pop("read", UNSET))

        write = cast(list[str], d.pop("write", UNSET))

        collectioncreate = cast(list[str], d.pop("collection:create", UNSET))

        groupcreate = cast(list[str], d.pop("group:create", UNSET))

        bucket_permissions = cls(
            read=read,
            write=write,
            collectioncreate=collectioncreate,
            groupcreate=groupcreate,
        )

        return bucket_permissions
