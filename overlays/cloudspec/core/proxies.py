"""The proxies the environment asks for (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``,
``NO_PROXY``), as httpx mount patterns.

httpx reads these itself only for a client built without ``transport=``; cloudspec always
passes its own transport stack (retries, budget, debug output, body cap), so the factory
reads them here and mounts a proxy transport wrapped in that same stack for each pattern.

The rules are httpx 0.28's (``httpx._utils.get_environment_proxies``), re-implemented so as
not to import a private name: ``urllib.request.getproxies`` reads the variables (either case;
the system settings on Windows and macOS), only the ``http``, ``https`` and ``all`` schemes are
used, a proxy without a scheme is ``http://``, and each ``NO_PROXY`` entry maps to ``None``
(go direct): ``*`` turns every proxy off, an entry with ``://`` is used as it is, an IPv4
address (or CIDR text, matched as its address, as httpx does) is ``all://<ip>``, an IPv6 one
``all://[<ip>]``, ``localhost`` is ``all://localhost`` and any other name ``all://*<name>``
(the name and its subdomains).
"""

from __future__ import annotations

import ipaddress
import urllib.request

__all__ = ["environment_proxies"]


def _is_ip(hostname: str, version: type[ipaddress.IPv4Address | ipaddress.IPv6Address]) -> bool:
    try:
        version(hostname.split("/")[0])
    except ValueError:
        return False
    return True


def environment_proxies() -> dict[str, str | None]:
    """Mount pattern -> proxy URL, or ``None`` for a pattern that must not be proxied."""
    proxy_info = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        proxy = proxy_info.get(scheme)
        if proxy:
            mounts[f"{scheme}://"] = proxy if "://" in proxy else f"http://{proxy}"
    for hostname in (host.strip() for host in proxy_info.get("no", "").split(",")):
        if hostname == "*":
            return {}
        if not hostname:
            continue
        if "://" in hostname:
            mounts[hostname] = None
        elif _is_ip(hostname, ipaddress.IPv4Address):
            mounts[f"all://{hostname}"] = None
        elif _is_ip(hostname, ipaddress.IPv6Address):
            mounts[f"all://[{hostname}]"] = None
        elif hostname.lower() == "localhost":
            mounts[f"all://{hostname}"] = None
        else:
            mounts[f"all://*{hostname}"] = None
    return mounts
