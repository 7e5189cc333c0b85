from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acl import Acl


T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        uid (str):
        href (str): The public URL (`https://file.ac/<uid>/<name>`).
        acl (Acl | Unset):
        created (str | Unset): Naive `YYYY-MM-DDTHH:MM:SS`.
        expiration (None | str | Unset): Naive timestamp
        name (str | Unset):
        owner (Any | Unset): The owner's user name (typed loosely, like PathInfo.owner).
        path (str | Unset):
        recursive (bool | Unset):
        usage_count (int | Unset):
        usage_limit (int | None | Unset): Null means unlimited.
    """

    uid: str
    href: str
    acl: Acl | Unset = UNSET
    created: str | Unset = UNSET
    expiration: None | str | Unset = UNSET
    name: str | Unset = UNSET
    owner: Any | Unset = UNSET
    path: str | Unset = UNSET
    recursive: bool | Unset = UNSET
    usage_count: int | Unset = UNSET
    usage_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        href = self.href

        acl: dict[str, Any] | Unset = UNSET
        if not isinstance(self.acl, Unset):
            acl = self.acl.to_dict()

        created = self.created

        expiration: None | str | Unset
        if isinstance(self.expiration, Unset):
            expiration = UNSET
        else:
            expiration = self.expiration

        name = self.name

        owner = self.owner

        path = self.path

        recursive = self.recursive

        usage_count = self.usage_count

        usage_limit: int | None | Unset
        if isinstance(self.usage_limit, Unset):
            usage_limit = UNSET
        else:
            usage_limit = self.usage_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
                "href": href,
            }
        )
        if acl is not UNSET:
            field_dict["acl"] = acl
        if created is not UNSET:
            field_dict["created"] = created
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if name is not UNSET:
            field_dict["name"] = name
        if owner is not UNSET:
            field_dict["owner"] = owner
        if path is not UNSET:
            field_dict["path"] = path
        if recursive is not UNSET:
            field_dict["recursive"] = recursive
        if usage_count is not UNSET:
            field_dict["usage_count"] = usage_count
        if usage_limit is not UNSET:
            field_dict["usage_limit"] = usage_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acl import Acl  # noqa: PLC0415

        d = dict(src_dict)
        uid = d.pop("uid")

        href = d.pop("href")

        _acl = d.pop("acl", UNSET)
        acl: Acl | Unset
        if isinstance(_acl, Unset):
            acl = UNSET
        else:
            acl = Acl.from_dict(_acl)

        created = d.pop("created", UNSET)

        def _parse_expiration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expiration = _parse_expiration(d.pop("expiration", UNSET))

        name = d.pop("name", UNSET)

        owner = d.pop("owner", UNSET)

        path = d.pop("path", UNSET)

        recursive = d.pop("recursive", UNSET)

        usage_count = d.pop("usage_count", UNSET)

        def _parse_usage_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        usage_limit = _parse_usage_limit(d.pop("usage_limit", UNSET))

        link = cls(
            uid=uid,
            href=href,
            acl=acl,
            created=created,
            expiration=expiration,
            name=name,
            owner=owner,
            path=path,
            recursive=recursive,
            usage_count=usage_count,
            usage_limit=usage_limit,
        )

        link.additional_properties = d
        return link

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
