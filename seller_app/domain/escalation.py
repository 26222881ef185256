"""When the courier does not pay: the facts of a complaint, an appeal or a small claim.

`prepare_escalation(case, assessment, kind, now)` works out, from the case's events and the
engine's figures, what an escalation document says and whether the step is open yet:

- ``courier_complaint`` -- a complaint to the courier (快递暂行条例 art. 29, 2025 revision: it
  must handle it within 7 days). Grounds: no answer 24 h after the claim (A.5.2), no proposal
  in the 30/60 days (A.5.3), a refusal, a proposal below the claim, no payment 7 days after the
  agreement (A.5.4), a payment short of the claim.
- ``postal_appeal`` -- an appeal (申诉) to the postal regulator, hotline 12305 or
  sswz.spb.gov.cn. Conditions of 《邮政业消费者申诉处理办法》 art. 9: complained to the courier
  first and had no answer within 7 days or disagree with it (or no complaint channel worked);
  the appellant is the sender or recipient; not appealed before (unless new facts); within one
  year of posting or of the dispute; no court or arbitration body has taken it. The regulator
  answers within 30 days (邮政法 art. 65) and mediates (快递市场管理办法 art. 30).
- ``small_claims`` -- a 民事起诉状 outline: 民事诉讼法 (2023) art. 165 (simple money claims up to
  50 % of the province's previous-year average annual wage: one hearing, final at first
  instance, art. 167-168: decided within 2 months), art. 124 (what the statement holds),
  art. 24 / 35 (the court of the courier's domicile or of performance, or the one the waybill
  terms name); 3-year limitation (民法典 art. 188).

Each condition is a `Check`: ``met``, ``unmet`` or ``confirm`` (only the seller can say, e.g. no
court has the case). The amount asked is `claim_figure` less what was paid.
The domain never reads the clock: `now` is injected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .case import SHANGHAI, Case
from .events import CaseEvent, case_events
from .money import ZERO
from .rules import Assessment, Note
from .schedule import (
    COMPLAINT_DAYS,
    PAYMENT_DAYS,
    appeal_period_end,
    proposal_days,
)

LIMITATION_YEARS = 3  # 民法典 art. 188


class EscalationKind(StrEnum):
    COURIER_COMPLAINT = "courier_complaint"
    POSTAL_APPEAL = "postal_appeal"
    SMALL_CLAIMS = "small_claims"


class CheckStatus(StrEnum):
    MET = "met"
    UNMET = "unmet"
    CONFIRM = "confirm"


@dataclass(frozen=True)
class Check:
    """One condition of the step: its text code, whether it holds, and the values it shows."""

    code: str
    status: CheckStatus
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Escalation:
    kind: EscalationKind
    claimed: Decimal
    """The claim figure (`claim_figure`)."""
    paid: Decimal
    outstanding: Decimal
    """What is still asked for: `claimed` less `paid`, never below zero."""
    proposal: Decimal | None
    grounds: tuple[Note, ...]
    checks: tuple[Check, ...]
    warnings: tuple[Note, ...]
    basis: tuple[str, ...]
    events: tuple[CaseEvent, ...]
    dated: datetime

    @property
    def ready(self) -> bool:
        """No condition is known to fail (some may still need the seller's confirmation)."""
        return all(check.status is not CheckStatus.UNMET for check in self.checks)


def claim_figure(assessment: Assessment) -> Decimal:
    """The figure the claim asks for (``assessment.claim_amount``: the actual loss or the
    terms figure, as the claim basis says), which every escalation asks for too."""
    return assessment.claim_amount


BASIS: Mapping[EscalationKind, tuple[str, ...]] = {
    EscalationKind.COURIER_COMPLAINT: ("快递暂行条例 art. 29",),
    EscalationKind.POSTAL_APPEAL: (
        "邮政业消费者申诉处理办法 art. 9",
        "邮政法 art. 65",
        "快递市场管理办法 art. 30",
        "快递暂行条例 art. 29",
    ),
    EscalationKind.SMALL_CLAIMS: (
        "民法典 art. 577",
        "民法典 art. 832",
        "快递暂行条例 art. 28",
        "民事诉讼法 art. 165",
        "民事诉讼法 art. 124",
        "民事诉讼法 art. 24",
        "民事诉讼法 art. 35",
    ),
}


# Clauses the engine cites for the seller's own information, never against the courier: art. 831
# (signing without inspection is preliminary evidence of good delivery) would argue the
# courier's case, art. 604 concerns the seller and the buyer.
NOT_CITED = frozenset({"民法典 art. 831", "民法典 art. 604"})


def _local(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def _day(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).date().isoformat()


def _grounds(case: Case, claimed: Decimal, now: datetime) -> list[Note]:
    """Why the courier has not done what it must (the complaint's and the appeal's reasons)."""
    grounds: list[Note] = []
    claim_at = case.claim_at
    if claim_at is None:
        return grounds
    answered = any(
        m is not None
        for m in (case.courier_replied_at, case.courier_rejected_at, case.agreed_at, case.paid)
    ) or (case.proposal is not None)
    reply_due = claim_at + timedelta(hours=24)
    if not answered and now > reply_due:
        grounds.append(Note("no_reply", {"claim_at": _local(claim_at), "due": _local(reply_due)}))
    decided = any(
        item is not None
        for item in (case.courier_rejected_at, case.proposal, case.agreed_at, case.paid)
    )
    start = case.courier_replied_at or reply_due
    proposal_due = start + timedelta(days=proposal_days(case.region))
    if not decided and now > proposal_due:
        grounds.append(Note("no_proposal", {"due": _local(proposal_due)}))
    if case.courier_rejected_at is not None:
        grounds.append(Note("rejected", {"at": _local(case.courier_rejected_at)}))
    if case.proposal is not None and case.proposal.amount < claimed and case.paid is None:
        grounds.append(
            Note(
                "proposal_low",
                {
                    "at": _local(case.proposal.at),
                    "proposal": str(case.proposal.amount),
                    "claimed": str(claimed),
                },
            )
        )
    if case.agreed_at is not None and case.paid is None:
        pay_due = case.agreed_at + timedelta(days=PAYMENT_DAYS)
        if now > pay_due:
            grounds.append(
                Note("not_paid", {"agreed_at": _local(case.agreed_at), "due": _local(pay_due)})
            )
    if case.paid is not None and case.paid.amount < claimed:
        grounds.append(Note("paid_short", {"paid": str(case.paid.amount), "claimed": str(claimed)}))
    return grounds


def _appeal_checks(case: Case, now: datetime) -> tuple[list[Check], list[Note]]:
    checks: list[Check] = []
    warnings: list[Note] = []
    complaint = case.complaint_at
    if complaint is None:
        checks.append(Check("complained", CheckStatus.UNMET))
        warnings.append(Note("appeal_no_complaint"))
    else:
        checks.append(Check("complained", CheckStatus.MET, {"at": _local(complaint)}))
        opens = complaint + timedelta(days=COMPLAINT_DAYS)
        answered = any(
            m is not None and m >= complaint
            for m in (
                case.courier_replied_at,
                case.courier_rejected_at,
                case.agreed_at,
                case.proposal.at if case.proposal else None,
            )
        )
        if now >= opens or answered:
            checks.append(Check("waited", CheckStatus.MET, {"from": _local(opens)}))
        else:
            checks.append(Check("waited", CheckStatus.UNMET, {"from": _local(opens)}))
            warnings.append(Note("appeal_too_early", {"from": _local(opens)}))
    checks.append(Check("appellant", CheckStatus.MET))
    until = appeal_period_end(case)
    if now <= until:
        checks.append(Check("within_year", CheckStatus.MET, {"until": _day(until)}))
    else:
        checks.append(Check("within_year", CheckStatus.UNMET, {"until": _day(until)}))
        warnings.append(Note("appeal_out_of_time", {"until": _day(until)}))
    if case.appeal_at is None:
        checks.append(Check("first_appeal", CheckStatus.MET))
    else:
        checks.append(Check("first_appeal", CheckStatus.CONFIRM, {"at": _local(case.appeal_at)}))
        warnings.append(Note("appeal_already_made", {"at": _local(case.appeal_at)}))
    checks.append(Check("no_court", CheckStatus.CONFIRM))
    return checks, warnings


def _small_claims_checks(case: Case, now: datetime) -> tuple[list[Check], list[Note]]:
    checks: list[Check] = [Check("small_claims_ceiling", CheckStatus.CONFIRM)]
    warnings: list[Note] = []
    known = case.claim_at or case.posted_at
    start = known.astimezone(SHANGHAI).date()
    try:
        limit = start.replace(year=start.year + LIMITATION_YEARS)
    except ValueError:  # 29 Feb
        limit = start.replace(year=start.year + LIMITATION_YEARS, day=28)
    if now.astimezone(SHANGHAI).date() <= limit:
        checks.append(Check("limitation", CheckStatus.MET, {"until": limit.isoformat()}))
    else:
        checks.append(Check("limitation", CheckStatus.UNMET, {"until": limit.isoformat()}))
        warnings.append(Note("limitation_passed", {"until": limit.isoformat()}))
    checks.append(Check("no_appraisal", CheckStatus.CONFIRM))
    return checks, warnings


def prepare_escalation(
    case: Case, assessment: Assessment, kind: EscalationKind | str, now: datetime
) -> Escalation:
    """The facts of the `kind` document for `case` at `now` (see the module docstring)."""
    kind = EscalationKind(kind)
    claimed = claim_figure(assessment)
    paid = case.paid.amount if case.paid else ZERO
    outstanding = max(ZERO, claimed - paid)
    grounds = _grounds(case, claimed, now)
    warnings: list[Note] = []
    checks: list[Check] = []
    if case.claim_at is None:
        warnings.append(Note("not_filed"))
    if not assessment.eligible:
        warnings.append(Note("not_eligible"))
    if case.paid is not None and outstanding == 0:
        warnings.append(Note("paid_in_full", {"paid": str(case.paid.amount)}))
    if kind is EscalationKind.POSTAL_APPEAL:
        checks, more = _appeal_checks(case, now)
        warnings += more
    elif kind is EscalationKind.SMALL_CLAIMS:
        checks, more = _small_claims_checks(case, now)
        warnings += more
    if kind is EscalationKind.COURIER_COMPLAINT and case.claim_at is not None and not grounds:
        warnings.append(Note("no_grounds_yet"))
    basis = list(BASIS[kind])
    for clause_id in assessment.basis:
        if clause_id not in basis and clause_id not in NOT_CITED:
            basis.append(clause_id)
    for note in grounds:
        clause = _GROUND_CLAUSE.get(note.code)
        if clause is not None and clause not in basis:
            basis.insert(1, clause)
    return Escalation(
        kind=kind,
        claimed=claimed,
        paid=paid,
        outstanding=outstanding,
        proposal=case.proposal.amount if case.proposal else None,
        grounds=tuple(grounds),
        checks=tuple(checks),
        warnings=tuple(warnings),
        basis=tuple(basis),
        events=case_events(case),
        dated=now,
    )


# The time limit each ground says was missed.
_GROUND_CLAUSE: Mapping[str, str] = {
    "no_reply": "A.5.2",
    "no_proposal": "A.5.3",
    "not_paid": "A.5.4",
}


__all__ = [
    "Check",
    "CheckStatus",
    "Escalation",
    "EscalationKind",
    "claim_figure",
    "prepare_escalation",
]
