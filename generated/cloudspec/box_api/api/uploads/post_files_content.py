from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.files import Files
from ...models.upload_file_request import UploadFileRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: UploadFileRequest,
    fields: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(content_md5, Unset):
        headers["content-md5"] = content_md5

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/content",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | Files | None:
    if response.status_code == 201:
        response_201 = Files.from_dict(response.json())

        return response_201

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
) -> Response[ClientError | Files]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    fields: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> Response[ClientError | Files]:
    """Upload a new file in one multipart request (up to 50 MB; larger files use an upload session).

    Args:
        fields (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Files]
    """

    kwargs = _get_kwargs(
        body=body,
        fields=fields,
        content_md5=content_md5,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    fields: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> ClientError | Files | None:
    """Upload a new file in one multipart request (up to 50 MB; larger files use an upload session).

    Args:
        fields (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Files
    """

    return sync_detailed(
        client=client,
        body=body,
        fields=fields,
        content_md5=content_md5,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    fields: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> Response[ClientError | Files]:
    """Upload a new file in one multipart request (up to 50 MB; larger files use an upload session).

    Args:
        fields (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Files]
    """

    kwargs = _get_kwargs(
        body=body,
        fields=fields,
        content_md5=content_md5,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    fields: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> ClientError | Files | None:
    """Upload a new file in one multipart request (up to 50 MB; larger files use an upload session).

    Args:
        fields (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Files
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            fields=fields,
            content_md5=content_md5,
        )
    ).parsed
