"""The sync object API, with the original README's constructor that talks to the server.

    bucket = Bucket(name="payments", server_url=..., auth=..., create=True)   # get or create
    bucket = Bucket(name="payments", server_url=..., auth=...)                # must exist

The async family (``AsyncBucket`` ...) builds handles without I/O; call
``await AsyncBucket(...).create()`` or ``.refresh()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._async.objects import AsyncBucket, AsyncCollection, AsyncGroup, AsyncRecord
from ._auth import KintoAuth
from ._sync.client import KintoClient
from ._sync.objects import Bucket as _Bucket
from ._sync.objects import Collection, Group, Record
from .permissions import BucketPermissions

__all__ = [
    "AsyncBucket",
    "AsyncCollection",
    "AsyncGroup",
    "AsyncRecord",
    "Bucket",
    "Collection",
    "Group",
    "Record",
]


class Bucket(_Bucket):
    def __init__(
        self,
        name: str,
        *,
        client: KintoClient | None = None,
        server_url: str | None = None,
        auth: KintoAuth = None,
        data: Mapping[str, Any] | None = None,
        permissions: BucketPermissions | Mapping[str, Iterable[str]] | None = None,
        create: bool = False,
        load: bool = True,
    ) -> None:
        """``create=True`` creates the bucket unless it exists; otherwise it is read
        (``load=False`` makes a handle without any request)."""
        super().__init__(
            name,
            client=client,
            server_url=server_url,
            auth=auth,
            data=data,
            permissions=permissions,
        )
        try:
            if create:
                self.create(if_not_exists=True)
            elif load:
                self.refresh()
        except BaseException:
            self.close()
            raise
