from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.o_auth_2_error import OAuth2Error
from ...models.token_request import TokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessToken | OAuth2Error | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuth2Error.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessToken | OAuth2Error]:
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
) -> Response[AccessToken | OAuth2Error]:
    """Exchange an authorization code, or a refresh token, for a token pair.

     One operation for both grants (the official document splits them into
    `/oauth2/token` and the variation `/oauth2/token#refresh`, which is not a real path).
    Every refresh invalidates the refresh token it used and returns a new one: persist the
    new pair before using it, and serialize refreshes.

    Args:
        body (TokenRequest): Form body of POST /oauth2/token for the authorization_code grant
            (`code`, plus `redirect_uri` if the authorize call had one) or the refresh_token grant
            (`refresh_token`). `client_id` and `client_secret` are always sent. Extra form fields
            (e.g. box_device_id, box_device_name) go in additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuth2Error]
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
    body: TokenRequest,
) -> AccessToken | OAuth2Error | None:
    """Exchange an authorization code, or a refresh token, for a token pair.

     One operation for both grants (the official document splits them into
    `/oauth2/token` and the variation `/oauth2/token#refresh`, which is not a real path).
    Every refresh invalidates the refresh token it used and returns a new one: persist the
    new pair before using it, and serialize refreshes.

    Args:
        body (TokenRequest): Form body of POST /oauth2/token for the authorization_code grant
            (`code`, plus `redirect_uri` if the authorize call had one) or the refresh_token grant
            (`refresh_token`). `client_id` and `client_secret` are always sent. Extra form fields
            (e.g. box_device_id, box_device_name) go in additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuth2Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[AccessToken | OAuth2Error]:
    """Exchange an authorization code, or a refresh token, for a token pair.

     One operation for both grants (the official document splits them into
    `/oauth2/token` and the variation `/oauth2/token#refresh`, which is not a real path).
    Every refresh invalidates the refresh token it used and returns a new one: persist the
    new pair before using it, and serialize refreshes.

    Args:
        body (TokenRequest): Form body of POST /oauth2/token for the authorization_code grant
            (`code`, plus `redirect_uri` if the authorize call had one) or the refresh_token grant
            (`refresh_token`). `client_id` and `client_secret` are always sent. Extra form fields
            (e.g. box_device_id, box_device_name) go in additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuth2Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> AccessToken | OAuth2Error | None:
    """Exchange an authorization code, or a refresh token, for a token pair.

     One operation for both grants (the official document splits them into
    `/oauth2/token` and the variation `/oauth2/token#refresh`, which is not a real path).
    Every refresh invalidates the refresh token it used and returns a new one: persist the
    new pair before using it, and serialize refreshes.

    Args:
        body (TokenRequest): Form body of POST /oauth2/token for the authorization_code grant
            (`code`, plus `redirect_uri` if the authorize call had one) or the refresh_token grant
            (`refresh_token`). `client_id` and `client_secret` are always sent. Extra form fields
            (e.g. box_device_id, box_device_name) go in additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuth2Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
