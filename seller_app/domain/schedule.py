"""The follow-up schedule of a case: which dates to chase, and when to be reminded.

The schedule follows the case's real events (`seller_app.domain.events`): recording one
recomputes it. `build_schedule(case)` lists the open deadlines, sorted by `due`;
`settled_deadlines(case)` lists the ones the events have since met (a calendar export cancels
them). Each kind, when it is open, and what closes it:

=========================  ============================================  ======================
kind                       due                                           basis
=========================  ============================================  ======================
``file_claim``             the claim period's last day, posted_at +      A.4
                           1 year (29 Feb -> 28 Feb), 24:00 -- while
                           the claim has not been sent (no claim_at)
``claim_deadline``         the same day, once the claim is sent: the     A.4
                           last day to claim again (against the brand
                           owner, 快递暂行条例 art. 19) or to add to it
``courier_reply``          claim_at + 24 h; until the courier answers,   A.5.2
                           rejects, proposes, agrees or pays
``courier_proposal``       courier_replied_at (else the reply due) +     A.5.3
                           30 calendar days (60 international); until
                           a proposal, rejection, agreement or payment
``courier_complaint``      complaint_at + 7 calendar days; until the     快递暂行条例 art. 29
                           courier answers after the complaint, an       (2025 revision)
                           appeal, or payment
``postal_appeal``          the same moment: from then the seller may     邮政业消费者申诉处理
                           appeal to the postal regulator (12305), at    办法 art. 9
                           the latest one year after the claim; until
                           the appeal, payment, or an agreement after
                           the complaint
``appeal_answer``          appeal_at + 30 calendar days; until payment   邮政法 art. 65
                           or an agreement after the appeal
``payment``                agreed_at + 7 calendar days; until paid       A.5.4
``refund_buyer``           when the signer was not the buyer or          民法典 art. 604
                           authorised, or the parcel was left in a
                           locker unasked: buyer_requested_at (else
                           signed_at, else posted_at) + 48 h; until
                           buyer_refunded_at
``seller_response``        buyer_requested_at + 48 h; until the buyer    platform-negotiation
                           is refunded
``platform_intervention``  platform_escalated_at + 72 h                  platform-intervention
``platform_ruling``        platform_escalated_at + 15 working days,      platform-ruling
                           from the first working day after it; until
                           the buyer is refunded
=========================  ============================================  ======================

Before the claim is sent the schedule therefore holds one courier-side task, ``file_claim``,
and no courier deadlines; after it, the courier deadlines run from the real events. The claim
period's end stays on the calendar as ``claim_deadline`` (a calendar export keeps the same event
for both, see documents/calendar.py).

Order of work and conventions:

1. Every start time is taken in Asia/Shanghai; `due` keeps the start's clock time (plain date
   arithmetic: complaint_at 2026-11-16 10:00 + 7 days -> due 2026-11-23 10:00).
2. For the calendar-day kinds (file_claim, proposal, complaint, appeal answer, payment) whose
   last day is not a working day -- a weekend or statutory holiday, with 调休 make-up days
   counting as working days -- `legal_due` is the first working day after it, same clock time
   (民法典 art. 203). `due` itself never moves and the reminders follow `due`.
3. Working days come from a `WorkCalendar` (`ChinaCalendar` by default). Where it had to guess a
   year (no official schedule) the deadline carries a ``calendar_year_unknown`` warning.
4. Reminders: 09:00 one day before the due day, and 09:00 on the due day (or at `due` itself when
   that is earlier); deadlines at least 14 days after their start also get one 7 days before;
   ``file_claim`` also 30 days before. Reminders before the start are dropped.

The platform time frames (48 h, 72 h, 15 working days) come from a buyer's guide (seed 001) that
was not checked against the platforms' current rules, so those deadlines carry
``platform_rule_unverified``. The domain never reads the clock: whether a date is past is the
caller's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from .case import SHANGHAI, Case, Region, SignerWho
from .present import render_note
from .rules import Note, claim_deadline
from .texts import Texts
from .workdays import ChinaCalendar, CountedDay, WorkCalendar, nth_workday_after, roll_to_workday

REMINDER_TIME = time(9, 0)
END_OF_DAY = time(23, 59, 59)  # a period's last day ends at 24:00 (民法典 art. 203)
WEEK_AHEAD_MIN_SPAN = timedelta(days=14)
MONTH_AHEAD = timedelta(days=30)
PLATFORM_RULING_WORKDAYS = 15
COMPLAINT_DAYS = 7  # 快递暂行条例 (2025) art. 29
APPEAL_ANSWER_DAYS = 30  # 邮政法 art. 65
PAYMENT_DAYS = 7  # A.5.4
BUYER_WINDOW = timedelta(hours=48)  # seed 001: the seller's negotiation window
INTERVENTION_WINDOW = timedelta(hours=72)  # seed 001: the platform's customer service


class DeadlineKind(StrEnum):
    FILE_CLAIM = "file_claim"
    COURIER_REPLY = "courier_reply"
    COURIER_PROPOSAL = "courier_proposal"
    COURIER_COMPLAINT = "courier_complaint"
    POSTAL_APPEAL = "postal_appeal"
    APPEAL_ANSWER = "appeal_answer"
    PAYMENT = "payment"
    CLAIM_DEADLINE = "claim_deadline"
    REFUND_BUYER = "refund_buyer"
    SELLER_RESPONSE = "seller_response"
    PLATFORM_INTERVENTION = "platform_intervention"
    PLATFORM_RULING = "platform_ruling"


BASIS: Mapping[DeadlineKind, str] = {
    DeadlineKind.FILE_CLAIM: "A.4",
    DeadlineKind.COURIER_REPLY: "A.5.2",
    DeadlineKind.COURIER_PROPOSAL: "A.5.3",
    DeadlineKind.COURIER_COMPLAINT: "快递暂行条例 art. 29",
    DeadlineKind.POSTAL_APPEAL: "邮政业消费者申诉处理办法 art. 9",
    DeadlineKind.APPEAL_ANSWER: "邮政法 art. 65",
    DeadlineKind.PAYMENT: "A.5.4",
    DeadlineKind.CLAIM_DEADLINE: "A.4",
    DeadlineKind.REFUND_BUYER: "民法典 art. 604",
    DeadlineKind.SELLER_RESPONSE: "platform-negotiation",
    DeadlineKind.PLATFORM_INTERVENTION: "platform-intervention",
    DeadlineKind.PLATFORM_RULING: "platform-ruling",
}
# What the courier must do and by when: the claim form's schedule annex shows only these (the
# buyer's side and the seller's own to-dos are not for the courier's eyes).
COURIER_KINDS = frozenset(
    {
        DeadlineKind.COURIER_REPLY,
        DeadlineKind.COURIER_PROPOSAL,
        DeadlineKind.COURIER_COMPLAINT,
        DeadlineKind.APPEAL_ANSWER,
        DeadlineKind.PAYMENT,
        DeadlineKind.CLAIM_DEADLINE,
    }
)
PLATFORM_KINDS = frozenset(
    {
        DeadlineKind.SELLER_RESPONSE,
        DeadlineKind.PLATFORM_INTERVENTION,
        DeadlineKind.PLATFORM_RULING,
    }
)
LEGAL_DUE_BASIS = "民法典 art. 203"


@dataclass(frozen=True)
class Deadline:
    """One date to chase. `kind` is a `DeadlineKind` value; times are Asia/Shanghai.

    `facts` holds what the words of some kinds show besides the due date (``until``: the last
    day to appeal).
    """

    kind: str
    due: datetime
    legal_due: datetime | None
    basis: str
    reminders: tuple[datetime, ...]
    warnings: tuple[Note, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=dict)


def claim_period_end(posted_at: datetime) -> datetime:
    """The last moment of the one-year claim period (A.4): the end of the anniversary of the
    posting day, 29 Feb -> 28 Feb -- the same day `rules.assess` still accepts."""
    return datetime.combine(
        claim_deadline(posted_at.astimezone(SHANGHAI).date()), END_OF_DAY, tzinfo=SHANGHAI
    )


def appeal_period_end(case: Case) -> datetime:
    """The last moment to appeal to the postal regulator: one year from posting or from the
    dispute (邮政业消费者申诉处理办法 art. 9 (6)), the dispute counted from the claim."""
    start = case.claim_at if case.claim_at is not None else case.posted_at
    return claim_period_end(max(start, case.posted_at))


def proposal_days(region: Region) -> int:
    """A.5.3: 60 calendar days for international parcels, 30 for all others."""
    return 60 if region is Region.INTERNATIONAL else 30


def reminders_for(
    start: datetime, due: datetime, *, month_ahead: bool = False
) -> tuple[datetime, ...]:
    """When to nag about a deadline (see the module docstring, step 4)."""
    due_day = due.date()
    moments = {
        _at(due_day - timedelta(days=1), REMINDER_TIME),
        min(_at(due_day, REMINDER_TIME), due),
    }
    if due - start >= WEEK_AHEAD_MIN_SPAN:
        moments.add(_at(due_day - timedelta(days=7), REMINDER_TIME))
    if month_ahead and due - start >= MONTH_AHEAD:
        moments.add(_at(due_day - MONTH_AHEAD, REMINDER_TIME))
    if month_ahead:
        moments = {moment for moment in moments if moment >= start}
    return tuple(sorted(moments))


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=SHANGHAI)


def _local(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(SHANGHAI)


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
    facts: Mapping[str, Any] | None = None,
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
        reminders=reminders_for(start, due, month_ahead=kind is DeadlineKind.FILE_CLAIM),
        warnings=warnings,
        facts=dict(facts or {}),
    )


def _after(moment: datetime | None, start: datetime) -> bool:
    return moment is not None and moment >= start


class _Plan:
    """Collects (deadline, still open) pairs for one case."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.items: list[tuple[Deadline, bool]] = []

    def add(
        self,
        kind: DeadlineKind,
        start: datetime,
        due: datetime,
        *,
        done: bool,
        calendar_days: bool,
        warnings: tuple[Note, ...] = (),
        facts: Mapping[str, Any] | None = None,
    ) -> None:
        deadline = _make(
            kind,
            start,
            due,
            self.calendar,
            calendar_days=calendar_days,
            warnings=warnings,
            facts=facts,
        )
        self.items.append((deadline, not done))


