"""The bridge's PUSH/PULL tokens and shard pointers, with a ``repr`` that never shows a token.

The generated ``Token`` and ``FilePointer`` models print every field, and the bridge sends a
token twice (as ``token`` and as ``id``): one ``repr`` in a log line would hand out a usable
credential (a PULL token, or a farmer's single-use shard token).
"""

from __future__ import annotations

from cloudspec.core.redact import REDACTED
from cloudspec.metadisk_api.models import FilePointer, Token

__all__ = ["ShardPointer", "TransferToken"]


class TransferToken(Token):
    """A :class:`cloudspec.metadisk_api.models.Token` (same fields, same ``from_dict``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return (
            f"TransferToken(operation={self.operation!r}, bucket={self.bucket!r}, "
            f"expires={self.expires!r}, token={REDACTED!r})"
        )

    __str__ = __repr__


class ShardPointer(FilePointer):
    """A :class:`cloudspec.metadisk_api.models.FilePointer` (same fields, same ``from_dict``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return (
            f"ShardPointer(hash_={self.hash_!r}, size={self.size!r}, "
            f"farmer={self.farmer!r}, token={REDACTED!r})"
        )

    __str__ = __repr__
