"""The compensation engine: one case and one policy in, an `Assessment` out.

Order of application (each step may end the assessment):

1. Time bar (A.4): claimed after posted date + 1 year (same month/day, 29 Feb -> 28 Feb) ->
   not eligible. The anniversary itself is still in time, and when it is not a working day the
   period runs to the next working day (民法典 art. 203), with a warning -- the same last day the
   schedule gives as ``legal_due``. The claim date is ``claim_at``; for a claim not sent yet it
   is the injected `now` (sent today), and without either the check only states the last day.
2. Sender fault or the goods' own nature (A.2 a) -> not eligible.
3. Force majeure (A.2 b) -> not eligible unless the parcel was insured.
4. Treatment: delay refunds the service fee (A.3.1) unless the delay destroyed the goods' value,
   which is handled as damage; loss (A.3.2) is a full loss; damage (A.3.3) is full or partial;
   mismatch (A.3.4) is full damage for a wrong item and partial damage for short contents.
5. Share of value lost ``r``: 1 for a full loss, ``lost_value / goods_value`` for a partial one.
6. Value compensation, insured: ``r × min(insured_value, goods_value)``. Uninsured: the goods
   value is first limited by the policy's undeclared-value cap, then the policy's caps
   ``C = min(freight_multiple × service_fee, per_kg_cap × weight_kg)`` apply, ``scaled``
   (``r × min(C, V)``, A.3.3 b) or ``absolute`` (``min(r × V, C)``).
7. Salvage the seller keeps is deducted from a total loss when the policy says so (never below
   zero); a partial loss's ``lost_value`` is already net of what the goods are still worth.
8. Fee refund: the whole service fee for delay and full loss; for a partial loss its share ``r``
   (or all of it, by policy). The insurance fee is never refunded (A.3.1, A.3.2 a).
9. Signer checks (seed 002, 民法典 art. 831) add advice and warnings; they never change figures.

Rounding: nothing is rounded until the end. ``amount = round(fee + value)`` half-up to 0.01,
``fee_refund = round(fee)``, and ``value_compensation = amount - fee_refund`` so that the two
parts always add up to the amount printed on the form.

Worked example (standard, uninsured, partial damage): service fee 12, weight 2 kg, goods 300,
lost 120. r = 0.4; caps 5 × 12 = 60 and 100 × 2 = 200, so L = min(60, 200, 300) = 60;
value = 0.4 × 60 = 24; fee refund = 0.4 × 12 = 4.8; amount = 28.80.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .carriers import CarrierGuess
from .case import SHANGHAI, Case, Extent, Incident, MismatchKind, SignerWho
from .catalog import Catalog
from .money import ZERO, round_yuan
from .policies import FeeRefund, PartialCap, Policy
from .workdays import ChinaCalendar, WorkCalendar, roll_to_workday

ONE = Decimal(1)


@dataclass(frozen=True)
class Note:
    """A reason, warning, advice or calculation step: a text code and the values it shows."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Assessment:
    eligible: bool
    amount: Decimal
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


def claim_deadline(posted: date) -> date:
    """Posted date + 1 year, same month and day; 29 Feb becomes 28 Feb (A.4)."""
    try:
        return posted.replace(year=posted.year + 1)
    except ValueError:
        return posted.replace(year=posted.year + 1, day=28)


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def _fmt(value: Decimal, places: int = 2) -> str:
    """Show a figure in a calculation step: at most `places` decimals, trailing zeros trimmed.
    Display only; the engine keeps computing with the exact value."""
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Run:
    """Collects the notes of one assessment."""

    def __init__(self) -> None:
        self.basis: list[str] = []
        self.reasons: list[Note] = []
        self.warnings: list[Note] = []
        self.advice: list[Note] = []
        self.steps: list[Note] = []

    def cite(self, *clause_ids: str) -> None:
        for clause_id in clause_ids:
            if clause_id not in self.basis:
                self.basis.append(clause_id)

    def step(self, code: str, **params: Any) -> None:
        self.steps.append(Note(code, params))


