from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kinto_error import KintoError
from ...types import Response


def _get_kwargs(
    bucket_id: str,
    collection_id: str,
    record_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/buckets/{bucket_id}/collections/{collection_id}/records/{record_id}/attachment".format(
            bucket_id=quote(str(bucket_id), safe=""),
            collection_id=quote(str(collection_id), safe=""),
            record_id=quote(str(record_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | KintoError | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | KintoError]:
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
) -> Response[Any | KintoError]:
    """Remove a record's attachment (the file is deleted, the record keeps `attachment` set to null).

     Idempotent: 204 also when the record has no attachment. Quirk: a record that does not exist is
    created as `{"attachment": null}` (still 204).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | KintoError]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
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
) -> Any | KintoError | None:
    """Remove a record's attachment (the file is deleted, the record keeps `attachment` set to null).

     Idempotent: 204 also when the record has no attachment. Quirk: a record that does not exist is
    created as `{"attachment": null}` (still 204).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | KintoError
    """

    return sync_detailed(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | KintoError]:
    """Remove a record's attachment (the file is deleted, the record keeps `attachment` set to null).

     Idempotent: 204 also when the record has no attachment. Quirk: a record that does not exist is
    created as `{"attachment": null}` (still 204).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | KintoError]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        record_id=record_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    collection_id: str,
    record_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | KintoError | None:
    """Remove a record's attachment (the file is deleted, the record keeps `attachment` set to null).

     Idempotent: 204 also when the record has no attachment. Quirk: a record that does not exist is
    created as `{"attachment": null}` (still 204).

    Args:
        bucket_id (str):
        collection_id (str):
        record_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | KintoError
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            collection_id=collection_id,
            record_id=record_id,
            client=client,
        )
    ).parsed
