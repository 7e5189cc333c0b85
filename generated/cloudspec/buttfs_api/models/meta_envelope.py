from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_meta import ItemMeta
    from ..models.meta_result import MetaResult


T = TypeVar("T", bound="MetaEnvelope")


@_attrs_define
class MetaEnvelope:
    """
    Attributes:
        result (ItemMeta | MetaResult): `{meta}` or a bare meta (both seen; RB fetch(:meta), BFS).
        error (None | Unset):
    """

    result: ItemMeta | MetaResult
    error: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.meta_result import MetaResult  # noqa: PLC0415

        result: dict[str, Any]
        if isinstance(self.result, MetaResult):
            result = self.result.to_dict()
        else:
            result = self.result.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_meta import ItemMeta  # noqa: PLC0415
        from ..models.meta_result import MetaResult  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_result(data: object) -> ItemMeta | MetaResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = MetaResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            result_type_1 = ItemMeta.from_dict(data)

            return result_type_1

        result = _parse_result(d.pop("result"))

        error = d.pop("error", UNSET)

        meta_envelope = cls(
            result=result,
            error=error,
        )

        meta_envelope.additional_properties = d
        return meta_envelope

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
