"""The offline HTML site: ``site/index.html`` and one self-contained page per notebook.

Every page stands alone (it can be e-mailed and opened without internet): styles are inline,
images are ``data:`` URIs, the only script is a short inline one that toggles the code, and no
tag loads anything from another host (nbconvert's MathJax/require.js loaders are not used: the
cells are rendered with the bare ``basic`` template and wrapped in our own page). Code is
hidden for reviewers until they press "Hiện mã nguồn".

Rendering is deterministic: the same notebooks, figures, data and package versions give the
same bytes (no timestamps; the build facts are the git commit, the raw report's checksum and
package versions). :func:`render_site` renders into a temporary folder next to ``site/`` and
swaps it in only when a page differs, so an unchanged rebuild touches no file.

Examples
--------
>>> first_paragraph("# Tiêu đề\\n\\nCâu hỏi **chính**: bao nhiêu?\\n\\nPhần khác.")
'Câu hỏi chính: bao nhiêu?'
>>> page_name("01-targets-overview.ipynb")
'01-targets-overview.html'
"""
from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from parstats import paths
from parstats.files import write_atomic
from parstats.publishing.notebooks import environment_digest, file_digest, find_notebooks, tree_digest, tree_files

#: Packages whose versions the index lists as build facts.
FACT_PACKAGES = ("parstats", "pandas", "numpy", "matplotlib", "seaborn", "babel", "nbclient", "nbconvert", "ipykernel")
#: Thumbnail width in pixels.
THUMB_WIDTH = 320

CSS = """
:root{--fg:#1d1d1f;--muted:#5b5b63;--line:#d9d9de;--accent:#0072B2;--bg:#ffffff;--soft:#f5f6f8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 "DejaVu Sans","Noto Sans","Segoe UI",Arial,sans-serif}
.wrap{max-width:1200px;margin:0 auto;padding:1.2rem 1.4rem 3rem}
a{color:var(--accent)}
nav.pager{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;justify-content:space-between;font-size:.92rem;
 padding:.6rem 0;border-bottom:1px solid var(--line);margin-bottom:1rem}
nav.pager.bottom{border-bottom:0;border-top:1px solid var(--line);margin:2rem 0 0}
nav.pager .none{color:var(--muted)}
.toolbar{display:flex;justify-content:flex-end;margin:.2rem 0 1rem}
button#toggle-code{font:inherit;font-size:.9rem;padding:.35rem .8rem;border:1px solid var(--accent);
 background:#fff;color:var(--accent);border-radius:4px;cursor:pointer}
button#toggle-code[aria-pressed=true]{background:var(--accent);color:#fff}
h1{font-size:1.7rem;line-height:1.25;margin:.4rem 0 .8rem}
h2{font-size:1.3rem;margin:1.8rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
.anchor-link{display:none}
.kicker{color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;margin:0}
.ref{color:var(--muted);margin:.2rem 0}
.cell{margin:.5rem 0}
.prompt{display:none}
.input_area{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:.4rem .7rem;overflow-x:auto}
.input_area pre,.output_text pre,.output_subarea pre{margin:0;font:13px/1.45 "DejaVu Sans Mono",Menlo,Consolas,monospace;white-space:pre-wrap}
body:not(.show-code) .code_cell .input{display:none}
body:not(.show-code) .code_cell:not(:has(.output_area)){display:none}
.output_subarea{overflow-x:auto;padding:.2rem 0}
.output_png img,.output_jpeg img,.rendered_html img{max-width:100%;height:auto}
.output_stderr{background:#fff4f4}
table{border-collapse:collapse;margin:.5rem 0;font-size:.88rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num{text-align:right;white-space:nowrap}
.dataframe thead th{text-align:center}
.notebooks{list-style:none;padding:0;margin:0}
.notebooks>li{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.notebooks h3{margin:0 0 .3rem}
.thumbs{display:flex;flex-wrap:wrap;gap:.6rem;margin-top:.6rem}
.thumbs img{width:160px;height:auto;border:1px solid var(--line);border-radius:3px;background:#fff}
.score{display:flex;gap:1rem;flex-wrap:wrap}
.score div{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;min-width:8rem}
.score b{display:block;font-size:1.6rem}
.met b{color:#009E73}.notmet b{color:#D55E00}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
"""

