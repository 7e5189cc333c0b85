from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.meta_envelope import MetaEnvelope
from ...models.version_operation import VersionOperation
from ...types import UNSET, Response


def _get_kwargs(
    path: str,
    version: int,
    *,
    operation: VersionOperation,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_operation: str = operation
    params["operation"] = json_operation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/files{path}/versions/{version}".format(
            path=quote(str(path), safe="/"),
            version=quote(str(version), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MetaEnvelope | None:
    if response.status_code == 200:
        response_200 = MetaEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | MetaEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    path: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
    operation: VersionOperation,
) -> Response[ErrorEnvelope | MetaEnvelope]:
    """Make that version current, as a new version (`operation=promote`).

    Args:
        path (str):
        version (int):
        operation (VersionOperation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MetaEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        version=version,
        operation=operation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
    operation: VersionOperation,
) -> ErrorEnvelope | MetaEnvelope | None:
    """Make that version current, as a new version (`operation=promote`).

    Args:
        path (str):
        version (int):
        operation (VersionOperation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MetaEnvelope
    """

    return sync_detailed(
        path=path,
        version=version,
        client=client,
        operation=operation,
    ).parsed


async def asyncio_detailed(
    path: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
    operation: VersionOperation,
) -> Response[ErrorEnvelope | MetaEnvelope]:
    """Make that version current, as a new version (`operation=promote`).

    Args:
        path (str):
        version (int):
        operation (VersionOperation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MetaEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        version=version,
        operation=operation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
    operation: VersionOperation,
) -> ErrorEnvelope | MetaEnvelope | None:
    """Make that version current, as a new version (`operation=promote`).

    Args:
        path (str):
        version (int):
        operation (VersionOperation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MetaEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            version=version,
            client=client,
            operation=operation,
        )
    ).parsed
