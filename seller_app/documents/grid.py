"""A ruled grid of cells: the claim form's tables, drawn without ReportLab's Table machinery.

A form is ~15 tables of text cells with a few fixed rules -- a shaded title row, shaded label
cells, cells spanning to the row's end, one rule weight. ReportLab's `Table` recomputes its style
bookkeeping, spans, line blocks and cell geometry on every form and draws each cell and rule
through the canvas's state tracking: about a quarter of a form's time (issue 16). `Grid` does the
same layout the same way for these cases only:

- a row is as tall as its tallest cell (content + top and bottom padding), or exactly `Row.height`
  when given (as ReportLab's ``rowHeights``); a blank cell, and each column a cell spans, counts
  as one blank line of `BLANK_LINE` points (as in the tables our forms were drawn with, so rows
  keep the heights they have always had);
- content sits in the middle of its row (or at its top or bottom: ``valign``), `side` points in
  from the cell's sides; a narrower flowable (the seal's circle) can be centred;
- backgrounds first, then the contents, then the rules: every row and column edge, not across a
  spanned cell;
- a grid too tall for the space left splits between rows (never inside one), as a table does,
  its first `repeat` rows (a header) repeated at the top of the rest.

The rules and backgrounds of a grid of the same shape and row heights are the same operators on
every form: they are written once per process and reused (`_RULES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable

BLANK_LINE = 12.0  # ReportLab's Table: an empty string cell is one line at its default leading
RULES_KEPT = 4096
_RULES: dict[tuple[Any, ...], str] = {}


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its content (None: blank), how many columns it covers, its background."""

    content: Flowable | None = None
    span: int = 1
    shade: Color | None = None
    centre: bool = False
    """Centre a content narrower than the cell (text blocks fill their cell's width)."""


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    height: float | None = None
    """Exactly this tall (a box to write in by hand); None: as tall as its content."""
    shade: Color | None = None
    top: float | None = None
    bottom: float | None = None
    """Padding above and below the content; None: the grid's own."""


