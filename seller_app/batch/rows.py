"""One export row -> one case file object, or the reasons it cannot be a claim.

Where each value comes from, first match wins: a value joined from a second file (the items
report, `supplied`), the row's own cell, the command-line default (`RowDefaults`), the mapping's
``[defaults]``. A value none of them gives is a problem for that row; nothing is guessed (an
empty courier cell is left empty, and the assessment then says the courier was detected from the
number and should be confirmed).

The posting time is the one exception, and it is said, never silent: when the export has no
posting-time column and none was given, the payment time stands in for it. Payment comes before
posting, so the one-year claim period (A.4) counted from it ends earlier than the real one: the
deadline shown is conservative. Every such claim carries a `RowNote` saying so.

Cells are read the way exports write them: ``="0123"``, a leading apostrophe or tab (to keep
Excel from turning ids into numbers), thousands separators, ``¥``/``元``, full-width digits, and
placeholders such as ``-`` (per mapping). A cell longer than Excel's limit, or holding bytes the
file's encoding could not decode, is refused naming its row and column.

Every problem of a row is collected, then the case object is checked by the domain's own
validator (`case_from_json`), so a row that passes here is a valid case file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ..domain.case import SHANGHAI, case_from_json, normalize_tracking_number
from ..domain.errors import CaseError
from ..domain.money import parse_amount
from .mapping import VALUE_CODES, HeaderPlan, normalize_value
from .reader import MAX_CELL_CHARS, Cell

_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M:%S",
    "%Y年%m月%d日",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M",
)
# Exports are recent: a posting time before this is a typing or conversion error.
EARLIEST = datetime(2000, 1, 1, tzinfo=SHANGHAI)
_SPLIT_NUMBERS = re.compile(r"[,，;；/、:：\s]+")
_SHIPMENT_PARTS = re.compile(r"[\s,，;；/、:：|()（）\[\]【】\-]+")
_NUMBER_TOKEN = re.compile(r"[A-Z0-9]{6,40}")
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
# Control characters other than tab and line breaks: no export writes them in a cell.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MONEY_MARKS = ("¥", "￥", "元", "RMB", "CNY")
_SAFE_KEY = re.compile(r"[^A-Za-z0-9_-]+")
# Spreadsheets keep whole numbers exactly up to 2**53; longer ids arrive already rounded.
_EXACT_FLOAT = 2**53

# Command-line options that give a default for a field (named in messages).
OPTION_OF: Mapping[str, str] = {
    "incident": "--incident",
    "service_fee": "--service-fee",
    "weight_kg": "--weight",
    "region": "--region",
    "damage_extent": "--extent",
    "mismatch_kind": "--mismatch",
    "insurance_fee": "--insurance-fee",
    "policy": "--policy",
    "posted_at": "--posted",
}
# Which batch field a domain error path belongs to.
_FIELD_OF_PATH: Mapping[str, str] = {
    "damage.lost_value": "lost_value",
    "mismatch.lost_value": "lost_value",
    "delay.lost_value": "lost_value",
    "damage.extent": "damage_extent",
    "mismatch.kind": "mismatch_kind",
    "damage": "damage_extent",
    "mismatch": "mismatch_kind",
    "claim_at": "posted_at",
    "goods.quantity": "goods_quantity",
    "goods.description": "goods_description",
    "buyer.name": "buyer_name",
    "buyer.phone": "buyer_phone",
    "buyer.address": "buyer_address",
    "shop.name": "shop_name",
}


@dataclass(frozen=True)
class RowProblem:
    """Why a row is not a claim: `code` is a message in ``resources/imports/messages.toml`` or,
    when `domain` is true, in ``resources/texts.toml`` [errors] (unless messages.toml words it
    for the batch); `column` is the file's header ("" when the file has no such column, then
    `field`'s words name it)."""

    row: int
    column: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    domain: bool = False
    field: str = ""


@dataclass(frozen=True)
class RowNote:
    """Something the seller must know about a claim that was made (messages.toml [notes])."""

    row: int
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimRow:
    """A row that is a valid case: its stable key (order id + first tracking number)."""

    row: int
    key: str
    order_id: str | None
    tracking_number: str
    data: Mapping[str, Any]
    notes: tuple[RowNote, ...] = ()
    line_id: str | None = None


@dataclass(frozen=True)
class RefusedRow:
    """A row that cannot be a claim, with what could be read of it and every reason."""

    row: int
    order_id: str | None
    tracking_number: str | None
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class MergedRow:
    """A line of an order whose parcel is already another row's claim (one row per item):
    its goods went into that claim. Not a refusal."""

    row: int
    into: int
    order_id: str | None
    tracking_number: str


