from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_action_data import HistoryActionData


T = TypeVar("T", bound="HistoryAction")


@_attrs_define
class HistoryAction:
    """
    Attributes:
        action (str | Unset): share_receive, share_create, device_update, device_create, device_delete, alter_meta,
            copy, move, create, delete, trash (open set).
        version (int | Unset):
        path (str | Unset):
        type_ (str | Unset):
        data (HistoryActionData | Unset):
    """

    action: str | Unset = UNSET
    version: int | Unset = UNSET
    path: str | Unset = UNSET
    type_: str | Unset = UNSET
    data: HistoryActionData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        version = self.version

        path = self.path

        type_ = self.type_

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if version is not UNSET:
            field_dict["version"] = version
        if path is not UNSET:
            field_dict["path"] = path
        if type_ is not UNSET:
            field_dict["type"] = type_
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_action_data import HistoryActionData  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action", UNSET)

        version = d.pop("version", UNSET)

        path = d.pop("path", UNSET)

        type_ = d.pop("type", UNSET)

        _data = d.pop("data", UNSET)
        data: HistoryActionData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = HistoryActionData.from_dict(_data)

        history_action = cls(
            action=action,
            version=version,
            path=path,
            type_=type_,
            data=data,
        )

        history_action.additional_properties = d
        return history_action

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
