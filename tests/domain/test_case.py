"""Parsing the case file: exact money, timezones, strictness, round trip."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from seller_app.domain.case import SHANGHAI, Incident, case_from_json, case_to_json
from seller_app.domain.errors import CaseError
from tests.conftest import NOW, case_dict, make_case


def test_money_is_exact_from_strings_and_numbers() -> None:
    from_number = case_from_json(
        json.loads(json.dumps(case_dict(service_fee=0.1)), parse_float=Decimal), now=NOW
    )
    assert from_number.service_fee == Decimal("0.1")
    # Even a float that slipped through becomes its shortest decimal, not its binary value.
    assert make_case(service_fee=0.1).service_fee == Decimal("0.1")
    assert make_case(goods_value="1,299.90").goods_value == Decimal("1299.90")
    assert make_case(goods_value=5).goods_value == Decimal(5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-11", datetime(2026, 11, 11, 0, 0, tzinfo=SHANGHAI)),
        ("2026-11-11T18:20", datetime(2026, 11, 11, 18, 20, tzinfo=SHANGHAI)),
        ("2026-11-11 18:20:05", datetime(2026, 11, 11, 18, 20, 5, tzinfo=SHANGHAI)),
        ("2026-11-11T10:20:00Z", datetime(2026, 11, 11, 18, 20, tzinfo=SHANGHAI)),
        ("2026-11-11T18:20:00+08:00", datetime(2026, 11, 11, 18, 20, tzinfo=SHANGHAI)),
    ],
)
def test_datetimes(value: str, expected: datetime) -> None:
    parsed = make_case(posted_at=value).posted_at
    assert parsed == expected
    assert parsed.tzinfo is not None


def test_claim_at_absent_means_not_sent_yet() -> None:
    """The clock is never used to invent a claim date: absent means not sent to the courier."""
    case = make_case(claim_at=None)
    assert case.claim_at is None and not case.filed
    assert "claim_at" not in case_to_json(case)


def test_tracking_numbers_are_normalised_and_deduplicated() -> None:
    case = make_case(tracking_numbers=["sf 1234-5678-90123", "SF1234567890123", 773012345678901])
    assert case.tracking_numbers == ("SF1234567890123", "773012345678901")


def test_round_trip_keeps_every_field() -> None:
    data = case_dict(
        incident="damage",
        damage={"extent": "partial", "lost_value": "120.50"},
        insured_value="280",
        insurance_fee="2.5",
        salvage_value="10",
        signer={
            "who": "authorized",
            "name": "李四",
            "inspected": True,
            "placed_without_consent": False,
            "signed_at": "2026-11-13T12:00",
        },
        exemptions={"sender_fault": False, "force_majeure": True},
        courier_replied_at="2026-11-17",
        agreed_at="2026-11-30T10:00",
        buyer_requested_at="2026-11-13T13:00",
        platform_escalated_at="2026-11-15",
        order_id=3912345678901234567,
        shop={"name": "店", "contact": "王", "phone": "13800138000"},
        buyer={"name": "张三", "phone": "13912345678", "address": "杭州"},
        goods={"description": "碗", "quantity": 2, "perishable": True},
        description="碎了",
        carrier="sf",
        policy="sf",
        photos=[
            {"file": "a.jpg", "kind": "damaged_item", "caption": "碗", "sha256": "a" * 64},
            "b.jpg",
        ],
    )
    case = case_from_json(data, now=NOW)
    again = case_from_json(json.loads(json.dumps(case_to_json(case))), now=NOW)
    assert again == case
    assert case.incident is Incident.DAMAGE
    assert case.order_id == "3912345678901234567"


def _err(data: Any) -> CaseError:
    with pytest.raises(CaseError) as info:
        case_from_json(data, now=NOW)
    return info.value


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"format": 2}, "format", "bad_format"),
        ({"tracking_numbers": []}, "tracking_numbers", "need_tracking_number"),
        ({"tracking_numbers": ["SF1", "ok"]}, "tracking_numbers[0]", "bad_tracking_number"),
        ({"carrier": "ups"}, "carrier", "not_one_of"),
        ({"region": "moon"}, "region", "not_one_of"),
        ({"incident": "stolen"}, "incident", "not_one_of"),
        ({"incident": None}, "incident", "required"),
        ({"service_fee": "-1"}, "service_fee", "must_not_be_negative"),
        ({"service_fee": "abc"}, "service_fee", "not_a_number"),
        ({"service_fee": True}, "service_fee", "not_a_number"),
        ({"service_fee": "NaN"}, "service_fee", "not_a_number"),
        ({"goods_value": "0"}, "goods_value", "must_be_positive"),
        ({"weight_kg": 0}, "weight_kg", "must_be_positive"),
        ({"insured_value": "0"}, "insured_value", "must_be_positive"),
        ({"insurance_fee": "-0.5"}, "insurance_fee", "must_not_be_negative"),
        ({"posted_at": "yesterday"}, "posted_at", "bad_datetime"),
        ({"claim_at": "2026-11-01"}, "claim_at", "claim_before_posting"),
        ({"incident": "damage"}, "damage", "damage_details_required"),
        ({"incident": "damage", "damage": {"extent": "partial"}}, "damage.lost_value", "required"),
        (
            {"incident": "damage", "damage": {"extent": "partial", "lost_value": "301"}},
            "damage.lost_value",
            "lost_above_goods",
        ),
        ({"incident": "damage", "damage": {"extent": "some"}}, "damage.extent", "not_one_of"),
        ({"incident": "mismatch"}, "mismatch", "mismatch_details_required"),
        (
            {"incident": "mismatch", "mismatch": {"kind": "short"}},
            "mismatch.lost_value",
            "required",
        ),
        ({"signer": {"who": "buyer"}}, "signer.inspected", "required"),
        ({"signer": {"who": "buyer", "inspected": "yes"}}, "signer.inspected", "not_a_bool"),
        ({"damag": {}}, "damag", "unknown_key"),
        ({"buyer": {"name": "张", "mobile": "1"}}, "buyer.mobile", "unknown_key"),
        ({"goods": {"quantity": 0}}, "goods.quantity", "bad_quantity"),
        ({"photos": [{"file": "a.jpg", "kind": "selfie"}]}, "photos[0].kind", "not_one_of"),
        ({"salvage_value": "400"}, "salvage_value", "salvage_above_goods"),
        ({"service_fee": "12.345"}, "service_fee", "too_many_decimals"),
        ({"weight_kg": "0.0005"}, "weight_kg", "too_many_decimals"),
        ({"goods_value": "1e999"}, "goods_value", "too_large"),
        ({"goods_value": 1e308}, "goods_value", "too_large"),
        # A misspelt required key is named as unknown, not reported as the missing key.
        ({"goods_value": None, "goods_vlaue": "300"}, "goods_vlaue", "unknown_key"),
        ({"incident": "damage", "damage": {"extnt": "full"}}, "damage.extnt", "unknown_key"),
    ],
)
def test_bad_input_names_the_field(overrides: dict[str, Any], field: str, code: str) -> None:
    error = _err(case_dict(**overrides))
    assert (error.field, error.code) == (field, code)


def test_not_an_object() -> None:
    assert _err([1, 2]).code == "not_an_object"


def test_messages_have_no_doubled_braces(catalog: Any) -> None:
    for code in ("not_an_object", "damage_details_required", "mismatch_details_required"):
        message = catalog.texts.error_message(CaseError("damage", code), "zh")
        assert "{{" not in message and "}}" not in message


def test_every_error_code_has_both_languages(catalog: Any) -> None:
    error = _err(case_dict(claim_at=(NOW - timedelta(days=30)).isoformat()))
    for lang in ("zh", "en"):
        assert catalog.texts.error_message(error, lang).startswith("claim_at: ")
    for code, entry in catalog.texts.data["errors"].items():
        assert set(entry) == {"zh", "en"}, code
