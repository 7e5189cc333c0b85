from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_customer_request import CreateCustomerRequest
from ...models.error_envelope import ErrorEnvelope
from ...models.user_profile_envelope import UserProfileEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateCustomerRequest,
    date: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(date, Unset):
        headers["Date"] = date

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/admin/cloudfs/customers/",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | UserProfileEnvelope | None:
    if response.status_code == 200:
        response_200 = UserProfileEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | UserProfileEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateCustomerRequest,
    date: str | Unset = UNSET,
) -> Response[ErrorEnvelope | UserProfileEnvelope]:
    """Create a user; BCS-signed with the ADMIN client id and secret.

     DECISION: sent to the app's own host (PY10, AND, IOS), not access.bitcasa.com (PHP, RB).
    The trailing slash is part of the signed path. PY10 warned the real server "will almost
    certainly 500".

    Args:
        date (str | Unset):
        body (CreateCustomerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserProfileEnvelope]
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
    body: CreateCustomerRequest,
    date: str | Unset = UNSET,
) -> ErrorEnvelope | UserProfileEnvelope | None:
    """Create a user; BCS-signed with the ADMIN client id and secret.

     DECISION: sent to the app's own host (PY10, AND, IOS), not access.bitcasa.com (PHP, RB).
    The trailing slash is part of the signed path. PY10 warned the real server "will almost
    certainly 500".

    Args:
        date (str | Unset):
        body (CreateCustomerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserProfileEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        date=date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateCustomerRequest,
    date: str | Unset = UNSET,
) -> Response[ErrorEnvelope | UserProfileEnvelope]:
    """Create a user; BCS-signed with the ADMIN client id and secret.

     DECISION: sent to the app's own host (PY10, AND, IOS), not access.bitcasa.com (PHP, RB).
    The trailing slash is part of the signed path. PY10 warned the real server "will almost
    certainly 500".

    Args:
        date (str | Unset):
        body (CreateCustomerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | UserProfileEnvelope]
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
    body: CreateCustomerRequest,
    date: str | Unset = UNSET,
) -> ErrorEnvelope | UserProfileEnvelope | None:
    """Create a user; BCS-signed with the ADMIN client id and secret.

     DECISION: sent to the app's own host (PY10, AND, IOS), not access.bitcasa.com (PHP, RB).
    The trailing slash is part of the signed path. PY10 warned the real server "will almost
    certainly 500".

    Args:
        date (str | Unset):
        body (CreateCustomerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | UserProfileEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            date=date,
        )
    ).parsed
