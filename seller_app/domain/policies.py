"""Compensation policy profiles, read from ``resources/policies/*.toml``.

A profile holds the numbers and modes the engine (`rules.assess`) needs; nothing about a courier
lives in code. ``standard`` is Appendix A of the national express service standard as quoted in
seed 000, with the uninsured cap of "5 × service fee, at most 100 yuan/kg" from the same seed;
courier profiles (``sf``, ``zto``, ``yto``) carry their own terms with source address, the date
they were read and whether the text was read from the courier's own current page.

What a profile can say (all optional except the clauses; see docs/policies.md):

- ``[uninsured]``: ``freight_multiple`` (one number, or a table by sender kind:
  ``{ ordinary = "7", monthly_account = "9" }``), ``per_kg_cap``, ``absolute_cap`` (yuan per
  parcel, "最高不超过 300 元/票"), ``undeclared_value_cap`` (goods over it count as it),
  ``no_proof_freight_multiple`` (what is paid when the sender has no value proof),
  ``partial_cap`` (``scaled`` or ``absolute``).
- ``[fee_waiver]``: per incident kind (``delay``, ``loss``, ``damage``, ``mismatch``) whether
  the freight is waived in ``full``, in ``proportion`` to the share lost, or ``none``.
- ``salvage_deducted``: the residual value the sender keeps is deducted.
- ``[final_delay]``: the final-delay limit (彻底延误时限) in calendar days after the promised
  delivery time, per region; a region left out has no known limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


class FeeWaiver(StrEnum):
    """How much of the freight an incident waives: all of it, the share of value lost, or none."""

    FULL = "full"
    PROPORTIONAL = "proportional"
    NONE = "none"


# Kept for callers of the earlier model: a partial loss's refund.
FeeRefund = FeeWaiver

INCIDENT_KINDS = ("delay", "loss", "damage", "mismatch")
DEFAULT_WAIVER: Mapping[str, FeeWaiver] = {
    "delay": FeeWaiver.FULL,
    "loss": FeeWaiver.FULL,
    "damage": FeeWaiver.PROPORTIONAL,
    "mismatch": FeeWaiver.PROPORTIONAL,
}
ORDINARY = "ordinary"


@dataclass(frozen=True)
class Policy:
    id: str
    name_zh: str
    name_en: str
    source: str
    url: str | None
    as_of: date | None
    """The version of the terms, when the source is dated."""
    verified: bool
    freight_multiple: Decimal | None
    per_kg_cap: Decimal | None
    undeclared_value_cap: Decimal | None
    partial_cap: PartialCap
    partial_fee_refund: FeeWaiver
    salvage_deducted: bool
    clauses: Mapping[str, str]
    """Clause ids the engine cites, by role: delay, loss, damage, mismatch, uninsured, insured,
    salvage, exemption, time_bar."""
    short_zh: str = ""
    short_en: str = ""
    read_at: date | None = None
    """When the source was read (the as-of date is the version of the terms)."""
    freight_multiples: Mapping[str, Decimal] = field(default_factory=dict)
    """Freight multiple by sender kind (``ordinary``, ``monthly_account``)."""
    absolute_cap: Decimal | None = None
    no_proof_freight_multiple: Decimal | None = None
    fee_waiver: Mapping[str, FeeWaiver] = field(default_factory=lambda: dict(DEFAULT_WAIVER))
    final_delay_days: Mapping[str, int] = field(default_factory=dict)
    final_delay_source: str = ""

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def short_name(self, lang: str) -> str:
        """How a sentence names the terms: 顺丰条款 / SF terms."""
        short = self.short_zh if lang == "zh" else self.short_en
        return short or self.name(lang)

    def clause(self, role: str) -> str:
        return self.clauses[role]

    def multiple_for(self, sender_kind: str | None) -> Decimal | None:
        """The freight multiple for this sender kind (ordinary when not stated or not listed)."""
        if self.freight_multiples:
            kind = sender_kind or ORDINARY
            return self.freight_multiples.get(kind, self.freight_multiples.get(ORDINARY))
        return self.freight_multiple

    def waiver(self, kind: str) -> FeeWaiver:
        return self.fee_waiver.get(kind, DEFAULT_WAIVER[kind])


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


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def policy_from_data(data: Mapping[str, Any]) -> Policy:
    uninsured = data.get("uninsured", {})
    clauses = dict(data["clauses"])
    missing = [role for role in _ROLES if role not in clauses]
    if missing:
        raise ValueError(f"policy {data['id']}: clauses missing {missing}")
    multiple = uninsured.get("freight_multiple")
    multiples: dict[str, Decimal] = {}
    if isinstance(multiple, Mapping):
        multiples = {str(kind): Decimal(str(value)) for kind, value in multiple.items()}
        if ORDINARY not in multiples:
            raise ValueError(f"policy {data['id']}: freight_multiple needs an ordinary tier")
        multiple = multiples[ORDINARY]
    waiver = dict(DEFAULT_WAIVER)
    for kind, value in data.get("fee_waiver", {}).items():
        if kind not in INCIDENT_KINDS:
            raise ValueError(f"policy {data['id']}: fee_waiver kind {kind!r} unknown")
        waiver[kind] = FeeWaiver(value)
    final_delay = dict(data.get("final_delay", {}))
    final_source = str(final_delay.pop("source", ""))
    final_delay.pop("verified", None)
    as_of = _date(data.get("as_of"))
    short = data.get("short", {})
    return Policy(
        id=data["id"],
        name_zh=data["name"]["zh"],
        name_en=data["name"]["en"],
        short_zh=short.get("zh", ""),
        short_en=short.get("en", ""),
        source=data["source"],
        url=data.get("url"),
        as_of=as_of,
        read_at=_date(data.get("read_at")),
        verified=bool(data["verified"]),
        freight_multiple=_decimal(multiple),
        freight_multiples=multiples,
        per_kg_cap=_decimal(uninsured.get("per_kg_cap")),
        absolute_cap=_decimal(uninsured.get("absolute_cap")),
        undeclared_value_cap=_decimal(uninsured.get("undeclared_value_cap")),
        no_proof_freight_multiple=_decimal(uninsured.get("no_proof_freight_multiple")),
        partial_cap=PartialCap(uninsured.get("partial_cap", "scaled")),
        partial_fee_refund=waiver["damage"],
        fee_waiver=waiver,
        salvage_deducted=bool(data.get("salvage_deducted", False)),
        final_delay_days={str(region): int(days) for region, days in final_delay.items()},
        final_delay_source=final_source,
        clauses=clauses,
    )
