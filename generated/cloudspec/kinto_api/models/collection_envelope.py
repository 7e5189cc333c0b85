from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection import Collection
    from ..models.collection_permissions import CollectionPermissions


T = TypeVar("T", bound="CollectionEnvelope")


@_attrs_define
class CollectionEnvelope:
    """An object and its permissions (`permissions` is absent when `_fields` is used, and empty for users without write
    access).

        Attributes:
            data (Collection): Collection data. Any extra field is kept.
            permissions (CollectionPermissions | Unset): Only shown to users who can write the collection (empty otherwise).
    """

    data: Collection
    permissions: CollectionPermissions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection import Collection  # noqa: PLC0415
        from ..models.collection_permissions import CollectionPermissions  # noqa: PLC0415

        d = dict(src_dict)
        data = Collection.from_dict(d.pop("data"))

        _permissions = d.pop("permissions", UNSET)
        permissions: CollectionPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = CollectionPermissions.from_dict(_permissions)

        collection_envelope = cls(
            data=data,
            permissions=permissions,
        )

        collection_envelope.additional_properties = d
        return collection_envelope

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
