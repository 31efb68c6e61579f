"""The audit scored against hand labels on real texts (tests/audit_eval, see its README)."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from parstats.audit.evaluation import LABEL_COLUMNS, LABELS, TEXTS, evaluate, load_labels
from parstats.audit.genre_evaluation import wilson
from parstats.paths import SHARED_CORPUS

#: the bar of the issue "An audit that can be trusted on real texts"
MIN_PRECISION = 0.9


@pytest.fixture(scope="module")
def ev():
    return evaluate(jobs=None)


def test_every_flag_has_a_label(ev):
    assert ev.flags, "the labelled texts hold real errors: the audit must flag some"
    assert ev.unlabelled == [], "flags no label covers: read them and label them (make eval)"


@pytest.mark.parametrize("kind", [None, "ratio", "document"])
def test_precision_on_real_texts(ev, kind):
    p = ev.precision(kind)
    assert p is not None and p >= MIN_PRECISION, (kind, p, [f["key"] for f in ev.flags if f["truth"] != "error"])


def test_precision_holds_on_held_out_texts(ev):
    assert ev.precision(which="heldout") >= MIN_PRECISION


def test_every_error_a_flag_once_found_is_still_found(ev):
    flagged = [r for r in ev.errors() if r["sample"] in ("flag-before", "flag")]
    assert flagged
    missing = [r["key"] for r in flagged if r["key"] not in set(ev.found)]
    assert missing == []


def test_the_old_audit_was_mostly_false_alarms():
    """The labels keep the flags of the audit before this work: most were misreadings."""
    before = [r for r in load_labels() if r["sample"] == "flag-before"]
    real = sum(r["truth"] == "error" for r in before)
    assert before and real / len(before) < MIN_PRECISION
    assert {r["class"] for r in before if r["truth"] == "fine"} >= {
        "bare-fraction", "document-convention", "wrong-whole", "list-not-breakdown"}


def test_samples_of_consistent_and_unverifiable_claims():
    rows = load_labels()
    assert sum(r["sample"] == "consistent" for r in rows) >= 200
    assert sum(r["sample"] == "unverifiable" for r in rows) >= 100
    for r in rows:
        assert r["audit_status"] == {"consistent": "consistent", "unverifiable": "unverifiable"}.get(
            r["sample"], r["audit_status"])


def test_every_label_points_at_its_claim_in_a_kept_text():
    for r in load_labels():
        lines = (TEXTS / f"{r['doc']}.md").read_text(encoding="utf-8").split("\n")
        at = int(r["line"])
        # a claim may wrap; a table's total row has its parts in the rows above it, a head's total
        # its parts in the bullets below it
        above = 14 if "|" in lines[at - 1] and r["kind"] == "sum" else 2
        below = 12 if r["kind"] == "sum" else 1
        line = " ".join(lines[max(0, at - above):at + below])
        first = r["parts"].split("+")[0] or r["numerator"] or r["reported"]
        # a change from one value to another: its amount is computed, its old value written
        firsts = [first] + ([r["denominator"]] if r["kind"] == "change" and r["denominator"] else [])
        written = "".join(ch for ch in line if ch.isdigit())
        assert any("".join(ch for ch in f if ch.isdigit())[:3] in written for f in firsts), (
            r["doc"], r["line"], first)


def test_kept_corpus_texts_are_byte_for_byte_the_corpus():
    sums = SHARED_CORPUS / "SHA256SUMS"
    if not sums.exists():
        pytest.skip("../shared/corpus is not beside the project")
    want = dict(reversed(line.split()) for line in sums.read_text().splitlines() if line.strip())
    corpus_docs = {r["doc"] for r in load_labels() if r["set"] == "corpus"}
    for doc in corpus_docs:
        got = hashlib.sha256((TEXTS / f"{doc}.md").read_bytes()).hexdigest()
        assert want[f"{doc}.md"] == got, doc
    held = {r["doc"] for r in load_labels() if r["set"] == "heldout"}
    assert not {f"{d}.md" for d in held} & set(want), "a held-out text is in the corpus"


def test_bad_label_is_named_with_its_line(tmp_path):
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    rows[3]["truth"] = "maybe"
    bad = tmp_path / "labels.csv"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=LABEL_COLUMNS)
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ValueError, match=r"line 5, column 'truth': 'maybe'"):
        load_labels(bad)


def test_wilson_interval_brackets_the_proportion():
    for k, n in ((0, 5), (3, 7), (19, 19)):
        lo, hi = wilson(k, n)
        assert 0 <= lo <= k / n <= hi <= 1
