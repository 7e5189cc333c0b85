"""A local emulator of Metadisk (the 2016 Storj bridge API): ECDSA-signed requests, nonces,
Basic auth, users, keys, buckets, single-use tokens, file upload and download.

Start it with ``cloudspec.emulators.run("metadisk", seed=..., settings=...)`` (it yields
``ServerURLs``; ``base_url`` is ``http://127.0.0.1:<port>``, the bridge's root) or ``python -m
cloudspec.emulators metadisk`` (one ``ready <base_url>`` line). It runs as a child process
(:mod:`.server`, raw ASGI on uvicorn + httptools); file contents are stored on disk in a
temporary directory, metadata in memory.

Default seed (used when no seed is given)::

    {"users": [{"email": "demo@example.com", "password": "demo-password", "activated": true}]}

(``password`` is the plaintext; clients send its SHA-256 hex. A user may also list
``pubkeys``: hex keys registered to it.)

Settings (``settings={...}`` or ``--set key=value``): ``token_ttl`` (s, 300), ``nonce_ttl`` (s,
300: how long a used ``__nonce`` is remembered), ``auto_activate`` (false), ``gb`` (bytes per
GB of a bucket's ``storage``/``transfer``, 1024**3; tests shrink it), ``shard_size`` (bytes per
download pointer, 8 MiB), ``storage_dir``.

Authentication (reference §1), verified by :mod:`.signature`, independently of the client:

- Basic (``email:sha256hex(password)``) is used whenever the header carries both parts, else
  ECDSA (``x-pubkey`` + ``x-signature``, DER hex over SHA-256 of ``METHOD\\nPATH\\nPAYLOAD``,
  payload = raw body for POST/PUT/PATCH, raw query for GET/DELETE/OPTIONS; high and low S
  accepted), else 401 "No authentication strategy detected".
- ECDSA checks, in order, each 401: "Invalid signature", "Public key not registered" (exact
  string match with the registered key), "User not found", "User account has not been
  activated". Then ``__nonce`` (the v0.7.2+ unique-nonce rule: any string or number never used
  by this user in the last ``nonce_ttl`` seconds): a replay answers 400 with MongoDB's
  duplicate-key message, a missing nonce 500, as the bridge did.
- Basic: a wrong email or password answers 500 "Invalid email or password" (the 2016 status);
  an inactive account 401.
- ``POST /buckets/{id}/tokens`` also accepts a valid signature by one of the bucket's
  ``pubkeys`` (rule 9, no nonce check). Tokens are 64 hex, valid ``token_ttl``, single use;
  a bad, used or expired one answers 500 "Invalid or expired token", one for another bucket or
  operation 401.

Routes (reference §2.2, statuses of the original SDK's era: 200 for creations): ``POST /users``,
``GET /activations/{token}``, ``POST /activations``, ``DELETE /users/{email}`` + ``GET
/deactivations/{token}``, ``PATCH /users/{email}`` + ``GET /resets/{token}``; ``GET|POST
/keys``, ``DELETE /keys/{pubkey}`` (200, empty body); ``GET|POST /buckets``, ``GET|PATCH|DELETE
/buckets/{id}`` (DELETE 204); ``POST /buckets/{id}/tokens``; ``PUT /buckets/{id}/files``
(``x-token`` PUSH, ``x-filesize``, multipart: the first part with a filename is the file;
answers ``{bucket, mimetype, filename, size, hash}``, ``hash`` = RIPEMD-160 of the SHA-256
*hex string*); ``GET /buckets/{id}/files``; ``DELETE /buckets/{id}/files/{hash}`` (204).

Download: ``GET /buckets/{id}/files/{hash}`` with a PULL ``x-token`` returns the bridge's
pointer list, one ``{hash, token, operation: "PULL", channel: "ws://<host>:<port>"}`` per
``shard_size`` slice in order (``hash`` = the shard's hash by the same rule). The farmer side
is emulated over HTTP on the same host, as core v6 did: ``GET /shards/{hash}?token=<token>``
answers the shard's bytes (``Range`` honoured, 206); each shard token is single use and lives
``token_ttl``.

Limits and statuses chosen where the reference is silent: an upload whose ``x-filesize`` would
take the bucket over ``storage`` GB answers 400 "Bucket storage limit exceeded"; uploads and
downloads both count against ``transfer`` GB, and going over answers 420 (the bridge's later
TransferRate error) "Bucket transfer limit exceeded" (checked before an upload and when the
pointers are asked for). An upload body longer than ``x-filesize``: 400 "File size exceeds
declared size"; shorter: 400 "File does not match the declared size".

Test-only control endpoints live under ``/_emulator/`` (see :mod:`.control`): ``stats``,
``faults`` (the Box emulator's rule format, see :mod:`.faults`), ``activation/{email}``,
``expire_tokens``, ``reset``.
"""

from .launch import serve_metadisk
from .seed import DEFAULT_SEED
from .settings import Settings

__all__ = ["DEFAULT_SEED", "Settings", "serve_metadisk"]
