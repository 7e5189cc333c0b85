"""The original Metadisk client's surface, typed, with timeouts and a finished download.

``AsyncUsers(email, password)`` registers and activates an account (Basic auth: the SHA-256 hex
of the password); ``AsyncKeys(user)`` manages its public keys; ``AsyncBuckets(key_pair)`` and
``AsyncBucket(bucket_id, key_pair)`` work with buckets through ECDSA-signed requests, and
``bucket.files`` with PUSH/PULL tokens, uploads, listings and downloads.

Every request is built from its generated operation (``cloudspec.metadisk_api.api.<tag>.
<operationId>._get_kwargs``) and the generated request models; answers are the generated models
(``Bucket``, ``BucketFile``, ``PublicKey``, ``Token``, ``User``); an error answer raises the
typed error for its status (:mod:`cloudspec.metadisk.errors`). Clients come from
``cloudspec.core.build_async_client``: real timeouts, and retries on dropped connections and
502/503/504 only (the 2016 bridge answers client mistakes with 500). A request that carries a
single-use token (an upload, the shard pointers, a shard) is never retried.

Uploads stream the file from disk and compute its bridge hash (RIPEMD-160 of the SHA-256 hex)
while reading; the answer's hash must match. Downloads fetch the pointers with a PULL token,
stream each shard from the farmer channel (``GET /shards/{hash}?token=``, on the emulator the
bridge's own host) into a temporary file next to ``dest``, check each shard's and the whole
file's bridge hash, and only then rename it into place.
"""

from __future__ import annotations

import builtins
import mimetypes
import os
import random
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO, Self, TypeVar, cast
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from cloudspec.core import RetryPolicy, build_async_client
from cloudspec.core._backends import async_offload, async_sleep
from cloudspec.core.budget import budget_allows_retry
from cloudspec.core.config import TimeoutTypes, VerifyTypes
from cloudspec.core.errors import TransportError, map_transport_errors
from cloudspec.core.limits import EXT_MAX_RESPONSE_BYTES, EXT_READ_WHOLE
from cloudspec.core.parsing import Parseable, decode_json, parse, parse_list
from cloudspec.core.retry import EXT_IDEMPOTENT, EXT_RETRY, parse_retry_after
from cloudspec.metadisk_api.api.buckets import (
    create_bucket,
    delete_bucket,
    get_bucket,
    list_buckets,
    update_bucket,
)
from cloudspec.metadisk_api.api.files import (
    delete_file,
    get_file_pointers,
    list_files,
    upload_file,
)
from cloudspec.metadisk_api.api.keys import add_key, delete_key, list_keys
from cloudspec.metadisk_api.api.tokens import create_token
from cloudspec.metadisk_api.api.users import (
    activate_user,
    confirm_password_reset,
    confirm_user_deletion,
    delete_user,
    register_user,
    resend_activation,
    reset_password,
)
from cloudspec.metadisk_api.models import (
    AddKeyRequest,
    BucketFile,
    BucketRequest,
    FilePointer,
    PublicKey,
    RegisterUserRequest,
    ResendActivationRequest,
    ResetPasswordRequest,
    Token,
    TokenRequest,
    UploadFileRequest,
    User,
)
from cloudspec.metadisk_api.models import Bucket as BucketModel
from cloudspec.metadisk_api.models.operation import check_operation
from cloudspec.metadisk_api.types import UNSET
from cloudspec.metadisk_api.types import File as Payload

from ..auth import BasicAuth, ECDSAAuth, ECDSAKeyPair, password_hash
from ..errors import (
    MetadiskIntegrityError,
    MetadiskMalformedResponseError,
    MetadiskNotFoundError,
    MetadiskServerError,
    error_from_response,
)
from ..hashing import BridgeHasher, HashingReader, file_bridge_hash
from ..hashing_thread import HashingThread
from ..tokens import ShardPointer, TransferToken

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY",
    "AsyncBucket",
    "AsyncBucketFiles",
    "AsyncBuckets",
    "AsyncKeys",
    "AsyncUsers",
]

JSON = Any
_M = TypeVar("_M")
DEFAULT_BASE_URL = "https://api.metadisk.org"
DEFAULT_RETRY = RetryPolicy(statuses=frozenset({408, 429, 502, 503, 504}))
"""Dropped connections and 502/503/504; never 500, which the bridge uses for client errors."""
DEFAULT_TIMEOUT = 60.0
_NO_RETRY: dict[str, Any] = {EXT_RETRY: None}
_CHUNK = 64 * 1024


