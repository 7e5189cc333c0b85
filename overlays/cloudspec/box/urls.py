"""Where Box lives: three roots, as Box's own SDK names them, so an emulator can stand in."""

from __future__ import annotations

import attrs

__all__ = ["BoxURLs"]


def _root(value: str) -> str:
    return value.rstrip("/")


@attrs.frozen
class BoxURLs:
    """``api`` serves ``/2.0/...`` and ``/oauth2/token``; ``upload`` serves ``/2.0/files/content``
    and upload sessions; ``account`` serves the browser's ``/authorize`` page.

    Download URLs are not configured: Box redirects to them (``dl.boxcloud.com``).
    """

    api: str = attrs.field(default="https://api.box.com", converter=_root)
    upload: str = attrs.field(default="https://upload.box.com/api", converter=_root)
    account: str = attrs.field(default="https://account.box.com/api/oauth2", converter=_root)

    @property
    def api_v2(self) -> str:
        return f"{self.api}/2.0"

    @property
    def upload_v2(self) -> str:
        return f"{self.upload}/2.0"

    @property
    def authorize(self) -> str:
        return f"{self.account}/authorize"

    @classmethod
    def from_emulator(cls, urls: object) -> BoxURLs:
        """From ``cloudspec.emulators.run("box")``'s ``ServerURLs`` (or its ``urls`` mapping)."""
        mapping = getattr(urls, "urls", urls)
        if not hasattr(mapping, "__getitem__"):
            raise TypeError("expected the emulator's ServerURLs or its urls mapping")
        return cls(api=mapping["api"], upload=mapping["upload"], account=mapping["account"])
