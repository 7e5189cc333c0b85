from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...types import Response


def _get_kwargs(
    upload_session_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/files/upload_sessions/{upload_session_id}".format(
            upload_session_id=quote(str(upload_session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ClientError | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = ClientError.from_dict(response.json())

        return response_410

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ClientError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ClientError]:
    """Abort the session and discard its parts.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ClientError | None:
    """Abort the session and discard its parts.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError
    """

    return sync_detailed(
        upload_session_id=upload_session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ClientError]:
    """Abort the session and discard its parts.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ClientError | None:
    """Abort the session and discard its parts.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError
    """

    return (
        await asyncio_detailed(
            upload_session_id=upload_session_id,
            client=client,
        )
    ).parsed
