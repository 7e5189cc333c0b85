from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.register_user_request import RegisterUserRequest
from ...models.user import User
from ...types import Response


def _get_kwargs(
    *,
    body: RegisterUserRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | User | None:
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = User.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterUserRequest,
) -> Response[Error | User]:
    """Register an account; the bridge emails an activation link.

     No auth. `password` is the SHA-256 hex of the plaintext. With `pubkey`, that key is
    registered too. 200 up to v0.10, 201 from v0.11. Failures in this era are 500
    ("Email is already registered", "Password must be hex encoded SHA-256 hash").

    Args:
        body (RegisterUserRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | User]
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
    body: RegisterUserRequest,
) -> Error | User | None:
    """Register an account; the bridge emails an activation link.

     No auth. `password` is the SHA-256 hex of the plaintext. With `pubkey`, that key is
    registered too. 200 up to v0.10, 201 from v0.11. Failures in this era are 500
    ("Email is already registered", "Password must be hex encoded SHA-256 hash").

    Args:
        body (RegisterUserRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | User
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterUserRequest,
) -> Response[Error | User]:
    """Register an account; the bridge emails an activation link.

     No auth. `password` is the SHA-256 hex of the plaintext. With `pubkey`, that key is
    registered too. 200 up to v0.10, 201 from v0.11. Failures in this era are 500
    ("Email is already registered", "Password must be hex encoded SHA-256 hash").

    Args:
        body (RegisterUserRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | User]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RegisterUserRequest,
) -> Error | User | None:
    """Register an account; the bridge emails an activation link.

     No auth. `password` is the SHA-256 hex of the plaintext. With `pubkey`, that key is
    registered too. 200 up to v0.10, 201 from v0.11. Failures in this era are 500
    ("Email is already registered", "Password must be hex encoded SHA-256 hash").

    Args:
        body (RegisterUserRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | User
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
