"""The figures of an assessment: the freight waived and the goods' value compensated under one
policy, each step recorded as a `Note` for the calculation in words (see `rules` for the order).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .case import Case
from .money import ZERO
from .notes import Note, both
from .policies import FeeWaiver, PartialCap, Policy

ONE = Decimal(1)
SENDER_KIND_WORDS = {
    "ordinary": both("散单客户", "ordinary sender"),
    "monthly_account": both("月结客户", "monthly-account customer"),
}


def fmt(value: Decimal, places: int = 2) -> str:
    """Show a figure in a calculation step: at most `places` decimals, trailing zeros trimmed.
    Display only; the engine keeps computing with the exact value."""
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def eq(value: Decimal, places: int = 4) -> str:
    """The sign before a figure shown with `fmt`: "=" when it is the exact value, "≈" when the
    display rounded it (the engine goes on with the exact value, so the reader sees why a later
    figure differs in the last digit)."""
    return "=" if value == value.quantize(Decimal(1).scaleb(-places)) else "≈"


class Run:
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


def fee_waived(run: Run, case: Case, policy: Policy, kind: str, ratio: Decimal) -> Decimal:
    """The freight waived for this incident kind, as the policy says."""
    waiver = policy.waiver(kind)
    fee = case.service_fee
    if waiver is FeeWaiver.NONE:
        run.step("fee_not_waived", fee=fmt(fee))
        return ZERO
    if waiver is FeeWaiver.PROPORTIONAL and ratio not in (ZERO, ONE):
        refund = ratio * fee
        run.step(
            "fee_refund_partial",
            fee=fmt(fee),
            ratio=fmt(ratio, 4),
            refund=fmt(refund, 4),
            eq=eq(refund),
        )
        return refund
    run.step("fee_refund_full", fee=fmt(fee))
    return fee


def value_compensated(run: Run, case: Case, policy: Policy, ratio: Decimal) -> Decimal:
    goods = case.goods_value
    if case.insured:
        assert case.insured_value is not None
        run.cite(policy.clause("insured"))
        base = min(case.insured_value, goods)
        run.step("insured_base", insured=fmt(case.insured_value), goods=fmt(goods), base=fmt(base))
        if case.insured_value < goods:
            run.warnings.append(
                Note("under_insured", {"insured": fmt(case.insured_value), "goods": fmt(goods)})
            )
        elif case.insured_value > goods:
            run.warnings.append(
                Note("over_insured", {"insured": fmt(case.insured_value), "goods": fmt(goods)})
            )
        value = ratio * base
        run.step(
            "value_scaled", ratio=fmt(ratio, 4), base=fmt(base), value=fmt(value, 4), eq=eq(value)
        )
    else:
        value = uninsured_value(run, case, policy, ratio)
    if policy.salvage_deducted and case.salvage_value and ratio == ONE:
        run.cite(policy.clause("salvage"))
        value = max(ZERO, value - case.salvage_value)
        run.step("salvage", salvage=fmt(case.salvage_value), value=fmt(value, 4))
    return value


def policy_caps(run: Run, case: Case, policy: Policy) -> list[Decimal]:
    """The uninsured caps the policy sets for this case, each shown as a step."""
    caps = []
    fee = case.service_fee
    multiple = policy.multiple_for(case.sender_kind.value if case.sender_kind else None)
    if multiple is not None:
        by_fee = multiple * fee
        caps.append(by_fee)
        if policy.freight_multiples:
            kind = case.sender_kind.value if case.sender_kind else "ordinary"
            run.step(
                "cap_freight_tier",
                multiple=fmt(multiple),
                fee=fmt(fee),
                cap=fmt(by_fee, 4),
                kind=SENDER_KIND_WORDS[kind],
            )
        else:
            run.step("cap_freight", multiple=fmt(multiple), fee=fmt(fee), cap=fmt(by_fee, 4))
    if policy.per_kg_cap is not None:
        by_weight = policy.per_kg_cap * case.weight_kg
        caps.append(by_weight)
        run.step(
            "cap_weight",
            per_kg=fmt(policy.per_kg_cap),
            kg=fmt(case.weight_kg, 3),
            cap=fmt(by_weight, 4),
        )
    if policy.absolute_cap is not None:
        caps.append(policy.absolute_cap)
        run.step("cap_absolute", cap=fmt(policy.absolute_cap))
    if policy.no_proof_freight_multiple is not None and not case.value_proofs:
        by_proof = policy.no_proof_freight_multiple * fee
        caps.append(by_proof)
        run.step(
            "cap_no_proof",
            multiple=fmt(policy.no_proof_freight_multiple),
            fee=fmt(fee),
            cap=fmt(by_proof, 4),
        )
        run.warnings.append(
            Note("no_value_proof", {"multiple": fmt(policy.no_proof_freight_multiple)})
        )
    return caps


def uninsured_value(run: Run, case: Case, policy: Policy, ratio: Decimal) -> Decimal:
    goods = case.goods_value
    run.cite(policy.clause("uninsured"))
    if policy.undeclared_value_cap is not None and goods > policy.undeclared_value_cap:
        run.step("undeclared_cap", goods=fmt(goods), cap=fmt(policy.undeclared_value_cap))
        run.warnings.append(
            Note("undeclared_value_capped", {"cap": fmt(policy.undeclared_value_cap)})
        )
        goods = policy.undeclared_value_cap
    caps = policy_caps(run, case, policy)
    cap = min(caps) if caps else None
    if policy.partial_cap is PartialCap.SCALED:
        base = goods if cap is None else min(cap, goods)
        run.step("uninsured_base", goods=fmt(goods), base=fmt(base))
        value = ratio * base
        run.step(
            "value_scaled", ratio=fmt(ratio, 4), base=fmt(base), value=fmt(value, 4), eq=eq(value)
        )
    else:
        loss = ratio * goods
        value = loss if cap is None else min(loss, cap)
        run.step(
            "value_capped",
            loss=fmt(loss, 4),
            cap=fmt(cap, 4) if cap is not None else "-",
            value=fmt(value, 4),
            eq=eq(value),
        )
    if cap is not None and cap < ratio * goods:
        run.warnings.append(Note("uninsured_cap_applied", {"cap": fmt(cap, 2)}))
    return value
