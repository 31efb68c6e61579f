"""Open every page of the built site in headless Chromium with the network cut off.

Runs on the real notebooks, in the test run's one build of the project (``project_build``).
Every page must load with no request leaving ``file://``, every image decoded, no console
error, and the expected title and Vietnamese headings; a screenshot of each page is saved
under the test's temporary folder. Then, as a reader would use the site: the search (with and
without diacritics), every link and download, the alt text of every image, the numbered
figures and tables, the table of contents, a printed page (A4 PDF), and an accessibility
check with axe-core (axe-playwright-python) that finds no serious or critical violation.

Chromium: Debian's ``chromium`` package (``apt-get install chromium``), driven by Playwright
with ``executable_path``. Without it the test is skipped, except under ``CI=true``.
"""
from __future__ import annotations

import html
import io
import json
import math
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browserkit import CHROMIUM, CHROMIUM_ARGS, browser_or_skip
from parstats.publishing.notebooks import find_notebooks
from parstats.publishing.search import fold
from parstats.publishing.site import notebook_title, page_name

ROOT = Path(__file__).resolve().parents[1]
#: nbconvert's alt text for an image that has none.
NBCONVERT_ALT = "No description has been provided for this image"
#: English words a site's chrome would use (navigation, search, downloads, code, figures).
ENGLISH_CHROME = re.compile(r"\b(Home|Contents|Search|Download|Previous|Next|Show|Hide|Code|Figure|Table|"
                            r"Methods|Notebooks?|Skip|Page|Build|Source|Results?)\b")
#: A4 and the print style sheet's page margins (site.css, @page), in CSS pixels (96 per inch).
MM = 96 / 25.4
A4_PRINTABLE_WIDTH = (210 - 2 * 12) * MM
A4_PRINTABLE_HEIGHT = (297 - 2 * 14) * MM


@pytest.fixture(scope="module")
def built_site(project_build):
    """The site of the test run's one build of the project (``conftest.project_build``)."""
    browser_or_skip()
    project, result, _ = project_build
    assert result.exit_code == 0, [str(r.failure or r.message) for r in result.failed]
    return project


