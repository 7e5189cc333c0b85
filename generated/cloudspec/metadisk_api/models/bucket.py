from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Bucket")


@_attrs_define
class Bucket:
    """
    Attributes:
        id (str):
        name (str | Unset):
        status (str | Unset): `Active` or `Inactive` (open set).
        storage (float | Unset): GB.
        transfer (float | Unset): GB.
        pubkeys (list[str] | Unset):
        user (str | Unset):
        created (datetime.datetime | Unset):
    """

    id: str
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    storage: float | Unset = UNSET
    transfer: float | Unset = UNSET
    pubkeys: list[str] | Unset = UNSET
    user: str | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        storage = self.storage

        transfer = self.transfer

        pubkeys: list[str] | Unset = UNSET
        if not isinstance(self.pubkeys, Unset):
            pubkeys = self.pubkeys

        user = self.user

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if storage is not UNSET:
            field_dict["storage"] = storage
        if transfer is not UNSET:
            field_dict["transfer"] = transfer
        if pubkeys is not UNSET:
            field_dict["pubkeys"] = pubkeys
        if user is not UNSET:
            field_dict["user"] = user
        if created is not UNSET:
            field_dict["created"] = created

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        storage = d.pop("storage", UNSET)

        transfer = d.pop("transfer", UNSET)

        pubkeys = cast(list[str], d.pop("pubkeys", UNSET))

        user = d.pop("user", UNSET)

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        bucket = cls(
            id=id,
            name=name,
            status=status,
            storage=storage,
            transfer=transfer,
            pubkeys=pubkeys,
            user=user,
            created=created,
        )

        bucket.additional_properties = d
        return bucket

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