@dataclass(frozen=True)
class RowDefaults:
    """Values given on the command line (or in the dialog) for every row lacking them."""

    incident: str | None = None
    damage_extent: str | None = None
    mismatch_kind: str | None = None
    service_fee: Decimal | None = None
    weight_kg: Decimal | None = None
    insurance_fee: Decimal | None = None
    region: str | None = None
    policy: str | None = None
    posted_at: datetime | None = None

    def get(self, name: str) -> Any:
        return getattr(self, name, None)


def case_key(order_id: str | None, tracking_number: str) -> str:
    """``3912345678901234567_SF1234567890123``: the same row always gets the same key."""
    order = _SAFE_KEY.sub("-", order_id).strip("-") if order_id else ""
    return f"{order or 'none'}_{tracking_number}"


def clean_text(cell: Cell) -> str | None:
    """Cell as text; undoes the ``="0123"``, leading-apostrophe and tab tricks exports use to stop
    Excel from turning long ids into numbers."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = text.lstrip("'\t").strip()
    return text or None


def parse_cell_datetime(cell: Cell) -> datetime | None:
    """A time from a cell (datetime from XLSX or text in the common export formats)."""
    if isinstance(cell, datetime):
        moment = cell
    elif isinstance(cell, date):
        moment = datetime.combine(cell, time(0, 0))
    else:
        text = clean_text(cell)
        if text is None:
            return None
        text = unicodedata.normalize("NFKC", text)
        text = re.sub(r"\s+", " ", text).strip()
        for fmt in _DATETIME_FORMATS:
            try:
                moment = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


def parse_posted(text: str, now: datetime) -> datetime:
    """A posting date the seller gives for every row: ``2026-11-11`` (the start of that day,
    Shanghai) or ``2026-11-11 18:00``; not in the future, not before 2000 (ValueError)."""
    try:
        moment = parse_cell_datetime(text)
    except OverflowError:
        moment = None
    if moment is None or moment > now or moment < EARLIEST:
        raise ValueError(text)
    return moment


def amount_text(text: str) -> str:
    """``￥1,234.50``, ``１２３元`` -> ``1234.50``; raises ValueError for ``1,2,3``."""
    text = unicodedata.normalize("NFKC", text).strip()
    for mark in _MONEY_MARKS:
        text = text.replace(mark, "")
    text = text.strip()
    if "," in text:
        if not _THOUSANDS.fullmatch(text):
            raise ValueError(text)
        text = text.replace(",", "")
    return text


def _format_time(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


class _RowReader:
    def __init__(
        self,
        plan: HeaderPlan,
        cells: tuple[Cell, ...],
        row: int,
        defaults: RowDefaults,
        supplied: Mapping[str, Cell],
    ) -> None:
        self.plan = plan
        self.cells = cells
        self.row = row
        self.defaults = defaults
        self.supplied = supplied
        self.problems: list[RowProblem] = []
        self.notes: list[RowNote] = []
        self.flagged: set[str] = set()
        self.posted_from_paid = False

    def problem(self, field_name: str, code: str, *, domain: bool = False, **params: Any) -> None:
        column = self.plan.header_of.get(field_name, "")
        self.problems.append(RowProblem(self.row, column, code, params, domain, field_name))

    def missing(self, field_name: str) -> None:
        if field_name in self.flagged:
            return
        if self.plan.has(field_name):
            self.problem(field_name, "empty_cell")
        elif field_name in OPTION_OF:
            self.problem(field_name, "no_column_no_default", option=OPTION_OF[field_name])
        else:
            self.problem(field_name, "no_column")

    def cell(self, field_name: str) -> Cell:
        """The row's own cell, checked: too long or undecodable is a problem, not a value."""
        cell = self.plan.cell(self.cells, field_name)
        if isinstance(cell, str):
            if len(cell) > MAX_CELL_CHARS:
                self.flagged.add(field_name)
                self.problem(field_name, "cell_too_long", length=len(cell), limit=MAX_CELL_CHARS)
                return None
            if "\ufffd" in cell:
                self.flagged.add(field_name)
                self.problem(field_name, "bad_bytes")
                return None
            if _CONTROL.search(cell):
                self.flagged.add(field_name)
                self.problem(field_name, "control_chars")
                return None
        return cell

    def raw(self, field_name: str) -> Cell:
        if field_name in self.supplied and self.supplied[field_name] is not None:
            return self.supplied[field_name]
        cell = self.cell(field_name)
        if cell is not None or field_name in self.flagged:
            return cell
        default = self.defaults.get(field_name)
        if default is not None:
            return default if isinstance(default, datetime) else str(default)
        return self.plan.mapping.defaults.get(field_name)

    def text(self, field_name: str, required: bool = False) -> str | None:
        cell = self.raw(field_name)
        if isinstance(cell, float) and cell.is_integer() and abs(cell) >= _EXACT_FLOAT:
            self.problem(field_name, "number_rounded", value=f"{cell:.0f}")
            self.flagged.add(field_name)
            return None
        text = clean_text(cell)
        if text is None and required:
            self.missing(field_name)
        return text

    def code_of(self, field_name: str, text: str | None, required: bool = False) -> str | None:
        if text is None:
            if required:
                self.missing(field_name)
            return None
        table = self.plan.mapping.values.get(field_name, {})
        found = table.get(normalize_value(text))
        if found is None and text.casefold() in VALUE_CODES.get(field_name, ()):
            found = text.casefold()
        if found is None:
            code = "unknown_courier" if field_name == "carrier" else "unknown_value"
            self.problem(field_name, code, value=text, mapping=self.plan.mapping.id)
        return found

    def code(self, field_name: str, required: bool = False) -> str | None:
        text = self.text(field_name)
        return self.code_of(field_name, text, required)

    def amount(
        self, field_name: str, *, required: bool = False, positive: bool = False
    ) -> str | None:
        cell = self.raw(field_name)
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            if required:
                self.missing(field_name)
            return None
        if isinstance(cell, float) and abs(cell - round(cell, 2)) < 1e-6:
            cell = round(cell, 2)  # a spreadsheet's 1299.4999999999998 is 1299.50
        try:
            text = amount_text(clean_text(cell) or "") if isinstance(cell, str) else cell
            value = parse_amount(text, field_name)
        except (CaseError, ValueError):
            self.problem(field_name, "not_a_number", domain=True, value=cell)
            return None
        if value < 0:
            self.problem(field_name, "must_not_be_negative", domain=True, value=cell)
            return None
        if positive and value == 0:
            self.problem(field_name, "must_be_positive", domain=True, value=cell)
            return None
        return str(value)

    def moment(self, field_name: str, now: datetime) -> datetime | None:
        """A time cell; in the future or before `EARLIEST` is a problem."""
        cell = self.raw(field_name)
        if cell is None:
            return None
        try:
            moment = parse_cell_datetime(cell)
        except (ValueError, OverflowError):
            self.problem(field_name, "bad_datetime", domain=True, value=cell)
            self.flagged.add(field_name)
            return None
        if moment is None:
            return None
        if moment > now:
            self.problem(field_name, "in_future", value=_format_time(moment))
            self.flagged.add(field_name)
            return None
        if moment < EARLIEST:
            self.problem(field_name, "too_early", value=moment.strftime("%Y-%m-%d"))
            self.flagged.add(field_name)
            return None
        return moment


