"""Escalation documents: one model, printed as a PDF or as plain text for an online form.

The three documents (`courier_complaint`, `postal_appeal`, `small_claims`, one module each)
build an `EscalationDocument` -- title, addressee lines, numbered parts of label/value rows,
paragraphs, numbered items and condition checks, closing lines, signature and date -- from the
case, the engine's assessment and `domain.escalation.prepare_escalation`. `render_pdf` lays it
out on A4 (our font, page footer, atomic write, optional password); `render_text` gives the same
content as plain text to paste into a web form (12305's, a courier's complaint page, the court's
online filing). Words are in ``forms/escalation.toml``.

Privacy as on the claim form: the PDF metadata names the document and the tracking number only;
buyer data appears in a document only where that document asks for it (the appeal's recipient).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from .. import paths
from ..domain.case import SHANGHAI, Case
from ..domain.catalog import Catalog
from ..domain.escalation import Check, Escalation
from ..domain.events import event_text
from ..domain.money import format_yuan
from .amount_words import yuan_in_words
from .layout import Labels, load_layout
from .pdf import CONTENT_WIDTH, HEADER_SHADE, RULE, SHADE, Metadata, build_pdf, para, table_style

WORDS_FILE = "escalation.toml"
LABEL_WIDTH = 32 * mm


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class Part:
    """One numbered part: rows of label and value, then paragraphs, items, checks, notes."""

    title: str
    rows: tuple[Row, ...] = ()
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    checks: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EscalationDocument:
    kind: str
    title: str
    subtitle: str
    tracking: str
    lead: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    closing: tuple[str, ...] = ()
    signature: str = ""
    dated: str = ""
    subject: str = ""
    appendix: tuple[Part, ...] = field(default_factory=tuple)


@lru_cache(maxsize=4)
def _words(root: Path) -> Labels:
    with (root / WORDS_FILE).open("rb") as handle:
        return Labels(tomllib.load(handle))


def words() -> Labels:
    """The words of ``forms/escalation.toml``."""
    return _words(paths.forms_dir().resolve())


# --------------------------------------------------------------------------- shared content


class Facts:
    """What the three documents say about a case, worded in one language."""

    def __init__(
        self,
        case: Case,
        escalation: Escalation,
        catalog: Catalog,
        lang: str,
    ) -> None:
        self.case = case
        self.escalation = escalation
        self.catalog = catalog
        self.lang = lang
        self.w = words()
        self.labels = load_layout("generic").labels
        code = catalog.carriers.guess(case.tracking_numbers, case.carrier).code
        self.carrier = catalog.carriers.by_code.get(code)
        self.carrier_code = code

    def get(self, section: str, key: str, **params: Any) -> str:
        return self.w.get(section, key, self.lang, **params)

    @property
    def blank(self) -> str:
        return self.get("common", "blank")

    def or_blank(self, value: str | None) -> str:
        return value if value else self.blank

    def carrier_name(self) -> str:
        return self.carrier.name(self.lang) if self.carrier else self.carrier_code.upper()

    def hotline(self) -> str | None:
        return self.carrier.hotline if self.carrier else None

    def moment(self, value: datetime | None) -> str:
        if value is None:
            return self.get("common", "none_recorded")
        local = value.astimezone(SHANGHAI)
        return self.labels.get(
            "word",
            "datetime",
            self.lang,
            y=local.year,
            m=local.month,
            d=local.day,
            H=local.hour,
            M=local.minute,
        )

    def day(self, value: datetime) -> str:
        local = value.astimezone(SHANGHAI)
        return self.get("common", "date", y=local.year, m=local.month, d=local.day)

    def yuan(self, amount: Decimal) -> str:
        return self.get("common", "yuan", amount=format_yuan(amount))

    def yuan_words(self, amount: Decimal) -> str:
        return self.get(
            "common", "yuan_words", amount=format_yuan(amount), words=yuan_in_words(amount)
        )

    def tracking(self) -> str:
        return "，".join(self.case.tracking_numbers)

    def shop_rows(self) -> list[Row]:
        shop = self.case.shop
        rows = [
            Row(self.get("field", "shop_name"), self.or_blank(shop and shop.name)),
            Row(self.get("field", "contact"), self.or_blank(shop and shop.contact)),
            Row(self.get("field", "phone"), self.or_blank(shop and shop.phone)),
        ]
        if self.case.order_id:
            rows.append(Row(self.get("field", "order_id"), self.case.order_id))
        return rows

    def incident_name(self) -> str:
        return self.catalog.texts.get("incident", self.case.incident.value, self.lang)

    def incident_detail(self) -> str:
        from .form_values import _incident_detail

        return _incident_detail(self.case, self.labels, self.lang)

    def parcel_rows(self) -> list[Row]:
        case = self.case
        goods = case.goods.description if case.goods and case.goods.description else None
        return [
            Row(self.get("field", "carrier"), self.carrier_name()),
            Row(self.get("field", "tracking"), self.tracking()),
            Row(self.get("field", "posted_at"), self.moment(case.posted_at)),
            Row(
                self.get("field", "region"),
                self.catalog.texts.get("region", case.region.value, self.lang),
            ),
            Row(self.get("field", "goods"), self.or_blank(goods)),
            Row(self.get("field", "goods_value"), self.yuan(case.goods_value)),
            Row(
                self.get("field", "incident"),
                f"{self.incident_name()}（{self.incident_detail()}）"
                if self.lang == "zh"
                else f"{self.incident_name()} ({self.incident_detail()})",
            ),
        ]

    def history(self) -> tuple[str, ...]:
        lines = tuple(
            event_text(event, self.catalog.texts, self.lang) for event in self.escalation.events
        )
        return lines or (self.get("events", "none"),)

    def grounds(self) -> tuple[str, ...]:
        """The grounds in the document's own voice (``贵司`` to the courier, ``被告`` in court)."""
        kind = self.escalation.kind.value
        me = self.get("party", f"{kind}_me")
        courier = self.get("party", f"{kind}_courier")
        parties = {"me": me, "Me": _capital(me), "courier": courier, "Courier": _capital(courier)}
        return tuple(
            self.get("ground", note.code, **parties, **dict(note.params))
            for note in self.escalation.grounds
        )

    def check_lines(self, checks: Sequence[Check]) -> tuple[tuple[str, str], ...]:
        return tuple(
            (
                self.get("common", f"check_{check.status.value}"),
                self.get("check", check.code, **dict(check.params)),
            )
            for check in checks
        )

    def basis_items(self) -> tuple[str, ...]:
        items = []
        for clause_id in self.escalation.basis:
            try:
                clause = self.catalog.texts.clause(clause_id)
            except KeyError:
                continue
            items.append(
                self.get(
                    "common",
                    "clause_line",
                    label=clause.label(self.lang),
                    quote=clause.text(self.lang),
                )
            )
        return tuple(items)

    def photo_summary(self) -> str:
        counts = Counter(photo.kind for photo in self.case.photos)
        parts = [
            self.get(
                "common",
                "photos_of_kind",
                kind=self.labels.get("photo_kind", kind.value, self.lang),
                n=n,
            )
            for kind, n in counts.items()
        ]
        return self.get("common", "list_separator").join(parts)

    def evidence(self, *, complaint: bool = True, appeal: bool = True) -> tuple[str, ...]:
        """The evidence a document lists, from what the case holds."""
        from .statement import StatementKind, statement_kind

        case = self.case
        items = [self.get("evidence", "waybill", tracking=self.tracking())]
        if case.order_id:
            items.append(self.get("evidence", "order", order_id=case.order_id))
        else:
            items.append(self.get("evidence", "order_plain"))
        if case.photos:
            items.append(
                self.get("evidence", "photos", n=len(case.photos), kinds=self.photo_summary())
            )
        if case.signer is not None:
            items.append(self.get("evidence", "signing"))
        kind = statement_kind(case)
        if kind is StatementKind.NON_RECEIPT:
            items.append(self.get("evidence", "non_receipt"))
        elif kind is StatementKind.RECEIPT:
            items.append(self.get("evidence", "receipt"))
        if case.claim_at is not None:
            channel = (
                self.get(
                    "evidence",
                    "claim_channel",
                    channel=self.catalog.texts.get(
                        "claim_channel", case.channel.name.lower(), self.lang
                    ),
                )
                if case.channel
                else ""
            )
            ticket = self.get("evidence", "claim_ticket", ticket=case.ticket) if case.ticket else ""
            items.append(
                self.get(
                    "evidence",
                    "claim_form",
                    at=self.moment(case.claim_at),
                    channel=channel,
                    ticket=ticket,
                )
            )
        answered = any(
            item is not None
            for item in (
                case.courier_replied_at,
                case.courier_rejected_at,
                case.proposal,
                case.agreed_at,
                case.paid,
            )
        )
        if answered:
            items.append(self.get("evidence", "courier_records"))
        if complaint and case.complaint_at is not None:
            ticket = (
                self.get("evidence", "claim_ticket", ticket=case.complaint_ticket)
                if case.complaint_ticket
                else ""
            )
            items.append(
                self.get("evidence", "complaint", at=self.moment(case.complaint_at), ticket=ticket)
            )
        if appeal and case.appeal_at is not None:
            items.append(self.get("evidence", "appeal", at=self.moment(case.appeal_at)))
        return tuple(items)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- plain text


