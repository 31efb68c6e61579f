"""Score the audit's coverage against careful readers' lists over texts of several genres.

Where :mod:`parstats.audit.evaluation` scores the audit's flags against hand labels,
:func:`evaluate_genres` scores coverage: on the texts of ``tests/genre_eval`` (86 texts of
``../shared/corpus-genres``, several genres), careful readers listed every claim the text lets
one check (``claims-*.csv``, made without the audit's output).
It reports per kind and genre group, for the ``dev`` and ``test`` splits apart, the claims the
audit checks, the listed errors it finds and the precision of its flags there, each with a
Wilson interval (:func:`proportion`), the misses with the audit's reason, and per tie rule (the
rule named by ``basis``, :func:`rule_name`) its checks, flags and precision.

``python -m parstats.audit.evaluation`` (``make eval``) prints :func:`genre_report` after the
flags' table.
"""
from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from parstats.audit.batch import audit_many
from parstats.audit.checks import basis
from parstats.paths import PROJ_ROOT, display_path

__all__ = ["GENRE_DIR", "GENRE_TEXTS", "GENRE_INDEX", "TEXT_COLUMNS", "CLAIM_COLUMNS", "LISTED_KINDS",
           "COMPATIBLE", "RULE_BAR", "LabelledText", "ListedClaim", "AuditedClaim", "ClaimMatch", "Flag",
           "GenreEvaluation", "load_genre_texts", "load_listed_claims", "normalise_value",
           "breakdown_slack", "verdict_agrees", "label_problems", "rule_name", "evaluate_genres",
           "wilson", "proportion", "genre_report"]

GENRE_DIR = PROJ_ROOT / "tests" / "genre_eval"
GENRE_TEXTS = GENRE_DIR / "texts"
GENRE_INDEX = GENRE_DIR / "texts.csv"
TEXT_COLUMNS = ["doc", "repo", "commit", "path", "record", "genre", "group", "split", "labeller", "sha256"]
CLAIM_COLUMNS = ["doc", "line", "kind", "quote", "reported", "inputs", "recomputed", "verdict", "note"]
#: the kinds a reader lists (evaluation.md); ``rank`` is the audit's own
LISTED_KINDS = ("ratio", "change", "sum", "date", "document")
VERDICTS = ("ok", "error")
SPLITS = ("dev", "test")
#: the audit's kinds that may stand for a listed kind (a percent change is a share of the old
#: value; a change by an amount is checked as the sum old + amount = new, reported as the value
#: it leads to, as a reader may list it: "tăng thêm 1,1 USD, lên 1.343,3 USD"; an impossible day
#: in a document reference may be reported with the document)
COMPATIBLE = {"ratio": ("ratio", "change"), "change": ("change", "ratio", "sum"), "sum": ("sum", "change"),
              "date": ("date", "document"), "document": ("document", "date")}
#: precision of a tie rule below which it is switched off until fixed (evaluation.md)
RULE_BAR = 0.9

_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
                 "tám": 8, "chín": 9, "mười": 10}
_NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")
#: a day, a month and a year joined by points ("18.8.2010")
_DOTTED_DATE_RE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.,])")
_SPACE_THOUSANDS_RE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


@dataclass(frozen=True)
class LabelledText:
    """One text of ``tests/genre_eval/texts.csv``: where it comes from and who labelled it."""

    doc: str
    repo: str
    commit: str
    path: str
    record: str
    genre: str
    group: str
    split: str
    labeller: str
    sha256: str


@dataclass(frozen=True)
class ListedClaim:
    """One row of a ``claims-<labeller>.csv``: a claim a careful reader listed and judged."""

    source: str      # file name, for messages
    row: int         # 1-based line of the CSV file
    labeller: str
    doc: str
    line: int
    kind: str
    quote: str
    reported: str
    inputs: str
    recomputed: str
    verdict: str
    note: str

    @property
    def where(self) -> str:
        return f"{self.source} line {self.row}"


def _bad(path: Path, row: int, column: str, value, why: str) -> ValueError:
    return ValueError(f"{display_path(path)} line {row}, column '{column}': {value!r} {why}")