def _posted_at(r: _RowReader, now: datetime) -> datetime | None:
    """The posting time: the row's cell, else ``--posted``, else (said) the payment time."""
    if r.plan.has("posted_at"):
        moment = r.moment("posted_at", now)  # an empty cell falls back to --posted
        if moment is None and "posted_at" not in r.flagged:
            r.missing("posted_at")
        return moment
    if r.defaults.posted_at is not None:
        return r.defaults.posted_at
    if r.plan.has("paid_at"):
        paid = r.moment("paid_at", now)
        if paid is not None:
            r.notes.append(
                RowNote(
                    r.row,
                    "posted_from_paid",
                    {"paid": _format_time(paid), "column": r.plan.header_of["paid_at"]},
                )
            )
            r.posted_from_paid = True
            return paid
        if "paid_at" not in r.flagged:
            r.problem("posted_at", "no_posted_no_paid", column=r.plan.header_of["paid_at"])
        return None
    r.missing("posted_at")
    return None


def _shipment(r: _RowReader) -> tuple[str | None, list[str]]:
    """Courier name and tracking numbers from one combined cell (抖店 "快递信息")."""
    text = r.text("shipment")
    if text is None:
        return None, []
    parts = [p for p in _SHIPMENT_PARTS.split(unicodedata.normalize("NFKC", text)) if p]
    numbers = [
        p.upper() for p in parts if _NUMBER_TOKEN.fullmatch(p.upper()) and re.search(r"\d{4}", p)
    ]
    name = "".join(p for p in parts if p.upper() not in numbers)
    return name or None, numbers


