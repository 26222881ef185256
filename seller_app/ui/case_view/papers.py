"""The documents the case view makes from a stored case, as plain functions for the thread pool
(no widgets): the three escalation documents, the buyer statement that fits the case, and the
follow-up calendar.

Each writes its file into the case's work folder (``<data>/files/c<n>/``, tidied at the next
start; the store keeps the sealed copy) and returns what the view shows: the path, the bytes to
store and, for an escalation, the plain text for an online form and what stands in the way.
Documents for the courier, the regulator or a court are in Chinese whatever the app's language
(the buyer statement too: the buyer signs it); the calendar is for the seller, in the UI's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from seller_app.domain.case import Case
from seller_app.domain.catalog import Catalog

DOCUMENT_LANG = "zh"
ESCALATIONS = ("courier_complaint", "postal_appeal", "small_claims")


@dataclass(frozen=True)
class Check:
    """One condition of an escalation step, worded: ``met``, ``unmet`` or ``confirm``."""

    status: str
    text: str


@dataclass(frozen=True)
class Paper:
    kind: str
    path: Path
    data: bytes
    text: str = ""
    warnings: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()


def make_escalation(
    case: Case, kind: str, catalog: Catalog, now: datetime, folder: Path, name: str, lang: str
) -> Paper:
    """The `kind` escalation document (PDF and plain text), dated `now`; its warnings and
    checks in the UI's `lang`."""
    from seller_app.documents.escalate import escalation_document
    from seller_app.documents.escalation import render_pdf, render_text, words

    escalation, document = escalation_document(
        case, kind, catalog=catalog, now=now, lang=DOCUMENT_LANG
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = render_pdf(document, folder / name, lang=DOCUMENT_LANG)
    labels = words()
    warnings = tuple(
        labels.get("warning", note.code, lang, **dict(note.params)) for note in escalation.warnings
    )
    checks = tuple(
        Check(check.status.value, labels.get("check", check.code, lang, **dict(check.params)))
        for check in escalation.checks
    )
    return Paper(kind, path, path.read_bytes(), render_text(document), warnings, checks)


def statement_kind(case: Case) -> str | None:
    """``receipt`` (收货情况说明: the buyer got the goods, damaged, short or wrong),
    ``non_receipt`` (未收到货物声明) or None when the case needs no statement."""
    from seller_app.documents.statement import statement_kind as kind_of

    kind = kind_of(case)
    return None if kind is None else kind.value


def make_statement(case: Case, catalog: Catalog, folder: Path, name: str) -> Paper:
    from seller_app.documents.statement import render_buyer_statement
    from seller_app.documents.statement import statement_kind as kind_of

    folder.mkdir(parents=True, exist_ok=True)
    path = render_buyer_statement(
        case, folder / name, catalog=catalog, lang=DOCUMENT_LANG, kind=kind_of(case)
    )
    return Paper("statement", path, path.read_bytes())


def make_calendar(case: Case, catalog: Catalog, folder: Path, name: str, lang: str) -> Paper:
    """The case's deadlines as .ics from its real events; the deadlines met since are cancelled
    under the same UIDs, so a calendar that imported an earlier copy updates its events."""
    from seller_app.documents.calendar import write_ics
    from seller_app.domain.schedule import build_schedule, settled_deadlines

    folder.mkdir(parents=True, exist_ok=True)
    path = write_ics(
        case,
        build_schedule(case),
        catalog.texts,
        lang,
        folder / name,
        settled=settled_deadlines(case),
    )
    return Paper("calendar", path, path.read_bytes())


def write_copy(data: bytes, folder: Path, name: str) -> Path:
    """A stored document unsealed into the work folder, for the system viewer to open."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
