from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.restore_method import RestoreMethod, check_restore_method
from ..types import UNSET, Unset

T = TypeVar("T", bound="RestoreRequest")


@_attrs_define
class RestoreRequest:
    """
    Attributes:
        restore (RestoreMethod):
        rescue_path (str | Unset): rescue: destination ID path (default root).
        recreate_path (str | Unset): recreate: NAME path to re-create (e.g. `/depth1/depth2`).
    """

    restore: RestoreMethod
    rescue_path: str | Unset = UNSET
    recreate_path: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        restore: str = self.restore

        rescue_path = self.rescue_path

        recreate_path = self.recreate_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "restore": restore,
            }
        )
        if rescue_path is not UNSET:
            field_dict["rescue-path"] = rescue_path
        if recreate_path is not UNSET:
            field_dict["recreate-path"] = recreate_path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        restore = check_restore_method(d.pop("restore"))

        rescue_path = d.pop("rescue-path", UNSET)

        recreate_path = d.pop("recreate-path", UNSET)

        restore_request = cls(
            restore=restore,
            rescue_path=rescue_path,
            recreate_path=recreate_path,
        )

        restore_request.additional_properties = d
        return restore_request

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
