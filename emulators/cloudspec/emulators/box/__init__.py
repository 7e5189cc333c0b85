"""A local emulator of the Box API v2: OAuth 2.0, folders, files, uploads, downloads, faults.

Start it with ``cloudspec.emulators.run("box", seed=..., settings=...)`` (it yields
``ServerURLs``) or ``python -m cloudspec.emulators box``. It runs as a child process
(:mod:`.server`) with four hosts on four loopback ports, so redirects cross origins as on Box:

========  ==================================  ==============================================
name      URL (``urls.urls[name]``)           serves
========  ==================================  ==============================================
api       ``http://127.0.0.1:P1``             ``/2.0/...``, ``/oauth2/token``,
                                              ``/oauth2/revoke``, ``/_emulator/...``
upload    ``http://127.0.0.1:P2/api``         ``/2.0/files/content``, ``/2.0/files/{id}/content``,
                                              ``/2.0/files/upload_sessions...``
account   ``http://127.0.0.1:P3/api/oauth2``  ``/authorize`` (the browser login and consent page)
download  ``http://127.0.0.1:P4``             the 302 target of ``GET {api}/2.0/files/{id}/content``
========  ==================================  ==============================================

``urls.base_url`` is the api URL. These are the strings box_sdk_gen's ``BaseUrls(base_url,
upload_url, oauth2_url)`` takes.

Default seed (used when no seed is given)::

    {"apps": [{"client_id": "cloudspec-demo",
               "client_secret": "cloudspec-demo-secret",
               "redirect_uris": ["http://127.0.0.1/callback"]}],
     "users": [{"login": "demo@example.com", "password": "demo-password",
                "name": "Demo User"}]}

Any loopback redirect URI with the registered path is accepted on any port
(``http://127.0.0.1:<port>/callback`` or ``http://localhost:<port>/callback``, RFC 8252), and
each user's root folder is ``"0"``. A seed without ``apps`` keeps the default app; one without
``users`` keeps the default user.

Settings (``settings={...}`` or ``--set key=value``): ``access_token_ttl`` (s, 3600),
``refresh_token_ttl`` (s, 60 days), ``auth_code_ttl`` (s, 30), ``part_size`` (8 MiB),
``chunked_min_size`` (20 MiB), ``commit_accepted_first`` (false: the first commit of each upload
session answers 202 + Retry-After: 1), ``page_limit_default`` (100), ``storage_dir`` (where file
contents go; default the system temp directory), ``download_url_ttl`` (s, 900),
``upload_session_ttl`` (s, 7 days), ``space_amount`` (1 TiB), ``max_upload_size`` (50 GiB).

Test-only control endpoints live under ``{api}/_emulator/`` (see :mod:`.control`); fault rules
are described in :mod:`.faults`. File contents are stored on disk, metadata in memory.
"""

from .launch import serve_box
from .seed import DEFAULT_SEED
from .settings import Settings

__all__ = ["DEFAULT_SEED", "Settings", "serve_box"]
