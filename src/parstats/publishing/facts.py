"""What identifies the analysed report and the build: the report's title and reference (from its
sidecar, ``data/raw/*.meta.json``), its checksum, the git commit and the package versions.

The site shows them on its methods page, folded away (``phuong-phap.html``).

Examples
--------
>>> package_versions()[0][0]
'Python'
"""
from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

#: Packages whose versions the methods page lists as build facts.
FACT_PACKAGES = ("parstats", "pandas", "numpy", "matplotlib", "babel", "nbclient", "nbconvert", "ipykernel")


@dataclass
class ReportInfo:
    """Title and reference of the analysed report."""

    title: str
    reference: str
    sha256: str
    sidecar_sha256: str | None
    #: the raw report and its sidecar, when there are
    raw: Path | None = None
    sidecar: Path | None = None
    #: the sidecar's content
    meta: dict = field(default_factory=dict)


def report_info(project) -> ReportInfo:
    """Read the report's title and reference from its sidecar (``data/raw/*.meta.json``).

    Falls back on the raw report's first bold heading when there is no sidecar.
    """
    raw_dir = project.data_dir / "raw"
    reports = sorted(p for p in raw_dir.glob("*.md")) if raw_dir.is_dir() else []
    raw = reports[0] if reports else None
    sha = hashlib.sha256(raw.read_bytes()).hexdigest() if raw else "không có"
    meta: dict = {}
    sidecars = sorted(raw_dir.glob("*.meta.json")) if raw_dir.is_dir() else []
    if raw is not None and (raw_dir / (raw.stem + ".meta.json")).is_file():
        sidecars = [raw_dir / (raw.stem + ".meta.json")]
    if sidecars:
        meta = json.loads(sidecars[0].read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            meta = {}
    origin = meta.get("origin", meta) if isinstance(meta, dict) else {}
    title = origin.get("title") or meta.get("title") or (_title_from_markdown(raw) if raw else "Báo cáo")
    parts: list[str] = []
    for key in ("issuing_body", "issuer", "place", "date"):
        value = origin.get(key) or meta.get(key)
        # "Ban Thường vụ Huyện ủy Tây Sơn, tỉnh Bình Định" already places the document:
        # keep only the pieces of a later field that the earlier ones do not say.
        said = ", ".join(parts).casefold()
        pieces = [p.strip() for p in str(value or "").split(",") if p.strip()]
        new = [p for p in pieces if p.casefold() not in said
               and not (p.casefold().startswith("huyện ") and p.casefold()[6:] in said)]
        if new:
            parts.append(", ".join(new))
    return ReportInfo(title=str(title), reference=", ".join(parts), sha256=sha, sidecar_sha256=meta.get("sha256"),
                      raw=raw, sidecar=sidecars[0] if sidecars else None, meta=meta)


def _title_from_markdown(path: Path) -> str:
    """The first two bold phrases of a report in Markdown (its issuer and title), as plain text."""
    from parstats.publishing.layout import blocks, plain, walk

    bold = [plain(n["children"]) for n in walk(blocks(path.read_text(encoding="utf-8"))) if n["type"] == "strong"]
    return " ".join(w for w in bold[:2] if w) or path.stem


def git_commit(root: Path) -> str:
    """Return the project's git commit (``HEAD``), or a note when it is not a git checkout."""
    if not (Path(root) / ".git").exists():
        return "không rõ (không phải kho git)"
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "không rõ"
    return out.stdout.strip() if out.returncode == 0 else "không rõ"


def package_versions() -> list[tuple[str, str]]:
    """Return (name, version) of Python and the packages that shape the results.

    Examples
    --------
    >>> package_versions()[0][0]
    'Python'
    """
    import platform
    from importlib import metadata

    out = [("Python", platform.python_version())]
    for name in FACT_PACKAGES:
        try:
            out.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return out
