"""Where the reliability tests leave their figures for RELIABILITY.md.

Every part of the harness (fault matrix, hostile responses, secrets, TLS, load, retry budget)
records what it measured as one JSON document per section under ``CLOUDSPEC_RELIABILITY_DIR``
(default ``build/reliability``, git-ignored). ``tests/reliability/report.py`` renders them all
into RELIABILITY.md; ``make chaos`` runs the full harness and then the report.

``FULL`` is true under ``make chaos`` (``CLOUDSPEC_CHAOS=full``): the whole matrix, every
example. Otherwise (``make test``, CI) each part runs a fixed, seeded sample.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

__all__ = ["FULL", "figures_dir", "record"]

FULL = os.environ.get("CLOUDSPEC_CHAOS", "") == "full"


def figures_dir() -> Path:
    return Path(os.environ.get("CLOUDSPEC_RELIABILITY_DIR", "build/reliability"))


def record(section: str, figures: dict[str, Any]) -> Path:
    """Write ``figures`` (JSON-able) as the section ``section`` and answer the file's path.

    Conventions the report relies on: ``title`` (str), ``summary`` (a list of
    ``[label, value]`` pairs), optional ``columns`` and ``rows`` (a table), optional
    ``tables`` (more tables: a list of ``{"title", "columns", "rows"}``), optional
    ``notes`` (a list of str), and ``full`` (whether it ran under ``make chaos``). Other keys
    are kept in the JSON but not rendered.
    """
    target = figures_dir() / f"{section}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    document = {"section": section, "full": FULL, **figures}
    target.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return target
