"""Long texts in table cells: cut to fit, in full on continuation pages.

A table row cannot break across pages, so a cell holding a 3,000-character description, 66
short lines or a pasted address of a page's length would make its row taller than the page, and
ReportLab stops with a LayoutError. `Overflow.cell` keeps a cell to at most `max_lines` lines:
when the text is longer it shows the first lines and a visible note (``……（情况说明较长，全文见
续页）``) and keeps the whole text; `Overflow.pages` then prints every such text in full on
continuation pages after the form, where plain `TextBlock` paragraphs flow from page to page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from .fonts import require_glyphs
from .layout import Labels
from .pdf import para, styles
from .textblock import TextBlock, break_lines

MAX_CELL_LINES = 6  # ~70 pt: a normal form stays on page 1; no row can outgrow a page


class Overflow:
    """Collects the texts cut from cells of one document (see the module docstring)."""

    def __init__(self, labels: Labels, lang: str) -> None:
        self.labels = labels
        self.lang = lang
        self.cut: list[tuple[str, str, str]] = []  # (label, full text, glyph-check name)

    def cell(
        self,
        text: str,
        style: str,
        width: float,
        *,
        label: str,
        where: str,
        max_lines: int = MAX_CELL_LINES,
    ) -> TextBlock:
        """`text` for a cell `width` points wide (inside its padding), at most `max_lines`."""
        require_glyphs(text, where)
        chosen = styles()[style]
        lines = break_lines(text, width, chosen.fontName, chosen.fontSize)
        if len(lines) <= max_lines:
            return TextBlock(text, chosen, case=True)
        note = self.labels.get("overflow", "cut", self.lang, label=label)
        require_glyphs(note, "layout")
        note_lines = len(break_lines(note, width, chosen.fontName, chosen.fontSize))
        kept = lines[: max(1, max_lines - note_lines)]
        self.cut.append((label, text, where))
        return TextBlock("\n".join([*kept, note]), chosen, case=True)

    def pages(self) -> list[Flowable]:
        """The continuation pages (nothing when no text was cut)."""
        if not self.cut:
            return []
        story: list[Flowable] = [
            PageBreak(),
            para(self.labels.get("overflow", "heading", self.lang), "heading", "layout"),
        ]
        for label, text, where in self.cut:
            full = para(text, "value", where)
            full.case = True
            story += [para(label, "section", "layout"), full, Spacer(1, 8)]
        return story


def clip(text: str, style: str, width: float, max_lines: int, ellipsis: str = "……") -> str:
    """`text` cut to `max_lines` lines of `width` points, ending in `ellipsis` when cut -- for
    places with no continuation page (a photo's caption beside its picture)."""
    chosen = styles()[style]
    lines = break_lines(text, width, chosen.fontName, chosen.fontSize)
    if len(lines) <= max_lines:
        return text
    last = lines[max_lines - 1]
    room = break_lines(last + ellipsis, width, chosen.fontName, chosen.fontSize)
    while len(room) > 1 and last:
        last = last[:-1]
        room = break_lines(last + ellipsis, width, chosen.fontName, chosen.fontSize)
    return "\n".join([*lines[: max_lines - 1], last + ellipsis])
