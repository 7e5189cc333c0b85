from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder_mini import FolderMini


T = TypeVar("T", bound="PathCollection")


@_attrs_define
class PathCollection:
    """The ancestors of an item, from the root down.

    Attributes:
        total_count (int | Unset):
        entries (list[FolderMini] | Unset):
    """

    total_count: int | Unset = UNSET
    entries: list[FolderMini] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

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
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_mini import FolderMini  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("total_count", UNSET)

        _entries = d.pop("entries", UNSET)
        entries: list[FolderMini] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = FolderMini.from_dict(entries_item_data)

                entries.append(entries_item)

        path_collection = cls(
            total_count=total_count,
            entries=entries,
        )

        path_collection.additional_properties = d
        return path_collection

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