@pytest.fixture(scope="module")
def browser(built_site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith(("file://", "data:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        context.blocked = blocked
        yield context
        browser.close()


def _pages(project) -> list[str]:
    return sorted(p.name for p in project.site_dir.glob("*.html"))


def _notebook_pages(project) -> list[str]:
    return [page_name(p.name) for p in find_notebooks(project.notebooks_dir)]


def test_every_page_loads_offline(built_site, browser, tmp_path):
    project = built_site
    notebooks = find_notebooks(project.notebooks_dir)
    pages = _pages(project)
    assert pages == sorted(["index.html", "phuong-phap.html", "bao-cao.html", "du-lieu.html"]
                           + [page_name(p.name) for p in notebooks])
    titles = {page_name(p.name): notebook_title(json.loads(p.read_text(encoding="utf-8")), p.stem) for p in notebooks}

    problems: list[str] = []
    for name in pages:
        page = browser.new_page()
        console, failed = [], []
        page.on("console", lambda m, c=console: c.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e, c=console: c.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r, f=failed: f.append(f"{r.url[:80]} ({r.failure})"))
        n_blocked = len(browser.blocked)
        # "load": every resource of an offline page is in it or beside it (a request elsewhere
        # is blocked and counted above), so there is no network to wait for
        page.goto((project.site_dir / name).as_uri(), wait_until="load")
        images = page.eval_on_selector_all(
            "img", "els => els.map(e => [e.complete && e.naturalWidth > 0, (e.getAttribute('src')||'').slice(0,30)])"
        )
        broken = [src for ok, src in images if not ok]
        headings = [h.strip() for h in page.eval_on_selector_all("h1, h2, h3", "els => els.map(e => e.innerText)")]
        # the site's own words (everything but the notebook or report text in <main>) are Vietnamese
        chrome = page.evaluate("""() => { const c = document.body.cloneNode(true);
            c.querySelectorAll('main, script, style').forEach(e => e.remove());
            const attrs = [...c.querySelectorAll('[aria-label],[placeholder],[title]')].map(
                e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join(' '));
            return c.innerText + ' ' + attrs.join(' '); }""")
        english = sorted(set(re.findall(ENGLISH_CHROME, chrome)))
        title = page.title()
        lang = page.eval_on_selector("html", "e => e.lang")
        page.screenshot(path=str(tmp_path / f"{Path(name).stem}.png"), full_page=True)
        # the search box is shown once its script has loaded
        assert page.is_visible("#search-input"), name
        if name in titles:
            # the code toggle works: code hidden at first, shown after a click
            assert not page.is_visible(".code_cell .input"), name
            page.click("#toggle-code")
            assert page.is_visible(".code_cell .input"), name
        page.close()

        where = f"{name}:"
        problems += [f"{where} blocked request {u}" for u in browser.blocked[n_blocked:]]
        problems += [f"{where} failed request {u}" for u in failed]
        problems += [f"{where} console {c}" for c in console]
        problems += [f"{where} image not loaded {s}" for s in broken]
        if english:
            problems.append(f"{where} English words in the site's chrome: {english}")
        if lang != "vi":
            problems.append(f"{where} html lang={lang!r}")
        if name == "index.html":
            expected = ["Các sổ tay phân tích", "Vì sao có thể tin các số liệu này"] + list(titles.values())
            if not images:
                problems.append(f"{where} no thumbnail")
        elif name == "phuong-phap.html":
            expected = ["Phương pháp và giới hạn", "Dữ liệu", "Cách tính lại", "Giới hạn", "Thông tin bản dựng"]
        elif name == "bao-cao.html":
            expected = ["Cách đọc trang này", "Báo cáo được chú giải", "Tóm tắt kết quả kiểm tra"]
        elif name == "du-lieu.html":
            expected = ["Dữ liệu trích từ báo cáo"] + [r["title"] for r in json.loads(
                (project.data_dir / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
        else:
            expected = [titles[name]]
            if not title.startswith(titles[name]):
                problems.append(f"{where} title {title!r} does not start with {titles[name]!r}")
        for heading in expected:
            if not any(heading in h for h in headings):
                problems.append(f"{where} heading {heading!r} missing (have {headings[:6]})")
    assert not problems, "\n".join(problems)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(f"{Path(p).stem}.png" for p in pages)


def test_pages_reference_no_other_host(built_site):
    for page in sorted(built_site.site_dir.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert '<meta charset="utf-8">' in text and '<html lang="vi">' in text, page.name
        loaded = re.findall(r"""<(?:script|img|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']([^"']+)""", text)
        remote = [html.unescape(u)[:60] for u in loaded if not u.startswith("data:")
                  and not (not urlsplit(u).scheme and (built_site.site_dir / unquote(u)).is_file())]
        assert remote == [], f"{page.name} loads {remote}"
        assert "url(http" not in text and "@import" not in text, page.name


def _links(text: str) -> list[str]:
    return [html.unescape(u) for u in re.findall(r"""<a\b[^>]*?\bhref=["']([^"']+)""", text)]


def _ids(text: str) -> set[str]:
    return {html.unescape(i) for i in re.findall(r"""\bid=["']([^"']+)""", text)}


def test_every_link_and_download_resolves_from_disk(built_site):
    site = built_site.site_dir
    problems = []
    for page in _pages(built_site):
        text = (site / page).read_text(encoding="utf-8")
        for href in _links(text):
            parts = urlsplit(href)
            assert not parts.scheme and not parts.netloc, f"{page}: link off the site {href}"
            target = site / unquote(parts.path) if parts.path else site / page
            if not target.is_file():
                problems.append(f"{page}: {href} -> no file {target.relative_to(site)}")
            elif parts.fragment and target.suffix == ".html" and \
                    unquote(parts.fragment) not in _ids(target.read_text(encoding="utf-8")):
                problems.append(f"{page}: {href} -> no id {parts.fragment!r} in {target.name}")
    assert not problems, "\n".join(problems)


def test_every_notebook_page_offers_its_notebook_figures_and_tables(built_site):
    site, figures = built_site.site_dir, built_site.figures_dir
    for path in find_notebooks(built_site.notebooks_dir):
        text = (site / page_name(path.name)).read_text(encoding="utf-8")
        links = set(_links(text))
        prefix = path.stem + "-"
        # the notebook itself, byte for byte, and every file its analysis wrote
        assert f"tai-ve/{path.name}" in links, path.name
        assert (site / "tai-ve" / path.name).read_bytes() == path.read_bytes()
        written = sorted(p.name for p in figures.iterdir() if p.name.startswith(prefix)
                         and p.suffix in (".csv", ".xlsx", ".svg", ".png"))
        assert written, path.name
        missing = [name for name in written if f"tai-ve/{name}" not in links]
        assert not missing, f"{path.name}: no download link for {missing}"
        for name in written:
            assert (site / "tai-ve" / name).read_bytes() == (figures / name).read_bytes(), name
        # a table's CSV and XLSX are offered beside it, in its caption
        tables = re.findall(r'<figure class="table" id="bang-(\d+)">\s*<figcaption>(.*?)</figcaption>', text, re.S)
        assert [int(n) for n, _ in tables] == list(range(1, len(tables) + 1)), path.name
        for n, caption in tables:
            assert caption.startswith(f"<b>Bảng {n}.</b>"), caption
            # the sentence that introduces a table is its caption, not written twice
            words = caption.removeprefix(f"<b>Bảng {n}.</b>").split("<span", 1)[0].strip()
            assert not words or text.count(words) == 1, f"{path.name}: table {n}'s caption is also above it"
            assert re.search(r'href="tai-ve/[^"]+\.csv"', caption) and re.search(r'href="tai-ve/[^"]+\.xlsx"', caption), \
                f"{path.name}: table {n} has no CSV and XLSX beside it"


def test_every_image_says_what_it_shows(built_site, browser):
    from parstats.analysis.plotting import declared_figure

    problems = []
    for name in _pages(built_site):
        page = browser.new_page()
        page.goto((built_site.site_dir / name).as_uri(), wait_until="load")
        images = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))")
        figures = page.eval_on_selector_all(
            "figure.figure", "els => els.map(e => [e.id, e.querySelector('img').alt, "
                             "e.querySelector('figcaption').innerText, "
                             "(e.querySelector('figcaption a[href$=\".svg\"]') || {}).getAttribute?.call("
                             "e.querySelector('figcaption a[href$=\".svg\"]'), 'href')])")
        page.close()
        problems += [f"{name}: image {i} has no alt text" for i, alt in enumerate(images) if not (alt or "").strip()]
        problems += [f"{name}: image {i} has nbconvert's alt" for i, alt in enumerate(images) if alt == NBCONVERT_ALT]
        # figures are numbered in order, offer their SVG, and say in words what their module
        # declares they show
        assert [f[0] for f in figures] == [f"hinh-{i}" for i in range(1, len(figures) + 1)], name
        for anchor, alt, caption, svg in figures:
            assert caption.startswith(f"Hình {anchor.split('-')[1]}."), caption
            assert svg, f"{name}: {anchor} offers no SVG"
            declared = declared_figure(Path(svg).stem)
            assert declared is not None, f"{svg}: its analysis module declares no FIGURES entry"
            assert declared[1].rstrip(".") in alt and declared[1].rstrip(".") in caption, (name, anchor, alt)
    assert not problems, "\n".join(problems)


def test_each_notebook_page_has_a_table_of_contents(built_site, browser):
    for name in _notebook_pages(built_site):
        page = browser.new_page()
        page.goto((built_site.site_dir / name).as_uri(), wait_until="load")
        toc = page.eval_on_selector_all("nav.toc a", "els => els.map(e => e.getAttribute('href'))")
        headings = page.eval_on_selector_all("main h2[id], main h3[id]", "els => els.map(e => '#' + e.id)")
        page.close()
        assert toc and toc == headings, name


def _result_count(page) -> int:
    """The number of results the search status line reports (the list shows at most 30)."""
    status = page.inner_text("#search-results .search-status")
    return int(re.match(r"(\d+) kết quả", status).group(1)) if re.match(r"\d+ kết quả", status) else 0


def _search(page, query: str) -> list[str]:
    page.fill("#search-input", query)
    page.wait_for_selector("#search-results .search-status")
    return page.eval_on_selector_all("#search-results li > a", "els => els.map(e => e.getAttribute('href'))")


def test_search_finds_the_same_sections_with_and_without_diacritics(built_site, browser):
    site = built_site.site_dir
    page = browser.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="load")
    with_marks = _search(page, "chỉ tiêu")
    with_count = _result_count(page)
    upper = _search(page, "CHỈ TIÊU")
    assert with_marks and with_marks == upper and _result_count(page) == with_count
    # "chi tieu" also finds "chi tiêu" (spending), so it finds at least as many sections; a query
    # that no other word folds to finds exactly the same sections with and without diacritics
    _search(page, "chi tieu")
    assert _result_count(page) >= with_count
    exact = _search(page, "chỉ tiêu 2e")
    assert exact and sorted(exact) == sorted(_search(page, "chi tieu 2e")) == sorted(_search(page, "CHỈ TIÊU 2E"))
    pages_found = {h.split("#")[0] for h in with_marks}
    # every page that says "chỉ tiêu" in its main text is found, and only those
    expected = set()
    for name in _pages(built_site):
        text = (site / name).read_text(encoding="utf-8")
        main = re.search(r"<main\b.*?</main>", text, re.S).group(0)
        if "chi tieu" in fold(html.unescape(re.sub(r"<[^>]+>", " ", main))):
            expected.add(name)
    assert pages_found <= expected and len(pages_found) >= min(len(expected), 30) > 0
    # "đ" folds to "d": "don vi su nghiep" finds the sections about đơn vị sự nghiệp
    assert sorted(_search(page, "đơn vị sự nghiệp")) == sorted(_search(page, "don vi su nghiep")) != []
    # a heading of a notebook page is found with its anchor, and the link leads to it
    name = _notebook_pages(built_site)[-1]
    page.goto((site / name).as_uri(), wait_until="load")
    anchor, heading = page.eval_on_selector("main h2[id]", "e => [e.id, e.innerText]")
    hits = _search(page, fold(heading))
    assert f"{name}#{anchor}" in hits, (heading, hits[:5])
    page.click(f'#search-results a[href="{name}#{anchor}"]')
    assert page.url.endswith(f"{name}#{anchor}")
    assert _search(page, "zzxqj") == [] and "Không tìm thấy" in page.inner_text("#search-results")
    page.close()


def _pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def test_printed_pages_fit_a4(built_site, browser, tmp_path):
    """Print each page to an A4 PDF: it has pages, no more than its printed height needs (with
    room for the blank left by figures and rows kept whole), and no table, figure or image is
    wider than the printable width."""
    report = []
    for name in _pages(built_site):
        page = browser.new_page()
        page.set_viewport_size({"width": round(A4_PRINTABLE_WIDTH), "height": 900})
        page.goto((built_site.site_dir / name).as_uri(), wait_until="load")
        page.emulate_media(media="print")
        height = page.evaluate("document.documentElement.scrollHeight")
        wide = page.eval_on_selector_all(
            "table, figure, img, pre", f"els => els.filter(e => e.getBoundingClientRect().width > "
                                      f"{A4_PRINTABLE_WIDTH + 1}).map(e => e.tagName + ' ' + "
                                      "Math.round(e.getBoundingClientRect().width))")
        code_shown = page.eval_on_selector_all(".code_cell .input", "els => els.filter(e => e.offsetParent).length")
        pdf = page.pdf(format="A4", path=str(tmp_path / f"{Path(name).stem}.pdf"))
        page.close()
        pages = _pdf_pages(pdf)
        needed = math.ceil(height / A4_PRINTABLE_HEIGHT)
        report.append((name, pages, needed))
        assert wide == [], f"{name}: wider than A4's printable width ({A4_PRINTABLE_WIDTH:.0f} px): {wide}"
        assert code_shown == 0, f"{name}: code printed"
        assert 1 <= pages <= 2 * needed + 1, f"{name}: {pages} PDF pages for {height} px ({needed} A4 pages)"
    print("PDF pages (printed, needed):", report)


def test_no_serious_or_critical_accessibility_violation(built_site, browser):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    serious, seen = [], {}
    for name in _pages(built_site):
        page = browser.new_page()
        page.goto((built_site.site_dir / name).as_uri(), wait_until="load")
        violations = axe.run(page).response["violations"]
        page.close()
        seen[name] = sorted((v["id"], v["impact"]) for v in violations)
        serious += [f"{name}: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                    for v in violations if v["impact"] in ("serious", "critical")]
    print("axe violations by page:", seen)
    assert not serious, "\n".join(serious)
