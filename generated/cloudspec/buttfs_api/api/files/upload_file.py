from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.item_envelope import ItemEnvelope
from ...models.upload_file_request import UploadFileRequest
from ...types import Response


def _get_kwargs(
    path: str,
    *,
    body: UploadFileRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/files{path}/".format(
            path=quote(str(path), safe="/"),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ItemEnvelope | None:
    if response.status_code == 200:
        response_200 = ItemEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ItemEnvelope]:
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
    body: UploadFileRequest,
) -> Response[ErrorEnvelope | ItemEnvelope]:
    """Upload a file into the folder at `path` (multipart; the `file` part's filename is the item name).

     Parts, in this order: `exists` (`fail` (server default) | `overwrite` | `rename` |
    `reuse`), then `file` (Content-Disposition filename = the new item's name; optional part
    Content-Type = the mime). One request, no chunked or resumable variant. `path` is an
    IdPathPrefix: the root folder is the empty string (`/v2/files/`).

    Args:
        path (str):
        body (UploadFileRequest): Multipart parts: `exists` first, then `file`. `exists` is
            required HERE although the
            server defaults it to `fail`: 0.29.1 emits required parts first, in declared order, so
            this is what keeps `exists` ahead of the content (cloudspec always sends it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> ErrorEnvelope | ItemEnvelope | None:
    """Upload a file into the folder at `path` (multipart; the `file` part's filename is the item name).

     Parts, in this order: `exists` (`fail` (server default) | `overwrite` | `rename` |
    `reuse`), then `file` (Content-Disposition filename = the new item's name; optional part
    Content-Type = the mime). One request, no chunked or resumable variant. `path` is an
    IdPathPrefix: the root folder is the empty string (`/v2/files/`).

    Args:
        path (str):
        body (UploadFileRequest): Multipart parts: `exists` first, then `file`. `exists` is
            required HERE although the
            server defaults it to `fail`: 0.29.1 emits required parts first, in declared order, so
            this is what keeps `exists` ahead of the content (cloudspec always sends it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> Response[ErrorEnvelope | ItemEnvelope]:
    """Upload a file into the folder at `path` (multipart; the `file` part's filename is the item name).

     Parts, in this order: `exists` (`fail` (server default) | `overwrite` | `rename` |
    `reuse`), then `file` (Content-Disposition filename = the new item's name; optional part
    Content-Type = the mime). One request, no chunked or resumable variant. `path` is an
    IdPathPrefix: the root folder is the empty string (`/v2/files/`).

    Args:
        path (str):
        body (UploadFileRequest): Multipart parts: `exists` first, then `file`. `exists` is
            required HERE although the
            server defaults it to `fail`: 0.29.1 emits required parts first, in declared order, so
            this is what keeps `exists` ahead of the content (cloudspec always sends it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
) -> ErrorEnvelope | ItemEnvelope | None:
    """Upload a file into the folder at `path` (multipart; the `file` part's filename is the item name).

     Parts, in this order: `exists` (`fail` (server default) | `overwrite` | `rename` |
    `reuse`), then `file` (Content-Disposition filename = the new item's name; optional part
    Content-Type = the mime). One request, no chunked or resumable variant. `path` is an
    IdPathPrefix: the root folder is the empty string (`/v2/files/`).

    Args:
        path (str):
        body (UploadFileRequest): Multipart parts: `exists` first, then `file`. `exists` is
            required HERE although the
            server defaults it to `fail`: 0.29.1 emits required parts first, in declared order, so
            this is what keeps `exists` ahead of the content (cloudspec always sends it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            body=body,
        )
    ).parsed
