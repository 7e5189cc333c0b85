from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation import Operation, check_operation
from ..types import UNSET, Unset

T = TypeVar("T", bound="Token")


@_attrs_define
class Token:
    """
    Attributes:
        token (str): 64 hex characters.
        operation (Operation):
        id (str | Unset): The token.
        bucket (str | Unset):
        expires (datetime.datetime | Unset):
    """

    token: str
    operation: Operation
    id: str | Unset = UNSET
    bucket: str | Unset = UNSET
    expires: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        operation: str = self.operation

        id = self.id

        bucket = self.bucket

        expires: str | Unset = UNSET
        if not isinstance(self.expires, Unset):
            expires = self.expires.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "operation": operation,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if expires is not UNSET:
            field_dict["expires"] = expires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        operation = check_operation(d.pop("operation"))

        id = d.pop("id", UNSET)

        bucket = d.pop("bucket", UNSET)

        _expires = d.pop("expires", UNSET)
        expires: datetime.datetime | Unset
        if isinstance(_expires, Unset):
            expires = UNSET
        else:
            expires = datetime.datetime.fromisoformat(_expires)

        token = cls(
            token=token,
            operation=operation,
            id=id,
            bucket=bucket,
            expires=expires,
        )

        token.additional_properties = d
        return token

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
