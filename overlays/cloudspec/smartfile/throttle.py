"""SmartFile's two throttling signals, and how long each asks a client to wait.

Since 2020 the service answers 429 with ``Retry-After`` (seconds; NODE waits 1 s when it is
missing). The original Python client knew only the older form, 503 with
``X-Throttle: ...; next=<seconds> sec``, which the service used in 2012 and some deployments
may still send. Both are honoured.
"""

from __future__ import annotations

import re

import httpx

from cloudspec.core.retry import parse_retry_after

__all__ = ["DEFAULT_WAIT", "THROTTLE_PATTERN", "throttle_wait"]

THROTTLE_PATTERN = re.compile(r"^.*; next=([\d\.]+) sec$")
"""The original client's pattern for the ``X-Throttle`` header."""
DEFAULT_WAIT = 1.0


def throttle_wait(response: httpx.Response) -> float | None:
    """Seconds to wait before trying again, or None when ``response`` is not throttling."""
    if response.status_code == 429:
        asked = parse_retry_after(response.headers)
        return DEFAULT_WAIT if asked is None else asked
    if response.status_code == 503:
        match = THROTTLE_PATTERN.match(response.headers.get("x-throttle", ""))
        if match:
            try:
                return float(match.group(1))
            except ValueError:
                return None
    return None
