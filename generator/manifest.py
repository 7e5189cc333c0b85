"""generated/manifest.json: what each generated package was made from.

An entry records the hashes of every input (spec, config, templates and post-hook settings),
the tool versions and a hash of the output tree. A service is regenerated when any of them
changed, including a hand edit under generated/.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from . import openapi_client, trees
from .layout import Layout

Entry = dict[str, Any]


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shaping_files_sha256(layout: Layout) -> str:
    """Inputs shared by every service: custom templates and the post-hook ruff settings."""
    digest = hashlib.sha256()
    for rel in trees.iter_files(layout.templates_dir):
        digest.update(b"templates/" + rel.as_posix().encode() + b"\0")
        digest.update(bytes.fromhex(_file_sha256(layout.templates_dir / rel)))
    digest.update(b"ruff_generated.toml\0")
    digest.update(bytes.fromhex(_file_sha256(openapi_client.RUFF_SETTINGS)))
    return digest.hexdigest()


def inputs_entry(layout: Layout, service: str) -> Entry:
    """Everything an entry holds except the output hash."""
    return {
        "spec": layout.rel(layout.spec_path(service)),
        "spec_sha256": _file_sha256(layout.spec_path(service)),
        "config": layout.rel(layout.config_path(service)),
        "config_sha256": _file_sha256(layout.config_path(service)),
        "templates_sha256": _shaping_files_sha256(layout),
        "tools": openapi_client.tool_versions(),
    }


def full_entry(layout: Layout, service: str, output_dir: Path) -> Entry:
    return {**inputs_entry(layout, service), "output_sha256": trees.tree_sha256(output_dir)}


def load(layout: Layout) -> dict[str, Entry]:
    try:
        raw = json.loads(layout.manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    services = raw.get("services") if isinstance(raw, dict) else None
    return dict(services) if isinstance(services, dict) else {}


def dumps(services: dict[str, Entry]) -> str:
    # Sorted keys and a trailing newline: the file is committed and must be byte-stable.
    return json.dumps({"services": services}, indent=2, sort_keys=True) + "\n"


def save(layout: Layout, services: dict[str, Entry]) -> bool:
    """Write the manifest if its bytes change; return whether they did."""
    text = dumps(services)
    path = layout.manifest_path
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True
