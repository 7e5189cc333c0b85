from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.batch_method import BatchMethod, check_batch_method
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_body import BatchBody
    from ..models.batch_headers import BatchHeaders


T = TypeVar("T", bound="BatchSubrequest")


@_attrs_define
class BatchSubrequest:
    """
    Attributes:
        path (str): Path with or without the `/v1` prefix. Must not contain `/batch`.
        method (BatchMethod | Unset):
        headers (BatchHeaders | Unset): Header names and string values.
        body (BatchBody | Unset): A JSON object body (arrays are rejected, so no JSON Patch in batches).
    """

    path: str
    method: BatchMethod | Unset = UNSET
    headers: BatchHeaders | Unset = UNSET
    body: BatchBody | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "path": path,
            }
        )
        if method is not UNSET:
            field_dict["method"] = method
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
        path = d.pop("path")

        _method = d.pop("method", UNSET)
        method: BatchMethod | Unset
        if isinstance(_method, Unset):
            method = UNSET
        else:
            method = check_batch_method(_method)

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

        batch_subrequest = cls(
            path=path,
            method=method,
            headers=headers,
            body=body,
        )

        return batch_subrequest
