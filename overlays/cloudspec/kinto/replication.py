"""``replicate(origin, destination)`` as in kinto-http, plus ``replicate_async``."""

from ._async.replication import replicate as replicate_async
from ._sync.replication import replicate

__all__ = ["replicate", "replicate_async"]