TOGGLE_JS = """
(function(){var b=document.getElementById('toggle-code');if(!b)return;
b.addEventListener('click',function(){var on=document.body.classList.toggle('show-code');
b.setAttribute('aria-pressed',on?'true':'false');b.textContent=on?'Ẩn mã nguồn':'Hiện mã nguồn';});})();
"""

TOOLBAR = ('<div class="toolbar"><button id="toggle-code" type="button" aria-pressed="false">'
           "Hiện mã nguồn</button></div>\n")

# ----------------------------------------------------------------------------- helpers


def page_name(notebook_name: str) -> str:
    """Return the HTML page name of a notebook file name.

    Examples
    --------
    >>> page_name("05-consistency-audit.ipynb")
    '05-consistency-audit.html'
    """
    return Path(notebook_name).with_suffix(".html").name


def _strip_markdown(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text).strip()


def first_paragraph(markdown: str) -> str:
    """Return the first prose paragraph of a Markdown cell as plain text (headings skipped).

    Examples
    --------
    >>> first_paragraph("# A\\n## B\\nDòng một\\ndòng hai\\n\\nsau")
    'Dòng một dòng hai'
    >>> first_paragraph("# Only a title")
    ''
    """
    paragraph: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and not paragraph:
            continue
        if not stripped:
            if paragraph:
                break
            continue
        if stripped.startswith(("#", "|", "```")):
            if paragraph:
                break
            continue
        paragraph.append(re.sub(r"^([-*+]|\d+\.)\s+", "", stripped))
    return _strip_markdown(" ".join(paragraph))


def notebook_title(nb, fallback: str) -> str:
    """Return the first level-1 heading of a notebook's first Markdown cell, as plain text.

    Examples
    --------
    >>> notebook_title({"cells": [{"cell_type": "markdown", "source": "# Chỉ tiêu *chính*\\n"}]}, "x")
    'Chỉ tiêu chính'
    >>> notebook_title({"cells": []}, "01-x")
    '01-x'
    """
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            for line in source.splitlines():
                m = re.match(r"#\s+(.+)", line.strip())
                if m:
                    return _strip_markdown(m.group(1))
            break
    return fallback


def notebook_summary(nb) -> str:
    """Return the one-line summary of a notebook: the first paragraph of its title cell.

    Examples
    --------
    >>> notebook_summary({"cells": [{"cell_type": "markdown", "source": "# T\\n\\nHỏi gì?"}]})
    'Hỏi gì?'
    """
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            return first_paragraph(source)
    return ""


