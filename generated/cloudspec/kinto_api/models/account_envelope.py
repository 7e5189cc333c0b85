from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.account_permissions import AccountPermissions


T = TypeVar("T", bound="AccountEnvelope")


@_attrs_define
class AccountEnvelope:
    """An object and its permissions (`permissions` is absent when `_fields` is used, and empty for users without write
    access).

        Attributes:
            data (Account): Account data.
            permissions (AccountPermissions | Unset): The account's own principal `account:<id>` always has `write`.
    """

    data: Account
    permissions: AccountPermissions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        permissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.permissions, Unset):
            permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if permissions is not UNSET:
            field_dict["permissions"] = permissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415
        from ..models.account_permissions import AccountPermissions  # noqa: PLC0415

        d = dict(src_dict)
        data = Account.from_dict(d.pop("data"))

        _permissions = d.pop("permissions", UNSET)
        permissions: AccountPermissions | Unset
        if isinstance(_permissions, Unset):
            permissions = UNSET
        else:
            permissions = AccountPermissions.from_dict(_permissions)

        account_envelope = cls(
            data=data,
            permissions=permissions,
        )

        account_envelope.additional_properties = d
        return account_envelope

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
