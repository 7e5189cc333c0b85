from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BucketFile")


@_attrs_define
class BucketFile:
    """
    Attributes:
        bucket (str | Unset):
        hash_ (str | Unset): RIPEMD-160 of the ascii-hex SHA-256 of the content (40 hex, v0.2 to v0.6).
        id (str | Unset): The entry id (v0.7+).
        filename (str | Unset):
        mimetype (str | Unset):
        size (int | Unset):
    """

    bucket: str | Unset = UNSET
    hash_: str | Unset = UNSET
    id: str | Unset = UNSET
    filename: str | Unset = UNSET
    mimetype: str | Unset = UNSET
    size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bucket = self.bucket

        hash_ = self.hash_

        id = self.id

        filename = self.filename

        mimetype = self.mimetype

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if bucket is not UNSET:
            field_dict["bucket"] = bucket
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if id is not UNSET:
            field_dict["id"] = id
        if filename is not UNSET:
            field_dict["filename"] = filename
        if mimetype is not UNSET:
            field_dict["mimetype"] = mimetype
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bucket = d.pop("bucket", UNSET)

        hash_ = d.pop("hash", UNSET)

        id = d.pop("id", UNSET)

        filename = d.pop("filename", UNSET)

        mimetype = d.pop("mimetype", UNSET)

        size = d.pop("size", UNSET)

        bucket_file = cls(
            bucket=bucket,
            hash_=hash_,
            id=id,
            filename=filename,
            mimetype=mimetype,
            size=size,
        )

        bucket_file.additional_properties = d
        return bucket_file

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
