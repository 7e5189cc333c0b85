from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bucket_envelope import BucketEnvelope
from ...models.bucket_write import BucketWrite
from ...models.kinto_error import KintoError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BucketWrite | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/buckets",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BucketEnvelope | KintoError | None:
    if response.status_code == 200:
        response_200 = BucketEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BucketEnvelope.from_dict(response.json())

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

    if response.status_code == 405:
        response_405 = KintoError.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = KintoError.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = KintoError.from_dict(response.json())

        return response_412

    if response.status_code == 415:
        response_415 = KintoError.from_dict(response.json())

        return response_415

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BucketEnvelope | KintoError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketWrite | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[BucketEnvelope | KintoError]:
    """Create a bucket (the id may be given in data.id).

    Args:
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (BucketWrite | Unset): PUT / POST body, and PATCH body for `application/json`
            (shallow merge).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketEnvelope | KintoError]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BucketWrite | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> BucketEnvelope | KintoError | None:
    """Create a bucket (the id may be given in data.id).

    Args:
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (BucketWrite | Unset): PUT / POST body, and PATCH body for `application/json`
            (shallow merge).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketEnvelope | KintoError
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BucketWrite | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[BucketEnvelope | KintoError]:
    """Create a bucket (the id may be given in data.id).

    Args:
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (BucketWrite | Unset): PUT / POST body, and PATCH body for `application/json`
            (shallow merge).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BucketEnvelope | KintoError]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BucketWrite | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> BucketEnvelope | KintoError | None:
    """Create a bucket (the id may be given in data.id).

    Args:
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (BucketWrite | Unset): PUT / POST body, and PATCH body for `application/json`
            (shallow merge).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BucketEnvelope | KintoError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
