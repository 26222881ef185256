"""The escalation documents as a reader sees them: extracted PDF text, the plain-text form,
the metadata; and the buyer statement that fits the incident."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seller_app.documents.amount_words import yuan_in_words
from seller_app.documents.escalate import escalation_document, escalation_text, render_escalation
from seller_app.documents.statement import (
    StatementKind,
    render_buyer_statement,
    statement_kind,
    statement_needed,
)
from seller_app.domain.case import SHANGHAI, Case
from seller_app.domain.catalog import Catalog
from seller_app.domain.escalation import claim_figure
from seller_app.domain.money import format_yuan
from seller_app.domain.rules import assess
from tests.conftest import make_case
from tests.documents.photo_helpers import page_count, pdf_text, squash

NOW = datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI)
BUYER = {"name": "李堃", "phone": "13912345678", "address": "上海市浦东新区昇平路 1 号"}
SHOP = {"name": "赟昇小店", "contact": "王店长", "phone": "13800001111"}


def damaged(**overrides: Any) -> Case:
    fields: dict[str, Any] = {
        "incident": "damage",
        "damage": {"extent": "partial", "lost_value": "120"},
        "goods": {"description": "陶瓷餐具套装 12 件", "quantity": 1},
        "shop": SHOP,
        "buyer": BUYER,
        "signer": {"who": "buyer", "inspected": False, "signed_at": "2026-11-14T15:20"},
        "order_id": "3912345678901234567",
        "description": "买家签收后开箱发现 4 只碗碎裂。",
        "channel": "官网",
        "ticket": "SF-CLAIM-88",
        "proposal": {"amount": "10.00", "at": "2026-11-17T11:00"},
        "complaint_at": "2026-11-20T09:00",
        "complaint_ticket": "TS20261120",
        "photos": [
            {"file": "a.jpg", "kind": "outer_package"},
            {"file": "b.jpg", "kind": "damaged_item"},
            {"file": "c.jpg", "kind": "damaged_item"},
        ],
    }
    fields.update(overrides)
    return make_case(**fields)


def claim(catalog: Catalog) -> str:
    """The claim figure of the damaged case, as the documents print it (computed, so the
    tests follow the engine)."""
    return format_yuan(claim_figure(assess(damaged(), catalog)))


def render(tmp_path: Path, catalog: Catalog, kind: str, lang: str = "zh", **case: Any) -> str:
    _, path = render_escalation(
        damaged(**case), kind, tmp_path / f"{kind}.pdf", catalog=catalog, now=NOW, lang=lang
    )
    meta = PdfReader(str(path)).metadata
    assert meta is not None and "SF1234567890123" in str(meta.title)
    shown = " ".join(str(value) for value in meta.values())
    for personal in (*BUYER.values(), SHOP["phone"]):
        assert personal not in shown  # no buyer or shop contact data in the metadata
    return squash(pdf_text(path))


def test_courier_complaint(tmp_path: Path, catalog: Catalog) -> None:
    text = render(tmp_path, catalog, "courier_complaint")
    for expected in (
        "快递服务投诉书",
        "致：顺丰速运（客服电话95338）",
        "赟昇小店",
        "SF1234567890123",
        "陶瓷餐具套装12件",
        "2026-11-1610:00向快递公司提交索赔（官网，工单号SF-CLAIM-88）",
        f"贵司于2026-11-1711:00提出赔偿10.00元，低于依据规定应赔偿的{claim(catalog)}元。",
        f"{claim(catalog)}元（大写：{yuan_in_words(Decimal(claim(catalog)))}）",
        "《快递暂行条例》第29条",
        "7日内予以处理并告知用户",
        "证据照片3张：外包装1张、破损物品2张",
        "买家签署的《收货情况说明》",
        "日期：2026年12月05日",
    ):
        assert squash(expected) in text, expected
    # the complaint goes to the courier: no buyer data, no clause against the seller
    for absent in (*BUYER.values(), "第831条", "art."):
        assert squash(absent) not in text


def test_postal_appeal_in_the_order_of_the_12305_form(tmp_path: Path, catalog: Catalog) -> None:
    text = render(tmp_path, catalog, "postal_appeal")
    order = [
        "邮政业消费者申诉书",
        "申诉电话12305",
        "sswz.spb.gov.cn",
        "一、申诉人",
        "寄件人",
        "二、被申诉企业与快件",
        "顺丰速运",
        "李堃",  # the form asks for the recipient
        "13912345678",
        "三、向企业投诉情况",
        "2026年11月20日09:00",
        "TS20261120",
        "提出赔偿10.00元，本人不同意",
        "四、申诉类别",
        "快件损毁",
        "五、申诉内容",
        "快递公司于2026-11-1711:00提出赔偿10.00元",
        "六、申诉诉求",
        "七、申诉条件核对",
        "在收寄或发生争议之日起1年内（最迟2027-11-16）",
        "八、依据",
        "《邮政法》第65条",
        "三十日内作出答复",
        "九、证据清单",
        "向快递公司投诉的记录",
    ]
    positions = [text.find(squash(item)) for item in order]
    assert -1 not in positions, [item for item, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    assert "贵司" not in text  # written to the regulator, not to the courier


def test_small_claims_statement(tmp_path: Path, catalog: Catalog) -> None:
    text = render(tmp_path, catalog, "small_claims", paid={"amount": "8.80", "at": "2026-11-25"})
    rest = Decimal(claim(catalog)) - Decimal("8.80")
    for expected in (
        "民事起诉状",
        "小额诉讼程序",
        "原告赟昇小店",
        "被告顺丰速运（请填写营业执照上的企业全称",
        f"判令被告赔偿原告快件损失{rest}元（大写：{yuan_in_words(rest)}）",
        "本案诉讼费用由被告承担",
        "原告于2026年11月16日10:00向被告提出索赔（工单号SF-CLAIM-88）",
        f"被告仅支付8.80元，少于应赔偿的{claim(catalog)}元",
        "《民法典》第五百七十七条、第八百三十二条",
        "证据和证据来源",
        "证据来源：原告提供",
        "此致",
        "人民法院",
        "《民事诉讼法》第二十四条",
        "第一百六十五条",
        "立案之日起2个月内审结",
        "每件50元",
        "诉讼时效为3年",
    ):
        assert squash(expected) in text, expected
    for personal in BUYER.values():
        assert squash(personal) not in text  # the buyer is not a party


@pytest.mark.parametrize("kind", ["courier_complaint", "postal_appeal", "small_claims"])
def test_english_documents_have_no_chinese_template_words(
    tmp_path: Path, catalog: Catalog, kind: str
) -> None:
    text = render(
        tmp_path,
        catalog,
        kind,
        lang="en",
        shop={"name": "Shop"},
        goods=None,
        buyer=None,
        description=None,
    )
    assert "SF1234567890123" in text and "CNYCNY" not in text
    assert not any("\u4e00" <= char <= "\u9fff" for char in text.replace("顺丰速运", ""))


@pytest.mark.parametrize("kind", ["courier_complaint", "postal_appeal", "small_claims"])
def test_the_text_form_says_what_the_pdf_says(tmp_path: Path, catalog: Catalog, kind: str) -> None:
    case = damaged()
    _, text = escalation_text(case, kind, catalog=catalog, now=NOW)
    _, document = escalation_document(case, kind, catalog=catalog, now=NOW)
    pdf = render(tmp_path, catalog, kind)
    assert text.startswith(document.title + "\n")
    for part in document.parts:
        assert part.title in text and squash(part.title) in pdf
        for row in part.rows:
            assert f"{row.label}：{row.value}" in text
        for item in part.items:
            assert item in text and squash(item)[:20] in pdf
    assert "\t" not in text and text.endswith("\n")


def test_a_case_not_sent_yet_still_gets_a_complaint_outline(
    tmp_path: Path, catalog: Catalog
) -> None:
    facts, path = render_escalation(
        make_case(claim_at=None), "courier_complaint", tmp_path / "c.pdf", catalog=catalog, now=NOW
    )
    assert "not_filed" in {w.code for w in facts.warnings}
    assert "（请写明投诉理由）" in pdf_text(path)


# --------------------------------------------------------------------------- buyer statements


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ({"incident": "damage", "damage": {"extent": "partial", "lost_value": "10"}}, "receipt"),
        (
            {
                "incident": "damage",
                "damage": {"extent": "full"},
                "signer": {"who": "unauthorized", "inspected": False},
            },
            "receipt",  # the buyer has the broken goods: never "not received"
        ),
        ({"incident": "mismatch", "mismatch": {"kind": "wrong_item"}}, "receipt"),
        ({"incident": "mismatch", "mismatch": {"kind": "short", "lost_value": "5"}}, "receipt"),
        ({"incident": "delay", "delay": {"value_destroyed": True}}, "receipt"),
        ({"incident": "delay"}, None),
        ({"incident": "loss"}, None),
        (
            {"incident": "loss", "signer": {"who": "unauthorized", "inspected": False}},
            "non_receipt",
        ),
        (
            {
                "incident": "loss",
                "signer": {"who": "buyer", "inspected": False, "placed_without_consent": True},
            },
            "non_receipt",
        ),
        ({"incident": "loss", "signer": {"who": "buyer", "inspected": True}}, None),
    ],
)
def test_the_statement_fits_what_happened(case: dict[str, Any], kind: str | None) -> None:
    built = make_case(**case)
    assert statement_kind(built) == (StatementKind(kind) if kind else None)
    assert statement_needed(built) is (kind is not None)


@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        (
            {"incident": "damage", "damage": {"extent": "partial", "lost_value": "9"}},
            "内件部分损坏",
        ),
        ({"incident": "mismatch", "mismatch": {"kind": "short", "lost_value": "5"}}, "数量短少"),
        ({"incident": "mismatch", "mismatch": {"kind": "wrong_item"}}, "收到的物品与订单不符"),
        ({"incident": "delay", "delay": {"value_destroyed": True}}, "已变质"),
    ],
)
def test_the_receipt_statement_asks_what_arrived(
    tmp_path: Path, catalog: Catalog, incident: dict[str, Any], expected: str
) -> None:
    case = damaged(**incident, complaint_at=None, complaint_ticket=None, proposal=None)
    pdf = render_buyer_statement(case, tmp_path / "s.pdf", catalog=catalog)
    text = squash(pdf_text(pdf))
    for word in (
        "收货情况说明",
        "签收时间：2026年11月14日15:20",
        "开箱时间",
        "快递员在场时当面开箱验货",
        "开箱过程有录像",
        "外包装完好",
        squash(expected),
        "卖家已收到的照片：外包装×1、破损物品×2",
        "卖家记录的情况：买家签收后开箱发现4只碗碎裂。",
        "货物和包装原样保留",
        "说明人（签字）",
        "李堃",
        "SF1234567890123",
    ):
        assert word in text, word
    assert "未收到货物声明" not in text and "本人未签收" not in text
    assert page_count(pdf) == 1
    meta = PdfReader(str(pdf)).metadata
    assert meta is not None and "李堃" not in " ".join(str(v) for v in meta.values())


def test_the_non_receipt_declaration_is_still_there_for_a_lost_parcel(
    tmp_path: Path, catalog: Catalog
) -> None:
    case = make_case(signer={"who": "unauthorized", "inspected": False, "name": "欧阳喆"})
    text = squash(pdf_text(render_buyer_statement(case, tmp_path / "s.pdf", catalog=catalog)))
    assert "未收到货物声明" in text and "欧阳喆" in text
