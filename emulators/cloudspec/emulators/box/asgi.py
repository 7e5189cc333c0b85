"""The little ASGI toolkit the Box hosts are written with: requests, responses, routing, errors.

Raw ASGI rather than a framework, for two reasons: the hot paths (part uploads, downloads) touch
each chunk once with no per-chunk framework work, and every module stays importable without the
``emulators`` extra (the wheel test imports all of them in a venv that has only httpx and attrs);
uvicorn is imported by :mod:`.server` alone, when it runs.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOG = logging.getLogger("cloudspec.emulators.box")
MAX_SMALL_BODY = 1024 * 1024


class Disconnected(Exception):
    """The client went away while its request body was being read."""


class BoxError(Exception):
    """An error answered as Box's ``ClientError`` JSON body."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        context_info: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.context_info = context_info
        self.headers = dict(headers or {})

    def response(self) -> Response:
        request_id = secrets.token_hex(8)
        body = {
            "type": "error",
            "status": self.status,
            "code": self.code,
            "message": self.message,
            "context_info": self.context_info,
            "help_url": "http://developers.box.com/docs/#errors",
            "request_id": request_id,
        }
        return json_response(body, self.status, {"box-request-id": request_id, **self.headers})


class OAuthError(Exception):
    """An error of the token endpoints, answered as ``{error, error_description}``."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(f"{error}: {description}")
        self.status = status
        self.error = error
        self.description = description

    def response(self) -> Response:
        body = {"error": self.error, "error_description": self.description}
        return json_response(body, self.status, {"cache-control": "no-store"})


class Unauthorized(Exception):
    """No live bearer token: Box answers 401 with an empty body and a challenge header."""

    def response(self) -> Response:
        challenge = (
            'Bearer realm="Service", error="invalid_token", '
            'error_description="The access token provided is invalid."'
        )
        return Response(401, b"", {"www-authenticate": challenge})


class Request:
    """One request: method, path, matched path parameters, headers, query and body access."""

    def __init__(self, scope: Scope, receive: Receive, params: Mapping[str, str]) -> None:
        self.scope = scope
        self.receive = receive
        self.params = params
        self.method: str = scope["method"]
        self.path: str = scope["path"]
        self.headers = {
            name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]
        }
        self.query = dict(
            parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        )
        self.user: Any = scope.get("cloudspec.box.user")
        self._consumed = False

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body as it arrives; raises :class:`Disconnected` if the client goes away."""
        if self._consumed:
            return
        self._consumed = True
        receive = self.receive
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise Disconnected
            body = message.get("body", b"")
            if body:
                yield body
            if not message.get("more_body", False):
                return

    async def body(self, limit: int = MAX_SMALL_BODY) -> bytes:
        parts: list[bytes] = []
        size = 0
        async for chunk in self.chunks():
            size += len(chunk)
            if size > limit:
                raise BoxError(413, "request_entity_too_large", "Request body is too large")
            parts.append(chunk)
        return b"".join(parts)

    async def json(self) -> dict[str, Any]:
        raw = await self.body()
        try:
            value = json.loads(raw or b"{}")
        except ValueError:
            raise BoxError(400, "bad_request", "Could not parse JSON body") from None
        if not isinstance(value, dict):
            raise BoxError(400, "bad_request", "The JSON body must be an object")
        return value

    async def form(self) -> dict[str, str]:
        raw = await self.body()
        return dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))

    async def drain(self) -> None:
        async for _ in self.chunks():
            pass


class Response:
    """A response whose body is in memory."""

    def __init__(
        self, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None
    ) -> None:
        self.status = status
        self.body = body
        self.headers = dict(headers or {})

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        pairs = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()
        ]
        if self.status not in (204, 304):
            pairs.append((b"content-length", str(len(self.body)).encode()))
        return pairs

    async def send(self, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status, "headers": self.raw_headers()}
        )
        await send({"type": "http.response.body", "body": self.body})


def json_response(
    body: object, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    return Response(status, data, {"content-type": "application/json", **(headers or {})})


def html_response(text: str, status: int = 200) -> Response:
    return Response(status, text.encode(), {"content-type": "text/html; charset=utf-8"})


Handler = Callable[[Request], Awaitable[Response]]


class Router:
    """``(method, path pattern) -> handler``; patterns use ``{name}`` for one path segment."""

    def __init__(self) -> None:
        self._routes: list[tuple[frozenset[str], re.Pattern[str], Handler]] = []

    def add(self, methods: Iterable[str], pattern: str, handler: Handler) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern)
        self._routes.append((frozenset(methods), re.compile(f"^{regex}$"), handler))

    def route(self, *methods: str, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.add(methods, path, handler)
            return handler

        return register

    def resolve(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        allowed = False
        for methods, regex, handler in self._routes:
            match = regex.match(path)
            if match is None:
                continue
            if method in methods:
                return handler, match.groupdict()
            allowed = True
        if allowed:
            raise BoxError(405, "method_not_allowed", "Method Not Allowed")
        raise BoxError(404, "not_found", "Not Found")


async def respond(scope: Scope, receive: Receive, send: Send, router: Router) -> None:
    """Run the matching handler; turn the emulator's exceptions into their responses."""
    try:
        handler, params = router.resolve(scope["method"], scope["path"])
        response = await handler(Request(scope, receive, params))
    except Disconnected:
        return
    except (BoxError, OAuthError, Unauthorized) as exc:
        response = exc.response()
    except Exception:
        # A bug in the emulator: say so in the log, and answer like Box's own 500s.
        LOG.exception("%s %s failed", scope["method"], scope["path"])
        response = BoxError(500, "internal_server_error", "Internal Server Error").response()
    await response.send(send)
