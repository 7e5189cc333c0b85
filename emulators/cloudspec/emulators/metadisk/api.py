"""The bridge routes (reference §2.2, with the later user routes of §2.3) and their auth."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import mimetypes
import os
import re
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..box.asgi import Request, Response, Router, Send, json_response
from ..box.multipart import MultipartReader, boundary_of
from . import signature
from .errors import MetadiskError, not_authorized
from .state import Bucket, FileEntry, ShardGrant, State, User, object_id, stored_password

_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
_CHUNK = 256 * 1024
_SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass
class Auth:
    user: User
    pubkey: str | None  # the signing key, when the request was ECDSA-signed


class StreamResponse(Response):
    """A file slice sent in chunks (downloads), counted as it goes."""

    def __init__(
        self, status: int, headers: dict[str, str], chunks: AsyncIterator[bytes], length: int
    ) -> None:
        super().__init__(status, b"", headers)
        self.chunks = chunks
        self.length = length

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        pairs = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()]
        pairs.append((b"content-length", str(self.length).encode()))
        return pairs

    async def send(self, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status, "headers": self.raw_headers()}
        )
        async for chunk in self.chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})


def _params(request: Request, raw_body: bytes) -> dict[str, Any]:
    """The bridge's ``params``: the JSON body for POST/PUT/PATCH (``{}`` if unparsable)."""
    if request.method in signature.BODY_METHODS:
        try:
            value = json.loads(raw_body or b"{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}
    return dict(request.query)


def _basic(request: Request) -> tuple[str, str] | None:
    value = request.header("authorization") or ""
    scheme, _, encoded = value.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, _, password = decoded.partition(":")
    return (name, password) if name and password else None


def _nonce_text(value: object) -> str | None:
    if value is None or value == "" or value is False:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value)


