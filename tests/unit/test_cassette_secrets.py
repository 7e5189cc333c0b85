"""No credential ever lands in a cassette: the scrubbing in tests/replay/conftest.py is checked
here against every recorded file, whatever recorded it."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
import yaml

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"

# Every credential the recording fixtures use, in the forms it could take on the wire.
PASSWORDS = (
    "alice-secret",
    "bob-secret",
    "carol-secret",
    "s3cret",
    # The Box and ButtFS emulators' default app secrets and user password.
    "cloudspec-demo-secret",
    "buttfs-demo-secret",
    "buttfs-admin-secret",
    "demo-password",
)
USERS = ("alice", "bob", "carol")
SECRET_PATTERNS = [
    *(re.escape(p) for p in PASSWORDS),
    *(re.escape(base64.b64encode(f"{u}:{p}".encode()).decode()) for u in USERS for p in PASSWORDS),
    r"\$2[aby]\$\d\d\$",  # bcrypt hashes (Kinto accounts echo them back)
    # An Authorization value (prose such as "basic authentication" has no digit or capital).
    r"\b(?:Basic|Bearer)\s+(?=[\w.~+/-]*[A-Z0-9])[\w.~+/-]{12,}=*",
    # OAuth tokens and codes, in JSON answers and form bodies, unless scrubbed.
    r'"(?:access_token|refresh_token|client_secret|transmission_key)":\s*"(?!<redacted>)',
    r"\bBCS [\w-]+:[A-Za-z0-9+/=]{8,}",  # a ButtFS request signature
    r"\b(?:access_token|refresh_token|client_secret|code)=(?!<redacted>|&|$)",
]


def _cassettes() -> list[Path]:
    return sorted(CASSETTES.rglob("*.yaml"))


def test_there_are_cassettes_to_scan() -> None:
    assert _cassettes(), "no cassettes found: run `make record`"


@pytest.mark.parametrize("path", _cassettes(), ids=lambda p: str(p.relative_to(CASSETTES)))
def test_cassette_holds_no_secret(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern in SECRET_PATTERNS:
        match = re.search(pattern, text)
        assert match is None, f"{path.name} contains a secret matching {pattern!r}"
    for interaction in yaml.safe_load(text)["interactions"]:
        headers = {k.lower() for k in interaction["request"]["headers"]}
        assert "authorization" not in headers
        assert "cookie" not in headers
