"""Local servers for tests, the demo and benchmarks, all started the same way.

``python -m cloudspec.emulators <svc> [--host H] [--port N] [--seed FILE] [--set k=v ...]``
prints ``ready <base_url>`` once the server accepts connections; in-process::

    with cloudspec.emulators.run("kinto", settings={"kinto.paginate_by": 5}) as urls:
        client = Client(base_url=urls.base_url)

"kinto" runs the real Kinto server (pip-installed, memory backends), not an emulator; with
kinto-attachment installed beside it, ``urls.urls["attachments"]`` is the loopback server of
the attachment files (see :mod:`cloudspec.emulators.kinto`).
This package never imports cloudspec.core or an overlay: a server that shared the client's
code would prove nothing about it.
"""

from .errors import EmulatorError, ServerStartError
from .launcher import SERVICES, run
from .urls import ServerURLs

__all__ = ["SERVICES", "EmulatorError", "ServerStartError", "ServerURLs", "run"]
