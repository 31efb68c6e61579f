"""The analysis package: one module per notebook found by name, its declarations, the share checks."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

import parstats.analysis as analysis
from parstats import audit, data
from parstats.analysis import labels, module_for, module_name, notebook_modules
from parstats.analysis.shares import (
    CONSISTENT,
    INCONSISTENT,
    NO_VALUE,
    NOT_QUOTED,
    STATUS_LABELS,
    UNVERIFIABLE,
    check_change,
    check_share,
)
from parstats.analysis.tables import Column
from parstats.paths import NOTEBOOKS_DIR


def test_a_notebook_is_found_by_file_name_stem_or_path():
    mod = module_for("02-staffing-qualifications.ipynb")
    assert mod.__name__ == "parstats.analysis.staffing_qualifications"
    assert module_for("02-staffing-qualifications") is mod
    assert module_for(NOTEBOOKS_DIR / "02-staffing-qualifications.ipynb") is mod
    assert module_name("10-a-new-theme.ipynb") == "parstats.analysis.a_new_theme"


def test_a_notebook_without_its_module_is_a_clear_error(tmp_path):
    with pytest.raises(LookupError) as err:
        module_for("06-no-such-theme.ipynb")
    message = str(err.value)
    assert "'06-no-such-theme.ipynb'" in message
    assert "parstats.analysis.no_such_theme" in message and "src/parstats/analysis/no_such_theme.py" in message
    (tmp_path / "01-targets-overview.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "06-no-such-theme.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(LookupError, match="06-no-such-theme"):
        notebook_modules(tmp_path)  # none is skipped
    with pytest.raises(LookupError, match="not named NN-theme-name"):
        module_for("Untitled 1.ipynb")


def test_a_module_that_imports_something_missing_is_not_reported_as_missing(tmp_path, monkeypatch):
    (tmp_path / "broken_theme.py").write_text("import parstats_no_such_dependency\n", encoding="utf-8")
    monkeypatch.setattr(analysis, "__path__", [*analysis.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "parstats.analysis.broken_theme", raising=False)
    with pytest.raises(ModuleNotFoundError) as err:
        module_for("98-broken-theme.ipynb")
    assert err.value.name == "parstats_no_such_dependency"


def test_every_notebook_has_a_module_with_its_declarations():
    pairs = notebook_modules()
    assert [p.name for p, _ in pairs] == sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb"))
    assert len(pairs) >= 5
    for path, mod in pairs:
        assert isinstance(mod.DATA_TABLES, tuple) and set(mod.DATA_TABLES) <= set(data.tables()), path
        assert mod.COLUMNS and all(isinstance(c, Column) for cols in mod.COLUMNS.values() for c in cols), path
        assert mod.FIGURES and all(isinstance(v, tuple) and len(v) == 2 for v in mod.FIGURES.values()), path
        # a figure suffix is what follows NN-theme- in the file name
        assert all(not s.startswith(path.stem) and s == s.lower() and " " not in s for s in mod.FIGURES), path


def test_importing_the_package_imports_no_notebook_module_and_no_pandas():
    code = ("import sys, parstats.analysis; "
            "print(sorted(m for m in sys.modules if m.startswith('parstats.analysis.') or m == 'pandas'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- shares


def test_share_checks_use_the_audits_status_words():
    assert {s: STATUS_LABELS[s] for s in audit.STATUSES} == audit.STATUSES_VI
    assert (CONSISTENT, INCONSISTENT, UNVERIFIABLE) == audit.STATUSES
    assert len(set(STATUS_LABELS.values())) == len(STATUS_LABELS) == 5


def test_check_share_on_real_quotes():
    # "128/129 người, tỷ lệ 98,45%": 99,22%, and the audit names the cause
    r = check_share(128, 129, Decimal("98.45"), "98,45")
    assert (r["recomputed"], r["difference"], r["status"]) == (Decimal("99.22"), Decimal("0.77"), INCONSISTENT)
    assert r["status_vi"] == "không nhất quán" and r["cause"] == "count-off" and r["cause_vi"]
    # "28/1.752 biên chế, đạt 1,6%": one decimal, as written
    r = check_share(28, 1752, Decimal("1.6"), "1,6")
    assert (r["recomputed"], r["decimals"], r["status"], r["cause"]) == (Decimal("1.6"), 1, CONSISTENT, None)
    # "01%": no decimal; 1/60 = 1,67% rounds half-up to 2%
    assert check_share(1, 60, Decimal("1"), "01")["recomputed"] == Decimal("2")
    assert check_share(1, 200, Decimal("1"), "01")["status"] == CONSISTENT  # 0,5% -> 1%, half-up


def test_check_share_markers():
    assert check_share(None, None, Decimal("92.21"), "92,21")["status"] == UNVERIFIABLE
    assert check_share(27, None, Decimal("13.7"), "13,70")["status"] == UNVERIFIABLE
    r = check_share(24, 1488)
    assert (r["recomputed"], r["status"], r["difference"]) == (Decimal("1.61"), NOT_QUOTED, None)
    assert check_share(None, 1488)["status"] == NO_VALUE
    # a part larger than its whole is the audit's inconsistency, not a crash
    assert check_share(5, 3, Decimal("50"), "50")["status"] == INCONSISTENT


def test_check_change_names_the_wrong_base():
    r = check_change(108, 1563, Decimal("6.91"), "6,91")
    assert (r["base_value"], r["recomputed"], r["difference"]) == (1671, Decimal("6.46"), Decimal("-0.45"))
    assert (r["status"], r["cause"]) == (INCONSISTENT, "wrong-base")
    assert check_change(7, 58, Decimal("10.8"), "10,8")["status"] == CONSISTENT  # 7/65 = 10,77%


# --------------------------------------------------------------------------- nothing keyed on a label


@pytest.fixture
def relabelled(monkeypatch):
    """Every Vietnamese label of datapackage.json replaced by a placeholder."""
    real = labels._fields

    def fields(table):
        out = {}
        for name, field in real(table).items():
            field = dict(field)
            if "enumLabels" in field:
                field["enumLabels"] = {code: f"#{code}" for code in field["enumLabels"]}
            out[name] = field
        return out

    monkeypatch.setattr(labels, "_fields", fields)


def _computed(frame, drop=()):
    keep = [c for c in frame.columns if c not in drop]
    return frame[keep].astype(object).where(frame[keep].notna(), None).values.tolist()


def test_no_selection_depends_on_a_label(relabelled):
    from parstats.analysis import budget_downsizing as bd
    from parstats.analysis import scoreboard as sb
    from parstats.analysis import staffing_qualifications as sq

    downsizing, targets, staff = data.load("downsizing"), data.load("targets"), data.load("staffing_qualifications")
    units = bd.units_over_time(downsizing)
    assert units[units["derived"]]["count"].tolist() == [65], "the 2015 total derived from the quoted decrease"
    assert units["category"].str.startswith("#").all()
    progress = bd.downsizing_progress(downsizing, targets)
    assert progress["value"].tolist() == [Decimal(0), Decimal("1.6"), Decimal("6.91"), Decimal("6.46")]
    parts = sq.staffing_parts(staff)
    assert parts["difference"].tolist() == [0, 0, 0, 0, 0] and len(parts) == 5
    summary = sb.scoreboard_summary(sb.scoreboard(targets))
    assert summary["agree"] > 0 and summary["report_met"] + summary["report_not_met"] > 0
