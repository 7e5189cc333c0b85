from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parent_reference import ParentReference


T = TypeVar("T", bound="UpdateItemRequest")


@_attrs_define
class UpdateItemRequest:
    """Body of a file or folder update, as cloudspec uses it (rename and/or move); Box's other updatable fields
    (description, shared_link, tags...) go in additional properties.

        Attributes:
            name (str | Unset): The new name; unique in the (new) parent case-insensitively.
            parent (ParentReference | Unset):
    """

    name: str | Unset = UNSET
    parent: ParentReference | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parent, Unset):
            parent = self.parent.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parent_reference import ParentReference  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _parent = d.pop("parent", UNSET)
        parent: ParentReference | Unset
        if isinstance(_parent, Unset):
            parent = UNSET
        else:
            parent = ParentReference.from_dict(_parent)

        update_item_request = cls(
            name=name,
            parent=parent,
        )

        update_item_request.additional_properties = d
        return update_item_request

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
