from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bucket import Bucket
from ...models.bucket_request import BucketRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: BucketRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/buckets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Bucket | Error | None:
    if response.status_code == 200:
        response_200 = Bucket.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Bucket.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Bucket | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketRequest,
) -> Response[Bucket | Error]:
    """Create a bucket (a signing key is added to `pubkeys` by the bridge).

     v0.2 defaults: storage 10, transfer 30, name "New Bucket". The keys in `pubkeys` may
    create tokens for the bucket even when they are registered to no account (1.2 rule 9).
    200 up to v0.10, 201 from v0.11.

    Args:
        body (BucketRequest): Create (every field optional) or update (only the fields sent
            change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bucket | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BucketRequest,
) -> Bucket | Error | None:
    """Create a bucket (a signing key is added to `pubkeys` by the bridge).

     v0.2 defaults: storage 10, transfer 30, name "New Bucket". The keys in `pubkeys` may
    create tokens for the bucket even when they are registered to no account (1.2 rule 9).
    200 up to v0.10, 201 from v0.11.

    Args:
        body (BucketRequest): Create (every field optional) or update (only the fields sent
            change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bucket | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketRequest,
) -> Response[Bucket | Error]:
    """Create a bucket (a signing key is added to `pubkeys` by the bridge).

     v0.2 defaults: storage 10, transfer 30, name "New Bucket". The keys in `pubkeys` may
    create tokens for the bucket even when they are registered to no account (1.2 rule 9).
    200 up to v0.10, 201 from v0.11.

    Args:
        body (BucketRequest): Create (every field optional) or update (only the fields sent
            change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bucket | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BucketRequest,
) -> Bucket | Error | None:
    """Create a bucket (a signing key is added to `pubkeys` by the bridge).

     v0.2 defaults: storage 10, transfer 30, name "New Bucket". The keys in `pubkeys` may
    create tokens for the bucket even when they are registered to no account (1.2 rule 9).
    200 up to v0.10, 201 from v0.11.

    Args:
        body (BucketRequest): Create (every field optional) or update (only the fields sent
            change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bucket | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
