"""The one bundled CJK font: registered once per process, and a guard against missing glyphs.

ReportLab draws a character the font lacks as an empty box or nothing at all, silently. A claim
form with a blank where the buyer's name should be is worse than no form, so every text goes
through `require_glyphs` before it is drawn and a missing character raises `MissingGlyphError`.

The font is WenQuanYi Micro Hei (``resources/fonts/wqy-microhei.ttc``, Apache-2.0, from Debian's
fonts-wqy-microhei): a TrueType (glyf) font with Latin and CJK in one face, which ReportLab embeds
as a subset. Noto CJK is CFF-based and cannot be embedded by ReportLab.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from .. import paths

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


class MissingGlyphError(ValueError):
    """Text holds characters the bundled font cannot draw."""

    def __init__(self, where: str, characters: str) -> None:
        self.where = where
        self.characters = characters
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in characters)
        super().__init__(f"{where}: the form font has no glyph for {shown}")

    def message(self, lang: str) -> str:
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in self.characters)
        if lang == "zh":
            return f"{self.where}：字体中没有这些字符，无法打印：{shown}。请换用常用字或拼音。"
        return f"{self.where}: the form font cannot print {shown}; use a common character."


def font_path() -> Path:
    return paths.resources_dir() / "fonts" / FONT_FILE


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the bundled font with ReportLab (first call only) and return its name."""
    from .subsets import CachingFont

    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            # read in whole tables, its subsets cut from tables read once and remembered (issue 16)
            font = CachingFont.load(FONT_NAME, str(font_path()), subfont_index=0)
            pdfmetrics.registerFont(font)
    return FONT_NAME


@lru_cache(maxsize=1)
def _cmap() -> frozenset[int]:
    register_font()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> str:
    """The distinct characters of `text` the font lacks, in order; line breaks are fine."""
    cmap = _cmap()
    missing: list[str] = []
    for ch in text:
        if ch in "\n\r\t" or ord(ch) in cmap or ch in missing:
            continue
        # Zero-width format characters (ZWJ, variation selectors) print nothing either way.
        if unicodedata.category(ch) == "Cf":
            continue
        missing.append(ch)
    return "".join(missing)


def require_glyphs(text: str, where: str) -> str:
    """Return `text` unchanged if the font can draw every character of it; else raise."""
    missing = missing_glyphs(text)
    if missing:
        raise MissingGlyphError(where, missing)
    return text
