from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.preflight_request import PreflightRequest
from ...models.upload_url import UploadUrl
from ...types import Response


def _get_kwargs(
    *,
    body: PreflightRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "options",
        "url": "/files/content",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | UploadUrl | None:
    if response.status_code == 200:
        response_200 = UploadUrl.from_dict(response.json())

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
) -> Response[ClientError | UploadUrl]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreflightRequest,
) -> Response[ClientError | UploadUrl]:
    """Preflight check of an upload (permissions, name collision, size caps, quota).

     A 200 does not guarantee the upload will succeed. Creating an upload session runs the same check, so
    chunked uploads need no preflight.

    Args:
        body (PreflightRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadUrl]
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
    body: PreflightRequest,
) -> ClientError | UploadUrl | None:
    """Preflight check of an upload (permissions, name collision, size caps, quota).

     A 200 does not guarantee the upload will succeed. Creating an upload session runs the same check, so
    chunked uploads need no preflight.

    Args:
        body (PreflightRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadUrl
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreflightRequest,
) -> Response[ClientError | UploadUrl]:
    """Preflight check of an upload (permissions, name collision, size caps, quota).

     A 200 does not guarantee the upload will succeed. Creating an upload session runs the same check, so
    chunked uploads need no preflight.

    Args:
        body (PreflightRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadUrl]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PreflightRequest,
) -> ClientError | UploadUrl | None:
    """Preflight check of an upload (permissions, name collision, size caps, quota).

     A 200 does not guarantee the upload will succeed. Creating an upload session runs the same check, so
    chunked uploads need no preflight.

    Args:
        body (PreflightRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadUrl
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
