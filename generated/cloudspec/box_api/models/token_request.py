from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType, check_grant_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """Form body of POST /oauth2/token for the authorization_code grant (`code`, plus `redirect_uri` if the authorize call
    had one) or the refresh_token grant (`refresh_token`). `client_id` and `client_secret` are always sent. Extra form
    fields (e.g. box_device_id, box_device_name) go in additional properties.

        Attributes:
            grant_type (GrantType):
            code (str | Unset): The authorization code (valid for 30 seconds, single use).
            refresh_token (str | Unset):
            client_id (str | Unset):
            client_secret (str | Unset):
            redirect_uri (str | Unset): Not in Box's schema, but accepted; must match the authorize call's.
    """

    grant_type: GrantType
    code: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type: str = self.grant_type

        code = self.code

        refresh_token = self.refresh_token

        client_id = self.client_id

        client_secret = self.client_secret

        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = check_grant_type(d.pop("grant_type"))

        code = d.pop("code", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        redirect_uri = d.pop("redirect_uri", UNSET)

        token_request = cls(
            grant_type=grant_type,
            code=code,
            refresh_token=refresh_token,
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
        )

        token_request.additional_properties = d
        return token_request

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
