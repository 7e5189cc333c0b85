from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UploadFileVersionAttributes")


@_attrs_define
class UploadFileVersionAttributes:
    """
    Attributes:
        name (str | Unset): A new name for the file (optional rename).
        content_modified_at (datetime.datetime | Unset):
    """

    name: str | Unset = UNSET
    content_modified_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        content_modified_at: str | Unset = UNSET
        if not isinstance(self.content_modified_at, Unset):
            content_modified_at = self.content_modified_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if content_modified_at is not UNSET:
            field_dict["content_modified_at"] = content_modified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _content_modified_at = d.pop("content_modified_at", UNSET)
        content_modified_at: datetime.datetime | Unset
        if isinstance(_content_modified_at, Unset):
            content_modified_at = UNSET
        else:
            content_modified_at = datetime.datetime.fromisoformat(_content_modified_at)

        upload_file_version_attributes = cls(
            name=name,
            content_modified_at=content_modified_at,
        )

        upload_file_version_attributes.additional_properties = d
        return upload_file_version_attributes

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
