from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Attachment")


@_attrs_define
class Attachment:
    """Metadata of an attached file, as stored in the record's `attachment` field and returned by `add_attachment`.

    Attributes:
        filename (str): The name the file was uploaded with (as sent, not sanitised).
        location (str): Where to download the file. A full URL when the server has an `attachment.base_url`, else a path
            relative to `capabilities.attachments.base_url`; resolve it with urljoin(base_url, location) either way. With
            the default `randomize` setting the stored name is a UUID plus the lower-cased extension.
        hash_ (str): Hex sha256 of the file's bytes.
        mimetype (str): Content type of the uploaded part (or the server's override).
        size (int): Size in bytes.
    """

    filename: str
    location: str
    hash_: str
    mimetype: str
    size: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        location = self.location

        hash_ = self.hash_

        mimetype = self.mimetype

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
                "location": location,
                "hash": hash_,
                "mimetype": mimetype,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        location = d.pop("location")

        hash_ = d.pop("hash")

        mimetype = d.pop("mimetype")

        size = d.pop("size")

        attachment = cls(
            filename=filename,
            location=location,
            hash_=hash_,
            mimetype=mimetype,
            size=size,
        )

        attachment.additional_properties = d
        return attachment

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
