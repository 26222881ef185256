"""Properties of the engine that must hold for every case, checked with hypothesis."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from seller_app.domain.rules import assess
from tests.conftest import make_case

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)
fees = st.decimals(min_value=Decimal("0"), max_value=Decimal("500"), places=2)
weights = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("200"), places=3)
policies = st.sampled_from(["standard", "sf"])


@st.composite
def cases(draw: Any) -> dict[str, Any]:
    goods = draw(money)
    incident = draw(st.sampled_from(["delay", "loss", "damage", "mismatch"]))
    lost = draw(st.decimals(min_value=Decimal("0.01"), max_value=goods, places=2))
    data: dict[str, Any] = {
        "incident": incident,
        "goods_value": str(goods),
        "service_fee": str(draw(fees)),
        "weight_kg": str(draw(weights)),
        "insured_value": draw(st.none() | money.map(str)),
        "policy": draw(policies),
        "claim_at": draw(st.sampled_from(["2026-11-12", "2027-11-11", "2027-11-12"])),
        "exemptions": {"sender_fault": draw(st.booleans()), "force_majeure": draw(st.booleans())},
    }
    if incident == "damage":
        data["damage"] = draw(
            st.sampled_from([{"extent": "full"}, {"extent": "partial", "lost_value": str(lost)}])
        )
    elif incident == "mismatch":
        data["mismatch"] = draw(
            st.sampled_from([{"kind": "wrong_item"}, {"kind": "short", "lost_value": str(lost)}])
        )
    elif draw(st.booleans()):
        data["delay"] = {"value_destroyed": draw(st.booleans()), "lost_value": str(lost)}
    return data


@settings(max_examples=300, deadline=None)
@given(cases())
def test_amount_is_bounded_and_consistent(catalog: Any, data: dict[str, Any]) -> None:
    case = make_case(**data)
    result = assess(case, catalog)
    assert Decimal(0) <= result.amount <= case.service_fee + case.goods_value
    assert result.fee_refund + result.value_compensation == result.amount
    assert result.fee_refund >= 0 and result.value_compensation >= 0
    assert result.fee_refund <= case.service_fee
    assert result.amount == result.amount.quantize(Decimal("0.01"))
    if not result.eligible:
        assert result.amount == 0
    if result.actual_loss_claim is not None:
        assert result.actual_loss_claim <= case.service_fee + case.goods_value


@settings(max_examples=200, deadline=None)
@given(
    goods=money,
    fee=fees,
    kg=weights,
    insured=st.none() | money.map(str),
    policy=policies,
    fractions=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=2),
)
def test_monotone_in_lost_value(
    catalog: Any,
    goods: Decimal,
    fee: Decimal,
    kg: Decimal,
    insured: str | None,
    policy: str,
    fractions: list[int],
) -> None:
    low, high = sorted(fractions)
    amounts = []
    for share in (low, high):
        lost = max(Decimal("0.01"), (goods * share / 1000).quantize(Decimal("0.01")))
        case = make_case(
            incident="damage",
            goods_value=str(goods),
            service_fee=str(fee),
            weight_kg=str(kg),
            insured_value=insured,
            policy=policy,
            damage={"extent": "partial", "lost_value": str(lost)},
        )
        amounts.append(assess(case, catalog).amount)
    assert amounts[0] <= amounts[1]
