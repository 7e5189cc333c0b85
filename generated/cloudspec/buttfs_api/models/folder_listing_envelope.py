from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder_listing import FolderListing


T = TypeVar("T", bound="FolderListingEnvelope")


@_attrs_define
class FolderListingEnvelope:
    """
    Attributes:
        result (FolderListing):
        error (None | Unset):
    """

    result: FolderListing
    error: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_listing import FolderListing  # noqa: PLC0415

        d = dict(src_dict)
        result = FolderListing.from_dict(d.pop("result"))

        error = d.pop("error", UNSET)

        folder_listing_envelope = cls(
            result=result,
            error=error,
        )

        folder_listing_envelope.additional_properties = d
        return folder_listing_envelope

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
