"""Where the generator reads and writes, relative to one repository root."""

from __future__ import annotations

from pathlib import Path

import attrs

from .errors import GeneratorFailure

REPO_ROOT = Path(__file__).resolve().parent.parent


@attrs.frozen
class Layout:
    """The repository paths of one generator run (tests point ``root`` at a scratch copy)."""

    root: Path

    @property
    def specs_dir(self) -> Path:
        return self.root / "specs"

    @property
    def config_dir(self) -> Path:
        return self.root / "generator" / "config"

    @property
    def templates_dir(self) -> Path:
        return self.root / "generator" / "templates"

    @property
    def generated_dir(self) -> Path:
        return self.root / "generated"

    @property
    def package_root(self) -> Path:
        return self.generated_dir / "cloudspec"

    @property
    def manifest_path(self) -> Path:
        return self.generated_dir / "manifest.json"

    def spec_path(self, service: str) -> Path:
        return self.specs_dir / f"{service}.yaml"

    def config_path(self, service: str) -> Path:
        return self.config_dir / f"{service}.yaml"

    def package_dir(self, service: str) -> Path:
        return self.package_root / f"{service}_api"

    def rel(self, path: Path) -> str:
        """``path`` as shown in messages: relative to the root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def all_services(self) -> list[str]:
        return sorted(p.stem for p in self.specs_dir.glob("*.yaml"))

    def select(self, requested: list[str]) -> list[str]:
        """The services to process: all specs when none are named, else the named ones."""
        known = self.all_services()
        if not requested:
            return known
        unknown = sorted(set(requested) - set(known))
        if unknown:
            raise GeneratorFailure(
                f"unknown service(s) {', '.join(unknown)}: no specs/<svc>.yaml "
                f"(known: {', '.join(known) or 'none'})"
            )
        return sorted(set(requested))
