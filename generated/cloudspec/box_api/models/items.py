from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file import File
    from ..models.folder import Folder
    from ..models.order import Order
    from ..models.web_link import WebLink


T = TypeVar("T", bound="Items")


@_attrs_define
class Items:
    """A page of items. Offset paging fills total_count / offset / order; marker paging fills next_marker / prev_marker
    instead (no total_count).

        Attributes:
            total_count (int | Unset):
            limit (int | Unset):
            offset (int | Unset):
            order (list[Order] | Unset):
            next_marker (None | str | Unset): Marker of the next page; null or empty on the last page.
            prev_marker (None | str | Unset):
            entries (list[File | Folder | WebLink] | Unset):
    """

    total_count: int | Unset = UNSET
    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    order: list[Order] | Unset = UNSET
    next_marker: None | str | Unset = UNSET
    prev_marker: None | str | Unset = UNSET
    entries: list[File | Folder | WebLink] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file import File  # noqa: PLC0415
        from ..models.folder import Folder  # noqa: PLC0415

        total_count = self.total_count

        limit = self.limit

        offset = self.offset

        order: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = []
            for order_item_data in self.order:
                order_item = order_item_data.to_dict()
                order.append(order_item)

        next_marker: None | str | Unset
        if isinstance(self.next_marker, Unset):
            next_marker = UNSET
        else:
            next_marker = self.next_marker

        prev_marker: None | str | Unset
        if isinstance(self.prev_marker, Unset):
            prev_marker = UNSET
        else:
            prev_marker = self.prev_marker

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item: dict[str, Any]
                if isinstance(entries_item_data, File):
                    entries_item = entries_item_data.to_dict()
                elif isinstance(entries_item_data, Folder):
                    entries_item = entries_item_data.to_dict()
                else:
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
        if next_marker is not UNSET:
            field_dict["next_marker"] = next_marker
        if prev_marker is not UNSET:
            field_dict["prev_marker"] = prev_marker
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file import File  # noqa: PLC0415
        from ..models.folder import Folder  # noqa: PLC0415
        from ..models.order import Order  # noqa: PLC0415
        from ..models.web_link import WebLink  # noqa: PLC0415

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

        def _parse_next_marker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_marker = _parse_next_marker(d.pop("next_marker", UNSET))

        def _parse_prev_marker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prev_marker = _parse_prev_marker(d.pop("prev_marker", UNSET))

        _entries = d.pop("entries", UNSET)
        entries: list[File | Folder | WebLink] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:

                def _parse_entries_item(data: object) -> File | Folder | WebLink:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_item_type_0 = File.from_dict(data)

                        return componentsschemas_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_item_type_1 = Folder.from_dict(data)

                        return componentsschemas_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_item_type_2 = WebLink.from_dict(data)

                    return componentsschemas_item_type_2

                entries_item = _parse_entries_item(entries_item_data)

                entries.append(entries_item)

        items = cls(
            total_count=total_count,
            limit=limit,
            offset=offset,
            order=order,
            next_marker=next_marker,
            prev_marker=prev_marker,
            entries=entries,
        )

        items.additional_properties = d
        return items

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
