"""Sends the requests the generated operations describe, on the right Box host, and raises a
typed :class:`~cloudspec.box.errors.BoxError` for every error status.

The generated package has one base URL, but Box answers on three hosts (the spec lists each
operation's ``servers``): the operation's ``_get_kwargs`` gives the path, parameters, headers and
body, and this module picks the host. Upload-session calls use the absolute URLs Box returns in
``session_endpoints`` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from cloudspec.core.errors import map_transport_errors
from cloudspec.core.limits import EXT_READ_WHOLE
from cloudspec.core.redact import Redactor
from cloudspec.core.retry import EXT_IDEMPOTENT

from .._hosts import Host, host_for
from ..errors import BoxMalformedResponse, error_from_response
from ..urls import BoxURLs

__all__ = ["AsyncBoxHTTP", "json_object"]

_READ = httpx.ByteStream(b"")


class AsyncBoxHTTP:
    def __init__(self, client: httpx.AsyncClient, urls: BoxURLs, redactor: Redactor) -> None:
        self.client = client
        self.urls = urls
        self.redactor = redactor

    def url(self, path: str, method: str = "GET") -> str:
        if path.startswith(("http://", "https://")):
            return path
        host: Host = host_for(method, path)
        if host == "upload":
            return self.urls.upload_v2 + path
        if host == "oauth":
            return self.urls.api + path
        return self.urls.api_v2 + path

    def build(
        self,
        kwargs: Mapping[str, Any],
        *,
        url: str | None = None,
        idempotent: bool | None = None,
        headers: Mapping[str, str] | None = None,
        content: Any = None,
        files: Any = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """``kwargs`` from a generated ``_get_kwargs``; the keyword arguments override it."""
        all_headers = dict(kwargs.get("headers") or {})
        all_headers.update(headers or {})
        ext = dict(extensions or {})
        if idempotent is not None:
            ext[EXT_IDEMPOTENT] = idempotent
        params = {k: _query(v) for k, v in (kwargs.get("params") or {}).items() if v is not None}
        return self.client.build_request(
            kwargs["method"].upper(),
            url or self.url(kwargs["url"], kwargs["method"]),
            params=params or None,
            headers=all_headers or None,
            json=kwargs.get("json"),
            data=kwargs.get("data"),
            content=content if content is not None else kwargs.get("content"),
            files=files if files is not None else kwargs.get("files"),
            extensions=ext or None,
        )

    async def send(self, request: httpx.Request, *, ok: tuple[int, ...] = ()) -> httpx.Response:
        """The read response; statuses >= 300 (and not in ``ok``) raise a typed error."""
        request.extensions[EXT_READ_WHOLE] = True  # read into memory: capped, any type
        with map_transport_errors(self.redactor):
            response = await self.client.send(request)
        # httpx ties a response and its stream into a reference cycle; the body is read, so
        # cut it and let the response go as soon as the caller drops it.
        response.stream = _READ
        # An unfollowed redirect is an error too, not an empty answer.
        if response.status_code >= 300 and response.status_code not in ok:
            oauth = request.url.path.endswith(("/oauth2/token", "/oauth2/revoke"))
            raise error_from_response(response, redactor=self.redactor, oauth=oauth)
        return response

    async def json(
        self,
        kwargs: Mapping[str, Any],
        *,
        url: str | None = None,
        idempotent: bool | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        request = self.build(kwargs, url=url, idempotent=idempotent, headers=headers)
        response = await self.send(request)
        return json_object(response, self.redactor)

    async def empty(
        self,
        kwargs: Mapping[str, Any],
        *,
        url: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        request = self.build(kwargs, url=url, headers=headers)
        return await self.send(request)

    async def aclose(self) -> None:
        await self.client.aclose()


def _query(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def json_object(response: httpx.Response, redactor: Redactor) -> dict[str, Any]:
    """The body as a JSON object; anything else (HTML, a list, nothing) is a typed error."""
    try:
        data = response.json()
    except (ValueError, RecursionError):  # not JSON; nested too deep to decode
        data = None
    if not isinstance(data, dict):
        raise BoxMalformedResponse(
            f"Box answered {response.status_code} without the JSON object it should hold",
            status=response.status_code,
            headers=response.headers,
            response=response,
            redactor=redactor,
        )
    return data
