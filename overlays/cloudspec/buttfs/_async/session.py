"""``AsyncSession`` / ``Session``: the original SDK's entry point.

``Session(base_url, client_id, client_secret)``, then ``authenticate(username, password)``;
``get_user``, ``get_account``, ``get_filesystem``, ``get_history``; with the admin pair
(``set_admin_credentials``), ``create_account``. Close it (``close``/``aclose`` or a ``with``
block) to release the connection pool.
"""

from __future__ import annotations

from typing import Any, Self, TextIO

import httpx

from cloudspec.core import RetryPolicy
from cloudspec.core.config import VerifyTypes
from cloudspec.core.errors import APIError

from .._shapes import as_objects
from ..errors import MissingArgument
from ..values import User
from .objects import AsyncAccount, AsyncFilesystem
from .rest import AsyncButtFSRESTAdapter

__all__ = ["AsyncSession"]


class AsyncSession:
    """A ButtFS session for one application (client id and secret) and one user.

    ``debug=True`` prints every request and answer (redacted), as ``debug=True`` on each call
    of the original SDK did; ``verify`` is TLS verification (``False`` warns).
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        debug_stream: TextIO | None = None,
        verify: VerifyTypes = True,
        debug: bool = False,
    ) -> None:
        self.rest_interface = AsyncButtFSRESTAdapter(
            base_url,
            client_id,
            client_secret,
            retry=retry,
            transport=transport,
            debug_stream=debug_stream,
            verify=verify,
            debug=debug,
        )

    def __repr__(self) -> str:
        linked = self.rest_interface.is_linked()
        return f"Session(base_url={self.rest_interface.base_url!r}, has_token={linked})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.rest_interface.aclose()

    async def authenticate(self, username: str, password: str, debug: bool = False) -> bool:
        """Log in with the password grant; ``InvalidRequest`` for a wrong client id/secret."""
        if not username or not password:
            raise MissingArgument("username and password are required")
        await self.rest_interface.authenticate(username, password, debug=debug)
        return True

    async def is_linked(self, debug: bool = False) -> bool:
        """Whether the session can make calls: it holds a token and the server accepts it
        (``ping``, as the original did; an expired or revoked token answers False)."""
        if not self.rest_interface.is_linked():
            return False
        try:
            await self.rest_interface.ping(debug=debug)
        except APIError as exc:
            # ButtFS answers 401 with the generic code 9000 for a token it no longer knows.
            if exc.status == 401:
                return False
            raise
        return True

    def unlink(self) -> None:
        """Forget the access token."""
        self.rest_interface.unlink()

    async def get_user(self, debug: bool = False) -> User:
        return User(await self.rest_interface.get_user_profile(debug=debug))

    async def get_account(self, debug: bool = False) -> AsyncAccount:
        profile = await self.rest_interface.get_user_profile(debug=debug)
        limit = self.rest_interface.latest_header_info.get("storage_limit")
        return AsyncAccount(self.rest_interface, profile, limit)

    def get_filesystem(self) -> AsyncFilesystem:
        return AsyncFilesystem(self.rest_interface)

    def set_admin_credentials(self, client_id: str, client_secret: str) -> None:
        """The admin pair, for ``create_account``."""
        self.rest_interface.set_admin_credentials(client_id, client_secret)

    async def create_account(
        self,
        username: str,
        password: str,
        email: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        log_in_after_creation: bool = False,
        debug: bool = False,
    ) -> User:
        """Create a user (admin credentials needed); optionally log in as the new user."""
        profile = await self.rest_interface.create_customer(
            username,
            password,
            email=email,
            first_name=first_name,
            last_name=last_name,
            debug=debug,
        )
        if log_in_after_creation:
            await self.authenticate(username, password, debug=debug)
        return User(profile)

    async def get_history(
        self, start: int = -10, stop: int | None = None, debug: bool = False
    ) -> list[dict[str, Any]]:
        """The latest actions (``start`` negative: the last N; ``stop`` exclusive)."""
        result = await self.rest_interface.get_history(start, stop, debug=debug)
        return as_objects(result, "history entry")
