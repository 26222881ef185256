"""The forms' own ruled grid: row heights, where cells sit, rules, splitting across pages."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from seller_app.documents.fonts import register_font
from seller_app.documents.grid import BLANK_LINE, Cell, Grid, Row
from seller_app.documents.pdf import CONTENT_WIDTH, Metadata, build_pdf, para, styles
from seller_app.documents.textblock import break_lines
from tests.pdfs import squash

WIDTHS = [80.0, 200.0, 80.0, 150.0]


def grid(rows: list[Row], **kwargs: Any) -> Grid:
    return Grid(WIDTHS, rows, rule=colors.black, **kwargs)


def label(text: str) -> Cell:
    return Cell(para(text, "label", "layout"), shade=colors.HexColor("#EDEDED"))


def value(text: str, span: int = 1) -> Cell:
    return Cell(para(text, "value", "test"), span=span)


def test_a_row_is_as_tall_as_its_tallest_cell_and_grows_as_a_value_wraps() -> None:
    leading = styles()["value"].leading
    short = grid([Row((label("收件人"), value("张三"), label("电话"), value("139")))])
    _, one_line = short.wrap(CONTENT_WIDTH, 1000)
    assert one_line == pytest.approx(leading + 1 + 2)  # the line and its padding (1 + 2)
    address = "新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路街道斯大林街三巷" * 3
    long = grid([Row((label("收件地址"), value(address, span=3)))])
    _, grown = long.wrap(CONTENT_WIDTH, 1000)
    lines = break_lines(address, sum(WIDTHS[1:]) - 8, register_font(), styles()["value"].fontSize)
    assert len(lines) >= 2 and grown == pytest.approx(len(lines) * leading + 3)


def test_a_blank_or_spanned_cell_counts_as_one_blank_line() -> None:
    """As in the tables the forms were drawn with before, so no row changed height."""
    tiny = para("注", "tiny", "layout")  # 8 pt leading: less than a blank line
    other = Cell(para("x", "tiny", "t"))
    alone = Grid([100.0, 100.0], [Row((Cell(tiny), other))], rule=colors.black)
    spanned = Grid([100.0, 100.0], [Row((Cell(tiny, span=2),))], rule=colors.black)
    blank = Grid([100.0, 100.0], [Row((Cell(tiny), Cell()))], rule=colors.black)
    assert alone.wrap(200, 100)[1] == pytest.approx(8 + 3)
    assert spanned.wrap(200, 100)[1] == pytest.approx(BLANK_LINE + 3)
    assert blank.wrap(200, 100)[1] == pytest.approx(BLANK_LINE + 3)


def test_a_fixed_row_height_is_kept_and_contents_sit_in_the_middle() -> None:
    cells = (label("受理人"), value(""), label("受理时间"), value(""))
    box = grid([Row(cells, height=20.0)])
    assert box.wrap(CONTENT_WIDTH, 1000)[1] == 20.0
    canvas = Canvas(io.BytesIO())
    box.canv = canvas
    box.draw()
    # each text block is placed so that its line sits centred between the paddings
    placed = [float(y) for y in re.findall(r"1 0 0 1 [\d.]+ ([\d.]+) cm", " ".join(canvas._code))]
    height = styles()["label"].leading
    assert placed[0] == pytest.approx((20 + 2 - 1 + height) / 2 - height)


def test_rules_run_along_every_edge_but_not_through_a_spanned_cell() -> None:
    two = Grid(
        [100.0, 100.0],
        [Row((Cell(para("标题", "section", "layout"), span=2),)), Row((value("a"), value("b")))],
        rule=colors.black,
    )
    _, height = two.wrap(200, 1000)
    lines = two._lines()
    segments = re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l", lines)
    middle = [s for s in segments if s[0] == s[2] == "100"]
    # the inner rule stops at the spanned title row
    row = two._heights[1]
    assert len(middle) == 1 and float(middle[0][1]) == pytest.approx(row)
    assert float(middle[0][3]) == pytest.approx(0)
    assert len([s for s in segments if s[1] == s[3]]) == 3  # top, between the rows, bottom
    assert lines.startswith("1 J 1 j 0 0 0 RG .6 w")


def test_a_grid_too_tall_for_the_page_splits_between_rows_repeating_its_header() -> None:
    header = Row((label("步骤"), label("内容"), label("甲"), label("乙")))
    body = [Row((value(str(n)), value(f"第{n}行"), value("x"), value("y"))) for n in range(10)]
    table = grid([header, *body], repeat=1)
    table.wrap(CONTENT_WIDTH, 1000)
    row = table._heights[0]
    first, rest = table.split(CONTENT_WIDTH, row * 4.5)
    assert len(first.rows) == 4 and first.rows[0] is header
    assert len(rest.rows) == 1 + 7 and rest.rows[0] is header and rest.rows[1] is body[3]
    assert table.split(CONTENT_WIDTH, row * 1.5) == []  # only the header would fit: move it
    assert table.split(CONTENT_WIDTH, 1000) == [table]


def test_a_split_grid_reads_in_order_across_pages(tmp_path: Path) -> None:
    header = Row((label("序号"), label("内容"), label("甲"), label("乙")), shade=colors.grey)
    text = "外箱压扁，内件破碎。"
    body = [
        Row((value(f"R{n:03d}"), value(text * (n % 3 + 1)), value("x"), value("y")))
        for n in range(80)
    ]
    out = build_pdf(
        tmp_path / "grid.pdf",
        [grid([header, *body], repeat=1)],
        metadata=Metadata(title="grid", subject="grid"),
        footer_left="grid",
        page_label="{page}/{pages}",
    )
    pages = [squash(page.extract_text()) for page in PdfReader(str(out)).pages]
    assert len(pages) >= 2
    numbers = [int(n) for page in pages for n in re.findall(r"R(\d{3})", page)]
    assert numbers == list(range(80))  # every row once, in order, none cut
    assert all(page.startswith("序号内容甲乙") for page in pages)  # the header on each page
