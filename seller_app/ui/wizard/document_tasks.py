"""Work the output page hands to the thread pool: the claim form, the buyer statement, the
deadlines and their calendar file. Plain functions, no widgets; documents are imported lazily
so the app starts without ReportLab."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seller_app.domain.case import Case
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MadeDocuments:
    """Paths of the files made (absent ones are None) and the deadlines in words."""

    claim_form: Path | None
    statement: Path | None
    calendar: Path | None
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def deadlines_for(case: Case, catalog: Catalog, lang: str) -> tuple[tuple[Any, ...], list[dict]]:  # type: ignore[type-arg]
    from seller_app.domain.schedule import build_schedule, deadline_to_dict

    deadlines = build_schedule(case)
    return deadlines, [deadline_to_dict(d, catalog.texts, lang) for d in deadlines]


def make_documents(
    case: Case,
    catalog: Catalog,
    photo_records: list[dict[str, Any]],
    out_dir: Path,
    lang: str,
    now: datetime | None = None,
) -> MadeDocuments:
    out_dir.mkdir(parents=True, exist_ok=True)
    assessment = assess(case, catalog, now=now)
    missing: list[str] = []
    try:
        deadlines, deadline_dicts = deadlines_for(case, catalog, lang)
    except ImportError:
        deadlines, deadline_dicts = (), []
        missing.append("schedule")

    photos: list[Any] = []
    if photo_records:
        from .photo_tasks import photo_from_record

        photos = [photo_from_record(record) for record in photo_records]

    form_deadlines = deadlines
    if now is not None and deadlines:
        from seller_app.domain.schedule import projected_schedule

        form_deadlines = projected_schedule(case, now)  # as they run once the form is sent
    claim_form = statement = calendar = None
    try:
        from seller_app.documents.claim_form import COURIER_LANG, render_claim_form
    except ImportError:
        missing.append("claim_form")
    else:
        claim_form = render_claim_form(
            case,
            assessment,
            out_dir / "claim_form.pdf",
            catalog=catalog,
            photos=photos,
            deadlines=form_deadlines,
            lang=COURIER_LANG,  # for the courier: Chinese even when the app is in English
            dated=now,
        )
    try:
        from seller_app.documents.statement import render_buyer_statement, statement_needed
    except ImportError:
        missing.append("statement")
    else:
        if statement_needed(case):
            statement = render_buyer_statement(
                case, out_dir / "buyer_statement.pdf", catalog=catalog, lang=COURIER_LANG
            )
    if deadlines:
        try:
            from seller_app.documents.calendar import write_ics
        except ImportError:
            missing.append("calendar")
        else:
            calendar = out_dir / "deadlines.ics"
            from seller_app.domain.schedule import settled_deadlines

            write_ics(
                case, deadlines, catalog.texts, lang, calendar, settled=settled_deadlines(case)
            )
    return MadeDocuments(claim_form, statement, calendar, deadline_dicts, missing)
