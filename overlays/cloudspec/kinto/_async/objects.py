"""The original kinto-python-client README's object style, over ``AsyncKintoClient``.

    bucket = await AsyncBucket("payments", server_url=..., auth=...).create()
    collection = await bucket.create_collection("receipts")
    record = await collection.create_record({"amount": 3}, public=True)
    record.permissions.write += "group:friends"
    await record.save()

Writes are safe by default: creates send ``If-None-Match: *`` and saves send
``If-Match`` with the version last read, so a concurrent change is a
:class:`~cloudspec.kinto.KintoPreconditionFailed`, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
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
from .client import AsyncKintoClient, Json

__all__ = ["AsyncBucket", "AsyncCollection", "AsyncGroup", "AsyncRecord"]

# How often a read-modify-write of a group is retried when someone else changed it.
GROUP_UPDATE_ATTEMPTS = 5


def _client(
    client: AsyncKintoClient | None, server_url: str | None, auth: KintoAuth
) -> tuple[AsyncKintoClient, bool]:
    """The client to use, and whether the handle made it (and so must close it)."""
    if client is not None:
        return client, False
    if server_url is None:
        raise ValueError("give client= or server_url=")
    return AsyncKintoClient(server_url=server_url, auth=auth), True


class _AsyncObject:
    """Data, permissions and the version they were read at.

    A handle made from a listing knows its data but not its permissions (Kinto lists
    carry none): saving it keeps the server's permissions, merged with any principal
    added locally, instead of replacing them with an empty set.
    """

    permissions_class: type[Permissions] = Permissions

    def __init__(
        self,
        client: AsyncKintoClient,
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

    async def _get(self) -> Json:
        raise NotImplementedError

    async def refresh(self) -> Self:
        return self._absorb(await self._get())

    async def _permissions_to_save(self) -> dict[str, list[str]] | None:
        local: dict[str, list[str]] = self.permissions.to_dict()
        if self._permissions_known:
            return local
        if not any(local.values()):
            return None  # untouched and unknown: the server keeps what it has
        current = (await self._get()).get("permissions") or {}
        merged = {key: list(value) for key, value in current.items()}
        for key, principals in local.items():
            merged.setdefault(key, [])
            merged[key] += [p for p in principals if p not in merged[key]]
        return merged

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r}, last_modified={self.last_modified!r})"


class AsyncBucket(_AsyncObject):
    permissions_class = BucketPermissions
    permissions: BucketPermissions

    def __init__(
        self,
        name: str,
        *,
        client: AsyncKintoClient | None = None,
        server_url: str | None = None,
        auth: KintoAuth = None,
        data: Mapping[str, Any] | None = None,
        permissions: BucketPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        bucket_id = check_id(name, "bucket")
        own_client, self._owns_client = _client(client, server_url, auth)
        super().__init__(own_client, bucket_id, data, permissions)

    async def aclose(self) -> None:
        """Closes the client this bucket made from ``server_url`` (a given one stays open)."""
        if self._owns_client:
            await self.client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        perms = permissions if permissions is not None else (self.permissions.to_dict() or None)
        body = await self.client.create_bucket(
            id=self.id, data=self._fields(), permissions=perms, if_not_exists=if_not_exists
        )
        return self._absorb(body)

    async def _get(self) -> Json:
        return await self.client.get_bucket(id=self.id)

    async def save(self) -> Self:
        body = await self.client.update_bucket(
            id=self.id,
            data=self._fields(),
            permissions=await self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    async def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(BucketPermissions, permissions)
        body = await self.client.patch_bucket(
            id=self.id, permissions=changes, if_match=self.last_modified
        )
        return self._absorb(body)

    async def delete(self) -> None:
        await self.client.delete_bucket(id=self.id, if_match=self.last_modified)

    destroy = delete

    # collections

    def collection(self, name: str) -> AsyncCollection:
        """A handle on a collection, without any request."""
        return AsyncCollection(self, name)

    async def create_collection(
        self,
        name: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        public: bool = False,
        if_not_exists: bool = False,
    ) -> AsyncCollection:
        collection = AsyncCollection(self, name, data=data)
        perms = {
            **(permissions or {}),
            **permission_changes(CollectionPermissions, {}, public=public),
        }
        return await collection.create(permissions=perms or None, if_not_exists=if_not_exists)

    async def get_collection(self, name: str) -> AsyncCollection:
        return await AsyncCollection(self, name).refresh()

    async def get_collections(self, **filters: Any) -> list[AsyncCollection]:
        found = await self.client.get_collections(bucket=self.id, **filters)
        return [AsyncCollection(self, item["id"], data=item) for item in found]

    async def delete_collection(self, name: str) -> None:
        await self.client.delete_collection(id=check_id(name, "collection"), bucket=self.id)

    # groups

    def group(self, name: str) -> AsyncGroup:
        return AsyncGroup(self, name)

    async def create_group(
        self,
        name: str,
        members: Iterable[str] = (),
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> AsyncGroup:
        group = AsyncGroup(self, name, data={"members": list(members)})
        return await group.create(permissions=permissions, if_not_exists=if_not_exists)

    async def get_group(self, name: str) -> AsyncGroup:
        return await AsyncGroup(self, name).refresh()

    async def add_to_group(self, name: str, members: Iterable[str]) -> AsyncGroup:
        return await (await self.get_group(name)).add(members)

    async def remove_from_group(self, name: str, members: Iterable[str]) -> AsyncGroup:
        return await (await self.get_group(name)).remove(members)

    async def clear_group(self, name: str) -> AsyncGroup:
        return await (await self.get_group(name)).clear()

    async def delete_group(self, name: str) -> None:
        await self.client.delete_group(id=check_id(name, "group"), bucket=self.id)

    async def get_history(self, **filters: Any) -> list[Json]:
        return await self.client.get_history(bucket=self.id, **filters)


class AsyncCollection(_AsyncObject):
    permissions_class = CollectionPermissions
    permissions: CollectionPermissions

    def __init__(
        self,
        bucket: AsyncBucket,
        name: str,
        *,
        data: Mapping[str, Any] | None = None,
        permissions: CollectionPermissions | Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.bucket = bucket
        super().__init__(bucket.client, check_id(name, "collection"), data, permissions)

    async def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        perms = permissions if permissions is not None else (self.permissions.to_dict() or None)
        body = await self.client.create_collection(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=perms,
            if_not_exists=if_not_exists,
        )
        return self._absorb(body)

    async def _get(self) -> Json:
        return await self.client.get_collection(id=self.id, bucket=self.bucket.id)

    async def save(self) -> Self:
        body = await self.client.update_collection(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=await self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    async def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(CollectionPermissions, permissions)
        body = await self.client.patch_collection(
            id=self.id, bucket=self.bucket.id, permissions=changes, if_match=self.last_modified
        )
        return self._absorb(body)

    async def delete(self) -> None:
        await self.client.delete_collection(
            id=self.id, bucket=self.bucket.id, if_match=self.last_modified
        )

    destroy = delete

    # records

    async def create_record(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        id: str | None = None,
        permissions: Mapping[str, Iterable[str]] | None = None,
        public: bool = False,
    ) -> AsyncRecord:
        perms = permission_changes(RecordPermissions, permissions or {}, public=public)
        body = await self.client.create_record(
            id=id, data=data, permissions=perms or None, bucket=self.bucket.id, collection=self.id
        )
        return AsyncRecord(self, body["data"]["id"])._absorb(body)

    async def get_record(self, id: str) -> AsyncRecord:
        return await AsyncRecord(self, id).refresh()

    async def get_all_records(self, **filters: Any) -> list[AsyncRecord]:
        found = await self.client.get_records(bucket=self.bucket.id, collection=self.id, **filters)
        return [AsyncRecord(self, item["id"], data=item) for item in found]

    async def iter_records(self, **filters: Any) -> AsyncIterator[AsyncRecord]:
        async for item in self.client.iter_records(
            bucket=self.bucket.id, collection=self.id, **filters
        ):
            yield AsyncRecord(self, item["id"], data=item)

    async def save_record(self, record: AsyncRecord) -> AsyncRecord:
        """Creates the record if it was never saved, else replaces it if unchanged since read."""
        return await record.save()

    async def delete_record(self, record: AsyncRecord | str) -> None:
        if isinstance(record, AsyncRecord):
            await record.delete()
        else:
            await self.client.delete_record(id=record, bucket=self.bucket.id, collection=self.id)

    async def delete_records(self, records: Iterable[AsyncRecord | str]) -> None:
        """Deletes them in one batch (split at the server's limit)."""
        async with self.client.batch(bucket=self.bucket.id, collection=self.id) as batch:
            for record in records:
                if isinstance(record, AsyncRecord):
                    await batch.delete_record(id=record.id, if_match=record.last_modified)
                else:
                    await batch.delete_record(id=check_id(record, "record"))

    async def update_record_permissions(
        self, id: str, **permissions: Iterable[str] | str
    ) -> AsyncRecord:
        return await AsyncRecord(self, id).update_permissions(**permissions)

    # groups live in buckets; the original README reached them from collections

    async def create_group(
        self,
        name: str,
        members: Iterable[str] = (),
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
    ) -> AsyncGroup:
        return await self.bucket.create_group(name, members, permissions=permissions)

    async def add_to_group(self, name: str, members: Iterable[str]) -> AsyncGroup:
        return await self.bucket.add_to_group(name, members)

    async def remove_from_group(self, name: str, members: Iterable[str]) -> AsyncGroup:
        return await self.bucket.remove_from_group(name, members)

    async def clear_group(self, name: str) -> AsyncGroup:
        return await self.bucket.clear_group(name)

    async def delete_group(self, name: str) -> None:
        await self.bucket.delete_group(name)


class AsyncRecord(_AsyncObject):
    permissions_class = RecordPermissions
    permissions: RecordPermissions

    def __init__(
        self,
        collection: AsyncCollection,
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

    async def _get(self) -> Json:
        return await self.client.get_record(
            id=self.id, bucket=self._bucket_id, collection=self.collection.id
        )

    async def save(self) -> Self:
        if self.last_modified is None:
            perms = self.permissions.to_dict() or None
            body = await self.client.create_record(
                id=self.id,
                data=self._fields(),
                permissions=perms,
                bucket=self._bucket_id,
                collection=self.collection.id,
            )
        else:
            perms = await self._permissions_to_save()
            body = await self.client.update_record(
                id=self.id,
                data=self._fields(),
                permissions=perms,
                if_match=self.last_modified,
                bucket=self._bucket_id,
                collection=self.collection.id,
            )
        return self._absorb(body)

    async def update_permissions(self, **permissions: Iterable[str] | str) -> Self:
        changes = permission_changes(RecordPermissions, permissions)
        body = await self.client.patch_record(
            id=self.id,
            permissions=changes,
            if_match=self.last_modified,
            bucket=self._bucket_id,
            collection=self.collection.id,
        )
        return self._absorb(body)

    update_record_permissions = update_permissions

    async def delete(self) -> None:
        await self.client.delete_record(
            id=self.id,
            if_match=self.last_modified,
            bucket=self._bucket_id,
            collection=self.collection.id,
        )


class AsyncGroup(_AsyncObject):
    permissions_class = GroupPermissions
    permissions: GroupPermissions

    def __init__(
        self,
        bucket: AsyncBucket,
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

    async def create(
        self,
        *,
        permissions: Mapping[str, Iterable[str]] | None = None,
        if_not_exists: bool = False,
    ) -> Self:
        body = await self.client.create_group(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=permissions,
            if_not_exists=if_not_exists,
        )
        return self._absorb(body)

    async def _get(self) -> Json:
        return await self.client.get_group(id=self.id, bucket=self.bucket.id)

    async def save(self) -> Self:
        body = await self.client.update_group(
            id=self.id,
            bucket=self.bucket.id,
            data=self._fields(),
            permissions=await self._permissions_to_save(),
            if_match=self.last_modified,
        )
        return self._absorb(body)

    async def _change_members(self, change: Any) -> Self:
        # Read-modify-write under If-Match: a concurrent change makes us re-read and
        # re-apply instead of overwriting someone else's members.
        for _ in range(GROUP_UPDATE_ATTEMPTS):
            members = change(self.members)
            try:
                body = await self.client.patch_group(
                    id=self.id,
                    bucket=self.bucket.id,
                    data={"members": members},
                    if_match=self.last_modified,
                )
            except KintoPreconditionFailed:
                await self.refresh()
                continue
            return self._absorb(body)
        raise KintoPreconditionFailed(
            f"group {self.id!r} kept changing; gave up after {GROUP_UPDATE_ATTEMPTS} tries",
            status=412,
        )

    async def add(self, members: Iterable[str]) -> Self:
        new = list(members)
        return await self._change_members(lambda cur: cur + [m for m in new if m not in cur])

    async def remove(self, members: Iterable[str]) -> Self:
        gone = set(members)
        return await self._change_members(lambda cur: [m for m in cur if m not in gone])

    async def clear(self) -> Self:
        return await self._change_members(lambda cur: [])

    async def delete(self) -> None:
        await self.client.delete_group(
            id=self.id, bucket=self.bucket.id, if_match=self.last_modified
        )
