"""The audit of a whole text: :class:`AuditReport` and its JSON, CSV and table forms."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from parstats.audit.checks import STATUSES, Finding, basis
from parstats.audit.extraction import extract_claims
from parstats.audit.model import KINDS, gc_paused
from parstats.audit.passes import audit_claims
from parstats.audit.inputs import PLAIN_FORMATS, SourceDocument, read_document
from parstats.files import write_atomic
from parstats.paths import RAW_REPORT, display_path


#: columns of :meth:`AuditReport.to_csv`: the keys of :meth:`Finding.to_dict`
CSV_COLUMNS = ("id", "kind", "line", "quote", "numerator", "denominator", "parts", "reported",
               "recomputed", "status", "severity", "diagnosis", "basis")
#: columns added after :data:`CSV_COLUMNS` for a document that is not Markdown or plain text:
#: where each claim stands in the original (:class:`parstats.audit.inputs.Location`)
LOCATION_COLUMNS = ("page", "paragraph", "table", "row", "footnote", "section")


@dataclass(frozen=True)
class AuditReport:
    """The audit of one text: where it came from, its checksum, and one finding per claim."""

    source: str
    sha256: str
    findings: tuple[Finding, ...]
    #: the document read (its format and where each line stands); None for :func:`audit_text`
    document: SourceDocument | None = field(default=None, compare=False, repr=False)

    @property
    def located(self) -> bool:
        """Whether the output carries locations: a document that is not Markdown or plain text
        (whose line numbers are the file's own)."""
        return self.document is not None and self.document.format not in PLAIN_FORMATS

    def location(self, f: Finding):
        """Where finding ``f``'s claim stands in the original document."""
        from parstats.audit.inputs import Location

        return self.document.location(f.claim.line) if self.document is not None else Location(f.claim.line)

    @property
    def flagged(self) -> list[Finding]:
        """Inconsistent findings, major first, then by line."""
        bad = [f for f in self.findings if f.status == "inconsistent"]
        return sorted(bad, key=lambda f: (f.severity != "major", f.claim.line))

    def counts(self) -> dict:
        """Claims by kind, by status and by kind and status."""
        by_kind = {k: 0 for k in KINDS}
        by_status = {s: 0 for s in STATUSES}
        by_ks = {k: {s: 0 for s in STATUSES} for k in KINDS}
        for f in self.findings:
            by_kind[f.claim.kind] += 1
            by_status[f.status] += 1
            by_ks[f.claim.kind][f.status] += 1
        return {"claims": len(self.findings), "by_kind": by_kind, "by_status": by_status,
                "by_kind_status": by_ks}

    def to_json(self) -> dict:
        """The JSON document of ``parstats audit --format json``."""
        if not self.located:
            return {"source": self.source, "sha256": self.sha256,
                    "claims": [f.to_dict() for f in self.findings]}
        claims = []
        for f in self.findings:
            d = f.to_dict()
            d["location"] = self.location(f).to_dict()
            claims.append(d)
        out = {"source": self.source, "sha256": self.sha256, "format": self.document.format}
        if self.document.notes:
            out["notes"] = list(self.document.notes)
        out["claims"] = claims
        return out

    def to_json_text(self) -> str:
        """:meth:`to_json` as UTF-8 JSON text, indented, ending with a newline."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def csv_rows(self) -> list[dict]:
        """One row per claim for a CSV: the JSON keys (:data:`CSV_COLUMNS`), parts joined with
        ``+``, no value written as an empty string."""
        rows = []
        located = self.located
        for f in self.findings:
            row = f.to_dict()
            row["parts"] = "+".join(str(p) for p in row["parts"]) if row["parts"] else ""
            if located:
                loc = self.location(f)
                row.update({k: getattr(loc, k) for k in LOCATION_COLUMNS})
            rows.append({k: ("" if v is None else v) for k, v in row.items()})
        return rows

    def to_csv(self) -> str:
        """One row per claim, the JSON keys as columns (parts joined with ``+``), then the
        :data:`LOCATION_COLUMNS` for a document that is not Markdown or plain text."""
        buf = io.StringIO()
        cols = CSV_COLUMNS + LOCATION_COLUMNS if self.located else CSV_COLUMNS
        w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(self.csv_rows())
        return buf.getvalue()

    def to_table(self, width: int = 100) -> str:
        """A plain-text table: flagged claims first with their diagnoses, then the others."""
        cnt = self.counts()
        lines = [f"{self.source}  sha256 {self.sha256[:12]}…",
                 f"{cnt['claims']} claim{'' if cnt['claims'] == 1 else 's'}: " + ", ".join(f"{n} {k}" for k, n in cnt["by_kind"].items() if n)
                 + "; " + ", ".join(f"{n} {s}" for s, n in cnt["by_status"].items()), ""]
        head = f"{'id':<14} {'line':>5}  {'status':<13} {'sev':<5} {'reported':>16} {'recomputed':>16}  quote"

        def row(f: Finding) -> str:
            q = f.claim.quote
            room = max(20, width - 78)
            q = q if len(q) <= room else q[:room - 1] + "…"
            return (f"{f.claim.id:<14} {f.claim.line:>5}  {f.status:<13} {f.severity or '':<5} "
                    f"{f.claim.reported or '':>16} {f.recomputed or '':>16}  {q}")

        flagged = self.flagged
        lines.append(f"FLAGGED ({len(flagged)})" if flagged else "FLAGGED: none")
        if flagged:
            lines.append(head)
            for f in flagged:
                lines.append(row(f))
                lines.append(f"{'':>22}→ {f.diagnosis}")
                if self.located:
                    lines.append(f"{'':>22}  where: {self.location(f).describe()}")
                if basis(f.claim):
                    lines.append(f"{'':>22}  tied by: {basis(f.claim)}")
        lines += ["", "OTHER CLAIMS", head]
        lines += [row(f) for f in self.findings if f.status != "inconsistent"]
        return "\n".join(lines) + "\n"


def audit_text(text: str | bytes, *, source: str = "<text>", targets=None) -> AuditReport:
    """Extract and audit the claims of a text.

    Examples
    --------
    >>> r = audit_text("Có 27 người, tỷ lệ 13,70% trên tổng số 197 người.")
    >>> [(f.status, f.severity, f.recomputed) for f in r.findings]
    [('inconsistent', 'minor', '13,71%')]
    """
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    with gc_paused():
        claims = extract_claims(text, source=source)
        return AuditReport(source, hashlib.sha256(data).hexdigest(),
                           tuple(audit_claims(claims, targets=targets)))


def audit_path(path: str | Path = RAW_REPORT, *, targets=None, source: str | None = None) -> AuditReport:
    """Read a report file in any supported format (:func:`parstats.audit.inputs.read_document`:
    .md, .txt, .docx, .pdf, .html) and audit it.

    The checksum is of the file's bytes; the report keeps the document read
    (:attr:`AuditReport.document`), so each claim's line can be turned into its place in the
    original (:meth:`AuditReport.location`).

    Raises
    ------
    parstats.audit.reading.ReportReadError
        One line naming the file: missing, unreadable, not UTF-8, an unsupported format, or a
        subclass for a damaged, encrypted, scanned, legacy-encoded or too large document.
    """
    doc = read_document(path)
    with gc_paused():
        claims = extract_claims(doc.text, source=str(path))
        return AuditReport(source or str(path), hashlib.sha256(doc.data).hexdigest(),
                           tuple(audit_claims(claims, targets=targets)), doc)


def summary(path: str | Path = RAW_REPORT) -> dict:
    """Counts of the audit by kind and status, and the flagged claims, for the site index.

    Returns
    -------
    dict
        ``source`` (relative to the project), ``sha256``, ``claims``, ``by_kind``,
        ``by_status``, ``by_kind_status``, ``inconsistent`` (list of ``id``, ``kind``,
        ``line``, ``quote``, ``reported``, ``recomputed``, ``severity``, ``diagnosis``) and
        ``by_severity``.

    Examples
    --------
    >>> s = summary()
    >>> s["source"], s["by_kind"]["change"], s["by_status"]["inconsistent"] > 0
    ('data/raw/bao-cao-so-ket-ctr-09-tu.md', 2, True)
    """
    rep = audit_path(path, source=display_path(path))
    out = {"source": rep.source, "sha256": rep.sha256}
    out.update(rep.counts())
    out["by_severity"] = {"minor": 0, "major": 0}
    out["inconsistent"] = []
    for f in rep.flagged:
        out["by_severity"][f.severity] += 1
        d = f.to_dict()
        out["inconsistent"].append({k: d[k] for k in ("id", "kind", "line", "quote", "reported",
                                                       "recomputed", "severity", "diagnosis")})
    return out


def write_json(report: AuditReport, path: str | Path) -> None:
    """Write the JSON audit atomically (:func:`parstats.files.write_atomic`)."""
    write_atomic(path, report.to_json_text().encode("utf-8"))
