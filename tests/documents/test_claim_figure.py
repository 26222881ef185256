"""The claim form asks for the claim figure (issue 12): 索赔金额合计 and its capitals are
``claim.amount`` with its basis, the payee line, origin, destination and value proofs are on
page 1, annex 1 shows both figures, and the courier's copy carries no internal caveat."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seller_app.documents.claim_form import render_claim_form
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess
from tests.conftest import make_case
from tests.documents.photo_helpers import pdf_text, squash

TEA_SET: dict[str, Any] = {
    "incident": "damage",
    "service_fee": "18",
    "goods_value": "268",
    "weight_kg": "2.5",
    "damage": {"extent": "partial", "lost_value": "107.20"},
    "origin": "广东省潮州市湘桥区陶瓷路 8 号",
    "destination": "浙江省杭州市",
    "payee": {"name": "王小白", "bank": "招商银行潮州分行", "account": "6225 8801 2345 6789"},
    "value_proofs": ["order_screenshot", {"kind": "invoice", "note": "电子发票"}],
}


def render(tmp_path: Path, catalog: Catalog, lang: str = "zh", **overrides: Any) -> Path:
    case = make_case(**{**TEA_SET, **overrides})
    return render_claim_form(
        case, assess(case, catalog), tmp_path / "form.pdf", catalog=catalog, lang=lang
    )


def first_page(pdf: Path) -> str:
    return squash(PdfReader(str(pdf)).pages[0].extract_text())


@pytest.mark.parametrize(
    ("overrides", "claimed", "words", "basis", "terms"),
    [
        # SF by default: the terms pay the whole freight + the loss = the actual loss.
        (
            {},
            "125.20",
            "壹佰贰拾伍元贰角整",
            "按快递公司条款（顺丰速运快件运单契约条款）",
            "125.20",
        ),
        # The national standard: the actual loss is claimed, citing the regulation.
        (
            {"policy": "standard"},
            "125.20",
            "壹佰贰拾伍元贰角整",
            "按实际损失（《快递暂行条例》第28条",
            "43.20",
        ),
        # The seller keeps to the terms figure.
        (
            {"policy": "standard", "claim_basis": "courier_terms"},
            "43.20",
            "肆拾叁元贰角整",
            "按快递公司条款（国家快递服务标准",
            "43.20",
        ),
    ],
)
def test_the_form_asks_for_the_claim_figure(
    tmp_path: Path,
    catalog: Catalog,
    overrides: dict[str, Any],
    claimed: str,
    words: str,
    basis: str,
    terms: str,
) -> None:
    page = first_page(render(tmp_path, catalog, **overrides))
    assert squash(f"索赔金额合计 {claimed} 元") in page
    assert squash(f"金额大写 {words}") in page
    assert squash(f"金额依据 {basis}") in page
    assert squash(f"按快递公司条款计算 {terms} 元") in page
    assert squash("民法典实际损失 125.20 元") in page


def test_payee_origin_destination_and_proofs_on_page_one(tmp_path: Path, catalog: Catalog) -> None:
    page = first_page(render(tmp_path, catalog))
    assert (
        squash("受益人（收款人） 户名 王小白；开户行 招商银行潮州分行 账号 6225880123456789")
        in page
    )
    assert squash("寄件地址 广东省潮州市湘桥区陶瓷路 8 号") in page
    assert squash("目的地 浙江省杭州市") in page
    assert squash("价值证明 订单截图；发票（电子发票）") in page
    alipay = first_page(
        render(tmp_path, catalog, payee={"name": "王小白", "alipay": "13800138000"})
    )
    assert squash("户名 王小白；支付宝 13800138000") in alipay


def test_annex_shows_both_figures(tmp_path: Path, catalog: Catalog) -> None:
    text = squash(pdf_text(render(tmp_path, catalog, policy="standard")))
    assert squash("两种算法") in text
    assert squash("按快递公司条款（国家快递服务标准） 43.20 元") in text
    assert squash("按实际损失（民事法律） 125.20 元") in text
    assert squash("本申告单索赔金额 125.20 元（实际损失）") in text
    # Every civil-law clause the claim relies on is quoted in full in annex 1.
    for label in (
        "《民法典》第584条",
        "《民法典》第833条",
        "《民法典》第496条",
        "《民法典》第497条",
    ):
        assert label in text


@pytest.mark.parametrize("policy", ["standard", "sf", "zto", "yto"])
def test_the_courier_s_copy_has_no_internal_caveat_and_no_english(
    tmp_path: Path, catalog: Catalog, policy: str
) -> None:
    text = pdf_text(render(tmp_path, catalog, policy=policy))
    for word in ("未核实", "未经核实", "unverified", "paraphrase", "检索编号", "副本"):
        assert word not in text, word
    # No English words (tracking numbers, GB/T, SHA-256 and the like are not words).
    words = set(re.findall(r"[A-Za-z]{3,}", text)) - {"GB", "SHA"}
    assert not words, words


@pytest.mark.parametrize(
    ("claim_at", "compensation", "posted"),
    [
        ("2025-05-20", "《快递暂行条例》第27条", "2025-05-10"),
        ("2025-06-02", "《快递暂行条例》第28条", "2025-05-10"),
    ],
)
def test_clause_numbers_follow_the_form_s_date(
    tmp_path: Path, catalog: Catalog, claim_at: str, compensation: str, posted: str
) -> None:
    pdf = render(tmp_path, catalog, policy="standard", posted_at=posted, claim_at=claim_at)
    text = squash(pdf_text(pdf))
    assert squash(compensation) in text


def test_english_only_when_asked(tmp_path: Path, catalog: Catalog) -> None:
    text = squash(pdf_text(render(tmp_path, catalog, lang="en", policy="standard")))
    assert "Totalamountclaimed" in text and "CNY125.20" in text
    assert "Theactualloss" in text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "不早于 2026年11月11日 18:20（按订单付款时间填写，以贵司收寄记录为准）"),
        ("en", "not before 2026-11-11 18:20 (the order's payment time; your collection"),
    ],
)
def test_a_stand_in_posting_time_is_said_to_be_one(
    tmp_path: Path, catalog: Catalog, lang: str, said: str
) -> None:
    """A batch claim whose export had no posting time: the courier reads that the date is the
    payment time and that its own collection record prevails, never a made-up 收寄时间."""
    pdf = render(tmp_path, catalog, lang, posted_at_source="payment_time")
    assert squash(said) in squash(first_page(pdf))
    plain = render(tmp_path, catalog, lang)
    assert squash(said) not in squash(first_page(plain))
