"""Score the audit against hand labels on real texts: precision and recall per kind.

statcheck's authors measured their checker against psychology papers coded by hand; this is
the same for ``parstats audit``. ``tests/audit_eval/labels.csv`` holds one row per claim that a
person read in its text and judged by redoing the arithmetic or the calendar check:

* every flag the audit raised on ``../shared/corpus/texts`` before and after the work on
  real texts (``sample`` ``flag-before`` / ``flag``), and every flag on held-out texts of the
  same crawl (``set`` ``heldout``);
* a random sample of claims the audit called ``consistent`` and one of claims it called
  ``unverifiable`` (``sample`` ``consistent`` / ``unverifiable``), to measure what it misses.

``truth`` is ``error`` when the text's figure really does not add up, else ``fine``;
``class`` names the kind of misreading (or ``real``, ``ok``, ``checkable`` …) and ``reason``
says in one line what the labeller checked. The texts the labels refer to are kept, unmodified,
in ``tests/audit_eval/texts/`` so that :func:`evaluate` runs without ``../shared``.

:func:`evaluate` audits every kept text again with the current code and matches its claims to
the labels by (document, kind, line, numbers, reported value):

* **precision** per kind: of the claims flagged ``inconsistent`` now, the share labelled
  ``error``; a flag with no label is an error of the evaluation, not a guess;
* **recall**: of the labelled errors, the share flagged now;
* **flags per 100 KB** of text.

``python -m parstats.audit.evaluation`` (``make eval``) prints the table.

The second part, over the careful readers' lists of ``tests/genre_eval``, is in
:mod:`parstats.audit.genre_evaluation`; :func:`main` prints its report after this one.

Examples
--------
>>> ev = evaluate()
>>> ev.unlabelled
[]
>>> ev.precision() >= 0.9, ev.recall()
(True, 1.0)
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from parstats.audit.batch import audit_many, collect_paths
from parstats.audit.genre_evaluation import evaluate_genres, genre_report, wilson
from parstats.audit.model import KINDS
from parstats.paths import PROJ_ROOT, SHARED_CORPUS

__all__ = ["EVAL_DIR", "LABELS", "TEXTS", "LABEL_COLUMNS", "Evaluation", "load_labels", "evaluate",
           "flag_rate", "main"]

EVAL_DIR = PROJ_ROOT / "tests" / "audit_eval"
LABELS = EVAL_DIR / "labels.csv"
TEXTS = EVAL_DIR / "texts"
LABEL_COLUMNS = ["set", "doc", "line", "kind", "numerator", "denominator", "parts", "reported",
                 "sample", "audit_status", "truth", "class", "reason"]
TRUTHS = ("error", "fine")


def claim_key(doc: str, kind: str, line, numerator, denominator, parts, reported) -> tuple:
    """The key that matches a claim of the audit to a label (every part as text)."""
    def text(v) -> str:
        if v is None:
            return ""
        if isinstance(v, (list, tuple)):
            return "+".join(str(p) for p in v)
        return str(v)
    return (doc, kind, str(line), text(numerator), text(denominator), text(parts), text(reported))


def load_labels(path: str | Path = LABELS) -> list[dict]:
    """Read the labels; raise ``ValueError`` naming the row and column of a bad value."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != LABEL_COLUMNS:
            raise ValueError(f"{path}: expected the columns {LABEL_COLUMNS}, got {reader.fieldnames}")
        rows = list(reader)
    for n, r in enumerate(rows, start=2):
        for col, allowed in (("truth", TRUTHS), ("kind", KINDS), ("set", ("corpus", "heldout"))):
            if r[col] not in allowed:
                raise ValueError(f"{path} line {n}, column '{col}': {r[col]!r} is not one of {allowed}")
        if not r["reason"].strip():
            raise ValueError(f"{path} line {n}, column 'reason': empty")
        r["key"] = claim_key(r["doc"], r["kind"], r["line"], r["numerator"], r["denominator"],
                             r["parts"], r["reported"])
    return rows


