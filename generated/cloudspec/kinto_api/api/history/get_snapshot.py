from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kinto_error import KintoError
from ...models.record_list import RecordList
from ...types import Response


def _get_kwargs(
    bucket_id: str,
    collection_id: str,
    timestamp: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/buckets/{bucket_id}/snapshot/collections/{collection_id}@{timestamp}".format(
            bucket_id=quote(str(bucket_id), safe=""),
            collection_id=quote(str(collection_id), safe=""),
            timestamp=quote(str(timestamp), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KintoError | RecordList | None:
    if response.status_code == 200:
        response_200 = RecordList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = KintoError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = KintoError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = KintoError.from_dict(response.json())

        return response_403

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
) -> Response[KintoError | RecordList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    collection_id: str,
    timestamp: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KintoError | RecordList]:
    """The records of a collection as they were at a timestamp, rebuilt from history.

     An unknown collection gives an empty list, not 404 (Kinto PR #3601).

    Args:
        bucket_id (str):
        collection_id (str):
        timestamp (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | RecordList]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        timestamp=timestamp,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    collection_id: str,
    timestamp: int,
    *,
    client: AuthenticatedClient | Client,
) -> KintoError | RecordList | None:
    """The records of a collection as they were at a timestamp, rebuilt from history.

     An unknown collection gives an empty list, not 404 (Kinto PR #3601).

    Args:
        bucket_id (str):
        collection_id (str):
        timestamp (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | RecordList
    """

    return sync_detailed(
        bucket_id=bucket_id,
        collection_id=collection_id,
        timestamp=timestamp,
        client=client,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    collection_id: str,
    timestamp: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KintoError | RecordList]:
    """The records of a collection as they were at a timestamp, rebuilt from history.

     An unknown collection gives an empty list, not 404 (Kinto PR #3601).

    Args:
        bucket_id (str):
        collection_id (str):
        timestamp (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | RecordList]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        collection_id=collection_id,
        timestamp=timestamp,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    collection_id: str,
    timestamp: int,
    *,
    client: AuthenticatedClient | Client,
) -> KintoError | RecordList | None:
    """The records of a collection as they were at a timestamp, rebuilt from history.

     An unknown collection gives an empty list, not 404 (Kinto PR #3601).

    Args:
        bucket_id (str):
        collection_id (str):
        timestamp (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | RecordList
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            collection_id=collection_id,
            timestamp=timestamp,
            client=client,
        )
    ).parsed
