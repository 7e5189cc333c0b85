from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.batch_method import BatchMethod, check_batch_method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_body import BatchBody
    from ..models.batch_headers import BatchHeaders


T = TypeVar("T", bound="BatchDefaults")


@_attrs_define
class BatchDefaults:
    """Merged into every sub-request.

    Attributes:
        method (BatchMethod | Unset):
        path (str | Unset):
        headers (BatchHeaders | Unset): Header names and string values.
        body (BatchBody | Unset): A JSON object body (arrays are rejected, so no JSON Patch in batches).
    """

    method: BatchMethod | Unset = UNSET
    path: str | Unset = UNSET
    headers: BatchHeaders | Unset = UNSET
    body: BatchBody | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method

        path = self.path

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if method is not UNSET:
            field_dict["method"] = method
        if path is not UNSET:
            field_dict["path"] = path
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_body import BatchBody  # noqa: PLC0415
        from ..models.batch_headers import BatchHeaders  # noqa: PLC0415

        d = dict(src_dict)
        _method = d.pop("method", UNSET)
        method: BatchMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = check_batch_method(_method)

        path = d.pop("path", UNSET)

        _headers = d.pop("headers", UNSET)
        headers: BatchHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = BatchHeaders.from_dict(_headers)

        _body = d.pop("body", UNSET)
        body: BatchBody | Unset
        if isinstance(_body, Unset):
            body = UNSET
        else:
            body = BatchBody.from_dict(_body)

        batch_defaults = cls(
            method=method,
            path=path,
            headers=headers,
            body=body,
        )

        return batch_defaults
