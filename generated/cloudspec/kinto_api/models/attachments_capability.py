from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AttachmentsCapability")


@_attrs_define
class AttachmentsCapability:
    """kinto-attachment is enabled.

    Attributes:
        base_url (None | str): Base URL of the attachment files, ending in `/`; null when the server sets none
            (locations are then full URLs, or relative to wherever the files are published).
        description (str | Unset):
        url (str | Unset):
        version (str | Unset): kinto-attachment version, e.g. `8.0.0`.
    """

    base_url: None | str
    description: str | Unset = UNSET
    url: str | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_url: None | str
        base_url = self.base_url

        description = self.description

        url = self.url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if url is not UNSET:
            field_dict["url"] = url
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_base_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        base_url = _parse_base_url(d.pop("base_url"))

        description = d.pop("description", UNSET)

        url = d.pop("url", UNSET)

        version = d.pop("version", UNSET)

        attachments_capability = cls(
            base_url=base_url,
            description=description,
            url=url,
            version=version,
        )

        attachments_capability.additional_properties = d
        return attachments_capability

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
