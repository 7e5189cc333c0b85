from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named_state import NamedState
    from ..models.user_profile_holds import UserProfileHolds
    from ..models.user_profile_session import UserProfileSession
    from ..models.user_profile_storage import UserProfileStorage


T = TypeVar("T", bound="UserProfile")


@_attrs_define
class UserProfile:
    """
    Attributes:
        id (str | Unset):
        username (str | Unset):
        email (None | str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        created_at (int | None | Unset): Milliseconds since the epoch.
        last_login (int | None | Unset): Milliseconds since the epoch.
        account_id (str | Unset):
        locale (None | str | Unset):
        session (UserProfileSession | Unset):
        account_state (NamedState | Unset):
        account_plan (NamedState | Unset):
        storage (UserProfileStorage | Unset):
        holds (UserProfileHolds | Unset):
    """

    id: str | Unset = UNSET
    username: str | Unset = UNSET
    email: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    created_at: int | None | Unset = UNSET
    last_login: int | None | Unset = UNSET
    account_id: str | Unset = UNSET
    locale: None | str | Unset = UNSET
    session: UserProfileSession | Unset = UNSET
    account_state: NamedState | Unset = UNSET
    account_plan: NamedState | Unset = UNSET
    storage: UserProfileStorage | Unset = UNSET
    holds: UserProfileHolds | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        last_login: int | None | Unset
        if isinstance(self.last_login, Unset):
            last_login = UNSET
        else:
            last_login = self.last_login

        account_id = self.account_id

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        else:
            locale = self.locale

        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()

        account_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account_state, Unset):
            account_state = self.account_state.to_dict()

        account_plan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account_plan, Unset):
            account_plan = self.account_plan.to_dict()

        storage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.storage, Unset):
            storage = self.storage.to_dict()

        holds: dict[str, Any] | Unset = UNSET
        if not isinstance(self.holds, Unset):
            holds = self.holds.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if username is not UNSET:
            field_dict["username"] = username
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if last_login is not UNSET:
            field_dict["last_login"] = last_login
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if locale is not UNSET:
            field_dict["locale"] = locale
        if session is not UNSET:
            field_dict["session"] = session
        if account_state is not UNSET:
            field_dict["account_state"] = account_state
        if account_plan is not UNSET:
            field_dict["account_plan"] = account_plan
        if storage is not UNSET:
            field_dict["storage"] = storage
        if holds is not UNSET:
            field_dict["holds"] = holds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named_state import NamedState  # noqa: PLC0415
        from ..models.user_profile_holds import UserProfileHolds  # noqa: PLC0415
        from ..models.user_profile_session import UserProfileSession  # noqa: PLC0415
        from ..models.user_profile_storage import UserProfileStorage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        username = d.pop("username", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_last_login(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_login = _parse_last_login(d.pop("last_login", UNSET))

        account_id = d.pop("account_id", UNSET)

        def _parse_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))

        _session = d.pop("session", UNSET)
        session: UserProfileSession | Unset
        if isinstance(_session, Unset):
            session = UNSET
        else:
            session = UserProfileSession.from_dict(_session)

        _account_state = d.pop("account_state", UNSET)
        account_state: NamedState | Unset
        if isinstance(_account_state, Unset):
            account_state = UNSET
        else:
            account_state = NamedState.from_dict(_account_state)

        _account_plan = d.pop("account_plan", UNSET)
        account_plan: NamedState | Unset
        if isinstance(_account_plan, Unset):
            account_plan = UNSET
        else:
            account_plan = NamedState.from_dict(_account_plan)

        _storage = d.pop("storage", UNSET)
        storage: UserProfileStorage | Unset
        if isinstance(_storage, Unset):
            storage = UNSET
        else:
            storage = UserProfileStorage.from_dict(_storage)

        _holds = d.pop("holds", UNSET)
        holds: UserProfileHolds | Unset
        if isinstance(_holds, Unset):
            holds = UNSET
        else:
            holds = UserProfileHolds.from_dict(_holds)

        user_profile = cls(
            id=id,
            username=username,
            email=email,
            first_name=first_name,
            last_name=last_name,
            created_at=created_at,
            last_login=last_login,
            account_id=account_id,
            locale=locale,
            session=session,
            account_state=account_state,
            account_plan=account_plan,
            storage=storage,
            holds=holds,
        )

        user_profile.additional_properties = d
        return user_profile

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
