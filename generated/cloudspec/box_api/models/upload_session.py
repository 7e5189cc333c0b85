from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_endpoints import SessionEndpoints


T = TypeVar("T", bound="UploadSession")


@_attrs_define
class UploadSession:
    """An upload session (lives 7 days). The server chooses `part_size` (8 MiB is typical) and `total_parts`.

    Attributes:
        id (str | Unset):
        type_ (str | Unset):
        session_expires_at (datetime.datetime | Unset):
        part_size (int | Unset):
        total_parts (int | Unset):
        num_parts_processed (int | Unset):
        session_endpoints (SessionEndpoints | Unset): Absolute URLs of the session's operations; use them as they are
            (they route to the closest data center).
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    session_expires_at: datetime.datetime | Unset = UNSET
    part_size: int | Unset = UNSET
    total_parts: int | Unset = UNSET
    num_parts_processed: int | Unset = UNSET
    session_endpoints: SessionEndpoints | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        session_expires_at: str | Unset = UNSET
        if not isinstance(self.session_expires_at, Unset):
            session_expires_at = self.session_expires_at.isoformat()

        part_size = self.part_size

        total_parts = self.total_parts

        num_parts_processed = self.num_parts_processed

        session_endpoints: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session_endpoints, Unset):
            session_endpoints = self.session_endpoints.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if session_expires_at is not UNSET:
            field_dict["session_expires_at"] = session_expires_at
        if part_size is not UNSET:
            field_dict["part_size"] = part_size
        if total_parts is not UNSET:
            field_dict["total_parts"] = total_parts
        if num_parts_processed is not UNSET:
            field_dict["num_parts_processed"] = num_parts_processed
        if session_endpoints is not UNSET:
            field_dict["session_endpoints"] = session_endpoints

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_endpoints import SessionEndpoints  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        _session_expires_at = d.pop("session_expires_at", UNSET)
        session_expires_at: datetime.datetime | Unset
        if isinstance(_session_expires_at, Unset):
            session_expires_at = UNSET
        else:
            session_expires_at = datetime.datetime.fromisoformat(_session_expires_at)

        part_size = d.pop("part_size", UNSET)

        total_parts = d.pop("total_parts", UNSET)

        num_parts_processed = d.pop("num_parts_processed", UNSET)

        _session_endpoints = d.pop("session_endpoints", UNSET)
        session_endpoints: SessionEndpoints | Unset
        if isinstance(_session_endpoints, Unset):
            session_endpoints = UNSET
        else:
            session_endpoints = SessionEndpoints.from_dict(_session_endpoints)

        upload_session = cls(
            id=id,
            type_=type_,
            session_expires_at=session_expires_at,
            part_size=part_size,
            total_parts=total_parts,
            num_parts_processed=num_parts_processed,
            session_endpoints=session_endpoints,
        )

        upload_session.additional_properties = d
        return upload_session

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
