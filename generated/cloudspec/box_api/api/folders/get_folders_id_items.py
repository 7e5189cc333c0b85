from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.folder_items_sort import FolderItemsSort
from ...models.items import Items
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    folder_id: str,
    *,
    fields: str | Unset = UNSET,
    usemarker: bool | Unset = UNSET,
    marker: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["usemarker"] = usemarker

    params["marker"] = marker

    params["offset"] = offset

    params["limit"] = limit

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction

    params["direction"] = json_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/folders/{folder_id}/items".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | Items | None:
    if response.status_code == 200:
        response_200 = Items.from_dict(response.json())

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
) -> Response[ClientError | Items]:
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
    usemarker: bool | Unset = UNSET,
    marker: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> Response[ClientError | Items]:
    """One page of a folder's items.

     Offset paging (default): advance `offset` by the response's `limit` (not by the number
    of entries) until `offset >= total_count`; offsets above 9,999 are unreliable.
    Marker paging: `usemarker=true`, no `marker` on the first page, then the previous
    answer's `next_marker` until it is null or empty; the answer has no `total_count`.
    Folders come back in mini form (id, type, etag, sequence_id, name) unless `fields`
    asks for more.

    Args:
        folder_id (str):
        fields (str | Unset):
        usemarker (bool | Unset):
        marker (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Items]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        fields=fields,
        usemarker=usemarker,
        marker=marker,
        offset=offset,
        limit=limit,
        sort=sort,
        direction=direction,
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
    usemarker: bool | Unset = UNSET,
    marker: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> ClientError | Items | None:
    """One page of a folder's items.

     Offset paging (default): advance `offset` by the response's `limit` (not by the number
    of entries) until `offset >= total_count`; offsets above 9,999 are unreliable.
    Marker paging: `usemarker=true`, no `marker` on the first page, then the previous
    answer's `next_marker` until it is null or empty; the answer has no `total_count`.
    Folders come back in mini form (id, type, etag, sequence_id, name) unless `fields`
    asks for more.

    Args:
        folder_id (str):
        fields (str | Unset):
        usemarker (bool | Unset):
        marker (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Items
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        fields=fields,
        usemarker=usemarker,
        marker=marker,
        offset=offset,
        limit=limit,
        sort=sort,
        direction=direction,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    usemarker: bool | Unset = UNSET,
    marker: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> Response[ClientError | Items]:
    """One page of a folder's items.

     Offset paging (default): advance `offset` by the response's `limit` (not by the number
    of entries) until `offset >= total_count`; offsets above 9,999 are unreliable.
    Marker paging: `usemarker=true`, no `marker` on the first page, then the previous
    answer's `next_marker` until it is null or empty; the answer has no `total_count`.
    Folders come back in mini form (id, type, etag, sequence_id, name) unless `fields`
    asks for more.

    Args:
        folder_id (str):
        fields (str | Unset):
        usemarker (bool | Unset):
        marker (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Items]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        fields=fields,
        usemarker=usemarker,
        marker=marker,
        offset=offset,
        limit=limit,
        sort=sort,
        direction=direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    usemarker: bool | Unset = UNSET,
    marker: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    sort: FolderItemsSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
) -> ClientError | Items | None:
    """One page of a folder's items.

     Offset paging (default): advance `offset` by the response's `limit` (not by the number
    of entries) until `offset >= total_count`; offsets above 9,999 are unreliable.
    Marker paging: `usemarker=true`, no `marker` on the first page, then the previous
    answer's `next_marker` until it is null or empty; the answer has no `total_count`.
    Folders come back in mini form (id, type, etag, sequence_id, name) unless `fields`
    asks for more.

    Args:
        folder_id (str):
        fields (str | Unset):
        usemarker (bool | Unset):
        marker (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        sort (FolderItemsSort | Unset):
        direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Items
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
            fields=fields,
            usemarker=usemarker,
            marker=marker,
            offset=offset,
            limit=limit,
            sort=sort,
            direction=direction,
        )
    ).parsed
