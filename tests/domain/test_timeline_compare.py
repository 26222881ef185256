"""What a screenshot's timeline says that the case does not, worded zh/en, and the signer
question (seed 002)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from seller_app import paths
from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.timeline import Timeline
from seller_app.domain.timeline_compare import compare_with_case, signer_questions
from seller_app.domain.timeline_rules import TimelineRules
from tests.conftest import make_case

RULES = TimelineRules.load(paths.resources_dir())
CARRIERS = Catalog.load(paths.resources_dir()).carriers
POSTED = datetime(2026, 11, 11, 18, 20, tzinfo=SHANGHAI)  # conftest BASE_CASE posted_at
SIGNED = datetime(2026, 11, 13, 14, 22, tzinfo=SHANGHAI)
BUYER_SIGNED = {"who": "buyer", "inspected": False, "signed_at": SIGNED.isoformat()}


def shot(**fields: Any) -> Timeline:
    base: dict[str, Any] = {
        "tracking_numbers": ("SF1234567890123",),
        "carrier": "sf",
        "posted_at": POSTED,
        "signed_at": SIGNED,
        "signer": "本人",
    }
    return Timeline(**{**base, **fields})


# (timeline fields, case overrides, expected codes)
ROWS: list[tuple[dict[str, Any], dict[str, Any], list[str]]] = [
    ({}, {"incident": "damage", "damage": {"extent": "full"}, "signer": BUYER_SIGNED}, []),
    (
        {"tracking_numbers": ("SF9999999999999",)},
        {"signer": BUYER_SIGNED, "incident": "delay"},
        ["number_not_in_case"],
    ),
    (
        {"carrier": "zto"},
        {"carrier": "sf", "signer": BUYER_SIGNED, "incident": "delay"},
        ["carrier_differs"],
    ),
    ({"carrier": "zto"}, {"signer": BUYER_SIGNED, "incident": "delay"}, []),  # case names none
    (
        {"posted_at": datetime(2026, 11, 11, 18, 50, tzinfo=SHANGHAI)},
        {"signer": BUYER_SIGNED, "incident": "delay"},
        [],
    ),  # within the hour
    (
        {"posted_at": datetime(2026, 11, 12, 9, 0, tzinfo=SHANGHAI)},
        {"signer": BUYER_SIGNED, "incident": "delay"},
        ["posted_differs"],
    ),
    (
        {"posted_at": datetime(2026, 11, 11, 21, 0, tzinfo=SHANGHAI)},
        {"posted_at": "2026-11-11", "signer": BUYER_SIGNED, "incident": "delay"},
        [],
    ),  # a date
    ({}, {"incident": "delay"}, ["signed_missing", "signer_missing"]),
    (
        {"signed_at": datetime(2026, 11, 14, 9, 0, tzinfo=SHANGHAI)},
        {"signer": BUYER_SIGNED, "incident": "delay"},
        ["signed_differs"],
    ),
    ({}, {"signer": BUYER_SIGNED}, ["loss_but_signed_by"]),  # BASE_CASE is a loss
    ({"signer": None}, {"signer": BUYER_SIGNED}, ["loss_but_signed"]),
    ({"signer": "门卫代收"}, {"signer": BUYER_SIGNED, "incident": "delay"}, ["signer_not_buyer"]),
    (
        {"signer": "本人"},
        {"signer": {**BUYER_SIGNED, "who": "unauthorized"}, "incident": "delay"},
        ["signer_is_buyer"],
    ),
    ({"signer": "李喆"}, {"signer": {**BUYER_SIGNED, "name": "李喆"}, "incident": "delay"}, []),
    (
        {"signer": "王五"},
        {"signer": {**BUYER_SIGNED, "name": "李喆"}, "incident": "delay"},
        ["signer_not_buyer"],
    ),
    (
        {"signer": "王五"},
        {"signer": {**BUYER_SIGNED, "who": "unknown", "name": "李喆"}, "incident": "delay"},
        ["signer_name_differs"],
    ),
    (
        {"signer": None, "signed_at": None, "left_at_station": "菜鸟驿站（幸福里店）"},
        {"incident": "delay"},
        ["station_unanswered"],
    ),
    (
        {"signer": "丰巢智能柜", "left_at_station": "丰巢智能柜"},
        {
            "signer": {**BUYER_SIGNED, "who": "unknown", "placed_without_consent": True},
            "incident": "delay",
        },
        [],
    ),
]


@pytest.mark.parametrize(("fields", "overrides", "expected"), ROWS)
def test_differences(
    fields: dict[str, Any], overrides: dict[str, Any], expected: list[str]
) -> None:
    found = compare_with_case(shot(**fields), make_case(**overrides), RULES)
    assert [d.code for d in found] == expected
    for difference in found:
        for lang in ("zh", "en"):
            assert "{" not in difference.text(RULES, CARRIERS, lang)


def test_the_issue_s_example_wording() -> None:
    [difference] = compare_with_case(
        shot(signer="门卫代收"), make_case(signer=BUYER_SIGNED, incident="delay"), RULES
    )
    assert difference.text(RULES, CARRIERS, "zh") == "案件写的签收人是买家本人，截图显示 门卫代收"
    assert difference.text(RULES, CARRIERS, "en") == (
        "The case says the parcel was signed for by the buyer; the screenshot shows 门卫代收"
    )


def test_carriers_are_named_in_the_reader_s_language() -> None:
    [difference] = compare_with_case(
        shot(carrier="zto"), make_case(carrier="sf", signer=BUYER_SIGNED, incident="delay"), RULES
    )
    assert "顺丰速运" in difference.text(RULES, CARRIERS, "zh")
    assert "中通快递" in difference.text(RULES, CARRIERS, "zh")
    assert "ZTO Express" in difference.text(RULES, CARRIERS, "en")


@pytest.mark.parametrize(
    ("signer", "station", "asked"),
    [
        ("门卫代收", None, 1),
        ("前台", None, 1),
        ("家人", None, 1),
        ("快递柜", "快递柜", 2),
        ("本人", None, 0),
        ("凭取货码", "菜鸟驿站", 1),  # the buyer took it out; was it right to leave it there?
        (None, None, 0),
    ],
)
def test_questions_to_ask_the_buyer(signer: str | None, station: str | None, asked: int) -> None:
    questions = signer_questions(shot(signer=signer, left_at_station=station), RULES, "zh")
    assert len(questions) == asked
    if signer and asked and station is None:
        assert signer in questions[0] and "授权" in questions[0]
    assert len(signer_questions(shot(signer=signer, left_at_station=station), RULES, "en")) == asked


def test_every_message_has_both_languages() -> None:
    for section, entries in RULES.messages.items():
        for code, entry in entries.items():
            assert set(entry) == {"zh", "en"}, (section, code)
