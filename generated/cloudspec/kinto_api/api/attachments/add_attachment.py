from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attachment import Attachment
from ...models.attachment_upload import AttachmentUpload
from ...models.kinto_error import KintoError
from ...types import Response


def _get_kwargs(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    body: AttachmentUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/buckets/{bucket_id}/collections/{collection_id}/records/{record_id}/attachment".format(
            bucket_id=quote(str(bucket_id), safe=""),
            collection_id=quote(str(collection_id), safe=""),
            record_id=quote(str(record_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Attachment | KintoError | None:
    if response.status_code == 200:
        response_200 = Attachment.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Attachment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = KintoError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = KintoError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = KintoError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = KintoError.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = KintoError.from_dict(response.json())

        return response_405

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Attachment | KintoError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentUpload,
) -> Response[Attachment | KintoError]:
    """Attach a file to a record (creating the record if needed), replacing any previous attachment.

     `multipart/form-data` with the file in the `attachment` part (a file part: it must
    have a filename) and, optionally, `data` (record fields to merge, a JSON object) and
    `permissions` (record permissions, a JSON object) parts. Any other part name is
    rejected with 400. The file's sha256, size, name and type are stored in the record's
    `attachment` field (any `attachment` key in `data` is overwritten); the answer is that
    metadata, not the record. Download the file from
    `urljoin(capabilities.attachments.base_url, attachment.location)` (`location` is a full
    URL when the server sets a `base_url`, relative otherwise).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):
        body (AttachmentUpload): multipart/form-data body of `add_attachment`: the file, plus
            optional record `data` and `permissions` sent as JSON parts (`{"title": "x"}`, `{"read":
            ["system.Everyone"]}`). No other part is accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | KintoError]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentUpload,
) -> Attachment | KintoError | None:
    """Attach a file to a record (creating the record if needed), replacing any previous attachment.

     `multipart/form-data` with the file in the `attachment` part (a file part: it must
    have a filename) and, optionally, `data` (record fields to merge, a JSON object) and
    `permissions` (record permissions, a JSON object) parts. Any other part name is
    rejected with 400. The file's sha256, size, name and type are stored in the record's
    `attachment` field (any `attachment` key in `data` is overwritten); the answer is that
    metadata, not the record. Download the file from
    `urljoin(capabilities.attachments.base_url, attachment.location)` (`location` is a full
    URL when the server sets a `base_url`, relative otherwise).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):
        body (AttachmentUpload): multipart/form-data body of `add_attachment`: the file, plus
            optional record `data` and `permissions` sent as JSON parts (`{"title": "x"}`, `{"read":
            ["system.Everyone"]}`). No other part is accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | KintoError
    """

    return sync_detailed(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentUpload,
) -> Response[Attachment | KintoError]:
    """Attach a file to a record (creating the record if needed), replacing any previous attachment.

     `multipart/form-data` with the file in the `attachment` part (a file part: it must
    have a filename) and, optionally, `data` (record fields to merge, a JSON object) and
    `permissions` (record permissions, a JSON object) parts. Any other part name is
    rejected with 400. The file's sha256, size, name and type are stored in the record's
    `attachment` field (any `attachment` key in `data` is overwritten); the answer is that
    metadata, not the record. Download the file from
    `urljoin(capabilities.attachments.base_url, attachment.location)` (`location` is a full
    URL when the server sets a `base_url`, relative otherwise).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):
        body (AttachmentUpload): multipart/form-data body of `add_attachment`: the file, plus
            optional record `data` and `permissions` sent as JSON parts (`{"title": "x"}`, `{"read":
            ["system.Everyone"]}`). No other part is accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attachment | KintoError]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AttachmentUpload,
) -> Attachment | KintoError | None:
    """Attach a file to a record (creating the record if needed), replacing any previous attachment.

     `multipart/form-data` with the file in the `attachment` part (a file part: it must
    have a filename) and, optionally, `data` (record fields to merge, a JSON object) and
    `permissions` (record permissions, a JSON object) parts. Any other part name is
    rejected with 400. The file's sha256, size, name and type are stored in the record's
    `attachment` field (any `attachment` key in `data` is overwritten); the answer is that
    metadata, not the record. Download the file from
    `urljoin(capabilities.attachments.base_url, attachment.location)` (`location` is a full
    URL when the server sets a `base_url`, relative otherwise).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):
        body (AttachmentUpload): multipart/form-data body of `add_attachment`: the file, plus
            optional record `data` and `permissions` sent as JSON parts (`{"title": "x"}`, `{"read":
            ["system.Everyone"]}`). No other part is accepted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attachment | KintoError
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            collection_id=collection_id,
            record_id=record_id,
            client=client,
            body=body,
        )
    ).parsed
