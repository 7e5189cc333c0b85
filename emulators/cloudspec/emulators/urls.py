"""The addresses a running local server answers on."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs


def _frozen_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@attrs.frozen
class ServerURLs:
    """``base_url`` is what a client is given; ``urls`` names every host the service has.

    Kinto has one host, ``{"api": base_url}``; services with separate upload or download hosts
    list each of them under its own name.
    """

    base_url: str
    urls: Mapping[str, str] = attrs.field(converter=_frozen_mapping)
