from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServerUser")


@_attrs_define
class ServerUser:
    """The authenticated user (absent for anonymous requests).

    Attributes:
        id (str): User id, e.g. `account:carol` or `basicauth:<hmac>`.
        principals (list[str] | Unset):
        bucket (str | Unset): Real id of the user's `default` bucket (default_bucket plugin).
    """

    id: str
    principals: list[str] | Unset = UNSET
    bucket: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        principals: list[str] | Unset = UNSET
        if not isinstance(self.principals, Unset):
            principals = self.principals

        bucket = self.bucket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if principals is not UNSET:
            field_dict["principals"] = principals
        if bucket is not UNSET:
            field_dict["bucket"] = bucket

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        principals = cast(list[str], d.pop("principals", UNSET))

        bucket = d.pop("bucket", UNSET)

        server_user = cls(
            id=id,
            principals=principals,
            bucket=bucket,
        )

        server_user.additional_properties = d
        return server_user

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