class Api:
    def __init__(self, state: State) -> None:
        self.state = state

    # ---- auth (reference §1) ----
    def signature_ok(self, request: Request, raw_body: bytes) -> str | None:
        """The x-pubkey whose signature over this request verifies, else None."""
        pubkey = request.header("x-pubkey")
        sig = request.header("x-signature")
        if not pubkey or not sig:
            return None
        self.state.stats.signatures_checked += 1
        raw_query = request.scope["query_string"].decode("latin-1")
        payload = signature.payload_of(request.method, raw_query, raw_body)
        signed = signature.message(request.method, request.path, payload)
        return pubkey if signature.verify(pubkey, sig, signed) else None

    def authenticate(self, request: Request, raw_body: bytes) -> Auth:
        try:
            return self._authenticate(request, raw_body)
        except MetadiskError:
            self.state.stats.auth_failures += 1
            raise

    def _authenticate(self, request: Request, raw_body: bytes) -> Auth:
        state = self.state
        basic = _basic(request)
        if basic is not None:
            email, password = basic
            user = state.users.get(email)
            if user is None or not secrets.compare_digest(user.password, stored_password(password)):
                raise MetadiskError(500, "Invalid email or password")
            if not user.activated:
                raise not_authorized("User account has not been activated")
            return Auth(user, None)
        if not request.header("x-pubkey") or not request.header("x-signature"):
            raise not_authorized("No authentication strategy detected")
        pubkey = self.signature_ok(request, raw_body)
        if pubkey is None:
            raise not_authorized("Invalid signature")
        owner = state.pubkeys.get(pubkey)
        if owner is None:
            raise not_authorized("Public key not registered")
        user = state.users.get(owner)
        if user is None:
            raise not_authorized("User not found")
        if not user.activated:
            raise not_authorized("User account has not been activated")
        nonce = _nonce_text(_params(request, raw_body).get("__nonce"))
        if nonce is None:
            raise MetadiskError(
                500, "UserNonce validation failed: nonce: Path `nonce` is required."
            )
        if not state.use_nonce(user, nonce):
            raise MetadiskError(
                400,
                "E11000 duplicate key error index: usernonces.$user_1_nonce_1 dup key: "
                f'{{ : "{user.email}", : "{nonce}" }}',
            )
        return Auth(user, pubkey)

    async def authed(self, request: Request) -> tuple[Auth, bytes, dict[str, Any]]:
        raw = await self.body(request)
        auth = self.authenticate(request, raw)
        return auth, raw, _params(request, raw)

    async def body(self, request: Request) -> bytes:
        return await request.body()  # the toolkit's 413 becomes {"error": ...} in server.py

    def bucket_of(self, auth: Auth, bucket_id: str) -> Bucket:
        bucket = self.state.buckets.get(bucket_id)
        if bucket is None or bucket.user != auth.user.email:
            raise MetadiskError(404, "Bucket not found")
        return bucket

    # ---- users ----
    async def create_user(self, request: Request) -> Response:
        raw = await self.body(request)
        params = _params(request, raw)
        email, password = params.get("email"), params.get("password")
        if not isinstance(email, str) or "@" not in email:
            raise MetadiskError(500, "User validation failed: invalid email")
        if not isinstance(password, str) or not _SHA256_HEX.match(password):
            raise MetadiskError(500, "Password must be hex encoded SHA-256 hash")
        if email in self.state.users:
            raise MetadiskError(500, "Email is already registered")
        pubkey = params.get("pubkey")
        if pubkey is not None:
            self._check_key(pubkey, "Invalid public key supplied")
            if pubkey in self.state.pubkeys:
                raise MetadiskError(400, "Public key is already registered")
        user = User(email, stored_password(password), self.state.settings.auto_activate)
        self.state.users[email] = user
        body = user.as_json()
        if isinstance(pubkey, str):
            self.state.pubkeys[pubkey] = email
            body["pubkey"] = pubkey
        return json_response(body)

    async def activate(self, request: Request) -> Response:
        token = request.params["token"]
        user = next((u for u in self.state.users.values() if u.activator == token), None)
        if user is None:
            raise MetadiskError(400, "Invalid activation token")
        user.activated = True
        return _maybe_redirect(request, user.as_json())

    async def resend_activation(self, request: Request) -> Response:
        params = _params(request, await self.body(request))
        user = self.state.users.get(str(params.get("email", "")))
        if user is None:
            raise MetadiskError(404, "User not found")
        if user.activated:
            raise MetadiskError(400, "User is already activated")
        user.activator = secrets.token_hex(32)
        return json_response(user.as_json(), 201)

    async def deactivate(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        if auth.user.email != request.params["email"]:
            raise not_authorized("Not authorized")
        auth.user.deactivator = secrets.token_hex(32)
        return json_response(auth.user.as_json())

    async def confirm_deactivation(self, request: Request) -> Response:
        token = request.params["token"]
        user = next((u for u in self.state.users.values() if u.deactivator == token), None)
        if user is None:
            raise MetadiskError(404, "Invalid deactivation token")
        self.state.delete_user(user)
        return _maybe_redirect(request, user.as_json())

    async def reset_password(self, request: Request) -> Response:
        params = _params(request, await self.body(request))
        user = self.state.users.get(request.params["email"])
        if user is None:
            raise MetadiskError(404, "User not found")
        password = params.get("password")
        if not isinstance(password, str) or not _SHA256_HEX.match(password):
            raise MetadiskError(400, "Password must be hex encoded SHA-256 hash")
        user.pending_password = stored_password(password)
        user.resetter = secrets.token_hex(256)
        return json_response(user.as_json())

    async def confirm_reset(self, request: Request) -> Response:
        token = request.params["token"]
        user = next((u for u in self.state.users.values() if u.resetter == token), None)
        if user is None or user.pending_password is None:
            raise MetadiskError(400, "Invalid reset token")
        user.password, user.pending_password, user.resetter = user.pending_password, None, None
        return _maybe_redirect(request, user.as_json())

    # ---- keys ----
    def _check_key(self, key: object, message: str) -> str:
        if not isinstance(key, str) or ":" in key or signature.public_key(key) is None:
            raise MetadiskError(400, f"{message}: {key}")
        return key

    async def list_keys(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        email = auth.user.email
        keys = [_key_json(k, email) for k, owner in self.state.pubkeys.items() if owner == email]
        return json_response(keys)

    async def add_key(self, request: Request) -> Response:
        auth, _, params = await self.authed(request)
        key = self._check_key(params.get("key"), "Invalid public key supplied")
        if key in self.state.pubkeys:
            raise MetadiskError(400, "Public key is already registered")
        self.state.pubkeys[key] = auth.user.email
        return json_response(_key_json(key, auth.user.email))

    async def delete_key(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        key = request.params["pubkey"]
        if self.state.pubkeys.get(key) != auth.user.email:
            raise MetadiskError(404, "Public key was not found")
        del self.state.pubkeys[key]
        return Response(200)

    # ---- buckets ----
    def _bucket_fields(self, params: dict[str, Any], bucket: Bucket) -> None:
        for name in ("storage", "transfer"):
            if name in params:
                value = params[name]
                if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                    raise MetadiskError(400, f"Invalid {name} supplied")
                setattr(bucket, name, value)
        if "name" in params:
            bucket.name = str(params["name"])
        if "pubkeys" in params:
            keys = params["pubkeys"]
            if not isinstance(keys, list):
                raise MetadiskError(400, "Invalid public key supplied")
            bucket.pubkeys = [self._check_key(k, "Invalid public key supplied") for k in keys]

    async def list_buckets(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        email = auth.user.email
        return json_response([b.as_json() for b in self.state.buckets.values() if b.user == email])

    async def create_bucket(self, request: Request) -> Response:
        auth, _, params = await self.authed(request)
        bucket = Bucket(object_id(), auth.user.email, "New Bucket", 10, 30, [])
        self._bucket_fields(params, bucket)
        if auth.pubkey is not None and auth.pubkey not in bucket.pubkeys:
            bucket.pubkeys.append(auth.pubkey)
        self.state.buckets[bucket.id] = bucket
        return json_response(bucket.as_json())

    async def get_bucket(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        return json_response(self.bucket_of(auth, request.params["id"]).as_json())

    async def update_bucket(self, request: Request) -> Response:
        auth, _, params = await self.authed(request)
        bucket = self.bucket_of(auth, request.params["id"])
        self._bucket_fields(params, bucket)
        return json_response(bucket.as_json())

    async def delete_bucket(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        self.state.delete_bucket(self.bucket_of(auth, request.params["id"]))
        return Response(204)

    # ---- tokens ----
    async def create_token(self, request: Request) -> Response:
        raw = await self.body(request)
        params = _params(request, raw)
        bucket_id = request.params["id"]
        try:
            auth = self.authenticate(request, raw)
            bucket = self.bucket_of(auth, bucket_id)
        except MetadiskError as failure:
            # §1.2 rule 9: a valid signature by one of the bucket's pubkeys is enough.
            pubkey = self.signature_ok(request, raw)
            found = self.state.buckets.get(bucket_id)
            if pubkey is None or found is None or pubkey not in found.pubkeys:
                raise failure from None
            bucket = found
        operation = params.get("operation")
        if operation not in ("PUSH", "PULL"):
            raise MetadiskError(400, "Invalid operation supplied")
        return json_response(self.state.issue_token(bucket, str(operation)).as_json())

    def _token_bucket(self, request: Request, operation: str) -> Bucket:
        token = self.state.spend_token(request.header("x-token") or "")
        if token is None:
            raise MetadiskError(500, "Invalid or expired token")
        bucket = self.state.buckets.get(request.params["id"])
        if bucket is None:
            raise MetadiskError(404, "Bucket not found")
        if token.bucket != bucket.id or token.operation != operation:
            verb = "store in" if operation == "PUSH" else "retrieve from"
            raise not_authorized(f"Not authorized to {verb} bucket")
        return bucket

    # ---- files ----
    async def upload(self, request: Request) -> Response:
        state = self.state
        bucket = self._token_bucket(request, "PUSH")
        declared_text = (request.header("x-filesize") or "").strip()
        if not declared_text.isdigit():
            raise MetadiskError(400, "Missing or invalid x-filesize header sent")
        declared = int(declared_text)
        if bucket.used() + declared > bucket.storage * state.settings.gb:
            raise MetadiskError(400, "Bucket storage limit exceeded")
        if bucket.transferred + declared > bucket.transfer * state.settings.gb:
            raise MetadiskError(420, "Bucket transfer limit exceeded")
        reader = MultipartReader(request.chunks(), boundary_of(request.header("content-type")))
        entry: FileEntry | None = None
        while (part := await reader.next_part()) is not None:
            if part.filename is None or entry is not None:
                await reader.skip()
                continue
            entry = await self._store(bucket, part.filename, reader, declared)
        if entry is None:
            raise MetadiskError(400, "No file was supplied")
        old = bucket.files.get(entry.hash)
        if old is not None and old.blob != entry.blob:
            state.blob_path(old.blob).unlink(missing_ok=True)
        bucket.files[entry.hash] = entry
        bucket.transferred += entry.size
        state.stats.uploads += 1
        state.stats.bytes_uploaded += entry.size
        return json_response(entry.as_json())

    async def _store(
        self, bucket: Bucket, filename: str, reader: MultipartReader, declared: int
    ) -> FileEntry:
        shard_size = self.state.settings.shard_size
        blob, path = self.state.new_blob()
        whole = hashlib.sha256()
        shard = hashlib.sha256()
        shards: list[tuple[int, int, str]] = []
        size = shard_fill = 0
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            async for chunk in reader.stream():
                size += len(chunk)
                if size > declared:
                    raise MetadiskError(400, "File size exceeds declared size")
                os.write(fd, chunk)
                whole.update(chunk)
                view = memoryview(chunk)
                while view:
                    take = view[: shard_size - shard_fill]
                    shard.update(take)
                    shard_fill += len(take)
                    view = view[len(take) :]
                    if shard_fill == shard_size:
                        offset = len(shards) * shard_size
                        shards.append((offset, shard_fill, signature.file_hash(shard.hexdigest())))
                        shard, shard_fill = hashlib.sha256(), 0
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise
        os.close(fd)
        if size != declared:
            path.unlink(missing_ok=True)
            raise MetadiskError(400, "File does not match the declared size")
        if shard_fill or not shards:
            offset = len(shards) * shard_size
            shards.append((offset, shard_fill, signature.file_hash(shard.hexdigest())))
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        return FileEntry(
            bucket=bucket.id,
            filename=filename,
            mimetype=mimetype,
            size=size,
            hash=signature.file_hash(whole.hexdigest()),
            blob=blob,
            shards=shards,
        )

    async def list_files(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        bucket = self.bucket_of(auth, request.params["id"])
        return json_response([entry.as_json() for entry in bucket.files.values()])

    async def delete_file(self, request: Request) -> Response:
        auth, _, _ = await self.authed(request)
        bucket = self.bucket_of(auth, request.params["id"])
        entry = bucket.files.pop(request.params["hash"], None)
        if entry is None:
            raise MetadiskError(404, "File not found")
        self.state.blob_path(entry.blob).unlink(missing_ok=True)
        return Response(204)

    async def pointers(self, request: Request) -> Response:
        state = self.state
        bucket = self._token_bucket(request, "PULL")
        entry = bucket.files.get(request.params["hash"])
        if entry is None:
            raise MetadiskError(404, "The requested file was not found")
        if bucket.transferred + entry.size > bucket.transfer * state.settings.gb:
            raise MetadiskError(420, "Bucket transfer limit exceeded")
        channel = state.channel
        expires = time.time() + state.settings.token_ttl
        result: list[dict[str, Any]] = []
        for index, (_, _, shard_hash) in enumerate(entry.shards):
            token = secrets.token_hex(32)
            state.shard_grants[token] = ShardGrant(bucket.id, entry.hash, index, expires)
            result.append(
                {"hash": shard_hash, "token": token, "operation": "PULL", "channel": channel}
            )
        return json_response(result)

    async def shard(self, request: Request) -> Response:
        """The farmer's HTTP data channel (core v6 style): ``GET /shards/<hash>?token=``."""
        state = self.state
        grant = state.shard_grants.pop(request.query.get("token", ""), None)
        if grant is None or grant.expires <= time.time():
            raise not_authorized("Invalid or expired token")
        bucket = state.buckets.get(grant.bucket)
        entry = bucket.files.get(grant.file_hash) if bucket is not None else None
        if bucket is None or entry is None or grant.index >= len(entry.shards):
            raise MetadiskError(404, "Shard not found")
        offset, length, shard_hash = entry.shards[grant.index]
        if shard_hash != request.params["hash"]:
            raise not_authorized("Token does not match the shard")
        status, start, end = 200, 0, length
        headers = {"content-type": "application/octet-stream", "accept-ranges": "bytes"}
        wanted = request.header("range")
        if wanted:
            match = _RANGE.match(wanted)
            first = match.group(1) if match else ""
            last = match.group(2) if match else ""
            if match is None or (not first and not last):
                raise MetadiskError(416, "Invalid range")
            if first:
                start, end = int(first), min(length, int(last) + 1) if last else length
            else:
                start, end = max(0, length - int(last)), length
            if start >= length or start >= end:
                raise MetadiskError(
                    416, "Range not satisfiable", {"content-range": f"bytes */{length}"}
                )
            status = 206
            headers["content-range"] = f"bytes {start}-{end - 1}/{length}"
        path = state.blob_path(entry.blob)
        state.stats.downloads += 1

        async def chunks() -> AsyncIterator[bytes]:
            fd = os.open(path, os.O_RDONLY)
            try:
                position = offset + start
                stop = offset + end
                while position < stop:
                    data = os.pread(fd, min(_CHUNK, stop - position), position)
                    if not data:
                        return
                    position += len(data)
                    bucket.transferred += len(data)
                    state.stats.bytes_downloaded += len(data)
                    yield data
            finally:
                os.close(fd)

        return StreamResponse(status, headers, chunks(), end - start)

    async def info(self, request: Request) -> Response:
        host = urlsplit(self.state.urls.get("api", "")).netloc
        return json_response(
            {
                "swagger": "2.0",
                "info": {"title": "Storj Bridge (cloudspec emulator)", "version": "0.2.4"},
                "host": host,
                "schemes": ["http"],
                "x-network-seed": "",
            }
        )


def _key_json(key: str, email: str) -> dict[str, str]:
    return {"user": email, "key": key, "id": key}


def _maybe_redirect(request: Request, body: dict[str, Any]) -> Response:
    redirect = request.query.get("redirect")
    if redirect:
        return Response(302, b"", {"location": redirect})
    return json_response(body)


def api_router(state: State) -> Router:
    api = Api(state)
    router = Router()
    router.add(["GET"], "/", api.info)
    router.add(["POST"], "/users", api.create_user)
    router.add(["DELETE"], "/users/{email}", api.deactivate)
    router.add(["PATCH"], "/users/{email}", api.reset_password)
    router.add(["GET"], "/activations/{token}", api.activate)
    router.add(["POST"], "/activations", api.resend_activation)
    router.add(["GET"], "/deactivations/{token}", api.confirm_deactivation)
    router.add(["GET"], "/resets/{token}", api.confirm_reset)
    router.add(["GET"], "/keys", api.list_keys)
    router.add(["POST"], "/keys", api.add_key)
    router.add(["DELETE"], "/keys/{pubkey}", api.delete_key)
    router.add(["GET"], "/buckets", api.list_buckets)
    router.add(["POST"], "/buckets", api.create_bucket)
    router.add(["GET"], "/buckets/{id}", api.get_bucket)
    router.add(["PATCH"], "/buckets/{id}", api.update_bucket)
    router.add(["DELETE"], "/buckets/{id}", api.delete_bucket)
    router.add(["POST"], "/buckets/{id}/tokens", api.create_token)
    router.add(["GET"], "/buckets/{id}/files", api.list_files)
    router.add(["PUT"], "/buckets/{id}/files", api.upload)
    router.add(["GET"], "/buckets/{id}/files/{hash}", api.pointers)
    router.add(["DELETE"], "/buckets/{id}/files/{hash}", api.delete_file)
    router.add(["GET"], "/shards/{hash}", api.shard)
    return router
