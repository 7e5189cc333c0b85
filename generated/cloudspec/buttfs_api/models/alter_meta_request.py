from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_conflict import VersionConflict, check_version_conflict
from ..types import UNSET, Unset

T = TypeVar("T", bound="AlterMetaRequest")


@_attrs_define
class AlterMetaRequest:
    """
    Attributes:
        version (int): The item's current version (required).
        version_conflict (VersionConflict | Unset):
        name (str | Unset):
        mime (str | Unset): Files only.
        date_created (float | Unset):
        date_meta_last_modified (float | Unset):
        date_content_last_modified (float | Unset):
        application_data (str | Unset): A JSON object as a string; the server merges it.
    """

    version: int
    version_conflict: VersionConflict | Unset = UNSET
    name: str | Unset = UNSET
    mime: str | Unset = UNSET
    date_created: float | Unset = UNSET
    date_meta_last_modified: float | Unset = UNSET
    date_content_last_modified: float | Unset = UNSET
    application_data: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        version_conflict: str | Unset = UNSET
        if not isinstance(self.version_conflict, Unset):
            version_conflict = self.version_conflict

        name = self.name

        mime = self.mime

        date_created = self.date_created

        date_meta_last_modified = self.date_meta_last_modified

        date_content_last_modified = self.date_content_last_modified

        application_data = self.application_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
            }
        )
        if version_conflict is not UNSET:
            field_dict["version-conflict"] = version_conflict
        if name is not UNSET:
            field_dict["name"] = name
        if mime is not UNSET:
            field_dict["mime"] = mime
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if date_meta_last_modified is not UNSET:
            field_dict["date_meta_last_modified"] = date_meta_last_modified
        if date_content_last_modified is not UNSET:
            field_dict["date_content_last_modified"] = date_content_last_modified
        if application_data is not UNSET:
            field_dict["application_data"] = application_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        _version_conflict = d.pop("version-conflict", UNSET)
        version_conflict: VersionConflict | Unset
        if isinstance(_version_conflict, Unset):
            version_conflict = UNSET
        else:
            version_conflict = check_version_conflict(_version_conflict)

        name = d.pop("name", UNSET)

        mime = d.pop("mime", UNSET)

        date_created = d.pop("date_created", UNSET)

        date_meta_last_modified = d.pop("date_meta_last_modified", UNSET)

        date_content_last_modified = d.pop("date_content_last_modified", UNSET)

        application_data = d.pop("application_data", UNSET)

        alter_meta_request = cls(
            version=version,
            version_conflict=version_conflict,
            name=name,
            mime=mime,
            date_created=date_created,
            date_meta_last_modified=date_meta_last_modified,
            date_content_last_modified=date_content_last_modified,
            application_data=application_data,
        )

        alter_meta_request.additional_properties = d
        return alter_meta_request

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
