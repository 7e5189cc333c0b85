from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checksum_algorithm import ChecksumAlgorithm, check_checksum_algorithm
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecksumRequest")


@_attrs_define
class ChecksumRequest:
    """
    Attributes:
        path (list[str]): Files to checksum (repeated `path` keys).
        algorithm (ChecksumAlgorithm | Unset): Server default `md5`.
    """

    path: list[str]
    algorithm: ChecksumAlgorithm | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        algorithm: str | Unset = UNSET
        if not isinstance(self.algorithm, Unset):
            algorithm = self.algorithm

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
            }
        )
        if algorithm is not UNSET:
            field_dict["algorithm"] = algorithm

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = cast(list[str], d.pop("path"))

        _algorithm = d.pop("algorithm", UNSET)
        algorithm: ChecksumAlgorithm | Unset
        if isinstance(_algorithm, Unset):
            algorithm = UNSET
        else:
            algorithm = check_checksum_algorithm(_algorithm)

        checksum_request = cls(
            path=path,
            algorithm=algorithm,
        )

        checksum_request.additional_properties = d
        return checksum_request

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
