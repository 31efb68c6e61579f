"""The thematic notebooks: complete (every curated row shown), clean, and open to new data."""
from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from parstats import data
from parstats.analysis import module_for, notebook_modules
from parstats.analysis.plotting import save_figure
from parstats.analysis.shares import CONSISTENT, RECOMPUTED_HEADER, STATUS_LABELS
from parstats.analysis.tables import publish
from parstats.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJ_ROOT


def _stored_text(nb_path: Path) -> str:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            parts += out.get("data", {}).get("text/html", []) + out.get("data", {}).get("text/plain", [])
    return "".join(parts)


def _csv_ids(directory: Path, notebook: str) -> set[str]:
    ids: set[str] = set()
    for path in sorted(directory.glob(f"{notebook}-*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                for value in (row.get("Mã dòng") or "").split(","):
                    if value.strip():
                        ids.add(value.strip())
    return ids


#: Every notebook of notebooks/, each with its analysis module (a notebook without one fails here).
NOTEBOOKS = [path.stem for path, _ in notebook_modules(NOTEBOOKS_DIR)]


def test_every_curated_table_with_numbers_is_shown_in_full_by_a_notebook():
    shown = [t for n in NOTEBOOKS for t in module_for(n).DATA_TABLES]
    assert len(shown) == len(set(shown)), f"a table shown by two notebooks: {shown}"
    # the cited documents (numbers and dates, no counts) are checked by the audit, not shown;
    # the reviewer's items (words, no numbers) are shown as the list «Đề nghị cơ quan soạn thảo
    # xem lại» of page 05 and the index (tests/test_findings.py)
    assert set(shown) == set(data.tables()) - {"legal_documents", "review_items"}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_curated_row_appears_in_a_table_of_its_notebook(notebook):
    exported = _csv_ids(FIGURES_DIR, notebook)
    shown = _stored_text(NOTEBOOKS_DIR / f"{notebook}.ipynb")
    for table in module_for(notebook).DATA_TABLES:
        ids = list(data.load(table)["id"])
        assert ids, f"{table} is empty"
        missing_csv = [i for i in ids if i not in exported]
        missing_nb = [i for i in ids if i not in shown]
        assert missing_csv == [], f"{table} rows not in any figures/{notebook}-*.csv: {missing_csv}"
        assert missing_nb == [], f"{table} rows not in the stored outputs of {notebook}.ipynb: {missing_nb}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_is_clean_and_reproducible_on_disk(notebook):
    nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "one clean top-to-bottom run"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in code:
        # nbclient's record_timing writes wall-clock timestamps into cell metadata: a rerun would change bytes.
        assert "execution" not in cell["metadata"], "execute with --ExecutePreprocessor.record_timing=False"
        for out in cell["outputs"]:
            assert out["output_type"] != "error" and out.get("name") != "stderr"
    figures = sorted(p.name for p in FIGURES_DIR.glob(f"{notebook}-*.svg"))
    # a thematic notebook (one that shows curated tables) draws at least two figures, the audit one
    least = 2 if module_for(notebook).DATA_TABLES else 1
    assert len(figures) >= least, f"at least {least} figures, found {figures}"
    for svg in figures:
        assert (FIGURES_DIR / svg).with_suffix(".png").exists()


ALL_NOTEBOOKS = sorted(p.stem for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def _code(notebook: str) -> str:
    nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_figure_a_notebook_saves_is_declared_and_every_declared_one_is_saved(notebook):
    """FIGURES of the notebook's module against the figures on disk and the notebook's save_figure calls."""
    import re

    declared = module_for(notebook).FIGURES
    on_disk = {p.stem[len(notebook) + 1:] for p in FIGURES_DIR.glob(f"{notebook}-*.svg")}
    saved = {m[len(notebook) + 1:] for m in re.findall(r'save_figure\([^"]*"([^"]+)"\)', _code(notebook))}
    assert on_disk == set(declared), f"figures/{notebook}-*.svg {sorted(on_disk)} against FIGURES {sorted(declared)}"
    assert saved == set(declared), f"saved by the notebook {sorted(saved)} against FIGURES {sorted(declared)}"
    for suffix, (title, caption) in declared.items():
        assert title and title == title.strip() and "\n" not in title, (suffix, title)
        # one Vietnamese sentence: ends with a full stop, has Vietnamese letters, no English
        assert caption.endswith(".") and caption.count(". ") == 0, (suffix, caption)
        assert re.search("[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệịỉọỏốồổộớờởợụủứừửựỳỷỹ]", caption.lower()), caption
        assert not re.search(r"\b(the|and|of|against)\b", caption), caption


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_table_spec_a_notebook_uses_is_declared_and_used(notebook):
    import re

    used = set(re.findall(r'nb\.COLUMNS\["([^"]+)"\]', _code(notebook)))
    assert used == set(module_for(notebook).COLUMNS), notebook


def test_no_number_typed_into_a_notebook():
    """Code cells hold no numeric literal other than the notebook's own NN prefix in names."""
    import re
    import tokenize
    from io import StringIO

    assert "05-consistency-audit" in ALL_NOTEBOOKS
    for notebook in ALL_NOTEBOOKS:
        nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            tokens = tokenize.generate_tokens(StringIO("".join(cell["source"])).readline)
            numbers = [t.string for t in tokens if t.type == tokenize.NUMBER]
            assert numbers == [], f"{notebook}: numeric literal(s) {numbers} in a code cell"
            strings = re.findall(r'"([^"]*)"', "".join(cell["source"]))
            assert all(not re.search(r"\d", s) or s.startswith(notebook) for s in strings), strings


# a value as the report writes it: "92,21%", "1.752", "265/295" (section numbers like II.2.5 are not values)
_TYPED_VALUE = r"(?<![\w.])(\d+,\d+\s*%?|\d{1,3}(\.\d{3})+(?![.\d])|\d+/\d+)"


def test_no_data_value_typed_into_prose():
    """Markdown cells quote no share, grouped count or fraction: the prose describes, the outputs show."""
    import re

    assert re.findall(_TYPED_VALUE, "the 92,21% and 87,23% of 265/295, 1.752 staff (II.2.5, chỉ tiêu 4)")
    assert not re.findall(_TYPED_VALUE, "sections II.2.2-II.2.5, footnotes 3, 5, 6, chỉ tiêu 4")
    for notebook in ALL_NOTEBOOKS:
        nb = json.loads((NOTEBOOKS_DIR / f"{notebook}.ipynb").read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"], 1):
            if cell["cell_type"] == "markdown":
                typed = [m.group(0) for m in re.finditer(_TYPED_VALUE, "".join(cell["source"]))]
                assert typed == [], f"{notebook} cell {i}: value(s) {typed} typed into prose"


def _data_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(PROJ_ROOT / "data", root)
    return root


def _append(path: Path, rows: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(r + "\n" for r in rows), encoding="utf-8")


def _csv_rows(path: Path) -> dict:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r["Mã dòng"]: r for r in csv.DictReader(fh)}


# New data reach a notebook's tables and figures through the calls the notebook makes (its
# analysis module's functions, publish and save_figure), here on a copy of data/ and without a
# kernel: the notebooks themselves run once in the test run's build and once under nbval.


def test_a_new_year_flows_through_to_tables_and_figures(tmp_path):
    """New rows in a temporary copy of data/ reach the notebook's tables and figures untouched."""
    from parstats.analysis import online_services as nb

    data_dir = _data_copy(tmp_path)
    quote = "Cấp huyện: có 2.059/29.475 hồ sơ, tỷ lệ 6,99%"
    _append(data_dir / "dossiers.csv", [
        f'huyen-2024,huyen,2024,1.000,8.000,"12,50",fn5,"{quote}"',
        f'xa-2024,xa,2024,3.000,12.000,"25,00",fn5,"{quote}"',
    ])
    dossiers = data.load("dossiers", data_dir=data_dir)
    out = tmp_path / "figures"
    shares = nb.dossier_shares(dossiers)
    publish(shares, nb.COLUMNS["dossier_shares"], "03-online-services-dossiers", directory=out)
    publish(nb.dossier_parts(dossiers), nb.COLUMNS["dossier_parts"], "03-online-services-dossier-parts", directory=out)
    save_figure(nb.dossier_share_chart(shares), "03-online-services-dossiers-online-share", directory=out)
    rows = _csv_rows(out / "03-online-services-dossiers.csv")
    assert rows["huyen-2024"]["Kỳ"] == "Năm 2024"
    assert rows["huyen-2024"][RECOMPUTED_HEADER] == "12,50%"
    assert rows["huyen-2024"]["Trạng thái"] == STATUS_LABELS[CONSISTENT]
    assert rows["xa-2024"]["Tổng số hồ sơ"] == "12.000"
    # The 2024 rows fall outside 2021-09-01/2023-06-30, so the parts check still adds up.
    with (out / "03-online-services-dossier-parts.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert {r["Chênh lệch"] for r in csv.DictReader(fh)} == {"0"}
    new_svg = (out / "03-online-services-dossiers-online-share.svg").read_bytes()
    assert new_svg != (FIGURES_DIR / "03-online-services-dossiers-online-share.svg").read_bytes()


def test_a_new_year_of_par_index_flows_through(tmp_path):
    from parstats.analysis import targets_overview as nb
    from parstats.analysis.scoreboard import scoreboard

    data_dir = _data_copy(tmp_path)
    quote = "năm 2022 đạt 78,93%, xếp thứ 8/11 huyện, thị xã, thành phố."
    _append(data_dir / "par_index_sipas.csv", [f'par-index-2023,PAR_INDEX,2023,"85,00",5,11,II.1,"{quote}"'])
    out = tmp_path / "figures"
    par_table = nb.par_sipas_table(data.load("par_index_sipas", data_dir=data_dir))
    publish(par_table, nb.COLUMNS["par_sipas"], "01-targets-overview-par-index-sipas", directory=out)
    board = scoreboard(data.load("targets", data_dir=data_dir))
    save_figure(nb.par_sipas_chart(par_table, board), "01-targets-overview-par-index-sipas", directory=out)
    rows = _csv_rows(out / "01-targets-overview-par-index-sipas.csv")
    assert rows["par-index-2023"]["Điểm"] == "85,00%" and rows["par-index-2023"]["Xếp hạng"] == "5/11"
    new_png = (out / "01-targets-overview-par-index-sipas.png").read_bytes()
    assert new_png != (FIGURES_DIR / "01-targets-overview-par-index-sipas.png").read_bytes()
