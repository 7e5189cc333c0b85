from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.folder_type import FolderType, check_folder_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.folder_folder_upload_email_type_0 import FolderFolderUploadEmailType0
    from ..models.folder_mini import FolderMini
    from ..models.folder_shared_link_type_0 import FolderSharedLinkType0
    from ..models.items import Items
    from ..models.path_collection import PathCollection
    from ..models.user_mini import UserMini


T = TypeVar("T", bound="Folder")


@_attrs_define
class Folder:
    """A folder (mini or full form, depending on `fields` and on where it appears; folder listings give the mini form).

    Attributes:
        id (str):
        type_ (FolderType):
        etag (None | str | Unset):
        sequence_id (None | str | Unset):
        name (str | Unset):
        created_at (datetime.datetime | None | Unset):
        modified_at (datetime.datetime | None | Unset):
        description (str | Unset):
        size (int | Unset):
        path_collection (PathCollection | Unset): The ancestors of an item, from the root down.
        created_by (UserMini | Unset):
        modified_by (UserMini | Unset):
        trashed_at (datetime.datetime | None | Unset):
        purged_at (datetime.datetime | None | Unset):
        content_created_at (datetime.datetime | None | Unset):
        content_modified_at (datetime.datetime | None | Unset):
        owned_by (UserMini | Unset):
        shared_link (FolderSharedLinkType0 | None | Unset):
        folder_upload_email (FolderFolderUploadEmailType0 | None | Unset):
        parent (FolderMini | None | Unset):
        item_status (str | Unset): active, trashed or deleted.
        item_collection (Items | Unset): A page of items. Offset paging fills total_count / offset / order; marker
            paging fills next_marker / prev_marker instead (no total_count).
    """

    id: str
    type_: FolderType
    etag: None | str | Unset = UNSET
    sequence_id: None | str | Unset = UNSET
    name: str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    description: str | Unset = UNSET
    size: int | Unset = UNSET
    path_collection: PathCollection | Unset = UNSET
    created_by: UserMini | Unset = UNSET
    modified_by: UserMini | Unset = UNSET
    trashed_at: datetime.datetime | None | Unset = UNSET
    purged_at: datetime.datetime | None | Unset = UNSET
    content_created_at: datetime.datetime | None | Unset = UNSET
    content_modified_at: datetime.datetime | None | Unset = UNSET
    owned_by: UserMini | Unset = UNSET
    shared_link: FolderSharedLinkType0 | None | Unset = UNSET
    folder_upload_email: FolderFolderUploadEmailType0 | None | Unset = UNSET
    parent: FolderMini | None | Unset = UNSET
    item_status: str | Unset = UNSET
    item_collection: Items | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.folder_folder_upload_email_type_0 import FolderFolderUploadEmailType0  # noqa: PLC0415
        from ..models.folder_mini import FolderMini  # noqa: PLC0415
        from ..models.folder_shared_link_type_0 import FolderSharedLinkType0  # noqa: PLC0415

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

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        description = self.description

        size = self.size

        path_collection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.path_collection, Unset):
            path_collection = self.path_collection.to_dict()

        created_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = self.created_by.to_dict()

        modified_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.modified_by, Unset):
            modified_by = self.modified_by.to_dict()

        trashed_at: None | str | Unset
        if isinstance(self.trashed_at, Unset):
            trashed_at = UNSET
        elif isinstance(self.trashed_at, datetime.datetime):
            trashed_at = self.trashed_at.isoformat()
        else:
            trashed_at = self.trashed_at

        purged_at: None | str | Unset
        if isinstance(self.purged_at, Unset):
            purged_at = UNSET
        elif isinstance(self.purged_at, datetime.datetime):
            purged_at = self.purged_at.isoformat()
        else:
            purged_at = self.purged_at

        content_created_at: None | str | Unset
        if isinstance(self.content_created_at, Unset):
            content_created_at = UNSET
        elif isinstance(self.content_created_at, datetime.datetime):
            content_created_at = self.content_created_at.isoformat()
        else:
            content_created_at = self.content_created_at

        content_modified_at: None | str | Unset
        if isinstance(self.content_modified_at, Unset):
            content_modified_at = UNSET
        elif isinstance(self.content_modified_at, datetime.datetime):
            content_modified_at = self.content_modified_at.isoformat()
        else:
            content_modified_at = self.content_modified_at

        owned_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owned_by, Unset):
            owned_by = self.owned_by.to_dict()

        shared_link: dict[str, Any] | None | Unset
        if isinstance(self.shared_link, Unset):
            shared_link = UNSET
        elif isinstance(self.shared_link, FolderSharedLinkType0):
            shared_link = self.shared_link.to_dict()
        else:
            shared_link = self.shared_link

        folder_upload_email: dict[str, Any] | None | Unset
        if isinstance(self.folder_upload_email, Unset):
            folder_upload_email = UNSET
        elif isinstance(self.folder_upload_email, FolderFolderUploadEmailType0):
            folder_upload_email = self.folder_upload_email.to_dict()
        else:
            folder_upload_email = self.folder_upload_email

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, FolderMini):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        item_status = self.item_status

        item_collection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item_collection, Unset):
            item_collection = self.item_collection.to_dict()

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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if description is not UNSET:
            field_dict["description"] = description
        if size is not UNSET:
            field_dict["size"] = size
        if path_collection is not UNSET:
            field_dict["path_collection"] = path_collection
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if modified_by is not UNSET:
            field_dict["modified_by"] = modified_by
        if trashed_at is not UNSET:
            field_dict["trashed_at"] = trashed_at
        if purged_at is not UNSET:
            field_dict["purged_at"] = purged_at
        if content_created_at is not UNSET:
            field_dict["content_created_at"] = content_created_at
        if content_modified_at is not UNSET:
            field_dict["content_modified_at"] = content_modified_at
        if owned_by is not UNSET:
            field_dict["owned_by"] = owned_by
        if shared_link is not UNSET:
            field_dict["shared_link"] = shared_link
        if folder_upload_email is not UNSET:
            field_dict["folder_upload_email"] = folder_upload_email
        if parent is not UNSET:
            field_dict["parent"] = parent
        if item_status is not UNSET:
            field_dict["item_status"] = item_status
        if item_collection is not UNSET:
            field_dict["item_collection"] = item_collection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_folder_upload_email_type_0 import FolderFolderUploadEmailType0  # noqa: PLC0415
        from ..models.folder_mini import FolderMini  # noqa: PLC0415
        from ..models.folder_shared_link_type_0 import FolderSharedLinkType0  # noqa: PLC0415
        from ..models.items import Items  # noqa: PLC0415
        from ..models.path_collection import PathCollection  # noqa: PLC0415
        from ..models.user_mini import UserMini  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_folder_type(d.pop("type"))

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

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        modified_at = _parse_modified_at(d.pop("modified_at", UNSET))

        description = d.pop("description", UNSET)

        size = d.pop("size", UNSET)

        _path_collection = d.pop("path_collection", UNSET)
        path_collection: PathCollection | Unset
        if isinstance(_path_collection, Unset):
            path_collection = UNSET
        else:
            path_collection = PathCollection.from_dict(_path_collection)

        _created_by = d.pop("created_by", UNSET)
        created_by: UserMini | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = UserMini.from_dict(_created_by)

        _modified_by = d.pop("modified_by", UNSET)
        modified_by: UserMini | Unset
        if isinstance(_modified_by, Unset):
            modified_by = UNSET
        else:
            modified_by = UserMini.from_dict(_modified_by)

        def _parse_trashed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trashed_at_type_0 = datetime.datetime.fromisoformat(data)

                return trashed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trashed_at = _parse_trashed_at(d.pop("trashed_at", UNSET))

        def _parse_purged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purged_at_type_0 = datetime.datetime.fromisoformat(data)

                return purged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        purged_at = _parse_purged_at(d.pop("purged_at", UNSET))

        def _parse_content_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                content_created_at_type_0 = datetime.datetime.fromisoformat(data)

                return content_created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        content_created_at = _parse_content_created_at(d.pop("content_created_at", UNSET))

        def _parse_content_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                content_modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return content_modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        content_modified_at = _parse_content_modified_at(d.pop("content_modified_at", UNSET))

        _owned_by = d.pop("owned_by", UNSET)
        owned_by: UserMini | Unset
        if isinstance(_owned_by, Unset):
            owned_by = UNSET
        else:
            owned_by = UserMini.from_dict(_owned_by)

        def _parse_shared_link(data: object) -> FolderSharedLinkType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shared_link_type_0 = FolderSharedLinkType0.from_dict(data)

                return shared_link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FolderSharedLinkType0 | None | Unset, data)

        shared_link = _parse_shared_link(d.pop("shared_link", UNSET))

        def _parse_folder_upload_email(data: object) -> FolderFolderUploadEmailType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                folder_upload_email_type_0 = FolderFolderUploadEmailType0.from_dict(data)

                return folder_upload_email_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FolderFolderUploadEmailType0 | None | Unset, data)

        folder_upload_email = _parse_folder_upload_email(d.pop("folder_upload_email", UNSET))

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

        _item_collection = d.pop("item_collection", UNSET)
        item_collection: Items | Unset
        if isinstance(_item_collection, Unset):
            item_collection = UNSET
        else:
            item_collection = Items.from_dict(_item_collection)

        folder = cls(
            id=id,
            type_=type_,
            etag=etag,
            sequence_id=sequence_id,
            name=name,
            created_at=created_at,
            modified_at=modified_at,
            description=description,
            size=size,
            path_collection=path_collection,
            created_by=created_by,
            modified_by=modified_by,
            trashed_at=trashed_at,
            purged_at=purged_at,
            content_created_at=content_created_at,
            content_modified_at=content_modified_at,
            owned_by=owned_by,
            shared_link=shared_link,
            folder_upload_email=folder_upload_email,
            parent=parent,
            item_status=item_status,
            item_collection=item_collection,
        )

        folder.additional_properties = d
        return folder

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
