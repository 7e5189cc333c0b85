from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exists import Exists, check_exists
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemOperationRequest")


@_attrs_define
class ItemOperationRequest:
    """Union of the create / move / copy forms (see folder_operation, file_operation).

    Attributes:
        name (str | Unset): create: the new folder's name (required); move/copy: the new name.
        exists (Exists | Unset): What to do when an item of that name exists (reference 3.4).
        to (str | Unset): move/copy only: destination folder ID path (required there).
    """

    name: str | Unset = UNSET
    exists: Exists | Unset = UNSET
    to: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        exists: str | Unset = UNSET
        if not isinstance(self.exists, Unset):
            exists = self.exists

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if exists is not UNSET:
            field_dict["exists"] = exists
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _exists = d.pop("exists", UNSET)
        exists: Exists | Unset
        if isinstance(_exists, Unset):
            exists = UNSET
        else:
            exists = check_exists(_exists)

        to = d.pop("to", UNSET)

        item_operation_request = cls(
            name=name,
            exists=exists,
            to=to,
        )

        item_operation_request.additional_properties = d
        return item_operation_request

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
