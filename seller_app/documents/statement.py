"""The buyer's statement for the claim: the right one for what happened to the parcel.

- 未收到货物声明 (`StatementKind.NON_RECEIPT`): the buyer did not get the parcel although the
  courier's record says it was delivered -- signed for by someone who was not the buyer or their
  authorised person, or left in a locker or station without consent. The courier answers such a
  claim by pointing at the signature, and the seller has to show who signed (seed 002). Words in
  ``forms/statement.toml``.
- 收货情况说明 (`StatementKind.RECEIPT`): the buyer did get the parcel, damaged, short, with the
  wrong item, or spoiled by delay; the buyer says what arrived, its state, when it was opened and
  what was photographed. Words in ``forms/receipt_statement.toml``.

`statement_kind(case)` picks one (or none: a plain loss without a delivery record, a delay
that only costs the fee); `render_buyer_statement` writes it.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from .. import paths
from ..domain.case import Case, Incident, MismatchKind, SignerWho
from ..domain.catalog import Catalog
from .form_values import TRACKING_SEPARATOR, when
from .layout import Labels, Text, load_layout
from .overflow import Overflow
from .pdf import (
    CONTENT_WIDTH,
    HEADER_SHADE,
    RULE,
    SHADE,
    Metadata,
    build_pdf,
    para,
    table_style,
)

STATEMENT_FILE = "statement.toml"
RECEIPT_FILE = "receipt_statement.toml"


class StatementKind(StrEnum):
    NON_RECEIPT = "non_receipt"
    RECEIPT = "receipt"


def goods_received(case: Case) -> bool:
    """The buyer got the goods: damaged, short or wrong, or spoiled by the delay."""
    if case.incident in (Incident.DAMAGE, Incident.MISMATCH):
        return True
    return case.incident is Incident.DELAY and bool(case.delay and case.delay.value_destroyed)


def statement_kind(case: Case) -> StatementKind | None:
    """Which statement the buyer should sign, if any (see the module docstring)."""
    if goods_received(case):
        return StatementKind.RECEIPT
    signer = case.signer
    if signer is not None and (
        signer.who is SignerWho.UNAUTHORIZED or bool(signer.placed_without_consent)
    ):
        return StatementKind.NON_RECEIPT
    return None


def statement_needed(case: Case) -> bool:
    """True when the buyer should sign a statement for this claim (`statement_kind`)."""
    return statement_kind(case) is not None


@lru_cache(maxsize=8)
def _words(root: Path, name: str = STATEMENT_FILE) -> dict[str, Any]:
    with (root / name).open("rb") as handle:
        data = tomllib.load(handle)
    return {
        key: [Text(i["zh"], i["en"]) for i in value]
        if isinstance(value, list)
        else Text(value["zh"], value["en"])
        for key, value in data.items()
    }


def _grid(extra: list[tuple[Any, ...]]) -> Any:
    return table_style(
        [
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )


CELL_PADDING = 12  # ReportLab's default 6 pt left and right


def _parcel_table(
    case: Case,
    catalog: Catalog,
    labels: Labels,
    words: dict[str, Any],
    lang: str,
    overflow: Overflow,
) -> Table:
    buyer, shop = case.buyer, case.shop
    carrier_code = catalog.carriers.guess(case.tracking_numbers, case.carrier).code
    carrier = catalog.carriers.by_code.get(carrier_code)
    pairs = [
        (
            "recipient_name",
            (buyer and buyer.name) or "",
            "recipient_phone",
            (buyer and buyer.phone) or "",
        ),
        ("recipient_address", (buyer and buyer.address) or "", None, None),
        ("order_id", case.order_id or "", "shop_name", (shop and shop.name) or ""),
        (
            "carrier_name",
            carrier.name(lang) if carrier else carrier_code,
            "posted_at",
            when(case.posted_at, labels, lang),
        ),
        ("tracking_numbers", TRACKING_SEPARATOR.join(case.tracking_numbers), None, None),
    ]
    label_w = 28 * mm
    value_w = CONTENT_WIDTH / 2 - label_w
    rows: list[list[Any]] = [[para(words["section_parcel"](lang), "section", "layout"), "", "", ""]]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
    ]

    def value_cell(key: str, value: str, width: float) -> Any:
        label = labels.get("field", key, lang)
        return overflow.cell(value, "value", width - CELL_PADDING, label=label, where=key)

    for key, value, key2, value2 in pairs:
        index = len(rows)
        wide = key2 is None
        row = [
            para(labels.get("field", key, lang), "label", "layout"),
            value_cell(key, value, 2 * value_w + label_w if wide else value_w),
        ]
        style.append(("BACKGROUND", (0, index), (0, index), SHADE))
        if key2 is None:
            rows.append([*row, "", ""])
            style.append(("SPAN", (1, index), (3, index)))
        else:
            rows.append(
                [
                    *row,
                    para(labels.get("field", key2, lang), "label", "layout"),
                    value_cell(key2, value2 or "", value_w),
                ]
            )
            style.append(("BACKGROUND", (2, index), (2, index), SHADE))
    return Table(rows, colWidths=[label_w, value_w, label_w, value_w], style=_grid(style))


class CheckBox(Flowable):
    """An empty square for the buyer to tick by hand."""

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.side

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.rect((self.width - self.side) / 2, 0, self.side, self.side)


def _statement_table(
    case: Case, labels: Labels, words: dict[str, Any], lang: str, overflow: Overflow
) -> Table:
    rows: list[list[Any]] = [[para(words["section_statement"](lang), "section", "layout"), ""]]
    rows.append([para(words["intro"](lang), "body", "layout"), ""])
    for item in words["items"]:
        rows.append([CheckBox(4 * mm), para(item(lang), "value", "layout")])
    signer = case.signer
    if signer is not None:
        unknown = words["unknown"](lang)
        shown = words["shown_signer"](lang).format(
            name=signer.name or unknown, at=when(signer.signed_at, labels, lang) or unknown
        )
        label = labels.get("field", "signer_name", lang)
        width = CONTENT_WIDTH - CELL_PADDING
        rows.append([overflow.cell(shown, "small", width, label=label, where="signer"), ""])
    rows.append([para(words["closing"](lang), "body", "layout"), ""])
    last = len(rows) - 1
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
        ("SPAN", (0, 1), (-1, 1)),
        ("SPAN", (0, last), (-1, last)),
        ("ALIGN", (0, 2), (0, last - 1), "CENTER"),
    ]
    if signer is not None:
        style.append(("SPAN", (0, last - 1), (-1, last - 1)))
    return Table(rows, colWidths=[12 * mm, CONTENT_WIDTH - 12 * mm], style=_grid(style))


def _signature_table(words: dict[str, Any], lang: str) -> Table:
    third = CONTENT_WIDTH / 3
    head = [para(words["section_signature"](lang), "section", "layout"), "", ""]
    names = [para(words[key](lang), "label", "layout") for key in ("sign", "id_tail", "date")]
    boxes = ["", "", para(words["date_blank"](lang), "center", "layout")]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
        ("BACKGROUND", (0, 1), (-1, 1), SHADE),
        ("ALIGN", (2, 2), (2, 2), "RIGHT"),
    ]
    return Table(
        [head, names, boxes],
        colWidths=[third] * 3,
        rowHeights=[None, None, 28 * mm],
        style=_grid(style),
    )


def _boxes(items: list[Any], lang: str) -> list[list[Any]]:
    return [[CheckBox(4 * mm), para(item(lang), "value", "layout")] for item in items]


def _section_table(title: str, rows: list[list[Any]]) -> Table:
    """A titled section: box-and-text rows; a row with an empty second cell spans the width."""
    body: list[list[Any]] = [[para(title, "section", "layout"), ""]]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
    ]
    for row in rows:
        index = len(body)
        body.append(row)
        if row[1] == "":
            style.append(("SPAN", (0, index), (-1, index)))
        else:
            style.append(("ALIGN", (0, index), (0, index), "CENTER"))
    return Table(body, colWidths=[12 * mm, CONTENT_WIDTH - 12 * mm], style=_grid(style))


def _line(text: str, style: str = "value", where: str = "layout") -> list[Any]:
    return [para(text, style, where), ""]


def _condition_items(case: Case, words: dict[str, Any]) -> list[Any]:
    if case.incident is Incident.DAMAGE:
        return list(words["damage"])
    if case.incident is Incident.MISMATCH:
        short = case.mismatch is not None and case.mismatch.kind is MismatchKind.SHORT
        return list(words["short"] if short else words["wrong_item"])
    return list(words["delay"])


def _receipt_story(
    case: Case,
    catalog: Catalog,
    labels: Labels,
    words: dict[str, Any],
    lang: str,
    overflow: Overflow,
) -> list[Flowable]:
    """The 收货情况说明's sections; the seller's own texts (signer name, description) go through
    `overflow`, so a long one is cut in its cell and printed in full on a continuation page."""
    width = CONTENT_WIDTH - CELL_PADDING
    signer = case.signer
    if signer is not None and signer.signed_at is not None:
        who = catalog.texts.get("signer", signer.who.value, lang)
        if signer.name:
            who = f"{who} {signer.name}"
        signed = words["signed"](lang).format(at=when(signer.signed_at, labels, lang), who=who)
    else:
        signed = words["signed_blank"](lang)
    receipt = [
        _line(words["intro"](lang), "body"),
        [
            overflow.cell(
                signed, "value", width, label=words["section_receipt"](lang), where="signer"
            ),
            "",
        ],
        _line(words["opened"](lang)),
        *_boxes(words["opening"], lang),
    ]
    condition = [*_boxes(words["outer"], lang), *_boxes(_condition_items(case, words), lang)]
    if case.description:
        recorded = words["recorded"](lang).format(text=case.description)
        label = labels.get("field", "description", lang)
        condition.append(
            [overflow.cell(recorded, "small", width, label=label, where="description"), ""]
        )
    photos: list[list[Any]] = []
    if case.photos:
        counts = Counter(photo.kind for photo in case.photos)
        separator = "、" if lang == "zh" else ", "
        kinds = separator.join(
            f"{labels.get('photo_kind', kind.value, lang)} × {n}" for kind, n in counts.items()
        )
        photos.append(_line(words["photos_taken"](lang).format(kinds=kinds), "small"))
    photos += _boxes(words["photos"], lang)
    return [
        _section_table(words["section_receipt"](lang), receipt),
        Spacer(1, 4 * mm),
        _section_table(words["section_condition"](lang), condition),
        Spacer(1, 4 * mm),
        _section_table(words["section_photos"](lang), photos),
        Spacer(1, 4 * mm),
        _section_table(words["section_signature"](lang), [_line(words["closing"](lang), "body")]),
    ]


def _receipt_signature(words: dict[str, Any], lang: str) -> Table:
    third = CONTENT_WIDTH / 3
    names = [para(words[key](lang), "label", "layout") for key in ("sign", "phone_tail", "date")]
    boxes = ["", "", para(words["date_blank"](lang), "center", "layout")]
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("ALIGN", (2, 1), (2, 1), "RIGHT"),
    ]
    return Table(
        [names, boxes], colWidths=[third] * 3, rowHeights=[None, 22 * mm], style=_grid(style)
    )


def render_buyer_statement(
    case: Case,
    out_path: Path,
    *,
    catalog: Catalog,
    lang: str = "zh",
    password: str | None = None,
    kind: StatementKind | None = None,
) -> Path:
    """Write the buyer statement PDF for `case` to `out_path` atomically; return the path.

    `kind` defaults to `statement_kind(case)` (the non-receipt declaration when the case needs
    none). It holds the buyer's phone and address, so it takes the claim form's `password` too.
    """
    kind = kind or statement_kind(case) or StatementKind.NON_RECEIPT
    labels = load_layout("generic").labels
    root = paths.forms_dir().resolve()
    words = _words(root, RECEIPT_FILE if kind is StatementKind.RECEIPT else STATEMENT_FILE)
    shop = (case.shop and case.shop.name) or ""
    overflow = Overflow(labels, lang)  # long texts: cut in their cell, in full on a later page
    story: list[Flowable] = [
        para(words["title"](lang), "title", "layout"),
        para(words["subtitle"](lang), "subtitle", "layout"),
        Spacer(1, 6 * mm),
        _parcel_table(case, catalog, labels, words, lang, overflow),
        Spacer(1, 5 * mm),
    ]
    if kind is StatementKind.RECEIPT:
        story += [
            *_receipt_story(case, catalog, labels, words, lang, overflow),
            _receipt_signature(words, lang),
        ]
    else:
        story += [
            _statement_table(case, labels, words, lang, overflow),
            Spacer(1, 5 * mm),
            _signature_table(words, lang),
        ]
    if shop:
        story += [
            Spacer(1, 4 * mm),
            overflow.cell(
                words["prepared_by"](lang).format(shop=shop),
                "small",
                CONTENT_WIDTH,
                label=labels.get("field", "shop_name", lang),
                where="shop.name",
                max_lines=3,
            ),
        ]
    story += overflow.pages()
    number = case.tracking_numbers[0]
    metadata = Metadata(title=f"{words['title'](lang)} {number}", subject=words["title"](lang))
    return build_pdf(
        out_path,
        story,
        metadata=metadata,
        footer_left=labels.get("word", "footer", lang, number=number),
        page_label=labels.text("word", "page")(lang),
        password=password,
    )
