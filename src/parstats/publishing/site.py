"""The offline HTML site: ``site/index.html``, one page per notebook, the methods page.

The site opens from disk without internet: styles are inline, images are ``data:`` URIs, and
no tag loads anything from another host. A page reads as a whole even alone (e-mailed): what
it loads beside it is only the search (``tim-kiem.js``, :mod:`parstats.publishing.search`,
whose box stays hidden without it) and what a reader downloads (``tai-ve/``,
:mod:`parstats.publishing.methods`). Code is hidden for reviewers until they press "Hiện mã
nguồn". The methods page (``phuong-phap.html``) says where the numbers come from and what
the checks cannot know, with the build facts (:mod:`parstats.publishing.facts`) folded away.

The pages are rendered from templates in ``templates/`` (package data): a notebook's cells by
nbconvert with the ``parstats`` template (:mod:`parstats.publishing.cells`, which also embeds
Markdown images and links notebooks to their pages while it parses the Markdown), the page
around them and the index by the Jinja templates of ``templates/pages/``, with the style sheet
and script as files there. Titles and summaries are read from the notebooks' Markdown by a
Markdown parser (mistune, the one nbconvert uses).

Rendering is deterministic: the same notebooks, figures, data and package versions give the
same bytes (no timestamps; the build facts are the git commit, the raw report's checksum and
package versions). :func:`render_site` renders into a temporary folder next to ``site/`` and
swaps it in only when a page differs, so an unchanged rebuild touches no file.

(:mod:`parstats.publishing.layout` holds the page helpers it shares with the other pages.)
"""
from __future__ import annotations

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
from parstats.paths import display_path
from parstats.publishing.layout import PAGE_TEMPLATES, blocks, data_uri, first_paragraph, page_name, plain, walk  # noqa: F401
from parstats.publishing.layout import page_templates as _templates
from parstats.publishing.facts import ReportInfo, git_commit, package_versions, report_info  # noqa: F401
from parstats.publishing.notebooks import environment_digest, file_digest, find_notebooks, tree_digest, tree_files

#: Thumbnail width in pixels.
THUMB_WIDTH = 320

# ----------------------------------------------------------------------------- helpers


