"""The follow-up schedule of a case: which dates to chase, and when to be reminded.

`build_schedule(case)` lists one `Deadline` per rule that applies, sorted by `due`:

========================  ==================================================  ====================
kind                      due                                                 basis
========================  ==================================================  ====================
``courier_reply``         claim_at + 24 h                                     A.5.2
``courier_complaint``     claim_at + 7 calendar days                          快递暂行条例 art. 28
``courier_proposal``      courier_replied_at (else the courier_reply due)     A.5.3
                          + 30 calendar days (same city, domestic, HK/Macau/
                          Taiwan) or + 60 (international)
``payment``               agreed_at + 7 calendar days (only when given)       A.5.4
``claim_deadline``        posted_at + 1 year, same month and day,             A.4
                          29 Feb -> 28 Feb
``seller_response``       buyer_requested_at + 48 h (only when given)         platform-negotiation
``platform_ruling``       platform_escalated_at + 15 working days, counted    platform-ruling
                          from the first working day after that date
                          (only when given)
========================  ==================================================  ====================

Order of work and conventions:

1. Every start time is taken in Asia/Shanghai; `due` keeps the start's clock time (plain date
   arithmetic: claim_at 2026-11-16 10:00 + 7 days -> due 2026-11-23 10:00).
2. For the calendar-day kinds (complaint, proposal, payment, claim deadline) whose last day is not a
   working day -- a weekend or statutory holiday, with 调休 make-up days counting as working days --
   `legal_due` is the first working day after it, same clock time (民法典 art. 203). `due` itself
   never moves and the reminders follow `due`: the seller is nagged on the earlier date.
3. Working days come from a `WorkCalendar` (`ChinaCalendar` by default). Where it had to guess a
   year (Monday-Friday fallback) the deadline carries a ``calendar_year_unknown`` warning.
4. Reminders: 09:00 one day before the due day, and 09:00 on the due day (or at `due` itself when
   that is earlier); deadlines at least 14 days after their start also get one 7 days before.

The platform time frames (48 h, 15 working days) come from a buyer's guide (seed 001) that was not
checked against the platforms' current rules, so those deadlines carry ``platform_rule_unverified``.
The domain never reads the clock: whether a date is past is the caller's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from .case import SHANGHAI, Case, Region
from .present import render_note
from .rules import Note, claim_deadline
from .texts import Texts
from .workdays import ChinaCalendar, CountedDay, WorkCalendar, nth_workday_after, roll_to_workday

REMINDER_TIME = time(9, 0)
END_OF_DAY = time(23, 59, 59)  # a period's last day ends at 24:00 (民法典 art. 203)
WEEK_AHEAD_MIN_SPAN = timedelta(days=14)
PLATFORM_RULING_WORKDAYS = 15


class DeadlineKind(StrEnum):
    COURIER_REPLY = "courier_reply"
    COURIER_COMPLAINT = "courier_complaint"
    COURIER_PROPOSAL = "courier_proposal"
    PAYMENT = "payment"
    CLAIM_DEADLINE = "claim_deadline"
    SELLER_RESPONSE = "seller_response"
    PLATFORM_RULING = "platform_ruling"


BASIS: Mapping[DeadlineKind, str] = {
    DeadlineKind.COURIER_REPLY: "A.5.2",
    DeadlineKind.COURIER_COMPLAINT: "快递暂行条例 art. 28",
    DeadlineKind.COURIER_PROPOSAL: "A.5.3",
    DeadlineKind.PAYMENT: "A.5.4",
    DeadlineKind.CLAIM_DEADLINE: "A.4",
    DeadlineKind.SELLER_RESPONSE: "platform-negotiation",
    DeadlineKind.PLATFORM_RULING: "platform-ruling",
}
LEGAL_DUE_BASIS = "民法典 art. 203"


@dataclass(frozen=True)
class Deadline:
    """One date to chase. `kind` is a `DeadlineKind` value; times are Asia/Shanghai."""

    kind: str
    due: datetime
    legal_due: datetime | None
    basis: str
    reminders: tuple[datetime, ...]
    warnings: tuple[Note, ...] = ()


def claim_period_end(posted_at: datetime) -> datetime:
    """The last moment of the one-year claim period (A.4): the end of the anniversary of the
    posting day, 29 Feb -> 28 Feb -- the same day `rules.assess` still accepts."""
    return datetime.combine(
        claim_deadline(posted_at.astimezone(SHANGHAI).date()), END_OF_DAY, tzinfo=SHANGHAI
    )


def proposal_days(region: Region) -> int:
    """A.5.3: 60 calendar days for international parcels, 30 for all others."""
    return 60 if region is Region.INTERNATIONAL else 30


def reminders_for(start: datetime, due: datetime) -> tuple[datetime, ...]:
    """When to nag about a deadline (see the module docstring, step 4)."""
    due_day = due.date()
    moments = {
        _at(due_day - timedelta(days=1), REMINDER_TIME),
        min(_at(due_day, REMINDER_TIME), due),
    }
    if due - start >= WEEK_AHEAD_MIN_SPAN:
        moments.add(_at(due_day - timedelta(days=7), REMINDER_TIME))
    return tuple(sorted(moments))


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=SHANGHAI)


def _unknown_year_notes(counted: CountedDay) -> tuple[Note, ...]:
    return tuple(Note("calendar_year_unknown", {"year": year}) for year in counted.unknown_years)


def _make(
    kind: DeadlineKind,
    start: datetime,
    due: datetime,
    calendar: WorkCalendar,
    *,
    calendar_days: bool,
    warnings: tuple[Note, ...] = (),
) -> Deadline:
    legal_due = None
    if calendar_days:
        rolled = roll_to_workday(due.date(), calendar)
        warnings += _unknown_year_notes(rolled)
        if rolled.day != due.date():
            legal_due = datetime.combine(rolled.day, due.timetz())
    return Deadline(
        kind=kind.value,
        due=due,
        legal_due=legal_due,
        basis=BASIS[kind],
        reminders=reminders_for(start, due),
        warnings=warnings,
    )


def build_schedule(case: Case, calendar: WorkCalendar | None = None) -> tuple[Deadline, ...]:
    """Every deadline of `case`, sorted by due (ties in `DeadlineKind` order)."""
    cal = calendar if calendar is not None else ChinaCalendar()
    claim_at = case.claim_at.astimezone(SHANGHAI)
    posted_at = case.posted_at.astimezone(SHANGHAI)
    deadlines: list[Deadline] = []

    reply_due = claim_at + timedelta(hours=24)
    deadlines.append(
        _make(DeadlineKind.COURIER_REPLY, claim_at, reply_due, cal, calendar_days=False)
    )
    deadlines.append(
        _make(
            DeadlineKind.COURIER_COMPLAINT,
            claim_at,
            claim_at + timedelta(days=7),
            cal,
            calendar_days=True,
        )
    )
    replied = (
        case.courier_replied_at.astimezone(SHANGHAI)
        if case.courier_replied_at is not None
        else reply_due
    )
    deadlines.append(
        _make(
            DeadlineKind.COURIER_PROPOSAL,
            replied,
            replied + timedelta(days=proposal_days(case.region)),
            cal,
            calendar_days=True,
        )
    )
    if case.agreed_at is not None:
        agreed = case.agreed_at.astimezone(SHANGHAI)
        deadlines.append(
            _make(DeadlineKind.PAYMENT, agreed, agreed + timedelta(days=7), cal, calendar_days=True)
        )
    deadlines.append(
        _make(
            DeadlineKind.CLAIM_DEADLINE,
            posted_at,
            claim_period_end(posted_at),
            cal,
            calendar_days=True,
        )
    )
    unverified = (Note("platform_rule_unverified"),)
    if case.buyer_requested_at is not None:
        requested = case.buyer_requested_at.astimezone(SHANGHAI)
        deadlines.append(
            _make(
                DeadlineKind.SELLER_RESPONSE,
                requested,
                requested + timedelta(hours=48),
                cal,
                calendar_days=False,
                warnings=unverified,
            )
        )
    if case.platform_escalated_at is not None:
        escalated = case.platform_escalated_at.astimezone(SHANGHAI)
        counted = nth_workday_after(escalated.date(), PLATFORM_RULING_WORKDAYS, cal)
        deadlines.append(
            _make(
                DeadlineKind.PLATFORM_RULING,
                escalated,
                datetime.combine(counted.day, escalated.timetz()),
                cal,
                calendar_days=False,
                warnings=unverified + _unknown_year_notes(counted),
            )
        )
    order = list(DeadlineKind)
    return tuple(sorted(deadlines, key=lambda d: (d.due, order.index(DeadlineKind(d.kind)))))


# --------------------------------------------------------------------------- words


def _when(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def deadline_title(deadline: Deadline, texts: Texts, lang: str) -> str:
    return texts.get("deadline_title", deadline.kind, lang)


def deadline_detail(deadline: Deadline, texts: Texts, lang: str) -> str:
    """What the deadline means and what to do, plus the art. 203 roll-over when there is one."""
    detail = texts.get(
        "deadline_detail",
        deadline.kind,
        lang,
        due=_when(deadline.due),
        due_date=deadline.due.astimezone(SHANGHAI).date().isoformat(),
    )
    if deadline.legal_due is not None:
        detail += texts.get(
            "deadline_detail",
            "legal_due",
            lang,
            due=_when(deadline.due),
            legal_due=_when(deadline.legal_due),
        )
    return detail


def deadline_to_dict(deadline: Deadline, texts: Texts, lang: str) -> dict[str, Any]:
    """One entry of ``seller-claims schedule`` output; datetimes ISO 8601 with +08:00."""
    data: dict[str, Any] = {
        "kind": deadline.kind,
        "due": deadline.due.astimezone(SHANGHAI).isoformat(),
    }
    if deadline.legal_due is not None:
        data["legal_due"] = deadline.legal_due.astimezone(SHANGHAI).isoformat()
    data.update(
        {
            "title": deadline_title(deadline, texts, lang),
            "detail": deadline_detail(deadline, texts, lang),
            "basis": deadline.basis,
            "reminders": [r.astimezone(SHANGHAI).isoformat() for r in deadline.reminders],
            "warnings": [
                render_note(texts, "schedule_warnings", note, lang) for note in deadline.warnings
            ],
        }
    )
    return data


def schedule_to_dict(deadlines: tuple[Deadline, ...], texts: Texts, lang: str) -> dict[str, Any]:
    """The ``seller-claims schedule`` output object: ``{"deadlines": [...]}``."""
    return {"deadlines": [deadline_to_dict(d, texts, lang) for d in deadlines]}


__all__ = [
    "BASIS",
    "LEGAL_DUE_BASIS",
    "Deadline",
    "DeadlineKind",
    "claim_period_end",
    "build_schedule",
    "deadline_detail",
    "deadline_title",
    "deadline_to_dict",
    "proposal_days",
    "reminders_for",
    "schedule_to_dict",
]
