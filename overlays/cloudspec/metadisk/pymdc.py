"""The original ``pymdc`` surface, for code written against it: change ``import pymdc`` to
``from cloudspec.metadisk import pymdc`` and it runs.

``pymdc.api.Users(email, password)``, ``pymdc.api.keys.Keys(user)``,
``pymdc.api.buckets.Buckets(key_pair)``, ``pymdc.api.buckets.Bucket(bucket_id=..., key_pair=...)``
and ``pymdc.keypair.ECDSA(pub_key, priv_key)`` answer with the bridge's JSON as dicts and lists,
as the original did. Every method takes ``callback=``: the call then runs on a thread (returned,
so it can be joined) and the callback receives the JSON, or ``{"error": message}`` when the
bridge answered with an error, or the exception when no answer came, exactly the three shapes
the original delivered. Without a callback, errors raise the typed exceptions of
:mod:`cloudspec.metadisk.errors` (the original returned them, which hid failures).

New code should use :class:`cloudspec.metadisk.Users` and friends (typed models, async twins);
this module only adapts them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ._async.client import DEFAULT_BASE_URL
from ._sync.client import Bucket as _Bucket
from ._sync.client import BucketFiles as _BucketFiles
from ._sync.client import Buckets as _Buckets
from ._sync.client import Keys as _Keys
from ._sync.client import Users as _Users
from .auth import ECDSAKeyPair
from .errors import MetadiskError

__all__ = [
    "ECDSA",
    "Bucket",
    "BucketFiles",
    "Buckets",
    "Callback",
    "Keys",
    "Users",
    "api",
    "keypair",
]

Callback = Callable[[Any], object]


def _json(value: Any) -> Any:
    """What the original handed back: the bridge's JSON, not models."""
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _deliver(call: Callable[[], Any], callback: Callback | None) -> Any:
    if callback is None:
        return _json(call())

    def run() -> None:
        result: Any
        try:
            result = _json(call())
        except MetadiskError as exc:
            result = {"error": exc.message}
        except Exception as exc:  # the original handed every failure to the callback
            result = exc
        callback(result)

    thread = threading.Thread(target=run, name="pymdc-callback", daemon=True)
    thread.start()
    return thread


class ECDSA(ECDSAKeyPair):
    """``pymdc.keypair.ECDSA()``: a new key pair, or the one given as hex."""

    def __init__(self, pub_key: str | None = None, priv_key: str | None = None) -> None:
        pair = ECDSAKeyPair.from_private_hex(priv_key) if priv_key else ECDSAKeyPair.generate()
        if pub_key and pub_key.lower() != pair.public_key_hex:
            raise ValueError("the public key does not belong to the private key")
        super().__init__(pair._private)

    def get_public_key(self) -> str:
        return self.public_key_hex

    def get_private_key(self) -> str:
        return self.private_key_hex


class Users:
    def __init__(self, email: str, password: str, url: str = DEFAULT_BASE_URL) -> None:
        self.client = _Users(email, password, base_url=url)
        self.email = email

    def register(self, pubkey: Any = None, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.register(pubkey), callback)

    def activate(self, token: str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.activate(token), callback)


class Keys:
    def __init__(self, user: Users) -> None:
        self.client = _Keys(user.client)

    def create(self, key_pair: ECDSAKeyPair | str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.create(key_pair), callback)

    def list(self, callback: Callback | None = None) -> Any:
        return _deliver(self.client.list, callback)

    def delete(self, key_pair: ECDSAKeyPair | str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.delete(key_pair), callback)


class Buckets:
    def __init__(self, key_pair: ECDSAKeyPair, url: str = DEFAULT_BASE_URL) -> None:
        self.client = _Buckets(key_pair, base_url=url)

    def create(
        self,
        name: str | None = None,
        storage: float | None = None,
        transfer: float | None = None,
        pubkeys: list[ECDSAKeyPair | str] | None = None,
        callback: Callback | None = None,
    ) -> Any:
        return _deliver(lambda: self.client.create(name, storage, transfer, pubkeys), callback)

    def list(self, callback: Callback | None = None) -> Any:
        return _deliver(self.client.list, callback)


class BucketFiles:
    def __init__(self, files: _BucketFiles) -> None:
        self.client = files

    def token(self, operation: str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.token(operation), callback)

    def upload(self, path: str, token: str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.upload(path, token), callback)

    def list(self, callback: Callback | None = None) -> Any:
        return _deliver(self.client.list, callback)

    def download(
        self,
        file_hash: str,
        dest: str,
        token: str | None = None,
        callback: Callback | None = None,
    ) -> Any:
        """The download the original never finished: the path written, as a string."""
        return _deliver(lambda: self.client.download(file_hash, dest, token), callback)

    def delete(self, file_hash: str, callback: Callback | None = None) -> Any:
        return _deliver(lambda: self.client.delete(file_hash), callback)


class Bucket:
    def __init__(self, bucket_id: str, key_pair: ECDSAKeyPair, url: str = DEFAULT_BASE_URL) -> None:
        self.client = _Bucket(bucket_id, key_pair, base_url=url)
        self.files = BucketFiles(self.client.files)

    def list(self, callback: Callback | None = None) -> Any:
        """The bucket's metadata (the original's name for it)."""
        return _deliver(self.client.info, callback)

    def delete(self, callback: Callback | None = None) -> Any:
        return _deliver(self.client.delete, callback)


api = SimpleNamespace(
    Users=Users,
    keys=SimpleNamespace(Keys=Keys),
    buckets=SimpleNamespace(Buckets=Buckets, Bucket=Bucket),
)
keypair = SimpleNamespace(ECDSA=ECDSA)
