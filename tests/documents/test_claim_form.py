"""The claim form PDF, read back: its text, fonts, pages, password, metadata and atomic writing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from seller_app.documents import annexes, claim_form
from seller_app.documents.claim_form import one_line, render_claim_form
from seller_app.documents.fonts import MissingGlyphError, missing_glyphs
from seller_app.documents.form_values import form_values
from seller_app.documents.layout import load_layout
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess
from seller_app.domain.schedule import COURIER_KINDS, build_schedule, deadline_to_dict
from tests.conftest import make_case
from tests.documents.photo_helpers import (
    make_photos,
    page_count,
    pdf_text,
    squash,
)
from tests.pdfs import LockedPdfError, page_size, pdf_fonts, text_box

FULL = {
    "incident": "damage",
    "damage": {"extent": "partial", "lost_value": "120.00"},
    "signer": {
        "who": "unauthorized",
        "name": "李喆",
        "inspected": False,
        "placed_without_consent": True,
        "signed_at": "2026-11-13T09:12",
    },
    "order_id": "3912345678901234567",
    "shop": {"name": "小白家居旗舰店", "contact": "王店长", "phone": "13800138000"},
    "buyer": {
        "name": "张三",
        "phone": "13912345678",
        "address": "浙江省杭州市西湖区文三路 100 号 2 幢 301 室",
    },
    "goods": {"description": "陶瓷餐具套装 12 件", "quantity": 1},
    "description": "买家签收后开箱发现 4 只碗碎裂，外箱一角明显压扁。",
    "tracking_numbers": ["SF1234567890123", "SF1234567890124"],
    "policy": "standard",
}
LONG_ADDRESS = (
    "新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路街道斯大林街三巷阿依墩小区 17 号楼 3 单元 "
    "1203 室（请放门口鞋柜旁边的绿色收纳箱内，勿放驿站，如无人请电话联系）"
) * 2


def render(tmp_path: Path, catalog: Catalog, name: str = "form.pdf", **kwargs: Any) -> Path:
    case = kwargs.pop("case", None) or make_case(**FULL)
    return render_claim_form(
        case, assess(case, catalog), tmp_path / name, catalog=catalog, **kwargs
    )


@pytest.mark.parametrize("layout", ["generic", "sf"])
def test_text_holds_every_label_and_value(tmp_path: Path, catalog: Catalog, layout: str) -> None:
    case = make_case(**FULL)
    pdf = render(tmp_path, catalog, layout=layout, case=case)
    text = squash(pdf_text(pdf))
    form = load_layout(layout)
    values = form_values(case, assess(case, catalog), catalog, form.labels, "zh")
    assert squash(form.title("zh")) in text
    for spec in (f for s in form.sections for f in s.fields):
        assert squash(spec.label("zh")) in text, spec.key
        assert squash(values[spec.key]) in text, spec.key
    for number in case.tracking_numbers:
        assert number in text
    # The claim asks for the actual loss 132.00 (its capitals), the terms figure 28.80 beside it.
    for amount in ("28.80", "4.80", "24.00", "132.00", "壹佰叁拾贰元整"):
        assert amount in text
    assert "贰拾捌元捌角整" not in text
    assert "A.3.3" in text and "《民法典》第83" in text and "art." not in text
    assert "604" not in text  # seller-buyer risk is advice for the seller, not a claim basis


def test_english_form(tmp_path: Path, catalog: Catalog) -> None:
    text = squash(pdf_text(render(tmp_path, catalog, lang="en")))
    assert "ExpressParcelClaimForm" in text
    assert "Totalamountclaimed" in text and "CNY132.00" in text and "CNY28.80" in text


def test_font_is_embedded_as_a_subset(tmp_path: Path, catalog: Catalog) -> None:
    pdf = render(tmp_path, catalog)
    fonts = pdf_fonts(pdf)
    assert fonts, "no fonts listed"
    for font in fonts:
        assert "WenQuanYi" in font.name, font
        assert font.embedded and font.subset, font


def test_page_count_grows_with_photos(tmp_path: Path, catalog: Catalog) -> None:
    none = page_count(render(tmp_path, catalog, "p0.pdf"))
    four = page_count(render(tmp_path, catalog, "p4.pdf", photos=make_photos(tmp_path / "a", 4)))
    nine = page_count(render(tmp_path, catalog, "p9.pdf", photos=make_photos(tmp_path / "b", 9)))
    assert none < four < nine


def test_evidence_pages_show_each_photo_and_full_hash(tmp_path: Path, catalog: Catalog) -> None:
    photos = make_photos(tmp_path / "photos", 5)
    pdf = render(tmp_path, catalog, photos=photos)
    text = squash(pdf_text(pdf))
    for photo in photos:
        assert photo.sha256 in text  # manifest: the full SHA-256
        assert photo.sha256[:12] in text
        assert photo.source.name in text
        assert squash(photo.caption) in text
    assert "外包装" in text and "面单" in text and "2026年11月13日09:30" in text
    reader = PdfReader(str(pdf))
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(photos)


def test_schedule_page(tmp_path: Path, catalog: Catalog) -> None:
    case = make_case(**FULL, complaint_at="2026-11-18T10:00")
    deadlines = build_schedule(case)
    assert deadlines
    text = squash(pdf_text(render(tmp_path, catalog, case=case, deadlines=deadlines)))
    assert "附件二跟进期限" in text  # no photos: the deadlines follow annex 1
    # the seller's own to-do (refund the buyer first) is not on the courier's copy
    assert "先给买家退款" not in text
    deadlines = tuple(d for d in deadlines if d.kind in COURIER_KINDS)
    for deadline in deadlines:
        shown = deadline_to_dict(deadline, catalog.texts, "zh")
        assert squash(shown["title"]) in text
        # the seller's to-dos and warnings are not for the courier's eyes
        assert squash(shown["detail"])[:12] not in text
        for warning in shown.get("warnings", []):
            assert squash(warning["text"])[:12] not in text
    assert "到时未答复" not in text and "请更新软件" not in text
    for basis in ("A.5.2", "《快递暂行条例》第29条", "A.5.3", "A.4"):
        assert basis in text
    for deadline in deadlines:
        if deadline.legal_due is not None:
            assert f"{deadline.legal_due:%Y年%m月%d日}" in text and "《民法典》第203条" in text


def test_calculation_page_lists_the_steps(tmp_path: Path, catalog: Catalog) -> None:
    text = squash(pdf_text(render(tmp_path, catalog)))
    assert "附件一赔偿计算说明" in text
    assert squash("损失比例 r = 损失价值 120 ÷ 货物价值 300 = 0.4") in text
    assert squash("运费 4.80 + 货物赔偿 24.00 = 28.80 元") in text


def test_password_protects_the_file(tmp_path: Path, catalog: Catalog) -> None:
    pdf = render(tmp_path, catalog, password="s3cret")
    reader = PdfReader(str(pdf))
    assert reader.is_encrypted
    assert not reader.decrypt("wrong")
    assert reader.decrypt("s3cret")
    assert "快件索赔申告单" in reader.pages[0].extract_text()
    assert "快件索赔申告单" in pdf_text(pdf, password="s3cret")
    with pytest.raises(LockedPdfError):
        pdf_text(pdf)


def test_password_means_aes_256_print_and_copy_but_no_changes(
    tmp_path: Path, catalog: Catalog
) -> None:
    import pikepdf

    pdf = render(tmp_path, catalog, password="s3cret")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf)
    with pikepdf.open(pdf, password="s3cret") as opened:
        info = opened.encryption
        assert (info.R, info.bits, str(info.stream_method)) == (6, 256, "EncryptionMethod.aesv3")
        # the user's password is not the owner password: the limits cannot be lifted with it
        assert not opened.owner_password_matched
        allow = opened.allow
        assert allow.print_highres and allow.extract and allow.accessibility
        assert not (allow.modify_other or allow.modify_assembly or allow.modify_form)
    assert b"SF1234567890123" not in pdf.read_bytes()  # nothing readable without the password


def test_metadata_has_title_and_subject_but_no_buyer_data(tmp_path: Path, catalog: Catalog) -> None:
    pdf = render(tmp_path, catalog)
    meta = PdfReader(str(pdf)).metadata
    assert meta is not None
    assert meta.title == "快件索赔申告单 SF1234567890123"
    assert meta.subject and "顺丰速运" in meta.subject and "132.00" in meta.subject
    everything = " ".join(str(value) for value in meta.values())
    for secret in ("张三", "13912345678", "文三路", "李喆"):
        assert secret not in everything
    assert b"13912345678" not in pdf.read_bytes()  # the text stream is compressed, not plain


def test_failure_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "form.pdf"
    out.write_bytes(b"old form")

    def broken(*args: Any, **kwargs: Any) -> list[Any]:
        raise RuntimeError("disk on fire")

    # Fails after page 1 is laid out and part of the file may have been written.
    monkeypatch.setattr(annexes, "calculation", broken)
    with pytest.raises(RuntimeError):
        render(tmp_path, catalog)
    assert out.read_bytes() == b"old form"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.pdf"]


def test_failure_while_writing_leaves_nothing(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(src: str, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("seller_app.documents.pdf.os.replace", broken_replace)
    with pytest.raises(OSError):
        render(tmp_path, catalog, "new.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["喆", "堃", "昇", "赟", "欧阳喆堃", "李昇赟"])
def test_rare_name_characters_print(tmp_path: Path, catalog: Catalog, name: str) -> None:
    case = make_case(**{**FULL, "buyer": {"name": name, "address": "昇平路 1 号"}})
    assert missing_glyphs(name) == ""
    assert name in pdf_text(render(tmp_path, catalog, case=case))


@pytest.mark.parametrize("text", ["张☐三", "王🙂", "𪚥"])
def test_a_character_the_font_lacks_fails_loudly(
    tmp_path: Path, catalog: Catalog, text: str
) -> None:
    case = make_case(**{**FULL, "buyer": {"name": text}})
    with pytest.raises(MissingGlyphError) as caught:
        render(tmp_path, catalog, case=case)
    assert caught.value.where == "recipient_name"
    assert caught.value.characters and caught.value.characters in text
    assert "U+" in caught.value.message("zh")
    assert list(tmp_path.iterdir()) == []


def test_long_values_wrap_inside_the_page(tmp_path: Path, catalog: Catalog) -> None:
    numbers = [f"SF{1234567890100 + i}" for i in range(14)]
    case = make_case(
        **{
            **FULL,
            "tracking_numbers": numbers,
            "buyer": {"name": "张三", "address": LONG_ADDRESS},
            "description": "外箱压扁，内件破碎。" * 30,
        }
    )
    pdf = render(tmp_path, catalog, case=case)
    width = page_size(pdf)[0]
    margin = (width - claim_form.CONTENT_WIDTH) / 2
    for page in range(page_count(pdf)):
        left, _, right, _ = text_box(pdf, page)
        assert left >= margin - 0.5 and right <= width - margin + 0.5, (page, left, right)
    text = squash(pdf_text(pdf))
    for number in numbers:
        assert number in text
    assert squash(LONG_ADDRESS) in text


def test_one_line_cuts_long_quotations() -> None:
    short = "快件丢失"
    assert one_line(short, 200) == short
    cut = one_line("完全损毁，指快件价值完全丧失。" * 10, 120)
    assert cut.endswith("……") and len(cut) < 40


@pytest.mark.parametrize(
    ("overrides", "amount", "claimed"),
    [
        # minimal case (SF terms by default): loss, uninsured, no shop/buyer/goods
        ({}, "96.00", "312.00"),
        ({"policy": "standard"}, "72.00", "312.00"),
        ({"incident": "delay"}, "12.00", "12.00"),
        (
            {"incident": "mismatch", "mismatch": {"kind": "short", "lost_value": "150"}},
            "96.00",
            "162.00",
        ),
        ({"insured_value": "300", "insurance_fee": "3"}, "312.00", "312.00"),
        ({"posted_at": "2025-01-01", "claim_at": "2026-11-16"}, "0.00", "0.00"),  # time-barred
        ({"exemptions": {"sender_fault": True}}, "0.00", "0.00"),
        ({"exemptions": {"force_majeure": True}}, "12.00", "12.00"),  # art. 835
    ],
)
def test_every_kind_of_case_renders(
    tmp_path: Path, catalog: Catalog, overrides: dict[str, Any], amount: str, claimed: str
) -> None:
    case = make_case(**overrides)
    assessment = assess(case, catalog)
    assert (str(assessment.amount), str(assessment.claim.amount)) == (amount, claimed)
    pdf = render_claim_form(case, assessment, tmp_path / "f.pdf", catalog=catalog)
    first_page = squash(PdfReader(str(pdf)).pages[0].extract_text())
    assert "快件索赔申告单" in first_page
    assert squash(f"索赔金额合计 {claimed} 元") in first_page
    assert amount in first_page
    assert case.tracking_numbers[0] in first_page


def test_a_cut_after_a_quotation_s_own_ellipsis_does_not_double_it() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from seller_app.documents.fonts import register_font

    head = "没有约定或者约定不明确……"
    width = stringWidth(head + "……", register_font(), 7) + 0.5
    cut = one_line(head + "按照交付或者应当交付时货物到达地的市场价格计算。", width, size=7)
    assert cut == head and "…………" not in cut


@pytest.mark.parametrize("count", [0, 2, 4, 5, 9])
def test_no_annex_table_leaves_its_last_rows_alone_on_a_page(
    tmp_path: Path, catalog: Catalog, count: int
) -> None:
    """The manifest and the deadlines stay whole: a page never holds only the last rows of
    either (4 photos used to leave 2 manifest rows on a page of their own, and 3 deadline rows
    had a page to themselves)."""
    case = make_case(**FULL)
    photos = make_photos(tmp_path / "photos", count) if count else []
    pdf = render(tmp_path, catalog, case=case, photos=photos, deadlines=build_schedule(case))
    pages = [squash(page.extract_text()) for page in PdfReader(str(pdf)).pages]
    schedule = "附件四跟进期限" if photos else "附件二跟进期限"
    if photos:
        (manifest,) = [text for text in pages if "附件三证据清单" in text]
        assert all(photo.sha256 in manifest for photo in photos)  # every row on its page
    (deadlines,) = [text for text in pages if schedule in text]
    for deadline in build_schedule(case):
        if deadline.kind in COURIER_KINDS:  # every row on the page of its heading
            assert squash(deadline_to_dict(deadline, catalog.texts, "zh")["title"]) in deadlines
    if count == 4:  # room enough: after the manifest, not on a page of its own
        assert "附件三" in deadlines


@pytest.mark.parametrize("photo_count", [0, 2])
def test_annexes_are_numbered_in_the_order_attached(
    tmp_path: Path, catalog: Catalog, photo_count: int
) -> None:
    """No number is skipped: a courier reading 附件一 then 附件四 would look for two lost pages."""
    case = make_case(**FULL)
    photos = make_photos(tmp_path / "photos", photo_count) if photo_count else []
    pdf = render(tmp_path, catalog, case=case, photos=photos, deadlines=build_schedule(case))
    text = squash(pdf_text(pdf))
    expected = ["附件一赔偿计算说明"]
    if photos:
        expected += ["附件二证据照片", "附件三证据清单"]
    expected.append(f"附件{'四' if photos else '二'}跟进期限")
    positions = [text.find(heading) for heading in expected]
    assert -1 not in positions and positions == sorted(positions), expected
    numerals = "一二三四" if photos else "一二"
    assert set(re.findall("附件([一二三四五六七八九])", text)) == set(numerals)


def test_the_declaration_says_what_the_attached_photos_are(
    tmp_path: Path, catalog: Catalog
) -> None:
    """The embedded photos are reduced copies: the form never calls them unaltered originals;
    the originals are, and their SHA-256 identifies them."""
    photos = make_photos(tmp_path / "photos", 2)
    text = squash(pdf_text(render(tmp_path, catalog, photos=photos)))
    assert "原始拍摄，未经修改" not in text
    assert squash("原始照片文件未经修改") in text and "SHA-256" in text


@pytest.mark.parametrize("layout", ["generic", "sf"])
def test_without_photos_the_declaration_does_not_speak_of_any(
    tmp_path: Path, catalog: Catalog, layout: str
) -> None:
    """A lost parcel is often claimed with no photo: the signed declaration must not vouch for
    attached photos or a manifest that are not there."""
    text = squash(pdf_text(render(tmp_path, catalog, layout=layout)))
    declaration = text[text.index("声明：") :]
    assert "照片" not in declaration and "SHA-256" not in declaration
    assert "计算说明均真实、完整" in declaration


def test_a_rounded_step_says_so_and_the_total_shows_the_rounding_once(
    tmp_path: Path, catalog: Catalog
) -> None:
    """r and the partial figures are shown rounded with ≈, and the total shows the exact sum
    and the fen figures it rounds to: no step shows a figure the total did not use."""
    case = make_case(
        incident="damage",
        service_fee="12.37",
        goods_value="299.99",
        weight_kg="2.3",
        damage={"extent": "partial", "lost_value": "113.13"},
        policy="standard",
    )
    steps = [s for s in assess(case, catalog).steps]
    text = squash(pdf_text(render(tmp_path, catalog, case=case)))
    assert squash("113.13 ÷ 货物价值 299.99 ≈ 0.3771") in text
    assert squash("货物赔偿 = r × 61.85 ≈ 23.3244 元") in text
    assert (
        squash(
            "合计 = 运费 4.6649 + 货物赔偿 23.3244 ≈ 27.9893，四舍五入到分为 27.99 元"
            "（运费四舍五入为 4.66 元，其余 23.33 元为货物赔偿）"
        )
        in text
    )
    assert [s.code for s in steps].count("total_rounded") == 1
    exact = make_case(policy="standard")  # 300 / 120 / 12: every figure exact to the fen
    codes = [s.code for s in assess(exact, catalog).steps]
    assert "total" in codes and "total_rounded" not in codes
