from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kinto_error import KintoError
from ...models.user_data_deletion import UserDataDeletion
from ...types import Response


def _get_kwargs(
    principal: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/__user_data__/{principal}".format(
            principal=quote(str(principal), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KintoError | UserDataDeletion | None:
    if response.status_code == 200:
        response_200 = UserDataDeletion.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KintoError | UserDataDeletion]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KintoError | UserDataDeletion]:
    """Delete every object owned by a principal and remove it from every ACL and group.

     An object is "owned" when the principal is the only one in its `write` permission. Requires the
    `delete` permission on the route (admin principals).

    Args:
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | UserDataDeletion]
    """

    kwargs = _get_kwargs(
        principal=principal,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> KintoError | UserDataDeletion | None:
    """Delete every object owned by a principal and remove it from every ACL and group.

     An object is "owned" when the principal is the only one in its `write` permission. Requires the
    `delete` permission on the route (admin principals).

    Args:
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | UserDataDeletion
    """

    return sync_detailed(
        principal=principal,
        client=client,
    ).parsed


async def asyncio_detailed(
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[KintoError | UserDataDeletion]:
    """Delete every object owned by a principal and remove it from every ACL and group.

     An object is "owned" when the principal is the only one in its `write` permission. Requires the
    `delete` permission on the route (admin principals).

    Args:
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KintoError | UserDataDeletion]
    """

    kwargs = _get_kwargs(
        principal=principal,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    principal: str,
    *,
    client: AuthenticatedClient | Client,
) -> KintoError | UserDataDeletion | None:
    """Delete every object owned by a principal and remove it from every ACL and group.

     An object is "owned" when the principal is the only one in its `write` permission. Requires the
    `delete` permission on the route (admin principals).

    Args:
        principal (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KintoError | UserDataDeletion
    """

    return (
        await asyncio_detailed(
            principal=principal,
            client=client,
        )
    ).parsed
