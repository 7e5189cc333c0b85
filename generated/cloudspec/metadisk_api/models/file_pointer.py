from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation import Operation, check_operation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="FilePointer")


@_attrs_define
class FilePointer:
    """
    Attributes:
        hash_ (str): The shard hash.
        token (str): The farmer's token for this shard.
        operation (Operation | Unset):
        channel (str | Unset): `ws://host:port` of the farmer (v0.2 to v0.6).
        farmer (Contact | Unset):
        size (int | Unset):
    """

    hash_: str
    token: str
    operation: Operation | Unset = UNSET
    channel: str | Unset = UNSET
    farmer: Contact | Unset = UNSET
    size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        hash_ = self.hash_

        token = self.token

        operation: str | Unset = UNSET
        if not isinstance(self.operation, Unset):
            operation = self.operation

        channel = self.channel

        farmer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.farmer, Unset):
            farmer = self.farmer.to_dict()

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hash": hash_,
                "token": token,
            }
        )
        if operation is not UNSET:
            field_dict["operation"] = operation
        if channel is not UNSET:
            field_dict["channel"] = channel
        if farmer is not UNSET:
            field_dict["farmer"] = farmer
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415

        d = dict(src_dict)
        hash_ = d.pop("hash")

        token = d.pop("token")

        _operation = d.pop("operation", UNSET)
        operation: Operation | Unset
        if isinstance(_operation, Unset):
            operation = UNSET
        else:
            operation = check_operation(_operation)

        channel = d.pop("channel", UNSET)

        _farmer = d.pop("farmer", UNSET)
        farmer: Contact | Unset
        if isinstance(_farmer, Unset):
            farmer = UNSET
        else:
            farmer = Contact.from_dict(_farmer)

        size = d.pop("size", UNSET)

        file_pointer = cls(
            hash_=hash_,
            token=token,
            operation=operation,
            channel=channel,
            farmer=farmer,
            size=size,
        )

        file_pointer.additional_properties = d
        return file_pointer

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
