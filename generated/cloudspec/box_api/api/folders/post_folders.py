from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.create_folder_request import CreateFolderRequest
from ...models.folder import Folder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateFolderRequest,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/folders",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | Folder | None:
    if response.status_code == 201:
        response_201 = Folder.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ClientError.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ClientError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ClientError.from_dict(response.json())

        return response_409

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
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
    fields: str | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """Create a folder.

    Args:
        fields (str | Unset):
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        body=body,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
    fields: str | Unset = UNSET,
) -> ClientError | Folder | None:
    """Create a folder.

    Args:
        fields (str | Unset):
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Folder
    """

    return sync_detailed(
        client=client,
        body=body,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
    fields: str | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """Create a folder.

    Args:
        fields (str | Unset):
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        body=body,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
    fields: str | Unset = UNSET,
) -> ClientError | Folder | None:
    """Create a folder.

    Args:
        fields (str | Unset):
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Folder
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            fields=fields,
        )
    ).parsed