def _tracking_numbers(r: _RowReader) -> tuple[list[str], str | None, str | None]:
    """(numbers, the raw text for messages, courier name from a combined cell)."""
    carrier_name = None
    if r.plan.has("tracking_numbers") or not r.plan.has("shipment"):
        raw_numbers = r.text("tracking_numbers", required=True)
        parts = _SPLIT_NUMBERS.split(unicodedata.normalize("NFKC", raw_numbers or ""))
        field_name = "tracking_numbers"
    else:
        carrier_name, parts = _shipment(r)
        raw_numbers = " ".join(parts) or None
        field_name = "shipment"
        if not parts and "shipment" not in r.flagged:
            r.missing("shipment")
    numbers: list[str] = []
    if any(re.search(r"\d", part) for part in parts):
        parts = [part for part in parts if re.search(r"\d", part)]  # "No:7531…" -> "7531…"
    for part in parts:
        if part:
            try:
                numbers.append(normalize_tracking_number(part, field_name))
            except CaseError as error:
                r.problem(field_name, error.code, domain=True, **error.params)
    return numbers, raw_numbers, carrier_name


def read_row(
    plan: HeaderPlan,
    row: int,
    cells: tuple[Cell, ...],
    defaults: RowDefaults,
    now: datetime,
    supplied: Mapping[str, Cell] | None = None,
) -> ClaimRow | RefusedRow:
    """Map one row through the header plan; a valid case or every problem found."""
    r = _RowReader(plan, cells, row, defaults, supplied or {})
    numbers, raw_numbers, carrier_name = _tracking_numbers(r)
    order_id = r.text("order_id")
    line_id = r.text("line_id")
    carrier_text = r.text("carrier") or carrier_name
    carrier = r.code_of("carrier", carrier_text)
    posted_at = _posted_at(r, now)
    incident = r.code("incident", required=True)
    detail = None
    if incident is not None and ":" in incident:
        incident, detail = incident.split(":", 1)
    data: dict[str, Any] = {
        "format": 1,
        "tracking_numbers": numbers,
        "carrier": carrier,
        "region": r.code("region", required=True),
        "posted_at": posted_at.isoformat() if posted_at else None,
        "posted_at_source": "payment_time" if r.posted_from_paid else None,
        "incident": incident,
        "goods_value": r.amount("goods_value", required=True, positive=True),
        "service_fee": r.amount("service_fee", required=True),
        "weight_kg": r.amount("weight_kg", required=True, positive=True),
        "insurance_fee": r.amount("insurance_fee"),
        "insured_value": r.amount("insured_value", positive=True),
        "policy": r.text("policy"),
        "order_id": order_id,
        "description": r.text("description"),
    }
    lost_value = r.amount("lost_value", positive=True)
    if incident == "damage":
        extent = detail or r.code("damage_extent", required=True)
        data["damage"] = {"extent": extent, "lost_value": lost_value}
    elif incident == "mismatch":
        kind = detail or r.code("mismatch_kind", required=True)
        data["mismatch"] = {"kind": kind, "lost_value": lost_value}
    elif incident == "delay" and lost_value is not None:
        data["delay"] = {"lost_value": lost_value}
    _people_and_goods(r, data)
    first_number = numbers[0] if numbers else raw_numbers
    if not r.problems:
        data = _drop_none(data)
        try:
            case_from_json(data, now)
        except CaseError as error:
            field_name = _FIELD_OF_PATH.get(error.field, error.field.split("[")[0])
            if error.code == "required":
                r.missing(field_name)
            else:
                r.problem(field_name, error.code, domain=True, **error.params)
    if r.problems:
        return RefusedRow(row, order_id, first_number, tuple(r.problems))
    return ClaimRow(
        row,
        case_key(order_id, numbers[0]),
        order_id,
        numbers[0],
        data,
        tuple(r.notes),
        line_id,
    )


def parse_quantity(cell: Cell) -> int | None:
    """A whole number of at least 1 (``2``, ``2.0``, ``２``), else None."""
    text = clean_text(cell)
    if text is None:
        return None
    try:
        number = Decimal(unicodedata.normalize("NFKC", text))
    except ArithmeticError:
        return None
    if number.is_finite() and number == number.to_integral_value() and 1 <= number < 10**9:
        return int(number)
    return None


def _people_and_goods(r: _RowReader, data: dict[str, Any]) -> None:
    buyer = {
        "name": r.text("buyer_name"),
        "phone": r.text("buyer_phone"),
        "address": r.text("buyer_address"),
    }
    shop = {"name": r.text("shop_name")}
    quantity = None
    quantity_text = r.text("goods_quantity")
    if quantity_text is not None:
        quantity = parse_quantity(quantity_text)
        if quantity is None:
            r.problem("goods_quantity", "bad_quantity", domain=True, value=quantity_text)
    description = r.text("goods_description")
    attributes = r.text("goods_attributes")
    if description and attributes and attributes not in description:
        description = f"{description}（{attributes}）"
    goods = {"description": description, "quantity": quantity}
    for key, part in (("buyer", buyer), ("shop", shop), ("goods", goods)):
        if any(value is not None for value in part.values()):
            data[key] = part


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _drop_none(value)
        if value is not None:
            cleaned[key] = value
    return cleaned
