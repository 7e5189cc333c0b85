from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kinto_error import KintoError
from ...models.tombstone_envelope import TombstoneEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    bucket_id: str,
    group_id: str,
    *,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/buckets/{bucket_id}/groups/{group_id}".format(
            bucket_id=quote(str(bucket_id), safe=""),
            group_id=quote(str(group_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KintoError | TombstoneEnvelope | None:
    if response.status_code == 200:
        response_200 = TombstoneEnvelope.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = KintoError.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = KintoError.from_dict(response.json())

        return response_405

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = KintoError.from_dict(response.json())

        return response_412

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KintoError | TombstoneEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[KintoError | TombstoneEnvelope]:
    """Delete a group.

    Args:
        bucket_id (str):
        group_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | TombstoneEnvelope]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        group_id=group_id,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> KintoError | TombstoneEnvelope | None:
    """Delete a group.

    Args:
        bucket_id (str):
        group_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | TombstoneEnvelope
    """

    return sync_detailed(
        bucket_id=bucket_id,
        group_id=group_id,
        client=client,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[KintoError | TombstoneEnvelope]:
    """Delete a group.

    Args:
        bucket_id (str):
        group_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | TombstoneEnvelope]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        group_id=group_id,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> KintoError | TombstoneEnvelope | None:
    """Delete a group.

    Args:
        bucket_id (str):
        group_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | TombstoneEnvelope
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            group_id=group_id,
            client=client,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