def data_uri(data: bytes, mime: str) -> str:
    """Return ``data`` as a base64 ``data:`` URI.

    Examples
    --------
    >>> data_uri(b"abc", "text/plain")
    'data:text/plain;base64,YWJj'
    """
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def thumbnail_png(png: bytes, width: int = THUMB_WIDTH) -> bytes:
    """Return a small reproducible PNG (at most ``width`` pixels wide, 64 colours, no metadata).

    Examples
    --------
    >>> from PIL import Image
    >>> buf = io.BytesIO(); Image.new("RGB", (800, 400), "white").save(buf, "PNG")
    >>> Image.open(io.BytesIO(thumbnail_png(buf.getvalue(), 200))).size
    (200, 100)
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        img = img.convert("RGBA") if img.mode in ("P", "LA") else img.copy()
        if img.width > width:
            img = img.resize((width, max(1, round(img.height * width / img.width))), Image.Resampling.LANCZOS)
        # 64 colours are plenty for a chart thumbnail and make it 3-4 times smaller
        img = img.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        img.save(out, format="PNG", optimize=True)
        return out.getvalue()


_MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml"}


def make_self_contained(body: str, base_dir: Path, pages: dict[str, str]) -> str:
    """Embed local images, drop anything that would load from another host, relink notebooks.

    Parameters
    ----------
    body : str
        HTML fragment.
    base_dir : Path
        Folder that relative ``src`` paths are relative to (the notebooks folder).
    pages : dict
        Notebook file name -> page file name, to turn links to ``.ipynb`` into site links.

    Examples
    --------
    >>> make_self_contained('<script src="https://cdn.example/x.js"></script><p>a</p>', Path("."), {})
    '<p>a</p>'
    >>> make_self_contained('<a href="02-b.ipynb#x">b</a>', Path("."), {"02-b.ipynb": "02-b.html"})
    '<a href="02-b.html#x">b</a>'
    >>> make_self_contained('<img alt="x" src="http://example.com/a.png">', Path("."), {})
    '<span class="missing-image">[x]</span>'
    >>> make_self_contained('<td>84,11%</td><td>Cấp xã</td><td>265/295</td>', Path("."), {})
    '<td class="num">84,11%</td><td>Cấp xã</td><td class="num">265/295</td>'
    """
    body = re.sub(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", "", body, flags=re.I)
    body = re.sub(r"<link\b[^>]*\bhref=[\"']?(?:https?:)?//[^>]*>", "", body, flags=re.I)
    body = re.sub(r"<iframe\b[^>]*>.*?</iframe>", "", body, flags=re.I | re.S)

    def img(m: re.Match) -> str:
        tag, src = m.group(0), html.unescape(m.group(2))
        if src.startswith("data:"):
            return tag
        alt = re.search(r"\balt=([\"'])(.*?)\1", tag)
        missing = f'<span class="missing-image">[{alt.group(2) if alt else "hình"}]</span>'
        if re.match(r"^(?:[a-z]+:)?//", src, flags=re.I) or ":" in src.split("/")[0]:
            return missing
        path = (base_dir / src.split("#")[0].split("?")[0]).resolve()
        mime = _MIME.get(path.suffix.lower())
        if mime is None or not path.is_file():
            return missing
        uri = data_uri(path.read_bytes(), mime)
        return re.sub(r"\bsrc=([\"']).*?\1", lambda _: f'src="{uri}"', tag, count=1, flags=re.S)

    body = re.sub(r"<img\b[^>]*?\bsrc=([\"'])(.*?)\1[^>]*>", img, body, flags=re.I | re.S)

    def link(m: re.Match) -> str:
        target, anchor = m.group(2), m.group(3) or ""
        name = Path(target).name
        return f'href={m.group(1)}{pages[name]}{anchor}{m.group(1)}' if name in pages else m.group(0)

    body = re.sub(r"href=([\"'])([^\"'#]*?\.ipynb)(#[^\"']*)?\1", link, body)
    # right-align table cells that hold a number (12, 1.752, 84,11%, -0,77, 265/295)
    return _NUMERIC_TD.sub(r'<td class="num">\1</td>', body)


_NUMERIC_TD = re.compile(r"<td>(\s*[-+−]?\d[\d.,]*\s*%?(?:\s*/\s*\d[\d.,]*)?\s*)</td>")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: str, *, code_toggle: bool) -> str:
    script = f"<script>{TOGGLE_JS}</script>\n" if code_toggle else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}{_pygments_css()}</style>\n</head>\n"
        f'<body>\n<div class="wrap">\n{body}\n</div>\n{script}</body>\n</html>\n'
    )


_PYGMENTS_CSS: str | None = None


def _pygments_css() -> str:
    global _PYGMENTS_CSS
    if _PYGMENTS_CSS is None:
        from pygments.formatters import HtmlFormatter

        _PYGMENTS_CSS = HtmlFormatter(style="default").get_style_defs(".highlight")
    return _PYGMENTS_CSS


# ----------------------------------------------------------------------------- report facts


@dataclass
class ReportInfo:
    """Title and reference of the analysed report."""

    title: str
    reference: str
    sha256: str
    sidecar_sha256: str | None


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
    return ReportInfo(title=str(title), reference=", ".join(parts), sha256=sha, sidecar_sha256=meta.get("sha256"))


def _title_from_markdown(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    bold = re.findall(r"\*\*(.+?)\*\*", text, flags=re.S)
    words = [re.sub(r"\s+", " ", b).strip() for b in bold[:2]]
    return " ".join(w for w in words if w) or path.stem


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


def scoreboard_brief(project) -> dict | None:
    """:func:`parstats.analysis.scoreboard.scoreboard_summary` of the project's ``data/targets.csv``;
    None for a project without that table (such as the tests' small projects)."""
    from parstats import data
    from parstats.analysis import scoreboard

    if not (project.data_dir / "targets.csv").is_file():
        return None
    return scoreboard.scoreboard_summary(scoreboard.scoreboard(data.load("targets", data_dir=project.data_dir)))


def audit_brief(project) -> dict | None:
    """Claims of the project's raw report by status, and the inconsistent ones by severity,
    from :func:`parstats.audit.audit_path` (the same audit as ``parstats audit``); None for a
    project without the raw report."""
    from parstats import audit

    raw = project.data_dir / "raw" / paths.RAW_REPORT.name
    if not raw.is_file():
        return None
    report = audit.audit_path(raw)
    counts = report.counts()
    out = {"claims": counts["claims"], **counts["by_status"]}
    for f in report.flagged:
        key = f"inconsistent_{f.severity}"
        out[key] = out.get(key, 0) + 1
    return out


def _cached(project, name: str, data_inputs: tuple, compute):
    """``compute()``, remembered in ``.parstats-cache/site/`` until its inputs change.

    The inputs are the named entries of ``data/`` plus the parstats sources and the installed
    packages, so a forced rebuild does not pay again for an unchanged summary.
    """
    parts = [tree_digest(project.src_dir), environment_digest()]
    for item in data_inputs:
        path = project.data_dir / item
        parts.append(tree_digest(path) if path.is_dir() else file_digest(path))
    key = hashlib.sha256("|".join(parts).encode()).hexdigest()
    store = project.cache_dir / "site" / f"{name}.json"
    try:
        saved = json.loads(store.read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return saved["value"]
    except (FileNotFoundError, ValueError):
        pass
    value = compute()
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps({"key": key, "value": value}, sort_keys=True), encoding="utf-8")
    return value


def _thumbnail(project, png: bytes) -> bytes:
    """:func:`thumbnail_png`, remembered by the figure's checksum in ``.parstats-cache/thumbs/``."""
    key = hashlib.sha256(png + f"|{THUMB_WIDTH}".encode()).hexdigest()
    store = project.cache_dir / "thumbs" / f"{key}.png"
    if store.is_file():
        return store.read_bytes()
    data = thumbnail_png(png)
    write_atomic(store, data)
    return data


# ----------------------------------------------------------------------------- rendering


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


_LOCAL = threading.local()


def render_notebook_body(nb, exporter=None) -> str:
    """Render a notebook's cells as an HTML fragment (nbconvert ``basic`` template).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Xin chào")])
    >>> 'Xin chào' in render_notebook_body(nb)
    True
    """
    if exporter is None:  # one exporter per thread: they are not thread-safe
        exporter = getattr(_LOCAL, "exporter", None) or _exporter()
        _LOCAL.exporter = exporter
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "notebook"}})
    return body.strip()


