from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.files import Files
from ...models.upload_file_version_request import UploadFileVersionRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_id: str,
    *,
    body: UploadFileVersionRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    if not isinstance(content_md5, Unset):
        headers["content-md5"] = content_md5

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/{file_id}/content".format(
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | Files | None:
    if response.status_code == 200:
        response_200 = Files.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ClientError.from_dict(response.json())

        return response_412

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
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileVersionRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> Response[ClientError | Files]:
    """Upload a new version of a file in one multipart request.

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Files]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        body=body,
        fields=fields,
        if_match=if_match,
        content_md5=content_md5,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileVersionRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> ClientError | Files | None:
    """Upload a new version of a file in one multipart request.

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Files
    """

    return sync_detailed(
        file_id=file_id,
        client=client,
        body=body,
        fields=fields,
        if_match=if_match,
        content_md5=content_md5,
    ).parsed


async def asyncio_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileVersionRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> Response[ClientError | Files]:
    """Upload a new version of a file in one multipart request.

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | Files]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        body=body,
        fields=fields,
        if_match=if_match,
        content_md5=content_md5,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileVersionRequest,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    content_md5: str | Unset = UNSET,
) -> ClientError | Files | None:
    """Upload a new version of a file in one multipart request.

    Args:
        file_id (str):
        fields (str | Unset):
        if_match (str | Unset):
        content_md5 (str | Unset):
        body (UploadFileVersionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | Files
    """

    return (
        await asyncio_detailed(
            file_id=file_id,
            client=client,
            body=body,
            fields=fields,
            if_match=if_match,
            content_md5=content_md5,
        )
    ).parsed
