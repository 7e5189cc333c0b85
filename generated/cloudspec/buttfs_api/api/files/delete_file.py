from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.boolean_string import BooleanString
from ...models.error_envelope import ErrorEnvelope
from ...models.success_envelope import SuccessEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    path: str,
    *,
    commit: BooleanString | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_commit: str | Unset = UNSET
    if not isinstance(commit, Unset):
        json_commit = commit

    params["commit"] = json_commit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/files{path}".format(
            path=quote(str(path), safe="/"),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SuccessEnvelope | None:
    if response.status_code == 200:
        response_200 = SuccessEnvelope.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SuccessEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    commit: BooleanString | Unset = UNSET,
) -> Response[ErrorEnvelope | SuccessEnvelope]:
    """Move a file to the trash, or delete it for good (`commit=true`).

     No `force` (PHP deleteFile sends `force`: probably wrong, not modelled).

    Args:
        path (str):
        commit (BooleanString | Unset): A boolean as the strings `true` / `false` (DECISION, see
            the header).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SuccessEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        commit=commit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    commit: BooleanString | Unset = UNSET,
) -> ErrorEnvelope | SuccessEnvelope | None:
    """Move a file to the trash, or delete it for good (`commit=true`).

     No `force` (PHP deleteFile sends `force`: probably wrong, not modelled).

    Args:
        path (str):
        commit (BooleanString | Unset): A boolean as the strings `true` / `false` (DECISION, see
            the header).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SuccessEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        commit=commit,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    commit: BooleanString | Unset = UNSET,
) -> Response[ErrorEnvelope | SuccessEnvelope]:
    """Move a file to the trash, or delete it for good (`commit=true`).

     No `force` (PHP deleteFile sends `force`: probably wrong, not modelled).

    Args:
        path (str):
        commit (BooleanString | Unset): A boolean as the strings `true` / `false` (DECISION, see
            the header).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SuccessEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        commit=commit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    commit: BooleanString | Unset = UNSET,
) -> ErrorEnvelope | SuccessEnvelope | None:
    """Move a file to the trash, or delete it for good (`commit=true`).

     No `force` (PHP deleteFile sends `force`: probably wrong, not modelled).

    Args:
        path (str):
        commit (BooleanString | Unset): A boolean as the strings `true` / `false` (DECISION, see
            the header).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SuccessEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            commit=commit,
        )
    ).parsed
