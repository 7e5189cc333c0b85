"""The one exception type the generator CLI turns into a message and an exit code."""

from __future__ import annotations

EXIT_DRIFT = 1
"""``--check`` found generated files that differ from what the inputs give."""

EXIT_BAD_INPUT = 2
"""A spec, config or tool is wrong: nothing can be generated until a human fixes it."""


class GeneratorFailure(Exception):
    """Reported as its message alone (never a traceback), then exit with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
