"""Consistency audit: recompute every quoted figure of a report, flag and explain what does not add up.

statcheck recomputes the p-values that psychology papers report; the GRIM test asks whether a
reported mean is even possible for the sample size given. This module does both for the
percentages, changes and sums of a Vietnamese report: each claim found by
:func:`parstats.audit.extraction.extract_claims` gets a status (``consistent``, ``inconsistent`` or
``unverifiable``), and an inconsistent one gets its most likely cause and a severity.

A percentage is **consistent** when the exact value, rounded half-up at the precision the report
used, gives the reported string (``"01%"`` has 0 decimals, ``"79,90%"`` has 2).

Diagnoses, tried in this order (the first that explains the reported value wins):

* ``rounded down`` instead of half-up (severity ``minor``);
* ``rounded twice`` (first to more decimals, then again; ``minor``);
* ``wrong base``: a change computed on the new value instead of the old one;
* ``transposed digits`` in the count, the total or the reported value;
* ``count or total off by a little``, naming the nearest counts and totals that would fit; a
  passage whose shares all fit one other total is diagnosed together;
* ``rounded up`` instead of half-up;
* otherwise no simple explanation.

Everything inconsistent that is not a rounding slip is severity ``major``. When a target is
known (stated before the claim, like ``Phấn đấu 15% …`` or ``giảm tối thiểu 10%``, or passed in
by the caller) and the error changes the verdict against it, the inconsistency is **gross**
(statcheck's term) and always ``major``.

Count inference (GRIM for percentages): :func:`counts_for_percent`, :func:`totals_for_percent`
and :func:`split_counts`; :func:`shared_total_fits` lists the totals behind a passage diagnosed
together. Notebook 05 draws the figure of the audit.

A claim is checked only when the text ties its numbers beyond doubt; anything less is
``unverifiable`` with its reason, and every finding says how its numbers were tied
(:func:`basis`: ``rule=<name>; evidence=<words>``, a stable prefix naming the tie rule, split by
:func:`parstats.audit.model.split_basis`). :mod:`parstats.audit.evaluation` scores the audit against hand labels on real
texts, :mod:`parstats.audit.genre_evaluation` its coverage of careful readers' lists.

The package, one job per module, each depending only on those above it:

========================  ===================================================================
``model``                 the claim (:class:`Claim`, :data:`KINDS`)
``reading``               files (:func:`read_text`) and their errors; the reader is :mod:`parstats.markdown`
``inputs``, ``readers``   every format (.md, .txt, .docx, .pdf, .html) read into one text, with
                          each line's place in the original (``inputs.read_document``)
``documents``             legal document numbers (``7889/QĐ-UBND``)
``words``                 the Vietnamese cue words and patterns the extractor reads
``longdates``             dates written out in words (``ngày 5 tháng 3 năm 2020``)
``wordreaders``           the words around a number: the word before it, its noun, a
                          percentage's role (a target, a change, a reference)
``tokens``                the numbers of one paragraph as tokens
``paragraph``             claims inside one paragraph: ratios, shares, changes, breakdowns
``linking``               totals across a paragraph, footnotes, tables, targets
``amounts``               the numbers and amounts that the tie and change rules read
``amountshares``          shares of amounts and of wholes stated apart (amount-total,
                          named-whole, share-shortfall …)
``changes``               the tie rules of changes from A to B (change-from-to, change-points …)
``comparisons``           changes and differences against values stated apart
                          (change-named-base, change-paren-base, change-periods, price-gap …)
``ties``                  ties by evidence, each a named rule (of-whole, same-sentence-noun,
                          lists of names, whole-first …), and the order all tie rules run in;
                          weak ties are checked but never flagged
``expressions``           calculations written out (``1.000 tấn x 60% = 600 tấn``), redone
``records``               match records, running scores, results against their scorers,
                          totals stated after their parts, names then their count
``standings``             league standings: matches = wins + draws + losses, row by row
``countedlists``          counted lists read forward: a count, then its items (counted-list,
                          numbered-list)
``lists``, ``breakdowns`` items named before their count, counts before bullets
                          (named-then-counted, bulleted-list) and the runner of the list rules;
                          shares of one whole that add to 100 % (among them complete-breakdown)
``tablecells``            Markdown tables read: blocks, header, rows, numbers of cells
                          (:class:`~parstats.audit.tablecells.TableView`)
``tablecolumns``          ratio, change and total columns, structure tables
``flatrows``              tables flattened into a line: rows of ratios, change columns, a
                          price table's difference column
``tables``                table total rows, and the runner of the table rules
``extraction``            :func:`extract_claims`
``inference``             count inference (GRIM)
``checks``                one claim's status and diagnosis (:class:`Finding`)
``passes``                diagnoses across claims; :func:`audit_claims`
``results``               :class:`AuditReport`, :func:`audit_text`, :func:`audit_path`
``frames``                tables for the notebook
``messages``              the reader's words: Vietnamese diagnoses, statuses, locations
``phrasebook``            each English sentence of the audit with its Vietnamese (read by ``messages``)
``annotate``              the annotated report (``--format html``)
``pages``                 annotated pages of many files and their ``index.html`` (``--format
                          html -o OUTDIR``; the local app's pages too)
``cli``, ``batch``        the command line, many files and folders
``genre_evaluation``      coverage of the careful readers' lists (``tests/genre_eval``)
``evaluation``            precision and recall against labelled real texts
========================  ===================================================================

Examples
--------
>>> report = audit_text("Cán bộ có trình độ đại học trở lên là 128/129 người, tỷ lệ 98,45%.")
>>> f = report.findings[0]
>>> f.status, f.recomputed, f.severity
('inconsistent', '99,22%', 'major')
>>> print(f.diagnosis)
count off by a little: 127/129 gives 98,45% (1 less than 128)
"""
from __future__ import annotations

from parstats.audit.checks import STATUSES, Finding, basis
from parstats.audit.cli import add_arguments, run
from parstats.audit.extraction import extract_claims
from parstats.audit.frames import (
    CAUSES_VI,
    KINDS_VI,
    SEVERITIES_VI,
    STATUSES_VI,
    counts_frame,
    findings_frame,
    reviewer_summary,
)
from parstats.audit.inference import SplitResult, counts_for_percent, split_counts, totals_for_percent
from parstats.audit.model import KINDS, Claim, TargetSpec
from parstats.audit.passes import audit_claims, shared_total_fits
from parstats.audit.reading import ReportReadError, read_text
from parstats.audit.results import AuditReport, audit_path, audit_text, summary, write_json
from parstats.paths import display_path

__all__ = [
    "KINDS",
    "STATUSES",
    "Claim",
    "TargetSpec",
    "Finding",
    "AuditReport",
    "SplitResult",
    "ReportReadError",
    "CAUSES_VI",
    "KINDS_VI",
    "STATUSES_VI",
    "SEVERITIES_VI",
    "extract_claims",
    "read_text",
    "counts_for_percent",
    "totals_for_percent",
    "split_counts",
    "audit_claims",
    "shared_total_fits",
    "basis",
    "audit_text",
    "audit_path",
    "summary",
    "add_arguments",
    "run",
    "write_json",
    "display_path",
    "findings_frame",
    "counts_frame",
    "reviewer_summary",
]
