from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    folder_id: str,
    *,
    recursive: bool | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    params: dict[str, Any] = {}

    params["recursive"] = recursive

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/folders/{folder_id}".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ClientError | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 412:
        response_412 = ClientError.from_dict(response.json())

        return response_412

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ClientError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ClientError]:
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
    recursive: bool | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Any | ClientError]:
    """Move a folder to the trash.

    Args:
        folder_id (str):
        recursive (bool | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        recursive=recursive,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    recursive: bool | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Any | ClientError | None:
    """Move a folder to the trash.

    Args:
        folder_id (str):
        recursive (bool | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        recursive=recursive,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    recursive: bool | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[Any | ClientError]:
    """Move a folder to the trash.

    Args:
        folder_id (str):
        recursive (bool | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        recursive=recursive,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    recursive: bool | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Any | ClientError | None:
    """Move a folder to the trash.

    Args:
        folder_id (str):
        recursive (bool | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
            recursive=recursive,
            if_match=if_match,
        )
    ).parsed
