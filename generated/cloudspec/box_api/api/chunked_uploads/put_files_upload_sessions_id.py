from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.uploaded_part import UploadedPart
from ...types import File, Response


def _get_kwargs(
    upload_session_id: str,
    *,
    body: File,
    digest: str,
    content_range: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["digest"] = digest

    headers["content-range"] = content_range

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/files/upload_sessions/{upload_session_id}".format(
            upload_session_id=quote(str(upload_session_id), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | UploadedPart | None:
    if response.status_code == 200:
        response_200 = UploadedPart.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ClientError.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ClientError.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = ClientError.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = ClientError.from_dict(response.json())

        return response_412

    if response.status_code == 416:
        response_416 = ClientError.from_dict(response.json())

        return response_416

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClientError | UploadedPart]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    digest: str,
    content_range: str,
) -> Response[ClientError | UploadedPart]:
    """Upload one part.

     Every part but the last is exactly `part_size` bytes, starting at a multiple of
    `part_size`; parts are immutable. A trailing empty part is never sent (a size that is
    a multiple of `part_size` ends with a full part). Box recommends 3 to 5 parts in
    parallel. The answer's `part.sha1` is HEX while the `digest` header is BASE64.

    Args:
        upload_session_id (str):
        digest (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadedPart]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
        body=body,
        digest=digest,
        content_range=content_range,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    digest: str,
    content_range: str,
) -> ClientError | UploadedPart | None:
    """Upload one part.

     Every part but the last is exactly `part_size` bytes, starting at a multiple of
    `part_size`; parts are immutable. A trailing empty part is never sent (a size that is
    a multiple of `part_size` ends with a full part). Box recommends 3 to 5 parts in
    parallel. The answer's `part.sha1` is HEX while the `digest` header is BASE64.

    Args:
        upload_session_id (str):
        digest (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadedPart
    """

    return sync_detailed(
        upload_session_id=upload_session_id,
        client=client,
        body=body,
        digest=digest,
        content_range=content_range,
    ).parsed


async def asyncio_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    digest: str,
    content_range: str,
) -> Response[ClientError | UploadedPart]:
    """Upload one part.

     Every part but the last is exactly `part_size` bytes, starting at a multiple of
    `part_size`; parts are immutable. A trailing empty part is never sent (a size that is
    a multiple of `part_size` ends with a full part). Box recommends 3 to 5 parts in
    parallel. The answer's `part.sha1` is HEX while the `digest` header is BASE64.

    Args:
        upload_session_id (str):
        digest (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadedPart]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
        body=body,
        digest=digest,
        content_range=content_range,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    digest: str,
    content_range: str,
) -> ClientError | UploadedPart | None:
    """Upload one part.

     Every part but the last is exactly `part_size` bytes, starting at a multiple of
    `part_size`; parts are immutable. A trailing empty part is never sent (a size that is
    a multiple of `part_size` ends with a full part). Box recommends 3 to 5 parts in
    parallel. The answer's `part.sha1` is HEX while the `digest` header is BASE64.

    Args:
        upload_session_id (str):
        digest (str):
        content_range (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadedPart
    """

    return (
        await asyncio_detailed(
            upload_session_id=upload_session_id,
            client=client,
            body=body,
            digest=digest,
            content_range=content_range,
        )
    ).parsed
