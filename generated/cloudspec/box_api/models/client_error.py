from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_error_type import ClientErrorType, check_client_error_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context_info import ContextInfo


T = TypeVar("T", bound="ClientError")


@_attrs_define
class ClientError:
    """Box's error body (every status except on /oauth2/*).

    Attributes:
        type_ (ClientErrorType | Unset):
        status (int | Unset):
        code (str | Unset): Open set (item_name_in_use, rate_limit_exceeded, folder_not_empty, ...); a plain string so
            that a code this spec does not list still parses.
        message (str | Unset):
        context_info (ContextInfo | None | Unset):
        help_url (str | Unset):
        request_id (str | Unset):
    """

    type_: ClientErrorType | Unset = UNSET
    status: int | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    context_info: ContextInfo | None | Unset = UNSET
    help_url: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.context_info import ContextInfo  # noqa: PLC0415

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        status = self.status

        code = self.code

        message = self.message

        context_info: dict[str, Any] | None | Unset
        if isinstance(self.context_info, Unset):
            context_info = UNSET
        elif isinstance(self.context_info, ContextInfo):
            context_info = self.context_info.to_dict()
        else:
            context_info = self.context_info

        help_url = self.help_url

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if context_info is not UNSET:
            field_dict["context_info"] = context_info
        if help_url is not UNSET:
            field_dict["help_url"] = help_url
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context_info import ContextInfo  # noqa: PLC0415

        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: ClientErrorType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_client_error_type(_type_)

        status = d.pop("status", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        def _parse_context_info(data: object) -> ContextInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_info_type_0 = ContextInfo.from_dict(data)

                return context_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContextInfo | None | Unset, data)

        context_info = _parse_context_info(d.pop("context_info", UNSET))

        help_url = d.pop("help_url", UNSET)

        request_id = d.pop("request_id", UNSET)

        client_error = cls(
            type_=type_,
            status=status,
            code=code,
            message=message,
            context_info=context_info,
            help_url=help_url,
            request_id=request_id,
        )

        client_error.additional_properties = d
        return client_error

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
