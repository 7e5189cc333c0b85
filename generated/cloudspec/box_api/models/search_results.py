from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_results_type import SearchResultsType, check_search_results_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file import File
    from ..models.folder import Folder
    from ..models.web_link import WebLink


T = TypeVar("T", bound="SearchResults")


@_attrs_define
class SearchResults:
    """A page of search results (without include_recent_shared_links, which this spec does not offer).

    Attributes:
        type_ (SearchResultsType | Unset):
        total_count (int | Unset):
        limit (int | Unset):
        offset (int | Unset):
        entries (list[File | Folder | WebLink] | Unset):
    """

    type_: SearchResultsType | Unset = UNSET
    total_count: int | Unset = UNSET
    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    entries: list[File | Folder | WebLink] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file import File  # noqa: PLC0415
        from ..models.folder import Folder  # noqa: PLC0415

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        total_count = self.total_count

        limit = self.limit

        offset = self.offset

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
        if type_ is not UNSET:
            field_dict["type"] = type_
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file import File  # noqa: PLC0415
        from ..models.folder import Folder  # noqa: PLC0415
        from ..models.web_link import WebLink  # noqa: PLC0415

        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: SearchResultsType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_search_results_type(_type_)

        total_count = d.pop("total_count", UNSET)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

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

        search_results = cls(
            type_=type_,
            total_count=total_count,
            limit=limit,
            offset=offset,
            entries=entries,
        )

        search_results.additional_properties = d
        return search_results

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
