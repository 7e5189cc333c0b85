from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.commit_upload_session_request_attributes import (
        CommitUploadSessionRequestAttributes,
    )
    from ..models.upload_part import UploadPart


T = TypeVar("T", bound="CommitUploadSessionRequest")


@_attrs_define
class CommitUploadSessionRequest:
    """
    Attributes:
        parts (list[UploadPart]): Every part, sorted by offset (as uploaded or as listed).
        attributes (CommitUploadSessionRequestAttributes | Unset): File attributes to set, e.g. `content_modified_at`.
    """

    parts: list[UploadPart]
    attributes: CommitUploadSessionRequestAttributes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "parts": parts,
            }
        )
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commit_upload_session_request_attributes import (
            CommitUploadSessionRequestAttributes,  # noqa: PLC0415
        )
        from ..models.upload_part import UploadPart  # noqa: PLC0415

        d = dict(src_dict)
        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = UploadPart.from_dict(parts_item_data)

            parts.append(parts_item)

        _attributes = d.pop("attributes", UNSET)
        attributes: CommitUploadSessionRequestAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = CommitUploadSessionRequestAttributes.from_dict(_attributes)

        commit_upload_session_request = cls(
            parts=parts,
            attributes=attributes,
        )

        commit_upload_session_request.additional_properties = d
        return commit_upload_session_request

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