def _courier_side(plan: _Plan, case: Case) -> None:
    posted_at = case.posted_at.astimezone(SHANGHAI)
    claim_at = _local(case.claim_at)
    if claim_at is None:
        plan.add(
            DeadlineKind.FILE_CLAIM,
            posted_at,
            claim_period_end(posted_at),
            done=False,
            calendar_days=True,
        )
        return
    plan.add(
        DeadlineKind.CLAIM_DEADLINE,
        posted_at,
        claim_period_end(posted_at),
        done=False,
        calendar_days=True,
    )
    replied = _local(case.courier_replied_at)
    rejected = _local(case.courier_rejected_at)
    proposed = _local(case.proposal.at) if case.proposal else None
    agreed = _local(case.agreed_at)
    paid = _local(case.paid.at) if case.paid else None
    answers = [m for m in (replied, rejected, proposed, agreed, paid) if m is not None]

    reply_due = claim_at + timedelta(hours=24)
    plan.add(
        DeadlineKind.COURIER_REPLY,
        claim_at,
        reply_due,
        done=bool(answers),
        calendar_days=False,
    )
    proposal_start = replied if replied is not None else reply_due
    plan.add(
        DeadlineKind.COURIER_PROPOSAL,
        proposal_start,
        proposal_start + timedelta(days=proposal_days(case.region)),
        done=any(m is not None for m in (rejected, proposed, agreed, paid)),
        calendar_days=True,
    )
    complaint = _local(case.complaint_at)
    appeal = _local(case.appeal_at)
    if complaint is not None:
        handled_due = complaint + timedelta(days=COMPLAINT_DAYS)
        answered_after = any(_after(m, complaint) for m in (replied, rejected, proposed, agreed))
        plan.add(
            DeadlineKind.COURIER_COMPLAINT,
            complaint,
            handled_due,
            done=answered_after or appeal is not None or paid is not None,
            calendar_days=True,
        )
        until = appeal_period_end(case)
        plan.add(
            DeadlineKind.POSTAL_APPEAL,
            complaint,
            handled_due,
            done=appeal is not None or paid is not None or _after(agreed, complaint),
            calendar_days=False,
            facts={"until": until.date().isoformat()},
        )
    if appeal is not None:
        plan.add(
            DeadlineKind.APPEAL_ANSWER,
            appeal,
            appeal + timedelta(days=APPEAL_ANSWER_DAYS),
            done=paid is not None or _after(agreed, appeal),
            calendar_days=True,
        )
    if agreed is not None:
        plan.add(
            DeadlineKind.PAYMENT,
            agreed,
            agreed + timedelta(days=PAYMENT_DAYS),
            done=paid is not None,
            calendar_days=True,
        )


