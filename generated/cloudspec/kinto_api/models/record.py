from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment import Attachment


T = TypeVar("T", bound="Record")


@_attrs_define
class Record:
    """Record data. Any extra field is kept. Also the shape of tombstones (`deleted: true`) in lists filtered on
    last_modified.

        Attributes:
            id (str): Object id.
            last_modified (int): Server timestamp of the last change, ms since epoch (the ETag value).
            deleted (bool | Unset): Only on tombstones (lists filtered on last_modified), always true.
            attachment (Attachment | None | Unset): The file attached with `add_attachment` (kinto-attachment), null after
                `remove_attachment`, absent when the record never had one.
    """

    id: str
    last_modified: int
    deleted: bool | Unset = UNSET
    attachment: Attachment | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment import Attachment  # noqa: PLC0415

        id = self.id

        last_modified = self.last_modified

        deleted = self.deleted

        attachment: dict[str, Any] | None | Unset
        if isinstance(self.attachment, Unset):
            attachment = UNSET
        elif isinstance(self.attachment, Attachment):
            attachment = self.attachment.to_dict()
        else:
            attachment = self.attachment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "last_modified": last_modified,
            }
        )
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if attachment is not UNSET:
            field_dict["attachment"] = attachment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        last_modified = d.pop("last_modified")

        deleted = d.pop("deleted", UNSET)

        def _parse_attachment(data: object) -> Attachment | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attachment_type_0 = Attachment.from_dict(data)

                return attachment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Attachment | None | Unset, data)

        attachment = _parse_attachment(d.pop("attachment", UNSET))

        record = cls(
            id=id,
            last_modified=last_modified,
            deleted=deleted,
            attachment=attachment,
        )

        record.additional_properties = d
        return record

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
