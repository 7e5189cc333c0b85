from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.folder import Folder
from ...models.folder_items_sort import FolderItemsSort
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    folder_id: str,
    *,
    fields: str | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction

    params["direction"] = json_direction

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/folders/{folder_id}".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | Folder | None:
    if response.status_code == 200:
        response_200 = Folder.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ClientError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = ClientError.from_dict(response.json())

        return response_405

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientError | Folder]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """A folder's information, with the first page of its items in `item_collection`.

     `sort`, `direction`, `offset` and `limit` apply to the embedded `item_collection` (at most 100
    entries unless `limit` says otherwise).

    Args:
        folder_id (str):
        fields (str | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        fields=fields,
        sort=sort,
        direction=direction,
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ClientError | Folder | None:
    """A folder's information, with the first page of its items in `item_collection`.

     `sort`, `direction`, `offset` and `limit` apply to the embedded `item_collection` (at most 100
    entries unless `limit` says otherwise).

    Args:
        folder_id (str):
        fields (str | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Folder
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        fields=fields,
        sort=sort,
        direction=direction,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """A folder's information, with the first page of its items in `item_collection`.

     `sort`, `direction`, `offset` and `limit` apply to the embedded `item_collection` (at most 100
    entries unless `limit` says otherwise).

    Args:
        folder_id (str):
        fields (str | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        fields=fields,
        sort=sort,
        direction=direction,
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ClientError | Folder | None:
    """A folder's information, with the first page of its items in `item_collection`.

     `sort`, `direction`, `offset` and `limit` apply to the embedded `item_collection` (at most 100
    entries unless `limit` says otherwise).

    Args:
        folder_id (str):
        fields (str | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Folder
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
            fields=fields,
            sort=sort,
            direction=direction,
            offset=offset,
            limit=limit,
        )
    ).parsed
