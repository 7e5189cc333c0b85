from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionEndpoints")


@_attrs_define
class SessionEndpoints:
    """Absolute URLs of the session's operations; use them as they are (they route to the closest data center).

    Attributes:
        upload_part (str | Unset):
        commit (str | Unset):
        abort (str | Unset):
        list_parts (str | Unset):
        status (str | Unset):
        log_event (str | Unset):
    """

    upload_part: str | Unset = UNSET
    commit: str | Unset = UNSET
    abort: str | Unset = UNSET
    list_parts: str | Unset = UNSET
    status: str | Unset = UNSET
    log_event: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_part = self.upload_part

        commit = self.commit

        abort = self.abort

        list_parts = self.list_parts

        status = self.status

        log_event = self.log_event

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if upload_part is not UNSET:
            field_dict["upload_part"] = upload_part
        if commit is not UNSET:
            field_dict["commit"] = commit
        if abort is not UNSET:
            field_dict["abort"] = abort
        if list_parts is not UNSET:
            field_dict["list_parts"] = list_parts
        if status is not UNSET:
            field_dict["status"] = status
        if log_event is not UNSET:
            field_dict["log_event"] = log_event

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_part = d.pop("upload_part", UNSET)

        commit = d.pop("commit", UNSET)

        abort = d.pop("abort", UNSET)

        list_parts = d.pop("list_parts", UNSET)

        status = d.pop("status", UNSET)

        log_event = d.pop("log_event", UNSET)

        session_endpoints = cls(
            upload_part=upload_part,
            commit=commit,
            abort=abort,
            list_parts=list_parts,
            status=status,
            log_event=log_event,
        )

        session_endpoints.additional_properties = d
        return session_endpoints

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
