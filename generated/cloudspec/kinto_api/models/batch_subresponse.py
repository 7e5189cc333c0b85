from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_headers import BatchHeaders


T = TypeVar("T", bound="BatchSubresponse")


@_attrs_define
class BatchSubresponse:
    """
    Attributes:
        path (str): Full path of the sub-request, with the `/v1` prefix.
        status (int): HTTP status of the sub-request.
        headers (BatchHeaders | Unset): Header names and string values.
        body (Any | Unset): JSON body of the sub-response (an object; an empty string for HEAD).
    """

    path: str
    status: int
    headers: BatchHeaders | Unset = UNSET
    body: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        status = self.status

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "status": status,
            }
        )
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_headers import BatchHeaders  # noqa: PLC0415

        d = dict(src_dict)
        path = d.pop("path")

        status = d.pop("status")

        _headers = d.pop("headers", UNSET)
        headers: BatchHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = BatchHeaders.from_dict(_headers)

        body = d.pop("body", UNSET)

        batch_subresponse = cls(
            path=path,
            status=status,
            headers=headers,
            body=body,
        )

        batch_subresponse.additional_properties = d
        return batch_subresponse

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
