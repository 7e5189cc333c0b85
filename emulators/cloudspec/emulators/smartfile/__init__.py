"""A local emulator of SmartFile's REST API (v2, and the v3 data routes) with its OAuth 1.0a
provider: Basic and OAuth auth, path info and listing, upload and download, path operations as
tasks that progress over time, links, users, and throttling on demand.

Start it with ``cloudspec.emulators.run("smartfile", seed=..., settings=...)`` (it yields
``ServerURLs``; ``base_url`` is ``http://127.0.0.1:<port>``, the site root: the API is under
``/api/2/`` and ``/api/3/``, OAuth under ``/oauth/``) or ``python -m cloudspec.emulators
smartfile`` (one ``ready <base_url>`` line). It runs as a child process (:mod:`.server`, raw
ASGI on uvicorn + httptools); everything lives in memory.

Default seed (see :mod:`.seed`): site ``demo``, user ``demo`` (``Demo User``,
``demo@example.com``), Basic key ``demoApiKeyForTheSmartFileEmu01`` / password
``demoApiPasswordForSmartFile001``, OAuth client ``demoClientTokenForSmartFile001`` /
``demoClientSecretForSmartFile01``. ``GET /_emulator/credentials`` returns the pairs in use.

Settings (``settings={...}`` or ``--set key=value``): ``task_seconds`` (0.2), ``per_page``
(100; ``limit`` may ask up to 1000), ``timestamp_skew`` (300 s), and ``api_key``,
``api_password``, ``client_token``, ``client_secret`` overriding the seed's.

Auth (:mod:`.auth`, :mod:`.oauth1`, independent of the client): Basic key/password, or an
``Authorization: OAuth`` header signed ``PLAINTEXT`` or ``HMAC-SHA1`` (RFC 5849 base string
over the query, a urlencoded body and the protocol parameters); a (timestamp, nonce) pair is
accepted once, a timestamp more than ``timestamp_skew`` off is refused. Missing Basic: 401
"Authentication credentials were not provided."; wrong: 401 "Invalid username/password."
(both with ``WWW-Authenticate: Basic realm="api"``); any OAuth failure: 403 ``text/plain``
"Could not verify OAuth request.". ``GET /api/2/ping/`` needs no auth.

Routes: ``/oauth/request_token/``, ``/oauth/authorize/`` (GET page, POST approve),
``/oauth/access_token/`` (:mod:`.oauth`); ``/api/2/ping/``, ``whoami/``, ``right/``,
``user/[<name>/]`` (list, create, get, partial PUT, delete), ``task/[<uuid>/]``,
``link/[<uid>/]`` (:mod:`.api`); ``path/info/<path>``, ``path/data/<path>`` (GET download
with ``Range``, POST multipart upload) and ``/api/3/path/data/<path>`` (PUT, PATCH append,
DELETE) (:mod:`.paths`); ``path/oper/{mkdir,rename,remove,move,copy,checksum,compress}/``
(:mod:`.opers`, :mod:`.tasks`). Not emulated: ``session/`` and ``activity/`` (declared in
the spec, outside the binding decisions). An unknown URL answers Django's HTML 404.

Test-only control endpoints live under ``/_emulator/`` (see :mod:`.control`): ``stats``,
``reset_stats``, ``faults`` (the shared rule format plus ``x_throttle``, see :mod:`.faults`),
``reset``, ``expire``, ``oauth/authorize``, ``credentials``.
"""

from .launch import serve_smartfile
from .seed import DEFAULT_SEED
from .settings import Settings

__all__ = ["DEFAULT_SEED", "Settings", "serve_smartfile"]
