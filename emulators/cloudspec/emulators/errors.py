"""Errors raised when a local server cannot be found, started or reached."""

from __future__ import annotations


class EmulatorError(RuntimeError):
    """Base class: something about a local server went wrong."""


class ServerStartError(EmulatorError):
    """The server exited, never answered its readiness probe, or cannot be found."""
