from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.collection_schema import CollectionSchema


T = TypeVar("T", bound="Collection")


@_attrs_define
class Collection:
    """Collection data. Any extra field is kept.

    Attributes:
        id (str): Object id.
        last_modified (int): Server timestamp of the last change, ms since epoch (the ETag value).
        deleted (bool | Unset): Only on tombstones (lists filtered on last_modified), always true.
        schema (CollectionSchema | Unset): JSON schema every record must validate against (when
            `experimental_collection_schema_validation` is on).
        cache_expires (int | Unset): Cache-Control max-age (seconds) sent on anonymous record reads.
    """

    id: str
    last_modified: int
    deleted: bool | Unset = UNSET
    schema: CollectionSchema | Unset = UNSET
    cache_expires: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        last_modified = self.last_modified

        deleted = self.deleted

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        cache_expires = self.cache_expires

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
        if schema is not UNSET:
            field_dict["schema"] = schema
        if cache_expires is not UNSET:
            field_dict["cache_expires"] = cache_expires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection_schema import CollectionSchema  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        last_modified = d.pop("last_modified")

        deleted = d.pop("deleted", UNSET)

        _schema = d.pop("schema", UNSET)
        schema: CollectionSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = CollectionSchema.from_dict(_schema)

        cache_expires = d.pop("cache_expires", UNSET)

        collection = cls(
            id=id,
            last_modified=last_modified,
            deleted=deleted,
            schema=schema,
            cache_expires=cache_expires,
        )

        collection.additional_properties = d
        return collection

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
