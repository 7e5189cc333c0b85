from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServerSettings")


@_attrs_define
class ServerSettings:
    """Public settings only (`paginate_by` is never exposed).

    Attributes:
        readonly (bool | Unset):
        explicit_permissions (bool | Unset):
        batch_max_requests (int | Unset):
    """

    readonly: bool | Unset = UNSET
    explicit_permissions: bool | Unset = UNSET
    batch_max_requests: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        readonly = self.readonly

        explicit_permissions = self.explicit_permissions

        batch_max_requests = self.batch_max_requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if readonly is not UNSET:
            field_dict["readonly"] = readonly
        if explicit_permissions is not UNSET:
            field_dict["explicit_permissions"] = explicit_permissions
        if batch_max_requests is not UNSET:
            field_dict["batch_max_requests"] = batch_max_requests

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        readonly = d.pop("readonly", UNSET)

        explicit_permissions = d.pop("explicit_permissions", UNSET)

        batch_max_requests = d.pop("batch_max_requests", UNSET)

        server_settings = cls(
            readonly=readonly,
            explicit_permissions=explicit_permissions,
            batch_max_requests=batch_max_requests,
        )

        server_settings.additional_properties = d
        return server_settings

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