def refund_buyer_first(case: Case) -> bool:
    """The parcel did not reach the buyer through them or someone they authorised: the seller
    refunds or re-sends to the buyer first, then claims as the sender (seed 002; 民法典
    art. 604: the risk is the seller's until delivery)."""
    signer = case.signer
    return signer is not None and (
        signer.who is SignerWho.UNAUTHORIZED or bool(signer.placed_without_consent)
    )


def _buyer_side(plan: _Plan, case: Case) -> None:
    unverified = (Note("platform_rule_unverified"),)
    requested = _local(case.buyer_requested_at)
    escalated = _local(case.platform_escalated_at)
    refunded = _local(case.buyer_refunded_at)
    if refund_buyer_first(case):
        assert case.signer is not None
        start = requested or _local(case.signer.signed_at) or case.posted_at.astimezone(SHANGHAI)
        plan.add(
            DeadlineKind.REFUND_BUYER,
            start,
            start + BUYER_WINDOW,
            done=refunded is not None,
            calendar_days=False,
            warnings=unverified if requested is not None else (),
        )
    if requested is not None:
        plan.add(
            DeadlineKind.SELLER_RESPONSE,
            requested,
            requested + BUYER_WINDOW,
            done=_after(refunded, requested),
            calendar_days=False,
            warnings=unverified,
        )
    if escalated is not None:
        plan.add(
            DeadlineKind.PLATFORM_INTERVENTION,
            escalated,
            escalated + INTERVENTION_WINDOW,
            done=_after(refunded, escalated),
            calendar_days=False,
            warnings=unverified,
        )
        counted = nth_workday_after(escalated.date(), PLATFORM_RULING_WORKDAYS, plan.calendar)
        plan.add(
            DeadlineKind.PLATFORM_RULING,
            escalated,
            datetime.combine(counted.day, escalated.timetz()),
            done=_after(refunded, escalated),
            calendar_days=False,
            warnings=unverified + _unknown_year_notes(counted),
        )


