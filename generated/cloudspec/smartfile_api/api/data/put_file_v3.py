from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.path_info import PathInfo
from ...models.validation_error import ValidationError
from ...types import File, Response


def _get_kwargs(
    path: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/3/path/data/{path}".format(
            path=quote(str(path).lstrip("/"), safe="/"),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | PathInfo | None:
    if response.status_code == 200:
        response_200 = PathInfo.from_dict(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> Error | ValidationError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_400_type_0 = Error.from_dict(data)

                return response_400_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_400_type_1 = ValidationError.from_dict(data)

            return response_400_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | Error | ValidationError | PathInfo]:
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
    body: File,
) -> Response[Error | Error | ValidationError | PathInfo]:
    """Create or replace the file `path` with the raw request body (v3).

     The body is the file content (`application/octet-stream`, streamed by the overlay).
    Answers 200 with the info object of the stored file. The real service may answer 200
    with `{"status": 400, "detail": "..."}` on failure (NODE, 2.1): the overlay checks for
    `detail` before it reads an info object; the emulator never does this.

    Args:
        path (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | PathInfo]
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
    body: File,
) -> Error | Error | ValidationError | PathInfo | None:
    """Create or replace the file `path` with the raw request body (v3).

     The body is the file content (`application/octet-stream`, streamed by the overlay).
    Answers 200 with the info object of the stored file. The real service may answer 200
    with `{"status": 400, "detail": "..."}` on failure (NODE, 2.1): the overlay checks for
    `detail` before it reads an info object; the emulator never does this.

    Args:
        path (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | PathInfo
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
    body: File,
) -> Response[Error | Error | ValidationError | PathInfo]:
    """Create or replace the file `path` with the raw request body (v3).

     The body is the file content (`application/octet-stream`, streamed by the overlay).
    Answers 200 with the info object of the stored file. The real service may answer 200
    with `{"status": 400, "detail": "..."}` on failure (NODE, 2.1): the overlay checks for
    `detail` before it reads an info object; the emulator never does this.

    Args:
        path (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | PathInfo]
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
    body: File,
) -> Error | Error | ValidationError | PathInfo | None:
    """Create or replace the file `path` with the raw request body (v3).

     The body is the file content (`application/octet-stream`, streamed by the overlay).
    Answers 200 with the info object of the stored file. The real service may answer 200
    with `{"status": 400, "detail": "..."}` on failure (NODE, 2.1): the overlay checks for
    `detail` before it reads an info object; the emulator never does this.

    Args:
        path (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | PathInfo
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            body=body,
        )
    ).parsed
