"""The compensation engine, clause by clause: one row per case, the expected figures beside it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from seller_app.domain.rules import assess, claim_deadline
from tests.conftest import make_case

D = Decimal

# Base case: standard policy, uninsured, service fee 12, goods 300, 2 kg, posted 2026-11-11.
# Uninsured cap L = min(5 × 12, 100 × 2, 300) = 60.


def run(catalog: Any, **overrides: Any) -> Any:
    """Assess under the standard policy unless a row names another (the base case's number is
    SF's, whose terms would otherwise apply by default)."""
    overrides.setdefault("policy", "standard")
    return assess(make_case(**overrides), catalog)


# --------------------------------------------------------------------------- A.4 time bar


@pytest.mark.parametrize(
    ("posted", "claimed", "eligible"),
    [
        ("2026-03-10T09:00", "2027-03-10T23:59", True),  # the anniversary itself is in time
        ("2026-03-10T09:00", "2027-03-11T00:00", False),  # the day after is too late
        ("2024-02-29T12:00", "2025-02-28T20:00", True),  # 29 Feb -> 28 Feb
        ("2024-02-29T12:00", "2025-03-01T00:01", False),
        ("2026-12-31T23:30", "2027-12-31T23:59", True),  # year end
        # Dates are Shanghai dates: 2026-03-10T20:00Z is already 11 March in Shanghai.
        ("2026-03-10T20:00+00:00", "2027-03-11T10:00", True),
        # Anniversary 1 Oct 2026 falls in the National Day holiday (1-7 Oct): the period runs to
        # the next working day, 8 Oct (民法典 art. 203); 9 Oct is too late.
        ("2025-10-01T10:00", "2026-10-08T18:00", True),
        ("2025-10-01T10:00", "2026-10-09T09:00", False),
        # Anniversary on a Saturday (14 Nov 2026) runs to Monday 16 Nov.
        ("2025-11-14T10:00", "2026-11-16T10:00", True),
        ("2025-11-14T10:00", "2026-11-17T10:00", False),
    ],
)
def test_time_bar(catalog: Any, posted: str, claimed: str, eligible: bool) -> None:
    result = run(catalog, posted_at=posted, claim_at=claimed)
    assert result.eligible is eligible
    if not eligible:
        assert result.amount == 0
        assert result.basis == ("A.4",)
        assert [r.code for r in result.reasons] == ["time_barred"]


def test_time_bar_extension_is_flagged(catalog: Any) -> None:
    result = run(catalog, posted_at="2025-10-01T10:00", claim_at="2026-10-08T18:00")
    assert "time_bar_extended" in {w.code for w in result.warnings}
    assert {"A.4", "民法典 art. 203"} <= set(result.basis)
    in_time = run(catalog, posted_at="2025-11-11T10:00", claim_at="2026-11-11T23:00")
    assert "time_bar_extended" not in {w.code for w in in_time.warnings}


@pytest.mark.parametrize(
    ("posted", "deadline"),
    [
        ("2024-02-29", "2025-02-28"),
        ("2023-02-28", "2024-02-28"),
        ("2026-01-31", "2027-01-31"),
        ("2026-12-31", "2027-12-31"),
    ],
)
def test_claim_deadline(posted: str, deadline: str) -> None:
    from datetime import date

    assert claim_deadline(date.fromisoformat(posted)) == date.fromisoformat(deadline)


# --------------------------------------------------------------------------- A.2 exemptions


@pytest.mark.parametrize(
    ("exemptions", "insured_value", "eligible", "amount"),
    [
        ({"sender_fault": True}, None, False, "0.00"),
        ({"sender_fault": True}, "300", False, "0.00"),  # insurance does not cover sender fault
        # Lost by force majeure, uninsured: no value, but the freight paid is returned (art. 835).
        ({"force_majeure": True}, None, True, "12.00"),
        ({"force_majeure": True}, "300", True, "312.00"),  # insured parcels are still paid
        ({"force_majeure": False, "sender_fault": False}, None, True, "72.00"),
    ],
)
def test_exemptions(
    catalog: Any,
    exemptions: dict[str, bool],
    insured_value: str | None,
    eligible: bool,
    amount: str,
) -> None:
    result = run(catalog, exemptions=exemptions, insured_value=insured_value)
    assert result.eligible is eligible
    assert result.amount == D(amount)
    if not eligible:
        assert result.basis == ("A.2",)
    if exemptions.get("force_majeure") and insured_value is None:
        assert (result.fee_refund, result.value_compensation) == (D("12.00"), D("0.00"))
        assert "民法典 art. 835" in result.basis


def test_time_bar_is_checked_before_exemptions(catalog: Any) -> None:
    result = run(catalog, claim_at="2027-11-12", exemptions={"sender_fault": True})
    assert result.basis == ("A.4",)


# --------------------------------------------------------------------------- A.3.1 delay


@pytest.mark.parametrize(
    ("delay", "insurance_fee", "amount", "fee", "value", "basis"),
    [
        (None, "0", "12.00", "12.00", "0.00", ("A.3.1",)),
        # The insurance fee is never refunded.
        (None, "3", "12.00", "12.00", "0.00", ("A.3.1",)),
        (
            {"value_destroyed": False, "lost_value": "100"},
            "0",
            "12.00",
            "12.00",
            "0.00",
            ("A.3.1",),
        ),
        # Value destroyed, no lost_value -> full damage: 12 + min(60, 200, 300) = 72.
        ({"value_destroyed": True}, "0", "72.00", "12.00", "60.00", ("A.3.1", "A.3.3")),
        (
            {"value_destroyed": True, "lost_value": "300"},
            "0",
            "72.00",
            "12.00",
            "60.00",
            ("A.3.1", "A.3.3"),
        ),
        # Partial: r = 150/300 = 0.5 -> 0.5 × (12 + 60) = 36.
        (
            {"value_destroyed": True, "lost_value": "150"},
            "0",
            "36.00",
            "6.00",
            "30.00",
            ("A.3.1", "A.3.3"),
        ),
    ],
)
def test_delay(
    catalog: Any,
    delay: dict[str, Any] | None,
    insurance_fee: str,
    amount: str,
    fee: str,
    value: str,
    basis: tuple[str, ...],
) -> None:
    result = run(catalog, incident="delay", delay=delay, insurance_fee=insurance_fee)
    assert (result.amount, result.fee_refund, result.value_compensation) == (
        D(amount),
        D(fee),
        D(value),
    )
    assert result.basis[: len(basis)] == basis


# --------------------------------------------------------------------------- A.3.2 loss


@pytest.mark.parametrize(
    ("fee", "kg", "goods", "insured", "amount", "value"),
    [
        # Uninsured: L = min(5 × fee, 100 × kg, goods).
        ("12", "2", "300", None, "72.00", "60.00"),  # fee cap binds
        ("12", "0.5", "300", None, "62.00", "50.00"),  # weight cap binds: 100 × 0.5 = 50
        ("12", "2", "40", None, "52.00", "40.00"),  # goods value binds
        ("10", "0.5", "300", None, "60.00", "50.00"),  # caps cross: 5 × 10 = 50 = 100 × 0.5
        ("10", "0.49", "300", None, "59.00", "49.00"),  # just past the crossing
        # Insured: min(insured, goods).
        ("12", "2", "300", "300", "312.00", "300.00"),
        ("12", "2", "300", "200", "212.00", "200.00"),  # under-insured
        ("12", "2", "300", "500", "312.00", "300.00"),  # over-insured pays the real value
        # A tiny fee: 5 × 0.33 = 1.65 binds before the weight and the goods.
        ("0.33", "2", "300", None, "1.98", "1.65"),
    ],
)
def test_loss(
    catalog: Any,
    fee: str,
    kg: str,
    goods: str,
    insured: str | None,
    amount: str,
    value: str,
) -> None:
    result = run(catalog, service_fee=fee, weight_kg=kg, goods_value=goods, insured_value=insured)
    assert result.eligible
    assert result.amount == D(amount)
    assert result.value_compensation == D(value)
    assert result.fee_refund + result.value_compensation == result.amount
    assert "A.3.2" in result.basis


def test_loss_warnings(catalog: Any) -> None:
    under = run(catalog, insured_value="200")
    assert "under_insured" in {w.code for w in under.warnings}
    over = run(catalog, insured_value="500")
    assert "over_insured" in {w.code for w in over.warnings}
    capped = run(catalog)
    assert "uninsured_cap_applied" in {w.code for w in capped.warnings}
    exact = run(catalog, insured_value="300")
    assert not {"under_insured", "over_insured"} & {w.code for w in exact.warnings}


# --------------------------------------------------------------------------- A.3.3 damage


@pytest.mark.parametrize(
    ("damage", "insured", "amount", "fee", "actual"),
    [
        ({"extent": "full"}, None, "72.00", "12.00", "312.00"),
        ({"extent": "partial", "lost_value": "120"}, None, "28.80", "4.80", "132.00"),
        ({"extent": "partial", "lost_value": "300"}, None, "72.00", "12.00", "312.00"),
        ({"extent": "partial", "lost_value": "0.01"}, None, "0.00", "0.00", "12.01"),
        ({"extent": "partial", "lost_value": "120"}, "300", "124.80", "4.80", None),
        # Under-insured partial: 0.4 × (12 + 150) = 64.8.
        ({"extent": "partial", "lost_value": "120"}, "150", "64.80", "4.80", None),
        # r = 100/300 = 1/3, never rounded before the end: (12 + 60)/3 = 24.
        ({"extent": "partial", "lost_value": "100"}, None, "24.00", "4.00", "112.00"),
    ],
)
def test_damage(
    catalog: Any,
    damage: dict[str, Any],
    insured: str | None,
    amount: str,
    fee: str,
    actual: str | None,
) -> None:
    result = run(catalog, incident="damage", damage=damage, insured_value=insured)
    assert result.amount == D(amount)
    assert result.fee_refund == D(fee)
    assert result.actual_loss_claim == (None if actual is None else D(actual))
    assert "A.3.3" in result.basis


def test_partial_damage_half_up_rounding(catalog: Any) -> None:
    # r = 1/8: 0.125 × (1 + 5) = 0.75 total; fee 0.125 -> 0.13, value = 0.75 - 0.13 = 0.62.
    result = run(
        catalog,
        incident="damage",
        service_fee="1",
        goods_value="8",
        weight_kg="1",
        damage={"extent": "partial", "lost_value": "1"},
    )
    assert (result.amount, result.fee_refund, result.value_compensation) == (
        D("0.75"),
        D("0.13"),
        D("0.62"),
    )


# --------------------------------------------------------------------------- A.3.4 mismatch


@pytest.mark.parametrize(
    ("mismatch", "amount", "treatment"),
    [
        ({"kind": "wrong_item"}, "72.00", "full_loss"),
        ({"kind": "short", "lost_value": "150"}, "36.00", "partial_loss"),
    ],
)
def test_mismatch(catalog: Any, mismatch: dict[str, Any], amount: str, treatment: str) -> None:
    result = run(catalog, incident="mismatch", mismatch=mismatch)
    assert result.amount == D(amount)
    assert result.treatment == treatment
    assert result.basis[:2] == ("A.3.4", "A.3.3")


# --------------------------------------------------------------------------- signer (seed 002)


@pytest.mark.parametrize(
    ("incident", "signer", "advice", "warnings"),
    [
        (
            "damage",
            {"who": "unauthorized", "inspected": False},
            {"refund_buyer_first", "claim_as_loss"},
            set(),
        ),
        ("loss", {"who": "unauthorized", "inspected": False}, {"refund_buyer_first"}, set()),
        (
            "damage",
            {"who": "buyer", "inspected": True, "placed_without_consent": True},
            {"refund_buyer_first"},
            set(),
        ),
        ("damage", {"who": "buyer", "inspected": False}, set(), {"signed_without_inspection"}),
        (
            "mismatch",
            {"who": "authorized", "inspected": False},
            set(),
            {"signed_without_inspection"},
        ),
        ("damage", {"who": "buyer", "inspected": True}, set(), set()),
        ("delay", {"who": "buyer", "inspected": False}, set(), set()),
        ("damage", {"who": "unknown", "inspected": False}, {"verify_signer"}, set()),
    ],
)
def test_signer(
    catalog: Any,
    incident: str,
    signer: dict[str, Any],
    advice: set[str],
    warnings: set[str],
) -> None:
    extra: dict[str, Any] = {
        "damage": {"extent": "full"} if incident == "damage" else None,
        "mismatch": {"kind": "wrong_item"} if incident == "mismatch" else None,
    }
    result = run(catalog, incident=incident, signer=signer, **extra)
    assert result.eligible  # signing is only preliminary evidence: never a refusal
    signer_advice = {"refund_buyer_first", "claim_as_loss", "verify_signer"}
    assert {a.code for a in result.advice} & signer_advice == advice
    assert {w.code for w in result.warnings} & {"signed_without_inspection"} == warnings


# --------------------------------------------------------------------------- civil-law figure


@pytest.mark.parametrize(
    ("overrides", "actual", "claim", "advises"),
    [
        ({}, "312.00", "actual_loss", False),  # loss: fee + goods, claimed by default
        # The seller chose the terms figure: the civil-law figure is still advised.
        ({"claim_basis": "courier_terms"}, "312.00", "courier_terms", True),
        ({"goods_value": "40"}, "52.00", "courier_terms", False),  # the cap did not bite
        ({"insured_value": "300"}, None, "courier_terms", False),  # insured: insurance terms
        ({"incident": "delay"}, None, "courier_terms", False),  # plain delay: no goods lost
        ({"exemptions": {"sender_fault": True}}, None, "courier_terms", False),  # not eligible
    ],
)
def test_actual_loss_claim(
    catalog: Any, overrides: dict[str, Any], actual: str | None, claim: str, advises: bool
) -> None:
    result = run(catalog, **overrides)
    assert result.actual_loss_claim == (None if actual is None else D(actual))
    assert result.claim.basis == claim
    assert ("claim_actual_loss" in {a.code for a in result.advice}) is advises
    if claim == "actual_loss":
        assert {"民法典 art. 832", "民法典 art. 833"} <= set(result.claim.clauses)


# --------------------------------------------------------------------------- sf policy (data)


@pytest.mark.parametrize(
    ("overrides", "amount", "value"),
    [
        # Uninsured loss: min(actual 300, 7 × 12 = 84) = 84, plus the fee.
        ({}, "96.00", "84.00"),
        # Undeclared value over 1,000 counts as 1,000; 7 × 200 = 1400 cap does not bind.
        ({"service_fee": "200", "goods_value": "3000"}, "1200.00", "1000.00"),
        # Partial, absolute cap: loss 0.4 × 300 = 120 > 84 -> 84; the whole fee 12 is waived.
        (
            {"incident": "damage", "damage": {"extent": "partial", "lost_value": "120"}},
            "96.00",
            "84.00",
        ),
        # Partial under the cap: 0.1 × 300 = 30 < 84, plus the whole fee.
        (
            {"incident": "damage", "damage": {"extent": "partial", "lost_value": "30"}},
            "42.00",
            "30.00",
        ),
        # Salvage kept by the seller is deducted: 84 - 20 = 64.
        (
            {"incident": "damage", "damage": {"extent": "full"}, "salvage_value": "20"},
            "76.00",
            "64.00",
        ),
        # Partial damage: lost_value is already net of what is left, so salvage is not deducted.
        (
            {
                "incident": "damage",
                "damage": {"extent": "partial", "lost_value": "120"},
                "salvage_value": "50",
            },
            "96.00",
            "84.00",
        ),
        # Insured pro rata: 150/300 × 120 = 60, plus the whole fee.
        (
            {
                "incident": "damage",
                "damage": {"extent": "partial", "lost_value": "120"},
                "insured_value": "150",
            },
            "72.00",
            "60.00",
        ),
    ],
)
def test_sf_policy(catalog: Any, overrides: dict[str, Any], amount: str, value: str) -> None:
    result = run(catalog, policy="sf", **overrides)
    assert result.policy.id == "sf"
    assert result.amount == D(amount)
    assert result.value_compensation == D(value)


def test_standard_ignores_salvage(catalog: Any) -> None:
    result = run(catalog, incident="damage", damage={"extent": "full"}, salvage_value="20")
    assert result.amount == D("72.00")


def test_every_cited_clause_is_quoted(catalog: Any) -> None:
    for policy in catalog.policies.values():
        for clause_id in policy.clauses.values():
            assert catalog.texts.clause(clause_id).quote
    for clause_id in ("民法典 art. 604", "民法典 art. 831", "民法典 art. 832", "民法典 art. 833"):
        assert catalog.texts.clause(clause_id).quote


def test_sf_parcel_on_standard_policy_suggests_sf_terms(catalog: Any) -> None:
    result = run(catalog)
    assert "carrier_policy_available" in {a.code for a in result.advice}
    assert "carrier_policy_available" not in {a.code for a in run(catalog, policy="sf").advice}


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"carrier": "jd"}, "carrier_mismatch"),
        ({"tracking_numbers": ["ABCDEF123"]}, "carrier_unknown"),
        ({"tracking_numbers": ["755123456789"]}, "carrier_ambiguous"),
    ],
)
def test_carrier_warnings(catalog: Any, overrides: dict[str, Any], code: str) -> None:
    assert code in {w.code for w in run(catalog, **overrides).warnings}
