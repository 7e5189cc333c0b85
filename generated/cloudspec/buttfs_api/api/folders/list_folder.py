from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.boolean_string import BooleanString
from ...models.error_envelope import ErrorEnvelope
from ...models.folder_listing_envelope import FolderListingEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    path: str,
    *,
    depth: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    strict_traverse: BooleanString | Unset = UNSET,
    version: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["depth"] = depth

    params["filter"] = filter_

    json_strict_traverse: str | Unset = UNSET
    if not isinstance(strict_traverse, Unset):
        json_strict_traverse = strict_traverse

    params["strict-traverse"] = json_strict_traverse

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/folders{path}".format(
            path=quote(str(path), safe="/"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | FolderListingEnvelope | None:
    if response.status_code == 200:
        response_200 = FolderListingEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | FolderListingEnvelope]:
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
    depth: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    strict_traverse: BooleanString | Unset = UNSET,
    version: int | Unset = UNSET,
) -> Response[ErrorEnvelope | FolderListingEnvelope]:
    """List a folder (root is `/v2/folders/`).

    Args:
        path (str):
        depth (int | Unset):
        filter_ (str | Unset):
        strict_traverse (BooleanString | Unset): A boolean as the strings `true` / `false`
            (DECISION, see the header).
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FolderListingEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        depth=depth,
        filter_=filter_,
        strict_traverse=strict_traverse,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    depth: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    strict_traverse: BooleanString | Unset = UNSET,
    version: int | Unset = UNSET,
) -> ErrorEnvelope | FolderListingEnvelope | None:
    """List a folder (root is `/v2/folders/`).

    Args:
        path (str):
        depth (int | Unset):
        filter_ (str | Unset):
        strict_traverse (BooleanString | Unset): A boolean as the strings `true` / `false`
            (DECISION, see the header).
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FolderListingEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        depth=depth,
        filter_=filter_,
        strict_traverse=strict_traverse,
        version=version,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    depth: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    strict_traverse: BooleanString | Unset = UNSET,
    version: int | Unset = UNSET,
) -> Response[ErrorEnvelope | FolderListingEnvelope]:
    """List a folder (root is `/v2/folders/`).

    Args:
        path (str):
        depth (int | Unset):
        filter_ (str | Unset):
        strict_traverse (BooleanString | Unset): A boolean as the strings `true` / `false`
            (DECISION, see the header).
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | FolderListingEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        depth=depth,
        filter_=filter_,
        strict_traverse=strict_traverse,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    depth: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    strict_traverse: BooleanString | Unset = UNSET,
    version: int | Unset = UNSET,
) -> ErrorEnvelope | FolderListingEnvelope | None:
    """List a folder (root is `/v2/folders/`).

    Args:
        path (str):
        depth (int | Unset):
        filter_ (str | Unset):
        strict_traverse (BooleanString | Unset): A boolean as the strings `true` / `false`
            (DECISION, see the header).
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | FolderListingEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            depth=depth,
            filter_=filter_,
            strict_traverse=strict_traverse,
            version=version,
        )
    ).parsed
