"""What the case list and the reminders panel show, computed off the GUI thread.

Plain Python (no widgets): each record becomes a `CaseRow` with its courier, amounts and
deadlines; the schedule comes from ``seller_app.domain.schedule`` (falling back to the one-year
claim deadline of A.4 when that module is not installed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.errors import CaseError

from .casebook import CaseRecord

log = logging.getLogger(__name__)

DONE_STATUSES = ("paid", "closed")
RECENT = timedelta(days=7)


@dataclass(frozen=True)
class DueItem:
    record_id: str
    tracking: str
    title: str
    detail: str
    due: datetime


@dataclass(frozen=True)
class CaseRow:
    record_id: str
    status: str
    tracking: str
    courier: str
    incident: str | None
    incident_name: str | None
    amount_claimed: str | None
    amount_recovered: str | None
    next_due: DueItem | None
    overdue: bool
    updated_at: datetime
    deadlines: tuple[DueItem, ...] = ()


def _deadlines(record: CaseRecord, case: Any, catalog: Catalog, lang: str) -> list[DueItem]:
    tracking = case.tracking_numbers[0]
    from seller_app.domain.schedule import build_schedule, deadline_to_dict

    items = []
    for deadline in build_schedule(case):
        words = deadline_to_dict(deadline, catalog.texts, lang)
        items.append(DueItem(record.id, tracking, words["title"], words["detail"], deadline.due))
    return items


def case_row(record: CaseRecord, catalog: Catalog, lang: str, now: datetime) -> CaseRow:
    data = record.data
    numbers = [str(n) for n in data.get("tracking_numbers") or []]
    tracking = numbers[0].upper() if numbers else "—"
    if len(numbers) > 1:
        tracking += f" +{len(numbers) - 1}"
    carriers = catalog.carriers
    code = data.get("carrier")
    if not code:
        found = carriers.candidates([n.upper() for n in numbers])
        code = found[0] if found else None
    courier = carriers.by_code[code].name(lang) if code in carriers.by_code else "—"
    deadlines: list[DueItem] = []
    if record.status not in ("draft", *DONE_STATUSES):
        try:
            from seller_app.domain.case import case_from_json

            deadlines = _deadlines(record, case_from_json(data, now), catalog, lang)
        except CaseError:
            log.warning("case %s no longer parses", record.id)
    deadlines.sort(key=lambda item: item.due)
    # What needs doing now: a deadline missed in the last week (chase it), else the next one.
    upcoming = [item for item in deadlines if item.due >= now]
    past = [item for item in deadlines if item.due < now]
    recent = [item for item in past if item.due >= now - RECENT]
    next_due = (recent or upcoming or past[-1:] or [None])[0]
    return CaseRow(
        record_id=record.id,
        status=record.status,
        tracking=tracking,
        courier=courier,
        incident=data.get("incident"),
        incident_name=_incident_name(catalog, data.get("incident"), lang),
        amount_claimed=record.amount_claimed,
        amount_recovered=record.amount_recovered,
        next_due=next_due,
        overdue=next_due is not None and next_due.due < now,
        updated_at=record.updated_at,
        deadlines=tuple(deadlines),
    )


def _incident_name(catalog: Catalog, incident: object, lang: str) -> str | None:
    if incident not in ("delay", "loss", "damage", "mismatch"):
        return None
    return catalog.texts.get("incident", str(incident), lang)


def case_rows(
    records: list[CaseRecord], catalog: Catalog, lang: str, now: datetime
) -> list[CaseRow]:
    return [case_row(record, catalog, lang, now) for record in records]


def due_soon(rows: list[CaseRow], now: datetime) -> tuple[list[DueItem], list[DueItem]]:
    """(due today or overdue, due in the next 7 days) over all open cases."""
    today_end = datetime.combine(now.astimezone(SHANGHAI).date(), time(23, 59, 59), SHANGHAI)
    week_end = today_end + timedelta(days=7)
    today: list[DueItem] = []
    week: list[DueItem] = []
    for row in rows:
        for item in row.deadlines:
            if now - RECENT <= item.due <= today_end:
                today.append(item)
            elif today_end < item.due <= week_end:
                week.append(item)
    return sorted(today, key=lambda i: i.due), sorted(week, key=lambda i: i.due)
