"""The buyer statement (未收到货物声明): the buyer confirms who did not sign and what never arrived.

Needed when the parcel was signed for by someone other than the buyer or their authorised person,
or left in a locker or station without consent: the courier answers such a claim by pointing at
the signature, and the seller has to show who signed (seed 002). Words in ``forms/statement.toml``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from .. import paths
from ..domain.case import Case, SignerWho
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


def statement_needed(case: Case) -> bool:
    """True when the signer was not the buyer or authorised, or the parcel was placed unasked."""
    signer = case.signer
    if signer is None:
        return False
    return signer.who is SignerWho.UNAUTHORIZED or bool(signer.placed_without_consent)


@lru_cache(maxsize=4)
def _words(root: Path) -> dict[str, Any]:
    with (root / STATEMENT_FILE).open("rb") as handle:
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


def render_buyer_statement(
    case: Case,
    out_path: Path,
    *,
    catalog: Catalog,
    lang: str = "zh",
    password: str | None = None,
) -> Path:
    """Write the buyer statement PDF for `case` to `out_path` atomically; return the path.

    It holds the buyer's phone and address, so it takes the claim form's `password` too.
    """
    labels = load_layout("generic").labels
    words = _words(paths.forms_dir().resolve())
    shop = (case.shop and case.shop.name) or ""
    overflow = Overflow(labels, lang)  # long texts: cut in their cell, in full on a later page
    story: list[Flowable] = [
        para(words["title"](lang), "title", "layout"),
        para(words["subtitle"](lang), "subtitle", "layout"),
        Spacer(1, 6 * mm),
        _parcel_table(case, catalog, labels, words, lang, overflow),
        Spacer(1, 5 * mm),
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
