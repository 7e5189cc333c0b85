from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

if TYPE_CHECKING:
    from ..models.record_permissions import RecordPermissions
    from ..models.record_write_data import RecordWriteData


T = TypeVar("T", bound="AttachmentUpload")


@_attrs_define
class AttachmentUpload:
    """multipart/form-data body of `add_attachment`: the file, plus optional record `data` and `permissions` sent as JSON
    parts (`{"title": "x"}`, `{"read": ["system.Everyone"]}`). No other part is accepted.

        Attributes:
            attachment (File): The file. Its part must carry a filename (stored as `filename`, extension decides the stored
                name's extension) and should carry a Content-Type (stored as `mimetype`; `text/plain` when absent; `.pem` and
                `.geojson` are overridden by the server).
            data (RecordWriteData | Unset): Record fields to store. Any extra field is kept.
            permissions (RecordPermissions | Unset): Only shown to users who can write the record (empty otherwise).
    """

    attachment: File
    data: RecordWriteData | Unset = UNSET
    permissions: RecordPermissions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attachment = self.attachment.to_tuple()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attachment": attachment,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("attachment", self.attachment.to_tuple()))

        if not isinstance(self.data, Unset):
            files.append(
                ("data", (None, json.dumps(self.data.to_dict()).encode(), "application/json"))
            )

        if not isinstance(self.permissions, Unset):
            files.append(
                (
                    "permissions",
                    (None, json.dumps(self.permissions.to_dict()).encode(), "application/json"),
                )
            )

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_permissions import RecordPermissions  # noqa: PLC0415
        from ..models.record_write_data import RecordWriteData  # noqa: PLC0415

        d = dict(src_dict)
        attachment = File(payload=BytesIO(d.pop("attachment")))

        _data = d.pop("data", UNSET)
        data: RecordWriteData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = RecordWriteData.from_dict(_data)

        _permissions = d.pop("permissions", UNSET)
        permissions: RecordPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = RecordPermissions.from_dict(_permissions)

        attachment_upload = cls(
            attachment=attachment,
            data=data,
            permissions=permissions,
        )

        return attachment_upload
