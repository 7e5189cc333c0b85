from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.validation_error import ValidationError
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    path: str,
    *,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/2/path/data/{path}".format(
            path=quote(str(path).lstrip("/"), safe="/"),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Error | ValidationError | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

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

    if response.status_code == 416:
        response_416 = Error.from_dict(response.json())

        return response_416

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
) -> Response[Error | Error | ValidationError | File]:
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
    range_: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | File]:
    """File content; honours `Range`.

     The generated parser reads the whole body into memory; the overlay streams with
    `_get_kwargs` instead. `Range: bytes=N-` or `bytes=N-M` (inclusive) answers 206 with
    `Content-Range`; an unsatisfiable range answers 416; a directory answers 400 `detail`.
    The content type is `application/octet-stream` or the file's guessed type: a client
    must not key on it.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | File]
    """

    kwargs = _get_kwargs(
        path=path,
        range_=range_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
) -> Error | Error | ValidationError | File | None:
    """File content; honours `Range`.

     The generated parser reads the whole body into memory; the overlay streams with
    `_get_kwargs` instead. `Range: bytes=N-` or `bytes=N-M` (inclusive) answers 206 with
    `Content-Range`; an unsatisfiable range answers 416; a directory answers 400 `detail`.
    The content type is `application/octet-stream` or the file's guessed type: a client
    must not key on it.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | File
    """

    return sync_detailed(
        path=path,
        client=client,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
) -> Response[Error | Error | ValidationError | File]:
    """File content; honours `Range`.

     The generated parser reads the whole body into memory; the overlay streams with
    `_get_kwargs` instead. `Range: bytes=N-` or `bytes=N-M` (inclusive) answers 206 with
    `Content-Range`; an unsatisfiable range answers 416; a directory answers 400 `detail`.
    The content type is `application/octet-stream` or the file's guessed type: a client
    must not key on it.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Error | ValidationError | File]
    """

    kwargs = _get_kwargs(
        path=path,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    range_: str | Unset = UNSET,
) -> Error | Error | ValidationError | File | None:
    """File content; honours `Range`.

     The generated parser reads the whole body into memory; the overlay streams with
    `_get_kwargs` instead. `Range: bytes=N-` or `bytes=N-M` (inclusive) answers 206 with
    `Content-Range`; an unsatisfiable range answers 416; a directory answers 400 `detail`.
    The content type is `application/octet-stream` or the file's guessed type: a client
    must not key on it.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Error | ValidationError | File
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            range_=range_,
        )
    ).parsed
