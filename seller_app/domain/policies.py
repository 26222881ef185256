"""Compensation policy profiles, read from ``resources/policies/*.toml``.

A profile holds the numbers and modes the engine (`rules.assess`) needs; nothing about a courier
lives in code. ``standard`` is Appendix A of the national express service standard as quoted in
seed 000, with the uninsured cap of "5 × service fee, at most 100 yuan/kg" from the same seed;
courier profiles (``sf``) carry their own terms with source URL and as-of date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class PartialCap(StrEnum):
    """How an uninsured cap meets a partial loss.

    ``scaled``: the cap bounds the full-loss figure, and a partial loss gets the same share of it
    (A.3.3 b: "按照快件丢失赔偿额度的相同比例"). ``absolute``: the partial loss itself is paid up to
    the cap (courier terms of the form "actual loss, at most N × freight").
    """

    SCALED = "scaled"
    ABSOLUTE = "absolute"


class FeeRefund(StrEnum):
    """How much of the service fee a partial loss refunds: its share, or all of it."""

    PROPORTIONAL = "proportional"
    FULL = "full"


@dataclass(frozen=True)
class Policy:
    id: str
    name_zh: str
    name_en: str
    source: str
    url: str | None
    as_of: date
    verified: bool
    freight_multiple: Decimal | None
    per_kg_cap: Decimal | None
    undeclared_value_cap: Decimal | None
    partial_cap: PartialCap
    partial_fee_refund: FeeRefund
    salvage_deducted: bool
    clauses: Mapping[str, str]
    """Clause ids the engine cites, by role: delay, loss, damage, mismatch, uninsured, insured,
    salvage, exemption, time_bar."""

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def clause(self, role: str) -> str:
        return self.clauses[role]


_ROLES = (
    "time_bar",
    "exemption",
    "delay",
    "loss",
    "damage",
    "mismatch",
    "uninsured",
    "insured",
    "salvage",
)


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def policy_from_data(data: Mapping[str, Any]) -> Policy:
    uninsured = data.get("uninsured", {})
    clauses = dict(data["clauses"])
    missing = [role for role in _ROLES if role not in clauses]
    if missing:
        raise ValueError(f"policy {data['id']}: clauses missing {missing}")
    as_of = data["as_of"]
    return Policy(
        id=data["id"],
        name_zh=data["name"]["zh"],
        name_en=data["name"]["en"],
        source=data["source"],
        url=data.get("url"),
        as_of=as_of if isinstance(as_of, date) else date.fromisoformat(as_of),
        verified=bool(data["verified"]),
        freight_multiple=_decimal(uninsured.get("freight_multiple")),
        per_kg_cap=_decimal(uninsured.get("per_kg_cap")),
        undeclared_value_cap=_decimal(uninsured.get("undeclared_value_cap")),
        partial_cap=PartialCap(uninsured.get("partial_cap", "scaled")),
        partial_fee_refund=FeeRefund(data.get("partial_fee_refund", "proportional")),
        salvage_deducted=bool(data.get("salvage_deducted", False)),
        clauses=clauses,
    )
