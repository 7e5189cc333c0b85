"""Async sources; ``_sync`` is generated from here by ``python -m generator.unasync``."""
