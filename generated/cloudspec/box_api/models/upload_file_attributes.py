from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.parent_reference import ParentReference


T = TypeVar("T", bound="UploadFileAttributes")


@_attrs_define
class UploadFileAttributes:
    """
    Attributes:
        name (str):
        parent (ParentReference):
        content_created_at (datetime.datetime | Unset):
        content_modified_at (datetime.datetime | Unset):
    """

    name: str
    parent: ParentReference
    content_created_at: datetime.datetime | Unset = UNSET
    content_modified_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        parent = self.parent.to_dict()

        content_created_at: str | Unset = UNSET
        if not isinstance(self.content_created_at, Unset):
            content_created_at = self.content_created_at.isoformat()

        content_modified_at: str | Unset = UNSET
        if not isinstance(self.content_modified_at, Unset):
            content_modified_at = self.content_modified_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "parent": parent,
            }
        )
        if content_created_at is not UNSET:
            field_dict["content_created_at"] = content_created_at
        if content_modified_at is not UNSET:
            field_dict["content_modified_at"] = content_modified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.parent_reference import ParentReference  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        parent = ParentReference.from_dict(d.pop("parent"))

        _content_created_at = d.pop("content_created_at", UNSET)
        content_created_at: datetime.datetime | Unset
        if isinstance(_content_created_at, Unset):
            content_created_at = UNSET
        else:
            content_created_at = datetime.datetime.fromisoformat(_content_created_at)

        _content_modified_at = d.pop("content_modified_at", UNSET)
        content_modified_at: datetime.datetime | Unset
        if isinstance(_content_modified_at, Unset):
            content_modified_at = UNSET
        else:
            content_modified_at = datetime.datetime.fromisoformat(_content_modified_at)

        upload_file_attributes = cls(
            name=name,
            parent=parent,
            content_created_at=content_created_at,
            content_modified_at=content_modified_at,
        )

        upload_file_attributes.additional_properties = d
        return upload_file_attributes

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
