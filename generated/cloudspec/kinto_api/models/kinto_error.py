from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KintoError")


@_attrs_define
class KintoError:
    """Body of every Kinto error. `errno` values (kinto/core/errors.py; closed list in the
    `KintoErrno` schema):

    | errno | status | meaning |
    |---|---|---|
    | 104 | 401 | missing auth token |
    | 105 | 401 | invalid auth token |
    | 106 | 400 | body is not valid JSON |
    | 107 | 400/415 | invalid parameters (also malformed JSON in practice) |
    | 108 | 400 | missing parameters |
    | 109 | 400 | invalid posted data |
    | 110 | 404 | invalid resource id (object not found) |
    | 111 | 404 | missing resource (parent not found) |
    | 112 | 411 | Content-Length missing |
    | 113 | 413 | request too large |
    | 114 | 412 | modified meanwhile (details.existing) |
    | 115 | 405 | method not allowed (or read-only server) |
    | 116 | 404 | version not available |
    | 117 | 429 | client reached capacity |
    | 121 | 403 | forbidden |
    | 122 | 409 | constraint violated |
    | 201 | 503 | backend unavailable |
    | 202 | 410 | service deprecated (end of service) |
    | 999 | 500 | internal error |

        Attributes:
            code (int): The HTTP status code.
            errno (int): Kinto error number; see the table above and the `KintoErrno` schema.
            error (str): The HTTP reason phrase, e.g. "Precondition Failed".
            message (str | Unset): Human-readable explanation.
            info (str | Unset): URL with more information.
            details (Any | Unset): Free-form context. 400 gives a list of `{location, name, description}`; 404 gives `{id,
                resource_name}`; 412 gives `{existing: {...}}`.
    """

    code: int
    errno: int
    error: str
    message: str | Unset = UNSET
    info: str | Unset = UNSET
    details: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        errno = self.errno

        error = self.error

        message = self.message

        info = self.info

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "errno": errno,
                "error": error,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if info is not UNSET:
            field_dict["info"] = info
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        errno = d.pop("errno")

        error = d.pop("error")

        message = d.pop("message", UNSET)

        info = d.pop("info", UNSET)

        details = d.pop("details", UNSET)

        kinto_error = cls(
            code=code,
            errno=errno,
            error=error,
            message=message,
            info=info,
            details=details,
        )

        kinto_error.additional_properties = d
        return kinto_error

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
