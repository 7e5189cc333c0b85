from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bucket_list import BucketList
from ...models.kinto_error import KintoError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    fields: str | Unset = UNSET,
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

    params["_fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/buckets",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BucketList | KintoError | None:
    if response.status_code == 200:
        response_200 = BucketList.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 412:
        response_412 = KintoError.from_dict(response.json())

        return response_412

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | BucketList | KintoError]:
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
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | BucketList | KintoError]:
    """List the buckets the current user can read.

     Paginated list, sorted by `-last_modified` unless `_sort` is given. Follow the
    `Next-Page` header until it is absent. Field filters are `<prefix><field>=<value>` query
    parameters with the prefixes of `x-kinto-filter-prefixes` (min_, max_, lt_, gt_, not_,
    eq_ or plain `<field>=`, in_ and exclude_ with comma lists, like_ with `*` wildcards,
    has_ with true/false, contains_ and contains_any_ with JSON arrays); they are not
    declared as parameters because their names are dynamic. A filter on `last_modified`
    (`_since`, `_before`, `gt_last_modified`, ...) also returns tombstones
    `{id, last_modified, deleted: true}` (except for buckets: a deleted bucket has no ACL
    left, so its tombstone is not listed back). Anonymous users get 200 with only the
    objects they can read, not 401.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        fields (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BucketList | KintoError]
    """

    kwargs = _get_kwargs(
        limit=limit,
        sort=sort,
        token=token,
        since=since,
        before=before,
        to=to,
        fields=fields,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | BucketList | KintoError | None:
    """List the buckets the current user can read.

     Paginated list, sorted by `-last_modified` unless `_sort` is given. Follow the
    `Next-Page` header until it is absent. Field filters are `<prefix><field>=<value>` query
    parameters with the prefixes of `x-kinto-filter-prefixes` (min_, max_, lt_, gt_, not_,
    eq_ or plain `<field>=`, in_ and exclude_ with comma lists, like_ with `*` wildcards,
    has_ with true/false, contains_ and contains_any_ with JSON arrays); they are not
    declared as parameters because their names are dynamic. A filter on `last_modified`
    (`_since`, `_before`, `gt_last_modified`, ...) also returns tombstones
    `{id, last_modified, deleted: true}` (except for buckets: a deleted bucket has no ACL
    left, so its tombstone is not listed back). Anonymous users get 200 with only the
    objects they can read, not 401.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        fields (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BucketList | KintoError
    """

    return sync_detailed(
        client=client,
        limit=limit,
        sort=sort,
        token=token,
        since=since,
        before=before,
        to=to,
        fields=fields,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | BucketList | KintoError]:
    """List the buckets the current user can read.

     Paginated list, sorted by `-last_modified` unless `_sort` is given. Follow the
    `Next-Page` header until it is absent. Field filters are `<prefix><field>=<value>` query
    parameters with the prefixes of `x-kinto-filter-prefixes` (min_, max_, lt_, gt_, not_,
    eq_ or plain `<field>=`, in_ and exclude_ with comma lists, like_ with `*` wildcards,
    has_ with true/false, contains_ and contains_any_ with JSON arrays); they are not
    declared as parameters because their names are dynamic. A filter on `last_modified`
    (`_since`, `_before`, `gt_last_modified`, ...) also returns tombstones
    `{id, last_modified, deleted: true}` (except for buckets: a deleted bucket has no ACL
    left, so its tombstone is not listed back). Anonymous users get 200 with only the
    objects they can read, not 401.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        fields (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BucketList | KintoError]
    """

    kwargs = _get_kwargs(
        limit=limit,
        sort=sort,
        token=token,
        since=since,
        before=before,
        to=to,
        fields=fields,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    sort: str | Unset = UNSET,
    token: str | Unset = UNSET,
    since: str | Unset = UNSET,
    before: str | Unset = UNSET,
    to: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | BucketList | KintoError | None:
    """List the buckets the current user can read.

     Paginated list, sorted by `-last_modified` unless `_sort` is given. Follow the
    `Next-Page` header until it is absent. Field filters are `<prefix><field>=<value>` query
    parameters with the prefixes of `x-kinto-filter-prefixes` (min_, max_, lt_, gt_, not_,
    eq_ or plain `<field>=`, in_ and exclude_ with comma lists, like_ with `*` wildcards,
    has_ with true/false, contains_ and contains_any_ with JSON arrays); they are not
    declared as parameters because their names are dynamic. A filter on `last_modified`
    (`_since`, `_before`, `gt_last_modified`, ...) also returns tombstones
    `{id, last_modified, deleted: true}` (except for buckets: a deleted bucket has no ACL
    left, so its tombstone is not listed back). Anonymous users get 200 with only the
    objects they can read, not 401.

    Args:
        limit (int | Unset):
        sort (str | Unset):
        token (str | Unset):
        since (str | Unset):
        before (str | Unset):
        to (str | Unset):
        fields (str | Unset):
        if_match (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BucketList | KintoError
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            sort=sort,
            token=token,
            since=since,
            before=before,
            to=to,
            fields=fields,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
