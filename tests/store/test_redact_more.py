"""`--redact` catches a phone however it is written and house numbers in Chinese numerals."""

from __future__ import annotations

import pytest

from seller_app.store.redact import BuyerMask, mask_phone

BUYER = {"name": "张三丰", "phone": "13812345678", "address": "浙江省杭州市西湖区幸福路88号"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # any mobile number, however written
        ("电话１３９１２３４５６７８", "电话139****5678"),
        ("电话 １３９ １２３４ ５６７８。", "电话 139****5678。"),
        ("139.1234.5678", "139****5678"),
        ("(139)12345678", "139****5678"),
        ("（139）1234-5678", "139****5678"),
        ("+86 (139) 1234 5678", "139****5678"),
        ("一三九一二三四五六七八", "139****5678"),
        # the buyer's own phone and street, in other writings
        ("买家电话１３８-１２３４-５６７８", "买家电话138****5678"),
        ("送到幸福路八十八号", "送到***"),
        ("送到幸福路８８号", "送到***"),
        # anyone's house number after a street
        ("转寄到新华路一百零八号3幢2单元", "转寄到新华路***"),
        ("长江路12号", "长江路***"),
        # left alone: tracking and order numbers, counts, landlines
        ("单号 SF1400012345678", None),
        ("订单 2026111913800001111", None),
        ("共十二件，第三道工序", None),
        ("固话 0571-88886666", None),
    ],
)
def test_free_text(text: str, expected: str | None) -> None:
    assert BuyerMask(BUYER).text(text) == (text if expected is None else expected)


def test_a_full_width_phone_field_is_masked() -> None:
    assert mask_phone("１３８１２３４５６７８") == "138****5678"
    assert BuyerMask({"phone": "１３８１２３４５６７８"}).text("13812345678") == "138****5678"
