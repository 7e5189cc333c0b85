from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/request_token/",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 403:
        response_403 = response.text
        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | str]:
    """A request token for the client pair (OAuth 1.0a, step 1).

     Signed with the client pair only; `oauth_callback` (default `oob`) is an OAuth
    parameter in the `Authorization` header, so there is no body. The service also takes
    GET. Request tokens are single-use. The user then authorizes at
    `GET /oauth/authorize/?oauth_token=<request token>` (an HTML page: a browser step, not
    an API operation, so not declared).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Error | str | None:
    """A request token for the client pair (OAuth 1.0a, step 1).

     Signed with the client pair only; `oauth_callback` (default `oob`) is an OAuth
    parameter in the `Authorization` header, so there is no body. The service also takes
    GET. Request tokens are single-use. The user then authorizes at
    `GET /oauth/authorize/?oauth_token=<request token>` (an HTML page: a browser step, not
    an API operation, so not declared).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | str]:
    """A request token for the client pair (OAuth 1.0a, step 1).

     Signed with the client pair only; `oauth_callback` (default `oob`) is an OAuth
    parameter in the `Authorization` header, so there is no body. The service also takes
    GET. Request tokens are single-use. The user then authorizes at
    `GET /oauth/authorize/?oauth_token=<request token>` (an HTML page: a browser step, not
    an API operation, so not declared).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Error | str | None:
    """A request token for the client pair (OAuth 1.0a, step 1).

     Signed with the client pair only; `oauth_callback` (default `oob`) is an OAuth
    parameter in the `Authorization` header, so there is no body. The service also takes
    GET. Request tokens are single-use. The user then authorizes at
    `GET /oauth/authorize/?oauth_token=<request token>` (an HTML page: a browser step, not
    an API operation, so not declared).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
