from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bucket_file import BucketFile
from ...models.error import Error
from ...models.upload_file_request import UploadFileRequest
from ...types import Response


def _get_kwargs(
    bucket_id: str,
    *,
    body: UploadFileRequest,
    x_token: str,
    x_filesize: int,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["x-token"] = x_token

    headers["x-filesize"] = str(x_filesize)

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/buckets/{bucket_id}/files".format(
            bucket_id=quote(str(bucket_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BucketFile | Error | None:
    if response.status_code == 200:
        response_200 = BucketFile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 420:
        response_420 = Error.from_dict(response.json())

        return response_420

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BucketFile | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    x_token: str,
    x_filesize: int,
) -> Response[BucketFile | Error]:
    """Upload a file in one multipart request with a PUSH token (bridge v0.2 to v0.6).

     Not signed: `x-token` only. The bridge shards the stream into 8 MiB pieces, stores each
    on the network and answers when all are stored, with the file `hash`
    (RIPEMD-160 of the ascii-hex SHA-256 of the content). 400 "Missing or invalid
    x-filesize header sent", "File size exceeds declared size", "File does not match the
    declared size"; 401 "Not authorized to store in bucket"; 500 "Invalid or expired token".

    Args:
        bucket_id (str):
        x_token (str):
        x_filesize (int):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketFile | Error]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        body=body,
        x_token=x_token,
        x_filesize=x_filesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    x_token: str,
    x_filesize: int,
) -> BucketFile | Error | None:
    """Upload a file in one multipart request with a PUSH token (bridge v0.2 to v0.6).

     Not signed: `x-token` only. The bridge shards the stream into 8 MiB pieces, stores each
    on the network and answers when all are stored, with the file `hash`
    (RIPEMD-160 of the ascii-hex SHA-256 of the content). 400 "Missing or invalid
    x-filesize header sent", "File size exceeds declared size", "File does not match the
    declared size"; 401 "Not authorized to store in bucket"; 500 "Invalid or expired token".

    Args:
        bucket_id (str):
        x_token (str):
        x_filesize (int):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketFile | Error
    """

    return sync_detailed(
        bucket_id=bucket_id,
        client=client,
        body=body,
        x_token=x_token,
        x_filesize=x_filesize,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    x_token: str,
    x_filesize: int,
) -> Response[BucketFile | Error]:
    """Upload a file in one multipart request with a PUSH token (bridge v0.2 to v0.6).

     Not signed: `x-token` only. The bridge shards the stream into 8 MiB pieces, stores each
    on the network and answers when all are stored, with the file `hash`
    (RIPEMD-160 of the ascii-hex SHA-256 of the content). 400 "Missing or invalid
    x-filesize header sent", "File size exceeds declared size", "File does not match the
    declared size"; 401 "Not authorized to store in bucket"; 500 "Invalid or expired token".

    Args:
        bucket_id (str):
        x_token (str):
        x_filesize (int):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketFile | Error]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        body=body,
        x_token=x_token,
        x_filesize=x_filesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileRequest,
    x_token: str,
    x_filesize: int,
) -> BucketFile | Error | None:
    """Upload a file in one multipart request with a PUSH token (bridge v0.2 to v0.6).

     Not signed: `x-token` only. The bridge shards the stream into 8 MiB pieces, stores each
    on the network and answers when all are stored, with the file `hash`
    (RIPEMD-160 of the ascii-hex SHA-256 of the content). 400 "Missing or invalid
    x-filesize header sent", "File size exceeds declared size", "File does not match the
    declared size"; 401 "Not authorized to store in bucket"; 500 "Invalid or expired token".

    Args:
        bucket_id (str):
        x_token (str):
        x_filesize (int):
        body (UploadFileRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketFile | Error
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            client=client,
            body=body,
            x_token=x_token,
            x_filesize=x_filesize,
        )
    ).parsed
