"""The site's search index (parstats.publishing.search): folding, sections, anchors, and the
index the build wrote (``site/tim-kiem.js``)."""
from __future__ import annotations

import json
import re
import unicodedata

from hypothesis import given, strategies as st

from parstats.publishing.search import Anchors, fold, index_script, page_sections, slugify, table_of_contents

#: Every letter of the Vietnamese alphabet with every tone, lower and upper case.
VI_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
VI_LETTERS = VI_LOWER + VI_LOWER.upper()


@given(st.text(alphabet=VI_LETTERS + " ", max_size=60))
def test_fold_keeps_one_character_per_letter_and_drops_every_mark(text):
    folded = fold(text)
    # the search box highlights a match at the same place in the text as in its folded form
    assert len(folded) == len(text)
    assert re.fullmatch(r"[a-z ]*", folded)
    assert fold(folded) == folded and fold(text.upper()) == folded


def test_fold_reads_vietnamese_as_a_reader_types_it_without_marks():
    assert fold("Chỉ tiêu") == fold("chi tieu") == "chi tieu"
    assert fold("Đơn vị sự nghiệp công lập") == "don vi su nghiep cong lap"
    # decomposed input (as some converters write it) folds the same as composed
    assert fold(unicodedata.normalize("NFD", "Hồ sơ trực tuyến")) == fold("Hồ sơ trực tuyến")


def test_anchors_are_ascii_and_unique_in_a_page():
    anchors = Anchors()
    got = [anchors.claim(t) for t in ("Kết luận chính", "Kết luận chính", "Bảng 1", "!!!")]
    assert got == ["ket-luan-chinh", "ket-luan-chinh-2", "bang-1", "muc"]
    assert slugify("Số liệu cần sửa — 2021/2023") == "so-lieu-can-sua-2021-2023"


def test_sections_leave_out_code_and_the_site_chrome():
    html = ('<header class="site-header"><form>Tìm kiếm</form></header><main>'
            '<h1 id="t">Tiêu đề</h1><div class="input"><pre>print("mã")</pre></div><p>Đoạn văn.</p>'
            '<section id="s"><h2>Phần <i>hai</i></h2><table><tr><td>84,11%</td></tr></table></section>'
            '<h3 id="c">Con</h3><!-- chú thích ẩn --><script>var x = 1;</script></main>')
    sections = page_sections(html)
    assert [(s.anchor, s.level, s.heading, s.text) for s in sections] == [
        ("t", 1, "Tiêu đề", "Đoạn văn."), ("s", 2, "Phần hai", "84,11%"), ("c", 3, "Con", "")]
    toc = table_of_contents(sections)
    assert toc == [{"anchor": "s", "heading": "Phần hai", "children": [{"anchor": "c", "heading": "Con", "children": []}]}]


def test_the_index_is_a_script_that_cannot_end_a_page_early():
    script = index_script([["a.html", "x", "A", "B", "</script><b>"]]).decode("utf-8")
    data = json.loads(script.split("\n", 1)[0].removeprefix("var PARSTATS_SEARCH = ").removesuffix(";"))
    assert data == [["a.html", "x", "A", "B", "</script><b>"]] and "</script>" not in script.split("\n", 1)[0]


def test_the_built_index_covers_every_page_and_points_at_real_anchors(project_build):
    project, result, _ = project_build
    assert result.exit_code == 0
    site = project.site_dir
    first = (site / "tim-kiem.js").read_text(encoding="utf-8").split("\n", 1)[0]
    entries = json.loads(first.removeprefix("var PARSTATS_SEARCH = ").removesuffix(";"))
    pages = sorted(p.name for p in site.glob("*.html"))
    assert sorted({e[0] for e in entries}) == pages
    ids = {p: set(re.findall(r'\bid="([^"]+)"', (site / p).read_text(encoding="utf-8"))) for p in pages}
    assert [e for e in entries if e[1] and e[1] not in ids[e[0]]] == []
    # no code of the notebooks is indexed: no import line of any notebook is in the index
    assert not any("from parstats" in e[4] for e in entries)
    assert all(e[4] == unicodedata.normalize("NFC", e[4]) for e in entries)


def test_a_rerender_gives_the_site_on_disk_byte_for_byte(project_build):
    from parstats.publishing.notebooks import find_notebooks
    from parstats.publishing.site import render_pages

    project, result, _ = project_build
    assert result.exit_code == 0
    on_disk = {p.relative_to(project.site_dir).as_posix(): p.read_bytes()
               for p in project.site_dir.rglob("*") if p.is_file()}
    assert render_pages(project, find_notebooks(project.notebooks_dir)) == on_disk


def test_a_page_that_links_a_missing_download_is_a_build_error(tmp_path):
    """A table whose cell names a file the notebook did not write fails the render, naming both."""
    import nbformat
    import pytest

    from parstats.publishing.project import Project
    from parstats.publishing.site import render_pages

    (tmp_path / "notebooks").mkdir()
    (tmp_path / "figures").mkdir()
    (tmp_path / "data").mkdir()
    table = nbformat.v4.new_output("execute_result", data={"text/html": "<table><tr><td>1</td></tr></table>",
                                                           "text/plain": "1"}, execution_count=1)
    cell = nbformat.v4.new_code_cell('publish(t, cols, "01-alpha-counts")', outputs=[table], execution_count=1)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Thử\n\nBảng đếm."), cell])
    nbformat.write(nb, tmp_path / "notebooks" / "01-alpha.ipynb")
    project = Project.at(tmp_path)
    with pytest.raises(ValueError, match=r"01-alpha\.html links tai-ve/01-alpha-counts\.csv, which the site does not"):
        render_pages(project, [tmp_path / "notebooks" / "01-alpha.ipynb"])
    (tmp_path / "figures" / "01-alpha-counts.csv").write_text("STT,n\n1,1\n", encoding="utf-8")
    (tmp_path / "figures" / "01-alpha-counts.xlsx").write_bytes(b"x")
    pages = render_pages(project, [tmp_path / "notebooks" / "01-alpha.ipynb"])
    assert pages["tai-ve/01-alpha-counts.csv"] == b"STT,n\n1,1\n"
    assert "<b>Bảng 1.</b> Bảng đếm." in pages["01-alpha.html"].decode("utf-8")
