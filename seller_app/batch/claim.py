"""What the batch makes for one valid row: the one function a worker process runs per claim.

Steps, in order: parse the case (already validated by `rows.read_row`), assess it, build its
follow-up schedule (China working days) and its calendar events, write the case file
``cases/<key>.json``. The key is stable (order id + tracking number), so a re-run overwrites
instead of adding. Photos named with the tracking number are prepared by the evidence package
and go into the form with the schedule (`seller_app.documents.claim_form.render_claim_form`).

Everything here is picklable and top-level so it works in spawned and frozen worker processes.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.case import Case, case_from_json, case_to_json
from ..domain.catalog import Catalog
from ..domain.rules import Assessment, assess
from ..domain.schedule import Deadline, build_schedule, deadline_title
from .photos import match_photos

if TYPE_CHECKING:
    from ..evidence import EvidencePhoto
    from .messages import BatchTexts
from .rows import ClaimRow, RowNote, RowProblem

log = logging.getLogger(__name__)

CASES_DIR = "cases"
FORMS_DIR = "forms"
PHOTOS_DIR = "photos"


@dataclass(frozen=True)
class ClaimSettings:
    """What every row of one run shares; sent once per chunk to the workers."""

    out_dir: Path
    now: datetime
    lang: str = "zh"
    form_layout: str | None = "generic"
    photos_dir: Path | None = None


@dataclass(frozen=True)
class RowResult:
    """The outcome of one valid row; `problems` are things that went wrong after validation."""

    row: int
    key: str
    order_id: str | None
    tracking_number: str
    carrier: str
    eligible: bool
    amount: Decimal
    basis: tuple[str, ...]
    case_file: Path | None
    case_data: Mapping[str, Any]
    next_deadline: datetime | None = None
    next_deadline_title: str = ""
    calendar_events: bytes = b""
    """This case's VEVENTs as iCalendar text, for the combined .ics of the run."""
    form_file: Path | None = None
    photos: tuple[EvidencePhoto, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    claim_amount: Decimal = Decimal(0)
    """The figure the claim form asks for (``amount`` is the courier-terms figure)."""
    claim_basis: str = ""
    notes: tuple[RowNote, ...] = ()
    """What the seller must know about this claim (e.g. the posting time is a stand-in)."""
    carrier_name: str = ""
    """The courier in the seller's language (never its code)."""
    basis_labels: tuple[str, ...] = ()
    """`basis` as documents name the clauses (A.3.2, 《民法典》第832条)."""
    note_texts: tuple[str, ...] = ()
    """`notes` in the run's language, as the case book keeps them."""

    @property
    def failed(self) -> bool:
        return self.case_file is None


def form_available() -> bool:
    """Whether the claim-form renderer (issue 6) is installed on this branch."""
    import importlib.util

    try:
        return importlib.util.find_spec("seller_app.documents.claim_form") is not None
    except ModuleNotFoundError:
        return False


PRIVATE_FILE = 0o600


def _write_atomic(path: Path, text: str) -> None:
    """Write beside, then rename: a cancelled or crashed run never leaves half a case file.
    Readable by the seller only (0600): a case file holds the buyer's name, phone and address."""
    tmp = path.with_name(path.name + ".part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, PRIVATE_FILE)
    try:
        if hasattr(os, "fchmod"):  # an older .part left by a crash keeps its mode otherwise
            os.fchmod(fd, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(text.encode("utf-8"))
    finally:
        if fd != -1:
            os.close(fd)
    tmp.replace(path)


def make_claim(claim: ClaimRow, settings: ClaimSettings, catalog: Catalog) -> RowResult:
    """Assess one row and write its outputs; an unexpected error fails this row only.

    The case, assessment and schedule either all succeed or the row fails. A form that cannot
    be drawn (a character the font lacks, a full disk) is a problem of the row, but the case is
    still written and stored, so the seller can fix it in the app.
    """
    problems: list[RowProblem] = []
    try:
        data = dict(claim.data)
        case = case_from_json(data, settings.now)
        photos, photo_problems = _prepare_photos(claim, case, settings)
        problems += photo_problems
        if photos:
            data["photos"] = [
                {"file": str(p.source), "kind": p.kind.value, "sha256": p.sha256} for p in photos
            ]
            case = case_from_json(data, settings.now)
        assessment = assess(case, catalog, now=settings.now)  # not sent yet: today
        deadlines = build_schedule(case)
        upcoming = _next_deadline(deadlines, settings.now)
        events = _calendar_events(case, deadlines, catalog, settings)
        data = case_to_json(case)
        case_file = settings.out_dir / CASES_DIR / f"{claim.key}.json"
        _write_atomic(case_file, json.dumps(data, ensure_ascii=False, indent=2))
    except Exception as error:  # one bad row never stops the rest
        # Reported with its row in the summary; the log keeps the trace (never the terminal).
        log.info("row %s failed", claim.row, exc_info=True)
        return failed_result(claim, error)
    form_file = None
    if settings.form_layout:
        form_file, form_problem = _render_form(
            claim, case, assessment, deadlines, photos, catalog, settings
        )
        if form_problem is not None:
            problems.append(form_problem)
    carrier = catalog.carriers.by_code.get(assessment.carrier.code)
    return RowResult(
        row=claim.row,
        key=claim.key,
        order_id=claim.order_id,
        tracking_number=claim.tracking_number,
        carrier=assessment.carrier.code,
        eligible=assessment.eligible,
        amount=assessment.amount,
        basis=assessment.basis,
        case_file=case_file,
        case_data=data,
        next_deadline=upcoming.due if upcoming else None,
        next_deadline_title=deadline_title(upcoming, catalog.texts, settings.lang)
        if upcoming
        else "",
        calendar_events=events,
        form_file=form_file,
        photos=photos,
        problems=tuple(problems),
        claim_amount=assessment.claim_amount,
        claim_basis=assessment.claim.basis.value if assessment.claim else "",
        notes=claim.notes,
        note_texts=tuple(_words(catalog).note(note, settings.lang) for note in claim.notes),
        carrier_name=carrier.name(settings.lang) if carrier else "",
        basis_labels=tuple(_clause_label(c, catalog, settings.lang) for c in assessment.basis),
    )


def failed_result(claim: ClaimRow, error: BaseException) -> RowResult:
    """The outcome of a row whose claim could not be made at all (reported with its row)."""
    detail = str(error)[:300] or type(error).__name__
    problem = RowProblem(claim.row, claim.tracking_number, "failed", {"detail": detail})
    return RowResult(
        claim.row,
        claim.key,
        claim.order_id,
        claim.tracking_number,
        "",
        False,
        Decimal(0),
        (),
        None,
        claim.data,
        problems=(problem,),
        notes=claim.notes,
    )


_WORDS: dict[Path, BatchTexts] = {}


def _words(catalog: Catalog) -> BatchTexts:
    """The batch's words, loaded once per process."""
    from .messages import BatchTexts

    if catalog.root not in _WORDS:
        _WORDS[catalog.root] = BatchTexts.load(catalog.root / "imports", catalog.texts)
    return _WORDS[catalog.root]


def _clause_label(clause_id: str, catalog: Catalog, lang: str) -> str:
    clause = catalog.texts.clauses.get(clause_id)
    return clause.label(lang) if clause else clause_id


def _prepare_photos(
    claim: ClaimRow, case: Case, settings: ClaimSettings
) -> tuple[tuple[EvidencePhoto, ...], list[RowProblem]]:
    """The row's photos, prepared into ``photos/`` by the evidence package (in this worker: the
    batch is already spread over the cores). An unreadable photo is a problem; the rest go on."""
    matched = match_photos(settings.photos_dir, claim.tracking_number)
    if not matched:
        return (), []
    from ..evidence import EvidencePhoto, PhotoInput, import_photos

    results = import_photos(
        [PhotoInput(path) for path in matched],
        settings.out_dir / PHOTOS_DIR,
        case,
        processes=1,
    )
    photos = tuple(r for r in results if isinstance(r, EvidencePhoto))
    problems = [
        RowProblem(
            claim.row,
            claim.tracking_number,
            "photo_failed",
            {"file": r.source.name, "detail": r.message(settings.lang)},
        )
        for r in results
        if not isinstance(r, EvidencePhoto)
    ]
    return photos, problems


def _render_form(
    claim: ClaimRow,
    case: Case,
    assessment: Assessment,
    deadlines: tuple[Deadline, ...],
    photos: tuple[EvidencePhoto, ...],
    catalog: Catalog,
    settings: ClaimSettings,
) -> tuple[Path | None, RowProblem | None]:
    from reportlab.platypus.doctemplate import LayoutError

    from ..documents.claim_form import COURIER_LANG, render_claim_form
    from ..documents.fonts import MissingGlyphError
    from ..domain.schedule import projected_schedule

    assert settings.form_layout is not None
    path = settings.out_dir / FORMS_DIR / f"{claim.key}.pdf"
    try:
        render_claim_form(
            case,
            assessment,
            path,
            catalog=catalog,
            layout=settings.form_layout,
            photos=photos,
            # the courier's deadlines as they run once the form, dated today, is sent
            deadlines=projected_schedule(case, settings.now)
            if case.claim_at is None
            else deadlines,
            lang=COURIER_LANG,  # the courier's language, whatever the summary's
            dated=settings.now,
            durable=False,  # like the case files: the run flushes once at its end (runner)
        )
    except MissingGlyphError as error:
        detail = error.message(settings.lang)
    except OSError as error:
        detail = f"{error.filename or path}: {error.strerror or error}"
    except LayoutError:  # text too long for one page: said in words, the trace in the log
        log.info("row %s: the claim form text does not fit", claim.row, exc_info=True)
        return None, RowProblem(claim.row, claim.tracking_number, "form_text_too_long")
    except Exception as error:  # anything else: this row's form only
        log.info("row %s: the claim form could not be drawn", claim.row, exc_info=True)
        detail = str(error)[:300] or type(error).__name__
    else:
        try:
            path.chmod(PRIVATE_FILE)  # the form carries the buyer's name and address too
        except OSError:
            log.info("could not restrict %s", path)
        return path, None
    return None, RowProblem(claim.row, claim.tracking_number, "form_failed", {"detail": detail})


def warm_up(form_layout: str | None) -> None:
    """Once per worker process: register the form font and load the layout."""
    if form_layout:
        from ..documents.fonts import register_font
        from ..documents.layout import load_layout

        register_font()
        load_layout(form_layout)


def _next_deadline(deadlines: tuple[Deadline, ...], now: datetime) -> Deadline | None:
    """The first deadline still ahead (the schedule is sorted by due)."""
    return next((d for d in deadlines if d.due >= now), None)


def _calendar_events(
    case: Case, deadlines: tuple[Deadline, ...], catalog: Catalog, settings: ClaimSettings
) -> bytes:
    from ..documents.calendar import build_calendar

    calendar = build_calendar(case, deadlines, catalog.texts, settings.lang, stamp=settings.now)
    return b"".join(bytes(event.to_ical()) for event in calendar.walk("VEVENT"))
