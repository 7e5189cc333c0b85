from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    file_id: str,
    *,
    version: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["range"] = range_

    params: dict[str, Any] = {}

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/{file_id}/content".format(
            file_id=quote(str(file_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ClientError | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 403:
        response_403 = ClientError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ClientError | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[Any | ClientError | File]:
    """Download a file (usually a 302 to a short-lived URL on dl.boxcloud.com).

     The generated client does not follow redirects: read `Location` from the 302 and
    fetch it without the Authorization header (it is a signed URL, valid about 15
    minutes); httpx also drops Authorization on a cross-origin redirect. The download
    host honours `Range` (206 + Content-Range). 202 + Retry-After: the file is not ready
    yet (e.g. right after an upload); wait and ask again. The generated parser reads the
    whole body into memory; the overlay streams with `_get_kwargs` instead.

    Args:
        file_id (str):
        version (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError | File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        version=version,
        range_=range_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Any | ClientError | File | None:
    """Download a file (usually a 302 to a short-lived URL on dl.boxcloud.com).

     The generated client does not follow redirects: read `Location` from the 302 and
    fetch it without the Authorization header (it is a signed URL, valid about 15
    minutes); httpx also drops Authorization on a cross-origin redirect. The download
    host honours `Range` (206 + Content-Range). 202 + Retry-After: the file is not ready
    yet (e.g. right after an upload); wait and ask again. The generated parser reads the
    whole body into memory; the overlay streams with `_get_kwargs` instead.

    Args:
        file_id (str):
        version (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError | File
    """

    return sync_detailed(
        file_id=file_id,
        client=client,
        version=version,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[Any | ClientError | File]:
    """Download a file (usually a 302 to a short-lived URL on dl.boxcloud.com).

     The generated client does not follow redirects: read `Location` from the 302 and
    fetch it without the Authorization header (it is a signed URL, valid about 15
    minutes); httpx also drops Authorization on a cross-origin redirect. The download
    host honours `Range` (206 + Content-Range). 202 + Retry-After: the file is not ready
    yet (e.g. right after an upload); wait and ask again. The generated parser reads the
    whole body into memory; the overlay streams with `_get_kwargs` instead.

    Args:
        file_id (str):
        version (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError | File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
        version=version,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_id: str,
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Any | ClientError | File | None:
    """Download a file (usually a 302 to a short-lived URL on dl.boxcloud.com).

     The generated client does not follow redirects: read `Location` from the 302 and
    fetch it without the Authorization header (it is a signed URL, valid about 15
    minutes); httpx also drops Authorization on a cross-origin redirect. The download
    host honours `Range` (206 + Content-Range). 202 + Retry-After: the file is not ready
    yet (e.g. right after an upload); wait and ask again. The generated parser reads the
    whole body into memory; the overlay streams with `_get_kwargs` instead.

    Args:
        file_id (str):
        version (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError | File
    """

    return (
        await asyncio_detailed(
            file_id=file_id,
            client=client,
            version=version,
            range_=range_,
        )
    ).parsed
