from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.file import File
from ...models.update_item_request import UpdateItemRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_id: str,
    *,
    body: UpdateItemRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/files/{file_id}".format(
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | File | None:
    if response.status_code == 200:
        response_200 = File.from_dict(response.json())

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

    if response.status_code == 405:
        response_405 = ClientError.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = ClientError.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ClientError.from_dict(response.json())

        return response_412

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientError | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateItemRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ClientError | File]:
    """Rename a file and/or move it to another folder.

     A move is one request and keeps the file's id and versions; the new `name` must be free in the
    destination (case-insensitively).

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        body (UpdateItemRequest): Body of a file or folder update, as cloudspec uses it (rename
            and/or move); Box's other updatable fields (description, shared_link, tags...) go in
            additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        body=body,
        fields=fields,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateItemRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ClientError | File | None:
    """Rename a file and/or move it to another folder.

     A move is one request and keeps the file's id and versions; the new `name` must be free in the
    destination (case-insensitively).

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        body (UpdateItemRequest): Body of a file or folder update, as cloudspec uses it (rename
            and/or move); Box's other updatable fields (description, shared_link, tags...) go in
            additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | File
    """

    return sync_detailed(
        file_id=file_id,
        client=client,
        body=body,
        fields=fields,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateItemRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ClientError | File]:
    """Rename a file and/or move it to another folder.

     A move is one request and keeps the file's id and versions; the new `name` must be free in the
    destination (case-insensitively).

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        body (UpdateItemRequest): Body of a file or folder update, as cloudspec uses it (rename
            and/or move); Box's other updatable fields (description, shared_link, tags...) go in
            additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        body=body,
        fields=fields,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateItemRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ClientError | File | None:
    """Rename a file and/or move it to another folder.

     A move is one request and keeps the file's id and versions; the new `name` must be free in the
    destination (case-insensitively).

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        body (UpdateItemRequest): Body of a file or folder update, as cloudspec uses it (rename
            and/or move); Box's other updatable fields (description, shared_link, tags...) go in
            additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | File
    """

    return (
        await asyncio_detailed(
            file_id=file_id,
            client=client,
            body=body,
            fields=fields,
            if_match=if_match,
        )
    ).parsed
