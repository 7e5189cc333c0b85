from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.folder_operation import FolderOperation
from ...models.item_operation_envelope import ItemOperationEnvelope
from ...models.item_operation_request import ItemOperationRequest
from ...types import UNSET, Response


def _get_kwargs(
    path: str,
    *,
    body: ItemOperationRequest,
    operation: FolderOperation,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_operation: str = operation
    params["operation"] = json_operation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/folders{path}".format(
            path=quote(str(path), safe="/"),
        ),
        "params": params,
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ItemOperationEnvelope | None:
    if response.status_code == 200:
        response_200 = ItemOperationEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ItemOperationEnvelope]:
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
    body: ItemOperationRequest,
    operation: FolderOperation,
) -> Response[ErrorEnvelope | ItemOperationEnvelope]:
    """`operation=create` (a folder inside `path`), `move` or `copy` (the folder at `path`).

     One operation for the three variants (same method and path; only `?operation=` differs):
    * `create`: form `name`, `exists=fail|overwrite|rename|reuse`; result `{items: [meta]}`
      (an array of one). A duplicate name with `fail` answers 2042.
    * `move` / `copy`: form `to` (destination folder ID path), `name` (new name, optional),
      `exists=fail|overwrite|rename|reuse`; result `{meta}`. Missing `to` answers 2028.

    Args:
        path (str):
        operation (FolderOperation):
        body (ItemOperationRequest): Union of the create / move / copy forms (see
            folder_operation, file_operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemOperationEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
        operation=operation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: ItemOperationRequest,
    operation: FolderOperation,
) -> ErrorEnvelope | ItemOperationEnvelope | None:
    """`operation=create` (a folder inside `path`), `move` or `copy` (the folder at `path`).

     One operation for the three variants (same method and path; only `?operation=` differs):
    * `create`: form `name`, `exists=fail|overwrite|rename|reuse`; result `{items: [meta]}`
      (an array of one). A duplicate name with `fail` answers 2042.
    * `move` / `copy`: form `to` (destination folder ID path), `name` (new name, optional),
      `exists=fail|overwrite|rename|reuse`; result `{meta}`. Missing `to` answers 2028.

    Args:
        path (str):
        operation (FolderOperation):
        body (ItemOperationRequest): Union of the create / move / copy forms (see
            folder_operation, file_operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemOperationEnvelope
    """

    return sync_detailed(
        path=path,
        client=client,
        body=body,
        operation=operation,
    ).parsed


async def asyncio_detailed(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: ItemOperationRequest,
    operation: FolderOperation,
) -> Response[ErrorEnvelope | ItemOperationEnvelope]:
    """`operation=create` (a folder inside `path`), `move` or `copy` (the folder at `path`).

     One operation for the three variants (same method and path; only `?operation=` differs):
    * `create`: form `name`, `exists=fail|overwrite|rename|reuse`; result `{items: [meta]}`
      (an array of one). A duplicate name with `fail` answers 2042.
    * `move` / `copy`: form `to` (destination folder ID path), `name` (new name, optional),
      `exists=fail|overwrite|rename|reuse`; result `{meta}`. Missing `to` answers 2028.

    Args:
        path (str):
        operation (FolderOperation):
        body (ItemOperationRequest): Union of the create / move / copy forms (see
            folder_operation, file_operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ItemOperationEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        body=body,
        operation=operation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    path: str,
    *,
    client: AuthenticatedClient | Client,
    body: ItemOperationRequest,
    operation: FolderOperation,
) -> ErrorEnvelope | ItemOperationEnvelope | None:
    """`operation=create` (a folder inside `path`), `move` or `copy` (the folder at `path`).

     One operation for the three variants (same method and path; only `?operation=` differs):
    * `create`: form `name`, `exists=fail|overwrite|rename|reuse`; result `{items: [meta]}`
      (an array of one). A duplicate name with `fail` answers 2042.
    * `move` / `copy`: form `to` (destination folder ID path), `name` (new name, optional),
      `exists=fail|overwrite|rename|reuse`; result `{meta}`. Missing `to` answers 2028.

    Args:
        path (str):
        operation (FolderOperation):
        body (ItemOperationRequest): Union of the create / move / copy forms (see
            folder_operation, file_operation).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ItemOperationEnvelope
    """

    return (
        await asyncio_detailed(
            path=path,
            client=client,
            body=body,
            operation=operation,
        )
    ).parsed
