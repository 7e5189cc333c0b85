from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.history_action import HistoryAction, check_history_action
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_target import HistoryTarget


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One change. Only `id` and `last_modified` are guaranteed (`_fields` can drop the rest).

    Attributes:
        id (str): Entry id (UUID).
        last_modified (int):
        date (str | Unset): ISO 8601 date of the change.
        action (HistoryAction | Unset):
        uri (str | Unset): URI of the changed object, e.g. `/buckets/b1/collections/c1/records/r1`.
        user_id (str | Unset): Principal of the author.
        resource_name (str | Unset): `bucket`, `collection`, `group` or `record`.
        bucket_id (str | Unset):
        collection_id (str | Unset):
        group_id (str | Unset):
        record_id (str | Unset):
        target (HistoryTarget | Unset): The object after the change (`data` and `permissions`).
    """

    id: str
    last_modified: int
    date: str | Unset = UNSET
    action: HistoryAction | Unset = UNSET
    uri: str | Unset = UNSET
    user_id: str | Unset = UNSET
    resource_name: str | Unset = UNSET
    bucket_id: str | Unset = UNSET
    collection_id: str | Unset = UNSET
    group_id: str | Unset = UNSET
    record_id: str | Unset = UNSET
    target: HistoryTarget | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        last_modified = self.last_modified

        date = self.date

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action

        uri = self.uri

        user_id = self.user_id

        resource_name = self.resource_name

        bucket_id = self.bucket_id

        collection_id = self.collection_id

        group_id = self.group_id

        record_id = self.record_id

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "last_modified": last_modified,
            }
        )
        if date is not UNSET:
            field_dict["date"] = date
        if action is not UNSET:
            field_dict["action"] = action
        if uri is not UNSET:
            field_dict["uri"] = uri
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if resource_name is not UNSET:
            field_dict["resource_name"] = resource_name
        if bucket_id is not UNSET:
            field_dict["bucket_id"] = bucket_id
        if collection_id is not UNSET:
            field_dict["collection_id"] = collection_id
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if record_id is not UNSET:
            field_dict["record_id"] = record_id
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.history_target import HistoryTarget  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        last_modified = d.pop("last_modified")

        date = d.pop("date", UNSET)

        _action = d.pop("action", UNSET)
        action: HistoryAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = check_history_action(_action)

        uri = d.pop("uri", UNSET)

        user_id = d.pop("user_id", UNSET)

        resource_name = d.pop("resource_name", UNSET)

        bucket_id = d.pop("bucket_id", UNSET)

        collection_id = d.pop("collection_id", UNSET)

        group_id = d.pop("group_id", UNSET)

        record_id = d.pop("record_id", UNSET)

        _target = d.pop("target", UNSET)
        target: HistoryTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = HistoryTarget.from_dict(_target)

        history_entry = cls(
            id=id,
            last_modified=last_modified,
            date=date,
            action=action,
            uri=uri,
            user_id=user_id,
            resource_name=resource_name,
            bucket_id=bucket_id,
            collection_id=collection_id,
            group_id=group_id,
            record_id=record_id,
            target=target,
        )

        history_entry.additional_properties = d
        return history_entry

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
