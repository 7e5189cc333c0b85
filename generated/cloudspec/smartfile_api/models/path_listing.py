from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.acl import Acl
    from ..models.path_info import PathInfo
    from ..models.path_info_attributes import PathInfoAttributes


T = TypeVar("T", bound="PathListing")


@_attrs_define
class PathListing:
    """The info object, plus a page of children when `children` was asked for.

    Attributes:
        id (int | Unset):
        name (str | Unset): Base name (empty for the root).
        path (str | Unset): Absolute path with a leading `/` (`/` for the root).
        url (str | Unset): This object's `path/info` URL.
        isdir (bool | Unset):
        isfile (bool | Unset):
        size (int | Unset): Bytes (a directory's total).
        items (int | Unset): Children of a directory; 0 for a file.
        mime (str | Unset):
        extension (str | Unset): With the dot (`.txt`), empty if none.
        time (str | Unset): Last change, naive `YYYY-MM-DDTHH:MM:SS` (UTC in the emulator).
        acl (Acl | Unset):
        attributes (PathInfoAttributes | Unset):
        tags (list[str] | Unset):
        owner (Any | Unset): Null in every answer seen.
        children (list[PathInfo] | Unset):
        page (int | Unset):
        pages (int | Unset):
        total (int | Unset):
        per_page (int | Unset):
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    path: str | Unset = UNSET
    url: str | Unset = UNSET
    isdir: bool | Unset = UNSET
    isfile: bool | Unset = UNSET
    size: int | Unset = UNSET
    items: int | Unset = UNSET
    mime: str | Unset = UNSET
    extension: str | Unset = UNSET
    time: str | Unset = UNSET
    acl: Acl | Unset = UNSET
    attributes: PathInfoAttributes | Unset = UNSET
    tags: list[str] | Unset = UNSET
    owner: Any | Unset = UNSET
    children: list[PathInfo] | Unset = UNSET
    page: int | Unset = UNSET
    pages: int | Unset = UNSET
    total: int | Unset = UNSET
    per_page: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        path = self.path

        url = self.url

        isdir = self.isdir

        isfile = self.isfile

        size = self.size

        items = self.items

        mime = self.mime

        extension = self.extension

        time = self.time

        acl: dict[str, Any] | Unset = UNSET
        if not isinstance(self.acl, Unset):
            acl = self.acl.to_dict()

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        owner = self.owner

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        page = self.page

        pages = self.pages

        total = self.total

        per_page = self.per_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if path is not UNSET:
            field_dict["path"] = path
        if url is not UNSET:
            field_dict["url"] = url
        if isdir is not UNSET:
            field_dict["isdir"] = isdir
        if isfile is not UNSET:
            field_dict["isfile"] = isfile
        if size is not UNSET:
            field_dict["size"] = size
        if items is not UNSET:
            field_dict["items"] = items
        if mime is not UNSET:
            field_dict["mime"] = mime
        if extension is not UNSET:
            field_dict["extension"] = extension
        if time is not UNSET:
            field_dict["time"] = time
        if acl is not UNSET:
            field_dict["acl"] = acl
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if tags is not UNSET:
            field_dict["tags"] = tags
        if owner is not UNSET:
            field_dict["owner"] = owner
        if children is not UNSET:
            field_dict["children"] = children
        if page is not UNSET:
            field_dict["page"] = page
        if pages is not UNSET:
            field_dict["pages"] = pages
        if total is not UNSET:
            field_dict["total"] = total
        if per_page is not UNSET:
            field_dict["per_page"] = per_page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acl import Acl  # noqa: PLC0415
        from ..models.path_info import PathInfo  # noqa: PLC0415
        from ..models.path_info_attributes import PathInfoAttributes  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        path = d.pop("path", UNSET)

        url = d.pop("url", UNSET)

        isdir = d.pop("isdir", UNSET)

        isfile = d.pop("isfile", UNSET)

        size = d.pop("size", UNSET)

        items = d.pop("items", UNSET)

        mime = d.pop("mime", UNSET)

        extension = d.pop("extension", UNSET)

        time = d.pop("time", UNSET)

        _acl = d.pop("acl", UNSET)
        acl: Acl | Unset
        if isinstance(_acl, Unset):
            acl = UNSET
        else:
            acl = Acl.from_dict(_acl)

        _attributes = d.pop("attributes", UNSET)
        attributes: PathInfoAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = PathInfoAttributes.from_dict(_attributes)

        tags = cast(list[str], d.pop("tags", UNSET))

        owner = d.pop("owner", UNSET)

        _children = d.pop("children", UNSET)
        children: list[PathInfo] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = PathInfo.from_dict(children_item_data)

                children.append(children_item)

        page = d.pop("page", UNSET)

        pages = d.pop("pages", UNSET)

        total = d.pop("total", UNSET)

        per_page = d.pop("per_page", UNSET)

        path_listing = cls(
            id=id,
            name=name,
            path=path,
            url=url,
            isdir=isdir,
            isfile=isfile,
            size=size,
            items=items,
            mime=mime,
            extension=extension,
            time=time,
            acl=acl,
            attributes=attributes,
            tags=tags,
            owner=owner,
            children=children,
            page=page,
            pages=pages,
            total=total,
            per_page=per_page,
        )

        path_listing.additional_properties = d
        return path_listing

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
