from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.any_envelope import AnyEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.restore_request import RestoreRequest
from ...types import Response


def _get_kwargs(
    path: str,
    *,
    body: RestoreRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/trash{path}".format(
            path=quote(str(path), safe="/"),
        ),
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnyEnvelope | ErrorEnvelope | None:
    if response.status_code == 200:
        response_200 = AnyEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AnyEnvelope | ErrorEnvelope]:
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
    body: RestoreRequest,
) -> Response[AnyEnvelope | ErrorEnvelope]:
    """Restore a trashed item (`restore=fail|rescue|recreate`).

     * `fail`: back to the original location, error when impossible;
    * `rescue`: when the original location is gone, into `rescue-path` (an ID path,
      default root);
    * `recreate`: re-create the NAME path `recreate-path` (e.g. `/depth1/depth2`) and
      restore into it.
    Name conflicts answered 9999 in the BFS tests; restoring into a trashed folder 2039.

    Args:
        path (str):
        body (RestoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnyEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: RestoreRequest,
) -> AnyEnvelope | ErrorEnvelope | None:
    """Restore a trashed item (`restore=fail|rescue|recreate`).

     * `fail`: back to the original location, error when impossible;
    * `rescue`: when the original location is gone, into `rescue-path` (an ID path,
      default root);
    * `recreate`: re-create the NAME path `recreate-path` (e.g. `/depth1/depth2`) and
      restore into it.
    Name conflicts answered 9999 in the BFS tests; restoring into a trashed folder 2039.

    Args:
        path (str):
        body (RestoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnyEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: RestoreRequest,
) -> Response[AnyEnvelope | ErrorEnvelope]:
    """Restore a trashed item (`restore=fail|rescue|recreate`).

     * `fail`: back to the original location, error when impossible;
    * `rescue`: when the original location is gone, into `rescue-path` (an ID path,
      default root);
    * `recreate`: re-create the NAME path `recreate-path` (e.g. `/depth1/depth2`) and
      restore into it.
    Name conflicts answered 9999 in the BFS tests; restoring into a trashed folder 2039.

    Args:
        path (str):
        body (RestoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnyEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: RestoreRequest,
) -> AnyEnvelope | ErrorEnvelope | None:
    """Restore a trashed item (`restore=fail|rescue|recreate`).

     * `fail`: back to the original location, error when impossible;
    * `rescue`: when the original location is gone, into `rescue-path` (an ID path,
      default root);
    * `recreate`: re-create the NAME path `recreate-path` (e.g. `/depth1/depth2`) and
      restore into it.
    Name conflicts answered 9999 in the BFS tests; restoring into a trashed folder 2039.

    Args:
        path (str):
        body (RestoreRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnyEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            body=body,
        )
    ).parsed
