"""Plain text in one style, wrapped to its box: a lean stand-in for ReportLab's Paragraph.

Everything we print is plain text (never markup), so Paragraph's XML parsing and its per-fragment
CJK line breaking are work we pay for on every cell of every form: about half of a form's render
time. `TextBlock` breaks lines itself with cached glyph widths:

- a CJK character may end a line anywhere; a run of printable ASCII (a tracking number, a phone
  number, an English word) stays whole unless it is wider than the box, then it breaks per char;
- closing punctuation (，。、）》 …) stays with the character before it and opening punctuation
  (（《“ …) with the one after, the usual line-breaking rules for Chinese (禁则);
- ``\\n`` starts a new line; runs of spaces collapse at line ends.

The box grows downwards; a line never runs past the width it was given.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

_TOKENS = re.compile(r"[!-~]+| +|.", re.DOTALL)
_CLOSING = set("，。、；：？！）》」』】〕”’…—·%,.;:?!)]}")
_OPENING = set("（《「『【〔“‘([{")


@lru_cache(maxsize=65536)
def _width(token: str, font: str) -> float:
    """Width of `token` at size 1 (cached: the same characters come back on every form)."""
    return pdfmetrics.stringWidth(token, font, 1)


def _tokens(line: str) -> list[str]:
    """Unbreakable pieces: ASCII runs, single CJK characters, punctuation glued to neighbours."""
    pieces: list[str] = []
    glue_next = False
    for token in _TOKENS.findall(line):
        if pieces and (glue_next or token in _CLOSING) and not token.isspace():
            pieces[-1] += token
        else:
            pieces.append(token)
        glue_next = token in _OPENING
    return pieces


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """`text` as lines no wider than `width` points at `size` in `font`."""
    limit = width / size if size else width
    lines: list[str] = []
    for raw in text.split("\n"):
        current, used = "", 0.0
        for token in _tokens(raw):
            token_width = _width(token, font)
            if used + token_width <= limit + 1e-9:
                current, used = current + token, used + token_width
                continue
            if token.isspace():
                lines.append(current.rstrip())
                current, used = "", 0.0
                continue
            if current.strip():
                lines.append(current.rstrip())
                current, used = "", 0.0
            if token_width <= limit:
                current, used = token, token_width
                continue
            for ch in token:  # wider than the whole box: break inside it
                ch_width = _width(ch, font)
                if used + ch_width > limit + 1e-9 and current:
                    lines.append(current)
                    current, used = "", 0.0
                current, used = current + ch, used + ch_width
        lines.append(current.rstrip())
    return lines


class TextBlock(Flowable):
    """Wrapped plain text in one `ParagraphStyle` (font, size, leading, alignment, colour)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines: list[str] = []
        self._wrapped_at: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at != avail_width:
            style = self.style
            self._lines = break_lines(self.text, avail_width, style.fontName, style.fontSize)
            self._wrapped_at = avail_width
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        style = self.style
        font, size, leading = style.fontName, style.fontSize, style.leading
        # One text object for all lines; the glyph box (ascent ~0.8 em, descent ~0.2 em) is
        # centred in each line's slot.
        text = self.canv.beginText()
        text.setFont(font, size)
        text.setFillColor(style.textColor)
        first = self.height - leading / 2 - 0.3 * size
        for index, line in enumerate(self._lines):
            x = 0.0
            if style.alignment in (TA_CENTER, TA_RIGHT):
                spare = self.width - _width(line, font) * size
                x = spare / 2 if style.alignment == TA_CENTER else spare
            text.setTextOrigin(x, first - index * leading)
            text.textOut(line)
        self.canv.drawText(text)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split between lines when a long text meets the bottom of a page."""
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.style.leading)
        if fits <= 0 or fits >= len(self._lines):
            return []
        return [
            TextBlock("\n".join(self._lines[:fits]), self.style),
            TextBlock("\n".join(self._lines[fits:]), self.style),
        ]
