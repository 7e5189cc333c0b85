from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_share_request import CreateShareRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.share_envelope import ShareEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CreateShareRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/shares/",
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
    *,
    client: AuthenticatedClient | Client,
    body: CreateShareRequest,
) -> Response[ErrorEnvelope | ShareEnvelope]:
    """Share one or more items (form `path` repeated), optionally with a password.

     One folder shared: the share's contents are that folder's contents; several items
    become the share root. `path` is sent as repeated form fields (`path=/a&path=/b`).

    Args:
        body (CreateShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ShareEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateShareRequest,
) -> ErrorEnvelope | ShareEnvelope | None:
    """Share one or more items (form `path` repeated), optionally with a password.

     One folder shared: the share's contents are that folder's contents; several items
    become the share root. `path` is sent as repeated form fields (`path=/a&path=/b`).

    Args:
        body (CreateShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ShareEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateShareRequest,
) -> Response[ErrorEnvelope | ShareEnvelope]:
    """Share one or more items (form `path` repeated), optionally with a password.

     One folder shared: the share's contents are that folder's contents; several items
    become the share root. `path` is sent as repeated form fields (`path=/a&path=/b`).

    Args:
        body (CreateShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ShareEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateShareRequest,
) -> ErrorEnvelope | ShareEnvelope | None:
    """Share one or more items (form `path` repeated), optionally with a password.

     One folder shared: the share's contents are that folder's contents; several items
    become the share root. `path` is sent as repeated form fields (`path=/a&path=/b`).

    Args:
        body (CreateShareRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ShareEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
