from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_envelope import AccountEnvelope
from ...models.account_write import AccountWrite
from ...models.json_patch_operation import JsonPatchOperation
from ...models.kinto_error import KintoError
from ...models.merge_patch import MergePatch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    body: AccountWrite | MergePatch | list[JsonPatchOperation] | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/accounts/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    if isinstance(body, AccountWrite):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, MergePatch):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"
    if isinstance(body, list):
        _kwargs["json"] = []
        for componentsschemas_json_patch_item_data in body:
            componentsschemas_json_patch_item = componentsschemas_json_patch_item_data.to_dict()
            _kwargs["json"].append(componentsschemas_json_patch_item)

        headers["Content-Type"] = "application/json-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountEnvelope | KintoError | None:
    if response.status_code == 200:
        response_200 = AccountEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = KintoError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = KintoError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = KintoError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = KintoError.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = KintoError.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = KintoError.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = KintoError.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = KintoError.from_dict(response.json())

        return response_412

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
) -> Response[AccountEnvelope | KintoError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccountWrite | MergePatch | list[JsonPatchOperation] | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AccountEnvelope | KintoError]:
    """Modify an account partially (e.g. change the password).

     Three body formats, chosen by Content-Type:
    * `application/json` (`*Write` model): shallow merge of the top-level `data` keys; a
      `null` value is stored as null;
    * `application/merge-patch+json` (`MergePatch`, RFC 7396): recursive merge, `null`
      deletes a key;
    * `application/json-patch+json` (list of `JsonPatchOperation`, RFC 6902): operations on
      the document `{"data": ..., "permissions": ...}`; permission lists behave like sets
      keyed by principal (`/permissions/write/<principal>`).
    The `Response-Behavior` request header is deliberately not modelled (500 with the
    history plugin).

    Args:
        user_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (AccountWrite): PUT / POST body, and PATCH body for `application/json` (shallow
            merge).
        body (MergePatch): PATCH body for `application/merge-patch+json` (RFC 7396), any resource.
            A `null` value deletes the key; objects are merged recursively.
        body (list[JsonPatchOperation]): PATCH body for `application/json-patch+json` (RFC 6902),
            applied to `{"data": ..., "permissions": ...}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountEnvelope | KintoError]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccountWrite | MergePatch | list[JsonPatchOperation] | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AccountEnvelope | KintoError | None:
    """Modify an account partially (e.g. change the password).

     Three body formats, chosen by Content-Type:
    * `application/json` (`*Write` model): shallow merge of the top-level `data` keys; a
      `null` value is stored as null;
    * `application/merge-patch+json` (`MergePatch`, RFC 7396): recursive merge, `null`
      deletes a key;
    * `application/json-patch+json` (list of `JsonPatchOperation`, RFC 6902): operations on
      the document `{"data": ..., "permissions": ...}`; permission lists behave like sets
      keyed by principal (`/permissions/write/<principal>`).
    The `Response-Behavior` request header is deliberately not modelled (500 with the
    history plugin).

    Args:
        user_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (AccountWrite): PUT / POST body, and PATCH body for `application/json` (shallow
            merge).
        body (MergePatch): PATCH body for `application/merge-patch+json` (RFC 7396), any resource.
            A `null` value deletes the key; objects are merged recursively.
        body (list[JsonPatchOperation]): PATCH body for `application/json-patch+json` (RFC 6902),
            applied to `{"data": ..., "permissions": ...}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountEnvelope | KintoError
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccountWrite | MergePatch | list[JsonPatchOperation] | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AccountEnvelope | KintoError]:
    """Modify an account partially (e.g. change the password).

     Three body formats, chosen by Content-Type:
    * `application/json` (`*Write` model): shallow merge of the top-level `data` keys; a
      `null` value is stored as null;
    * `application/merge-patch+json` (`MergePatch`, RFC 7396): recursive merge, `null`
      deletes a key;
    * `application/json-patch+json` (list of `JsonPatchOperation`, RFC 6902): operations on
      the document `{"data": ..., "permissions": ...}`; permission lists behave like sets
      keyed by principal (`/permissions/write/<principal>`).
    The `Response-Behavior` request header is deliberately not modelled (500 with the
    history plugin).

    Args:
        user_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (AccountWrite): PUT / POST body, and PATCH body for `application/json` (shallow
            merge).
        body (MergePatch): PATCH body for `application/merge-patch+json` (RFC 7396), any resource.
            A `null` value deletes the key; objects are merged recursively.
        body (list[JsonPatchOperation]): PATCH body for `application/json-patch+json` (RFC 6902),
            applied to `{"data": ..., "permissions": ...}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountEnvelope | KintoError]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccountWrite | MergePatch | list[JsonPatchOperation] | Unset = UNSET,
    if_match: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AccountEnvelope | KintoError | None:
    """Modify an account partially (e.g. change the password).

     Three body formats, chosen by Content-Type:
    * `application/json` (`*Write` model): shallow merge of the top-level `data` keys; a
      `null` value is stored as null;
    * `application/merge-patch+json` (`MergePatch`, RFC 7396): recursive merge, `null`
      deletes a key;
    * `application/json-patch+json` (list of `JsonPatchOperation`, RFC 6902): operations on
      the document `{"data": ..., "permissions": ...}`; permission lists behave like sets
      keyed by principal (`/permissions/write/<principal>`).
    The `Response-Behavior` request header is deliberately not modelled (500 with the
    history plugin).

    Args:
        user_id (str):
        if_match (str | Unset):
        if_none_match (str | Unset):
        body (AccountWrite): PUT / POST body, and PATCH body for `application/json` (shallow
            merge).
        body (MergePatch): PATCH body for `application/merge-patch+json` (RFC 7396), any resource.
            A `null` value deletes the key; objects are merged recursively.
        body (list[JsonPatchOperation]): PATCH body for `application/json-patch+json` (RFC 6902),
            applied to `{"data": ..., "permissions": ...}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountEnvelope | KintoError
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
