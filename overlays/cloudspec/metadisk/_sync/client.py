# Generated from the _async twin by python -m generator.unasync; do not edit.
"""The original Metadisk client's surface, typed, with timeouts and a finished download.

``Users(email, password)`` registers and activates an account (Basic auth: the SHA-256 hex
of the password); ``Keys(user)`` manages its public keys; ``Buckets(key_pair)`` and
``Bucket(bucket_id, key_pair)`` work with buckets through ECDSA-signed requests, and
``bucket.files`` with PUSH/PULL tokens, uploads, listings and downloads.

Every request is built from its generated operation (``cloudspec.metadisk_api.api.<tag>.
<operationId>._get_kwargs``) and the generated request models; answers are the generated models
(``Bucket``, ``BucketFile``, ``PublicKey``, ``Token``, ``User``); an error answer raises the
typed error for its status (:mod:`cloudspec.metadisk.errors`). Clients come from
``cloudspec.core.build_client``: real timeouts, and retries on dropped connections and
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
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO, Self, cast
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from cloudspec.core import RetryPolicy, build_client
from cloudspec.core.errors import map_transport_errors
from cloudspec.core.retry import EXT_IDEMPOTENT, EXT_RETRY
from cloudspec.metadisk_api.api.buckets import (
    create_bucket,
    delete_bucket,
    get_bucket,
    list_buckets,
)
from cloudspec.metadisk_api.api.files import get_file_pointers, list_files, upload_file
from cloudspec.metadisk_api.api.keys import add_key, delete_key, list_keys
from cloudspec.metadisk_api.api.tokens import create_token
from cloudspec.metadisk_api.api.users import activate_user, register_user
from cloudspec.metadisk_api.models import (
    AddKeyRequest,
    BucketFile,
    BucketRequest,
    FilePointer,
    PublicKey,
    RegisterUserRequest,
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
from ..errors import MetadiskIntegrityError, error_from_response
from ..hashing import BridgeHasher, HashingReader

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RETRY",
    "Bucket",
    "BucketFiles",
    "Buckets",
    "Keys",
    "Users",
]

JSON = Any
DEFAULT_BASE_URL = "https://api.metadisk.org"
DEFAULT_RETRY = RetryPolicy(statuses=frozenset({408, 429, 502, 503, 504}))
"""Dropped connections and 502/503/504; never 500, which the bridge uses for client errors."""
_NO_RETRY: dict[str, Any] = {EXT_RETRY: None}
_CHUNK = 64 * 1024


class _Bridge:
    """One HTTP client and the request/answer plumbing shared by the facades."""

    def __init__(
        self,
        base_url: str,
        auth: httpx.Auth,
        *,
        timeout: float,
        retry: RetryPolicy | None,
        transport: httpx.BaseTransport | None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.client = build_client(
            self.base_url,
            auth=auth,
            timeout=timeout,
            retry=retry or DEFAULT_RETRY,
            transport=transport,
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
            # left (a connect error) or was refused unread (429).
            ext.setdefault(EXT_IDEMPOTENT, False)
        return self.client.build_request(
            str(kwargs["method"]).upper(),
            str(kwargs["url"]),
            params={k: str(v) for k, v in params.items() if v is not None} or None,
            headers=headers or None,
            json=kwargs.get("json"),
            files=files,
            extensions=ext or None,
        )

    def send(self, request: httpx.Request, *, signed: bool = True) -> JSON:
        """Send, read, raise the typed error for an error status, return the decoded JSON
        (``None`` for an empty body). ``signed=False`` sends without the client's auth."""
        with map_transport_errors():
            auth = self.client.auth if signed else None
            response = self.client.send(request, auth=auth)
        if response.status_code >= 400:
            raise error_from_response(response)
        if not response.content.strip():
            return None
        try:
            return response.json()
        except ValueError:
            return None

    def call(self, kwargs: Mapping[str, Any], *, signed: bool = True) -> JSON:
        return self.send(self.build(kwargs), signed=signed)

    def close(self) -> None:
        self.client.close()


class _Owner:
    """Context-manager plumbing for a facade that owns a :class:`_Bridge`."""

    _bridge: _Bridge

    def close(self) -> None:
        self._bridge.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _list(body: JSON) -> list[Mapping[str, Any]]:
    return [item for item in body or [] if isinstance(item, Mapping)]


