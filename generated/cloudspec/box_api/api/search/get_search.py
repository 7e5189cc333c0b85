from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.search_item_type import SearchItemType
from ...models.search_results import SearchResults
from ...models.search_scope import SearchScope
from ...models.search_sort import SearchSort
from ...models.search_trash_content import SearchTrashContent
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    query: str | Unset = UNSET,
    scope: SearchScope | Unset = UNSET,
    file_extensions: str | Unset = UNSET,
    created_at_range: str | Unset = UNSET,
    updated_at_range: str | Unset = UNSET,
    size_range: str | Unset = UNSET,
    owner_user_ids: str | Unset = UNSET,
    recent_updater_user_ids: str | Unset = UNSET,
    ancestor_folder_ids: str | Unset = UNSET,
    content_types: str | Unset = UNSET,
    type_: SearchItemType | Unset = UNSET,
    trash_content: SearchTrashContent | Unset = UNSET,
    mdfilters: str | Unset = UNSET,
    sort: SearchSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope

    params["scope"] = json_scope

    params["file_extensions"] = file_extensions

    params["created_at_range"] = created_at_range

    params["updated_at_range"] = updated_at_range

    params["size_range"] = size_range

    params["owner_user_ids"] = owner_user_ids

    params["recent_updater_user_ids"] = recent_updater_user_ids

    params["ancestor_folder_ids"] = ancestor_folder_ids

    params["content_types"] = content_types

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    json_trash_content: str | Unset = UNSET
    if not isinstance(trash_content, Unset):
        json_trash_content = trash_content

    params["trash_content"] = json_trash_content

    params["mdfilters"] = mdfilters

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction

    params["direction"] = json_direction

    params["limit"] = limit

    params["offset"] = offset

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | SearchResults | None:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ClientError.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ClientError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientError | SearchResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    scope: SearchScope | Unset = UNSET,
    file_extensions: str | Unset = UNSET,
    created_at_range: str | Unset = UNSET,
    updated_at_range: str | Unset = UNSET,
    size_range: str | Unset = UNSET,
    owner_user_ids: str | Unset = UNSET,
    recent_updater_user_ids: str | Unset = UNSET,
    ancestor_folder_ids: str | Unset = UNSET,
    content_types: str | Unset = UNSET,
    type_: SearchItemType | Unset = UNSET,
    trash_content: SearchTrashContent | Unset = UNSET,
    mdfilters: str | Unset = UNSET,
    sort: SearchSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[ClientError | SearchResults]:
    """Search items (offset paging only).

     New and changed items take up to about 10 minutes to become searchable: to find an
    item by name in a known folder, list the folder instead. Rate limits: 6 searches per
    second and 60 per minute per user.

    Args:
        query (str | Unset):
        scope (SearchScope | Unset):
        file_extensions (str | Unset):
        created_at_range (str | Unset):
        updated_at_range (str | Unset):
        size_range (str | Unset):
        owner_user_ids (str | Unset):
        recent_updater_user_ids (str | Unset):
        ancestor_folder_ids (str | Unset):
        content_types (str | Unset):
        type_ (SearchItemType | Unset):
        trash_content (SearchTrashContent | Unset):
        mdfilters (str | Unset):
        sort (SearchSort | Unset):
        direction (SortDirection | Unset):
        limit (int | Unset):
        offset (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | SearchResults]
    """

    kwargs = _get_kwargs(
        query=query,
        scope=scope,
        file_extensions=file_extensions,
        created_at_range=created_at_range,
        updated_at_range=updated_at_range,
        size_range=size_range,
        owner_user_ids=owner_user_ids,
        recent_updater_user_ids=recent_updater_user_ids,
        ancestor_folder_ids=ancestor_folder_ids,
        content_types=content_types,
        type_=type_,
        trash_content=trash_content,
        mdfilters=mdfilters,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    scope: SearchScope | Unset = UNSET,
    file_extensions: str | Unset = UNSET,
    created_at_range: str | Unset = UNSET,
    updated_at_range: str | Unset = UNSET,
    size_range: str | Unset = UNSET,
    owner_user_ids: str | Unset = UNSET,
    recent_updater_user_ids: str | Unset = UNSET,
    ancestor_folder_ids: str | Unset = UNSET,
    content_types: str | Unset = UNSET,
    type_: SearchItemType | Unset = UNSET,
    trash_content: SearchTrashContent | Unset = UNSET,
    mdfilters: str | Unset = UNSET,
    sort: SearchSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> ClientError | SearchResults | None:
    """Search items (offset paging only).

     New and changed items take up to about 10 minutes to become searchable: to find an
    item by name in a known folder, list the folder instead. Rate limits: 6 searches per
    second and 60 per minute per user.

    Args:
        query (str | Unset):
        scope (SearchScope | Unset):
        file_extensions (str | Unset):
        created_at_range (str | Unset):
        updated_at_range (str | Unset):
        size_range (str | Unset):
        owner_user_ids (str | Unset):
        recent_updater_user_ids (str | Unset):
        ancestor_folder_ids (str | Unset):
        content_types (str | Unset):
        type_ (SearchItemType | Unset):
        trash_content (SearchTrashContent | Unset):
        mdfilters (str | Unset):
        sort (SearchSort | Unset):
        direction (SortDirection | Unset):
        limit (int | Unset):
        offset (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | SearchResults
    """

    return sync_detailed(
        client=client,
        query=query,
        scope=scope,
        file_extensions=file_extensions,
        created_at_range=created_at_range,
        updated_at_range=updated_at_range,
        size_range=size_range,
        owner_user_ids=owner_user_ids,
        recent_updater_user_ids=recent_updater_user_ids,
        ancestor_folder_ids=ancestor_folder_ids,
        content_types=content_types,
        type_=type_,
        trash_content=trash_content,
        mdfilters=mdfilters,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    scope: SearchScope | Unset = UNSET,
    file_extensions: str | Unset = UNSET,
    created_at_range: str | Unset = UNSET,
    updated_at_range: str | Unset = UNSET,
    size_range: str | Unset = UNSET,
    owner_user_ids: str | Unset = UNSET,
    recent_updater_user_ids: str | Unset = UNSET,
    ancestor_folder_ids: str | Unset = UNSET,
    content_types: str | Unset = UNSET,
    type_: SearchItemType | Unset = UNSET,
    trash_content: SearchTrashContent | Unset = UNSET,
    mdfilters: str | Unset = UNSET,
    sort: SearchSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[ClientError | SearchResults]:
    """Search items (offset paging only).

     New and changed items take up to about 10 minutes to become searchable: to find an
    item by name in a known folder, list the folder instead. Rate limits: 6 searches per
    second and 60 per minute per user.

    Args:
        query (str | Unset):
        scope (SearchScope | Unset):
        file_extensions (str | Unset):
        created_at_range (str | Unset):
        updated_at_range (str | Unset):
        size_range (str | Unset):
        owner_user_ids (str | Unset):
        recent_updater_user_ids (str | Unset):
        ancestor_folder_ids (str | Unset):
        content_types (str | Unset):
        type_ (SearchItemType | Unset):
        trash_content (SearchTrashContent | Unset):
        mdfilters (str | Unset):
        sort (SearchSort | Unset):
        direction (SortDirection | Unset):
        limit (int | Unset):
        offset (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | SearchResults]
    """

    kwargs = _get_kwargs(
        query=query,
        scope=scope,
        file_extensions=file_extensions,
        created_at_range=created_at_range,
        updated_at_range=updated_at_range,
        size_range=size_range,
        owner_user_ids=owner_user_ids,
        recent_updater_user_ids=recent_updater_user_ids,
        ancestor_folder_ids=ancestor_folder_ids,
        content_types=content_types,
        type_=type_,
        trash_content=trash_content,
        mdfilters=mdfilters,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    scope: SearchScope | Unset = UNSET,
    file_extensions: str | Unset = UNSET,
    created_at_range: str | Unset = UNSET,
    updated_at_range: str | Unset = UNSET,
    size_range: str | Unset = UNSET,
    owner_user_ids: str | Unset = UNSET,
    recent_updater_user_ids: str | Unset = UNSET,
    ancestor_folder_ids: str | Unset = UNSET,
    content_types: str | Unset = UNSET,
    type_: SearchItemType | Unset = UNSET,
    trash_content: SearchTrashContent | Unset = UNSET,
    mdfilters: str | Unset = UNSET,
    sort: SearchSort | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> ClientError | SearchResults | None:
    """Search items (offset paging only).

     New and changed items take up to about 10 minutes to become searchable: to find an
    item by name in a known folder, list the folder instead. Rate limits: 6 searches per
    second and 60 per minute per user.

    Args:
        query (str | Unset):
        scope (SearchScope | Unset):
        file_extensions (str | Unset):
        created_at_range (str | Unset):
        updated_at_range (str | Unset):
        size_range (str | Unset):
        owner_user_ids (str | Unset):
        recent_updater_user_ids (str | Unset):
        ancestor_folder_ids (str | Unset):
        content_types (str | Unset):
        type_ (SearchItemType | Unset):
        trash_content (SearchTrashContent | Unset):
        mdfilters (str | Unset):
        sort (SearchSort | Unset):
        direction (SortDirection | Unset):
        limit (int | Unset):
        offset (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | SearchResults
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            scope=scope,
            file_extensions=file_extensions,
            created_at_range=created_at_range,
            updated_at_range=updated_at_range,
            size_range=size_range,
            owner_user_ids=owner_user_ids,
            recent_updater_user_ids=recent_updater_user_ids,
            ancestor_folder_ids=ancestor_folder_ids,
            content_types=content_types,
            type_=type_,
            trash_content=trash_content,
            mdfilters=mdfilters,
            sort=sort,
            direction=direction,
            limit=limit,
            offset=offset,
            fields=fields,
        )
    ).parsed
