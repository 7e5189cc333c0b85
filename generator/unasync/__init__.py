"""Write each ``_sync`` directory from its ``_async`` twin (httpcore's unasync, whole trees).

The async code is the only source; the sync code is derived text, so a fix is made once and
CI fails the moment someone edits the copy. Rules live in :mod:`generator.unasync.rules`.
"""

from .rules import RULES, Rule, unasync_text

__all__ = ["RULES", "Rule", "unasync_text"]
