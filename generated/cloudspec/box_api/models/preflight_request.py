from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parent_reference import ParentReference


T = TypeVar("T", bound="PreflightRequest")


@_attrs_define
class PreflightRequest:
    """
    Attributes:
        name (str | Unset):
        size (int | Unset):
        parent (ParentReference | Unset):
    """

    name: str | Unset = UNSET
    size: int | Unset = UNSET
    parent: ParentReference | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        size = self.size

        parent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parent, Unset):
            parent = self.parent.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if size is not UNSET:
            field_dict["size"] = size
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parent_reference import ParentReference  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        size = d.pop("size", UNSET)

        _parent = d.pop("parent", UNSET)
        parent: ParentReference | Unset
        if isinstance(_parent, Unset):
            parent = UNSET
        else:
            parent = ParentReference.from_dict(_parent)

        preflight_request = cls(
            name=name,
            size=size,
            parent=parent,
        )

        preflight_request.additional_properties = d
        return preflight_request

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
