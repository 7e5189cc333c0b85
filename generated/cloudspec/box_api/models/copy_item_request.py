from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parent_reference import ParentReference


T = TypeVar("T", bound="CopyItemRequest")


@_attrs_define
class CopyItemRequest:
    """Body of a file or folder copy. `version` (copy an older file version) is left out.

    Attributes:
        parent (ParentReference):
        name (str | Unset): The copy's name (default the source's); same rules as a new item's.
    """

    parent: ParentReference
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parent = self.parent.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "parent": parent,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parent_reference import ParentReference  # noqa: PLC0415

        d = dict(src_dict)
        parent = ParentReference.from_dict(d.pop("parent"))

        name = d.pop("name", UNSET)

        copy_item_request = cls(
            parent=parent,
            name=name,
        )

        copy_item_request.additional_properties = d
        return copy_item_request

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
