from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.share_single_item import ShareSingleItem


T = TypeVar("T", bound="Share")


@_attrs_define
class Share:
    """
    Attributes:
        share_key (str):
        share_type (str | Unset):
        share_name (str | Unset):
        url (str | Unset):
        short_url (str | Unset):
        share_size (int | Unset):
        date_created (float | None | Unset):
        single_item (ShareSingleItem | Unset):
    """

    share_key: str
    share_type: str | Unset = UNSET
    share_name: str | Unset = UNSET
    url: str | Unset = UNSET
    short_url: str | Unset = UNSET
    share_size: int | Unset = UNSET
    date_created: float | None | Unset = UNSET
    single_item: ShareSingleItem | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        share_key = self.share_key

        share_type = self.share_type

        share_name = self.share_name

        url = self.url

        short_url = self.short_url

        share_size = self.share_size

        date_created: float | None | Unset
        if isinstance(self.date_created, Unset):
            date_created = UNSET
        else:
            date_created = self.date_created

        single_item: dict[str, Any] | Unset = UNSET
        if not isinstance(self.single_item, Unset):
            single_item = self.single_item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "share_key": share_key,
            }
        )
        if share_type is not UNSET:
            field_dict["share_type"] = share_type
        if share_name is not UNSET:
            field_dict["share_name"] = share_name
        if url is not UNSET:
            field_dict["url"] = url
        if short_url is not UNSET:
            field_dict["short_url"] = short_url
        if share_size is not UNSET:
            field_dict["share_size"] = share_size
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if single_item is not UNSET:
            field_dict["single_item"] = single_item

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_single_item import ShareSingleItem  # noqa: PLC0415

        d = dict(src_dict)
        share_key = d.pop("share_key")

        share_type = d.pop("share_type", UNSET)

        share_name = d.pop("share_name", UNSET)

        url = d.pop("url", UNSET)

        short_url = d.pop("short_url", UNSET)

        share_size = d.pop("share_size", UNSET)

        def _parse_date_created(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_created = _parse_date_created(d.pop("date_created", UNSET))

        _single_item = d.pop("single_item", UNSET)
        single_item: ShareSingleItem | Unset
        if isinstance(_single_item, Unset):
            single_item = UNSET
        else:
            single_item = ShareSingleItem.from_dict(_single_item)

        share = cls(
            share_key=share_key,
            share_type=share_type,
            share_name=share_name,
            url=url,
            short_url=short_url,
            share_size=share_size,
            date_created=date_created,
            single_item=single_item,
        )

        share.additional_properties = d
        return share

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
