"""Reading a case file (format version 1) into a `Case`: strict -- unknown keys, wrong types and
impossible values raise `CaseError` naming the field. Money is `Decimal`; datetimes are
timezone-aware, Asia/Shanghai when no offset is given."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any

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
from .errors import CaseError
from .money import ZERO, parse_amount

_TRACKING_RE = re.compile(r"^[A-Z0-9]{6,40}$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


def parse_datetime(value: object, field_name: str) -> datetime:
    """ISO 8601 datetime or bare date; no offset means Asia/Shanghai, a bare date its midnight."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time(0, 0))
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            if len(text) == 10:
                parsed = datetime.combine(date.fromisoformat(text), time(0, 0))
            else:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise CaseError(field_name, "bad_datetime", value=value) from None
    else:
        raise CaseError(field_name, "bad_datetime", value=value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=SHANGHAI)
    check_year(parsed, field_name, value)
    return parsed


# Years a claim can be about. Far enough from datetime's limits (years 1 and 9999) that every
# offset and period the rules and the schedule add (a year, 60 days, 15 working days, a time
# zone) stays representable: 9999-12-31 + 1 day would raise OverflowError deep in the schedule.
FIRST_YEAR, LAST_YEAR = 2000, 2099


def check_year(moment: datetime, field_name: str, value: object = None) -> None:
    """`CaseError` ``year_out_of_range`` unless `moment` falls in FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise CaseError(
            field_name,
            "year_out_of_range",
            year=moment.year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
            value=value if value is not None else moment.isoformat(),
        )


def normalize_tracking_number(value: object, field_name: str) -> str:
    """Upper-case, without spaces or dashes; 6-40 letters and digits."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise CaseError(field_name, "bad_tracking_number", value=value)
    text = re.sub(r"[\s\-]", "", str(value)).upper()
    if not _TRACKING_RE.match(text):
        raise CaseError(field_name, "bad_tracking_number", value=value)
    return text


# The keys each object of the format may have: checked first, so that a misspelt key is reported
# as unknown rather than as the required key it was meant to be.
KEYS: Mapping[str, frozenset[str]] = {
    "": frozenset(
        {
            "format",
            "tracking_numbers",
            "carrier",
            "region",
            "posted_at",
            "claim_at",
            "incident",
            "service_fee",
            "insurance_fee",
            "insured_value",
            "goods_value",
            "weight_kg",
            "salvage_value",
            "damage",
            "mismatch",
            "delay",
            "signer",
            "exemptions",
            "policy",
            "courier_replied_at",
            "agreed_at",
            "buyer_requested_at",
            "platform_escalated_at",
            "order_id",
            "shop",
            "buyer",
            "goods",
            "description",
            "photos",
            "sender_kind",
            "posted_at_source",
            "claim_basis",
            "inquired_at",
            "promised_at",
            "payee",
            "origin",
            "destination",
            "value_proofs",
            # follow-up events
            "channel",
            "ticket",
            "courier_rejected_at",
            "proposal",
            "paid",
            "complaint_at",
            "complaint_ticket",
            "appeal_at",
            "buyer_refunded_at",
            "",
        }
    ),
    "damage": frozenset({"extent", "lost_value"}),
    "mismatch": frozenset({"kind", "lost_value"}),
    "delay": frozenset({"value_destroyed", "lost_value"}),
    "signer": frozenset({"who", "name", "inspected", "placed_without_consent", "signed_at"}),
    "exemptions": frozenset({"sender_fault", "force_majeure"}),
    "shop": frozenset({"name", "contact", "phone"}),
    "buyer": frozenset({"name", "phone", "address"}),
    "goods": frozenset({"description", "quantity", "perishable"}),
    "photo": frozenset({"file", "kind", "caption", "sha256"}),
    "payee": frozenset({"name", "bank", "account", "alipay"}),
    "value_proof": frozenset({"kind", "file", "note"}),
    "proposal": frozenset({"amount", "at"}),
    "paid": frozenset({"amount", "at"}),
}


