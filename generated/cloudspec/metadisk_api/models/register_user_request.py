from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterUserRequest")


@_attrs_define
class RegisterUserRequest:
    """
    Attributes:
        email (str):
        password (str): Lowercase hex SHA-256 of the plaintext password (64 characters).
        pubkey (str | Unset): A public key (hex) to register with the account.
        redirect (str | Unset): Where the activation link redirects to.
    """

    email: str
    password: str
    pubkey: str | Unset = UNSET
    redirect: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        pubkey = self.pubkey

        redirect = self.redirect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if pubkey is not UNSET:
            field_dict["pubkey"] = pubkey
        if redirect is not UNSET:
            field_dict["redirect"] = redirect

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        pubkey = d.pop("pubkey", UNSET)

        redirect = d.pop("redirect", UNSET)

        register_user_request = cls(
            email=email,
            password=password,
            pubkey=pubkey,
            redirect=redirect,
        )

        register_user_request.additional_properties = d
        return register_user_request

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
