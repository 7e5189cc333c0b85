from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.receive_share_request_exists import (
    ReceiveShareRequestExists,
    check_receive_share_request_exists,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceiveShareRequest")


@_attrs_define
class ReceiveShareRequest:
    """
    Attributes:
        exists (ReceiveShareRequestExists | Unset): `rename` (server default) | `fail` | `overwrite`.
        path (str | Unset): Destination folder ID path (server default `/`).
    """

    exists: ReceiveShareRequestExists | Unset = UNSET
    path: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exists: str | Unset = UNSET
        if not isinstance(self.exists, Unset):
            exists = self.exists

        path = self.path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if exists is not UNSET:
            field_dict["exists"] = exists
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _exists = d.pop("exists", UNSET)
        exists: ReceiveShareRequestExists | Unset
        if isinstance(_exists, Unset):
            exists = UNSET
        else:
            exists = check_receive_share_request_exists(_exists)

        path = d.pop("path", UNSET)

        receive_share_request = cls(
            exists=exists,
            path=path,
        )

        receive_share_request.additional_properties = d
        return receive_share_request

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
