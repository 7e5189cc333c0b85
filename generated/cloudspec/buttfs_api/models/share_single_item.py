from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.share_single_item_application_data import ShareSingleItemApplicationData


T = TypeVar("T", bound="ShareSingleItem")


@_attrs_define
class ShareSingleItem:
    """
    Attributes:
        application_data (ShareSingleItemApplicationData | Unset):
        date_content_last_modified (float | None | Unset):
        date_meta_last_modified (float | None | Unset):
    """

    application_data: ShareSingleItemApplicationData | Unset = UNSET
    date_content_last_modified: float | None | Unset = UNSET
    date_meta_last_modified: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application_data, Unset):
            application_data = self.application_data.to_dict()

        date_content_last_modified: float | None | Unset
        if isinstance(self.date_content_last_modified, Unset):
            date_content_last_modified = UNSET
        else:
            date_content_last_modified = self.date_content_last_modified

        date_meta_last_modified: float | None | Unset
        if isinstance(self.date_meta_last_modified, Unset):
            date_meta_last_modified = UNSET
        else:
            date_meta_last_modified = self.date_meta_last_modified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_data is not UNSET:
            field_dict["application_data"] = application_data
        if date_content_last_modified is not UNSET:
            field_dict["date_content_last_modified"] = date_content_last_modified
        if date_meta_last_modified is not UNSET:
            field_dict["date_meta_last_modified"] = date_meta_last_modified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_single_item_application_data import ShareSingleItemApplicationData  # noqa: PLC0415

        d = dict(src_dict)
        _application_data = d.pop("application_data", UNSET)
        application_data: ShareSingleItemApplicationData | Unset
        if isinstance(_application_data, Unset):
            application_data = UNSET
        else:
            application_data = ShareSingleItemApplicationData.from_dict(_application_data)

        def _parse_date_content_last_modified(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_content_last_modified = _parse_date_content_last_modified(
            d.pop("date_content_last_modified", UNSET)
        )

        def _parse_date_meta_last_modified(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_meta_last_modified = _parse_date_meta_last_modified(
            d.pop("date_meta_last_modified", UNSET)
        )

        share_single_item = cls(
            application_data=application_data,
            date_content_last_modified=date_content_last_modified,
            date_meta_last_modified=date_meta_last_modified,
        )

        share_single_item.additional_properties = d
        return share_single_item

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
