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
from typing import Any

from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
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
    return list(_break_lines(text, width, font, size))


@lru_cache(maxsize=8192)
def _break_lines(text: str, width: float, font: str, size: float) -> tuple[str, ...]:
    """`break_lines`, remembered: a form's labels and most of its values come back on the next
    form, at the same widths (and a cell's value is measured twice: by `Overflow` and by its
    table)."""
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
    return tuple(lines)


class TextBlock(Flowable):
    """Wrapped plain text in one `ParagraphStyle` (font, size, leading, alignment, colour)."""

    def __init__(
        self, text: str, style: ParagraphStyle, *, fixed: bool = False, case: bool = False
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.fixed = fixed
        """The layout's own words, the same on every form of it."""
        self.case = case
        """The case's own data (a name, an address), different on every form."""
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

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """ReportLab's `Flowable.drawOn` -- save the state, move to (x, y), draw, restore -- as
        the same operators written straight: ReportLab's state bookkeeping around each of a
        form's ~180 blocks cost more than drawing them."""
        code = self._code(canvas)
        if code is None or self._showBoundary:
            super().drawOn(canvas, x, y, _sW)
            return
        if _sW:
            x = self._hAlignAdjust(x, _sW)
        canvas._code += ["q", f"1 0 0 1 {fp_str(x, y)} cm", code, "Q"]

    def draw(self) -> None:
        code = self._code(self.canv)
        if code is not None:
            self.canv._code.append(code)
            return
        style = self.style
        text = self.canv.beginText()  # ReportLab's own way: any font, any colour
        text.setFont(style.fontName, style.fontSize)
        text.setFillColor(style.textColor)
        for line, (x, y) in zip(self._lines, self._origins(), strict=True):
            text.setTextOrigin(x, y)
            text.textOut(line)
        self.canv.drawText(text)

    def _origins(self) -> list[tuple[float, float]]:
        """Where each line starts: the glyph box (ascent ~0.8 em, descent ~0.2 em) centred in
        its line's slot."""
        style = self.style
        leading = style.leading
        first = self.height - leading / 2 - 0.3 * style.fontSize
        return [(self._x(line), first - index * leading) for index, line in enumerate(self._lines)]

    def _code(self, canv: Any) -> str | None:
        """The PDF operators drawing the lines at (0, 0); None where ReportLab must draw."""
        style = self.style
        font, size, colour = style.fontName, style.fontSize, style.textColor
        if self.case:  # a buyer's name, an address: new on every form
            return _text_code(canv, font, size, colour, self._lines, self._origins())
        # the layout's words, and the courier's terms and clauses: the same on many forms
        fixed: str = getattr(canv, "fixed_text", "")
        name = _subset_name(canv, font) if fixed and type(colour) is Color else None
        if name is None:
            return _text_code(canv, font, size, colour, self._lines, self._origins())
        # what decides the lines and where they start (see `_origins`), not the lines
        # themselves: a form draws ~100 such blocks, most of them found here
        key = (fixed, name, font, size, style.leading, style.alignment, colour.red,
               colour.green, colour.blue, self.text, self._wrapped_at)  # fmt: skip
        code = _FIXED_CODES.get(key, _MISSING)
        if code is _MISSING:
            code = _fixed_code(canv, fixed, font, size, colour, self._lines, self._origins())
            if code is _MISSING:  # a character of the case's own: not the same in every form
                return _text_code(canv, font, size, colour, self._lines, self._origins())
            if len(_FIXED_CODES) >= FIXED_CODES_KEPT:
                _FIXED_CODES.clear()
            _FIXED_CODES[key] = code
        return code  # type: ignore[no-any-return]

    def _x(self, line: str) -> float:
        style = self.style
        if style.alignment not in (TA_CENTER, TA_RIGHT):
            return 0.0
        spare = self.width - _width(line, style.fontName) * style.fontSize
        return spare / 2 if style.alignment == TA_CENTER else spare

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


_FIXED_CODES: dict[tuple[Any, ...], str | None] = {}
FIXED_CODES_KEPT = 16384  # ~70 blocks a layout x the courier's terms in one batch: a few MB


_MISSING: Any = object()


def _subset_name(canv: Any, font_name: str) -> str | None:
    """The name of `font_name`'s first subset in `canv`'s document (asking marks the font used
    there); None for a font ReportLab does not subset (its own drawing then)."""
    names: dict[str, str | None] = canv.__dict__.setdefault("_subset_names", {})
    try:
        return names[font_name]
    except KeyError:
        pass
    font = pdfmetrics.getFont(font_name)
    name = font.getSubsetInternalName(0, canv._doc) if getattr(font, "_dynamicFont", 0) else None
    names[font_name] = name
    return name


def _fixed_code(
    canv: Any,
    fixed: str,
    font_name: str,
    size: float,
    colour: Any,
    lines: list[str],
    origins: list[tuple[float, float]],
) -> Any:
    """`_text_code` of words that are not the case's own -- the layout's, the courier's terms
    and clauses, the calculation's wording --, when it is the same in every form (else
    `_MISSING`: not to be remembered).

    A glyph's code depends on the order a document first draws it; `build_pdf` numbers these
    words first (``canv.fixed_text``, in the same order for every form of a layout and terms),
    so their codes, and so their drawing, are the same in each form that numbers the same
    words: blocks whose every character is among them (or printable ASCII, which ReportLab
    numbers as itself)."""
    numbered = numbered_chars(fixed)
    if all(ch in numbered or " " <= ch <= "~" for line in lines for ch in line):
        return _text_code(canv, font_name, size, colour, lines, origins)
    return _MISSING


@lru_cache(maxsize=4)
def numbered_chars(fixed: str) -> frozenset[str]:
    """The characters of `fixed` as a set (a form asks ~100 times; ~1,000 characters)."""
    return frozenset(fixed)


def _text_code(
    canv: Any,
    font_name: str,
    size: float,
    colour: Any,
    lines: list[str],
    origins: list[tuple[float, float]],
) -> str | None:
    """The PDF operators ReportLab's text object writes for these lines -- BT, the colour, per
    line its origin and per font subset ``Tf`` and ``Tj``, ET -- written straight, without the
    text object's bookkeeping: a form draws ~180 text blocks, and that bookkeeping was a fifth
    of its drawing time. None when the font is not an embedded TrueType one or the colour not
    plain RGB (ReportLab's own path then)."""
    font = pdfmetrics.getFont(font_name)
    if not getattr(font, "_dynamicFont", False) or getattr(font, "shapable", False):
        return None
    if not isinstance(colour, Color) or isinstance(colour, CMYKColor):
        return None
    if getattr(canv, "_enforceColorSpace", None) or not canv.bottomup:
        return None
    doc = canv._doc
    escape = canv._escape
    style = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"  # setFont's default leading
    code = ["BT 1 0 0 1 0 0 Tm", f"{fp_str((colour.red, colour.green, colour.blue))} rg"]
    current = -1
    for line, (x, y) in zip(lines, origins, strict=True):
        code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        chunks = font.splitString(line, doc)
        if not chunks:
            code.append("")  # as ReportLab writes an empty line (the same bytes)
        for subset, chunk in chunks:
            if subset != current:
                code.append(f"{font.getSubsetInternalName(subset, doc)} {style}")
                current = subset
            code.append(f"({escape(chunk)}) Tj")
    code.append("ET")
    return " ".join(code)
