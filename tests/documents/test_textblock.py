"""Line breaking of TextBlock: CJK anywhere, ASCII runs whole, punctuation kept with its word."""

from __future__ import annotations

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
