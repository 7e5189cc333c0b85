from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_item import ConflictItem


T = TypeVar("T", bound="ContextInfo")


@_attrs_define
class ContextInfo:
    """Free-form details; `conflicts` on 409 and `errors` on 400/404 are the common keys.

    Attributes:
        conflicts (ConflictItem | list[ConflictItem] | Unset): An ARRAY of mini items for folder create, ONE file object
            for file upload, preflight and upload-session create (box.md 2.9).
    """

    conflicts: ConflictItem | list[ConflictItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_item import ConflictItem  # noqa: PLC0415

        conflicts: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.conflicts, Unset):
            conflicts = UNSET
        elif isinstance(self.conflicts, ConflictItem):
            conflicts = self.conflicts.to_dict()
        else:
            conflicts = []
            for conflicts_type_1_item_data in self.conflicts:
                conflicts_type_1_item = conflicts_type_1_item_data.to_dict()
                conflicts.append(conflicts_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if conflicts is not UNSET:
            field_dict["conflicts"] = conflicts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_item import ConflictItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_conflicts(data: object) -> ConflictItem | list[ConflictItem] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conflicts_type_0 = ConflictItem.from_dict(data)

                return conflicts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            conflicts_type_1 = []
            _conflicts_type_1 = data
            for conflicts_type_1_item_data in _conflicts_type_1:
                conflicts_type_1_item = ConflictItem.from_dict(conflicts_type_1_item_data)

                conflicts_type_1.append(conflicts_type_1_item)

            return conflicts_type_1

        conflicts = _parse_conflicts(d.pop("conflicts", UNSET))

        context_info = cls(
            conflicts=conflicts,
        )

        context_info.additional_properties = d
        return context_info

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
