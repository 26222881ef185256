"""Font subsets cut from tables read once (`documents.subsets`): the same bytes as ReportLab's
own subsetting, for any subset, and made once when the same subset comes back."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace

from seller_app.documents.fonts import FONT_NAME, register_font
from seller_app.documents.subsets import CachingFace


def face() -> CachingFace:
    register_font()
    loaded = pdfmetrics.getFont(FONT_NAME).face
    assert isinstance(loaded, CachingFace)
    return loaded


def test_subsets_are_byte_for_byte_reportlabs() -> None:
    font = face()
    codes = sorted(font.charToGlyph)
    rng = random.Random(16)
    for size in (1, 7, 60, 255):
        subset = list(dict.fromkeys([0, *rng.sample(codes, size)]))
        subset += [0x4E00, 0x7D22, 0x8D54]  # 一索赔: composite glyphs in this font
        subset = list(dict.fromkeys(subset))
        assert font._cut(subset) == TTFontFace.makeSubset(font, subset)


def test_a_subset_seen_before_is_not_cut_again(monkeypatch: pytest.MonkeyPatch) -> None:
    font = face()
    subset = [0, 0x5F20, 0x4E09, 0x6D59, 0x6C5F]  # 张三浙江
    first = font.makeSubset(subset)
    cuts: list[object] = []
    original = CachingFace._cut

    def counted(self: CachingFace, codes: list[int]) -> bytes:
        cuts.append(codes)
        return original(self, codes)

    monkeypatch.setattr(CachingFace, "_cut", counted)
    assert font.makeSubset(list(subset)) == first
    assert cuts == []
