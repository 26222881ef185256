"""What the case list, its summary header and the reminders panel show, computed off the GUI
thread.

Plain Python (no widgets): each record becomes a `CaseRow` with its courier, amounts and
deadlines (``seller_app.domain.schedule``, from the case's real events); `summarize` counts the
rows for the header above the list.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
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
    due_today: bool = False
    """The next deadline falls today (and has not passed yet)."""
    claim_at: datetime | None = None
    """When the claim was sent to the courier (None: not sent yet)."""
    paid: tuple[Decimal, datetime] | None = None
    """The compensation received and when."""


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
    claim_at, paid = _sent_and_paid(data)
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
        due_today=next_due is not None and now <= next_due.due <= _end_of_day(now),
        claim_at=claim_at,
        paid=paid,
    )


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=SHANGHAI)


def _sent_and_paid(data: dict[str, Any]) -> tuple[datetime | None, tuple[Decimal, datetime] | None]:
    """When the claim was sent, and the payment received (amount, when), as the case file says;
    a value that does not parse counts as absent (the row still shows)."""
    paid = None
    raw = data.get("paid")
    if isinstance(raw, dict):
        at = _moment(raw.get("at"))
        try:
            amount = Decimal(str(raw.get("amount")))
        except ArithmeticError:
            amount = None
        if at is not None and amount is not None and amount.is_finite():
            paid = (amount, at)
    return _moment(data.get("claim_at")), paid


def _end_of_day(now: datetime) -> datetime:
    return datetime.combine(now.astimezone(SHANGHAI).date(), time(23, 59, 59), SHANGHAI)


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
    today_end = _end_of_day(now)
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


# --------------------------------------------------------------------------- the summary header

TO_FILE = ("draft", "ready")
WITH_COURIER = ("filed", "answered", "agreed", "escalated")


@dataclass(frozen=True)
class Summary:
    """Where the seller stands, for the header above the case list.

    `to_file`: complete claims not sent yet (``ready``), `drafts`: claims still being filled in;
    `with_courier`: sent and waiting for the courier (filed, answered, agreed, escalated);
    `overdue` / `due_today`: open cases whose next deadline has passed / falls later today;
    `claimed_month`: what the claims sent this calendar month (Asia/Shanghai) ask for;
    `received_month`: the compensation received this month, whichever month its claim was sent.
    """

    to_file: int
    drafts: int
    with_courier: int
    overdue: int
    due_today: int
    claimed_month: Decimal
    received_month: Decimal


def _same_month(moment: datetime, now: datetime) -> bool:
    here, there = moment.astimezone(SHANGHAI), now.astimezone(SHANGHAI)
    return (here.year, here.month) == (there.year, there.month)


def summarize(rows: list[CaseRow], now: datetime) -> Summary:
    claimed = received = Decimal("0")
    for row in rows:
        if row.claim_at is not None and row.amount_claimed and _same_month(row.claim_at, now):
            claimed += Decimal(row.amount_claimed)
        if row.paid is not None and _same_month(row.paid[1], now):
            received += row.paid[0]
    open_rows = [row for row in rows if row.status not in (*DONE_STATUSES, "draft")]
    return Summary(
        to_file=sum(row.status == "ready" for row in rows),
        drafts=sum(row.status == "draft" for row in rows),
        with_courier=sum(row.status in WITH_COURIER for row in rows),
        overdue=sum(row.overdue for row in open_rows),
        due_today=sum(row.due_today for row in open_rows),
        claimed_month=claimed,
        received_month=received,
    )