@dataclass
class Evaluation:
    """The current audit of the kept texts, matched to the labels."""

    labels: list[dict]
    #: one dict per claim flagged now: key, set, kind, truth (None when unlabelled), quote
    flags: list[dict]
    #: keys of the labelled errors found now
    found: list[tuple]
    text_bytes: int
    files: int
    by_set: dict = field(default_factory=dict)

    @property
    def unlabelled(self) -> list[tuple]:
        """Flags raised now that no label covers (the evaluation cannot score them)."""
        return [f["key"] for f in self.flags if f["truth"] is None]

    def _flags(self, kind: str | None = None, which: str | None = None) -> list[dict]:
        return [f for f in self.flags if (kind is None or f["kind"] == kind)
                and (which is None or f["set"] == which)]

    def precision(self, kind: str | None = None, which: str | None = None) -> float | None:
        """Share of the flags (of one kind, one set) labelled ``error``; None with no flag."""
        fl = self._flags(kind, which)
        return sum(f["truth"] == "error" for f in fl) / len(fl) if fl else None

    def errors(self, kind: str | None = None, which: str | None = None) -> list[dict]:
        """The labelled errors (of one kind, one set), each once."""
        seen, out = set(), []
        for r in self.labels:
            if (r["truth"] == "error" and (kind is None or r["kind"] == kind)
                    and (which is None or r["set"] == which) and r["key"] not in seen):
                seen.add(r["key"])
                out.append(r)
        return out

    def recall(self, kind: str | None = None, which: str | None = None) -> float | None:
        """Share of the labelled errors flagged now; None when the labels hold none."""
        errs = self.errors(kind, which)
        found = set(self.found)
        return sum(r["key"] in found for r in errs) / len(errs) if errs else None

    def per_100kb(self, which: str | None = None) -> float:
        size = self.by_set.get(which, self.text_bytes) if which else self.text_bytes
        return len(self._flags(None, which)) * 100_000 / size if size else 0.0

    def table(self) -> str:
        """Precision and recall per kind, per set and in all, as a text table."""
        def pct(v):
            return "  –  " if v is None else f"{v:5.3f}"
        lines = [f"{'kind':<10} {'set':<8} {'flags':>5} {'real':>5} {'precision':>9} "
                 f"{'errors':>6} {'found':>5} {'recall':>6}"]
        for which in ("corpus", "heldout", None):
            for kind in (*KINDS, None):
                fl = self._flags(kind, which)
                errs = self.errors(kind, which)
                if not fl and not errs and kind is not None:
                    continue
                found = set(self.found)
                lines.append(
                    f"{kind or 'all':<10} {which or 'all':<8} {len(fl):>5} "
                    f"{sum(f['truth'] == 'error' for f in fl):>5} {pct(self.precision(kind, which)):>9} "
                    f"{len(errs):>6} {sum(r['key'] in found for r in errs):>5} "
                    f"{pct(self.recall(kind, which)):>6}")
        return "\n".join(lines)


