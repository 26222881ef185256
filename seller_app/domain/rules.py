"""The compensation engine: one case in, an `Assessment` out (the courier-terms figure, the
civil-law actual loss and the claim figure the form asks for).

Which terms (`policy_choice`): the policy the case names, else the detected courier's own terms,
else ``standard`` (with a notice when the courier's terms could not be found).

Order of application (each step may end the assessment):

1. Time bar (A.4): claimed after posted date + 1 year (same month/day, 29 Feb -> 28 Feb) ->
   not eligible. The anniversary itself is still in time, and when it is not a working day the
   period runs to the next working day (民法典 art. 203), with a warning -- the same last day the
   schedule gives as ``legal_due``. An inquiry (``inquired_at``) within the year keeps a late
   claim alive (A.2 c: the courier is excused only when the sender neither inquired nor claimed
   within the year), with a warning that the courier may still cite A.4. The claim date is
   ``claim_at``; for a claim not sent yet it is the injected `now` (sent today), and without
   either the check only states the last day.
2. Sender fault or the goods' own nature (A.2 a) -> not eligible.
3. Force majeure (A.2 b) -> no value compensation unless the parcel was insured; for a lost
   uninsured parcel the freight paid is returned (民法典 art. 835), otherwise not eligible.
4. Treatment: delay waives the freight (A.3.1) unless the delay destroyed the goods' value
   (handled as damage) or the parcel is still undelivered past the policy's final-delay limit
   after the promised time (A.2 b: it counts as lost); loss (A.3.2) is a full loss; damage (A.3.3)
   is full or partial; mismatch (A.3.4) is full damage for a wrong item and partial damage for
   short contents.
5. Share of value lost ``r``: 1 for a full loss, ``lost_value / goods_value`` for a partial one.
6. Value compensation, insured: ``r × min(insured_value, goods_value)`` -- the insured share of
   the loss, never above the actual loss. Uninsured: the goods value is first limited by the
   policy's undeclared-value cap, then the policy's caps ``C`` = the lowest of the freight
   multiple for the sender kind × service fee, per-kg cap × weight, the absolute per-parcel cap
   and (no value proof given) the no-proof freight multiple × service fee; applied ``scaled``
   (``r × min(C, V)``, A.3.3 b) or ``absolute`` (``min(r × V, C)``).
7. Salvage the seller keeps is deducted from a total loss when the policy says so (never below
   zero); a partial loss's ``lost_value`` is already net of what the goods are still worth.
8. Freight: waived per incident kind as the policy says -- in ``full``, in ``proportion`` ``r``,
   or ``none``. The insurance fee is never refunded (A.3.1, A.3.2 a).
9. Actual loss (uninsured, value lost): freight + ``r × goods_value`` (less salvage for a total
   loss), rounded half-up; and the claim figure (`claim.choose_claim`).
10. Signer checks (seed 002, 民法典 art. 831) add advice and warnings; they never change figures.

Rounding: nothing is rounded until the end. ``amount = round(fee + value)`` half-up to 0.01,
``fee_refund = round(fee)``, and ``value_compensation = amount - fee_refund`` so that the two
parts always add up to the amount printed on the form.

Worked example (standard, uninsured, partial damage): service fee 12, weight 2 kg, goods 300,
lost 120. r = 0.4; caps 5 × 12 = 60 and 100 × 2 = 200, so L = min(60, 200, 300) = 60;
value = 0.4 × 60 = 24; fee refund = 0.4 × 12 = 4.8; amount = 28.80. Actual loss 12 + 120 = 132,
higher, so the claim asks for 132.00 (``actual_loss``). Under SF's terms (freight waived in full,
actual loss up to 7 × freight): 12 + min(120, 84) = 96.00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from .carriers import CarrierGuess
from .case import SHANGHAI, Case, ClaimBasis, Extent, Incident, MismatchKind, SignerWho
from .catalog import Catalog
from .claim import Claim, choose_claim
from .figures import ONE, Run, eq, fee_waived, fmt, value_compensated
from .money import ZERO, round_yuan
from .notes import Note
from .policies import Policy
from .policy_choice import PolicyChoice, choose_policy
from .workdays import ChinaCalendar, WorkCalendar, roll_to_workday

FINAL_DELAY_CLAUSE = "A.2 快件丢失"
FORCE_MAJEURE_FEE_CLAUSE = "民法典 art. 835"

__all__ = ["Assessment", "Claim", "Note", "assess", "claim_deadline", "local_date"]


@dataclass(frozen=True)
class Assessment:
    eligible: bool
    amount: Decimal
    """The courier-terms figure (what the courier's terms pay)."""
    fee_refund: Decimal
    value_compensation: Decimal
    actual_loss_claim: Decimal | None
    basis: tuple[str, ...]
    reasons: tuple[Note, ...]
    warnings: tuple[Note, ...]
    advice: tuple[Note, ...]
    steps: tuple[Note, ...]
    policy: Policy
    carrier: CarrierGuess
    treatment: str
    """How the incident was handled: ``fee_only``, ``full_loss`` or ``partial_loss``."""
    claim: Claim | None = None
    """The figure the claim form asks for (always set by `assess`)."""
    policy_choice: PolicyChoice | None = None
    """Why these terms (always set by `assess`)."""

    @property
    def claim_amount(self) -> Decimal:
        return self.claim.amount if self.claim is not None else self.amount


def claim_deadline(posted: date) -> date:
    """Posted date + 1 year, same month and day; 29 Feb becomes 28 Feb (A.4)."""
    try:
        return posted.replace(year=posted.year + 1)
    except ValueError:
        return posted.replace(year=posted.year + 1, day=28)


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def assess(
    case: Case,
    catalog: Catalog,
    calendar: WorkCalendar | None = None,
    *,
    now: datetime | None = None,
) -> Assessment:
    """Assess `case` under the terms `choose_policy` picks; see the module docstring.
    `calendar` says which days are working days (default: mainland China's); `now` is the
    claim date of a claim not sent yet (the time bar, step 1; the final-delay check)."""
    carrier = catalog.carriers.guess(case.tracking_numbers, case.carrier)
    choice = choose_policy(case, catalog, carrier)
    policy = choice.policy
    run = Run()
    _carrier_notes(run, case, carrier, catalog, policy)
    if choice.terms_missing:
        run.warnings.append(Note("carrier_terms_missing", dict(choice.reason.params)))
    if not policy.verified:
        run.warnings.append(Note("policy_unverified", {"policy": policy.id}))
    context = (case, policy, carrier, choice)

    refusal = _exemption(run, case, policy, calendar or ChinaCalendar(), now)
    if refusal == "force_majeure_fee":
        fee = case.service_fee
        run.step("fee_refund_force_majeure", fee=fmt(fee))
        _signer_notes(run, case)
        return _result(run, context, fee, ZERO, None, True, "fee_only")
    if refusal:
        _signer_notes(run, case)
        return _result(run, context, ZERO, ZERO, None, False, refusal)

    treatment, ratio, kind = _treatment(run, case, policy, now)
    value_exact = ZERO
    if treatment != "fee_only":
        value_exact = value_compensated(run, case, policy, ratio)
    fee_exact = fee_waived(run, case, policy, kind, ratio)
    if case.insurance_fee > 0:
        run.step("insurance_fee_kept", insurance_fee=fmt(case.insurance_fee))

    actual = None
    if not case.insured and treatment != "fee_only":
        lost = case.goods_value * ratio
        if case.salvage_value and ratio == ONE:  # a partial lost_value already nets it out
            lost = max(ZERO, lost - case.salvage_value)
        actual = round_yuan(case.service_fee + lost)
    _signer_notes(run, case)
    return _result(run, context, fee_exact, value_exact, actual, True, treatment)


def _carrier_notes(
    run: Run, case: Case, carrier: CarrierGuess, catalog: Catalog, policy: Policy
) -> None:
    if not carrier.given:
        if not carrier.candidates:
            run.warnings.append(Note("carrier_unknown"))
        elif len(carrier.candidates) > 1:
            run.warnings.append(
                Note("carrier_ambiguous", {"candidates": ", ".join(carrier.candidates)})
            )
    elif carrier.candidates and carrier.code not in carrier.candidates and carrier.code != "other":
        run.warnings.append(
            Note(
                "carrier_mismatch",
                {"carrier": carrier.code, "candidates": ", ".join(carrier.candidates)},
            )
        )
    own = catalog.carriers.by_code.get(carrier.code)
    if own and own.policy and own.policy != policy.id and own.policy in catalog.policies:
        run.advice.append(Note("carrier_policy_available", {"policy": own.policy}))


def _exemption(
    run: Run, case: Case, policy: Policy, calendar: WorkCalendar, now: datetime | None
) -> str | None:
    if _time_barred(run, case, policy, calendar, now):
        return "time_barred"
    if case.exemptions.sender_fault:
        run.cite(policy.clause("exemption"))
        run.reasons.append(Note("sender_fault"))
        return "exempt"
    if case.exemptions.force_majeure:
        run.cite(policy.clause("exemption"))
        if case.insured:
            run.reasons.append(Note("force_majeure_insured"))
            return None
        run.reasons.append(Note("force_majeure"))
        if case.incident is Incident.LOSS:
            run.cite(FORCE_MAJEURE_FEE_CLAUSE)
            run.reasons.append(Note("force_majeure_fee_refund"))
            return "force_majeure_fee"
        return "exempt"
    return None


def _time_barred(
    run: Run, case: Case, policy: Policy, calendar: WorkCalendar, now: datetime | None
) -> bool:
    """Step 1. The claim date is ``claim_at``, else `now` for a claim not sent yet (its codes
    end in ``_unfiled``); with neither, only the last day is stated. An inquiry within the year
    keeps a late claim alive (A.2 c)."""
    posted = local_date(case.posted_at)
    deadline = claim_deadline(posted)
    moment = case.claim_at or now
    if moment is None:
        run.step("time_bar_pending", posted=posted, deadline=deadline)
        return False
    suffix = "" if case.claim_at is not None else "_unfiled"
    claimed = local_date(moment)
    extended = roll_to_workday(deadline, calendar).day if claimed > deadline else deadline
    inquired = local_date(case.inquired_at) if case.inquired_at else None
    inquired_in_time = inquired is not None and inquired <= extended
    if claimed > extended:
        if not inquired_in_time:
            run.cite(policy.clause("time_bar"))
            run.reasons.append(
                Note(
                    "time_barred" + suffix,
                    {"posted": posted, "deadline": extended, "claimed": claimed},
                )
            )
            run.step("time_bar_passed" + suffix, posted=posted, deadline=extended, claimed=claimed)
            if inquired is not None:
                run.step("inquiry_too_late", inquired=inquired, deadline=extended)
            return True
        run.cite(policy.clause("time_bar"), policy.clause("exemption"))
        run.warnings.append(
            Note("claim_late_after_inquiry", {"deadline": extended, "inquired": inquired})
        )
        run.step("time_bar_inquiry", posted=posted, deadline=extended, inquired=inquired)
    elif claimed > deadline:
        run.cite(policy.clause("time_bar"), "民法典 art. 203")
        run.warnings.append(Note("time_bar_extended", {"deadline": deadline, "extended": extended}))
        run.step("time_bar_ok" + suffix, posted=posted, deadline=extended, claimed=claimed)
    else:
        run.step("time_bar_ok" + suffix, posted=posted, deadline=deadline, claimed=claimed)
    if inquired is not None and inquired_in_time and claimed <= extended:
        run.step("inquiry_recorded", inquired=inquired, deadline=extended)
    return False


def _final_delay(run: Run, case: Case, policy: Policy, now: datetime | None) -> bool:
    """Whether a delayed parcel counts as lost: still undelivered when the policy's final-delay
    limit after the promised delivery time has passed (A.2 b)."""
    if case.promised_at is None:
        run.advice.append(Note("promised_time_missing"))
        return False
    limit = policy.final_delay_days.get(case.region.value)
    if limit is None:
        run.warnings.append(Note("final_delay_unknown"))
        return False
    promised = case.promised_at
    final = promised + timedelta(days=limit)
    delivered = case.signer.signed_at if case.signer else None
    params = {"promised": local_date(promised), "days": limit, "final": local_date(final)}
    if delivered is not None:
        run.step("final_delay_delivered", delivered=local_date(delivered), **params)
        return False
    moment = case.claim_at or now  # the claim, or today for one not sent yet
    if moment is None or moment < final:
        run.step("final_delay_not_yet", **params)
        run.advice.append(Note("final_delay_wait", {"final": local_date(final)}))
        return False
    run.step("final_delay_reached", **params)
    return True


def _treatment(
    run: Run, case: Case, policy: Policy, now: datetime | None
) -> tuple[str, Decimal, str]:
    """Decide full/partial loss or fee-only, cite the clauses, return the lost share r and the
    incident kind whose fee waiver applies."""
    lost: Decimal | None = None
    full = True
    kind = case.incident.value
    if case.incident is Incident.DELAY:
        run.cite(policy.clause("delay"))
        if case.delay and case.delay.value_destroyed:
            run.cite(policy.clause("damage"))
            lost = case.delay.lost_value
            full = lost is None or lost == case.goods_value
            run.reasons.append(Note("delay_value_destroyed"))
            kind = "damage"
        elif _final_delay(run, case, policy, now):
            run.cite(FINAL_DELAY_CLAUSE, policy.clause("loss"))
            run.reasons.append(Note("final_delay_loss"))
            kind = "loss"
        else:
            run.reasons.append(Note("delay_fee_refund"))
            return "fee_only", ZERO, kind
    elif case.incident is Incident.LOSS:
        run.cite(policy.clause("loss"))
        run.reasons.append(Note("loss"))
    elif case.incident is Incident.DAMAGE:
        assert case.damage is not None
        run.cite(policy.clause("damage"))
        full = case.damage.extent is Extent.FULL
        lost = case.damage.lost_value
        run.reasons.append(Note("damage_full" if full else "damage_partial"))
    else:
        assert case.mismatch is not None
        run.cite(policy.clause("mismatch"), policy.clause("damage"))
        full = case.mismatch.kind is MismatchKind.WRONG_ITEM
        lost = case.mismatch.lost_value
        run.reasons.append(Note("mismatch_wrong_item" if full else "mismatch_short"))
    if full:
        run.step("full_loss")
        return "full_loss", ONE, kind
    assert lost is not None
    ratio = lost / case.goods_value
    run.step(
        "ratio", lost=fmt(lost), goods=fmt(case.goods_value), ratio=fmt(ratio, 4), eq=eq(ratio)
    )
    return "partial_loss", ratio, kind


def _signer_notes(run: Run, case: Case) -> None:
    signer = case.signer
    if signer is None:
        return
    if signer.who is SignerWho.UNAUTHORIZED or signer.placed_without_consent:
        # Advice to the seller only: art. 604 (risk is the seller's until delivery) is between
        # seller and buyer, so it is not a basis of the claim against the courier.
        run.advice.append(Note("refund_buyer_first"))
        if case.incident is not Incident.LOSS and signer.who is SignerWho.UNAUTHORIZED:
            run.advice.append(Note("claim_as_loss"))
    if signer.who is SignerWho.UNKNOWN:
        run.advice.append(Note("verify_signer"))
    if (
        signer.who in (SignerWho.BUYER, SignerWho.AUTHORIZED)
        and not signer.inspected
        and case.incident in (Incident.DAMAGE, Incident.MISMATCH)
    ):
        run.cite("民法典 art. 831")
        run.warnings.append(Note("signed_without_inspection"))


def _result(
    run: Run,
    context: tuple[Case, Policy, CarrierGuess, PolicyChoice],
    fee_exact: Decimal,
    value_exact: Decimal,
    actual: Decimal | None,
    eligible: bool,
    treatment: str,
) -> Assessment:
    case, policy, carrier, choice = context
    amount = round_yuan(fee_exact + value_exact)
    fee_refund = round_yuan(fee_exact)
    if eligible:
        value = amount - fee_refund
        if fee_exact == fee_refund and value_exact == value:
            run.step("total", fee_refund=fee_refund, value=value, amount=amount)
        else:  # show the rounding once: the exact sum, then the fen figures it gives
            run.step(
                "total_rounded",
                fee_exact=fmt(fee_exact, 4),
                value_exact=fmt(value_exact, 4),
                sum_exact=fmt(fee_exact + value_exact, 4),
                eq=eq(fee_exact + value_exact),
                fee_refund=fee_refund,
                value=value,
                amount=amount,
            )
    if actual is not None and eligible:
        run.step(
            "actual_loss",
            fee=fmt(case.service_fee),
            lost=fmt(actual - case.service_fee),
            actual=actual,
        )
    claim, claim_warnings = choose_claim(
        wanted=case.claim_basis,
        insured=case.insured,
        eligible=eligible,
        amount=amount,
        fee_refund=fee_refund,
        service_fee=case.service_fee,
        actual=actual,
    )
    run.warnings.extend(claim_warnings)
    if claim.basis is ClaimBasis.COURIER_TERMS and actual is not None and actual > amount:
        run.advice.append(Note("claim_actual_loss", {"actual": actual, "amount": amount}))
    if eligible:
        run.step(f"claim_{claim.basis.value}", amount=claim.amount, terms=amount)
    return Assessment(
        eligible=eligible,
        amount=amount,
        fee_refund=fee_refund,
        value_compensation=amount - fee_refund,
        actual_loss_claim=actual,
        basis=tuple(run.basis),
        reasons=tuple(run.reasons),
        warnings=tuple(run.warnings),
        advice=tuple(run.advice),
        steps=tuple(run.steps),
        policy=policy,
        carrier=carrier,
        treatment=treatment,
        claim=claim,
        policy_choice=choice,
    )
