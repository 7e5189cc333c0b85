from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upload_part import UploadPart


T = TypeVar("T", bound="UploadedPart")


@_attrs_define
class UploadedPart:
    """
    Attributes:
        part (UploadPart | Unset): One uploaded part. `sha1` is hex (the part upload's digest is base64).
    """

    part: UploadPart | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part: dict[str, Any] | Unset = UNSET
        if not isinstance(self.part, Unset):
            part = self.part.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if part is not UNSET:
            field_dict["part"] = part

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_part import UploadPart  # noqa: PLC0415

        d = dict(src_dict)
        _part = d.pop("part", UNSET)
        part: UploadPart | Unset
        if isinstance(_part, Unset):
            part = UNSET
        else:
            part = UploadPart.from_dict(_part)

        uploaded_part = cls(
            part=part,
        )

        uploaded_part.additional_properties = d
        return uploaded_part

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
