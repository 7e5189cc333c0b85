from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_error import ClientError
from ...models.commit_upload_session_request import CommitUploadSessionRequest
from ...models.files import Files
from ...types import UNSET, Response, Unset


def _get_kwargs(
    upload_session_id: str,
    *,
    body: CommitUploadSessionRequest,
    digest: str,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["digest"] = digest

    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/upload_sessions/{upload_session_id}/commit".format(
            upload_session_id=quote(str(upload_session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ClientError | Files | None:
    if response.status_code == 201:
        response_201 = Files.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 400:
        response_400 = ClientError.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ClientError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ClientError.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = ClientError.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = ClientError.from_dict(response.json())

        return response_412

    if response.status_code == 429:
        response_429 = ClientError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ClientError | Files]:
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
    body: CommitUploadSessionRequest,
    digest: str,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ClientError | Files]:
    """Commit the session, creating the file (or its new version).

     202 + Retry-After means the parts are not processed yet; wait and send the same commit again.

    Args:
        upload_session_id (str):
        digest (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (CommitUploadSessionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError | Files]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
        body=body,
        digest=digest,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CommitUploadSessionRequest,
    digest: str,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ClientError | Files | None:
    """Commit the session, creating the file (or its new version).

     202 + Retry-After means the parts are not processed yet; wait and send the same commit again.

    Args:
        upload_session_id (str):
        digest (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (CommitUploadSessionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError | Files
    """

    return sync_detailed(
        upload_session_id=upload_session_id,
        client=client,
        body=body,
        digest=digest,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CommitUploadSessionRequest,
    digest: str,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ClientError | Files]:
    """Commit the session, creating the file (or its new version).

     202 + Retry-After means the parts are not processed yet; wait and send the same commit again.

    Args:
        upload_session_id (str):
        digest (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (CommitUploadSessionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ClientError | Files]
    """

    kwargs = _get_kwargs(
        upload_session_id=upload_session_id,
        body=body,
        digest=digest,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CommitUploadSessionRequest,
    digest: str,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ClientError | Files | None:
    """Commit the session, creating the file (or its new version).

     202 + Retry-After means the parts are not processed yet; wait and send the same commit again.

    Args:
        upload_session_id (str):
        digest (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (CommitUploadSessionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ClientError | Files
    """

    return (
        await asyncio_detailed(
            upload_session_id=upload_session_id,
            client=client,
            body=body,
            digest=digest,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
