"""The audit's words for a reader: diagnoses and locations in Vietnamese (default) or English.

:func:`diagnosis` is what a page shows for a finding (the notebook, the site, the annotated
report); :attr:`parstats.audit.checks.Finding.diagnosis` stays the English, machine-facing text
of ``--format json``/``csv``.
"""
from __future__ import annotations

__all__ = ["diagnosis", "LANGS"]

#: Languages of the reader-facing words.
LANGS = ("vi", "en")


def diagnosis(finding, lang: str = "vi") -> str | None:
    """The finding's diagnosis in ``lang`` (``"vi"`` or ``"en"``); None when it has none.

    (Stub: returns the English diagnosis until the Vietnamese wording lands.)
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return finding.diagnosis