def evaluate(texts: str | Path = TEXTS, labels: str | Path = LABELS, *, jobs: int | None = 1) -> Evaluation:
    """Audit every kept text with the current code and score its flags against the labels.

    Parameters
    ----------
    texts : path
        The folder of labelled texts (``<doc>.md``).
    labels : path
        The labels CSV (:data:`LABEL_COLUMNS`).
    jobs : int or None
        Worker processes (None: all cores).

    Raises
    ------
    ValueError
        For a label whose document is not in ``texts`` or a text that cannot be read.
    """
    rows = load_labels(labels)
    texts = Path(texts)
    set_of = {r["doc"]: r["set"] for r in rows}
    truth_of: dict[tuple, str] = {}
    for r in rows:
        truth_of.setdefault(r["key"], r["truth"])
    paths = collect_paths([texts])
    docs = {p.stem for p in paths}
    missing = sorted(set(set_of) - docs)
    if missing:
        raise ValueError(f"{texts}: labelled documents missing: {', '.join(missing[:5])}")
    flags, found = [], []
    total = 0
    by_set: Counter = Counter()
    for res in audit_many(paths, jobs=jobs):
        if res.report is None:
            raise ValueError(f"{res.path}: {res.error}")
        doc = res.path.stem
        which = set_of.get(doc, "corpus")
        size = res.path.stat().st_size
        total += size
        by_set[which] += size
        for f in res.report.findings:
            c = f.claim
            if f.status != "inconsistent":
                continue
            key = claim_key(doc, c.kind, c.line, c.numerator, c.denominator, c.parts, c.reported)
            flags.append({"key": key, "set": which, "kind": c.kind, "truth": truth_of.get(key),
                          "quote": c.quote})
            if truth_of.get(key) == "error":
                found.append(key)
    return Evaluation(rows, flags, found, total, len(paths), dict(by_set))



def flag_rate(folder: str | Path, jobs: int | None = None) -> tuple[int, int, int]:
    """(files, bytes, flags) of the audit over every text of a folder (e.g. the whole corpus)."""
    paths = collect_paths([Path(folder)])
    n = size = 0
    for res in audit_many(paths, jobs=jobs):
        size += res.path.stat().st_size
        if res.report is not None:
            n += sum(f.status == "inconsistent" for f in res.report.findings)
    return len(paths), size, n


def main(argv: list[str] | None = None) -> int:
    """Print precision and recall per kind against the labels, and flags per 100 KB."""
    ap = argparse.ArgumentParser(prog="python -m parstats.audit.evaluation", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS / "texts",
                    help="also count flags per 100 KB over this folder when it exists")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    ap.add_argument("--show-test-misses", action="store_true",
                    help="also list the places of the misses on split=test of tests/genre_eval "
                         "(for the final measurement only: test texts are untouched by tuning)")
    args = ap.parse_args(argv)
    ev = evaluate(jobs=args.jobs)
    samples = Counter((r["sample"], r["truth"]) for r in ev.labels)
    print(f"labels: {len(ev.labels)} in {LABELS.relative_to(PROJ_ROOT)}; texts: {ev.files} files, "
          f"{ev.text_bytes / 1e6:.1f} MB in {TEXTS.relative_to(PROJ_ROOT)}")
    print(ev.table())
    for sample in ("consistent", "unverifiable"):
        n = samples[(sample, "error")] + samples[(sample, "fine")]
        if n:
            print(f"sample of claims called {sample}: {n} labelled, {samples[(sample, 'error')]} real errors missed")
    before = [r for r in ev.labels if r["sample"] == "flag-before"]
    if before:
        real = sum(r["truth"] == "error" for r in before)
        print(f"flags of the audit before this evaluation (sample flag-before): {len(before)}, "
              f"{real} real: precision {real / len(before):.3f}")
    lo, hi = wilson(sum(f["truth"] == "error" for f in ev.flags), len(ev.flags))
    print(f"precision of all flags now, 95% Wilson interval: {lo:.3f}–{hi:.3f}")
    print(f"flags per 100 KB of the kept texts: {ev.per_100kb():.2f}")
    if args.corpus.is_dir():
        files, size, n = flag_rate(args.corpus, jobs=args.jobs)
        print(f"flags per 100 KB of {args.corpus} ({files} files, {size / 1e6:.1f} MB): "
              f"{n * 100_000 / size:.2f} ({n} flags)")
    print()
    print(genre_report(evaluate_genres(jobs=args.jobs), show_test_misses=args.show_test_misses))
    if ev.unlabelled:
        print(f"UNLABELLED flags ({len(ev.unlabelled)}): label them in {LABELS}:", file=sys.stderr)
        for k in ev.unlabelled:
            print("  " + " | ".join(k), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
