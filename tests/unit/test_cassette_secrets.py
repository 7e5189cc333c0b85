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
    # Metadisk: a DER hex ECDSA signature (x-signature), SEQUENCE of INTEGER r and INTEGER s.
    r"\b30[0-9a-f]{2}02(?:1[c-f]|2[01])[0-9a-f]{56,66}02(?:1[c-f]|2[01])[0-9a-f]{56,66}\b",
    # Metadisk single-use tokens (64 hex): a token answer, a shard URL, an emailed link.
    r'"(?:token|id)":\s*"[0-9a-f]{64}"',
    r"[?&]token=[0-9a-f]{16,}",
    r"/(?:activations|resets|deactivations)/[0-9a-f]{64}",
]
# SmartFile: the emulator's seeded demo pairs (emulators/.../smartfile/seed.py DEFAULT_SEED),
# the Basic header value they make, and whatever OAuth 1.0a leaves on the wire: an
# ``Authorization: OAuth ...`` value, and an issued token, secret, verifier or signature that is
# not one of the replay conftest's ``scrubbed-...`` placeholders (form answers and headers).
SMARTFILE_SECRETS = (
    "demoApiKeyForTheSmartFileEmu01",
    "demoApiPasswordForSmartFile001",
    "demoClientTokenForSmartFile001",
    "demoClientSecretForSmartFile01",
)
SECRET_PATTERNS += [
    *(re.escape(s) for s in SMARTFILE_SECRETS),
    re.escape(base64.b64encode(f"{SMARTFILE_SECRETS[0]}:{SMARTFILE_SECRETS[1]}".encode()).decode()),
    r"\bOAuth\s+(?:realm|oauth_)",
    r'\boauth_(?:token|token_secret|verifier|signature|nonce)=(?:"|%22)?+(?!scrubbed-|&|$)',
]
# In Metadisk cassettes no 64-hex value is public (bucket ids have 24, file and shard hashes
# 40, public keys 66): any is a token, a password's SHA-256 or a private key.
METADISK_PATTERNS = [r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])"]
# Header values that must never be recorded as they were sent.
HEX_SECRET_HEADERS = ("x-token",)


def _cassettes() -> list[Path]:
    return sorted(CASSETTES.rglob("*.yaml"))


def test_there_are_cassettes_to_scan() -> None:
    assert _cassettes(), "no cassettes found: run `make record`"


@pytest.mark.parametrize("path", _cassettes(), ids=lambda p: str(p.relative_to(CASSETTES)))
def test_cassette_holds_no_secret(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    patterns = SECRET_PATTERNS + (METADISK_PATTERNS if "metadisk" in path.parts else [])
    for pattern in patterns:
        match = re.search(pattern, text)
        assert match is None, f"{path.name} contains a secret matching {pattern!r}"
    for interaction in yaml.safe_load(text)["interactions"]:
        headers = {k.lower() for k in interaction["request"]["headers"]}
        assert "authorization" not in headers
        assert "cookie" not in headers
        assert "x-signature" not in headers
        for name, values in interaction["request"]["headers"].items():
            if name.lower() in HEX_SECRET_HEADERS:
                assert not any(re.fullmatch(r"[0-9a-fA-F]{16,}", str(v)) for v in values), name
