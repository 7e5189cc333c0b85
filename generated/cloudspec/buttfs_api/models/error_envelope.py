from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_object import ErrorObject


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """`{"error": {code, message, data}, "result": null}`, or the OAuth string form
    `{"error": "invalid_request", ...}` (RB also sees `message` / `error_code` next to it).

        Attributes:
            error (ErrorObject | str):
            result (None | Unset):
            message (str | Unset):
            error_code (int | Unset):
    """

    error: ErrorObject | str
    result: None | Unset = UNSET
    message: str | Unset = UNSET
    error_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_object import ErrorObject  # noqa: PLC0415

        error: dict[str, Any] | str
        if isinstance(self.error, ErrorObject):
            error = self.error.to_dict()
        else:
            error = self.error

        result = self.result

        message = self.message

        error_code = self.error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if message is not UNSET:
            field_dict["message"] = message
        if error_code is not UNSET:
            field_dict["error_code"] = error_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_object import ErrorObject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_error(data: object) -> ErrorObject | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorObject.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorObject | str, data)

        error = _parse_error(d.pop("error"))

        result = d.pop("result", UNSET)

        message = d.pop("message", UNSET)

        error_code = d.pop("error_code", UNSET)

        error_envelope = cls(
            error=error,
            result=result,
            message=message,
            error_code=error_code,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
