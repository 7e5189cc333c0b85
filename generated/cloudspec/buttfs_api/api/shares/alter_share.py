from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alter_share_request import AlterShareRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.share_envelope import ShareEnvelope
from ...types import Response


def _get_kwargs(
    share_key: str,
    *,
    body: AlterShareRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/shares/{share_key}/info".format(
            share_key=quote(str(share_key), safe=""),
        ),
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ShareEnvelope | None:
    if response.status_code == 200:
        response_200 = ShareEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ShareEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    share_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlterShareRequest,
) -> Response[ErrorEnvelope | ShareEnvelope]:
    """Rename a share or change its password (`current_password` needed if one is set).

    Args:
        share_key (str):
        body (AlterShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ShareEnvelope]
    """

    kwargs = _get_kwargs(
        share_key=share_key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    share_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlterShareRequest,
) -> ErrorEnvelope | ShareEnvelope | None:
    """Rename a share or change its password (`current_password` needed if one is set).

    Args:
        share_key (str):
        body (AlterShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ShareEnvelope
    """

    return sync_detailed(
        share_key=share_key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    share_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlterShareRequest,
) -> Response[ErrorEnvelope | ShareEnvelope]:
    """Rename a share or change its password (`current_password` needed if one is set).

    Args:
        share_key (str):
        body (AlterShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ShareEnvelope]
    """

    kwargs = _get_kwargs(
        share_key=share_key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    share_key: str,
    *,
    client: AuthenticatedClient | Client,
    body: AlterShareRequest,
) -> ErrorEnvelope | ShareEnvelope | None:
    """Rename a share or change its password (`current_password` needed if one is set).

    Args:
        share_key (str):
        body (AlterShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ShareEnvelope
    """

    return (
        await asyncio_detailed(
            share_key=share_key,
            client=client,
            body=body,
        )
    ).parsed
