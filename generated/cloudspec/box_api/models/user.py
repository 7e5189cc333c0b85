from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user_enterprise_type_0 import UserEnterpriseType0


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """A user in full form.

    Attributes:
        id (str | Unset):
        type_ (str | Unset):
        name (str | Unset):
        login (str | Unset):
        created_at (datetime.datetime | Unset):
        modified_at (datetime.datetime | Unset):
        language (str | Unset):
        timezone (str | Unset):
        space_amount (int | Unset):
        space_used (int | Unset):
        max_upload_size (int | Unset): The largest file this user may upload, in bytes.
        status (str | Unset):
        job_title (str | Unset):
        phone (str | Unset):
        address (str | Unset):
        avatar_url (str | Unset):
        role (str | Unset):
        enterprise (None | Unset | UserEnterpriseType0):
        hostname (str | Unset):
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    name: str | Unset = UNSET
    login: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    modified_at: datetime.datetime | Unset = UNSET
    language: str | Unset = UNSET
    timezone: str | Unset = UNSET
    space_amount: int | Unset = UNSET
    space_used: int | Unset = UNSET
    max_upload_size: int | Unset = UNSET
    status: str | Unset = UNSET
    job_title: str | Unset = UNSET
    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    avatar_url: str | Unset = UNSET
    role: str | Unset = UNSET
    enterprise: None | Unset | UserEnterpriseType0 = UNSET
    hostname: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_enterprise_type_0 import UserEnterpriseType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_

        name = self.name

        login = self.login

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        modified_at: str | Unset = UNSET
        if not isinstance(self.modified_at, Unset):
            modified_at = self.modified_at.isoformat()

        language = self.language

        timezone = self.timezone

        space_amount = self.space_amount

        space_used = self.space_used

        max_upload_size = self.max_upload_size

        status = self.status

        job_title = self.job_title

        phone = self.phone

        address = self.address

        avatar_url = self.avatar_url

        role = self.role

        enterprise: dict[str, Any] | None | Unset
        if isinstance(self.enterprise, Unset):
            enterprise = UNSET
        elif isinstance(self.enterprise, UserEnterpriseType0):
            enterprise = self.enterprise.to_dict()
        else:
            enterprise = self.enterprise

        hostname = self.hostname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if login is not UNSET:
            field_dict["login"] = login
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if language is not UNSET:
            field_dict["language"] = language
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if space_amount is not UNSET:
            field_dict["space_amount"] = space_amount
        if space_used is not UNSET:
            field_dict["space_used"] = space_used
        if max_upload_size is not UNSET:
            field_dict["max_upload_size"] = max_upload_size
        if status is not UNSET:
            field_dict["status"] = status
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if avatar_url is not UNSET:
            field_dict["avatar_url"] = avatar_url
        if role is not UNSET:
            field_dict["role"] = role
        if enterprise is not UNSET:
            field_dict["enterprise"] = enterprise
        if hostname is not UNSET:
            field_dict["hostname"] = hostname

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_enterprise_type_0 import UserEnterpriseType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        name = d.pop("name", UNSET)

        login = d.pop("login", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _modified_at = d.pop("modified_at", UNSET)
        modified_at: datetime.datetime | Unset
        if isinstance(_modified_at, Unset):
            modified_at = UNSET
        else:
            modified_at = datetime.datetime.fromisoformat(_modified_at)

        language = d.pop("language", UNSET)

        timezone = d.pop("timezone", UNSET)

        space_amount = d.pop("space_amount", UNSET)

        space_used = d.pop("space_used", UNSET)

        max_upload_size = d.pop("max_upload_size", UNSET)

        status = d.pop("status", UNSET)

        job_title = d.pop("job_title", UNSET)

        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        avatar_url = d.pop("avatar_url", UNSET)

        role = d.pop("role", UNSET)

        def _parse_enterprise(data: object) -> None | Unset | UserEnterpriseType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                enterprise_type_0 = UserEnterpriseType0.from_dict(data)

                return enterprise_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserEnterpriseType0, data)

        enterprise = _parse_enterprise(d.pop("enterprise", UNSET))

        hostname = d.pop("hostname", UNSET)

        user = cls(
            id=id,
            type_=type_,
            name=name,
            login=login,
            created_at=created_at,
            modified_at=modified_at,
            language=language,
            timezone=timezone,
            space_amount=space_amount,
            space_used=space_used,
            max_upload_size=max_upload_size,
            status=status,
            job_title=job_title,
            phone=phone,
            address=address,
            avatar_url=avatar_url,
            role=role,
            enterprise=enterprise,
            hostname=hostname,
        )

        user.additional_properties = d
        return user

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
