"""The targets scoreboard, checked against what the report itself writes.

Every actual value and target of the scoreboard must be written in the report where its row's
quote (or description) stands, and its verdict must agree with the report's own "Đạt / Chưa
đạt chỉ tiêu đề ra" unless the data log documents the disagreement.
"""
from __future__ import annotations

import re
from decimal import Decimal

from parstats import data
from parstats.markdown import normalize_text
from parstats.numbers import NUMBER_PATTERN, parse_number
from parstats.paths import PROJ_ROOT
from parstats.report import load_report
from parstats.analysis.scoreboard import (MET, NO_DATA, NOT_MET, scoreboard, scoreboard_summary, target_text,
                                          word_meaning)
from parstats.analysis.tables import is_missing

TARGETS = data.load("targets")
REPORT = load_report()
DATA_LOG = PROJ_ROOT / "docs" / "data-log.md"

#: the report's own verdict on a target: "Đạt chỉ tiêu đề ra" / "Chưa đạt chỉ tiêu đề ra"
VERDICT_RE = re.compile(r"(chưa đạt|đạt) chỉ tiêu đề ra", re.IGNORECASE)


def _where(quote: str):
    """The report's unit (paragraph or footnote) text holding ``quote``, its source id and the
    span of the quote in it; fails when the quote is not a span of the report."""
    needle = normalize_text(quote)
    for text, source, _ in REPORT.units():
        at = text.find(needle)
        if at >= 0:
            return text, source, at, at + len(needle)
    raise AssertionError(f"not a span of the report: {quote!r}")


def _report_verdict(quote: str) -> str:
    """The verdict the report writes in ``quote``, in the scoreboard's words ("" if none)."""
    said = {m.group(1).casefold() for m in VERDICT_RE.finditer(normalize_text(quote))}
    assert len(said) <= 1, f"two verdicts in one quote: {quote!r}"
    return {"đạt": MET, "chưa đạt": NOT_MET}[said.pop()] if said else ""


def _written(value_text: str, unit, text: str) -> list[Decimal]:
    """The values ``value_text`` (``"83,24%"``, ``"83,24"``, ``"8"``) is written as in ``text``,
    whole numbers only (not a piece of ``1.752`` or ``84,11``): followed by ``%`` for a
    percentage, after "thứ" for a rank."""
    before = r"thứ " if unit == "rank" else ""
    after = r"\s?%" if unit == "percent" else r"(?!\s?%)"
    number = re.escape(value_text.removesuffix("%"))
    pattern = rf"(?<![0-9.,]){before}({number})(?![0-9]|[.,][0-9]){after}"
    return [parse_number(m.group(1)).value for m in re.finditer(pattern, text, re.IGNORECASE)]


def _documented_disagreements() -> set[str]:
    """Target rows whose verdict the data log says differs from the report's own.

    Read from the assumptions log of ``docs/data-log.md``: an entry whose rows cell names
    ``targets`` and whose text says the verdict differs ("verdict differs") lists the ids.
    """
    ids = set(TARGETS["id"])
    out = set()
    for line in DATA_LOG.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and "`targets`" in cells[1] and "verdict differs" in " ".join(cells[2:]):
            out |= {w for w in re.split(r"[\s,`]+", cells[1]) if w in ids}
    return out


def test_actual_values_are_written_in_the_report_at_their_quote():
    board = scoreboard(TARGETS).set_index("id")
    checked = []
    for _, r in TARGETS.iterrows():
        row = board.loc[r["id"]]
        text, source, start, end = _where(r["quote"])
        assert source == r["source"], (r["id"], source)
        if not is_missing(r["actual_words"]):  # the report's words stand in the quote, and mean what we score
            assert normalize_text(r["actual_words"]) in text[start:end], r["id"]
            kind, meaning = word_meaning(r["actual_words"])
            if is_missing(r["actual"]):
                if kind == "value":
                    assert row["actual"] == meaning and row["status"] != NO_DATA, r["id"]
                else:
                    assert row["actual"] is None and row["met"] is meaning, r["id"]
                checked.append(r["id"])
                continue
        if row["actual"] is None:
            assert row["status"] == NO_DATA and row["met"] is None and row["gap"] is None, r["id"]
            continue
        # the board shows the actual as the report writes it ("83,24%", "8"), with its value
        found = _written(row["actual_text"], r["unit"], text[start:end])
        assert found and all(v == row["actual"] for v in found), (r["id"], row["actual_text"], found)
        checked.append(r["id"])
    assert checked


def test_targets_are_written_in_the_report_descriptions():
    board = scoreboard(TARGETS).set_index("id")
    for _, r in TARGETS.iterrows():
        row = board.loc[r["id"]]
        text, source, start, end = _where(r["description"])
        assert source == r["source"], (r["id"], source)
        if row["target_value"] is None:
            assert row["status"] == NO_DATA and row["target"] == "", r["id"]
            continue
        desc = text[start:end]
        if r["unit"] == "rank":  # "từ vị trí thứ 4 đến 6"
            m = re.search(rf"thứ ({NUMBER_PATTERN}) đến ({NUMBER_PATTERN})", desc)
            assert m, r["id"]
            assert (parse_number(m.group(1)).value, parse_number(m.group(2)).value) == (
                row["target_value"], row["target_upper"]), r["id"]
        else:
            assert row["target_value"] in _written(r["target_value_text"], r["unit"], desc), r["id"]


