from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachments_capability import AttachmentsCapability
    from ..models.capability import Capability


T = TypeVar("T", bound="ServerCapabilities")


@_attrs_define
class ServerCapabilities:
    """Enabled features by name (`accounts`, `history`, `default_bucket`, `permissions_endpoint`, `flush_endpoint`,
    `schema`, `attachments`, ...).

        Attributes:
            attachments (AttachmentsCapability | Unset): kinto-attachment is enabled.
    """

    attachments: AttachmentsCapability | Unset = UNSET
    additional_properties: dict[str, Capability] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = self.attachments.to_dict()

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        field_dict.update({})
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachments_capability import AttachmentsCapability  # noqa: PLC0415
        from ..models.capability import Capability  # noqa: PLC0415

        d = dict(src_dict)
        _attachments = d.pop("attachments", UNSET)
        attachments: AttachmentsCapability | Unset
        if isinstance(_attachments, Unset):
            attachments = UNSET
        else:
            attachments = AttachmentsCapability.from_dict(_attachments)

        server_capabilities = cls(
            attachments=attachments,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = Capability.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        server_capabilities.additional_properties = additional_properties
        return server_capabilities

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Capability:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Capability) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
