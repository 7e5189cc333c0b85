# Generated from the _async twin by python -m generator.unasync; do not edit.
"""Async sources; ``_sync`` is generated from here by ``python -m generator.unasync``."""
