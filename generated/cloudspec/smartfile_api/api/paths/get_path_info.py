from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.path_listing import PathListing
from ...types import UNSET, Response, Unset


def _get_kwargs(
    path: str,
    *,
    children: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["children"] = children

    params["limit"] = limit

    params["page"] = page

    json_fields: list[str] | Unset = UNSET
    if not isinstance(fields, Unset):
        json_fields = fields

    params["fields"] = json_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/2/path/info/{path}".format(
            path=quote(str(path).lstrip("/"), safe="/"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PathListing | None:
    if response.status_code == 200:
        response_200 = PathListing.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PathListing]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    children: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
) -> Response[Error | PathListing]:
    """The info object of a file or directory; with `children`, a page of its children.

     `children=true` (the emulator also takes `on`, `1`, `True`) adds `children`, `page`,
    `pages`, `total` and `per_page`, paged by `limit` (server default 100, max 1000) and
    `page` (1-based). `fields` (repeated, or comma separated) limits each child's keys.
    404 `{"detail": "Not found."}` for a missing path.

    Args:
        path (str):
        children (bool | Unset):
        limit (int | Unset):
        page (int | Unset):
        fields (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PathListing]
    """

    kwargs = _get_kwargs(
        path=path,
        children=children,
        limit=limit,
        page=page,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    children: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
) -> Error | PathListing | None:
    """The info object of a file or directory; with `children`, a page of its children.

     `children=true` (the emulator also takes `on`, `1`, `True`) adds `children`, `page`,
    `pages`, `total` and `per_page`, paged by `limit` (server default 100, max 1000) and
    `page` (1-based). `fields` (repeated, or comma separated) limits each child's keys.
    404 `{"detail": "Not found."}` for a missing path.

    Args:
        path (str):
        children (bool | Unset):
        limit (int | Unset):
        page (int | Unset):
        fields (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PathListing
    """

    return sync_detailed(
        path=path,
        client=client,
        children=children,
        limit=limit,
        page=page,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    children: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
) -> Response[Error | PathListing]:
    """The info object of a file or directory; with `children`, a page of its children.

     `children=true` (the emulator also takes `on`, `1`, `True`) adds `children`, `page`,
    `pages`, `total` and `per_page`, paged by `limit` (server default 100, max 1000) and
    `page` (1-based). `fields` (repeated, or comma separated) limits each child's keys.
    404 `{"detail": "Not found."}` for a missing path.

    Args:
        path (str):
        children (bool | Unset):
        limit (int | Unset):
        page (int | Unset):
        fields (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PathListing]
    """

    kwargs = _get_kwargs(
        path=path,
        children=children,
        limit=limit,
        page=page,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    children: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    page: int | Unset = UNSET,
    fields: list[str] | Unset = UNSET,
) -> Error | PathListing | None:
    """The info object of a file or directory; with `children`, a page of its children.

     `children=true` (the emulator also takes `on`, `1`, `True`) adds `children`, `page`,
    `pages`, `total` and `per_page`, paged by `limit` (server default 100, max 1000) and
    `page` (1-based). `fields` (repeated, or comma separated) limits each child's keys.
    404 `{"detail": "Not found."}` for a missing path.

    Args:
        path (str):
        children (bool | Unset):
        limit (int | Unset):
        page (int | Unset):
        fields (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PathListing
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            children=children,
            limit=limit,
            page=page,
            fields=fields,
        )
    ).parsed