class Grid(Flowable):
    """Rows of cells over fixed column widths, ruled `weight` points wide (0: no rules; see
    the module docstring)."""

    def __init__(
        self,
        widths: Sequence[float],
        rows: Sequence[Row],
        *,
        rule: Color,
        weight: float = 0.6,
        valign: str = "MIDDLE",
        top: float = 1.0,
        bottom: float = 2.0,
        side: float = 4.0,
        repeat: int = 0,
    ) -> None:
        super().__init__()
        self.widths = tuple(widths)
        self.rows = tuple(rows)
        for row in self.rows:
            if sum(cell.span for cell in row.cells) != len(self.widths):
                raise ValueError("a grid row's cells must cover every column once")
        self.rule = rule
        self.weight = weight
        self.valign = valign
        self.top = top
        self.bottom = bottom
        self.side = side
        self.repeat = repeat
        self.hAlign = "CENTER"  # as ReportLab's Table
        self._cellvalues = [[cell.content for cell in row.cells] for row in self.rows]
        """The contents row by row, as a Table names them (see `pdf.numbering`)."""
        edges = [0.0]
        for width in self.widths:
            edges.append(edges[-1] + width)
        self._edges = edges
        self._heights: list[float] = []
        self._sizes: list[list[tuple[float, float]]] = []
        self._wrapped = False
        self._shape_key: tuple[Any, ...] | None = None

    # -- layout ---------------------------------------------------------------------------

    def _padding(self, row: Row) -> tuple[float, float]:
        return (
            self.top if row.top is None else row.top,
            self.bottom if row.bottom is None else row.bottom,
        )

    def _measure(self) -> None:
        if self._wrapped:
            return
        heights: list[float] = []
        sizes: list[list[tuple[float, float]]] = []
        edges = self._edges
        for row in self.rows:
            top, bottom = self._padding(row)
            tallest = 0.0
            row_sizes = []
            column = 0
            for cell in row.cells:
                room = edges[column + cell.span] - edges[column] - 2 * self.side
                column += cell.span
                if cell.content is None or cell.span > 1:
                    tallest = max(tallest, BLANK_LINE + top + bottom)
                if cell.content is None:
                    row_sizes.append((0.0, 0.0))
                    continue
                w, h = cell.content.wrap(room, 1e9)
                row_sizes.append((w, h))
                tallest = max(tallest, h + top + bottom)
            heights.append(tallest if row.height is None else row.height)
            sizes.append(row_sizes)
        self._heights, self._sizes = heights, sizes
        self._wrapped = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._measure()
        self.width = self._edges[-1]
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The rows that fit in `avail_height` and the rest (after the repeated header), as two
        grids; [] when no row beyond the header fits (the frame then moves the whole grid to the
        next page)."""
        self._measure()
        used, count = 0.0, 0
        for height in self._heights:
            if used + height > avail_height + 1e-6:
                break
            used += height
            count += 1
        if count <= self.repeat or count == 0:
            return []
        if count == len(self.rows):
            return [self]
        rest = self.rows[: self.repeat] + self.rows[count:]
        return [self._part(self.rows[:count]), self._part(rest)]

    def _part(self, rows: Sequence[Row]) -> Grid:
        return Grid(
            self.widths,
            rows,
            rule=self.rule,
            weight=self.weight,
            valign=self.valign,
            top=self.top,
            bottom=self.bottom,
            side=self.side,
            repeat=self.repeat,
        )

    # -- drawing --------------------------------------------------------------------------

    def draw(self) -> None:
        self._measure()
        canvas = self.canv
        code = canvas._code
        code.append("q")
        code.append(self._rules())
        edges, side = self._edges, self.side
        y = sum(self._heights)
        for row, height, sizes in zip(self.rows, self._heights, self._sizes, strict=True):
            y -= height
            top, bottom = self._padding(row)
            column = 0
            for cell, (w, h) in zip(row.cells, sizes, strict=True):
                left = edges[column]
                right = edges[column + cell.span]
                column += cell.span
                content = cell.content
                if content is None:
                    continue
                if self.valign == "TOP":
                    at = y + height - top - h
                elif self.valign == "BOTTOM":
                    at = y + bottom
                else:
                    at = y + (height + bottom - top + h) / 2.0 - h
                x = left + side
                if cell.centre:
                    x = left + (right - left - w) / 2.0
                content.drawOn(canvas, x, at)
        if self.weight:
            code.append(self._lines())
        code.append("Q")

    def _shape(self) -> tuple[Any, ...]:
        """What the rules and backgrounds depend on (worked out once per drawing)."""
        if self._shape_key is not None:
            return self._shape_key
        self._measure()
        self._shape_key = (
            self.widths,
            tuple(
                (
                    row.shade.rgb() if row.shade else None,
                    tuple((c.span, c.shade.rgb() if c.shade else None) for c in row.cells),
                )
                for row in self.rows
            ),
            tuple(self._heights),
        )
        return self._shape_key

    def _rules(self) -> str:
        """The backgrounds: the same operators for every grid of this shape and these heights."""
        key = ("shades", *self._shape())
        try:
            return _RULES[key]
        except KeyError:
            pass
        parts: list[str] = []
        edges = self._edges
        y = sum(self._heights)
        for row, height in zip(self.rows, self._heights, strict=True):
            y -= height
            if row.shade is not None:
                parts.append(_fill(row.shade, 0.0, y, edges[-1], height))
            column = 0
            for cell in row.cells:
                if cell.shade is not None:
                    left, right = edges[column], edges[column + cell.span]
                    parts.append(_fill(cell.shade, left, y, right - left, height))
                column += cell.span
        return _remember(key, " ".join(parts))

    def _lines(self) -> str:
        """Every row's and column's edge, never across a spanned cell."""
        key = ("lines", self.rule.rgb(), self.weight, *self._shape())
        try:
            return _RULES[key]
        except KeyError:
            pass
        edges = self._edges
        total = sum(self._heights)
        tops = [total]
        for height in self._heights:
            tops.append(tops[-1] - height)
        segments: list[str] = []
        for y in tops:
            segments.append(f"{fp_str(edges[0], y)} m {fp_str(edges[-1], y)} l")
        for index, x in enumerate(edges):
            run_top: float | None = None
            for row, upper, lower in zip(self.rows, tops, tops[1:], strict=False):
                boundaries = {0}
                column = 0
                for cell in row.cells:
                    column += cell.span
                    boundaries.add(column)
                if index in boundaries:
                    if run_top is None:
                        run_top = upper
                    run_bottom = lower
                elif run_top is not None:
                    segments.append(f"{fp_str(x, run_top)} m {fp_str(x, run_bottom)} l")
                    run_top = None
            if run_top is not None:
                segments.append(f"{fp_str(x, run_top)} m {fp_str(x, tops[-1])} l")
        colour = fp_str(self.rule.red, self.rule.green, self.rule.blue)
        # each its own stroke, as ReportLab's canvas.line: where two meet, both are painted
        stroke = f"1 J 1 j {colour} RG {fp_str(self.weight)} w n {' S n '.join(segments)} S"
        return _remember(key, stroke)


def _fill(colour: Color, x: float, y: float, width: float, height: float) -> str:
    return (
        f"{fp_str(colour.red, colour.green, colour.blue)} rg n {fp_str(x, y, width, height)} re f"
    )


def _remember(key: tuple[Any, ...], code: str) -> str:
    if len(_RULES) >= RULES_KEPT:
        _RULES.clear()
    _RULES[key] = code
    return code