def _source(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def _first_markdown(nb) -> str | None:
    return next((_source(c) for c in nb["cells"] if c["cell_type"] == "markdown"), None)


def notebook_title(nb, fallback: str) -> str:
    """Return the first level-1 heading of a notebook's first Markdown cell, as plain text.

    Examples
    --------
    >>> notebook_title({"cells": [{"cell_type": "markdown", "source": "Chú thích\\n\\n# Chỉ tiêu *chính*\\n"}]}, "x")
    'Chỉ tiêu chính'
    >>> notebook_title({"cells": [{"cell_type": "markdown", "source": "## Không phải tiêu đề"}]}, "01-x")
    '01-x'
    """
    source = _first_markdown(nb)
    for node in blocks(source) if source is not None else ():
        if node["type"] == "heading" and node["attrs"]["level"] == 1:
            return plain(node["children"])
    return fallback


def notebook_summary(nb) -> str:
    """Return the one-line summary of a notebook: the first paragraph of its title cell.

    Examples
    --------
    >>> notebook_summary({"cells": [{"cell_type": "markdown", "source": "# T\\n\\nHỏi gì?"}]})
    'Hỏi gì?'
    """
    source = _first_markdown(nb)
    return first_paragraph(source) if source is not None else ""


def _shows_image_files(nb) -> bool:
    """True when the notebook's Markdown (cells or outputs) shows an image that is not in it.

    Examples
    --------
    >>> _shows_image_files({"cells": [{"cell_type": "markdown", "source": "![x](../figures/a.png)"}]})
    True
    """
    texts = [_source(c) for c in nb["cells"] if c["cell_type"] == "markdown"]
    texts += [o["data"]["text/markdown"] for c in nb["cells"] for o in c.get("outputs", ())
              if "text/markdown" in o.get("data", {})]
    return any(node["type"] == "image" and not node["attrs"]["url"].startswith(("data:", "attachment:"))
               for text in texts for node in walk(blocks("".join(text))))


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


# ----------------------------------------------------------------------------- summaries


def scoreboard_brief(project) -> dict | None:
    """:func:`parstats.analysis.findings.index_findings` of the project's ``data/`` (the verdict
    on each programme target and the figures to correct); None for a project without
    ``data/targets.csv`` or the raw report (such as the tests' small projects)."""
    from parstats.analysis import findings

    if not (project.data_dir / "targets.csv").is_file() or \
            not (project.data_dir / "raw" / paths.RAW_REPORT.name).is_file():
        return None
    return findings.index_findings(project.data_dir)


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


_LOCAL = threading.local()


def render_notebook_body(nb, exporter=None, *, notebooks_dir: Path | None = None) -> str:
    """Render a notebook's cells as an HTML fragment (the ``parstats`` nbconvert template).

    Markdown images are embedded from ``notebooks_dir``; without it, an image from a file is
    a placeholder (:func:`render_pages` then renders the notebook again, with it).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Xin chào\\n\\n[B](02-b.ipynb)")])
    >>> body = render_notebook_body(nb)
    >>> 'Xin chào' in body, '<a href="02-b.html">B</a>' in body
    (True, True)
    """
    if exporter is None:  # one exporter per thread: they are not thread-safe
        from parstats.publishing.cells import CellsExporter

        exporter = getattr(_LOCAL, "exporter", None) or CellsExporter()
        _LOCAL.exporter = exporter
    metadata = {"name": "notebook"}
    if notebooks_dir is not None:
        metadata["path"] = str(notebooks_dir)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": metadata})
    return body.strip()


@dataclass
class _Entry:
    name: str
    page: str
    title: str
    summary: str
    figures: list
    ipynb: str = ""
    tables: int = 0


def render_pages(project, notebooks: list[Path], bodies: dict | None = None) -> dict[str, bytes]:
    """Return ``{path in the site: bytes}`` for every file of the site: the pages, the
    methods page, the search index (``tim-kiem.js``) and the downloads (``tai-ve/``).

    ``bodies`` maps notebook file names to :func:`render_notebook_body` of exactly the
    notebook now on disk (rendered by the build while other notebooks were still running); it
    is used unless the notebook's Markdown shows image files, which are embedded as they are now.

    Raises
    ------
    ValueError
        If a notebook cannot be read, or a page links a download that is not there.
    """
    import nbformat
    from markupsafe import Markup

    from parstats.publishing import methods, report_pages, search

    info = report_info(project)
    nbs, entries = [], []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        prefix = path.stem.split("-")[0]
        figures = [f for f in _notebook_figures(nb) if (project.figures_dir / f"{f[0]}.png").is_file()]
        entries.append(_Entry(path.name, page_name(path.name), notebook_title(nb, path.stem),
                              notebook_summary(nb), figures or _figure_files(project, prefix),
                              ipynb=f"{methods.DOWNLOADS}/{path.name}"))
        nbs.append(nb)
    bodies = bodies or {}
    annotated = report_pages.report_page_parts(project, {e.name: (e.page, e.title) for e in entries})
    has_data = (project.data_dir / "datapackage.json").is_file()
    nav = [("index.html", "Trang chủ")]
    nav += [(report_pages.REPORT_PAGE, "Báo cáo chú giải")] if annotated is not None else []
    nav += [(report_pages.DATA_PAGE, "Dữ liệu")] if has_data else []
    nav += [(methods.METHODS_PAGE, "Phương pháp và giới hạn")]
    template = _templates().get_template("notebook.html.j2")
    pages: dict[str, bytes] = {}
    searched: list[tuple[str, str, list]] = []
    for i, (entry, nb) in enumerate(zip(entries, nbs)):
        if entry.name in bodies and not _shows_image_files(nb):
            body = bodies[entry.name]
        else:
            body = render_notebook_body(nb, notebooks_dir=project.notebooks_dir)
        sections = search.page_sections(body)
        entry.tables = body.count('<figure class="table"')
        page = template.render(report=info, entry=entry, body=Markup(body), current=entry.page, nav=nav,
                               toc=search.table_of_contents(sections),
                               figure_count=body.count('<figure class="figure"'),
                               prev=entries[i - 1] if i > 0 else None,
                               next=entries[i + 1] if i + 1 < len(entries) else None)
        pages[entry.page] = page.encode("utf-8")
        searched.append((entry.page, entry.title, sections))
    index = _index(project, info, entries, nav)
    methods_page = _templates().get_template("methods.html.j2").render(
        current=methods.METHODS_PAGE, nav=nav, **methods.methods_context(project, info, entries))
    pages["index.html"] = index.encode("utf-8")
    pages[methods.METHODS_PAGE] = methods_page.encode("utf-8")
    searched.insert(0, ("index.html", "Trang chủ", search.page_sections(index)))
    if annotated is not None:
        page = _templates().get_template("report.html.j2").render(
            current=report_pages.REPORT_PAGE, nav=nav, report=info, annotated=annotated)
        pages[report_pages.REPORT_PAGE] = page.encode("utf-8")
        searched.append((report_pages.REPORT_PAGE, "Báo cáo chú giải", search.page_sections(page)))
    if has_data:
        page = _templates().get_template("data.html.j2").render(
            current=report_pages.DATA_PAGE, nav=nav, report=info, tables=report_pages.data_tables(project.data_dir))
        pages[report_pages.DATA_PAGE] = page.encode("utf-8")
        searched.append((report_pages.DATA_PAGE, "Dữ liệu", search.page_sections(page)))
    searched.append((methods.METHODS_PAGE, "Phương pháp và giới hạn", search.page_sections(methods_page)))
    pages[search.INDEX_FILE] = search.index_script(search.index_entries(searched))
    downloads = methods.download_files(project, notebooks, report_pages.readable_tables(project.data_dir))
    for name, data in pages.items():
        for href in re.findall(rf'href="({methods.DOWNLOADS}/[^"#?]+)"', data.decode("utf-8")):
            if html.unescape(href) not in downloads:
                raise ValueError(f"site page {name} links {html.unescape(href)}, which the site does not offer: "
                                 f"no such file in {display_path(project.figures_dir, project.root)}/, the notebooks "
                                 "or data/ (a table or figure saved under another name than its cell says?)")
    pages.update(downloads)
    return pages


def _notebook_figures(nb) -> list[tuple[str, str]]:
    """The figures a notebook's outputs show, in order: ``(name, alt text)``, the alt text as
    :func:`parstats.analysis.plotting.save_figure` stored it (empty for an older output)."""
    from parstats.publishing.cells import NumberingPreprocessor

    out = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", ()):
            name = NumberingPreprocessor._figure_name(output)
            if name:
                out.append((name, str((output.get("metadata", {}).get("image/png") or {}).get("alt") or "")))
    return out


def _figure_files(project, prefix: str) -> list[str]:
    if not project.figures_dir.is_dir():
        return []
    return [(p.stem, "") for p in sorted(project.figures_dir.glob(f"{prefix}-*.png"))]


def _page_for(entries: list, what: str) -> str:
    """The page of the one notebook whose analysis module declares ``INDEX_SECTION = what``
    ("targets": the scoreboard; "audit": the consistency audit), where the index's summary
    section of that name sends a reader.

    Raises
    ------
    ValueError
        When no notebook, or more than one, declares it.
    """
    from parstats.analysis import module_for

    pages = [e.page for e in entries if getattr(module_for(e.name), "INDEX_SECTION", None) == what]
    if len(pages) != 1:
        raise ValueError(f"the index's {what!r} summary needs exactly one notebook whose analysis module "
                         f"declares INDEX_SECTION = {what!r}; found {len(pages)}")
    return pages[0]


def _index(project, info: ReportInfo, entries: list, nav: list) -> str:
    from parstats.analysis.plotting import declared_figure
    from parstats.publishing.methods import DOWNLOADS

    notebooks = []
    for e in entries:
        thumbs = []
        for name, alt in e.figures:
            png = _thumbnail(project, (project.figures_dir / f"{name}.png").read_bytes())
            title, caption = (declared_figure(name) or (name, ""))[:2]
            thumbs.append({"uri": data_uri(png, "image/png"), "alt": alt or f"{title}. {caption}".strip(),
                           "height": _thumb_height(png)})
        notebooks.append({"page": e.page, "title": e.title, "summary": e.summary, "thumbs": thumbs,
                          "ipynb": e.ipynb})
    score = _cached(project, "scoreboard", tuple(sorted(p.name for p in project.data_dir.iterdir())),
                    lambda: scoreboard_brief(project))
    audit = _cached(project, "audit", ("raw",), lambda: audit_brief(project))
    return _templates().get_template("index.html.j2").render(
        current="index.html",
        nav=nav,
        report=info,
        score=score,
        audit=audit,
        targets_page=_page_for(entries, "targets") if score is not None else None,
        audit_page=_page_for(entries, "audit") if audit is not None else None,
        entries=notebooks,
        raw_href=f"{DOWNLOADS}/bao-cao-goc/{info.raw.name}" if info.raw else None,
        citation=citation(project, info),
    )


def citation(project, info: ReportInfo) -> dict:
    """How to cite the report and the analysis: the report's number and date (or that the copy
    lacks them), the analysis's authors and version (``pyproject.toml``) and build date (the
    date of the git commit built, so that a rebuild writes the same bytes)."""
    import tomllib

    meta = tomllib.loads((project.root / "pyproject.toml").read_text(encoding="utf-8")) \
        if (project.root / "pyproject.toml").is_file() else {}
    proj = meta.get("project", {})
    authors = ", ".join(a.get("name", "") for a in proj.get("authors", []) if a.get("name")) or "không rõ"
    origin = info.meta.get("origin", {}) if isinstance(info.meta, dict) else {}
    number, date = origin.get("number"), origin.get("date")
    if number or date:
        said = "Số " + number if number else "Không rõ số"
        said += f", ngày {date}." if date else ", không rõ ngày."
    else:
        said = "Bản được phân tích không có phần đầu văn bản (số và ngày ban hành): bản chuyển đổi sang Markdown đã bỏ mất."
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=project.root, capture_output=True, text=True,
                             timeout=30)
        day = out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else ""
    except (OSError, subprocess.SubprocessError):
        day = ""
    built = "/".join(reversed(day.split("-"))) if day else "không rõ"
    return {"report_number": said, "authors": authors, "version": proj.get("version", "không rõ"), "date": built}


def _thumb_height(png: bytes, width: int = 160) -> int:
    """The height at which a thumbnail shows ``width`` pixels wide (its aspect kept)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as img:
        return max(1, round(img.height * width / img.width))


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
        current = {p.relative_to(site_dir).as_posix(): p for p in tree_files(site_dir)}
        if set(current) == set(pages) and all(current[n].read_bytes() == data for n, data in pages.items()):
            return False, files
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        for name, data in pages.items():
            path = tmp / name
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                os.chmod(path.parent, 0o755)
            path.write_bytes(data)
            os.chmod(path, 0o644)
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
