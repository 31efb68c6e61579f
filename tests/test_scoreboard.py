"""The targets scoreboard, checked against the curated targets and the ratios module."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from parstats import data
from parstats.ratios import Target, gap, verdict
from parstats.analysis.scoreboard import MET, NO_DATA, NOT_MET, scoreboard, scoreboard_summary, target_text

TARGETS = data.load("targets")


def test_one_row_per_curated_target_row():
    board = scoreboard(TARGETS)
    assert list(board["id"]) == list(TARGETS["id"])
    assert set(board["target_no"]) == set(int(n) for n in TARGETS["target_no"])


def test_verdicts_and_gaps_follow_ratios():
    board = scoreboard(TARGETS).set_index("id")
    for _, r in TARGETS.iterrows():
        row = board.loc[r["id"]]
        if pd.isna(r["comparator"]) or r["actual"] is None:
            assert row["status"] == NO_DATA and row["met"] is None
            continue
        upper = None if r["target_upper"] is None else r["target_upper"]
        target = Target(r["comparator"], r["target_value"], upper)
        assert row["met"] == verdict(target, r["actual"])
        assert row["gap"] == gap(target, r["actual"])
        assert row["status"] == (MET if row["met"] else NOT_MET)


def test_known_rows():
    board = scoreboard(TARGETS).set_index("id")
    # Rank 8 of 11 in 2022 is outside the 4th-6th band, two places short.
    assert board.loc["1-2022", "status"] == NOT_MET and board.loc["1-2022", "gap"] == Decimal(-2)
    # 92,21% of commune cán bộ with a degree against "at least 80%".
    assert board.loc["4c", "status"] == MET and board.loc["4c", "gap"] == Decimal("12.21")
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
