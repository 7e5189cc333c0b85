from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_meta import ItemMeta
    from ..models.share import Share


T = TypeVar("T", bound="ShareListing")


@_attrs_define
class ShareListing:
    """
    Attributes:
        share (Share | Unset):
        meta (ItemMeta | Unset):
        items (list[ItemMeta] | Unset):
    """

    share: Share | Unset = UNSET
    meta: ItemMeta | Unset = UNSET
    items: list[ItemMeta] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        share: dict[str, Any] | Unset = UNSET
        if not isinstance(self.share, Unset):
            share = self.share.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if share is not UNSET:
            field_dict["share"] = share
        if meta is not UNSET:
            field_dict["meta"] = meta
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_meta import ItemMeta  # noqa: PLC0415
        from ..models.share import Share  # noqa: PLC0415

        d = dict(src_dict)
        _share = d.pop("share", UNSET)
        share: Share | Unset
        if isinstance(_share, Unset):
            share = UNSET
        else:
            share = Share.from_dict(_share)

        _meta = d.pop("meta", UNSET)
        meta: ItemMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ItemMeta.from_dict(_meta)

        _items = d.pop("items", UNSET)
        items: list[ItemMeta] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ItemMeta.from_dict(items_item_data)

                items.append(items_item)

        share_listing = cls(
            share=share,
            meta=meta,
            items=items,
        )

        share_listing.additional_properties = d
        return share_listing

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
