"""The one entry point for the escalation documents (CLI ``escalate``, the case view).

``escalation_document(case, kind, catalog=..., now=...)`` returns the `Escalation` facts (its
``warnings`` and ``checks`` say whether the step is open yet) and the `EscalationDocument`;
``render_escalation`` writes the PDF, ``escalation_text`` gives the plain text for an online
form. `kind` is ``courier_complaint``, ``postal_appeal`` or ``small_claims``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from ..domain.case import Case
from ..domain.catalog import Catalog
from ..domain.escalation import Escalation, EscalationKind, prepare_escalation
from ..domain.rules import Assessment, assess
from .courier_complaint import complaint_document
from .escalation import EscalationDocument, render_pdf, render_text
from .postal_appeal import appeal_document
from .small_claims import small_claims_document

Builder = Callable[[Case, Escalation, Catalog, str], EscalationDocument]
BUILDERS: Mapping[EscalationKind, Builder] = {
    EscalationKind.COURIER_COMPLAINT: complaint_document,
    EscalationKind.POSTAL_APPEAL: appeal_document,
    EscalationKind.SMALL_CLAIMS: small_claims_document,
}


def escalation_document(
    case: Case,
    kind: EscalationKind | str,
    *,
    catalog: Catalog,
    now: datetime,
    lang: str = "zh",
    assessment: Assessment | None = None,
) -> tuple[Escalation, EscalationDocument]:
    """The facts and the document of `kind` for `case`, dated `now`."""
    kind = EscalationKind(kind)
    assessment = assessment if assessment is not None else assess(case, catalog, now=now)
    escalation = prepare_escalation(case, assessment, kind, now)
    return escalation, BUILDERS[kind](case, escalation, catalog, lang)


def render_escalation(
    case: Case,
    kind: EscalationKind | str,
    out_path: Path,
    *,
    catalog: Catalog,
    now: datetime,
    lang: str = "zh",
    password: str | None = None,
    assessment: Assessment | None = None,
) -> tuple[Escalation, Path]:
    """Write the `kind` document as a PDF to `out_path` (atomically)."""
    escalation, document = escalation_document(
        case, kind, catalog=catalog, now=now, lang=lang, assessment=assessment
    )
    return escalation, render_pdf(document, out_path, lang=lang, password=password)


def escalation_text(
    case: Case,
    kind: EscalationKind | str,
    *,
    catalog: Catalog,
    now: datetime,
    lang: str = "zh",
    assessment: Assessment | None = None,
) -> tuple[Escalation, str]:
    """The `kind` document as plain text."""
    escalation, document = escalation_document(
        case, kind, catalog=catalog, now=now, lang=lang, assessment=assessment
    )
    return escalation, render_text(document)


__all__ = ["BUILDERS", "escalation_document", "escalation_text", "render_escalation"]
