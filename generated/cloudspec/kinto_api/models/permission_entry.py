from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PermissionEntry")


@_attrs_define
class PermissionEntry:
    """An object and the permissions the current user has on it. The root entry (`uri: "/"`, `resource_name: "root"`, e.g.
    `bucket:create`) has no id. Only `uri` is guaranteed with `_fields`.

        Attributes:
            uri (str):
            resource_name (str | Unset): `root`, `bucket`, `collection`, `group`, `record` or `account`.
            permissions (list[str] | Unset): Permission names, e.g. `write`, `read`, `collection:create`, `read:attributes`.
            id (str | Unset):
            bucket_id (str | Unset):
            collection_id (str | Unset):
            group_id (str | Unset):
            record_id (str | Unset):
    """

    uri: str
    resource_name: str | Unset = UNSET
    permissions: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    bucket_id: str | Unset = UNSET
    collection_id: str | Unset = UNSET
    group_id: str | Unset = UNSET
    record_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        resource_name = self.resource_name

        permissions: list[str] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions

        id = self.id

        bucket_id = self.bucket_id

        collection_id = self.collection_id

        group_id = self.group_id

        record_id = self.record_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uri": uri,
            }
        )
        if resource_name is not UNSET:
            field_dict["resource_name"] = resource_name
        if permissions is not UNSET:
            field_dict["permissions"] = permissions
        if id is not UNSET:
            field_dict["id"] = id
        if bucket_id is not UNSET:
            field_dict["bucket_id"] = bucket_id
        if collection_id is not UNSET:
            field_dict["collection_id"] = collection_id
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if record_id is not UNSET:
            field_dict["record_id"] = record_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uri = d.pop("uri")

        resource_name = d.pop("resource_name", UNSET)

        permissions = cast(list[str], d.pop("permissions", UNSET))

        id = d.pop("id", UNSET)

        bucket_id = d.pop("bucket_id", UNSET)

        collection_id = d.pop("collection_id", UNSET)

        group_id = d.pop("group_id", UNSET)

        record_id = d.pop("record_id", UNSET)

        permission_entry = cls(
            uri=uri,
            resource_name=resource_name,
            permissions=permissions,
            id=id,
            bucket_id=bucket_id,
            collection_id=collection_id,
            group_id=group_id,
            record_id=record_id,
        )

        permission_entry.additional_properties = d
        return permission_entry

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