class _Bridge:
    """One HTTP client and the request/answer plumbing shared by the facades."""

    def __init__(
        self,
        base_url: str,
        auth: httpx.Auth,
        *,
        timeout: TimeoutTypes,
        retry: RetryPolicy | None,
        debug: bool,
        transport: httpx.AsyncBaseTransport | None,
        verify: VerifyTypes = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.policy = retry or DEFAULT_RETRY
        self.client = build_async_client(
            self.base_url,
            auth=auth,
            timeout=timeout,
            retry=self.policy,
            debug=debug,
            transport=transport,
            verify=verify,
        )

    def build(
        self,
        kwargs: Mapping[str, Any],
        *,
        extensions: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """The request a generated ``_get_kwargs`` describes."""
        headers = {str(k): str(v) for k, v in (kwargs.get("headers") or {}).items()}
        files = kwargs.get("files")
        params = kwargs.get("params") or {}
        ext = dict(extensions or {})
        if isinstance(self.auth, ECDSAAuth) and "x-token" not in headers:
            # The signature covers a single-use __nonce: once the bridge has seen the request,
            # the same bytes are refused, so the transport may re-send it only when it never
            # left (a connect error) or was refused unread (429). `call(resend=True)` re-sends
            # with a fresh nonce and signature instead.
            ext.setdefault(EXT_IDEMPOTENT, False)
        return self.client.build_request(
            str(kwargs["method"]).upper(),
            str(kwargs["url"]),
            params={k: str(v) for k, v in params.items() if v is not None and v is not UNSET}
            or None,
            headers=headers or None,
            json=kwargs.get("json"),
            files=files,
            extensions=ext or None,
        )

    async def send(self, request: httpx.Request, *, signed: bool = True) -> JSON:
        """Send, read, raise the typed error for an error status, return the decoded JSON
        (``None`` for an empty body). ``signed=False`` sends without the client's auth."""
        request.extensions[EXT_READ_WHOLE] = True  # read into memory: capped, any type
        with map_transport_errors():
            auth = self.client.auth if signed else None
            response = await self.client.send(request, auth=auth)
        # A redirect is not followed (signatures stay on the bridge's origin): an error too.
        if response.status_code >= 300:
            raise error_from_response(response)
        # Blank: None. Not JSON (an HTML page from a proxy): a typed error, never an empty
        # listing that would look like "no buckets".
        return decode_json(response, error=MetadiskMalformedResponseError)

    async def call(
        self,
        kwargs: Mapping[str, Any],
        *,
        signed: bool = True,
        resend: bool = False,
        gone_is_done: bool = False,
    ) -> JSON:
        """:meth:`send` the request ``kwargs`` describe.

        ``resend``: the call may be made twice (a read, a token, an update), so after a dropped
        connection or a 502/503/504 it is built again, with a fresh nonce and signature, and
        re-sent (backoff as the retry policy says). ``gone_is_done``: a delete whose first
        answer was lost counts a 404 on the re-send as done.
        """
        attempt = 0
        while True:
            try:
                return await self.send(self.build(kwargs), signed=signed)
            except MetadiskNotFoundError:
                if gone_is_done and attempt:
                    return None
                raise
            except (TransportError, MetadiskServerError) as exc:
                delay = self.resend_delay(exc, attempt) if resend else None
                if delay is None:
                    raise
            await async_sleep(delay)
            attempt += 1

    def resend_delay(self, error: Exception, attempt: int) -> float | None:
        """Seconds to wait before re-sending after ``error``, or None to give up: when the
        policy says so, or when the client's retry budget cannot pay for the re-send (every
        re-send here draws from the same budget as the transport's retries)."""
        delay = self._wanted_delay(error, attempt)
        if delay is None or not budget_allows_retry(self.client, error):
            return None
        return delay

    def _wanted_delay(self, error: Exception, attempt: int) -> float | None:
        if attempt >= self.policy.max_retries:
            return None
        if isinstance(error, MetadiskServerError):
            if error.status not in self.policy.statuses or error.status in (429, 500):
                return None
            asked = parse_retry_after(error.headers)
            if asked is not None and 0 < asked <= self.policy.retry_after_cap:
                return asked
        elif not isinstance(error, TransportError):
            return None
        return self.policy.backoff_delay(attempt, random.random())

    async def aclose(self) -> None:
        await self.client.aclose()


class _Owner:
    """Context-manager plumbing for a facade that owns a :class:`_Bridge`."""

    _bridge: _Bridge

    async def aclose(self) -> None:
        await self._bridge.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _parse(model: type[Parseable[_M]], body: JSON) -> _M:
    """The bridge's answer as ``model``; a body that does not fit is a typed error."""
    return parse(model, body, error=MetadiskMalformedResponseError)


def _parse_list(model: type[Parseable[_M]], body: JSON) -> list[_M]:
    """A JSON array of ``model`` (an empty body, ``{}`` or ``[]``: no items); anything else
    is a typed error."""
    return [] if not body else parse_list(model, body, error=MetadiskMalformedResponseError)


def _pubkey(key: ECDSAKeyPair | str) -> str:
    return key.public_key_hex if isinstance(key, ECDSAKeyPair) else key


class AsyncUsers(_Owner):
    """An account: ``register()``, ``activate(token)`` (the emailed token), password resets
    and deletion (each confirmed by an emailed token)."""

    def __init__(
        self,
        email: str,
        password: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: VerifyTypes = True,
    ) -> None:
        self.email = email
        self._password_hash = password_hash(password)
        self._pending_password: str | None = None
        self._bridge = _Bridge(
            base_url,
            BasicAuth(email, password),
            timeout=timeout,
            retry=retry,
            debug=debug,
            transport=transport,
            verify=verify,
        )

    def __repr__(self) -> str:
        return f"AsyncUsers(email={self.email!r}, base_url={self._bridge.base_url!r})"

    async def register(self, pubkey: ECDSAKeyPair | str | None = None) -> User:
        """``POST /users`` (no auth), optionally registering a first public key."""
        body = RegisterUserRequest(
            email=self.email,
            password=self._password_hash,
            pubkey=UNSET if pubkey is None else _pubkey(pubkey),
        )
        kwargs = register_user._get_kwargs(body=body)
        return _parse(User, await self._bridge.call(kwargs, signed=False))

    async def activate(self, token: str) -> User:
        """``GET /activations/{token}`` (no auth)."""
        kwargs = activate_user._get_kwargs(token)
        return _parse(User, await self._bridge.call(kwargs, signed=False, resend=True))

    async def resend_activation(self) -> User:
        """``POST /activations``: email the activation link again (no auth)."""
        body = ResendActivationRequest(email=self.email)
        kwargs = resend_activation._get_kwargs(body=body)
        return _parse(User, await self._bridge.call(kwargs, signed=False))

    async def reset_password(self, new_password: str) -> User:
        """``PATCH /users/{email}``: ask for a password change, applied when the emailed link
        is followed (:meth:`confirm_reset`)."""
        body = ResetPasswordRequest(password=password_hash(new_password))
        kwargs = reset_password._get_kwargs(self.email, body=body)
        user = _parse(User, await self._bridge.call(kwargs))
        self._pending_password = new_password
        return user

    async def confirm_reset(self, token: str) -> User:
        """``GET /resets/{token}`` (no auth); this client then signs in with the new password
        if it asked for the reset."""
        kwargs = confirm_password_reset._get_kwargs(token)
        user = _parse(User, await self._bridge.call(kwargs, signed=False))
        if self._pending_password is not None:
            new = self._pending_password
            self._password_hash, self._pending_password = password_hash(new), None
            self._bridge.auth = BasicAuth(self.email, new)
            self._bridge.client.auth = self._bridge.auth
        return user

    async def delete(self) -> User:
        """``DELETE /users/{email}``: ask for the account's deletion, done when the emailed
        link is followed (:meth:`confirm_delete`)."""
        return _parse(User, await self._bridge.call(delete_user._get_kwargs(self.email)))

    async def confirm_delete(self, token: str) -> User:
        """``GET /deactivations/{token}`` (no auth)."""
        kwargs = confirm_user_deletion._get_kwargs(token)
        return _parse(User, await self._bridge.call(kwargs, signed=False))


class AsyncKeys:
    """The public keys of ``user``'s account (Basic auth through the user's client)."""

    def __init__(self, user: AsyncUsers) -> None:
        self._user = user
        self._bridge = user._bridge

    def __repr__(self) -> str:
        return f"AsyncKeys(email={self._user.email!r})"

    async def create(self, key_pair_or_pubkey: ECDSAKeyPair | str) -> PublicKey:
        """``POST /keys``: register a public key (a key pair's compressed hex, or hex)."""
        body = AddKeyRequest(key=_pubkey(key_pair_or_pubkey))
        return _parse(PublicKey, await self._bridge.call(add_key._get_kwargs(body=body)))

    async def list(self) -> builtins.list[PublicKey]:
        """``GET /keys``."""
        body = await self._bridge.call(list_keys._get_kwargs())
        return _parse_list(PublicKey, body)

    async def delete(self, pubkey: ECDSAKeyPair | str) -> None:
        """``DELETE /keys/{pubkey}``."""
        await self._bridge.call(delete_key._get_kwargs(_pubkey(pubkey)))


def _bucket_request(
    name: str | None,
    storage: float | None,
    transfer: float | None,
    pubkeys: builtins.list[ECDSAKeyPair | str] | None,
) -> BucketRequest:
    return BucketRequest(
        name=UNSET if name is None else name,
        storage=UNSET if storage is None else storage,
        transfer=UNSET if transfer is None else transfer,
        pubkeys=UNSET if pubkeys is None else [_pubkey(key) for key in pubkeys],
    )


class AsyncBuckets(_Owner):
    """The buckets of the account ``key_pair`` is registered to (ECDSA-signed requests)."""

    def __init__(
        self,
        key_pair: ECDSAKeyPair,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: VerifyTypes = True,
    ) -> None:
        self.key_pair = key_pair
        self._bridge = _Bridge(
            base_url,
            ECDSAAuth(key_pair),
            timeout=timeout,
            retry=retry,
            debug=debug,
            transport=transport,
            verify=verify,
        )

    def __repr__(self) -> str:
        return f"AsyncBuckets(key_pair={self.key_pair!r}, base_url={self._bridge.base_url!r})"

    async def create(
        self,
        name: str | None = None,
        storage: float | None = None,
        transfer: float | None = None,
        pubkeys: builtins.list[ECDSAKeyPair | str] | None = None,
    ) -> BucketModel:
        """``POST /buckets``; ``storage`` and ``transfer`` in GB (the bridge's defaults if
        left out), ``pubkeys`` the keys that may use it (the signing key if left out).

        Never re-sent after a dropped connection: the bridge may have made the bucket, and a
        second one would be a duplicate. List the buckets to find out.
        """
        body = _bucket_request(name, storage, transfer, pubkeys)
        return _parse(BucketModel, await self._bridge.call(create_bucket._get_kwargs(body=body)))

    async def list(self) -> builtins.list[BucketModel]:
        """``GET /buckets``."""
        body = await self._bridge.call(list_buckets._get_kwargs(), resend=True)
        return _parse_list(BucketModel, body)


class AsyncBucket(_Owner):
    """One bucket: ``info()``, ``update()``, ``delete()`` and its ``files``."""

    def __init__(
        self,
        bucket_id: str,
        key_pair: ECDSAKeyPair,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        debug: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: VerifyTypes = True,
    ) -> None:
        self.id = bucket_id
        self.key_pair = key_pair
        self._bridge = _Bridge(
            base_url,
            ECDSAAuth(key_pair),
            timeout=timeout,
            retry=retry,
            debug=debug,
            transport=transport,
            verify=verify,
        )
        self.files = AsyncBucketFiles(bucket_id, self._bridge)

    def __repr__(self) -> str:
        return f"AsyncBucket(bucket_id={self.id!r}, base_url={self._bridge.base_url!r})"

    async def info(self) -> BucketModel:
        """``GET /buckets/{id}`` (the original SDK's ``Bucket.list()``)."""
        kwargs = get_bucket._get_kwargs(self.id)
        return _parse(BucketModel, await self._bridge.call(kwargs, resend=True))

    async def update(
        self,
        name: str | None = None,
        storage: float | None = None,
        transfer: float | None = None,
        pubkeys: builtins.list[ECDSAKeyPair | str] | None = None,
    ) -> BucketModel:
        """``PATCH /buckets/{id}``: change what is given, keep the rest."""
        body = _bucket_request(name, storage, transfer, pubkeys)
        kwargs = update_bucket._get_kwargs(self.id, body=body)
        return _parse(BucketModel, await self._bridge.call(kwargs, resend=True))

    async def delete(self) -> None:
        """``DELETE /buckets/{id}``."""
        kwargs = delete_bucket._get_kwargs(self.id)
        await self._bridge.call(kwargs, resend=True, gone_is_done=True)


def _token_text(token: Token | str) -> str:
    return token.token if isinstance(token, Token) else token


class AsyncBucketFiles:
    """The files of a bucket: tokens, upload, list, download, delete.

    Uploads and downloads survive dropped connections: tokens are single-use, so each new try
    gets a fresh one. An upload whose answer was lost is looked up by its hash before being
    sent again; a download starts again at the shard that broke, with fresh pointers.
    """

    def __init__(self, bucket_id: str, bridge: _Bridge) -> None:
        self.bucket_id = bucket_id
        self._bridge = bridge

    def __repr__(self) -> str:
        return f"AsyncBucketFiles(bucket_id={self.bucket_id!r})"

    async def token(self, operation: str) -> Token:
        """``POST /buckets/{id}/tokens``: a single-use ``"PUSH"`` or ``"PULL"`` token."""
        body = TokenRequest(operation=check_operation(operation.upper()))
        kwargs = create_token._get_kwargs(self.bucket_id, body=body)
        # A token the bridge made but whose answer was lost is never used: re-asking is safe.
        return _parse(TransferToken, await self._bridge.call(kwargs, resend=True))

    async def list(self) -> builtins.list[BucketFile]:
        """``GET /buckets/{id}/files``."""
        kwargs = list_files._get_kwargs(self.bucket_id)
        body = await self._bridge.call(kwargs, resend=True)
        return _parse_list(BucketFile, body)

    async def delete(self, file_hash: str) -> None:
        """``DELETE /buckets/{id}/files/{hash}``."""
        kwargs = delete_file._get_kwargs(self.bucket_id, file_hash)
        await self._bridge.call(kwargs, resend=True, gone_is_done=True)

    async def upload(
        self,
        path: str | os.PathLike[str],
        token: Token | str | None = None,
        *,
        name: str | None = None,
        mimetype: str | None = None,
    ) -> BucketFile:
        """``PUT /buckets/{id}/files`` with a PUSH token (a new one unless given), streamed
        from disk; the bridge hash is computed while reading and must match the answer's.

        After a dropped connection or a 502/503/504 the file may or may not be stored: it is
        looked up by its hash, and sent again with a fresh token only if it is not there.
        """
        local = Path(path)
        filename = name or local.name
        mime = mimetype or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        attempt = 0
        while True:
            if token is None:
                token = await self.token("PUSH")
            try:
                return await self._upload_once(local, _token_text(token), filename, mime)
            except (TransportError, MetadiskServerError) as exc:
                delay = self._bridge.resend_delay(exc, attempt)
                if delay is None:
                    raise
            file_hash, size = await async_offload(file_bridge_hash, local)
            stored = await self._find(file_hash)
            if stored is not None and stored.size == size:
                return stored
            await async_sleep(delay)
            token, attempt = None, attempt + 1

    async def _upload_once(self, local: Path, token: str, filename: str, mime: str) -> BucketFile:
        with local.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            reader = HashingReader(stream)
            body = UploadFileRequest(
                file=Payload(payload=cast(BinaryIO, reader), file_name=filename, mime_type=mime)
            )
            kwargs = upload_file._get_kwargs(
                self.bucket_id, body=body, x_token=token, x_filesize=size
            )
            answer = await self._bridge.send(self._bridge.build(kwargs, extensions=_NO_RETRY))
        uploaded = _parse(BucketFile, answer)
        expected = reader.hasher.hexdigest()
        if isinstance(uploaded.hash_, str) and uploaded.hash_ != expected:
            raise MetadiskIntegrityError(
                f"the bridge stored {uploaded.hash_}, the file read hashes to {expected}"
            )
        return uploaded

    async def _find(self, file_hash: str) -> BucketFile | None:
        return next((f for f in await self.list() if f.hash_ == file_hash), None)

    async def pointers(self, file_hash: str, token: Token | str) -> builtins.list[FilePointer]:
        """``GET /buckets/{id}/files/{hash}`` with a PULL token: the shard pointers."""
        kwargs = get_file_pointers._get_kwargs(
            self.bucket_id, file_hash, x_token=_token_text(token)
        )
        body = await self._bridge.send(self._bridge.build(kwargs, extensions=_NO_RETRY))
        return _parse_list(ShardPointer, body)

    async def _fresh_pointers(
        self, file_hash: str, token: Token | str | None
    ) -> builtins.list[FilePointer]:
        attempt = 0
        while True:
            try:
                return await self.pointers(file_hash, token or await self.token("PULL"))
            except (TransportError, MetadiskServerError) as exc:
                delay = self._bridge.resend_delay(exc, attempt)
                if delay is None:
                    raise
            await async_sleep(delay)
            token, attempt = None, attempt + 1

    async def download(
        self,
        file_hash: str,
        dest: str | os.PathLike[str],
        token: Token | str | None = None,
    ) -> Path:
        """Download the file ``file_hash`` to ``dest`` (a new PULL token unless one is given),
        verified against its bridge hash before it is renamed into place.

        A shard cut off by a dropped connection or a 502/503/504 is fetched again from its
        start with fresh pointers (shard tokens are single-use), as often as the retry policy
        allows in a row.
        """
        pointers = await self._fresh_pointers(file_hash, token)
        target = Path(dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.part")
        whole = BridgeHasher()
        # One helper per digest: the two SHA-256 passes then run side by side.
        hashing = (HashingThread(), HashingThread())
        try:
            with tmp.open("wb") as out:
                index = attempt = 0
                while index < len(pointers):
                    start, before = out.tell(), whole.copy()
                    try:
                        await self._shard(pointers[index], out, whole, hashing)
                    except (TransportError, MetadiskServerError) as exc:
                        delay = self._bridge.resend_delay(exc, attempt)
                        if delay is None:
                            raise
                        out.seek(start)
                        out.truncate()
                        whole = before
                        await async_sleep(delay)
                        pointers = _same_shards(
                            pointers, await self._fresh_pointers(file_hash, None)
                        )
                        attempt += 1
                        continue
                    index, attempt = index + 1, 0
            if whole.hexdigest() != file_hash:
                raise MetadiskIntegrityError(
                    f"downloaded {whole.size} bytes hash to {whole.hexdigest()}, not {file_hash}"
                )
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        finally:
            for helper in hashing:
                helper.close()
        return target

    def _shard_url(self, pointer: FilePointer) -> str:
        channel = pointer.channel if isinstance(pointer.channel, str) else ""
        parts = urlsplit(channel)
        if parts.netloc:
            scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
            origin = urlunsplit((scheme, parts.netloc, "", "", ""))
        else:
            origin = self._bridge.base_url
        return f"{origin}/shards/{quote(pointer.hash_, safe='')}"

    async def _shard(
        self,
        pointer: FilePointer,
        out: IO[bytes],
        whole: BridgeHasher,
        hashing: tuple[HashingThread, HashingThread],
    ) -> None:
        request = self._bridge.client.build_request(
            "GET",
            self._shard_url(pointer),
            params={"token": pointer.token},
            extensions={**_NO_RETRY, EXT_MAX_RESPONSE_BYTES: None},  # a shard: uncapped
        )
        shard = BridgeHasher()
        with map_transport_errors():
            response = await self._bridge.client.send(request, auth=None, stream=True)
            try:
                if response.status_code >= 400:
                    await response.aread()
                    raise error_from_response(response)
                async for chunk in response.aiter_bytes(_CHUNK):
                    out.write(chunk)
                    hashing[0].feed(chunk, shard)
                    hashing[1].feed(chunk, whole)
            finally:
                await response.aclose()
        for helper in hashing:
            helper.settle()
        if shard.hexdigest() != pointer.hash_:
            raise MetadiskIntegrityError(
                f"shard {pointer.hash_} arrived as {shard.size} bytes hashing to "
                f"{shard.hexdigest()}"
            )


def _same_shards(
    old: builtins.list[FilePointer], new: builtins.list[FilePointer]
) -> builtins.list[FilePointer]:
    """``new``, after checking it names the shards ``old`` did (the file did not change)."""
    if [p.hash_ for p in old] != [p.hash_ for p in new]:
        raise MetadiskIntegrityError("the file's shards changed while it was being downloaded")
    return new