def render_text(document: EscalationDocument) -> str:
    """The document as plain text, part by part, for pasting into an online form."""
    lines = [document.title]
    if document.subtitle:
        lines.append(document.subtitle)
    lines.append("")
    if document.lead:
        lines += [*document.lead, ""]
    for part in (*document.parts, *document.appendix):
        lines.append(part.title)
        lines += [f"{row.label}：{row.value}" for row in part.rows]
        lines += list(part.paragraphs)
        lines += [f"{n}. {item}" for n, item in enumerate(part.items, start=1)]
        lines += [f"{mark} {text}" for mark, text in part.checks]
        lines += list(part.notes)
        lines.append("")
    if document.closing:
        lines += [*document.closing, ""]
    if document.signature:
        lines.append(f"{document.signature}________________")
    if document.dated:
        lines.append(document.dated)
    return "\n".join(lines).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- PDF


def _part_table(part: Part) -> Table:
    rows: list[list[Any]] = [[para(part.title, "section", "layout"), ""]]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (-1, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
    ]
    for row in part.rows:
        index = len(rows)
        rows.append([para(row.label, "label", "layout"), para(row.value, "value", "value")])
        style.append(("BACKGROUND", (0, index), (0, index), SHADE))
    for text in part.paragraphs:
        index = len(rows)
        rows.append([para(text, "body", "text"), ""])
        style.append(("SPAN", (0, index), (-1, index)))
    for number, text in enumerate(part.items, start=1):
        rows.append([para(f"{number}", "center", "layout"), para(text, "value", "text")])
    for mark, text in part.checks:
        rows.append([para(mark, "center", "layout"), para(text, "value", "text")])
    for text in part.notes:
        index = len(rows)
        rows.append([para(text, "small", "text"), ""])
        style.append(("SPAN", (0, index), (-1, index)))
    narrow = bool(part.items or part.checks) and not part.rows
    first = 12 * mm if narrow else LABEL_WIDTH
    return Table(
        rows,
        colWidths=[first, CONTENT_WIDTH - first],
        style=table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *style,
            ]
        ),
    )