def assess(
    case: Case,
    catalog: Catalog,
    calendar: WorkCalendar | None = None,
    *,
    now: datetime | None = None,
) -> Assessment:
    """Assess `case` under its policy profile; see the module docstring for the rules.
    `calendar` says which days are working days (default: mainland China's); `now` is the
    claim date of a claim not sent yet (the time bar, step 1)."""
    policy = catalog.policy(case.policy)
    carrier = catalog.carriers.guess(case.tracking_numbers, case.carrier)
    run = _Run()
    _carrier_notes(run, case, carrier, catalog, policy)
    if not policy.verified:
        run.warnings.append(Note("policy_unverified", {"policy": policy.id}))

    refusal = _exemption(run, case, policy, calendar or ChinaCalendar(), now)
    if refusal:
        _signer_notes(run, case)
        return _result(
            run, case, policy, carrier, ZERO, ZERO, None, eligible=False, treatment=refusal
        )

    treatment, ratio = _treatment(run, case, policy)
    fee_exact = case.service_fee
    value_exact = ZERO
    if treatment != "fee_only":
        value_exact = _value(run, case, policy, ratio)
        if ratio != ONE and policy.partial_fee_refund is FeeRefund.PROPORTIONAL:
            fee_exact = ratio * case.service_fee
            run.step(
                "fee_refund_partial",
                fee=_fmt(case.service_fee),
                ratio=_fmt(ratio, 4),
                refund=_fmt(fee_exact, 4),
            )
        else:
            run.step("fee_refund_full", fee=_fmt(case.service_fee))
    else:
        run.step("fee_refund_full", fee=_fmt(case.service_fee))
    if case.insurance_fee > 0:
        run.step("insurance_fee_kept", insurance_fee=_fmt(case.insurance_fee))

    actual = None
    if not case.insured and treatment != "fee_only":
        lost = case.goods_value * ratio
        if case.salvage_value and ratio == ONE:  # a partial lost_value already nets it out
            lost = max(ZERO, lost - case.salvage_value)
        actual = round_yuan(case.service_fee + lost)
    _signer_notes(run, case)
    return _result(run, case, policy, carrier, fee_exact, value_exact, actual, True, treatment)


def _carrier_notes(
    run: _Run, case: Case, carrier: CarrierGuess, catalog: Catalog, policy: Policy
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
    run: _Run, case: Case, policy: Policy, calendar: WorkCalendar, now: datetime | None
) -> str | None:
    posted = local_date(case.posted_at)
    deadline = claim_deadline(posted)
    if _time_barred(run, case, policy, calendar, now, posted, deadline):
        return "time_barred"
    if case.exemptions.sender_fault:
        run.cite(policy.clause("exemption"))
        run.reasons.append(Note("sender_fault"))
        return "exempt"
    if case.exemptions.force_majeure:
        run.cite(policy.clause("exemption"))
        if not case.insured:
            run.reasons.append(Note("force_majeure"))
            return "exempt"
        run.reasons.append(Note("force_majeure_insured"))
    return None


def _time_barred(
    run: _Run,
    case: Case,
    policy: Policy,
    calendar: WorkCalendar,
    now: datetime | None,
    posted: date,
    deadline: date,
) -> bool:
    """Step 1; for a claim not sent yet the codes say so (``..._unfiled``)."""
    moment = case.claim_at or now
    if moment is None:
        run.step("time_bar_pending", posted=posted, deadline=deadline)
        return False
    suffix = "" if case.claim_at is not None else "_unfiled"
    claimed = local_date(moment)
    if claimed > deadline:
        extended = roll_to_workday(deadline, calendar).day
        if claimed > extended:
            run.cite(policy.clause("time_bar"))
            run.reasons.append(
                Note(
                    "time_barred" + suffix,
                    {"posted": posted, "deadline": extended, "claimed": claimed},
                )
            )
            run.step("time_bar_passed" + suffix, posted=posted, deadline=extended, claimed=claimed)
            return True
        run.cite(policy.clause("time_bar"), "民法典 art. 203")
        run.warnings.append(Note("time_bar_extended", {"deadline": deadline, "extended": extended}))
        run.step("time_bar_ok" + suffix, posted=posted, deadline=extended, claimed=claimed)
    else:
        run.step("time_bar_ok" + suffix, posted=posted, deadline=deadline, claimed=claimed)
    return False


