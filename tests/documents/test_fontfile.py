"""The font's character tables read in whole arrays (`documents.fontfile`): every table ReportLab's
own parse makes, the same values (in the same order, but for the widths, which ReportLab only
looks up); what it does not read is ReportLab's."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from seller_app.documents import fontfile
from seller_app.documents.fonts import font_path
from seller_app.documents.subsets import CachingFace, CachingFont, install

TABLES = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "hmetrics", "glyphPos")


@cache
def reportlabs() -> TTFontFace:
    return TTFontFace(str(font_path()), subfontIndex=0)


def same_face(ours: Any, theirs: Any) -> None:
    """Every attribute ReportLab's parse sets, equal; the tables also in the same order."""
    for name, value in vars(theirs).items():
        if name in ("_pos", "_pdfScale"):  # the read position; a lambda (the scale, checked below)
            continue
        mine = getattr(ours, name)
        assert mine == value, name
        if isinstance(value, dict) and name != "charWidths":  # looked up only, never iterated
            assert list(mine) == list(value), f"{name}: order"
    assert ours._pdfScale(1234) == theirs._pdfScale(1234)
    assert [ours._hmetric(glyph) for glyph in range(ours.numGlyphs)] == theirs.hmetrics


def test_the_tables_are_reportlabs() -> None:
    face = CachingFace(str(font_path()), subfontIndex=0)
    assert "_glyph_to_char" not in vars(face) and "_hmetrics" not in vars(face)  # not yet made
    same_face(face, reportlabs())
    assert len(face.charToGlyph) > 30_000  # a CJK font: the whole map was read


def test_a_map_it_does_not_read_is_left_to_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontfile, "_cmap", lambda face, data: None)
    face = CachingFace(str(font_path()), subfontIndex=0)
    same_face(face, reportlabs())


def test_a_character_listed_twice_is_left_to_reportlab() -> None:
    # a format 4 map with one segment 0x41-0x42 listed twice, by delta: ReportLab lists the
    # characters twice under their glyphs; the quick reader gives it up
    segments = [(0x41, 0x42, 5, 0), (0x41, 0x42, 7, 0), (0xFFFF, 0xFFFF, 1, 0)]
    count = len(segments)
    header = [4, 16 + 8 * count, 0, 2 * count, 0, 0, 0]
    words = [*header, *(s[1] for s in segments), 0, *(s[0] for s in segments)]
    words += [s[2] & 0xFFFF for s in segments] + [s[3] for s in segments]
    data = b"".join(w.to_bytes(2, "big") for w in words)
    table, listed = fontfile._format4(data, 0)
    assert table == {0x41: 0x41 + 7, 0x42: 0x42 + 7, 0xFFFF: 0}
    assert listed == 5 != len(table)


def test_the_font_is_reportlabs_with_a_caching_face() -> None:
    ours = CachingFont.load("QuickFont", str(font_path()), subfont_index=0)
    theirs = TTFont("QuickFont", str(font_path()), subfontIndex=0)
    assert set(vars(ours)) == set(vars(theirs))
    for name in ("fontName", "_asciiReadable", "shapable"):
        assert getattr(ours, name) == getattr(theirs, name)
    assert type(ours.encoding) is type(theirs.encoding)
    assert type(ours.state) is type(theirs.state)
    assert isinstance(ours.face, CachingFace)
    same_face(ours.face, theirs.face)
    text = "索赔申告单 Claim 12.50 元"
    assert ours.stringWidth(text, 9) == theirs.stringWidth(text, 9)


def test_a_face_reportlab_parsed_keeps_its_tables_when_installed() -> None:
    font = TTFont("Installed", str(font_path()), subfontIndex=0)
    install(font)
    assert isinstance(font.face, CachingFace)
    same_face(font.face, reportlabs())
