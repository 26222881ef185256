"""What forms of one batch share (issue 16): the layout's and the terms' characters numbered
first, so their font subsets are the same bytes in every form and made once; the case's own
characters in a subset of their own; a layout's words drawn from a cache that gives the same
bytes as drawing them; and a batch's forms written without a wait for the disk each."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from seller_app.documents import textblock
from seller_app.documents.claim_form import render_claim_form
from seller_app.documents.pdf import numbering, para
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import assess
from tests.conftest import make_case
from tests.documents.photo_helpers import pdf_text, squash

BUYERS = (
    ("张三", "浙江省杭州市西湖区文三路 100 号"),
    ("欧阳娜娜", "新疆维吾尔自治区乌鲁木齐市天山区解放北路 9 号"),
)


def form_for(folder: Path, catalog: Catalog, name: str, address: str) -> Path:
    folder.mkdir(exist_ok=True)
    case = make_case(
        incident="damage",
        damage={"extent": "partial", "lost_value": "120.00"},
        buyer={"name": name, "phone": "13912345678", "address": address},
        goods={"description": "陶瓷餐具套装 12 件", "quantity": 1},
    )
    return render_claim_form(
        case, assess(case, catalog), folder / f"{name}.pdf", catalog=catalog, durable=False
    )


def font_files(path: Path) -> list[bytes]:
    """The embedded subset font files, in subset order."""
    with pikepdf.open(path) as pdf:
        fonts: dict[str, Any] = {}
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                fonts[str(font.BaseFont)] = font
        return [bytes(fonts[name].FontDescriptor.FontFile2.read_bytes()) for name in sorted(fonts)]


def contents(path: Path) -> list[bytes]:
    with pikepdf.open(path) as pdf:
        return [bytes(page.Contents.read_bytes()) for page in pdf.pages]


def test_forms_for_different_buyers_share_all_but_one_subset(
    tmp_path: Path, catalog: Catalog
) -> None:
    first, second = (form_for(tmp_path, catalog, *buyer) for buyer in BUYERS)
    one, two = font_files(first), font_files(second)
    assert len(one) == len(two) >= 2
    assert one[:-1] == two[:-1]  # the layout's and the terms' characters
    assert one[-1] != two[-1]  # the buyer's own
    for path, (name, address) in zip((first, second), BUYERS, strict=True):
        text = squash(pdf_text(path))
        assert name in text and squash(address) in text


def test_a_form_without_case_text_needs_no_subset_of_its_own() -> None:
    first, own = numbering([para("索赔人", "label", "layout"), para("条款", "body", "clause")])
    assert first == "索赔人条款" and not own
    case = para("欧阳", "value", "photo")
    first, own = numbering([para("索赔人", "label", "layout"), case])
    assert first == "索赔人" and own
    assert numbering([para("索赔", "label", "layout"), para("赔人", "value", "photo")]) == (
        "索赔",
        True,
    )


def test_remembered_layout_words_are_the_bytes_drawing_gives(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, address = BUYERS[1]
    warm = contents(form_for(tmp_path / "warm", catalog, name, address))
    textblock._FIXED_CODES.clear()
    drawn: list[str] = []
    original = textblock._text_code

    def counted(*args: Any) -> str | None:
        code = original(*args)
        drawn.append(code or "")
        return code

    monkeypatch.setattr(textblock, "_text_code", counted)
    cold = contents(form_for(tmp_path / "cold", catalog, name, address))
    assert cold == warm
    count = len(drawn)
    again = contents(form_for(tmp_path / "again", catalog, name, address))
    assert again == warm
    assert len(drawn) - count < count * 2 / 3  # the layout's words came from the cache


def test_line_breaks_are_remembered_but_never_shared_lists() -> None:
    font = para("一", "body").style.fontName
    lines = textblock.break_lines("快件丢失，请赔偿", 20, font, 9)
    lines.append("changed")
    assert "changed" not in textblock.break_lines("快件丢失，请赔偿", 20, font, 9)


def test_a_batch_form_is_not_synced_but_a_single_one_is(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd)))
    form_for(tmp_path, catalog, *BUYERS[0])
    assert synced == []
    case = make_case()
    render_claim_form(case, assess(case, catalog), tmp_path / "one.pdf", catalog=catalog)
    assert len(synced) == 1


def test_streams_are_binary_not_ascii85(tmp_path: Path, catalog: Catalog) -> None:
    """ASCII85 makes every stream, the photos' JPEG data above all, a quarter bigger."""
    path = form_for(tmp_path, catalog, *BUYERS[0])
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                filters = obj.get("/Filter")
                assert "ASCII85Decode" not in str(filters)
