from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.web_link_type import WebLinkType, check_web_link_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder_mini import FolderMini


T = TypeVar("T", bound="WebLink")


@_attrs_define
class WebLink:
    """A bookmark (web link) item.

    Attributes:
        id (str):
        type_ (WebLinkType):
        etag (None | str | Unset):
        sequence_id (None | str | Unset):
        name (str | Unset):
        url (str | Unset):
        description (str | Unset):
        parent (FolderMini | None | Unset):
        item_status (str | Unset):
    """

    id: str
    type_: WebLinkType
    etag: None | str | Unset = UNSET
    sequence_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    url: str | Unset = UNSET
    description: str | Unset = UNSET
    parent: FolderMini | None | Unset = UNSET
    item_status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.folder_mini import FolderMini  # noqa: PLC0415

        id = self.id

        type_: str = self.type_

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        sequence_id: None | str | Unset
        if isinstance(self.sequence_id, Unset):
            sequence_id = UNSET
        else:
            sequence_id = self.sequence_id

        name = self.name

        url = self.url

        description = self.description

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, FolderMini):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        item_status = self.item_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )
        if etag is not UNSET:
            field_dict["etag"] = etag
        if sequence_id is not UNSET:
            field_dict["sequence_id"] = sequence_id
        if name is not UNSET:
            field_dict["name"] = name
        if url is not UNSET:
            field_dict["url"] = url
        if description is not UNSET:
            field_dict["description"] = description
        if parent is not UNSET:
            field_dict["parent"] = parent
        if item_status is not UNSET:
            field_dict["item_status"] = item_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_mini import FolderMini  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_web_link_type(d.pop("type"))

        def _parse_etag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etag = _parse_etag(d.pop("etag", UNSET))

        def _parse_sequence_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sequence_id = _parse_sequence_id(d.pop("sequence_id", UNSET))

        name = d.pop("name", UNSET)

        url = d.pop("url", UNSET)

        description = d.pop("description", UNSET)

        def _parse_parent(data: object) -> FolderMini | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_0 = FolderMini.from_dict(data)

                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FolderMini | None | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))

        item_status = d.pop("item_status", UNSET)

        web_link = cls(
            id=id,
            type_=type_,
            etag=etag,
            sequence_id=sequence_id,
            name=name,
            url=url,
            description=description,
            parent=parent,
            item_status=item_status,
        )

        web_link.additional_properties = d
        return web_link

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
