from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.token import Token
from ...models.token_request import TokenRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TokenRequest,
    date: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(date, Unset):
        headers["Date"] = date

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/oauth2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | Token | None:
    if response.status_code == 200:
        response_200 = Token.from_dict(response.json())

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
) -> Response[ErrorEnvelope | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    date: str | Unset = UNSET,
) -> Response[ErrorEnvelope | Token]:
    """Password grant; BCS-signed with the app's client id and secret (reference 1).

     Sign with `Authorization: BCS <client_id>:<signature>` over the method, the path, the
    form fields, `Content-Type` and `Date` (cloudspec.buttfs.auth). The answer is NOT
    wrapped in the `result` envelope. A wrong client id or secret answers the OAuth string
    form `{"error": "invalid_request"}` (BFS maps it to InvalidRequest).

    Args:
        date (str | Unset):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Token]
    """

    kwargs = _get_kwargs(
        body=body,
        date=date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    date: str | Unset = UNSET,
) -> ErrorEnvelope | Token | None:
    """Password grant; BCS-signed with the app's client id and secret (reference 1).

     Sign with `Authorization: BCS <client_id>:<signature>` over the method, the path, the
    form fields, `Content-Type` and `Date` (cloudspec.buttfs.auth). The answer is NOT
    wrapped in the `result` envelope. A wrong client id or secret answers the OAuth string
    form `{"error": "invalid_request"}` (BFS maps it to InvalidRequest).

    Args:
        date (str | Unset):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Token
    """

    return sync_detailed(
        client=client,
        body=body,
        date=date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    date: str | Unset = UNSET,
) -> Response[ErrorEnvelope | Token]:
    """Password grant; BCS-signed with the app's client id and secret (reference 1).

     Sign with `Authorization: BCS <client_id>:<signature>` over the method, the path, the
    form fields, `Content-Type` and `Date` (cloudspec.buttfs.auth). The answer is NOT
    wrapped in the `result` envelope. A wrong client id or secret answers the OAuth string
    form `{"error": "invalid_request"}` (BFS maps it to InvalidRequest).

    Args:
        date (str | Unset):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Token]
    """

    kwargs = _get_kwargs(
        body=body,
        date=date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    date: str | Unset = UNSET,
) -> ErrorEnvelope | Token | None:
    """Password grant; BCS-signed with the app's client id and secret (reference 1).

     Sign with `Authorization: BCS <client_id>:<signature>` over the method, the path, the
    form fields, `Content-Type` and `Date` (cloudspec.buttfs.auth). The answer is NOT
    wrapped in the `result` envelope. A wrong client id or secret answers the OAuth string
    form `{"error": "invalid_request"}` (BFS maps it to InvalidRequest).

    Args:
        date (str | Unset):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Token
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            date=date,
        )
    ).parsed
