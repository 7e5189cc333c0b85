from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_request import BatchRequest
from ...models.batch_response import BatchResponse
from ...models.kinto_error import KintoError
from ...types import Response


def _get_kwargs(
    *,
    body: BatchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchResponse | KintoError | None:
    if response.status_code == 200:
        response_200 = BatchResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = KintoError.from_dict(response.json())

        return response_400

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 415:
        response_415 = KintoError.from_dict(response.json())

        return response_415

    if response.status_code == 503:
        response_503 = KintoError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BatchResponse | KintoError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchRequest,
) -> Response[BatchResponse | KintoError]:
    """Send several requests in one.

     `defaults` is merged into every request. At most `settings.batch_max_requests`
    (default 25, see `GET /`) requests per call, otherwise 400. The answer is 200 even when
    sub-requests fail: check each `responses[i].status`; sub-requests are committed
    independently. Authentication is taken from the outer request. Sub-request bodies must
    be JSON objects, so JSON Patch (an array) cannot be sent through /batch. Known quirk: a
    sub-request path containing the substring `/batch` (e.g. a collection named `batch0`)
    is rejected with 400.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | KintoError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BatchRequest,
) -> BatchResponse | KintoError | None:
    """Send several requests in one.

     `defaults` is merged into every request. At most `settings.batch_max_requests`
    (default 25, see `GET /`) requests per call, otherwise 400. The answer is 200 even when
    sub-requests fail: check each `responses[i].status`; sub-requests are committed
    independently. Authentication is taken from the outer request. Sub-request bodies must
    be JSON objects, so JSON Patch (an array) cannot be sent through /batch. Known quirk: a
    sub-request path containing the substring `/batch` (e.g. a collection named `batch0`)
    is rejected with 400.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | KintoError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BatchRequest,
) -> Response[BatchResponse | KintoError]:
    """Send several requests in one.

     `defaults` is merged into every request. At most `settings.batch_max_requests`
    (default 25, see `GET /`) requests per call, otherwise 400. The answer is 200 even when
    sub-requests fail: check each `responses[i].status`; sub-requests are committed
    independently. Authentication is taken from the outer request. Sub-request bodies must
    be JSON objects, so JSON Patch (an array) cannot be sent through /batch. Known quirk: a
    sub-request path containing the substring `/batch` (e.g. a collection named `batch0`)
    is rejected with 400.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | KintoError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BatchRequest,
) -> BatchResponse | KintoError | None:
    """Send several requests in one.

     `defaults` is merged into every request. At most `settings.batch_max_requests`
    (default 25, see `GET /`) requests per call, otherwise 400. The answer is 200 even when
    sub-requests fail: check each `responses[i].status`; sub-requests are committed
    independently. Authentication is taken from the outer request. Sub-request bodies must
    be JSON objects, so JSON Patch (an array) cannot be sent through /batch. Known quirk: a
    sub-request path containing the substring `/batch` (e.g. a collection named `batch0`)
    is rejected with 400.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | KintoError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