@dataclass
class _Entry:
    name: str
    page: str
    title: str
    summary: str
    figures: list


def _pager(entries: list, i: int | None, position: str) -> str:
    parts = ['<a href="index.html" rel="index">Mục lục</a>']
    if i is not None:
        prev = entries[i - 1] if i > 0 else None
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        parts.append(
            f'<a href="{_e(prev.page)}" rel="prev">← Trang trước: {_e(prev.title)}</a>' if prev
            else '<span class="none">← Trang trước: không có</span>'
        )
        parts.append(
            f'<a href="{_e(nxt.page)}" rel="next">Trang sau: {_e(nxt.title)} →</a>' if nxt
            else '<span class="none">Trang sau: không có →</span>'
        )
    return f'<nav class="pager {position}" aria-label="Điều hướng">' + " ".join(parts) + "</nav>"


def render_pages(project, notebooks: list[Path], bodies: dict | None = None) -> dict[str, bytes]:
    """Return ``{file name: bytes}`` for every page of the site.

    ``bodies`` maps notebook file names to :func:`render_notebook_body` of exactly the
    notebook now on disk (rendered by the build while other notebooks were still running).

    Raises
    ------
    ValueError
        If a notebook cannot be read.
    """
    import nbformat

    info = report_info(project)
    nbs, entries = [], []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        prefix = path.stem.split("-")[0]
        figures = sorted(project.figures_dir.glob(f"{prefix}-*.png")) if project.figures_dir.is_dir() else []
        entries.append(_Entry(path.name, page_name(path.name), notebook_title(nb, path.stem),
                              notebook_summary(nb), figures))
        nbs.append(nb)
    links = {e.name: e.page for e in entries}
    bodies = bodies or {}
    pages: dict[str, bytes] = {}
    for i, (entry, nb) in enumerate(zip(entries, nbs)):
        raw = bodies[entry.name] if entry.name in bodies else render_notebook_body(nb)
        body = make_self_contained(raw, project.notebooks_dir, links)
        content = (
            f"{_pager(entries, i, 'top')}\n{TOOLBAR}<p class=\"kicker\">{_e(info.title)}</p>\n"
            f"<main>\n{body}\n</main>\n"
            f"{_pager(entries, i, 'bottom')}"
        )
        pages[entry.page] = _page(f"{entry.title} · {info.title}", content, code_toggle=True).encode("utf-8")
    pages["index.html"] = _index(project, info, entries).encode("utf-8")
    return pages


