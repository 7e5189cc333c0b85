from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_outcome_checksums import TaskOutcomeChecksums
    from ..models.task_outcome_errors import TaskOutcomeErrors


T = TypeVar("T", bound="TaskOutcome")


@_attrs_define
class TaskOutcome:
    """
    Attributes:
        errors (TaskOutcomeErrors | Unset): Message by path of every path that failed.
        checksums (TaskOutcomeChecksums | Unset): Hex digest by path (checksum tasks).
        path (str | Unset): The zip written (compress tasks).
    """

    errors: TaskOutcomeErrors | Unset = UNSET
    checksums: TaskOutcomeChecksums | Unset = UNSET
    path: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        checksums: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checksums, Unset):
            checksums = self.checksums.to_dict()

        path = self.path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errors is not UNSET:
            field_dict["errors"] = errors
        if checksums is not UNSET:
            field_dict["checksums"] = checksums
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_outcome_checksums import TaskOutcomeChecksums  # noqa: PLC0415
        from ..models.task_outcome_errors import TaskOutcomeErrors  # noqa: PLC0415

        d = dict(src_dict)
        _errors = d.pop("errors", UNSET)
        errors: TaskOutcomeErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = TaskOutcomeErrors.from_dict(_errors)

        _checksums = d.pop("checksums", UNSET)
        checksums: TaskOutcomeChecksums | Unset
        if isinstance(_checksums, Unset):
            checksums = UNSET
        else:
            checksums = TaskOutcomeChecksums.from_dict(_checksums)

        path = d.pop("path", UNSET)

        task_outcome = cls(
            errors=errors,
            checksums=checksums,
            path=path,
        )

        task_outcome.additional_properties = d
        return task_outcome

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
