from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FolderMini")


@_attrs_define
class FolderMini:
    """A folder in mini form (parents, path entries).

    Attributes:
        id (str | Unset):
        type_ (str | Unset):
        etag (None | str | Unset):
        sequence_id (None | str | Unset):
        name (str | Unset):
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    etag: None | str | Unset = UNSET
    sequence_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        sequence_id: None | str | Unset
        if isinstance(self.sequence_id, Unset):
            sequence_id = UNSET
        else:
            sequence_id = self.sequence_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if etag is not UNSET:
            field_dict["etag"] = etag
        if sequence_id is not UNSET:
            field_dict["sequence_id"] = sequence_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        def _parse_etag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etag = _parse_etag(d.pop("etag", UNSET))

        def _parse_sequence_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sequence_id = _parse_sequence_id(d.pop("sequence_id", UNSET))

        name = d.pop("name", UNSET)

        folder_mini = cls(
            id=id,
            type_=type_,
            etag=etag,
            sequence_id=sequence_id,
            name=name,
        )

        folder_mini.additional_properties = d
        return folder_mini

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