class Users(_Owner):
    """An account: ``register()`` it, ``activate(token)`` it (the emailed token)."""

    def __init__(
        self,
        email: str,
        password: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.email = email
        self._password_hash = password_hash(password)
        self._bridge = _Bridge(
            base_url, BasicAuth(email, password), timeout=timeout, retry=retry, transport=transport
        )

    def __repr__(self) -> str:
        return f"Users(email={self.email!r}, base_url={self._bridge.base_url!r})"

    def register(self, pubkey: ECDSAKeyPair | str | None = None) -> User:
        """``POST /users`` (no auth), optionally registering a first public key."""
        key = pubkey.public_key_hex if isinstance(pubkey, ECDSAKeyPair) else pubkey
        body = RegisterUserRequest(
            email=self.email,
            password=self._password_hash,
            pubkey=UNSET if key is None else key,
        )
        kwargs = register_user._get_kwargs(body=body)
        return User.from_dict(self._bridge.call(kwargs, signed=False))

    def activate(self, token: str) -> User:
        """``GET /activations/{token}`` (no auth)."""
        kwargs = activate_user._get_kwargs(token)
        return User.from_dict(self._bridge.call(kwargs, signed=False))


class Keys:
    """The public keys of ``user``'s account (Basic auth through the user's client)."""

    def __init__(self, user: Users) -> None:
        self._user = user
        self._bridge = user._bridge

    def __repr__(self) -> str:
        return f"Keys(email={self._user.email!r})"

    def create(self, key_pair_or_pubkey: ECDSAKeyPair | str) -> PublicKey:
        """``POST /keys``: register a public key (a key pair's compressed hex, or hex)."""
        key = (
            key_pair_or_pubkey.public_key_hex
            if isinstance(key_pair_or_pubkey, ECDSAKeyPair)
            else key_pair_or_pubkey
        )
        body = AddKeyRequest(key=key)
        return PublicKey.from_dict(self._bridge.call(add_key._get_kwargs(body=body)))

    def list(self) -> builtins.list[PublicKey]:
        """``GET /keys``."""
        body = self._bridge.call(list_keys._get_kwargs())
        return [PublicKey.from_dict(item) for item in _list(body)]

    def delete(self, pubkey: ECDSAKeyPair | str) -> None:
        """``DELETE /keys/{pubkey}``."""
        key = pubkey.public_key_hex if isinstance(pubkey, ECDSAKeyPair) else pubkey
        self._bridge.call(delete_key._get_kwargs(key))


class Buckets(_Owner):
    """The buckets of the account ``key_pair`` is registered to (ECDSA-signed requests)."""

    def __init__(
        self,
        key_pair: ECDSAKeyPair,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.key_pair = key_pair
        self._bridge = _Bridge(
            base_url, ECDSAAuth(key_pair), timeout=timeout, retry=retry, transport=transport
        )

    def __repr__(self) -> str:
        return f"Buckets(key_pair={self.key_pair!r}, base_url={self._bridge.base_url!r})"

    def create(
        self,
        name: str | None = None,
        *,
        storage: float | None = None,
        transfer: float | None = None,
    ) -> BucketModel:
        """``POST /buckets``; ``storage`` and ``transfer`` in GB (the bridge's defaults if
        left out)."""
        body = BucketRequest(
            name=UNSET if name is None else name,
            storage=UNSET if storage is None else storage,
            transfer=UNSET if transfer is None else transfer,
        )
        return BucketModel.from_dict(self._bridge.call(create_bucket._get_kwargs(body=body)))

    def list(self) -> builtins.list[BucketModel]:
        """``GET /buckets``."""
        body = self._bridge.call(list_buckets._get_kwargs())
        return [BucketModel.from_dict(item) for item in _list(body)]


class Bucket(_Owner):
    """One bucket: ``info()``, ``delete()`` and its ``files``."""

    def __init__(
        self,
        bucket_id: str,
        key_pair: ECDSAKeyPair,
        *,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.id = bucket_id
        self.key_pair = key_pair
        self._bridge = _Bridge(
            base_url, ECDSAAuth(key_pair), timeout=timeout, retry=retry, transport=transport
        )
        self.files = BucketFiles(bucket_id, self._bridge)

    def __repr__(self) -> str:
        return f"Bucket(bucket_id={self.id!r}, base_url={self._bridge.base_url!r})"

    def info(self) -> BucketModel:
        """``GET /buckets/{id}``."""
        return BucketModel.from_dict(self._bridge.call(get_bucket._get_kwargs(self.id)))

    def delete(self) -> None:
        """``DELETE /buckets/{id}``."""
        self._bridge.call(delete_bucket._get_kwargs(self.id))


def _token_text(token: Token | str) -> str:
    return token.token if isinstance(token, Token) else token


class BucketFiles:
    """The files of a bucket: tokens, upload, list, download."""

    def __init__(self, bucket_id: str, bridge: _Bridge) -> None:
        self.bucket_id = bucket_id
        self._bridge = bridge

    def __repr__(self) -> str:
        return f"BucketFiles(bucket_id={self.bucket_id!r})"

    def token(self, operation: str) -> Token:
        """``POST /buckets/{id}/tokens``: a single-use ``"PUSH"`` or ``"PULL"`` token."""
        body = TokenRequest(operation=check_operation(operation.upper()))
        kwargs = create_token._get_kwargs(self.bucket_id, body=body)
        return Token.from_dict(self._bridge.call(kwargs))

    def list(self) -> builtins.list[BucketFile]:
        """``GET /buckets/{id}/files``."""
        body = self._bridge.call(list_files._get_kwargs(self.bucket_id))
        return [BucketFile.from_dict(item) for item in _list(body)]

    def upload(
        self,
        path: str | os.PathLike[str],
        token: Token | str,
        *,
        name: str | None = None,
        mimetype: str | None = None,
    ) -> BucketFile:
        """``PUT /buckets/{id}/files`` with a PUSH token, streamed from disk; the bridge hash
        is computed while reading and must match the one the bridge answers with."""
        local = Path(path)
        filename = name or local.name
        mime = mimetype or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        with local.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            reader = HashingReader(stream)
            body = UploadFileRequest(
                file=Payload(payload=cast(BinaryIO, reader), file_name=filename, mime_type=mime)
            )
            kwargs = upload_file._get_kwargs(
                self.bucket_id, body=body, x_token=_token_text(token), x_filesize=size
            )
            answer = self._bridge.send(self._bridge.build(kwargs, extensions=_NO_RETRY))
        uploaded = BucketFile.from_dict(answer)
        expected = reader.hasher.hexdigest()
        if isinstance(uploaded.hash_, str) and uploaded.hash_ != expected:
            raise MetadiskIntegrityError(
                f"the bridge stored {uploaded.hash_}, the file read hashes to {expected}"
            )
        return uploaded

    def pointers(self, file_hash: str, token: Token | str) -> builtins.list[FilePointer]:
        """``GET /buckets/{id}/files/{hash}`` with a PULL token: the shard pointers."""
        kwargs = get_file_pointers._get_kwargs(
            self.bucket_id, file_hash, x_token=_token_text(token)
        )
        body = self._bridge.send(self._bridge.build(kwargs, extensions=_NO_RETRY))
        return [FilePointer.from_dict(item) for item in _list(body)]

    def download(
        self,
        file_hash: str,
        dest: str | os.PathLike[str],
        token: Token | str | None = None,
    ) -> Path:
        """Download the file ``file_hash`` to ``dest`` (a new PULL token unless one is given),
        verified against its bridge hash before it is renamed into place."""
        if token is None:
            token = self.token("PULL")
        pointers = self.pointers(file_hash, token)
        target = Path(dest)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.part")
        whole = BridgeHasher()
        try:
            with tmp.open("wb") as out:
                for pointer in pointers:
                    self._shard(pointer, out, whole)
            if whole.hexdigest() != file_hash:
                raise MetadiskIntegrityError(
                    f"downloaded {whole.size} bytes hash to {whole.hexdigest()}, not {file_hash}"
                )
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
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

    def _shard(self, pointer: FilePointer, out: IO[bytes], whole: BridgeHasher) -> None:
        request = self._bridge.client.build_request(
            "GET",
            self._shard_url(pointer),
            params={"token": pointer.token},
            extensions=_NO_RETRY,
        )
        shard = BridgeHasher()
        with map_transport_errors():
            response = self._bridge.client.send(request, auth=None, stream=True)
            try:
                if response.status_code >= 400:
                    response.read()
                    raise error_from_response(response)
                for chunk in response.iter_bytes(_CHUNK):
                    out.write(chunk)
                    shard.update(chunk)
                    whole.update(chunk)
            finally:
                response.close()
        if shard.hexdigest() != pointer.hash_:
            raise MetadiskIntegrityError(
                f"shard {pointer.hash_} arrived as {shard.size} bytes hashing to "
                f"{shard.hexdigest()}"
            )
