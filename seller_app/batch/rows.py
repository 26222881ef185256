"""One export row -> one case file object, or the reasons it cannot be a claim.

Where each value comes from, first match wins: the row's own cell, the command-line default
(`RowDefaults`), the mapping's ``[defaults]``. A value none of them gives is a problem for that
row; nothing is guessed (an empty courier cell is left empty, and the assessment then says the
courier was detected from the number and should be confirmed).

Every problem of a row is collected, then the case object is checked by the domain's own
validator (`case_from_json`), so a row that passes here is a valid case file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ..domain.case import SHANGHAI, case_from_json, normalize_tracking_number
from ..domain.errors import CaseError
from ..domain.money import parse_amount
from .mapping import HeaderPlan, normalize_value
from .reader import Cell

_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
)
_SPLIT_NUMBERS = re.compile(r"[,，;；/、\s]+")
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
}
# Which batch field a domain error path belongs to.
_FIELD_OF_PATH: Mapping[str, str] = {
    "damage.lost_value": "lost_value",
    "mismatch.lost_value": "lost_value",
    "damage.extent": "damage_extent",
    "mismatch.kind": "mismatch_kind",
    "damage": "damage_extent",
    "mismatch": "mismatch_kind",
    "claim_at": "posted_at",
    "goods.quantity": "goods_quantity",
    "buyer.name": "buyer_name",
    "buyer.phone": "buyer_phone",
    "buyer.address": "buyer_address",
}


@dataclass(frozen=True)
class RowProblem:
    """Why a row is not a claim: `code` is a message in ``resources/imports/messages.toml`` or,
    when `domain` is true, in ``resources/texts.toml`` [errors]; `column` is the header."""

    row: int
    column: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    domain: bool = False


@dataclass(frozen=True)
class ClaimRow:
    """A row that is a valid case: its stable key (order id + first tracking number)."""

    row: int
    key: str
    order_id: str | None
    tracking_number: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class RefusedRow:
    """A row that cannot be a claim, with what could be read of it and every reason."""

    row: int
    order_id: str | None
    tracking_number: str | None
    problems: tuple[RowProblem, ...]


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
    text = text.lstrip("'").strip()
    return text or None


def parse_cell_datetime(cell: Cell) -> datetime | None:
    """A shipping time from a cell (datetime from XLSX or text in the common export formats)."""
    if isinstance(cell, datetime):
        moment = cell
    elif isinstance(cell, date):
        moment = datetime.combine(cell, time(0, 0))
    else:
        text = clean_text(cell)
        if text is None:
            return None
        for fmt in _DATETIME_FORMATS:
            try:
                moment = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValueError(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)


class _RowReader:
    def __init__(
        self, plan: HeaderPlan, cells: tuple[Cell, ...], row: int, defaults: RowDefaults
    ) -> None:
        self.plan = plan
        self.cells = cells
        self.row = row
        self.defaults = defaults
        self.problems: list[RowProblem] = []

    def problem(self, field_name: str, code: str, *, domain: bool = False, **params: Any) -> None:
        label = self.plan.label(field_name)
        self.problems.append(RowProblem(self.row, label, code, params, domain))

    def missing(self, field_name: str) -> None:
        if field_name in self.plan.index_of:
            self.problem(field_name, "empty_cell")
        elif field_name in OPTION_OF:
            self.problem(field_name, "no_column_no_default", option=OPTION_OF[field_name])
        else:
            self.problem(field_name, "no_column")

    def raw(self, field_name: str) -> Cell:
        cell = self.plan.cell(self.cells, field_name)
        if cell is not None:
            return cell
        default = self.defaults.get(field_name)
        if default is not None:
            return str(default)
        return self.plan.mapping.defaults.get(field_name)

    def text(self, field_name: str, required: bool = False) -> str | None:
        cell = self.raw(field_name)
        if isinstance(cell, float) and cell.is_integer() and abs(cell) >= _EXACT_FLOAT:
            self.problem(field_name, "number_rounded", value=f"{cell:.0f}")
            return None
        text = clean_text(cell)
        if text is None and required:
            self.missing(field_name)
        return text

    def code(self, field_name: str, required: bool = False) -> str | None:
        text = self.text(field_name, required)
        if text is None:
            return None
        table = self.plan.mapping.values.get(field_name, {})
        found = table.get(normalize_value(text))
        if found is None and text.casefold() in _allowed(field_name):
            found = text.casefold()
        if found is None:
            code = "unknown_courier" if field_name == "carrier" else "unknown_value"
            self.problem(field_name, code, value=text, mapping=self.plan.mapping.id)
        return found

    def amount(
        self, field_name: str, *, required: bool = False, positive: bool = False
    ) -> str | None:
        cell = self.raw(field_name)
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            if required:
                self.missing(field_name)
            return None
        try:
            value = parse_amount(clean_text(cell) if isinstance(cell, str) else cell, field_name)
        except CaseError:
            self.problem(field_name, "not_a_number", domain=True, value=cell)
            return None
        if value < 0:
            self.problem(field_name, "must_not_be_negative", domain=True, value=cell)
            return None
        if positive and value == 0:
            self.problem(field_name, "must_be_positive", domain=True, value=cell)
            return None
        return str(value)


def _allowed(field_name: str) -> tuple[str, ...]:
    from .mapping import VALUE_CODES

    return VALUE_CODES.get(field_name, ())


def read_row(
    plan: HeaderPlan,
    row: int,
    cells: tuple[Cell, ...],
    defaults: RowDefaults,
    now: datetime,
) -> ClaimRow | RefusedRow:
    """Map one row through the header plan; a valid case or every problem found."""
    r = _RowReader(plan, cells, row, defaults)
    numbers: list[str] = []
    raw_numbers = r.text("tracking_numbers", required=True)
    for part in _SPLIT_NUMBERS.split(raw_numbers or ""):
        if part:
            try:
                numbers.append(normalize_tracking_number(part, "tracking_numbers"))
            except CaseError as error:
                r.problem("tracking_numbers", error.code, domain=True, **error.params)
    order_id = r.text("order_id")
    carrier = r.code("carrier")
    posted_at = None
    posted_cell = r.raw("posted_at")
    if posted_cell is None:
        r.missing("posted_at")
    else:
        try:
            posted_at = parse_cell_datetime(posted_cell)
        except ValueError:
            r.problem("posted_at", "bad_datetime", domain=True, value=posted_cell)
        if posted_at is not None and posted_at > now:
            r.problem("posted_at", "in_future", value=posted_at.strftime("%Y-%m-%d %H:%M"))
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
        "claim_at": now.isoformat(),
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
    return ClaimRow(row, case_key(order_id, numbers[0]), order_id, numbers[0], data)


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
        try:
            number = Decimal(quantity_text)
        except ArithmeticError:
            number = Decimal("NaN")
        if number.is_finite() and number == number.to_integral_value() and number >= 1:
            quantity = int(number)
        else:
            r.problem("goods_quantity", "bad_quantity", domain=True, value=quantity_text)
    goods = {"description": r.text("goods_description"), "quantity": quantity}
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
