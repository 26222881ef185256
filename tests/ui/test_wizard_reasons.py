"""The wizard's reasons: every problem found at once, worded without internal keys."""

from __future__ import annotations

import re
import tomllib

import pytest

from seller_app import paths
from seller_app.domain.errors import CaseError
from seller_app.ui.wizard.draft import collect_errors
from seller_app.ui.wizard.reasons import reason, scrub, wordings
from seller_app.ui.wizard.widgets import money_text, weight_text
from tests.conftest import NOW

INTERNAL_KEY = re.compile(r"\b[a-z]+(?:[_.][a-z]+)+\b|\{\s*\"")
DOMAIN_CODES = tuple(
    tomllib.loads((paths.resources_dir() / "texts.toml").read_text("utf-8"))["errors"]
)


def test_every_wording_has_both_languages_and_no_internal_key() -> None:
    for code, words in wordings().items():
        assert set(words) == {"zh", "en"}, code
        filled = words["zh"].format(
            label="寄出时间",
            value="x",
            places=2,
            goods_value="300",
            posted_at="2026-11-11 18:20",
            claim_at="2026-11-16 10:00",
        )
        assert not INTERNAL_KEY.search(filled), (code, filled)


@pytest.mark.parametrize("code", DOMAIN_CODES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_domain_error_reads_without_internal_keys(catalog, code: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    error = CaseError(
        "damage.lost_value", code, value="abc", goods_value="300", places=2, allowed="a | b"
    )
    text = reason(error, "损失金额", "lost_value", {}, catalog.texts, lang)
    assert text and not INTERNAL_KEY.search(text), text


def test_scrub_takes_keys_out() -> None:
    assert scrub("损失金额不能大于货物价值 goods_value（300）") == "损失金额不能大于货物价值（300）"
    quoted = '损毁案件需要填写损毁情况 damage：{"extent": "full"}'
    assert scrub(quoted) == "损毁案件需要填写损毁情况："


def test_all_problems_are_found_not_only_the_first() -> None:
    data = {
        "tracking_numbers": ["AB"],
        "posted_at": "2026-12-01T09:00",
        "service_fee": "十二",
        "weight_kg": "-1",
        "goods_value": "300",
        "incident": "damage",
        "damage": {"extent": "partial", "lost_value": "500"},
        "salvage_value": "x",
    }
    known = set(data)
    fields = [error.field for error in collect_errors(data, known, NOW)]
    assert sorted(fields) == [
        "damage.lost_value",
        "posted_at",
        "salvage_value",
        "service_fee",
        "tracking_numbers[0]",
        "weight_kg",
    ]
    assert collect_errors({**data, **_valid()}, known, NOW) == []


def _valid() -> dict[str, object]:
    return {
        "tracking_numbers": ["SF1234567890123"],
        "posted_at": "2026-11-11T09:00",
        "service_fee": "12",
        "weight_kg": "1",
        "damage": {"extent": "partial", "lost_value": "100"},
        "salvage_value": "0",
    }


@pytest.mark.parametrize(
    ("typed", "money"),
    [
        ("268元", "268"),
        ("¥268", "268"),
        ("￥268元", "268"),
        ("RMB 1,200.50", "1200.50"),
        ("１２.５", "12.5"),
        ("人民币300元整", "300"),
        ("十二元", "十二元"),  # not an amount: left for the validator to name
        ("", ""),
    ],
)
def test_money_as_typed(typed: str, money: str) -> None:
    assert money_text(typed) == money


@pytest.mark.parametrize(
    ("typed", "kg"),
    [("2kg", "2"), ("0.5 公斤", "0.5"), ("3千克", "3"), ("２", "2"), ("2斤", "2斤")],
)
def test_weight_as_typed(typed: str, kg: str) -> None:
    assert weight_text(typed) == kg
