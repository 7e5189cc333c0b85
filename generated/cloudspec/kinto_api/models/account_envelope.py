from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.account import Account
    from ..models.account_permissions import AccountPermissions


T = TypeVar("T", bound="AccountEnvelope")


@_attrs_define
class AccountEnvelope:
    """
    Attributes:
        data (Account): Account data.
        permissions (AccountPermissions): The account's own principal `account:<id>` always has `write`.
    """

    data: Account
    permissions: AccountPermissions
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        permissions = self.permissions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "permissions": permissions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account import Account  # noqa: PLC0415
        from ..models.account_permissions import AccountPermissions  # noqa: PLC0415

        d = dict(src_dict)
        data = Account.from_dict(d.pop("data"))

        permissions = AccountPermissions.from_dict(d.pop("permissions"))

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
