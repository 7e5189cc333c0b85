from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_defaults import BatchDefaults
    from ..models.batch_subrequest import BatchSubrequest


T = TypeVar("T", bound="BatchRequest")


@_attrs_define
class BatchRequest:
    """
    Attributes:
        requests (list[BatchSubrequest]):
        defaults (BatchDefaults | Unset): Merged into every sub-request.
    """

    requests: list[BatchSubrequest]
    defaults: BatchDefaults | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)

        defaults: dict[str, Any] | Unset = UNSET
        if not isinstance(self.defaults, Unset):
            defaults = self.defaults.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requests": requests,
            }
        )
        if defaults is not UNSET:
            field_dict["defaults"] = defaults

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_defaults import BatchDefaults  # noqa: PLC0415
        from ..models.batch_subrequest import BatchSubrequest  # noqa: PLC0415

        d = dict(src_dict)
        requests = []
        _requests = d.pop("requests")
        for requests_item_data in _requests:
            requests_item = BatchSubrequest.from_dict(requests_item_data)

            requests.append(requests_item)

        _defaults = d.pop("defaults", UNSET)
        defaults: BatchDefaults | Unset
        if isinstance(_defaults, Unset):
            defaults = UNSET
        else:
            defaults = BatchDefaults.from_dict(_defaults)

        batch_request = cls(
            requests=requests,
            defaults=defaults,
        )

        return batch_request