def _signature(document: EscalationDocument) -> Table:
    half = CONTENT_WIDTH / 2
    return Table(
        [
            [
                para(document.signature, "label", "layout"),
                para(document.dated, "value", "dated"),
            ]
        ],
        colWidths=[half, half],
        rowHeights=[20 * mm],
        style=table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )


def render_pdf(
    document: EscalationDocument,
    out_path: Path,
    *,
    lang: str,
    password: str | None = None,
) -> Path:
    """Write `document` as an A4 PDF to `out_path` atomically; return the path."""
    w = words()
    story: list[Flowable] = [para(document.title, "title", "layout")]
    if document.subtitle:
        story.append(para(document.subtitle, "subtitle", "layout"))
    story.append(Spacer(1, 4 * mm))
    for line in document.lead:
        story.append(para(line, "body", "text"))
    if document.lead:
        story.append(Spacer(1, 2 * mm))
    for part in document.parts:
        story += [KeepTogether([_part_table(part)]), Spacer(1, 3 * mm)]
    ending: list[Flowable] = [para(line, "body", "text") for line in document.closing]
    if document.signature:
        ending += [Spacer(1, 2 * mm), _signature(document)]
    if ending:
        story.append(KeepTogether(ending))
    for part in document.appendix:
        story += [Spacer(1, 4 * mm), KeepTogether([_part_table(part)])]
    metadata = Metadata(
        title=f"{document.title} {document.tracking}",
        subject=document.subject or document.title,
    )
    return build_pdf(
        out_path,
        story,
        metadata=metadata,
        footer_left=w.get("common", "footer", lang, number=document.tracking),
        page_label=w.text("common", "page")(lang),
        password=password,
    )


__all__ = [
    "EscalationDocument",
    "Facts",
    "Part",
    "Row",
    "render_pdf",
    "render_text",
    "words",
]
