"""The claim a seller should file (issue 12): which terms, the courier-terms figure, the actual
loss and the claim figure -- one row per case, the expected figures beside it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seller_app.domain.case import case_from_json, case_to_json
from seller_app.domain.errors import CaseError
from seller_app.domain.present import assessment_to_dict
from seller_app.domain.rules import assess
from tests.conftest import NOW, case_dict, make_case

D = Decimal

# The tea set of the issue: SF, goods 268, freight 18, 2.5 kg, 40 % broken, uninsured.
TEA_SET: dict[str, Any] = {
    "tracking_numbers": ["SF1234567890123"],
    "incident": "damage",
    "service_fee": "18",
    "goods_value": "268",
    "weight_kg": "2.5",
    "damage": {"extent": "partial", "lost_value": "107.20"},
}


def run(catalog: Any, **overrides: Any) -> Any:
    return assess(make_case(**overrides), catalog)


# --------------------------------------------------------------------------- which terms


@pytest.mark.parametrize(
    ("overrides", "policy", "chosen_by", "why"),
    [
        ({}, "sf", "carrier", "按顺丰条款计算：单号识别为顺丰"),
        ({"carrier": "sf", "tracking_numbers": ["ABCDEF123"]}, "sf", "carrier", "快递公司为顺丰"),
        ({"tracking_numbers": ["YT1234567890123"]}, "yto", "carrier", "按圆通条款计算"),
        ({"carrier": "zto", "tracking_numbers": ["ABCDEF123"]}, "zto", "carrier", "中通条款"),
        # An explicit policy in the case file still wins.
        ({"policy": "standard"}, "standard", "case", "案件指定了该条款"),
        # Couriers whose terms could not be found stay on the standard, with a notice.
        ({"tracking_numbers": ["JT1234567890123"]}, "standard", "fallback", "未找到极兔"),
        ({"carrier": "jd"}, "standard", "fallback", "未找到京东物流"),
        ({"carrier": "cainiao"}, "standard", "fallback", "未找到菜鸟速递"),
        ({"tracking_numbers": ["ABCDEF123"]}, "standard", "fallback", "无法识别快递公司"),
        # A 12-digit number fits several couriers: the likeliest one's terms, to be confirmed.
        ({"tracking_numbers": ["755123456789"]}, "sf", "carrier", "请确认快递公司"),
    ],
)
def test_policy_by_default(
    catalog: Any, overrides: dict[str, Any], policy: str, chosen_by: str, why: str
) -> None:
    result = run(catalog, **overrides)
    shown = assessment_to_dict(result, catalog.texts, "zh")
    assert result.policy.id == policy
    assert shown["policy"]["chosen_by"] == chosen_by
    assert why in shown["policy"]["why"]
    notice = "carrier_terms_missing" in {w.code for w in result.warnings}
    assert notice is (chosen_by == "fallback" and "未找到" in why)


def test_policy_reason_in_english(catalog: Any) -> None:
    shown = assessment_to_dict(run(catalog), catalog.texts, "en")
    assert shown["policy"]["why"] == (
        "Calculated under SF's terms: the tracking number is SF Express's"
    )


# --------------------------------------------------------------------------- the figures


@pytest.mark.parametrize(
    ("overrides", "amount", "fee", "actual", "claim_basis", "claim"),
    [
        # Tea set, SF by default: whole freight 18 + min(107.20, 7 × 18 = 126) = 125.20; the
        # actual loss 18 + 107.20 is not higher, so the claim asks for the terms figure.
        (TEA_SET, "125.20", "18.00", "125.20", "courier_terms", "125.20"),
        # The same under the national standard: 0.4 × (18 + min(90, 250, 268)) = 43.20; the
        # actual loss is higher and is claimed.
        ({**TEA_SET, "policy": "standard"}, "43.20", "7.20", "125.20", "actual_loss", "125.20"),
        # SF loss: 12 + min(300, 84) = 96; actual 312 claimed.
        ({}, "96.00", "12.00", "312.00", "actual_loss", "312.00"),
        # SF monthly-account customer: cap 9 × 12 = 108.
        ({"sender_kind": "monthly_account"}, "120.00", "12.00", "312.00", "actual_loss", "312.00"),
        ({"sender_kind": "ordinary"}, "96.00", "12.00", "312.00", "actual_loss", "312.00"),
        # SF waives the whole freight for delay too.
        ({"incident": "delay"}, "12.00", "12.00", None, "courier_terms", "12.00"),
        # SF short contents: whole fee + min(0.5 × 300, 84) = 96.
        (
            {"incident": "mismatch", "mismatch": {"kind": "short", "lost_value": "150"}},
            "96.00",
            "12.00",
            "162.00",
            "actual_loss",
            "162.00",
        ),
        # SF insured pro rata: insured 1,000 of 2,000, lost 500, freight 20: 20 + 250 = 270.
        (
            {
                "incident": "damage",
                "service_fee": "20",
                "goods_value": "2000",
                "insured_value": "1000",
                "damage": {"extent": "partial", "lost_value": "500"},
            },
            "270.00",
            "20.00",
            None,
            "courier_terms",
            "270.00",
        ),
        # Over-insured: never above the actual loss: 12 + 0.4 × 300 = 132.
        (
            {
                "incident": "damage",
                "insured_value": "900",
                "damage": {"extent": "partial", "lost_value": "120"},
            },
            "132.00",
            "12.00",
            None,
            "courier_terms",
            "132.00",
        ),
        # ZTO, value proof given: actual loss up to 500 per parcel; freight waived for loss.
        (
            {"carrier": "zto", "goods_value": "800", "value_proofs": ["invoice"]},
            "512.00",
            "12.00",
            "812.00",
            "actual_loss",
            "812.00",
        ),
        # ZTO without any value proof: 3 × freight = 36.
        (
            {"carrier": "zto", "goods_value": "800"},
            "48.00",
            "12.00",
            "812.00",
            "actual_loss",
            "812.00",
        ),
        # YTO: at most 300 per parcel; partial damage 0.5 × 800 = 400 -> 300 + 0.5 × 12.
        (
            {
                "carrier": "yto",
                "goods_value": "800",
                "incident": "damage",
                "damage": {"extent": "partial", "lost_value": "400"},
            },
            "306.00",
            "6.00",
            "412.00",
            "actual_loss",
            "412.00",
        ),
        # The seller's override: the terms figure although the actual loss is higher.
        ({"claim_basis": "courier_terms"}, "96.00", "12.00", "312.00", "courier_terms", "96.00"),
        # Choosing the actual loss where there is none (insured) keeps the terms figure.
        (
            {"claim_basis": "actual_loss", "insured_value": "300"},
            "312.00",
            "12.00",
            None,
            "courier_terms",
            "312.00",
        ),
    ],
)
def test_figures(
    catalog: Any,
    overrides: dict[str, Any],
    amount: str,
    fee: str,
    actual: str | None,
    claim_basis: str,
    claim: str,
) -> None:
    result = run(catalog, **overrides)
    assert result.amount == D(amount)
    assert result.fee_refund == D(fee)
    assert result.actual_loss_claim == (None if actual is None else D(actual))
    assert (result.claim.basis, result.claim.amount) == (claim_basis, D(claim))
    assert result.claim.fee + result.claim.goods == result.claim.amount


@pytest.mark.parametrize(
    ("overrides", "chosen_by", "warning"),
    [
        ({}, "default", None),
        ({"claim_basis": "actual_loss"}, "seller", None),
        ({"claim_basis": "courier_terms"}, "seller", None),
        ({"claim_basis": "actual_loss", "insured_value": "300"}, "default", "unavailable"),
        ({"claim_basis": "actual_loss", "goods_value": "40"}, "default", "not_higher"),
    ],
)
def test_claim_choice(
    catalog: Any, overrides: dict[str, Any], chosen_by: str, warning: str | None
) -> None:
    result = run(catalog, policy="standard", **overrides)
    assert result.claim.chosen_by == chosen_by
    codes = {w.code for w in result.warnings}
    if warning:
        assert f"claim_actual_{warning}" in codes or f"claim_actual_loss_{warning}" in codes
    else:
        assert not {c for c in codes if c.startswith("claim_actual")}


def test_assess_output_names_the_claim(catalog: Any) -> None:
    shown = assessment_to_dict(run(catalog, policy="standard"), catalog.texts, "zh")
    assert shown["amount"] == "72.00"
    assert shown["claim"]["basis"] == "actual_loss"
    assert shown["claim"]["amount"] == "312.00"
    assert "72.00" in shown["claim"]["why"] and "312.00" in shown["claim"]["why"]


# --------------------------------------------------------------------------- force majeure


@pytest.mark.parametrize(
    ("policy", "incident", "extra", "eligible", "amount", "fee"),
    [
        # Lost by force majeure, uninsured: the freight paid is returned (民法典 art. 835).
        ("standard", "loss", {}, True, "12.00", "12.00"),
        ("sf", "loss", {}, True, "12.00", "12.00"),
        # Damage by force majeure is not a loss (灭失): nothing is due.
        ("standard", "damage", {"damage": {"extent": "full"}}, False, "0.00", "0.00"),
        # Insured: paid as usual.
        ("standard", "loss", {"insured_value": "300"}, True, "312.00", "12.00"),
    ],
)
def test_force_majeure(
    catalog: Any,
    policy: str,
    incident: str,
    extra: dict[str, Any],
    eligible: bool,
    amount: str,
    fee: str,
) -> None:
    result = run(
        catalog, policy=policy, incident=incident, exemptions={"force_majeure": True}, **extra
    )
    assert (result.eligible, result.amount, result.fee_refund) == (eligible, D(amount), D(fee))
    if eligible and "insured_value" not in extra:
        assert result.value_compensation == 0
        assert "民法典 art. 835" in result.basis
        assert result.claim.amount == D(fee)


# --------------------------------------------------------------------------- final delay (A.2 b)


@pytest.mark.parametrize(
    ("region", "promised", "claim_at", "signed_at", "treatment", "amount"),
    [
        # Domestic limit 7 days: promised 13 Nov, still undelivered on 20 Nov -> lost.
        ("domestic", "2026-11-13T18:00", "2026-11-20T18:00", None, "full_loss", "72.00"),
        ("domestic", "2026-11-13T18:00", "2026-11-20T17:59", None, "fee_only", "12.00"),
        # Same city: 3 days.
        ("same_city", "2026-11-12T12:00", "2026-11-15T12:00", None, "full_loss", "72.00"),
        # Delivered after all: a delay.
        ("domestic", "2026-11-13T18:00", "2026-11-25", "2026-11-24T10:00", "fee_only", "12.00"),
        # No known limit for international parcels: the app does not decide.
        ("international", "2026-11-13T18:00", "2026-12-30", None, "fee_only", "12.00"),
        # No promised time: a delay, with advice to enter it.
        ("domestic", None, "2026-12-30", None, "fee_only", "12.00"),
    ],
)
def test_final_delay(
    catalog: Any,
    region: str,
    promised: str | None,
    claim_at: str,
    signed_at: str | None,
    treatment: str,
    amount: str,
) -> None:
    signer = {"who": "buyer", "inspected": True, "signed_at": signed_at} if signed_at else None
    result = run(
        catalog,
        policy="standard",
        incident="delay",
        region=region,
        promised_at=promised,
        claim_at=claim_at,
        signer=signer,
    )
    assert (result.treatment, result.amount) == (treatment, D(amount))
    if treatment == "full_loss":
        assert "A.2 快件丢失" in result.basis
        assert result.claim.basis == "actual_loss" and result.claim.amount == D("312.00")
    if promised is None:
        assert "promised_time_missing" in {a.code for a in result.advice}
    if region == "international" and promised:
        assert "final_delay_unknown" in {w.code for w in result.warnings}


# --------------------------------------------------------------------------- inquiry (A.2 c)


@pytest.mark.parametrize(
    ("inquired", "claim_at", "eligible", "code"),
    [
        # Claimed a month late, but inquired within the year: the claim lives, with a warning.
        ("2027-05-01", "2027-12-11", True, "claim_late_after_inquiry"),
        # An inquiry after the year changes nothing.
        ("2027-11-20", "2027-12-11", False, None),
        # In time anyway: the inquiry is recorded in the steps.
        ("2026-12-01", "2027-01-05", True, None),
    ],
)
def test_inquiry(
    catalog: Any, inquired: str, claim_at: str, eligible: bool, code: str | None
) -> None:
    result = run(catalog, policy="standard", inquired_at=inquired, claim_at=claim_at)
    assert result.eligible is eligible
    if code:
        assert code in {w.code for w in result.warnings}
    steps = {s.code for s in result.steps}
    assert steps & {"inquiry_recorded", "time_bar_inquiry", "inquiry_too_late"}


# --------------------------------------------------------------------------- the case fields


def test_claim_fields_round_trip() -> None:
    data = case_dict(
        sender_kind="monthly_account",
        claim_basis="actual_loss",
        inquired_at="2026-11-14T09:00",
        promised_at="2026-11-13",
        payee={"name": "王小白", "bank": "招商银行", "account": "6225 8801 2345 6789"},
        origin="广东省深圳市南山区",
        destination="浙江省杭州市",
        value_proofs=["order_screenshot", {"kind": "invoice", "file": "fp.pdf", "note": "增值税"}],
    )
    case = case_from_json(data, NOW)
    assert case.payee is not None and case.payee.account == "6225880123456789"
    assert [p.kind for p in case.value_proofs] == ["order_screenshot", "invoice"]
    assert case_from_json(case_to_json(case), NOW) == case


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"sender_kind": "vip"}, "sender_kind", "not_one_of"),
        ({"claim_basis": "both"}, "claim_basis", "not_one_of"),
        ({"inquired_at": "2026-11-01"}, "inquired_at", "inquiry_before_posting"),
        ({"promised_at": "2026-11-01"}, "promised_at", "promise_before_posting"),
        ({"payee": {"name": "王"}}, "payee", "payee_needs_account"),
        ({"payee": {"account": "6225880123456789"}}, "payee.name", "required"),
        ({"payee": {"name": "王", "account": "12ab"}}, "payee.account", "bad_bank_account"),
        ({"payee": {"name": "王", "alipay": "abc"}}, "payee.alipay", "bad_alipay"),
        ({"payee": {"name": "王", "alipay": "x@y.cn", "iban": "1"}}, "payee.iban", "unknown_key"),
        ({"value_proofs": "invoice"}, "value_proofs", "not_a_list"),
        ({"value_proofs": ["receipt"]}, "value_proofs[0].kind", "not_one_of"),
        ({"value_proofs": [{"file": "a.pdf"}]}, "value_proofs[0].kind", "required"),
    ],
)
def test_claim_fields_refused(overrides: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(CaseError) as caught:
        case_from_json(case_dict(**overrides), NOW)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_alipay_by_phone_or_mail() -> None:
    for alipay, kept in (("138-0013-8000", "13800138000"), ("shop@example.cn", "shop@example.cn")):
        case = case_from_json(case_dict(payee={"name": "王", "alipay": alipay}), NOW)
        assert case.payee is not None and case.payee.alipay == kept


# --------------------------------------------------------------------------- clause versions


@pytest.mark.parametrize(
    ("clause_id", "on", "label"),
    [
        ("快递暂行条例 art. 28", date(2025, 5, 31), "《快递暂行条例》第27条"),
        ("快递暂行条例 art. 28", date(2025, 6, 1), "《快递暂行条例》第28条"),
        ("快递暂行条例 art. 29", date(2024, 1, 1), "《快递暂行条例》第28条"),
        ("快递暂行条例 art. 29", date(2026, 11, 16), "《快递暂行条例》第29条"),
        ("快递暂行条例 art. 29", None, "《快递暂行条例》第29条"),
        ("民法典 art. 835", date(2020, 1, 1), "《民法典》第835条"),
    ],
)
def test_clause_numbering_follows_the_document_date(
    catalog: Any, clause_id: str, on: date | None, label: str
) -> None:
    assert catalog.texts.clause(clause_id).label("zh", on) == label


def test_every_policy_names_its_source(catalog: Any) -> None:
    for policy in catalog.policies.values():
        assert policy.source and policy.read_at is not None
        assert policy.url
        for clause_id in policy.clauses.values():
            clause = catalog.texts.clause(clause_id)
            assert clause.quote
            # What the courier reads carries no internal caveat.
            for word in ("未核实", "unverified", "paraphrase"):
                assert word not in clause.source and word not in clause.quote


# --------------------------------------------------------------------------- properties

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("50000"), places=2)
fees = st.decimals(min_value=Decimal("0"), max_value=Decimal("500"), places=2)


@st.composite
def claims(draw: Any) -> dict[str, Any]:
    goods = draw(money)
    lost = draw(st.decimals(min_value=Decimal("0.01"), max_value=goods, places=2))
    return {
        "goods_value": str(goods),
        "service_fee": str(draw(fees)),
        "incident": "damage",
        "damage": draw(
            st.sampled_from([{"extent": "full"}, {"extent": "partial", "lost_value": str(lost)}])
        ),
        "insured_value": draw(st.none() | money.map(str)),
        "policy": draw(st.sampled_from(["standard", "sf", "zto", "yto", None])),
        "carrier": draw(st.sampled_from(["sf", "zto", "yto", "jd", None])),
        "sender_kind": draw(st.sampled_from(["ordinary", "monthly_account", None])),
        "claim_basis": draw(st.sampled_from(["actual_loss", "courier_terms", None])),
        "value_proofs": draw(st.sampled_from([["invoice"], None])),
        "salvage_value": draw(st.none() | st.just("0.01")),
    }


@settings(max_examples=300, deadline=None)
@given(claims())
def test_claim_properties(catalog: Any, data: dict[str, Any]) -> None:
    case = make_case(**data)
    result = assess(case, catalog)
    claim = result.claim
    assert claim.fee + claim.goods == claim.amount
    if claim.basis == "actual_loss":
        assert claim.amount >= result.amount
        assert claim.amount == result.actual_loss_claim
        assert not case.insured
    else:
        assert claim.amount == result.amount
    if case.insured and result.eligible:
        # The insured share of the loss, never above the actual loss.
        assert result.value_compensation <= case.goods_value
    assert claim.amount <= case.service_fee + case.goods_value
