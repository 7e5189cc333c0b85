from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateLinkRequest")


@_attrs_define
class CreateLinkRequest:
    """
    Attributes:
        path (str): The file or directory to share.
        name (str | Unset): The name in the public URL (default the base name).
        read (bool | Unset): Default true.
        list_ (bool | Unset): Default false.
        write (bool | Unset): Default false.
        remove (bool | Unset): Default false.
        recursive (bool | Unset): Share a directory's subdirectories too.
    """

    path: str
    name: str | Unset = UNSET
    read: bool | Unset = UNSET
    list_: bool | Unset = UNSET
    write: bool | Unset = UNSET
    remove: bool | Unset = UNSET
    recursive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        name = self.name

        read = self.read

        list_ = self.list_

        write = self.write

        remove = self.remove

        recursive = self.recursive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if read is not UNSET:
            field_dict["read"] = read
        if list_ is not UNSET:
            field_dict["list"] = list_
        if write is not UNSET:
            field_dict["write"] = write
        if remove is not UNSET:
            field_dict["remove"] = remove
        if recursive is not UNSET:
            field_dict["recursive"] = recursive

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        name = d.pop("name", UNSET)

        read = d.pop("read", UNSET)

        list_ = d.pop("list", UNSET)

        write = d.pop("write", UNSET)

        remove = d.pop("remove", UNSET)

        recursive = d.pop("recursive", UNSET)

        create_link_request = cls(
            path=path,
            name=name,
            read=read,
            list_=list_,
            write=write,
            remove=remove,
            recursive=recursive,
        )

        create_link_request.additional_properties = d
        return create_link_request

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
