"""Permission sets as the original kinto-python-client README used them.

    record.permissions.read += "group:friends"        # one principal
    record.permissions.write = ["group:friends", "basicauth:..."]
    bucket.permissions.collection_create = ["system.Authenticated"]

Each resource kind accepts exactly Kinto's permission names; a name Kinto does
not have on that kind (``record_create`` on a bucket) is a ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, overload

__all__ = [
    "BucketPermissions",
    "CollectionPermissions",
    "GroupPermissions",
    "Permissions",
    "PrincipalList",
    "RecordPermissions",
    "permission_changes",
]

EVERYONE = "system.Everyone"


def _principals(value: Iterable[str] | str) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"principals are strings, not {type(item).__name__}")
    return items


class PrincipalList(list[str]):
    """A list of principals where ``+= "principal"`` adds one principal (not its letters)."""

    def __add__(self, other: Iterable[str] | str) -> PrincipalList:  # type: ignore[override]
        result = PrincipalList(self)
        result += other
        return result

    def __iadd__(self, other: Iterable[str] | str) -> PrincipalList:  # type: ignore[override]
        for principal in _principals(other):
            if principal not in self:
                self.append(principal)
        return self

    def __isub__(self, other: Iterable[str] | str) -> PrincipalList:
        for principal in _principals(other):
            while principal in self:
                self.remove(principal)
        return self


class _Permission:
    """One permission of a resource, e.g. ``collection_create`` <-> ``collection:create``."""

    def __init__(self, kinto_name: str) -> None:
        self.kinto_name = kinto_name

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> _Permission: ...
    @overload
    def __get__(self, obj: Permissions, owner: type[Any]) -> PrincipalList: ...
    def __get__(self, obj: Permissions | None, owner: type[Any]) -> _Permission | PrincipalList:
        if obj is None:
            return self
        return obj._values.setdefault(self.kinto_name, PrincipalList())

    def __set__(self, obj: Permissions, value: Iterable[str] | str) -> None:
        obj._values[self.kinto_name] = PrincipalList(_principals(value))


class Permissions:
    """Base: subclasses declare the permissions their resource kind has."""

    kind: ClassVar[str] = "object"
    names: ClassVar[dict[str, str]] = {}

    read = _Permission("read")
    write = _Permission("write")

    def __init_subclass__(cls) -> None:
        cls.names = {
            name: attr.kinto_name
            for klass in reversed(cls.__mro__)
            for name, attr in vars(klass).items()
            if isinstance(attr, _Permission)
        }

    def __init__(self, values: Mapping[str, Iterable[str]] | None = None) -> None:
        self._values: dict[str, PrincipalList] = {}
        for key, principals in (values or {}).items():
            self._values[self.kinto_name(key)] = PrincipalList(_principals(principals))

    @classmethod
    def kinto_name(cls, name: str) -> str:
        """``collection_create`` or ``collection:create`` -> ``collection:create``."""
        if name in cls.names:
            return cls.names[name]
        if name in cls.names.values():
            return name
        allowed = ", ".join(sorted(cls.names))
        raise ValueError(f"Kinto {cls.kind}s have no {name!r} permission (allowed: {allowed})")

    def to_dict(self) -> dict[str, list[str]]:
        return {key: list(value) for key, value in self._values.items()}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Permissions):
            return self.to_dict() == other.to_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_dict()!r})"


class BucketPermissions(Permissions):
    kind = "bucket"
    collection_create = _Permission("collection:create")
    group_create = _Permission("group:create")


class CollectionPermissions(Permissions):
    kind = "collection"
    record_create = _Permission("record:create")


class GroupPermissions(Permissions):
    kind = "group"


class RecordPermissions(Permissions):
    kind = "record"


def permission_changes(
    cls: type[Permissions], changes: Mapping[str, Iterable[str] | str], *, public: bool = False
) -> dict[str, list[str]]:
    """``read=[...], record_create=[...]`` as Kinto's permissions object; ``public`` adds
    ``system.Everyone`` to ``read`` (the original README's ``public=True``)."""
    result = {cls.kinto_name(name): _principals(value) for name, value in changes.items()}
    if public:
        read = result.setdefault("read", [])
        if EVERYONE not in read:
            read.append(EVERYONE)
    return result
