from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BucketRequest")


@_attrs_define
class BucketRequest:
    """Create (every field optional) or update (only the fields sent change).

    Attributes:
        name (str | Unset):
        storage (float | Unset): Storage allowance in GB.
        transfer (float | Unset): Transfer allowance in GB.
        pubkeys (list[str] | Unset): Public keys (hex) that may create tokens for this bucket.
    """

    name: str | Unset = UNSET
    storage: float | Unset = UNSET
    transfer: float | Unset = UNSET
    pubkeys: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        storage = self.storage

        transfer = self.transfer

        pubkeys: list[str] | Unset = UNSET
        if not isinstance(self.pubkeys, Unset):
            pubkeys = self.pubkeys

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if storage is not UNSET:
            field_dict["storage"] = storage
        if transfer is not UNSET:
            field_dict["transfer"] = transfer
        if pubkeys is not UNSET:
            field_dict["pubkeys"] = pubkeys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        storage = d.pop("storage", UNSET)

        transfer = d.pop("transfer", UNSET)

        pubkeys = cast(list[str], d.pop("pubkeys", UNSET))

        bucket_request = cls(
            name=name,
            storage=storage,
            transfer=transfer,
            pubkeys=pubkeys,
        )

        bucket_request.additional_properties = d
        return bucket_request

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
