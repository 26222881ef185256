"""The claim form (快件索赔申告单): page 1 from a layout in ``forms/``, then the annexes.

Page 1 is one ruled grid: a shaded title row per section, label cells shaded, values wrapped
inside their cells (a cell grows, it never overflows), the clauses relied on with a one-line
quotation each, the declaration, and boxes for signature, seal and date, and for the courier's
use. The annexes follow (see `annexes`): calculation, evidence photos and manifest, schedule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ..domain.case import Case
from ..domain.catalog import Catalog
from ..domain.rules import Assessment
from . import annexes
from .fonts import register_font
from .form_values import form_date, form_number, form_values, local_day, when
from .grid import Cell, Grid, Row
from .layout import FormLayout, Labels, Section, load_layout
from .overflow import Overflow
from .pdf import CONTENT_WIDTH, HEADER_SHADE, RULE, SHADE, Metadata, build_pdf, para

if TYPE_CHECKING:
    from ..domain.schedule import Deadline
    from ..evidence import EvidencePhoto

COURIER_LANG = "zh"
"""The claim form is written in the courier's language, whatever the app's own: Chinese.
English only when asked for (``seller-claims form --lang en``)."""
LABEL_WIDTH = 30 * mm
VALUE_WIDTH = CONTENT_WIDTH / 2 - LABEL_WIDTH
COLUMNS = [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH]
QUOTE_SIZE = 7.5


def _title_row(section: Section, lang: str) -> Row:
    title = section.title(lang) if section.title else ""
    return Row((Cell(para(title, "section", "layout"), span=4),), shade=HEADER_SHADE)


CELL_PADDING = 8  # the grid's 4 pt on either side of a value
WIDE_VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH


def _fields_table(
    section: Section,
    values: dict[str, str],
    lang: str,
    overflow: Overflow,
    min_height: float | None = None,
) -> Grid:
    """Two label/value pairs per row; a wide field (or a lone one) spans the row. A value too
    long for its cell is cut there and printed in full on the continuation pages (`overflow`).
    `min_height`: each field row exactly that tall (boxes the courier fills in by hand)."""
    rows = [_title_row(section, lang)]
    pending: list[Cell] = []

    def cells(spec: Any) -> list[Cell]:
        value_style = "emphasis" if spec.emphasis else "value"
        width = (WIDE_VALUE_WIDTH if spec.wide else VALUE_WIDTH) - CELL_PADDING
        value = overflow.cell(
            values[spec.key], value_style, width, label=spec.label(lang), where=spec.key
        )
        return [Cell(para(spec.label(lang), "label", "layout"), shade=SHADE), Cell(value)]

    def flush_alone(cells_: list[Cell]) -> None:
        label, value = cells_
        rows.append(Row((label, Cell(value.content, span=3)), height=min_height))

    for spec in section.fields:
        if spec.wide:
            if pending:
                flush_alone(pending)
                pending = []
            flush_alone(cells(spec))
        elif pending:
            rows.append(Row((*pending, *cells(spec)), height=min_height))
            pending = []
        else:
            pending = cells(spec)
    if pending:
        flush_alone(pending)
    return Grid(COLUMNS, rows, rule=RULE)


@lru_cache(maxsize=4096)
def one_line(text: str, width: float, size: float = QUOTE_SIZE, ellipsis: str = "……") -> str:
    """`text` cut to fit one line of `width` points, ending in …… when cut (once: a cut just
    after a quotation's own …… does not double it). Remembered: a courier's clauses come back
    on every form."""
    font = register_font()
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth(ellipsis, font, size)
    cut = 0
    total = 0.0
    for index, ch in enumerate(text):
        total += stringWidth(ch, font, size)
        if total > room:
            break
        cut = index + 1
    return text[:cut].rstrip("…") + ellipsis


def _clauses_table(
    section: Section,
    basis: Sequence[str],
    catalog: Catalog,
    labels: Labels,
    lang: str,
    on: date | None = None,
) -> Grid:
    """One row per clause: its id and a one-line quotation (annex 1 has the full text)."""
    widths = [34 * mm, CONTENT_WIDTH - 34 * mm]
    head = para(section.title(lang) if section.title else "", "section", "layout")
    header = [para(labels.get("clauses", key, lang), "label", "layout") for key in ("id", "quote")]
    rows = [
        Row((Cell(head, span=2),), shade=HEADER_SHADE),
        Row((Cell(header[0]), Cell(header[1])), shade=SHADE),
    ]
    for clause_id in basis:
        clause = catalog.texts.clause(clause_id)
        separator = labels.get("clauses", "separator", lang)
        quote = one_line(
            f"{clause.title(lang)}{separator}{clause.text(lang)}",
            widths[1] - 8,
            ellipsis=labels.get("clauses", "ellipsis", lang),
        )
        label = para(clause.label(lang, on), "small", "clause")
        rows.append(Row((Cell(label), Cell(para(quote, "small", "clause")))))
    return Grid(widths, rows, rule=RULE)


def _declaration_table(section: Section, lang: str, with_photos: bool) -> Grid:
    assert section.text is not None
    text = section.text if with_photos else (section.text_without_photos or section.text)
    head = para(section.title(lang) if section.title else "", "section", "layout")
    rows = [
        Row((Cell(head),), shade=HEADER_SHADE),
        Row((Cell(para(text(lang), "body", "layout")),), top=4, bottom=5),
    ]
    return Grid([CONTENT_WIDTH], rows, rule=RULE)


class SealMark(Flowable):
    """The place for the shop's seal: a dashed circle with a faint hint."""

    def __init__(self, diameter: float, hint: str) -> None:
        super().__init__()
        self.diameter = diameter
        self.hint = hint
        para(hint, "small", "layout")  # glyph check before drawing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#AAAAAA"))
        canvas.setDash(2, 2)
        canvas.circle(radius, radius, radius - 1)
        canvas.setFillColor(colors.HexColor("#AAAAAA"))
        canvas.setFont(register_font(), 7)
        canvas.drawCentredString(radius, radius - 2.5, self.hint)
        canvas.restoreState()


def _signature_table(case: Case, labels: Labels, lang: str, dated: datetime | None) -> Grid:
    third = CONTENT_WIDTH / 3
    date_text = when(form_date(case, dated), labels, lang, with_time=False)
    labels_row = tuple(
        Cell(para(labels.get("signature", key, lang), "label", "layout"))
        for key in ("signer", "seal", "date")
    )
    boxes = (
        Cell(),
        Cell(SealMark(17 * mm, labels.get("signature", "seal_hint", lang)), centre=True),
        Cell(para(date_text, "value", "claim_at")),
    )
    rows = [Row(labels_row, shade=SHADE), Row(boxes, height=18 * mm)]
    return Grid([third] * 3, rows, rule=RULE)


def _header(layout: FormLayout, case: Case, lang: str, dated: datetime | None) -> list[Flowable]:
    labels = layout.labels
    flowables: list[Flowable] = [para(layout.title(lang), "title", "layout")]
    if layout.subtitle:
        flowables.append(para(layout.subtitle(lang), "subtitle", "layout"))
    number = para(
        labels.get("word", "form_number", lang, number=form_number(case, dated)), "small", "form"
    )
    fill_date = para(
        labels.get(
            "word",
            "fill_date",
            lang,
            date=when(form_date(case, dated), labels, lang, with_time=False),
        ),
        "small_right",
        "form",
    )
    # unruled, as ReportLab's table defaults had it: 3 pt above, 2 below, flush left and right
    meta = Grid(
        [CONTENT_WIDTH / 2] * 2,
        [Row((Cell(number), Cell(fill_date)))],
        rule=RULE,
        weight=0,
        valign="BOTTOM",
        top=3,
        bottom=2,
        side=0,
    )
    return [*flowables, Spacer(1, 3 * mm), meta]


# Page 1 names the main civil-law clauses of an actual-loss claim (the regulation and the
# carrier's liability); annex 1 quotes all of them.
PAGE_ONE_CLAIM_CLAUSES = ("快递暂行条例 art. 28", "民法典 art. 832")


def cited_clauses(assessment: Assessment, *, page_one: bool = False) -> tuple[str, ...]:
    """The clauses the form relies on: the terms' own, then the civil-law ones when the claim
    asks for the actual loss."""
    cited = list(assessment.basis)
    if assessment.claim is not None:
        extra = assessment.claim.clauses
        if page_one:
            extra = tuple(c for c in extra if c in PAGE_ONE_CLAIM_CLAUSES)
        cited += [c for c in extra if c not in cited]
    return tuple(cited)


def form_page(
    layout: FormLayout,
    case: Case,
    assessment: Assessment,
    catalog: Catalog,
    lang: str,
    dated: datetime | None = None,
    with_photos: bool = True,
) -> list[Flowable]:
    """The flowables of the form itself (page 1), section by section as the layout says, then
    the continuation pages with any text too long for its cell. `dated`: the day the form is
    prepared, its date while the claim has not been sent; `with_photos`: whether photos are
    attached (the declaration speaks of them only then)."""
    values = form_values(case, assessment, catalog, layout.labels, lang, dated)
    overflow = Overflow(layout.labels, lang)
    story = _header(layout, case, lang, dated)
    cited, on = cited_clauses(assessment, page_one=True), local_day(case, dated)
    closing: list[Flowable] = []  # declaration onwards stays on one page with the signature
    for section in layout.sections:
        target = closing if closing or section.kind == "declaration" else story
        if section.kind == "fields":
            target.append(_fields_table(section, values, lang, overflow))
        elif section.kind == "office":
            target.append(_fields_table(section, values, lang, overflow, min_height=7 * mm))
        elif section.kind == "clauses" and cited:
            target.append(_clauses_table(section, cited, catalog, layout.labels, lang, on))
        elif section.kind == "declaration":
            target.append(_declaration_table(section, lang, with_photos))
        elif section.kind == "signature":
            target.append(_signature_table(case, layout.labels, lang, dated))
    if closing:
        story.append(KeepTogether(closing))
    return story + overflow.pages()


def render_claim_form(
    case: Case,
    assessment: Assessment,
    out_path: Path,
    *,
    catalog: Catalog,
    layout: str = "generic",
    photos: Sequence[EvidencePhoto] = (),
    deadlines: Sequence[Deadline] = (),
    lang: str = "zh",
    password: str | None = None,
    dated: datetime | None = None,
    durable: bool = True,
) -> Path:
    """Write the claim form PDF for `case` to `out_path` (atomically) and return the path;
    `durable=False` skips the wait for the disk (a batch: see `build_pdf`).

    The form is dated when the claim was sent (``claim_at``), else `dated` (the day it is
    prepared; the date box stays blank for the pen when neither is known).

    Raises `LayoutError` for an unknown layout, `MissingGlyphError` when a text holds a
    character the font cannot print, and OSError when the file cannot be written; in every
    case no file is left at `out_path` (an existing one is kept as it was).
    """
    form = load_layout(layout)
    attached = "evidence" in form.pages and bool(photos)
    story: list[Flowable] = form_page(
        form, case, assessment, catalog, lang, dated, with_photos=attached
    )
    on = local_day(case, dated)
    # Annexes are numbered in the order they are attached, so none is missing from the count.
    numbers = iter(form.labels.get("word", "annex_numbers", lang).split())
    if "calculation" in form.pages:
        story += [
            PageBreak(),
            *annexes.calculation(
                assessment,
                catalog,
                form.labels,
                lang,
                on,
                cited_clauses(assessment),
                number=next(numbers),
            ),
        ]
    if "evidence" in form.pages and photos:
        pair = (next(numbers), next(numbers))
        story += [PageBreak(), *annexes.evidence(photos, form.labels, lang, numbers=pair)]
    from ..domain.schedule import COURIER_KINDS

    courier_deadlines = [d for d in deadlines if d.kind in COURIER_KINDS]
    if "schedule" in form.pages and courier_deadlines:
        # A few rows: after the previous annex when they fit on its last page, never split.
        table = annexes.schedule(
            courier_deadlines, catalog, form.labels, lang, on, number=next(numbers)
        )
        story += [Spacer(1, 8 * mm), KeepTogether(table)]
    labels = form.labels
    number = case.tracking_numbers[0]
    carrier = catalog.carriers.by_code.get(assessment.carrier.code)
    subject = " · ".join(
        part
        for part in (
            carrier.name(lang) if carrier else assessment.carrier.code,
            catalog.texts.get("incident", case.incident.value, lang),
            labels.get("word", "yuan", lang, amount=str(assessment.claim_amount)),
        )
        if part
    )
    # Metadata is visible without opening the pages: courier and case facts only, no buyer data.
    metadata = Metadata(title=f"{form.title(lang)} {number}", subject=subject)
    return build_pdf(
        out_path,
        story,
        metadata=metadata,
        footer_left=labels.get("word", "footer", lang, number=number),
        page_label=labels.text("word", "page")(lang),
        password=password,
        durable=durable,
    )
