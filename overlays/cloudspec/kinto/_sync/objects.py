# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The original kinto-python-client README's object style, over ``KintoClient``.

    bucket = Bucket("payments", server_url=..., auth=...).create()
    collection = bucket.create_collection("receipts")
    record = collection.create_record({"amount": 3}, public=True)
    record.permissions.write += "group:friends"
    record.save()

Writes are safe by default: creates send ``If-None-Match: *`` and saves send
``If-Match`` with the version last read, so a concurrent change is a
:class:`~cloudspec.kinto.KintoPreconditionFailed`, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Self

from .._auth import KintoAuth
from ..exceptions import KintoPreconditionFailed
from ..ids import check_id
from ..permissions import (
    BucketPermissions,
    CollectionPermissions,
    GroupPermissions,
    Permissions,
    RecordPermissions,
    permission_changes,
)
from .client import Json, KintoClient

__all__ = ["Bucket", "Collection", "Group", "Record"]

# How often a read-modify-write of a group is retried when someone else changed it.
GROUP_UPDATE_ATTEMPTS = 5


def _client(
    client: KintoClient | None, server_url: str | None, auth: KintoAuth
) -> tuple[KintoClient, bool]:
    """The client to use, and whether the handle made it (and so must close it)."""
    if client is not None:
        return client, False
    if server_url is None:
        raise ValueError("give client= or server_url=")
    return KintoClient(server_url=server_url, auth=auth), True


class _AsyncObject:
    """Data, permissions and the version they were read at.

    A handle made from a listing knows its data but not its permissions (Kinto lists
    carry none): saving it keeps the server's permissions, merged with any principal
    added locally, instead of replacing them with an empty set.
    """

    permissions_class: type[Permissions] = Permissions

    def __init__(
        self,
        client: KintoClient,
        id: str,
        data: Mapping[str, Any] | None = None,
        permissions: Permissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.client = client
        self.id = id
        self.data: dict[str, Any] = dict(data or {})
        self.permissions = self._perms(permissions)
        self._permissions_known = permissions is not None

    def _perms(self, value: Permissions | Mapping[str, Iterable[str]] | None) -> Any:
        if isinstance(value, Permissions):
            return value
        return self.permissions_class(value)

    @property
    def name(self) -> str:
        return self.id

    @property
    def last_modified(self) -> int | None:
        value = self.data.get("last_modified")
        return value if isinstance(value, int) else None

    def _absorb(self, body: Json | None) -> Self:
        if body:
            self.data = dict(body.get("data") or {})
            if body.get("permissions") is not None:
                self.permissions = self._perms(body["permissions"])
                self._permissions_known = True
        return self

    def _fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k not in ("id", "last_modified")}

    def _get(self) -> Json:
        raise NotImplementedError

    def refresh(self) -> Self:
        return self._absorb(self._get())

    def _permissions_to_save(self) -> dict[str, list[str]] | None:
        local: dict[str, list[str]] = self.permissions.to_dict()
        if self._permissions_known:
            return local
        if not any(local.values()):
            return None  # untouched and unknown: the server keeps what it has
        current = (self._get()).get("permissions") or {}
        merged = {key: list(value) for key, value in current.items()}
        for key, principals in local.items():
            merged.setdefault(key, [])
            merged[key] += [p for p in principals if p not in merged[key]]
        return merged

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r}, last_modified={self.last_modified!r})"


