from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.collection import Collection
    from ..models.collection_permissions import CollectionPermissions


T = TypeVar("T", bound="CollectionEnvelope")


@_attrs_define
class CollectionEnvelope:
    """
    Attributes:
        data (Collection): Collection data. Any extra field is kept.
        permissions (CollectionPermissions): Only shown to users who can write the collection (empty otherwise).
    """

    data: Collection
    permissions: CollectionPermissions
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
        from ..models.collection import Collection  # noqa: PLC0415
        from ..models.collection_permissions import CollectionPermissions  # noqa: PLC0415

        d = dict(src_dict)
        data = Collection.from_dict(d.pop("data"))

        permissions = CollectionPermissions.from_dict(d.pop("permissions"))

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
