from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import File

if TYPE_CHECKING:
    from ..models.upload_file_version_attributes import UploadFileVersionAttributes


T = TypeVar("T", bound="UploadFileVersionRequest")


@_attrs_define
class UploadFileVersionRequest:
    """
    Attributes:
        attributes (UploadFileVersionAttributes):
        file (File):
    """

    attributes: UploadFileVersionAttributes
    file: File

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attributes": attributes,
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(
            (
                "attributes",
                (None, json.dumps(self.attributes.to_dict()).encode(), "application/json"),
            )
        )

        files.append(("file", self.file.to_tuple()))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_file_version_attributes import UploadFileVersionAttributes  # noqa: PLC0415

        d = dict(src_dict)
        attributes = UploadFileVersionAttributes.from_dict(d.pop("attributes"))

        file = File(payload=BytesIO(d.pop("file")))

        upload_file_version_request = cls(
            attributes=attributes,
            file=file,
        )

        return upload_file_version_request
