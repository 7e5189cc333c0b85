from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.token import Token
from ...models.token_request import TokenRequest
from ...types import Response


def _get_kwargs(
    bucket_id: str,
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/buckets/{bucket_id}/tokens".format(
            bucket_id=quote(str(bucket_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Token | None:
    if response.status_code == 200:
        response_200 = Token.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Token.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Error | Token]:
    """A single-use PUSH or PULL token for the bucket, valid for 5 minutes.

     Signed by the account, or by any key listed in the bucket's `pubkeys` (1.2 rule 9).
    The token is used up by its first request (1.4). 200 up to v0.10, 201 from v0.11.

    Args:
        bucket_id (str):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Token]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Error | Token | None:
    """A single-use PUSH or PULL token for the bucket, valid for 5 minutes.

     Signed by the account, or by any key listed in the bucket's `pubkeys` (1.2 rule 9).
    The token is used up by its first request (1.4). 200 up to v0.10, 201 from v0.11.

    Args:
        bucket_id (str):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Token
    """

    return sync_detailed(
        bucket_id=bucket_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[Error | Token]:
    """A single-use PUSH or PULL token for the bucket, valid for 5 minutes.

     Signed by the account, or by any key listed in the bucket's `pubkeys` (1.2 rule 9).
    The token is used up by its first request (1.4). 200 up to v0.10, 201 from v0.11.

    Args:
        bucket_id (str):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Token]
    """

    kwargs = _get_kwargs(
        bucket_id=bucket_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bucket_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Error | Token | None:
    """A single-use PUSH or PULL token for the bucket, valid for 5 minutes.

     Signed by the account, or by any key listed in the bucket's `pubkeys` (1.2 rule 9).
    The token is used up by its first request (1.4). 200 up to v0.10, 201 from v0.11.

    Args:
        bucket_id (str):
        body (TokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Token
    """

    return (
        await asyncio_detailed(
            bucket_id=bucket_id,
            client=client,
            body=body,
        )
    ).parsed
