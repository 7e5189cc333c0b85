from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.file_pointer import FilePointer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket_id: str,
    file_id: str,
    *,
    skip: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    exclude: str | Unset = UNSET,
    x_token: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["x-token"] = x_token

    params: dict[str, Any] = {}

    params["skip"] = skip

    params["limit"] = limit

    params["exclude"] = exclude

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/buckets/{bucket_id}/files/{file_id}".format(
            bucket_id=quote(str(bucket_id), safe=""),
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[FilePointer] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = FilePointer.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 420:
        response_420 = Error.from_dict(response.json())

        return response_420

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[FilePointer]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    skip: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    exclude: str | Unset = UNSET,
    x_token: str,
) -> Response[Error | list[FilePointer]]:
    """The shard pointers of a file, in shard order, with a PULL token.

     Not signed: `x-token` only. One pointer per shard: `{hash, token, operation: PULL}` and
    the farmer to fetch it from (`channel` up to v0.6, `farmer` from v0.7). 404 "The
    requested file was not found"; 401 "Not authorized to retrieve from bucket"; 500
    "Invalid or expired token".

    Args:
        bucket_id (str):
        file_id (str):
        skip (int | Unset):
        limit (int | Unset):
        exclude (str | Unset):
        x_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[FilePointer]]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        file_id=file_id,
        skip=skip,
        limit=limit,
        exclude=exclude,
        x_token=x_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    skip: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    exclude: str | Unset = UNSET,
    x_token: str,
) -> Error | list[FilePointer] | None:
    """The shard pointers of a file, in shard order, with a PULL token.

     Not signed: `x-token` only. One pointer per shard: `{hash, token, operation: PULL}` and
    the farmer to fetch it from (`channel` up to v0.6, `farmer` from v0.7). 404 "The
    requested file was not found"; 401 "Not authorized to retrieve from bucket"; 500
    "Invalid or expired token".

    Args:
        bucket_id (str):
        file_id (str):
        skip (int | Unset):
        limit (int | Unset):
        exclude (str | Unset):
        x_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[FilePointer]
    """

    return sync_detailed(
        bucket_id=bucket_id,
        file_id=file_id,
        client=client,
        skip=skip,
        limit=limit,
        exclude=exclude,
        x_token=x_token,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    skip: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    exclude: str | Unset = UNSET,
    x_token: str,
) -> Response[Error | list[FilePointer]]:
    """The shard pointers of a file, in shard order, with a PULL token.

     Not signed: `x-token` only. One pointer per shard: `{hash, token, operation: PULL}` and
    the farmer to fetch it from (`channel` up to v0.6, `farmer` from v0.7). 404 "The
    requested file was not found"; 401 "Not authorized to retrieve from bucket"; 500
    "Invalid or expired token".

    Args:
        bucket_id (str):
        file_id (str):
        skip (int | Unset):
        limit (int | Unset):
        exclude (str | Unset):
        x_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[FilePointer]]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        file_id=file_id,
        skip=skip,
        limit=limit,
        exclude=exclude,
        x_token=x_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    skip: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    exclude: str | Unset = UNSET,
    x_token: str,
) -> Error | list[FilePointer] | None:
    """The shard pointers of a file, in shard order, with a PULL token.

     Not signed: `x-token` only. One pointer per shard: `{hash, token, operation: PULL}` and
    the farmer to fetch it from (`channel` up to v0.6, `farmer` from v0.7). 404 "The
    requested file was not found"; 401 "Not authorized to retrieve from bucket"; 500
    "Invalid or expired token".

    Args:
        bucket_id (str):
        file_id (str):
        skip (int | Unset):
        limit (int | Unset):
        exclude (str | Unset):
        x_token (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[FilePointer]
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            file_id=file_id,
            client=client,
            skip=skip,
            limit=limit,
            exclude=exclude,
            x_token=x_token,
        )
    ).parsed