def _treatment(run: _Run, case: Case, policy: Policy) -> tuple[str, Decimal]:
    """Decide full/partial loss or fee-only, cite the clauses, return the lost share r."""
    lost: Decimal | None = None
    full = True
    if case.incident is Incident.DELAY:
        run.cite(policy.clause("delay"))
        if not (case.delay and case.delay.value_destroyed):
            run.reasons.append(Note("delay_fee_refund"))
            return "fee_only", ZERO
        run.cite(policy.clause("damage"))
        lost = case.delay.lost_value
        full = lost is None or lost == case.goods_value
        run.reasons.append(Note("delay_value_destroyed"))
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
        return "full_loss", ONE
    assert lost is not None
    ratio = lost / case.goods_value
    run.step("ratio", lost=_fmt(lost), goods=_fmt(case.goods_value), ratio=_fmt(ratio, 4))
    return "partial_loss", ratio


def _value(run: _Run, case: Case, policy: Policy, ratio: Decimal) -> Decimal:
    goods = case.goods_value
    if case.insured:
        assert case.insured_value is not None
        run.cite(policy.clause("insured"))
        base = min(case.insured_value, goods)
        run.step(
            "insured_base", insured=_fmt(case.insured_value), goods=_fmt(goods), base=_fmt(base)
        )
        if case.insured_value < goods:
            run.warnings.append(
                Note("under_insured", {"insured": _fmt(case.insured_value), "goods": _fmt(goods)})
            )
        elif case.insured_value > goods:
            run.warnings.append(
                Note("over_insured", {"insured": _fmt(case.insured_value), "goods": _fmt(goods)})
            )
        value = ratio * base
        run.step("value_scaled", ratio=_fmt(ratio, 4), base=_fmt(base), value=_fmt(value, 4))
    else:
        run.cite(policy.clause("uninsured"))
        if policy.undeclared_value_cap is not None and goods > policy.undeclared_value_cap:
            run.step("undeclared_cap", goods=_fmt(goods), cap=_fmt(policy.undeclared_value_cap))
            run.warnings.append(
                Note("undeclared_value_capped", {"cap": _fmt(policy.undeclared_value_cap)})
            )
            goods = policy.undeclared_value_cap
        caps = []
        if policy.freight_multiple is not None:
            by_fee = policy.freight_multiple * case.service_fee
            caps.append(by_fee)
            run.step(
                "cap_freight",
                multiple=_fmt(policy.freight_multiple),
                fee=_fmt(case.service_fee),
                cap=_fmt(by_fee, 4),
            )
        if policy.per_kg_cap is not None:
            by_weight = policy.per_kg_cap * case.weight_kg
            caps.append(by_weight)
            run.step(
                "cap_weight",
                per_kg=_fmt(policy.per_kg_cap),
                kg=_fmt(case.weight_kg, 3),
                cap=_fmt(by_weight, 4),
            )
        cap = min(caps) if caps else None
        if policy.partial_cap is PartialCap.SCALED:
            base = goods if cap is None else min(cap, goods)
            run.step("uninsured_base", goods=_fmt(goods), base=_fmt(base))
            value = ratio * base
            run.step("value_scaled", ratio=_fmt(ratio, 4), base=_fmt(base), value=_fmt(value, 4))
        else:
            loss = ratio * goods
            value = loss if cap is None else min(loss, cap)
            run.step(
                "value_capped",
                loss=_fmt(loss, 4),
                cap=_fmt(cap, 4) if cap else "-",
                value=_fmt(value, 4),
            )
        if cap is not None and cap < ratio * goods:
            run.warnings.append(Note("uninsured_cap_applied", {"cap": _fmt(cap, 2)}))
    if policy.salvage_deducted and case.salvage_value and ratio == ONE:
        run.cite(policy.clause("salvage"))
        value = max(ZERO, value - case.salvage_value)
        run.step("salvage", salvage=_fmt(case.salvage_value), value=_fmt(value, 4))
    return value


def _signer_notes(run: _Run, case: Case) -> None:
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
    run: _Run,
    case: Case,
    policy: Policy,
    carrier: CarrierGuess,
    fee_exact: Decimal,
    value_exact: Decimal,
    actual: Decimal | None,
    eligible: bool,
    treatment: str,
) -> Assessment:
    amount = round_yuan(fee_exact + value_exact)
    fee_refund = round_yuan(fee_exact)
    if eligible:
        run.step("total", fee_refund=fee_refund, value=amount - fee_refund, amount=amount)
    if actual is not None and actual > amount:
        run.cite("民法典 art. 832", "民法典 art. 833")
        run.advice.append(Note("claim_actual_loss", {"actual": actual, "amount": amount}))
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
    )
