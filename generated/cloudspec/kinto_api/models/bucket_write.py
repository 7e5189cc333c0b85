from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bucket_permissions import BucketPermissions
    from ..models.bucket_write_data import BucketWriteData


T = TypeVar("T", bound="BucketWrite")


@_attrs_define
class BucketWrite:
    """PUT / POST body, and PATCH body for `application/json` (shallow merge).

    Attributes:
        data (BucketWriteData | Unset): Bucket fields to store. `id` is optional (taken from the URL on PUT);
            `last_modified` is ignored. Any extra field is kept.
        permissions (BucketPermissions | Unset): Only shown to users who can write the bucket (empty otherwise).
    """

    data: BucketWriteData | Unset = UNSET
    permissions: BucketPermissions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if data is not UNSET:
            field_dict["data"] = data
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bucket_permissions import BucketPermissions  # noqa: PLC0415
        from ..models.bucket_write_data import BucketWriteData  # noqa: PLC0415

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: BucketWriteData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = BucketWriteData.from_dict(_data)

        _permissions = d.pop("permissions", UNSET)
        permissions: BucketPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = BucketPermissions.from_dict(_permissions)

        bucket_write = cls(
            data=data,
            permissions=permissions,
        )

        return bucket_write
