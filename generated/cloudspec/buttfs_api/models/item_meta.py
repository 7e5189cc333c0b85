from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_meta_application_data import ItemMetaApplicationData


T = TypeVar("T", bound="ItemMeta")


@_attrs_define
class ItemMeta:
    """
    Attributes:
        id (str):
        type_ (str): `file`, `folder` (also seen: root, mirror_folder, metafolder, filesystem).
        parent_id (None | str | Unset):
        name (str | Unset):
        version (int | Unset):
        date_created (float | None | Unset): Seconds since the epoch.
        date_meta_last_modified (float | None | Unset):
        date_content_last_modified (float | None | Unset):
        application_data (ItemMetaApplicationData | Unset):
        is_mirrored (bool | Unset):
        size (int | Unset):
        mime (None | str | Unset):
        extension (None | str | Unset):
        blocklist_key (None | str | Unset):
        blocklist_id (None | str | Unset):
    """

    id: str
    type_: str
    parent_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    version: int | Unset = UNSET
    date_created: float | None | Unset = UNSET
    date_meta_last_modified: float | None | Unset = UNSET
    date_content_last_modified: float | None | Unset = UNSET
    application_data: ItemMetaApplicationData | Unset = UNSET
    is_mirrored: bool | Unset = UNSET
    size: int | Unset = UNSET
    mime: None | str | Unset = UNSET
    extension: None | str | Unset = UNSET
    blocklist_key: None | str | Unset = UNSET
    blocklist_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        name = self.name

        version = self.version

        date_created: float | None | Unset
        if isinstance(self.date_created, Unset):
            date_created = UNSET
        else:
            date_created = self.date_created

        date_meta_last_modified: float | None | Unset
        if isinstance(self.date_meta_last_modified, Unset):
            date_meta_last_modified = UNSET
        else:
            date_meta_last_modified = self.date_meta_last_modified

        date_content_last_modified: float | None | Unset
        if isinstance(self.date_content_last_modified, Unset):
            date_content_last_modified = UNSET
        else:
            date_content_last_modified = self.date_content_last_modified

        application_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application_data, Unset):
            application_data = self.application_data.to_dict()

        is_mirrored = self.is_mirrored

        size = self.size

        mime: None | str | Unset
        if isinstance(self.mime, Unset):
            mime = UNSET
        else:
            mime = self.mime

        extension: None | str | Unset
        if isinstance(self.extension, Unset):
            extension = UNSET
        else:
            extension = self.extension

        blocklist_key: None | str | Unset
        if isinstance(self.blocklist_key, Unset):
            blocklist_key = UNSET
        else:
            blocklist_key = self.blocklist_key

        blocklist_id: None | str | Unset
        if isinstance(self.blocklist_id, Unset):
            blocklist_id = UNSET
        else:
            blocklist_id = self.blocklist_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if name is not UNSET:
            field_dict["name"] = name
        if version is not UNSET:
            field_dict["version"] = version
        if date_created is not UNSET:
            field_dict["date_created"] = date_created
        if date_meta_last_modified is not UNSET:
            field_dict["date_meta_last_modified"] = date_meta_last_modified
        if date_content_last_modified is not UNSET:
            field_dict["date_content_last_modified"] = date_content_last_modified
        if application_data is not UNSET:
            field_dict["application_data"] = application_data
        if is_mirrored is not UNSET:
            field_dict["is_mirrored"] = is_mirrored
        if size is not UNSET:
            field_dict["size"] = size
        if mime is not UNSET:
            field_dict["mime"] = mime
        if extension is not UNSET:
            field_dict["extension"] = extension
        if blocklist_key is not UNSET:
            field_dict["blocklist_key"] = blocklist_key
        if blocklist_id is not UNSET:
            field_dict["blocklist_id"] = blocklist_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_meta_application_data import ItemMetaApplicationData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        name = d.pop("name", UNSET)

        version = d.pop("version", UNSET)

        def _parse_date_created(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_created = _parse_date_created(d.pop("date_created", UNSET))

        def _parse_date_meta_last_modified(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_meta_last_modified = _parse_date_meta_last_modified(
            d.pop("date_meta_last_modified", UNSET)
        )

        def _parse_date_content_last_modified(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        date_content_last_modified = _parse_date_content_last_modified(
            d.pop("date_content_last_modified", UNSET)
        )

        _application_data = d.pop("application_data", UNSET)
        application_data: ItemMetaApplicationData | Unset
        if isinstance(_application_data, Unset):
            application_data = UNSET
        else:
            application_data = ItemMetaApplicationData.from_dict(_application_data)

        is_mirrored = d.pop("is_mirrored", UNSET)

        size = d.pop("size", UNSET)

        def _parse_mime(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mime = _parse_mime(d.pop("mime", UNSET))

        def _parse_extension(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        extension = _parse_extension(d.pop("extension", UNSET))

        def _parse_blocklist_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blocklist_key = _parse_blocklist_key(d.pop("blocklist_key", UNSET))

        def _parse_blocklist_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        blocklist_id = _parse_blocklist_id(d.pop("blocklist_id", UNSET))

        item_meta = cls(
            id=id,
            type_=type_,
            parent_id=parent_id,
            name=name,
            version=version,
            date_created=date_created,
            date_meta_last_modified=date_meta_last_modified,
            date_content_last_modified=date_content_last_modified,
            application_data=application_data,
            is_mirrored=is_mirrored,
            size=size,
            mime=mime,
            extension=extension,
            blocklist_key=blocklist_key,
            blocklist_id=blocklist_id,
        )

        item_meta.additional_properties = d
        return item_meta

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
