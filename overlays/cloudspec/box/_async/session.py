"""``AsyncBoxSession``: the original ``boxpython`` surface (``BoxSession`` is the sync twin).

Same method names, arguments and JSON-dict results as the original README, so old code runs by
changing its import; underneath it is :class:`AsyncBoxClient`, with refresh before expiry and
on 401 (once for all threads), retries with backoff, upload sessions, and verified, resumable
downloads. Ids may be given as ints, as the original accepted.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import httpx

from cloudspec.box_api.api.folders import get_folders_id_items
from cloudspec.box_api.api.search import get_search
from cloudspec.core.config import DEFAULT_TIMEOUT, TimeoutTypes, VerifyTypes
from cloudspec.core.retry import RetryPolicy
from cloudspec.core.tokens import AsyncTokenStore, TokenStore

from .._bodies import opt
from ..urls import BoxURLs
from .client import AsyncBoxClient, TokensChanged

__all__ = ["AsyncBoxSession"]

Json = dict[str, Any]
ProgressCallback = Callable[[int, int], None]


class AsyncBoxSession:
    def __init__(
        self,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        access_token: str | None = None,
        tokens_changed: TokensChanged | None = None,
        *,
        urls: BoxURLs | None = None,
        token_store: TokenStore | AsyncTokenStore | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        verify: VerifyTypes = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.client = AsyncBoxClient(
            client_id=client_id,
            client_secret=client_secret,
            refresh_token=refresh_token,
            access_token=access_token,
            tokens_changed=tokens_changed,
            token_store=token_store,
            urls=urls,
            timeout=timeout,
            retry=retry,
            debug=debug,
            verify=verify,
            transport=transport,
        )

    async def get_folder_info(self, folder_id: str | int) -> Json:
        return (await self.client.folders.get(folder_id)).to_dict()

    async def create_folder(self, name: str, parent_folder_id: str | int = 0) -> Json:
        return (await self.client.folders.create(name, parent_folder_id)).to_dict()

    async def delete_folder(self, folder_id: str | int, recursive: bool = True) -> None:
        await self.client.folders.delete(folder_id, recursive=recursive)

    async def get_folder_items(
        self,
        folder_id: str | int,
        limit: int = 100,
        offset: int = 0,
        fields_list: list[str] | None = None,
    ) -> Json:
        """One page, as the original returned it (``client.folders.items`` iterates all)."""
        kwargs = get_folders_id_items._get_kwargs(
            str(folder_id),
            limit=limit,
            offset=offset,
            fields=opt(",".join(fields_list) if fields_list else None),
        )
        data: Json = await self.client._http.json(kwargs)
        return data

    async def upload_file(
        self,
        name: str,
        folder_id: str | int,
        file_path: str | os.PathLike[str],
        progress_callback: ProgressCallback | None = None,
    ) -> Json:
        """``{"total_count": 1, "entries": [file]}`` as Box and the original return it; files of
        20 MB and more go through an upload session."""
        uploaded = await self.client.files.upload(
            file_path, folder_id, name=name, progress=progress_callback
        )
        return {"total_count": 1, "entries": [uploaded.to_dict()]}

    async def chunk_upload_file(
        self,
        name: str,
        folder_id: str | int,
        file_path: str | os.PathLike[str],
        progress_callback: ProgressCallback | None = None,
        chunk_size: int | None = None,
    ) -> Json:
        """An upload session with parts in parallel. ``chunk_size`` is accepted for old code
        and ignored: Box chooses the part size."""
        del chunk_size
        uploaded = await self.client.files.upload_large(
            file_path, folder_id, name=name, progress=progress_callback
        )
        return {"total_count": 1, "entries": [uploaded.to_dict()]}

    async def download_file(
        self,
        file_id: str | int,
        dest_file_path: str | os.PathLike[str],
        progress_callback: ProgressCallback | None = None,
        chunk_size: int | None = None,
    ) -> None:
        del chunk_size  # streamed in the transport's chunks
        await self.client.files.download(file_id, dest_file_path, progress=progress_callback)

    async def find_id_in_folder(self, name: str, folder_id: str | int = 0) -> str | None:
        """The id of the item named ``name`` (Box ids are strings), or None."""
        item = await self.client.folders.find(name, folder_id)
        return None if item is None else str(item.id)

    async def search(self, **kwargs: Any) -> Json:
        """One page of results; keyword arguments are Box's query parameters."""
        params = {
            k: ",".join(map(str, v)) if isinstance(v, list | tuple) else v
            for k, v in kwargs.items()
        }
        request = get_search._get_kwargs(query=str(params.pop("query", "")))
        request["params"] = {**request.get("params", {}), **params}
        data: Json = await self.client._http.json(request)
        return data

    async def get_user_info(self) -> Json:
        return (await self.client.users.me()).to_dict()

    async def get_file_info(self, file_id: str | int) -> Json:
        return (await self.client.files.get(file_id)).to_dict()

    async def delete_file(self, file_id: str | int) -> None:
        await self.client.files.delete(file_id)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def __aenter__(self) -> AsyncBoxSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client.client_id!r})"
