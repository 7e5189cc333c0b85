from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """
    Attributes:
        address (str | Unset):
        port (int | Unset):
        node_id (str | Unset):
        protocol (str | Unset):
        last_seen (str | Unset):
    """

    address: str | Unset = UNSET
    port: int | Unset = UNSET
    node_id: str | Unset = UNSET
    protocol: str | Unset = UNSET
    last_seen: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        port = self.port

        node_id = self.node_id

        protocol = self.protocol

        last_seen = self.last_seen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if port is not UNSET:
            field_dict["port"] = port
        if node_id is not UNSET:
            field_dict["nodeID"] = node_id
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if last_seen is not UNSET:
            field_dict["lastSeen"] = last_seen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address", UNSET)

        port = d.pop("port", UNSET)

        node_id = d.pop("nodeID", UNSET)

        protocol = d.pop("protocol", UNSET)

        last_seen = d.pop("lastSeen", UNSET)

        contact = cls(
            address=address,
            port=port,
            node_id=node_id,
            protocol=protocol,
            last_seen=last_seen,
        )

        contact.additional_properties = d
        return contact

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
