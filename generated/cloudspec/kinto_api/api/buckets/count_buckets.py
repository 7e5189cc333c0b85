from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["_limit"] = limit

    params["_sort"] = sort

    params["_token"] = token

    params["_since"] = since

    params["_before"] = before

    params["_to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "head",
        "url": "/buckets",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 200:
        return None

    if response.status_code == 304:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 401:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 404:
        return None

    if response.status_code == 410:
        return None

    if response.status_code == 412:
        return None

    if response.status_code == 503:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any]:
    """Count the buckets the current user can read (Total-Objects header).

     Same parameters and filters as the GET list; answers no body, only headers. The count
    headers Total-Objects (and the deprecated Total-Records) are sent on HEAD only, never on
    GET. Error responses to HEAD have no body either.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        limit=limit,
        sort=sort,
        token=token,
        since=since,
        before=before,
        to=to,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any]:
    """Count the buckets the current user can read (Total-Objects header).

     Same parameters and filters as the GET list; answers no body, only headers. The count
    headers Total-Objects (and the deprecated Total-Records) are sent on HEAD only, never on
    GET. Error responses to HEAD have no body either.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        limit=limit,
        sort=sort,
        token=token,
        since=since,
        before=before,
        to=to,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
