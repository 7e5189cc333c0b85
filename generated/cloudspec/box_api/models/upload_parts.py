from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order import Order
    from ..models.upload_part import UploadPart


T = TypeVar("T", bound="UploadParts")


@_attrs_define
class UploadParts:
    """
    Attributes:
        total_count (int | Unset):
        limit (int | Unset):
        offset (int | Unset):
        order (list[Order] | Unset):
        entries (list[UploadPart] | Unset):
    """

    total_count: int | Unset = UNSET
    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    order: list[Order] | Unset = UNSET
    entries: list[UploadPart] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        limit = self.limit

        offset = self.offset

        order: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = []
            for order_item_data in self.order:
                order_item = order_item_data.to_dict()
                order.append(order_item)

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item = entries_item_data.to_dict()
                entries.append(entries_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if order is not UNSET:
            field_dict["order"] = order
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order import Order  # noqa: PLC0415
        from ..models.upload_part import UploadPart  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("total_count", UNSET)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        _order = d.pop("order", UNSET)
        order: list[Order] | Unset = UNSET
        if _order is not UNSET:
            order = []
            for order_item_data in _order:
                order_item = Order.from_dict(order_item_data)

                order.append(order_item)

        _entries = d.pop("entries", UNSET)
        entries: list[UploadPart] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = UploadPart.from_dict(entries_item_data)

                entries.append(entries_item)

        upload_parts = cls(
            total_count=total_count,
            limit=limit,
            offset=offset,
            order=order,
            entries=entries,
        )

        upload_parts.additional_properties = d
        return upload_parts

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