class Bucket(_AsyncObject):
    permissions_class = BucketPermissions
    permissions: BucketPermissions

    def __init__(
        self,
        name: str,
        *,
        client: KintoClient | None = None,
        server_url: str | None = None,
        auth: KintoAuth = None,
        data: Mapping[str, Any] | None = None,
        permissions: BucketPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        bucket_id = check_id(name, "bucket")
        own_client, self._owns_client = _client(client, server_url, auth)
        super().__init__(own_client, bucket_id, data, permissions)

    def close(self) -> None:
        """Closes the client this bucket made from ``server_url`` (a given one stays open)."""
        if self._owns_client:
            self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        perms = permissions if permissions is not None else (self.permissions.to_dict() or None)
        body = self.client.create_bucket(
            id=self.id, data=self._fields(), permissions=perms, if_not_exists=if_not_exists
        )
        return self._absorb(body)

    def _get(self) -> Json:
        return self.client.get_bucket(id=self.id)

    def save(self) -> Self:
        body = self.client.update_bucket(
            id=self.id,
            data=self._fields(),
            permissions=self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(BucketPermissions, permissions)
        body = self.client.patch_bucket(
            id=self.id, permissions=changes, if_match=self.last_modified
        )
        return self._absorb(body)

    def delete(self) -> None:
        self.client.delete_bucket(id=self.id, if_match=self.last_modified)

    destroy = delete

    # collections

    def collection(self, name: str) -> Collection:
        """A handle on a collection, without any request."""
        return Collection(self, name)

    def create_collection(
        self,
        name: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        public: bool = False,
        if_not_exists: bool = False,
    ) -> Collection:
        collection = Collection(self, name, data=data)
        perms = {
            **(permissions or {}),
            **permission_changes(CollectionPermissions, {}, public=public),
        }
        return collection.create(permissions=perms or None, if_not_exists=if_not_exists)

    def get_collection(self, name: str) -> Collection:
        return Collection(self, name).refresh()

    def get_collections(self, **filters: Any) -> list[Collection]:
        found = self.client.get_collections(bucket=self.id, **filters)
        return [Collection(self, item["id"], data=item) for item in found]

    def delete_collection(self, name: str) -> None:
        self.client.delete_collection(id=check_id(name, "collection"), bucket=self.id)

    # groups

    def group(self, name: str) -> Group:
        return Group(self, name)

    def create_group(
        self,
        name: str,
        members: Iterable[str] = (),
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Group:
        group = Group(self, name, data={"members": list(members)})
        return group.create(permissions=permissions, if_not_exists=if_not_exists)

    def get_group(self, name: str) -> Group:
        return Group(self, name).refresh()

    def add_to_group(self, name: str, members: Iterable[str]) -> Group:
        return (self.get_group(name)).add(members)

    def remove_from_group(self, name: str, members: Iterable[str]) -> Group:
        return (self.get_group(name)).remove(members)

    def clear_group(self, name: str) -> Group:
        return (self.get_group(name)).clear()

    def delete_group(self, name: str) -> None:
        self.client.delete_group(id=check_id(name, "group"), bucket=self.id)

    def get_history(self, **filters: Any) -> list[Json]:
        return self.client.get_history(bucket=self.id, **filters)


class Collection(_AsyncObject):
    permissions_class = CollectionPermissions
    permissions: CollectionPermissions

    def __init__(
        self,
        bucket: Bucket,
        name: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: CollectionPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.bucket = bucket
        super().__init__(bucket.client, check_id(name, "collection"), data, permissions)

    def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        perms = permissions if permissions is not None else (self.permissions.to_dict() or None)
        body = self.client.create_collection(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=perms,
            if_not_exists=if_not_exists,
        )
        return self._absorb(body)

    def _get(self) -> Json:
        return self.client.get_collection(id=self.id, bucket=self.bucket.id)

    def save(self) -> Self:
        body = self.client.update_collection(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(CollectionPermissions, permissions)
        body = self.client.patch_collection(
            id=self.id, bucket=self.bucket.id, permissions=changes, if_match=self.last_modified
        )
        return self._absorb(body)

    def delete(self) -> None:
        self.client.delete_collection(
            id=self.id, bucket=self.bucket.id, if_match=self.last_modified
        )

    destroy = delete

    # records

    def create_record(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        id: str | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        public: bool = False,
    ) -> Record:
        perms = permission_changes(RecordPermissions, permissions or {}, public=public)
        body = self.client.create_record(
            id=id, data=data, permissions=perms or None, bucket=self.bucket.id, collection=self.id
        )
        return Record(self, body["data"]["id"])._absorb(body)

    def get_record(self, id: str) -> Record:
        return Record(self, id).refresh()

    def get_all_records(self, **filters: Any) -> list[Record]:
        found = self.client.get_records(bucket=self.bucket.id, collection=self.id, **filters)
        return [Record(self, item["id"], data=item) for item in found]

    def iter_records(self, **filters: Any) -> Iterator[Record]:
        for item in self.client.iter_records(bucket=self.bucket.id, collection=self.id, **filters):
            yield Record(self, item["id"], data=item)

    def save_record(self, record: Record) -> Record:
        """Creates the record if it was never saved, else replaces it if unchanged since read."""
        return record.save()

    def delete_record(self, record: Record | str) -> None:
        if isinstance(record, Record):
            record.delete()
        else:
            self.client.delete_record(id=record, bucket=self.bucket.id, collection=self.id)

    def delete_records(self, records: Iterable[Record | str]) -> None:
        """Deletes them in one batch (split at the server's limit)."""
        with self.client.batch(bucket=self.bucket.id, collection=self.id) as batch:
            for record in records:
                if isinstance(record, Record):
                    batch.delete_record(id=record.id, if_match=record.last_modified)
                else:
                    batch.delete_record(id=check_id(record, "record"))

    def update_record_permissions(self, id: str, **permissions: Iterable[str] | str) -> Record:
        return Record(self, id).update_permissions(**permissions)

    # groups live in buckets; the original README reached them from collections

    def create_group(
        self,
        name: str,
        members: Iterable[str] = (),
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
    ) -> Group:
        return self.bucket.create_group(name, members, permissions=permissions)

    def add_to_group(self, name: str, members: Iterable[str]) -> Group:
        return self.bucket.add_to_group(name, members)

    def remove_from_group(self, name: str, members: Iterable[str]) -> Group:
        return self.bucket.remove_from_group(name, members)

    def clear_group(self, name: str) -> Group:
        return self.bucket.clear_group(name)

    def delete_group(self, name: str) -> None:
        self.bucket.delete_group(name)


class Record(_AsyncObject):
    permissions_class = RecordPermissions
    permissions: RecordPermissions

    def __init__(
        self,
        collection: Collection,
        id: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: RecordPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.collection = collection
        super().__init__(collection.client, check_id(id, "record"), data, permissions)

    @property
    def _bucket_id(self) -> str:
        return self.collection.bucket.id

    def _get(self) -> Json:
        return self.client.get_record(
            id=self.id, bucket=self._bucket_id, collection=self.collection.id
        )

    def save(self) -> Self:
        if self.last_modified is None:
            perms = self.permissions.to_dict() or None
            body = self.client.create_record(
                id=self.id,
                data=self._fields(),
                permissions=perms,
                bucket=self._bucket_id,
                collection=self.collection.id,
            )
        else:
            perms = self._permissions_to_save()
            body = self.client.update_record(
                id=self.id,
                data=self._fields(),
                permissions=perms,
                if_match=self.last_modified,
                bucket=self._bucket_id,
                collection=self.collection.id,
            )
        return self._absorb(body)

    def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(RecordPermissions, permissions)
        body = self.client.patch_record(
            id=self.id,
            permissions=changes,
            if_match=self.last_modified,
            bucket=self._bucket_id,
            collection=self.collection.id,
        )
        return self._absorb(body)

    update_record_permissions = update_permissions

    def delete(self) -> None:
        self.client.delete_record(
            id=self.id,
            if_match=self.last_modified,
            bucket=self._bucket_id,
            collection=self.collection.id,
        )


class Group(_AsyncObject):
    permissions_class = GroupPermissions
    permissions: GroupPermissions

    def __init__(
        self,
        bucket: Bucket,
        name: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: GroupPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.bucket = bucket
        super().__init__(bucket.client, check_id(name, "group"), data, permissions)

    @property
    def members(self) -> list[str]:
        return list(self.data.get("members") or [])

    def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        body = self.client.create_group(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=permissions,
            if_not_exists=if_not_exists,
        )
        return self._absorb(body)

    def _get(self) -> Json:
        return self.client.get_group(id=self.id, bucket=self.bucket.id)

    def save(self) -> Self:
        body = self.client.update_group(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    def _change_members(self, change: Any) -> Self:
        # Read-modify-write under If-Match: a concurrent change makes us re-read and
        # re-apply instead of overwriting someone else's members.
        for _ in range(GROUP_UPDATE_ATTEMPTS):
            members = change(self.members)
            try:
                body = self.client.patch_group(
                    id=self.id,
                    bucket=self.bucket.id,
                    data={"members": members},
                    if_match=self.last_modified,
                )
            except KintoPreconditionFailed:
                self.refresh()
                continue
            return self._absorb(body)
        raise KintoPreconditionFailed(
            f"group {self.id!r} kept changing; gave up after {GROUP_UPDATE_ATTEMPTS} tries",
            status=412,
        )

    def add(self, members: Iterable[str]) -> Self:
        new = list(members)
        return self._change_members(lambda cur: cur + [m for m in new if m not in cur])

    def remove(self, members: Iterable[str]) -> Self:
        gone = set(members)
        return self._change_members(lambda cur: [m for m in cur if m not in gone])

    def clear(self) -> Self:
        return self._change_members(lambda cur: [])

    def delete(self) -> None:
        self.client.delete_group(id=self.id, bucket=self.bucket.id, if_match=self.last_modified)
