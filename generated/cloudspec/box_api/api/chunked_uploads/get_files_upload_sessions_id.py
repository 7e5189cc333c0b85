from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.upload_session import UploadSession
from ...types import Response


def _get_kwargs(
    upload_session_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/upload_sessions/{upload_session_id}".format(
            upload_session_id=quote(str(upload_session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientError | UploadSession | None:
    if response.status_code == 200:
        response_200 = UploadSession.from_dict(response.json())

        return response_200

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
) -> Response[ClientError | UploadSession]:
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
) -> Response[ClientError | UploadSession]:
    """The session's status.

     `num_parts_processed` counts server-side processing; it may lag behind the parts uploaded, so do not
    expect it to equal `total_parts` right after the last part.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadSession]
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
) -> ClientError | UploadSession | None:
    """The session's status.

     `num_parts_processed` counts server-side processing; it may lag behind the parts uploaded, so do not
    expect it to equal `total_parts` right after the last part.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadSession
    """

    return sync_detailed(
        upload_session_id=upload_session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClientError | UploadSession]:
    """The session's status.

     `num_parts_processed` counts server-side processing; it may lag behind the parts uploaded, so do not
    expect it to equal `total_parts` right after the last part.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientError | UploadSession]
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
) -> ClientError | UploadSession | None:
    """The session's status.

     `num_parts_processed` counts server-side processing; it may lag behind the parts uploaded, so do not
    expect it to equal `total_parts` right after the last part.

    Args:
        upload_session_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientError | UploadSession
    """

    return (
        await asyncio_detailed(
            upload_session_id=upload_session_id,
            client=client,
        )
    ).parsed
