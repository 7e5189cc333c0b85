from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.copy_item_request import CopyItemRequest
from ...models.folder import Folder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    folder_id: str,
    *,
    body: CopyItemRequest,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/folders/{folder_id}/copy".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
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

    if response.status_code == 405:
        response_405 = ClientError.from_dict(response.json())

        return response_405

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
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CopyItemRequest,
    fields: str | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """Copy a folder and everything in it into another folder (new ids, same contents).

     Without `name` the copy keeps the source's name, which must then be free in the destination (case-
    insensitively). The root folder cannot be copied.

    Args:
        folder_id (str):
        fields (str | Unset):
        body (CopyItemRequest): Body of a file or folder copy. `version` (copy an older file
            version) is left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        body=body,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CopyItemRequest,
    fields: str | Unset = UNSET,
) -> ClientError | Folder | None:
    """Copy a folder and everything in it into another folder (new ids, same contents).

     Without `name` the copy keeps the source's name, which must then be free in the destination (case-
    insensitively). The root folder cannot be copied.

    Args:
        folder_id (str):
        fields (str | Unset):
        body (CopyItemRequest): Body of a file or folder copy. `version` (copy an older file
            version) is left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Folder
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        body=body,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CopyItemRequest,
    fields: str | Unset = UNSET,
) -> Response[ClientError | Folder]:
    """Copy a folder and everything in it into another folder (new ids, same contents).

     Without `name` the copy keeps the source's name, which must then be free in the destination (case-
    insensitively). The root folder cannot be copied.

    Args:
        folder_id (str):
        fields (str | Unset):
        body (CopyItemRequest): Body of a file or folder copy. `version` (copy an older file
            version) is left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Folder]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        body=body,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CopyItemRequest,
    fields: str | Unset = UNSET,
) -> ClientError | Folder | None:
    """Copy a folder and everything in it into another folder (new ids, same contents).

     Without `name` the copy keeps the source's name, which must then be free in the destination (case-
    insensitively). The root folder cannot be copied.

    Args:
        folder_id (str):
        fields (str | Unset):
        body (CopyItemRequest): Body of a file or folder copy. `version` (copy an older file
            version) is left out.

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
            body=body,
            fields=fields,
        )
    ).parsed
