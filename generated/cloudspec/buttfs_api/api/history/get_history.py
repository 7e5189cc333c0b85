from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.history_envelope import HistoryEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start: int | Unset = UNSET,
    stop: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start"] = start

    params["stop"] = stop

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/history",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | HistoryEnvelope | None:
    if response.status_code == 200:
        response_200 = HistoryEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | HistoryEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: int | Unset = UNSET,
    stop: int | Unset = UNSET,
) -> Response[ErrorEnvelope | HistoryEnvelope]:
    """Recent actions.

    Args:
        start (int | Unset):
        stop (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HistoryEnvelope]
    """

    kwargs = _get_kwargs(
        start=start,
        stop=stop,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    start: int | Unset = UNSET,
    stop: int | Unset = UNSET,
) -> ErrorEnvelope | HistoryEnvelope | None:
    """Recent actions.

    Args:
        start (int | Unset):
        stop (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HistoryEnvelope
    """

    return sync_detailed(
        client=client,
        start=start,
        stop=stop,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start: int | Unset = UNSET,
    stop: int | Unset = UNSET,
) -> Response[ErrorEnvelope | HistoryEnvelope]:
    """Recent actions.

    Args:
        start (int | Unset):
        stop (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HistoryEnvelope]
    """

    kwargs = _get_kwargs(
        start=start,
        stop=stop,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start: int | Unset = UNSET,
    stop: int | Unset = UNSET,
) -> ErrorEnvelope | HistoryEnvelope | None:
    """Recent actions.

    Args:
        start (int | Unset):
        stop (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HistoryEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            start=start,
            stop=stop,
        )
    ).parsed
