"""A local emulator of ButtFS (Bitcasa CloudFS REST API v2): BCS signing, files, trash, shares.

Start it with ``cloudspec.emulators.run("buttfs", seed=..., settings=...)`` (it yields
``ServerURLs``; ``base_url`` is ``http://127.0.0.1:<port>``, to which clients append
``/v2/...``) or ``python -m cloudspec.emulators buttfs`` (one ``ready <base_url>`` line). It runs
as a child process (:mod:`.server`, raw ASGI on uvicorn + httptools); file contents are stored
on disk in a temporary directory, metadata in memory.

Default seed (used when no seed is given)::

    {"apps": [{"client_id": "buttfs-demo", "client_secret": "buttfs-demo-secret",
               "admin_client_id": "buttfs-admin",
               "admin_client_secret": "buttfs-admin-secret"}],
     "users": [{"username": "demo", "password": "demo-password"}]}

Settings (``settings={...}`` or ``--set key=value``): ``date_skew`` (s, 900: a signed request's
``Date`` may be 15 minutes off), ``token_ttl`` (s, 3600), ``storage_limit`` (bytes; 0, the
default, sends ``X-BCS-Account-Storage-Limit: None``), ``storage_dir`` (parent of the contents
directory), ``download_redirect`` (false; true: ``GET /v2/files{path}`` answers 302 to a signed
``/_download/<token>`` URL on the same host, valid 15 minutes, honouring Range).

Authentication: ``POST /v2/oauth2/token`` and ``POST /v2/admin/cloudfs/customers/`` must carry
``Authorization: BCS <client_id>:<signature>`` (reference §1.2, verified by :mod:`.bcs` over the
raw path, the form body fields, and the ``Content-Type`` and ``Date`` values as sent) and a
``Date`` within ``date_skew``; the admin call takes the admin credential pair. Every other
``/v2`` request needs ``Authorization: Bearer <access_token>``.

Decisions where the reference is silent (HTTP statuses are undocumented upstream):

- Signed-request failures (no/malformed BCS header, unknown client id, bad signature, stale or
  unparsable ``Date``) answer 401 ``{"error": "invalid_request", "error_description": ...}``
  (the OAuth string form); a wrong username/password 400 ``invalid_grant``; a grant_type other
  than ``password`` 400 ``unsupported_grant_type``. The token body is bare: ``{access_token:
  "US2.<32>.<43>", token_type: "bearer", transmission_key: <160 hex chars>}``.
- A missing, unknown or expired bearer token: 401, envelope code 9000.
- Envelope errors: 404 for 2002, 2003 (deleting the root), 2039 (create/upload into a missing
  or trashed folder), 2046, 3001, 6002, 6004, 8004; 409 for 2042 (``exists=fail``), 2044 /
  3021 (version missing or stale with ``version-conflict=fail``), 8002, 2052, 10001; 403 for
  a locked share or a wrong share password (code 9000), 10002 (not the share's owner) and
  9006 (request quota; as specs/buttfs.yaml declares it); 416 for an unsatisfiable Range
  (code 9000); 500 for an unexpected 9999 (an emulator bug); 400 for everything else (2028,
  3020, 2033, 3009, 2043, 2045, 2047, 3018, 3019, 6001, 9000, ...).
- ``version-conflict=ignore`` with a stale ``version``: 409 code 8002
  ("VersionMismatchIgnored"), nothing changed, ``data.meta`` holds the current meta (our
  reading: the request was ignored because of the mismatch). With a current ``version`` both
  modes apply the change.
- ``exists``: ``fail`` gives 2042; ``rename`` appends `` (n)`` before the extension
  (``a (1).txt``); ``overwrite`` replaces a folder, and makes the upload a new version of an
  existing file (same id; the old content is listed by ``/versions``); ``reuse`` returns an
  existing folder on create and an existing file with identical content on upload (otherwise as
  overwrite); on move/copy/receive ``reuse`` behaves as ``rename``. An invalid value: 2033
  (folders), 3009 (files).
- Delete: a non-empty folder without ``force`` is 2052 whether or not ``commit``; result
  ``{success: true, version}``. Trash root DELETE is 9999 (as RB notes).
- Restore: every mode first uses the original parent if it is still live. ``fail`` without it
  is 8004; ``rescue`` falls back to ``rescue-path`` (ID path, default ``/``), ``recreate``
  creates ``recreate-path`` (a *name* path under the root, reusing folders). A name conflict at
  the target or an unusable rescue path is 9999 with HTTP 409. Result ``{success, meta}``.
- Versions: every change of a file (content or meta) snapshots the prior state;
  ``GET versions/{current}`` is 9999 (HTTP 400, as is DELETE on the trash root); ``GET`` or
  ``POST`` on an old version returns it, ``?operation=promote`` makes its content current as a
  new version.
- Shares: a share created with a password is unlocked for the creating token only; others must
  ``POST .../unlock``; setting a new password through ``/info`` locks it for every other
  token.
- ``GET /v2/trash/`` (the trash root) and the root of a multi-item share have no ``meta``
  key (no item stands for them).
- Folder listings: ``depth`` 1 by default, 0 = the whole subtree (flattened); ``filter`` is an
  fnmatch pattern on names, or ``type=file|folder`` (undocumented upstream).
- History records create, alter_meta, move, copy, trash, delete, share_create,
  share_receive; ``start``/``stop`` slice it as Python does (default the last 10).
- ``X-BCS-Account-Storage-Limit`` / ``-Usage`` are sent on every response (usage 0 when the
  request carries no valid token).

Test-only control endpoints live under ``/_emulator/`` (see :mod:`.control`): ``stats``,
``faults`` (the Box emulator's rule format, see :mod:`.faults`), ``quota`` (turn on 9006),
``expire_tokens``, ``reset``.
"""

from .launch import serve_buttfs
from .seed import DEFAULT_SEED
from .settings import Settings

__all__ = ["DEFAULT_SEED", "Settings", "serve_buttfs"]