def test_report_verdicts_are_the_reports_words():
    board = scoreboard(TARGETS).set_index("id")
    for _, r in TARGETS.iterrows():
        assert board.loc[r["id"], "report_verdict"] == _report_verdict(r["quote"]), r["id"]
    # and no verdict of the report's target section is left out of the targets table
    spans = [_where(q) for q in TARGETS["quote"]]
    sections = set(TARGETS["source"])
    for text, source, _ in REPORT.units():
        for m in VERDICT_RE.finditer(text) if source in sections else ():
            assert any(t == text and a <= m.start() and m.end() <= b for t, _, a, b in spans), (
                f"the report's verdict {m.group(0)!r} in {source} is in no row's quote")


def test_status_agrees_with_the_reports_verdict():
    board = scoreboard(TARGETS).set_index("id")
    documented = _documented_disagreements()
    compared = []
    for _, r in TARGETS.iterrows():
        row = board.loc[r["id"]]
        said = _report_verdict(r["quote"])
        if not said or row["status"] == NO_DATA:
            continue
        if word_meaning(row["actual_words"])[0] == "verdict":  # scored from the report's own verdict: no check
            assert row["status"] == said and row["agrees"] is None, r["id"]
            continue
        compared.append(r["id"])
        if r["id"] in documented:
            assert row["status"] != said and row["agrees"] is False, f"{r['id']} is documented as a disagreement"
        else:
            assert row["status"] == said and row["agrees"] is True, (
                f"{r['id']}: the scoreboard says {row['status']}, the report {said} (not in {DATA_LOG.name})")
    assert compared, "no row has both a verdict of the report and an actual value"
    assert documented <= set(compared), "a documented disagreement names a row without both verdicts"
    assert scoreboard_summary(board.reset_index())["disagree"] == len(documented)


def test_gap_sign_follows_met():
    board = scoreboard(TARGETS)
    judged = board[board["met"].notna()]
    assert len(judged) == (board["status"] != NO_DATA).sum() > 0
    for _, row in judged.iterrows():
        if row["actual"] is None:  # judged on the report's verdict in words: no number, no gap
            assert word_meaning(row["actual_words"])[0] == "verdict" and row["gap"] is None, row["id"]
            continue
        comparator = TARGETS.set_index("id").loc[row["id"], "comparator"]
        assert row["status"] == (MET if row["met"] else NOT_MET), row["id"]
        if comparator == "equals":
            assert (row["gap"] == 0) == row["met"], row["id"]
        else:
            assert (row["gap"] >= 0) == row["met"], row["id"]
        # its size is the distance from the value the verdict rests on (the reported number, or
        # the recomputed one where the audit flags it, or the target's own measure) to the target
        bound = row["target_upper"] if comparator == "rank_between" else row["target_value"]
        assert abs(row["gap"]) == abs(Decimal(row["value"]) - Decimal(bound)), row["id"]
        expected = row["measure_value"] if row["measure_text"] else row["recomputed"] if row["recomputed_text"] \
            else row["actual"]
        assert row["value"] == expected, row["id"]




def test_one_row_per_curated_target_row():
    board = scoreboard(TARGETS)
    assert list(board["id"]) == list(TARGETS["id"])
    assert set(board["target_no"]) == set(int(n) for n in TARGETS["target_no"])


def test_known_rows():
    board = scoreboard(TARGETS).set_index("id")
    # Rank 8 of 11 in 2022 is outside the 4th-6th band, two places short.
    assert board.loc["1-2022", "status"] == NOT_MET and board.loc["1-2022", "gap"] == Decimal(-2)
    # 92,21% of commune cán bộ only; the target counts cán bộ, công chức: 265/295 = 89,83% against "at least 80%".
    assert board.loc["4c", "status"] == MET and board.loc["4c", "gap"] == Decimal("9.83")
    # The report says "Chưa đạt" for chỉ tiêu 5b, and so do we.
    assert board.loc["5b", "report_verdict"] == NOT_MET and board.loc["5b", "agrees"] is True


def test_agreement_detects_a_disagreement():
    changed = TARGETS.copy()
    changed.loc[changed["id"] == "6a", "report_verdict"] = "dat"
    board = scoreboard(changed).set_index("id")
    assert board.loc["6a", "agrees"] is False
    assert scoreboard_summary(scoreboard(changed))["disagree"] == scoreboard_summary()["disagree"] + 1


def test_summary_counts_add_up():
    board = scoreboard(TARGETS)
    s = scoreboard_summary(board)
    assert s["total"] == len(TARGETS)
    assert s["met"] + s["not_met"] + s["no_data"] == s["total"]
    assert s["met"] == int((board["met"] == True).sum())  # noqa: E712
    verdicts = TARGETS["report_verdict"].dropna()
    assert s["report_met"] == int((verdicts == "dat").sum())
    assert s["report_not_met"] == int((verdicts == "chua_dat").sum())
    assert s["targets"] == TARGETS["target_no"].nunique()
    assert s == scoreboard_summary(), "the default loads the same data"


def test_target_text():
    assert target_text("at_most", Decimal("5.5")) == "tối đa 5,5%"
    assert target_text("rank_between", Decimal(4), Decimal(6), "rank") == "hạng 4 đến 6"
