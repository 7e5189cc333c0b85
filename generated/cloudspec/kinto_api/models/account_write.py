from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_permissions import AccountPermissions
    from ..models.account_write_data import AccountWriteData


T = TypeVar("T", bound="AccountWrite")


@_attrs_define
class AccountWrite:
    """PUT / POST body, and PATCH body for `application/json` (shallow merge).

    Attributes:
        data (AccountWriteData | Unset): Account fields. `password` (clear text) is required to create or replace an
            account; `id` is required on POST.
        permissions (AccountPermissions | Unset): The account's own principal `account:<id>` always has `write`.
    """

    data: AccountWriteData | Unset = UNSET
    permissions: AccountPermissions | Unset = UNSET

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
        from ..models.account_permissions import AccountPermissions  # noqa: PLC0415
        from ..models.account_write_data import AccountWriteData  # noqa: PLC0415

        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: AccountWriteData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = AccountWriteData.from_dict(_data)

        _permissions = d.pop("permissions", UNSET)
        permissions: AccountPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = AccountPermissions.from_dict(_permissions)

        account_write = cls(
            data=data,
            permissions=permissions,
        )

        return account_write