def _plan(case: Case, calendar: WorkCalendar | None) -> list[tuple[Deadline, bool]]:
    plan = _Plan(calendar if calendar is not None else ChinaCalendar())
    _courier_side(plan, case)
    _buyer_side(plan, case)
    order = list(DeadlineKind)
    return sorted(plan.items, key=lambda i: (i[0].due, order.index(DeadlineKind(i[0].kind))))


def build_schedule(case: Case, calendar: WorkCalendar | None = None) -> tuple[Deadline, ...]:
    """The open deadlines of `case`, sorted by due (ties in `DeadlineKind` order)."""
    return tuple(deadline for deadline, open_ in _plan(case, calendar) if open_)


def projected_schedule(
    case: Case, sent_at: datetime, calendar: WorkCalendar | None = None
) -> tuple[Deadline, ...]:
    """The deadlines as they will run if a claim not sent yet is sent at `sent_at` -- what a
    claim form dated that day tells the courier; the case's own schedule for a sent claim."""
    if case.claim_at is None:
        case = replace(case, claim_at=max(sent_at, case.posted_at))
    return build_schedule(case, calendar)


def settled_deadlines(case: Case, calendar: WorkCalendar | None = None) -> tuple[Deadline, ...]:
    """The deadlines the recorded events have met since they were set (the claim filed, the
    courier answered ...): what a calendar that holds an earlier export should cancel."""
    return tuple(deadline for deadline, open_ in _plan(case, calendar) if not open_)


# --------------------------------------------------------------------------- words


def _when(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def deadline_title(deadline: Deadline, texts: Texts, lang: str) -> str:
    return texts.get("deadline_title", deadline.kind, lang)


def deadline_detail(deadline: Deadline, texts: Texts, lang: str) -> str:
    """What the deadline means and what to do, plus the art. 203 roll-over when there is one."""
    due_date = deadline.due.astimezone(SHANGHAI).date().isoformat()
    facts = {"until": due_date, **deadline.facts}  # a Deadline made by hand may have no facts
    detail = texts.get(
        "deadline_detail",
        deadline.kind,
        lang,
        due=_when(deadline.due),
        due_date=due_date,
        **facts,
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
    "COURIER_KINDS",
    "LEGAL_DUE_BASIS",
    "PLATFORM_KINDS",
    "Deadline",
    "DeadlineKind",
    "appeal_period_end",
    "build_schedule",
    "claim_period_end",
    "deadline_detail",
    "deadline_title",
    "deadline_to_dict",
    "projected_schedule",
    "proposal_days",
    "refund_buyer_first",
    "reminders_for",
    "schedule_to_dict",
    "settled_deadlines",
]
