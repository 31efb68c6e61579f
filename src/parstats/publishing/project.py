"""The project's folders (from :func:`parstats.paths.layout`) and the build cache's manifest.

Examples
--------
>>> Project.at(Path("/p")).site_dir.as_posix()
'/p/site'
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from parstats import paths
from parstats.files import write_atomic
from parstats.publishing.notebooks import CACHE_FORMAT


@dataclass
class Project:
    """The folders a build reads and writes (defaults from :mod:`parstats.paths`)."""

    root: Path
    notebooks_dir: Path
    data_dir: Path
    src_dir: Path
    figures_dir: Path
    site_dir: Path
    cache_dir: Path

    @classmethod
    def at(cls, root: Path | None = None, **overrides) -> "Project":
        """Return the project rooted at ``root`` (default: ``parstats.paths.PROJ_ROOT``).

        Examples
        --------
        >>> Project.at(Path("/p")).figures_dir.as_posix()
        '/p/figures'
        """
        dirs = paths.layout(Path(paths.PROJ_ROOT if root is None else root).resolve())
        dirs.update({k: Path(v) for k, v in overrides.items()})
        return cls(**dirs)

    def rel(self, path) -> str:
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


class Manifest:
    """The build cache: ``.parstats-cache/manifest.json`` plus the executed notebooks."""

    def __init__(self, project: Project):
        self.project = project
        self.path = project.cache_dir / "manifest.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                data = {}
        except (FileNotFoundError, ValueError):
            data = {}
        self.notebooks: dict = data.get("notebooks", {})
        self.validated: str | None = data.get("validated")
        self.site: str | None = data.get("site")
        self.site_files: dict = data.get("site_files", {})

    def executed_path(self, name: str) -> Path:
        return self.project.cache_dir / "executed" / name

    def save(self) -> None:
        data = {
            "format": CACHE_FORMAT,
            "notebooks": self.notebooks,
            "validated": self.validated,
            "site": self.site,
            "site_files": self.site_files,
        }
        write_atomic(self.path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode())
