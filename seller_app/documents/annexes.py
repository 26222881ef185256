"""The annexes after the form: calculation, evidence photos with their manifest, schedule.

Each function returns flowables starting with the annex heading; the caller puts page breaks
between them. Photos are the prepared JPEGs of the evidence package, embedded as they are
(no re-encoding), 4 to a page in a 2 × 2 grid, each with kind, caption, capture time and a short
hash; the manifest lists the full SHA-256 of every original file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table

from ..domain.catalog import Catalog
from ..domain.money import format_yuan
from ..domain.present import assessment_to_dict, policy_reason
from ..domain.rules import Assessment
from .fonts import register_font
from .form_values import when
from .grid import Cell, Grid, Row
from .layout import Labels
from .overflow import clip
from .pdf import CONTENT_WIDTH, HEADER_SHADE, MUTED, RULE, SHADE, para, styles, table_style

if TYPE_CHECKING:
    from ..domain.schedule import Deadline
    from ..evidence import EvidencePhoto

PHOTO_CELL_WIDTH = CONTENT_WIDTH / 2
PHOTO_BOX_WIDTH = PHOTO_CELL_WIDTH - 8 * mm
PHOTO_BOX_HEIGHT = 82 * mm
SHORT_HASH = 12
CAPTION_LINES = 3
MANIFEST_KEPT_WHOLE = 30  # rows that always fit on one page with the heading and the note


def _table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    span_first: bool = False,
    shade_first_column: bool = False,
) -> Grid:
    """An annex table: ruled, its first row a shaded header repeated on each page it runs onto
    (`span_first`: one cell across the table); `shade_first_column` below the header."""
    cells = [
        Row(
            (Cell(row[0], span=len(widths)),)
            if span_first and index == 0
            else tuple(
                Cell(value, shade=SHADE if shade_first_column and index and not column else None)
                for column, value in enumerate(row)
            ),
            shade=HEADER_SHADE if index == 0 else None,
        )
        for index, row in enumerate(rows)
    ]
    return Grid(widths, cells, rule=RULE, valign="TOP", top=2.5, bottom=3, side=6, repeat=1)


def _notes(title: str, items: Sequence[dict[str, str]]) -> list[Flowable]:
    if not items:
        return []
    rows = [[para(title, "section", "layout")]]
    rows += [
        [para(f"{index}. {item['text']}", "body", item["code"])]
        for index, item in enumerate(items, 1)
    ]
    return [Spacer(1, 4 * mm), _table(rows, [CONTENT_WIDTH])]


def calculation(
    assessment: Assessment,
    catalog: Catalog,
    labels: Labels,
    lang: str,
    on: date | None = None,
    clause_ids: Sequence[str] | None = None,
    *,
    number: str,
) -> list[Flowable]:
    """Annex `number` (the first): which terms and why, the two figures (courier terms and
    actual loss) and the one claimed, the engine's steps, its findings, and the clauses in full
    as numbered on `on` (the form's date). Nothing here is an internal caveat: the courier
    reads it."""
    texts = catalog.texts
    shown = assessment_to_dict(assessment, texts, lang)
    policy = assessment.policy
    policy_line = labels.get(
        "calculation",
        "policy",
        lang,
        name=policy.name(lang),
        source=policy.source,
        why=policy_reason(assessment, texts, lang),
    )
    story: list[Flowable] = [
        para(labels.get("calculation", "heading", lang, n=number), "heading", "layout"),
        para(policy_line, "body", "policy"),
        Spacer(1, 3 * mm),
    ]
    story += _figures(assessment, catalog, labels, lang)
    rows = [
        [
            para(labels.get("calculation", "step", lang), "label", "layout"),
            para(labels.get("calculation", "text", lang), "label", "layout"),
        ]
    ]
    rows += [
        [para(str(index), "body", "step"), para(step["text"], "body", step["code"])]
        for index, step in enumerate(shown["steps"], 1)
    ]
    story.append(_table(rows, [14 * mm, CONTENT_WIDTH - 14 * mm]))
    # Only the reasons: warnings and advice are the seller's own guidance (e.g. "the courier may
    # refuse because you signed without inspecting") and must not reach the courier.
    story += _notes(labels.get("calculation", "reasons", lang), shown["reasons"])
    cited = list(assessment.basis) if clause_ids is None else list(clause_ids)
    if cited:
        story.append(Spacer(1, 4 * mm))
        rows = [[para(labels.get("calculation", "clauses", lang), "section", "layout"), ""]]
        for clause_id in cited:
            clause = texts.clause(clause_id)
            rows.append(
                [
                    para(f"{clause.label(lang, on)}\n{clause.title(lang)}", "small", "clause"),
                    para(f"{clause.text(lang)}\n—— {clause.source_on(on)}", "small", "clause"),
                ]
            )
        story.append(_table(rows, [34 * mm, CONTENT_WIDTH - 34 * mm], span_first=True))
    return story


def _figures(assessment: Assessment, catalog: Catalog, labels: Labels, lang: str) -> list[Flowable]:
    """Both figures side by side and the one this form claims."""
    claim = assessment.claim
    if claim is None or not assessment.eligible:
        return []

    def yuan(amount: Any) -> str:
        return labels.get("word", "yuan", lang, amount=format_yuan(amount))

    actual = (
        yuan(assessment.actual_loss_claim)
        if assessment.actual_loss_claim is not None
        else labels.get("word", "not_applicable_short", lang)
    )
    basis = catalog.texts.get("claim_basis", claim.basis.value, lang)
    rows = [
        [para(labels.get("calculation", "figures", lang), "section", "layout"), ""],
        [
            para(
                labels.get(
                    "calculation", "by_terms", lang, policy=assessment.policy.short_name(lang)
                ),
                "body",
                "layout",
            ),
            para(yuan(assessment.amount), "body", "figure"),
        ],
        [
            para(labels.get("calculation", "by_actual_loss", lang), "body", "layout"),
            para(actual, "body", "figure"),
        ],
        [
            para(labels.get("calculation", "claimed", lang), "label", "layout"),
            para(
                labels.get(
                    "calculation", "claimed_value", lang, amount=yuan(claim.amount), basis=basis
                ),
                "emphasis",
                "figure",
            ),
        ],
    ]
    widths = [70 * mm, CONTENT_WIDTH - 70 * mm]
    table = _table(rows, widths, span_first=True)
    return [table, Spacer(1, 4 * mm)]


def when_date(day: Any, labels: Labels, lang: str) -> str:
    return labels.get("word", "date", lang, y=day.year, m=day.month, d=day.day, H=0, M=0)


def _fit(width: int, height: int) -> tuple[float, float]:
    scale = min(PHOTO_BOX_WIDTH / width, PHOTO_BOX_HEIGHT / height)
    return width * scale, height * scale


def _photo_cell(index: int, photo: EvidencePhoto, labels: Labels, lang: str) -> list[Flowable]:
    width, height = _fit(photo.prepared_width, photo.prepared_height)
    image = Image(str(photo.prepared_path), width=width, height=height)
    captured = (
        when(photo.captured_at, labels, lang)
        if photo.captured_at
        else labels.get("evidence", "unknown_time", lang)
    )
    kind = labels.get("photo_kind", photo.kind.value, lang)
    info = [
        (labels.get("evidence", "kind", lang), f"{index}. {kind}"),
        # beside its picture a caption gets 3 lines; the case file keeps the whole text
        (
            labels.get("evidence", "caption", lang),
            clip(photo.caption, "small", PHOTO_BOX_WIDTH - 16 * mm, CAPTION_LINES),
        ),
        (labels.get("evidence", "captured", lang), captured),
        (labels.get("evidence", "hash", lang), f"SHA-256 {photo.sha256[:SHORT_HASH]}…"),
    ]
    rows = [[para(key, "tiny", "layout"), para(value, "small", "photo")] for key, value in info]
    table = Table(
        rows,
        colWidths=[16 * mm, PHOTO_BOX_WIDTH - 16 * mm],
        style=table_style(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 0.4, MUTED),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        ),
    )
    return [_Box(image, PHOTO_BOX_WIDTH, PHOTO_BOX_HEIGHT), Spacer(1, 2 * mm), table]


class _Box(Flowable):
    """A fixed-size box with the image centred in it, so every grid cell lines up."""

    def __init__(self, content: Flowable, width: float, height: float) -> None:
        super().__init__()
        self.content, self.box_width, self.box_height = content, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.box_width, self.box_height

    def draw(self) -> None:
        width, height = self.content.wrap(self.box_width, self.box_height)
        self.content.drawOn(self.canv, (self.box_width - width) / 2, (self.box_height - height) / 2)


def _size(photo: EvidencePhoto) -> str:
    size = photo.size_bytes
    shown = f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"
    return f"{photo.width}×{photo.height}\n{shown}"


def evidence(
    photos: Sequence[EvidencePhoto], labels: Labels, lang: str, *, numbers: tuple[str, str]
) -> list[Flowable]:
    """Two annexes, numbered `numbers`: the photos (2 × 2 per page) and the manifest with full
    SHA-256."""
    photo_heading = labels.get("evidence", "heading", lang, n=numbers[0])
    story: list[Flowable] = [para(photo_heading, "heading", "layout")]
    cells = [_photo_cell(i, photo, labels, lang) for i, photo in enumerate(photos, 1)]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    story.append(
        Table(
            rows,
            colWidths=[PHOTO_CELL_WIDTH] * 2,
            style=table_style(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                ]
            ),
        )
    )
    story.append(Spacer(1, 6 * mm))
    manifest_heading = labels.get("evidence", "manifest", lang, n=numbers[1])
    manifest: list[Flowable] = [para(manifest_heading, "heading", "layout")]
    widths = [10 * mm, 40 * mm, 20 * mm, 24 * mm]
    hash_width = CONTENT_WIDTH - sum(widths)
    widths.append(hash_width)
    # One size for the column, small enough that the widest hash stays on one line.
    widest = max(stringWidth(photo.sha256, register_font(), 1) for photo in photos)
    hash_size = min(7.5, (hash_width - 12) / widest)
    hash_style = styles()["tiny"].clone("sha256", fontSize=hash_size, leading=hash_size + 2.5)
    header = [
        para(labels.get("evidence", key, lang), "label", "layout")
        for key in ("number", "file", "kind", "size", "sha256")
    ]
    rows = [header]
    for index, photo in enumerate(photos, 1):
        sha = para(photo.sha256, hash_style, "photo")
        rows.append(
            [
                para(str(index), "small", "photo"),
                para(photo.source.name, "small", "photo"),
                para(labels.get("photo_kind", photo.kind.value, lang), "small", "photo"),
                para(_size(photo), "small", "photo"),
                sha,
            ]
        )
    manifest.append(_table(rows, widths))
    manifest.append(Spacer(1, 2 * mm))
    manifest.append(para(labels.get("evidence", "manifest_note", lang), "small", "layout"))
    # The manifest of a claim's photos fits on one page: it moves whole to the next page rather
    # than leave its last rows alone there. A longer one (more than a page) splits by row, its
    # header repeated.
    if len(photos) <= MANIFEST_KEPT_WHOLE:
        story.append(KeepTogether(manifest))
    else:
        story += manifest
    return story


def schedule(
    deadlines: Sequence[Deadline],
    catalog: Catalog,
    labels: Labels,
    lang: str,
    on: date | None = None,
    *,
    number: str,
) -> list[Flowable]:
    """Annex `number` (the last), for the courier: each deadline's title, due date, legal due
    date and basis.

    The seller's own to-dos and warnings (chase the hotline, update the app) stay in the app and
    the calendar file; they do not belong on a page the courier reads.
    """
    from ..domain.schedule import LEGAL_DUE_BASIS, deadline_title

    def cite(basis: str) -> str:
        clause = catalog.texts.clauses.get(basis)
        return clause.label(lang, on) if clause else basis

    story: list[Flowable] = [
        para(labels.get("schedule", "heading", lang, n=number), "heading", "layout")
    ]
    header = [
        para(labels.get("schedule", key, lang), "label", "layout")
        for key in ("title", "due", "legal_due_column", "basis")
    ]
    rows = [header]
    for deadline in deadlines:
        # only its title: the whole entry (`deadline_to_dict`) also writes out its detail
        title = deadline_title(deadline, catalog.texts, lang)
        legal, basis = "", cite(deadline.basis)
        if deadline.legal_due is not None:
            legal = when(deadline.legal_due, labels, lang)
            basis = f"{basis}\n{cite(LEGAL_DUE_BASIS)}"
        rows.append(
            [
                para(title or deadline.kind, "body", "deadline"),
                para(when(deadline.due, labels, lang), "body", "deadline"),
                para(legal, "body", "deadline"),
                para(basis, "small", "deadline"),
            ]
        )
    widths = [CONTENT_WIDTH - 116 * mm, 40 * mm, 40 * mm, 36 * mm]
    story.append(_table(rows, widths, shade_first_column=True))
    return story