def load_genre_texts(path: str | Path = GENRE_INDEX) -> dict[str, LabelledText]:
    """Read ``texts.csv``; raise ``ValueError`` naming the file, line, column and value."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != TEXT_COLUMNS:
            raise ValueError(f"{display_path(path)}: expected the columns {TEXT_COLUMNS}, got {reader.fieldnames}")
        out: dict[str, LabelledText] = {}
        for n, r in enumerate(reader, start=2):
            if r["split"] not in SPLITS:
                raise _bad(path, n, "split", r["split"], f"is not one of {SPLITS}")
            if not re.fullmatch(r"[0-9a-f]{64}", r["sha256"]):
                raise _bad(path, n, "sha256", r["sha256"], "is not a sha256 digest")
            if r["doc"] in out:
                raise _bad(path, n, "doc", r["doc"], "is listed twice")
            out[r["doc"]] = LabelledText(**r)
    return out


def load_listed_claims(folder: str | Path = GENRE_DIR) -> list[ListedClaim]:
    """Read every ``claims-*.csv`` of ``folder`` (one per labeller).

    Raises ``ValueError`` naming the file, line, column and value of a malformed row (wrong
    columns, unknown kind or verdict, a line that is not a positive number, an empty field).
    """
    out: list[ListedClaim] = []
    for path in sorted(Path(folder).glob("claims-*.csv")):
        labeller = path.stem.split("-", 1)[1].upper()
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != CLAIM_COLUMNS:
                raise ValueError(f"{display_path(path)}: expected the columns {CLAIM_COLUMNS}, got {reader.fieldnames}")
            for n, r in enumerate(reader, start=2):
                if r["kind"] not in LISTED_KINDS:
                    raise _bad(path, n, "kind", r["kind"], f"is not one of {LISTED_KINDS}")
                if r["verdict"] not in VERDICTS:
                    raise _bad(path, n, "verdict", r["verdict"], f"is not one of {VERDICTS}")
                if not r["line"].isdigit() or int(r["line"]) < 1:
                    raise _bad(path, n, "line", r["line"], "is not a line number")
                for col in ("doc", "quote", "reported", "recomputed"):
                    if not r[col].strip():
                        raise _bad(path, n, col, r[col], "is empty")
                out.append(ListedClaim(path.name, n, labeller, r["doc"], int(r["line"]), r["kind"],
                                       r["quote"], r["reported"], r["inputs"], r["recomputed"],
                                       r["verdict"], r["note"]))
    return out


def _number(token: str) -> Decimal:
    """A number as Vietnamese texts write it: ``63.630`` (thousands), ``7,8`` and ``12.5`` (decimals)."""
    if "." in token and "," in token:
        return Decimal(token.replace(".", "").replace(",", "."))
    if "," in token:
        return Decimal(token.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        return Decimal(token.replace(".", ""))
    return Decimal(token)


def normalise_value(text: str | None) -> tuple:
    """The numbers of a reported or recomputed value, for matching: ``"7,8%"`` -> ``(7.8,)``,
    ``"63.630"`` -> ``(63630,)``, ``"1 000"`` -> ``(1000,)``, ``"tám"`` -> ``(8,)``,
    ``"ngày 29 tháng 2 năm 2019"`` and ``"29/2/2019"`` -> ``(29, 2, 2019)``; a value without
    digits (``"giảm"``) is its lower-case words.

    Examples
    --------
    >>> normalise_value("100,0%") == normalise_value("100%")
    True
    >>> normalise_value("tám"), normalise_value("Giảm")
    ((Decimal('8'),), ('giảm',))
    >>> normalise_value("18.8.2010") == normalise_value("18/8/2010")
    True
    """
    if text is None:
        return ()
    s = unicodedata.normalize("NFC", text).strip().lower()
    s = _SPACE_THOUSANDS_RE.sub("", s)
    s = _DOTTED_DATE_RE.sub(r"\1/\2/\3", s)  # "18.8.2010": a date, not one number
    nums = _NUM_RE.findall(s)
    if nums:
        return tuple(_number(t).normalize() for t in nums)
    words = tuple(w for w in re.findall(r"\w+", s))
    bare = tuple(w for w in words if w != "thứ")  # an ordinal: "thứ hai" is 2
    if len(bare) == 1 and (bare[0] in _NUMBER_WORDS or (bare != words and bare[0] == "nhất")):
        return (Decimal(_NUMBER_WORDS.get(bare[0], 1)),)
    return words


def breakdown_slack(inputs: str) -> Decimal | None:
    """For the shares of a complete breakdown (``"84,5%+11,9%+3,6%"``): how far their sum may
    stray from 100 by the rounding of the parts (half a unit of each part's last digit); None
    when ``inputs`` is not a list of percentages."""
    parts = [p.strip() for p in inputs.split("+")]
    if len(parts) < 2 or not all(re.fullmatch(r"\d+(?:[.,]\d+)?\s*%", p) for p in parts):
        return None
    slack = Decimal(0)
    for p in parts:
        digits = re.search(r"[.,](\d+)", p)
        slack += Decimal("0.5").scaleb(-(len(digits.group(1)) if digits else 0))
    return slack


def verdict_agrees(c: ListedClaim) -> bool:
    """Whether a row's verdict says what its reported and recomputed values say: ``ok`` when
    they are equal (the shares of a breakdown: their sum within the parts' rounding of 100),
    ``error`` when not. An ``ok`` whose values differ is accepted only when its note says
    ``rounded-inputs`` (figures rounded in the text that can make the reported value right,
    evaluation.md)."""
    rep, rec = normalise_value(c.reported), normalise_value(c.recomputed)
    if c.verdict == "ok" and "rounded-inputs" in c.note and rep != rec:
        return True
    slack = breakdown_slack(c.inputs) if c.kind == "sum" else None
    if slack is not None and rep == (Decimal(100),) and len(rec) == 1 and isinstance(rec[0], Decimal):
        fits = abs(rec[0] - 100) <= slack
    else:
        fits = rep == rec
    return fits == (c.verdict == "ok")


def label_problems(folder: str | Path = GENRE_DIR) -> list[str]:
    """Every way the label files of ``folder`` are not well-formed, one message each: a text
    missing or not matching its checksum, a claim of a document not in ``texts.csv``, a quote
    not on its line or of the wrong length, a verdict that disagrees with its values."""
    folder = Path(folder)
    texts = load_genre_texts(folder / "texts.csv")
    problems = []
    lines: dict[str, list[str]] = {}
    for doc, t in texts.items():
        p = folder / "texts" / f"{doc}.txt"
        if not p.exists():
            problems.append(f"{display_path(p)}: missing")
            continue
        data = p.read_bytes()
        if hashlib.sha256(data).hexdigest() != t.sha256:
            problems.append(f"{display_path(p)}: sha256 differs from texts.csv")
        lines[doc] = data.decode("utf-8").split("\n")
    extra = {p.stem for p in (folder / "texts").glob("*.txt")} - set(texts)
    problems += [f"{display_path(folder / 'texts' / (d + '.txt'))}: not in texts.csv" for d in sorted(extra)]
    for c in load_listed_claims(folder):
        if c.doc not in texts:
            problems.append(f"{c.where}: document {c.doc} is not in texts.csv")
            continue
        if texts[c.doc].labeller.upper() != c.labeller:
            problems.append(f"{c.where}: {c.doc} is labeller {texts[c.doc].labeller}'s text")
        text_lines = lines.get(c.doc, [])
        if c.line > len(text_lines) or c.quote not in text_lines[c.line - 1]:
            problems.append(f"{c.where}: quote {c.quote!r} is not on line {c.line} of {c.doc}")
        if not 15 <= len(c.quote) <= 80:
            problems.append(f"{c.where}: quote of {len(c.quote)} characters (15-80)")
        if not verdict_agrees(c):
            problems.append(f"{c.where}: verdict {c.verdict} but reported {c.reported!r}, recomputed {c.recomputed!r}")
    return problems


def rule_name(basis_text: str | None) -> str:
    """The tie rule of a claim's ``basis``: the text before the first ';' without a leading
    ``rule=`` (``"rule=share-cue; evidence=…"`` -> ``"share-cue"``), or the whole basis;
    ``"(none)"`` when there is none.

    Examples
    --------
    >>> rule_name("rule=same-noun; evidence=22.500 thí sinh / 865.866 thí sinh"), rule_name("as written")
    ('same-noun', 'as written')
    >>> rule_name("the number '53' before 'trong đó'")
    "the number '…' before 'trong đó'"
    """
    if not basis_text or not basis_text.strip():
        return "(none)"
    head = basis_text.split(";", 1)[0].strip()
    if head.lower().startswith("rule="):
        return head[5:].strip() or "(none)"
    # a basis in words names its evidence ("the number '53' before 'trong đó'"): the same
    # rule whatever the numbers
    head = re.sub(r"'[^']*\d[^']*'", "'…'", head)
    return re.sub(r"\d+(?:[.,]\d+)*", "N", head) or "(none)"


@dataclass(frozen=True)
class AuditedClaim:
    """One claim of the current audit in a labelled text, with its status and tie rule."""

    doc: str
    kind: str
    line: int
    reported: str | None
    status: str
    diagnosis: str | None
    rule: str
    quote: str
    parts: tuple = ()


@dataclass(frozen=True)
class ClaimMatch:
    """A listed claim and what the audit says at its place."""

    listed: ListedClaim
    text: LabelledText
    #: the audit's claim that checks it (same line, compatible kind, same value), if any
    audited: AuditedClaim | None
    #: the audit's nearest claim at that place when none matches (same line), for the misses
    nearest: AuditedClaim | None

    @property
    def checked(self) -> bool:
        return self.audited is not None and self.audited.status != "unverifiable"

    @property
    def found(self) -> bool:
        return self.audited is not None and self.audited.status == "inconsistent"

    @property
    def reason(self) -> str:
        """The audit's status and diagnosis at this place, for the list of misses."""
        a = self.audited or self.nearest
        if a is None:
            return "no claim on this line"
        what = "" if a is self.audited else f"nearest: {a.kind} {a.reported or '–'}, "
        return f"{what}{a.status}: {a.diagnosis or a.rule}"


@dataclass(frozen=True)
class Flag:
    """A claim the audit calls inconsistent in a labelled text, and whether it is a listed error."""

    audited: AuditedClaim
    text: LabelledText
    real: bool


def _same_parts(listed: ListedClaim, a: AuditedClaim) -> bool:
    """Whether a sum of the audit adds the very parts the reader listed (in any order)."""
    want = normalise_value(listed.inputs)
    return bool(a.parts) and len(want) >= 2 and sorted(want) == sorted(
        Decimal(str(p)).normalize() for p in a.parts)


def _rest_parts(listed: ListedClaim) -> list[Decimal] | None:
    """The parts of an implicit breakdown listed as its last part (``reported`` ``17%``, ``inputs``
    ``100%-83%``: the last part is what the others leave of 100 %), or ``None``."""
    inputs = re.sub(r"\(.*?\)", "", listed.inputs).strip()
    if not re.match(r"100 ?%? ?[-−–]", inputs):
        return None
    others = normalise_value(inputs)[1:]
    last = normalise_value(listed.reported)
    if not others or len(last) != 1 or not isinstance(last[0], Decimal):
        return None
    return sorted([*others, last[0]])


def _same_breakdown(listed: ListedClaim, a: AuditedClaim) -> bool:
    """Whether the audit's implicit breakdown ``a`` (parts on an integer scale) adds the parts of
    ``listed`` written as ``100% - …``."""
    want = _rest_parts(listed)
    parts = [p for p in a.parts or () if p]  # (a cell "-" is a part of nothing)
    if want is None or len(parts) != len(want):
        return False
    got = sorted(Decimal(p) for p in parts)
    return any([g.scaleb(-k).normalize() for g in got] == [w.normalize() for w in want] for k in range(4))


_SCORE_RE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")


def _same_score(listed: ListedClaim, a: AuditedClaim) -> bool:
    """Whether the audit checks a score the reader lists whole ("3-2") with one of its two
    numbers, at the same place (the audit's quote holds the listed quote's words before it)."""
    m = _SCORE_RE.fullmatch(listed.reported.strip())
    i = listed.quote.find(listed.reported.strip())
    if m is None or i < 0 or a.reported not in m.groups() or not a.quote:
        return False
    return listed.quote[max(0, i - 12):i + len(m.group(0))] in a.quote


def _matches(listed: ListedClaim, a: AuditedClaim) -> bool:
    """The audit's claim ``a`` is the listed claim: compatible kind, same line (for a sum, or
    the same parts on another line: the audit puts a sum on its first part's line, a table's
    total row may stand above it), same reported value after :func:`normalise_value`."""
    # a calculation the text writes out is redone whatever a reader calls it: "Kqđ = 1,475 : 2,68
    # = 0,550" is a ratio to its reader and a worked calculation to the audit
    calculation = a.rule == "worked-calculation" and listed.kind in ("ratio", "sum", "change")
    share = listed.kind == "sum" and a.kind == "ratio" and listed.reported.strip().endswith("%")  # "20 người (58,82%)"
    if a.doc != listed.doc or (a.kind not in COMPATIBLE[listed.kind] and not calculation and not share):
        return False
    if a.reported is None and listed.kind == "sum" and _same_breakdown(listed, a):
        return True
    if a.line != listed.line and not (listed.kind == "sum" and _same_parts(listed, a)):
        return False
    if listed.kind == a.kind == "document" and a.reported and (a.reported in listed.inputs or a.reported in listed.quote):
        return True  # a reference listed by its type word ("Nghị quyết", inputs "04/NĐ") is its number
    if listed.kind == "sum" and _same_score(listed, a):
        return True
    want = normalise_value(listed.reported)
    if a.reported is None:  # an implicit total: the breakdown's 100 %
        return listed.kind == "sum" and want == (Decimal(100),)
    got = normalise_value(a.reported)  # (a date listed without its year, "24 tháng 19", is the date)
    return got[:len(want)] == want if listed.kind == a.kind == "date" and len(want) >= 2 else got == want


def _distance(listed: ListedClaim, a: AuditedClaim) -> tuple:
    """How far an audited claim on the listed claim's line is from it (for the misses): the
    same value first, then a value or words the listed quote shares, then a compatible kind."""
    want = normalise_value(listed.reported)
    same_value = a.reported is not None and normalise_value(a.reported) == want
    quoted = bool(a.reported) and a.reported in listed.quote
    overlap = bool(a.quote) and (a.quote in listed.quote or listed.quote in a.quote)
    return (not same_value, not (quoted or overlap), a.kind not in COMPATIBLE[listed.kind])


@dataclass
class GenreEvaluation:
    """The current audit of ``tests/genre_eval`` matched to the careful readers' lists."""

    texts: dict[str, LabelledText]
    matches: list[ClaimMatch]
    flags: list[Flag]
    audited: list[AuditedClaim]
    #: texts whose labeller's file is absent (not scored)
    unlabelled_texts: list[str]

    def select(self, items, split=None, group=None, kind=None):
        """The matches or flags of one split, genre group and kind (None: all)."""
        out = []
        for it in items:
            t = it.text
            k = it.listed.kind if isinstance(it, ClaimMatch) else it.audited.kind
            if (split is None or t.split == split) and (group is None or t.group == group) and (kind is None or k == kind):
                out.append(it)
        return out

    def coverage(self, **where) -> tuple[int, int]:
        m = self.select(self.matches, **where)
        return sum(x.checked for x in m), len(m)

    def errors_found(self, **where) -> tuple[int, int]:
        m = [x for x in self.select(self.matches, **where) if x.listed.verdict == "error"]
        return sum(x.found for x in m), len(m)

    def precision(self, **where) -> tuple[int, int]:
        f = self.select(self.flags, **where)
        return sum(x.real for x in f), len(f)

    def misses(self, split=None) -> list[ClaimMatch]:
        """Listed claims not checked, and listed errors not found."""
        out = [m for m in self.select(self.matches, split=split)
               if not m.checked or (m.listed.verdict == "error" and not m.found)]
        return sorted(out, key=lambda m: (m.text.group, m.listed.doc, m.listed.line, m.listed.row))

    def rules(self, split=None) -> list[tuple[str, int, int, int]]:
        """Per tie rule (the rule name of ``basis``): (rule, claims checked, flags, real flags)."""
        docs = {d for d, t in self.texts.items() if split is None or t.split == split}
        checked, flags, real = Counter(), Counter(), Counter()
        for a in self.audited:
            if a.doc in docs and a.status != "unverifiable":
                checked[a.rule] += 1
        for f in self.flags:
            if f.audited.doc in docs:
                flags[f.audited.rule] += 1
                real[f.audited.rule] += f.real
        return [(r, checked[r], flags[r], real[r]) for r in sorted(checked, key=lambda r: (-checked[r], r))]

    def groups(self) -> list[str]:
        return sorted({self.texts[m.listed.doc].group for m in self.matches}
                      | {t.group for d, t in self.texts.items() if d not in self.unlabelled_texts})


def evaluate_genres(folder: str | Path = GENRE_DIR, *, jobs: int | None = 1) -> GenreEvaluation:
    """Audit every labelled text of ``folder`` with the current code and match its claims to
    the careful readers' lists (every ``claims-*.csv``).

    A listed claim is **checked** when the audit gives a claim of a compatible kind
    (:data:`COMPATIBLE`) on the same line whose reported value equals the listed one after
    :func:`normalise_value`, with a status other than ``unverifiable``; it is **found** when that
    status is ``inconsistent``. A flag (an ``inconsistent`` claim) is real when it matches a
    listed ``error``; a flag at a place nobody listed is counted false. Texts whose labeller
    has no file here are not scored.
    """
    folder = Path(folder)
    texts = load_genre_texts(folder / "texts.csv")
    listed = load_listed_claims(folder)
    labellers = {c.labeller for c in listed} | {p.stem.split("-", 1)[1].upper() for p in folder.glob("claims-*.csv")}
    scored = {d: t for d, t in texts.items() if t.labeller.upper() in labellers}
    unlabelled = sorted(set(texts) - set(scored))
    unknown = sorted({c.doc for c in listed} - set(texts))
    if unknown:
        raise ValueError(f"{display_path(folder)}: claims of documents not in texts.csv: {', '.join(unknown[:5])}")
    paths = [folder / "texts" / f"{d}.txt" for d in sorted(scored)]
    audited: list[AuditedClaim] = []
    for res in audit_many(paths, jobs=jobs):
        if res.report is None:
            raise ValueError(f"{res.path}: {res.error}")
        doc = res.path.stem
        for f in res.report.findings:
            c = f.claim
            audited.append(AuditedClaim(doc, c.kind, c.line, c.reported, f.status, f.diagnosis,
                                        rule_name(basis(c)), c.quote, tuple(c.parts or ())))
    by_line: dict[tuple[str, int], list[AuditedClaim]] = {}
    sums: dict[str, list[AuditedClaim]] = {}
    for a in audited:
        by_line.setdefault((a.doc, a.line), []).append(a)
        if a.kind == "sum":
            sums.setdefault(a.doc, []).append(a)
    order = {"inconsistent": 0, "consistent": 1, "unverifiable": 2}
    matches = []
    for c in listed:
        if c.doc not in scored:
            continue
        here = by_line.get((c.doc, c.line), [])
        candidates = here + [a for a in sums.get(c.doc, []) if a.line != c.line] if c.kind == "sum" else here
        hits = sorted((a for a in candidates if _matches(c, a)), key=lambda a: order.get(a.status, 3))
        near = min(here, key=lambda a: _distance(c, a)) if here and not hits else None
        matches.append(ClaimMatch(c, texts[c.doc], hits[0] if hits else None, near))
    errors = [c for c in listed if c.verdict == "error"]
    flags = [Flag(a, texts[a.doc], any(_matches(c, a) for c in errors))
             for a in audited if a.status == "inconsistent"]
    return GenreEvaluation(scored, matches, flags, audited, unlabelled)


def proportion(k: int, n: int) -> str:
    """``"25 of 46 (0.54, 0.40–0.68)"``: a count with its share and 95% Wilson interval.

    Examples
    --------
    >>> proportion(25, 46), proportion(0, 0)
    ('25 of 46 (0.54, 0.40–0.68)', '0 of 0 (–)')
    """
    if n == 0:
        return "0 of 0 (–)"
    lo, hi = wilson(k, n)
    return f"{k} of {n} ({k / n:.2f}, {lo:.2f}–{hi:.2f})"


def genre_report(ev: GenreEvaluation, *, show_test_misses: bool = False) -> str:
    """The text ``make eval`` prints for ``tests/genre_eval``."""
    out = []
    n_listed = Counter(m.listed.labeller for m in ev.matches)
    out.append(f"careful readers' lists: {len(ev.matches)} claims over {len(ev.texts)} texts of "
               f"{display_path(GENRE_DIR)} (" + ", ".join(f"labeller {k}: {v}" for k, v in sorted(n_listed.items())) + ")")
    if ev.unlabelled_texts:
        out.append(f"not scored: {len(ev.unlabelled_texts)} texts whose labeller's claims file is absent")
    head = f"{'split':<5} {'group':<21} {'kind':<8} {'coverage (checked / listed)':<30} {'errors found / listed':<30} precision of flags"
    for split in (*SPLITS, None):
        out.append("")
        out.append(head)
        for group in (*ev.groups(), None):
            for kind in (*LISTED_KINDS, "rank", None):
                cov, err, prec = ev.coverage(split=split, group=group, kind=kind), \
                    ev.errors_found(split=split, group=group, kind=kind), ev.precision(split=split, group=group, kind=kind)
                if kind is not None and cov[1] == 0 and prec[1] == 0:
                    continue
                if group is not None and kind is None and cov[1] == 0 and prec[1] == 0 and not any(
                        t.group == group and (split is None or t.split == split) for t in ev.texts.values()):
                    continue
                out.append(f"{split or 'all':<5} {group or 'all':<21} {kind or 'all':<8} {proportion(*cov):<30} "
                           f"{proportion(*err):<30} {proportion(*prec)}")
    out.append("")
    out.append("per tie rule (rule name of basis), all labelled texts: claims checked, flags, precision")
    for rule, checked, flags, real in ev.rules():
        off = "  OFF (below 0.9)" if flags and real / flags < RULE_BAR else ""
        out.append(f"  {rule[:60]:<60} {checked:>5} {flags:>4}  {proportion(real, flags)}{off}")
    out.append("")
    dev = ev.misses("dev")
    out.append(f"misses on split=dev ({len(dev)}): listed claims not checked, errors not found, with the audit's reason")
    for m in dev:
        c = m.listed
        out.append(f"  {m.text.group:<20} {c.doc}:{c.line} {c.kind:<8} {c.reported:<8} {c.verdict:<5} "
                   f"{c.quote[:50]!r} -> {m.reason}")
    test = ev.misses("test")
    if show_test_misses:
        out.append(f"misses on split=test ({len(test)}):")
        for m in test:
            c = m.listed
            out.append(f"  {m.text.group:<20} {c.doc}:{c.line} {c.kind:<8} {c.reported:<8} {c.verdict:<5} -> {m.reason}")
    else:
        why = Counter("not checked" if not m.checked else "error not found" for m in test)
        out.append(f"misses on split=test: {len(test)} (" + ", ".join(f"{v} {k}" for k, v in sorted(why.items()))
                   + "); their places are not shown: test texts are untouched by tuning (--show-test-misses)")
    return "\n".join(out)


def wilson(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion (how sure a precision of 19/19 is).

    Examples
    --------
    >>> [round(v, 3) for v in wilson(19, 19)]
    [0.832, 1.0]
    """
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    lo = 0.0 if successes == 0 else max(0.0, centre - half)
    hi = 1.0 if successes == n else min(1.0, centre + half)
    return lo, hi
