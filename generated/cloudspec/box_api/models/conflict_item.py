from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_version_mini import FileVersionMini


T = TypeVar("T", bound="ConflictItem")


@_attrs_define
class ConflictItem:
    """The existing item that holds the name (a file or a folder, in mini form).

    Attributes:
        id (str | Unset):
        type_ (str | Unset):
        name (str | Unset):
        etag (None | str | Unset):
        sequence_id (None | str | Unset):
        sha1 (str | Unset): Files only; compare with the local SHA-1 to skip an identical upload.
        file_version (FileVersionMini | Unset):
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    name: str | Unset = UNSET
    etag: None | str | Unset = UNSET
    sequence_id: None | str | Unset = UNSET
    sha1: str | Unset = UNSET
    file_version: FileVersionMini | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        name = self.name

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        sequence_id: None | str | Unset
        if isinstance(self.sequence_id, Unset):
            sequence_id = UNSET
        else:
            sequence_id = self.sequence_id

        sha1 = self.sha1

        file_version: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_version, Unset):
            file_version = self.file_version.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if etag is not UNSET:
            field_dict["etag"] = etag
        if sequence_id is not UNSET:
            field_dict["sequence_id"] = sequence_id
        if sha1 is not UNSET:
            field_dict["sha1"] = sha1
        if file_version is not UNSET:
            field_dict["file_version"] = file_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_version_mini import FileVersionMini  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        name = d.pop("name", UNSET)

        def _parse_etag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etag = _parse_etag(d.pop("etag", UNSET))

        def _parse_sequence_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sequence_id = _parse_sequence_id(d.pop("sequence_id", UNSET))

        sha1 = d.pop("sha1", UNSET)

        _file_version = d.pop("file_version", UNSET)
        file_version: FileVersionMini | Unset
        if isinstance(_file_version, Unset):
            file_version = UNSET
        else:
            file_version = FileVersionMini.from_dict(_file_version)

        conflict_item = cls(
            id=id,
            type_=type_,
            name=name,
            etag=etag,
            sequence_id=sequence_id,
            sha1=sha1,
            file_version=file_version,
        )

        conflict_item.additional_properties = d
        return conflict_item

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