def _index(project, info: ReportInfo, entries: list) -> str:
    out = ['<header><p class="kicker">Phân tích có thể kiểm chứng</p>', f"<h1>{_e(info.title)}</h1>"]
    if info.reference:
        out.append(f'<p class="ref">{_e(info.reference)}</p>')
    out.append("</header>")
    score = _cached(project, "scoreboard", ("targets.csv", "datapackage.json"), lambda: scoreboard_brief(project))
    if score is not None:
        out.append('<section id="chi-tieu"><h2>Kết quả thực hiện các chỉ tiêu</h2><div class="score">')
        out.append(f'<div class="met"><b>{score["met"]}</b>đạt</div>')
        out.append(f'<div class="notmet"><b>{score["not_met"]}</b>chưa đạt</div>')
        if score.get("no_data"):
            out.append(f'<div><b>{score["no_data"]}</b>không có số liệu</div>')
        out.append("</div>")
        targets = f' của {score["targets"]} chỉ tiêu' if score.get("targets") else ""
        out.append(f'<p>Trên {score["total"]} chỉ tiêu con và kỳ đánh giá{targets}. '
                   f'Báo cáo tự đánh giá: {score.get("report_met", 0)} đạt, {score.get("report_not_met", 0)} chưa đạt; '
                   f'đánh giá của chúng tôi khớp với báo cáo ở {score.get("agree", 0)} trường hợp, '
                   f'khác ở {score.get("disagree", 0)} trường hợp.</p>')
        board = next((e.page for e in entries if "target" in e.name), None)
        if board:
            out.append(f'<p><a href="{_e(board)}">Xem bảng chỉ tiêu đầy đủ</a></p>')
        out.append("</section>")
    audit = _cached(project, "audit", ("raw",), lambda: audit_brief(project))
    if audit is not None:
        out.append('<section id="kiem-tra"><h2>Kiểm tra tính nhất quán của số liệu</h2>')
        severity = ", ".join(
            f"{audit[k]} {label}" for k, label in (("inconsistent_major", "nghiêm trọng"), ("inconsistent_minor", "nhỏ"))
            if audit.get(k)
        )
        out.append(
            f'<p>{audit["claims"]} số liệu trích dẫn trong báo cáo được tính lại: '
            f'<b>{audit.get("consistent", 0)}</b> nhất quán, '
            f'<b>{audit.get("inconsistent", 0)}</b> không nhất quán{f" ({severity})" if severity else ""}, '
            f'<b>{audit.get("unverifiable", 0)}</b> không kiểm chứng được.</p>'
        )
        page = next((e.page for e in entries if "audit" in e.name or "consistency" in e.name), None)
        if page:
            out.append(f'<p><a href="{_e(page)}">Xem chi tiết các số liệu bị gắn cờ</a></p>')
        out.append("</section>")
    out.append('<section id="so-tay"><h2>Các sổ tay phân tích</h2><ol class="notebooks">')
    for entry in entries:
        out.append(f'<li><h3><a href="{_e(entry.page)}">{_e(entry.title)}</a></h3>')
        if entry.summary:
            out.append(f'<p class="summary">{_e(entry.summary)}</p>')
        if entry.figures:
            out.append('<div class="thumbs">')
            for fig in entry.figures:
                uri = data_uri(_thumbnail(project, fig.read_bytes()), "image/png")
                out.append(f'<a href="{_e(entry.page)}"><img src="{uri}" alt="{_e(fig.stem)}" '
                           f'title="{_e(fig.name)}"></a>')
            out.append("</div>")
        out.append("</li>")
    out.append("</ol></section>")
    facts = [("Commit git", git_commit(project.root)), ("SHA-256 của báo cáo gốc", info.sha256)]
    if info.sidecar_sha256 and info.sidecar_sha256 != info.sha256:
        facts.append(("SHA-256 ghi trong tệp mô tả (khác!)", info.sidecar_sha256))
    facts.append(("Số sổ tay", str(len(entries))))
    facts += [(f"Phiên bản {name}", version) for name, version in package_versions()]
    out.append('<section id="ban-dung"><h2>Thông tin bản dựng</h2><dl class="facts">')
    out += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts]
    out.append("</dl></section>")
    out.append("<footer>Trang được tạo bởi <code>parstats build</code>; mọi số liệu tính từ thư mục "
               "<code>data/</code>.</footer>")
    return _page(f"{info.title} · Mục lục", "\n".join(out), code_toggle=False)


