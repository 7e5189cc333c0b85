from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.item_list_envelope import ItemListEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    path: str,
    *,
    start_version: int | Unset = UNSET,
    stop_version: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start-version"] = start_version

    params["stop-version"] = stop_version

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/files{path}/versions".format(
            path=quote(str(path), safe="/"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ItemListEnvelope | None:
    if response.status_code == 200:
        response_200 = ItemListEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | ItemListEnvelope]:
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
    start_version: int | Unset = UNSET,
    stop_version: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ItemListEnvelope]:
    """Prior versions of a file (an empty array when there are none).

     IOS names `stop-version` `end-version`; cloudspec sends `stop-version`.

    Args:
        path (str):
        start_version (int | Unset):
        stop_version (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemListEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        start_version=start_version,
        stop_version=stop_version,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    start_version: int | Unset = UNSET,
    stop_version: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorEnvelope | ItemListEnvelope | None:
    """Prior versions of a file (an empty array when there are none).

     IOS names `stop-version` `end-version`; cloudspec sends `stop-version`.

    Args:
        path (str):
        start_version (int | Unset):
        stop_version (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemListEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        start_version=start_version,
        stop_version=stop_version,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    start_version: int | Unset = UNSET,
    stop_version: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorEnvelope | ItemListEnvelope]:
    """Prior versions of a file (an empty array when there are none).

     IOS names `stop-version` `end-version`; cloudspec sends `stop-version`.

    Args:
        path (str):
        start_version (int | Unset):
        stop_version (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemListEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        start_version=start_version,
        stop_version=stop_version,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    start_version: int | Unset = UNSET,
    stop_version: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorEnvelope | ItemListEnvelope | None:
    """Prior versions of a file (an empty array when there are none).

     IOS names `stop-version` `end-version`; cloudspec sends `stop-version`.

    Args:
        path (str):
        start_version (int | Unset):
        stop_version (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemListEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            start_version=start_version,
            stop_version=stop_version,
            limit=limit,
        )
    ).parsed
