"""Line breaking of TextBlock: CJK anywhere, ASCII runs whole, punctuation kept with its word."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from seller_app.documents.fonts import register_font
from seller_app.documents.textblock import break_lines


@pytest.fixture(scope="module")
def font() -> str:
    return register_font()


def test_short_text_is_one_line(font: str) -> None:
    assert break_lines("快件丢失", 200, font, 9) == ["快件丢失"]


@pytest.mark.parametrize("width", [40, 80, 120, 200, 333])
def test_no_line_is_wider_than_the_box_and_nothing_is_lost(font: str, width: float) -> None:
    text = "新疆维吾尔自治区伊宁市解放路 17 号楼（请放门口），SF1234567890123，SF1234567890124。"
    lines = break_lines(text, width, font, 9)
    for line in lines:
        assert stringWidth(line, font, 9) <= width + 0.01
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_tracking_numbers_stay_whole_and_commas_stay_behind(font: str) -> None:
    numbers = [f"SF{1234567890100 + i}" for i in range(8)]
    lines = break_lines("，".join(numbers), 250, font, 9)
    assert len(lines) > 1
    for line in lines:
        assert not line.startswith("，")
        for piece in line.split("，"):
            assert piece == "" or piece in numbers


def test_a_run_wider_than_the_box_breaks_inside(font: str) -> None:
    sha = "0123456789abcdef" * 4
    lines = break_lines(sha, 60, font, 9)
    assert len(lines) > 1 and "".join(lines) == sha


def test_newlines_start_new_lines(font: str) -> None:
    assert break_lines("一\n二", 200, font, 9) == ["一", "二"]


def test_text_is_drawn_with_the_same_operators_as_reportlabs_text_object(
    font: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TextBlock writes its operators itself (faster); the page content must be byte for byte
    what ReportLab's text object writes -- an empty line, centred and right-aligned text, a
    colour, several font subsets (more than 256 different characters) included."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from seller_app.documents import textblock
    from seller_app.documents.pdf import Metadata, build_pdf

    many = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 600))
    grey = colors.HexColor("#555555")
    blocks = [
        (
            "顺丰速运 SF1234567890123\n\n收件人（张三）",
            ParagraphStyle("a", fontName=font, leading=12),
        ),
        (many, ParagraphStyle("b", fontName=font, fontSize=7.5, leading=9, alignment=TA_CENTER)),
        ("合计 ¥132.00", ParagraphStyle("c", fontName=font, alignment=TA_RIGHT, textColor=grey)),
    ]

    def page(name: str) -> bytes:
        from pypdf import PdfReader

        story = [textblock.TextBlock(text, style) for text, style in blocks]
        path = build_pdf(
            tmp_path / name,
            story,
            metadata=Metadata("t", "s"),
            footer_left="f",
            page_label="{page}",
        )
        return b"".join(p.get_contents().get_data() for p in PdfReader(path).pages)

    ours = page("ours.pdf")
    monkeypatch.setattr(textblock, "_text_code", lambda *args: None)
    assert ours == page("reportlab.pdf")