class _Reader:
    """Reads one JSON object, remembering which keys were used so leftovers can be reported."""

    def __init__(self, data: object, path: str, kind: str | None = None) -> None:
        if not isinstance(data, Mapping):
            raise CaseError(path or "case", "not_an_object")
        self.data: Mapping[str, Any] = data
        self.path = path
        self.seen: set[str] = set()
        known = KEYS.get(path if kind is None else kind, frozenset(data))
        for key in data:
            if key not in known:
                raise CaseError(self.name(key), "unknown_key", key=key)

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def raw(self, key: str, required: bool = False) -> Any:
        self.seen.add(key)
        value = self.data.get(key)
        if value is None and required:
            raise CaseError(self.name(key), "required")
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise CaseError(self.name(key), "not_a_string", value=value)
        stripped = value.strip()
        if required and not stripped:
            raise CaseError(self.name(key), "required")
        return stripped or None

    def flag(self, key: str, default: bool | None = False, required: bool = False) -> Any:
        value = self.raw(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise CaseError(self.name(key), "not_a_bool", value=value)
        return value

    def amount(
        self, key: str, *, required: bool = False, positive: bool = False, places: int = 2
    ) -> Any:
        value = self.raw(key, required)
        if value is None:
            return None
        amount = parse_amount(value, self.name(key), places=places)
        if positive and amount <= 0:
            raise CaseError(self.name(key), "must_be_positive", value=value)
        if amount < 0:
            raise CaseError(self.name(key), "must_not_be_negative", value=value)
        return amount

    def when(self, key: str, required: bool = False) -> datetime | None:
        value = self.raw(key, required)
        return None if value is None else parse_datetime(value, self.name(key))

    def choice(self, key: str, enum: type[StrEnum], required: bool = False) -> Any:
        value = self.raw(key, required)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = " | ".join(member.value for member in enum)
            raise CaseError(self.name(key), "not_one_of", value=value, allowed=allowed) from None

    def child(self, key: str) -> _Reader | None:
        value = self.raw(key)
        return None if value is None else _Reader(value, self.name(key))

    def finish(self) -> None:
        for key in self.data:
            if key not in self.seen:
                raise CaseError(self.name(key), "unknown_key", key=key)


def _lost_value(reader: _Reader, goods_value: Decimal, required: bool) -> Decimal | None:
    lost = reader.amount("lost_value", required=required, positive=True)
    if lost is not None and lost > goods_value:
        raise CaseError(reader.name("lost_value"), "lost_above_goods", goods_value=goods_value)
    return lost  # type: ignore[no-any-return]


def case_from_json(data: object, now: datetime) -> Case:
    """Parse a case file object.

    `now` (the injected clock) is kept in the signature for callers and checks that need the
    present; an absent ``claim_at`` stays absent -- the claim has not been sent -- and is never
    filled in from the clock.
    """
    top = _Reader(data, "")
    fmt = top.raw("format", required=True)
    if fmt != FORMAT_VERSION or isinstance(fmt, bool):
        raise CaseError("format", "bad_format", value=fmt, expected=FORMAT_VERSION)

    raw_numbers = top.raw("tracking_numbers", required=True)
    if isinstance(raw_numbers, str):
        raw_numbers = [raw_numbers]
    if not isinstance(raw_numbers, list) or not raw_numbers:
        raise CaseError("tracking_numbers", "need_tracking_number")
    numbers: list[str] = []
    for index, value in enumerate(raw_numbers):
        number = normalize_tracking_number(value, f"tracking_numbers[{index}]")
        if number not in numbers:
            numbers.append(number)

    carrier = top.text("carrier")
    if carrier is not None:
        carrier = carrier.lower()
        if carrier not in CARRIER_CODES:
            raise CaseError(
                "carrier", "not_one_of", value=carrier, allowed=" | ".join(CARRIER_CODES)
            )

    posted_at = top.when("posted_at", required=True)
    claim_at = top.when("claim_at")
    assert posted_at is not None
    if claim_at is not None and claim_at < posted_at:
        raise CaseError("claim_at", "claim_before_posting")

    goods_value = top.amount("goods_value", required=True, positive=True)
    incident = top.choice("incident", Incident, required=True)

    damage = mismatch = delay = None
    damage_reader = top.child("damage")
    if damage_reader is not None:
        extent = damage_reader.choice("extent", Extent, required=True)
        lost = _lost_value(damage_reader, goods_value, extent is Extent.PARTIAL)
        damage_reader.finish()
        damage = Damage(extent, lost)
    elif incident is Incident.DAMAGE:
        raise CaseError("damage", "damage_details_required")

    mismatch_reader = top.child("mismatch")
    if mismatch_reader is not None:
        kind = mismatch_reader.choice("kind", MismatchKind, required=True)
        lost = _lost_value(mismatch_reader, goods_value, kind is MismatchKind.SHORT)
        mismatch_reader.finish()
        mismatch = Mismatch(kind, lost)
    elif incident is Incident.MISMATCH:
        raise CaseError("mismatch", "mismatch_details_required")

    delay_reader = top.child("delay")
    if delay_reader is not None:
        destroyed = delay_reader.flag("value_destroyed")
        lost = _lost_value(delay_reader, goods_value, required=False)
        delay_reader.finish()
        delay = Delay(destroyed, lost)

    signer = None
    signer_reader = top.child("signer")
    if signer_reader is not None:
        signer = Signer(
            who=signer_reader.choice("who", SignerWho, required=True),
            inspected=signer_reader.flag("inspected", required=True),
            name=signer_reader.text("name"),
            placed_without_consent=signer_reader.flag("placed_without_consent", default=None),
            signed_at=signer_reader.when("signed_at"),
        )
        signer_reader.finish()

    exemptions = Exemptions()
    exemptions_reader = top.child("exemptions")
    if exemptions_reader is not None:
        exemptions = Exemptions(
            sender_fault=exemptions_reader.flag("sender_fault"),
            force_majeure=exemptions_reader.flag("force_majeure"),
        )
        exemptions_reader.finish()

    shop = buyer = goods = None
    shop_reader = top.child("shop")
    if shop_reader is not None:
        shop = Shop(
            shop_reader.text("name"), shop_reader.text("contact"), shop_reader.text("phone")
        )
        shop_reader.finish()
    buyer_reader = top.child("buyer")
    if buyer_reader is not None:
        buyer = Buyer(
            buyer_reader.text("name"), buyer_reader.text("phone"), buyer_reader.text("address")
        )
        buyer_reader.finish()
    goods_reader = top.child("goods")
    if goods_reader is not None:
        quantity = goods_reader.raw("quantity")
        if quantity is not None and (
            isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1
        ):
            raise CaseError("goods.quantity", "bad_quantity", value=quantity)
        goods = Goods(goods_reader.text("description"), quantity, goods_reader.flag("perishable"))
        goods_reader.finish()

    photos = _parse_photos(top.raw("photos"))
    courier_replied_at = top.when("courier_replied_at")
    agreed_at = top.when("agreed_at")
    buyer_requested_at = top.when("buyer_requested_at")
    platform_escalated_at = top.when("platform_escalated_at")
    followup = _parse_followup(top, posted_at, claim_at)
    # The answer and the agreement need the claim but are not held to its moment: files written
    # before the follow-up events existed carry a claim_at that was the moment of data entry.
    for key, moment in (("courier_replied_at", courier_replied_at), ("agreed_at", agreed_at)):
        if moment is not None and claim_at is None:
            raise CaseError(key, "needs_claim_at")
    _check_event_order(
        posted_at,
        claim_at,
        {},
        {"buyer_requested_at": buyer_requested_at, "platform_escalated_at": platform_escalated_at},
    )

    case = Case(
        tracking_numbers=tuple(numbers),
        carrier=carrier,
        region=top.choice("region", Region, required=True),
        posted_at=posted_at,
        claim_at=claim_at,
        incident=incident,
        service_fee=top.amount("service_fee", required=True),
        insurance_fee=top.amount("insurance_fee") or ZERO,
        insured_value=top.amount("insured_value", positive=True),
        goods_value=goods_value,
        weight_kg=top.amount("weight_kg", required=True, positive=True, places=3),
        salvage_value=top.amount("salvage_value"),
        damage=damage,
        mismatch=mismatch,
        delay=delay,
        signer=signer,
        exemptions=exemptions,
        policy=top.text("policy"),
        courier_replied_at=courier_replied_at,
        agreed_at=agreed_at,
        buyer_requested_at=buyer_requested_at,
        platform_escalated_at=platform_escalated_at,
        order_id=_order_id(top.raw("order_id")),
        shop=shop,
        buyer=buyer,
        goods=goods,
        description=top.text("description"),
        photos=photos,
        **followup,
        **_claim_fields(top, posted_at),
    )
    top.finish()
    if case.salvage_value is not None and case.salvage_value > goods_value:
        raise CaseError("salvage_value", "salvage_above_goods", goods_value=goods_value)
    return case


_BANK_ACCOUNT_RE = re.compile(r"^\d{8,32}$")
_MOBILE_RE = re.compile(r"^1\d{10}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _claim_fields(top: _Reader, posted_at: datetime) -> dict[str, Any]:
    """The issue-12 fields: sender kind, claim basis, inquiry, promised delivery, payee,
    origin, destination and value proofs."""
    inquired_at = top.when("inquired_at")
    if inquired_at is not None and inquired_at < posted_at:
        raise CaseError("inquired_at", "inquiry_before_posting")
    promised_at = top.when("promised_at")
    if promised_at is not None and promised_at < posted_at:
        raise CaseError("promised_at", "promise_before_posting")
    return {
        "sender_kind": top.choice("sender_kind", SenderKind),
        "posted_at_source": top.choice("posted_at_source", PostedSource),
        "claim_basis": top.choice("claim_basis", ClaimBasis),
        "inquired_at": inquired_at,
        "promised_at": promised_at,
        "payee": _parse_payee(top.child("payee")),
        "origin": top.text("origin"),
        "destination": top.text("destination"),
        "value_proofs": _parse_value_proofs(top.raw("value_proofs")),
    }


def _parse_payee(reader: _Reader | None) -> Payee | None:
    """Name and at least one way to pay: a bank account (8-32 digits, spaces and dashes
    allowed) or an Alipay account (a mainland mobile number or an e-mail address)."""
    if reader is None:
        return None
    name = reader.text("name", required=True) or ""
    bank = reader.text("bank")
    account = reader.text("account")
    if account is not None:
        digits = re.sub(r"[\s\-]", "", account)
        if not _BANK_ACCOUNT_RE.match(digits):
            raise CaseError("payee.account", "bad_bank_account", value=account)
        account = digits
    alipay = reader.text("alipay")
    if alipay is not None:
        plain = re.sub(r"[\s\-]", "", alipay)
        if not (_MOBILE_RE.match(plain) or _EMAIL_RE.match(plain)):
            raise CaseError("payee.alipay", "bad_alipay", value=alipay)
        alipay = plain
    if account is None and alipay is None:
        raise CaseError("payee", "payee_needs_account")
    reader.finish()
    return Payee(name, bank, account, alipay)


def _parse_value_proofs(value: object) -> tuple[ValueProof, ...]:
    """A list of proof kinds (``"invoice"``) or objects ``{"kind", "file", "note"}``."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CaseError("value_proofs", "not_a_list")
    proofs = []
    for index, item in enumerate(value):
        path = f"value_proofs[{index}]"
        if isinstance(item, str):
            item = {"kind": item}
        reader = _Reader(item, path, kind="value_proof")
        proofs.append(
            ValueProof(
                kind=reader.choice("kind", ProofKind, required=True),
                file=reader.text("file"),
                note=reader.text("note"),
            )
        )
        reader.finish()
    return tuple(proofs)


# --------------------------------------------------------------------------- follow-up events


def _channel(reader: _Reader) -> ClaimChannel | None:
    value = reader.raw("channel")
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        alias = CHANNEL_ALIASES.get(text.lower())
        if alias is not None:
            return alias
        for channel in ClaimChannel:
            if text.lower() == channel.value.lower():
                return channel
    allowed = " | ".join(member.value for member in ClaimChannel)
    raise CaseError("channel", "not_one_of", value=value, allowed=allowed)


def _ticket(reader: _Reader, key: str) -> str | None:
    ticket = reader.text(key)
    if ticket is not None and (len(ticket) > TICKET_MAX or not ticket.isprintable()):
        raise CaseError(key, "bad_ticket", value=ticket, limit=TICKET_MAX)
    return ticket


def _money_event(reader: _Reader, key: str, *, positive: bool) -> MoneyEvent | None:
    child = reader.child(key)
    if child is None:
        return None
    amount = child.amount("amount", required=True, positive=positive)
    at = child.when("at", required=True)
    child.finish()
    assert at is not None
    return MoneyEvent(amount, at)


def _parse_followup(top: _Reader, posted_at: datetime, claim_at: datetime | None) -> dict[str, Any]:
    """The follow-up events after the claim (`Case` keyword arguments), checked for order."""
    values: dict[str, Any] = {
        "channel": _channel(top),
        "ticket": _ticket(top, "ticket"),
        "courier_rejected_at": top.when("courier_rejected_at"),
        "proposal": _money_event(top, "proposal", positive=False),
        "paid": _money_event(top, "paid", positive=True),
        "complaint_at": top.when("complaint_at"),
        "complaint_ticket": _ticket(top, "complaint_ticket"),
        "appeal_at": top.when("appeal_at"),
        "buyer_refunded_at": top.when("buyer_refunded_at"),
    }
    moments = {
        "courier_rejected_at": values["courier_rejected_at"],
        "proposal.at": values["proposal"] and values["proposal"].at,
        "paid.at": values["paid"] and values["paid"].at,
        "complaint_at": values["complaint_at"],
        "appeal_at": values["appeal_at"],
    }
    if claim_at is None:
        for key in ("channel", "ticket", "complaint_ticket"):
            if values[key] is not None:
                raise CaseError(key, "needs_claim_at")
    _check_event_order(
        posted_at, claim_at, moments, {"buyer_refunded_at": values["buyer_refunded_at"]}
    )
    complaint, appeal = values["complaint_at"], values["appeal_at"]
    if values["complaint_ticket"] is not None and complaint is None:
        raise CaseError("complaint_ticket", "needs_complaint_at")
    if complaint is not None and appeal is not None and appeal < complaint:
        raise CaseError("appeal_at", "appeal_before_complaint")
    return values


def _check_event_order(
    posted_at: datetime,
    claim_at: datetime | None,
    courier_events: Mapping[str, datetime | None],
    buyer_events: Mapping[str, datetime | None],
) -> None:
    """A courier event needs the claim and cannot precede it; a buyer-side event cannot precede
    the posting, and the platform cannot step in before the buyer asked."""
    for key, moment in courier_events.items():
        if moment is None:
            continue
        if claim_at is None:
            raise CaseError(key, "needs_claim_at")
        if moment < claim_at:
            raise CaseError(key, "event_before_claim")
    for key, moment in buyer_events.items():
        if moment is not None and moment < posted_at:
            raise CaseError(key, "event_before_posting")
    requested = buyer_events.get("buyer_requested_at")
    escalated = buyer_events.get("platform_escalated_at")
    if requested is not None and escalated is not None and escalated < requested:
        raise CaseError("platform_escalated_at", "escalated_before_request")


def _order_id(value: object) -> str | None:
    """Order ids come as strings or, from spreadsheets, as integers."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise CaseError("order_id", "not_a_string", value=value)
    return str(value).strip() or None


def _parse_photos(value: object) -> tuple[PhotoRef, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CaseError("photos", "not_a_list")
    photos = []
    for index, item in enumerate(value):
        path = f"photos[{index}]"
        if isinstance(item, str):
            item = {"file": item}
        reader = _Reader(item, path, kind="photo")
        sha = reader.text("sha256")
        if sha is not None and not _SHA256_RE.match(sha.lower()):
            raise CaseError(f"{path}.sha256", "bad_sha256", value=sha)
        photos.append(
            PhotoRef(
                file=reader.text("file", required=True) or "",
                kind=reader.choice("kind", PhotoKind) or PhotoKind.OTHER,
                caption=reader.text("caption") or "",
                sha256=sha.lower() if sha else None,
            )
        )
        reader.finish()
    return tuple(photos)