# ----------------------------------------------------------------------------- site on disk


def site_digest(project, src: str, env: str) -> str:
    """Return a sha256 of everything the site is rendered from.

    Examples
    --------
    >>> from parstats.publishing.project import Project
    >>> len(site_digest(Project.at(Path("/nonexistent")), "s", "e"))
    64
    """

    h = hashlib.sha256(f"{src}|{env}|{git_commit(project.root)}|".encode())
    for path in find_notebooks(project.notebooks_dir):
        h.update(f"nb:{path.name}:{file_digest(path)}\n".encode())
    h.update(f"figures:{tree_digest(project.figures_dir)}\n".encode())
    h.update(f"data:{tree_digest(project.data_dir)}\n".encode())
    return h.hexdigest()


def site_intact(project, manifest) -> bool:
    """True when ``site/`` holds exactly the files the last render wrote, byte for byte."""

    if not manifest.site_files:
        return False
    on_disk = {p.relative_to(project.site_dir).as_posix() for p in tree_files(project.site_dir)}
    if on_disk != set(manifest.site_files):
        return False
    return all(file_digest(project.site_dir / rel) == digest for rel, digest in manifest.site_files.items())


def render_site(project, jobs: int = 1, bodies: dict | None = None) -> tuple[bool, dict]:
    """Render the site into a temporary folder; swap it in place of ``site/`` if it differs.

    Returns
    -------
    (bool, dict)
        Whether ``site/`` changed, and ``{file: sha256}`` of its pages.
    """

    pages = render_pages(project, find_notebooks(project.notebooks_dir), bodies)
    files = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(pages.items())}
    site_dir = project.site_dir
    if site_dir.is_dir():
        current = {p.name: p for p in site_dir.iterdir()}
        if set(current) == set(pages) and all(
            current[n].is_file() and current[n].read_bytes() == data for n, data in pages.items()
        ):
            return False, files
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        for name, data in pages.items():
            (tmp / name).write_bytes(data)
            os.chmod(tmp / name, 0o644)
        os.chmod(tmp, 0o755)
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
            os.rmdir(old)
            os.rename(site_dir, old)
        os.rename(tmp, site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return True, files
