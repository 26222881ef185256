"""The case file, format version 1: what one claim is about.

A case arrives as JSON (see docs/case-format.md) and is parsed by `case_from_json` into a frozen
`Case`; `case_to_json` writes it back so that ``case_from_json(case_to_json(c), now) == c``.
Parsing is strict: unknown keys, wrong types and impossible values raise `CaseError` naming the
field. Money is `Decimal`; datetimes are timezone-aware, Asia/Shanghai when no offset is given.

What happened after the claim was made is part of the case too (the follow-up events):
``claim_at`` is the moment the claim was really sent to the courier (absent: not sent yet), with
its ``channel`` and the courier's ``ticket``; then the courier's answer, rejection or
``proposal``, the agreement, the payment received (``paid``), a complaint, an appeal to the
postal regulator, and on the buyer's side the after-sales request, the platform stepping in and
the seller's refund or re-send. Every courier event needs ``claim_at`` and cannot be earlier;
`seller_app.domain.events` records and lists them.

The model is in `case_model`, reading in `case_parse`, writing in `case_write`; this module is
their public face, so callers import from ``seller_app.domain.case`` only.
"""

from __future__ import annotations

from .case_model import (
    CARRIER_CODES,
    CHANNEL_ALIASES,
    FORMAT_VERSION,
    SHANGHAI,
    TICKET_MAX,
    Buyer,
    Case,
    ClaimBasis,
    ClaimChannel,
    Damage,
    Delay,
    Exemptions,
    Extent,
    Goods,
    Incident,
    Mismatch,
    MismatchKind,
    MoneyEvent,
    Payee,
    PhotoKind,
    PhotoRef,
    PostedSource,
    ProofKind,
    Region,
    SenderKind,
    Shop,
    Signer,
    SignerWho,
    ValueProof,
)
from .case_parse import case_from_json, check_year, normalize_tracking_number, parse_datetime
from .case_write import case_to_json
from .money import format_yuan

__all__ = [
    "CARRIER_CODES",
    "FORMAT_VERSION",
    "TICKET_MAX",
    "SHANGHAI",
    "CHANNEL_ALIASES",
    "Buyer",
    "Case",
    "ClaimBasis",
    "ClaimChannel",
    "Damage",
    "Delay",
    "Exemptions",
    "Extent",
    "Goods",
    "Incident",
    "Mismatch",
    "MismatchKind",
    "MoneyEvent",
    "PhotoKind",
    "Payee",
    "PhotoRef",
    "PostedSource",
    "ProofKind",
    "Region",
    "SenderKind",
    "Shop",
    "Signer",
    "SignerWho",
    "ValueProof",
    "case_from_json",
    "case_to_json",
    "check_year",
    "format_yuan",
    "normalize_tracking_number",
    "parse_datetime",
]
