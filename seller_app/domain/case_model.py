"""The case model: what one claim is about, as frozen dataclasses and closed vocabularies.

`seller_app.domain.case` is the public face (it re-exports these with the parser and writer);
`case_parse` reads the JSON case file into a `Case`, `case_write` writes it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from .money import ZERO

FORMAT_VERSION = 1
SHANGHAI = ZoneInfo("Asia/Shanghai")
CARRIER_CODES = (
    "sf",
    "jd",
    "zto",
    "yto",
    "sto",
    "yunda",
    "jt",
    "ems",
    "deppon",
    "cainiao",
    "other",
)


class Region(StrEnum):
    SAME_CITY = "same_city"
    DOMESTIC = "domestic"
    HK_MO_TW = "hk_mo_tw"
    INTERNATIONAL = "international"


class Incident(StrEnum):
    DELAY = "delay"
    LOSS = "loss"
    DAMAGE = "damage"
    MISMATCH = "mismatch"


class Extent(StrEnum):
    FULL = "full"
    PARTIAL = "partial"


class MismatchKind(StrEnum):
    WRONG_ITEM = "wrong_item"
    SHORT = "short"


class SignerWho(StrEnum):
    BUYER = "buyer"
    AUTHORIZED = "authorized"
    UNAUTHORIZED = "unauthorized"
    UNKNOWN = "unknown"


class PhotoKind(StrEnum):
    OUTER_PACKAGE = "outer_package"
    WAYBILL_LABEL = "waybill_label"
    DAMAGED_ITEM = "damaged_item"
    INNER_PACKING = "inner_packing"
    CONTENTS_OVERVIEW = "contents_overview"
    WEIGHT_SCALE = "weight_scale"
    CHAT_RECORD = "chat_record"
    OTHER = "other"
    # issue 20: a screenshot of the tracking page or proof of delivery (物流详情, 签收底单)
    TRACKING_SCREENSHOT = "tracking_screenshot"


class ClaimChannel(StrEnum):
    """Where the claim was sent. The values are the words sellers use (the case file is written
    in them); `CHANNEL_ALIASES` accepts the English codes as well."""

    WEBSITE = "官网"
    MINI_PROGRAM = "小程序"
    APP = "App"
    OUTLET = "网点"
    HOTLINE = "客服电话"


CHANNEL_ALIASES: Mapping[str, ClaimChannel] = {
    "website": ClaimChannel.WEBSITE,
    "web": ClaimChannel.WEBSITE,
    "mini_program": ClaimChannel.MINI_PROGRAM,
    "app": ClaimChannel.APP,
    "手机app": ClaimChannel.APP,
    "客户端": ClaimChannel.APP,
    "outlet": ClaimChannel.OUTLET,
    "hotline": ClaimChannel.HOTLINE,
    "phone": ClaimChannel.HOTLINE,
    "电话": ClaimChannel.HOTLINE,
}
TICKET_MAX = 64  # a courier's ticket number; anything longer is pasted text, not a number


@dataclass(frozen=True)
class Damage:
    extent: Extent
    lost_value: Decimal | None = None


@dataclass(frozen=True)
class Mismatch:
    kind: MismatchKind
    lost_value: Decimal | None = None


@dataclass(frozen=True)
class Delay:
    value_destroyed: bool = False
    lost_value: Decimal | None = None


@dataclass(frozen=True)
class Signer:
    who: SignerWho
    inspected: bool
    name: str | None = None
    placed_without_consent: bool | None = None
    signed_at: datetime | None = None


@dataclass(frozen=True)
class Exemptions:
    sender_fault: bool = False
    force_majeure: bool = False


@dataclass(frozen=True)
class Shop:
    name: str | None = None
    contact: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Buyer:
    name: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Goods:
    description: str | None = None
    quantity: int | None = None
    perishable: bool = False


@dataclass(frozen=True)
class PhotoRef:
    """One evidence photo as the case file names it; the evidence package fills in the rest."""

    file: str
    kind: PhotoKind = PhotoKind.OTHER
    caption: str = ""
    sha256: str | None = None


# --------------------------------------------------------------------------- the claim (issue 12)


class SenderKind(StrEnum):
    """Who sent the parcel, for couriers whose caps differ by customer: an ordinary (散单)
    sender or a monthly-account (月结) customer."""

    ORDINARY = "ordinary"
    MONTHLY_ACCOUNT = "monthly_account"


class PostedSource(StrEnum):
    """Where ``posted_at`` came from when it is not the courier's collection time itself.
    ``payment_time``: an order export without a posting-time column (batch import), so the order's
    payment time stands in -- the parcel was collected no earlier, and a one-year period counted
    from it ends no later than the real one. The claim form says so to the courier."""

    PAYMENT_TIME = "payment_time"


class ClaimBasis(StrEnum):
    """What the claim form asks for: the civil-law actual loss or the courier-terms figure."""

    ACTUAL_LOSS = "actual_loss"
    COURIER_TERMS = "courier_terms"


class ProofKind(StrEnum):
    ORDER_SCREENSHOT = "order_screenshot"
    INVOICE = "invoice"
    PAYMENT_RECORD = "payment_record"
    PURCHASE_CONTRACT = "purchase_contract"
    PRICE_LIST = "price_list"
    OTHER = "other"


@dataclass(frozen=True)
class ValueProof:
    """One document proving what the goods were worth (A.5.1; couriers ask for it)."""

    kind: ProofKind
    file: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Payee:
    """Who the compensation is paid to (受益人, A.1 and A.5.4): a bank account or Alipay."""

    name: str
    bank: str | None = None
    account: str | None = None
    alipay: str | None = None


@dataclass(frozen=True)
class MoneyEvent:
    """An amount at a moment: the courier's proposal, or a payment received."""

    amount: Decimal
    at: datetime


@dataclass(frozen=True)
class Case:
    tracking_numbers: tuple[str, ...]
    region: Region
    posted_at: datetime
    claim_at: datetime | None  # when the claim was really sent; None: not sent yet
    incident: Incident
    service_fee: Decimal
    goods_value: Decimal
    weight_kg: Decimal
    insurance_fee: Decimal = ZERO
    insured_value: Decimal | None = None
    salvage_value: Decimal | None = None
    carrier: str | None = None
    damage: Damage | None = None
    mismatch: Mismatch | None = None
    delay: Delay | None = None
    signer: Signer | None = None
    exemptions: Exemptions = field(default_factory=Exemptions)
    policy: str | None = None
    """The policy profile named by the case file; None: the detected courier's own terms."""
    courier_replied_at: datetime | None = None
    agreed_at: datetime | None = None
    buyer_requested_at: datetime | None = None
    platform_escalated_at: datetime | None = None
    order_id: str | None = None
    shop: Shop | None = None
    buyer: Buyer | None = None
    goods: Goods | None = None
    description: str | None = None
    photos: tuple[PhotoRef, ...] = ()
    # issue 12: the claim figure and what the form asks for
    sender_kind: SenderKind | None = None
    posted_at_source: PostedSource | None = None
    claim_basis: ClaimBasis | None = None
    inquired_at: datetime | None = None
    promised_at: datetime | None = None
    payee: Payee | None = None
    origin: str | None = None
    destination: str | None = None
    value_proofs: tuple[ValueProof, ...] = ()
    # ---- follow-up events after the claim (see the module docstring and domain/events.py)
    channel: ClaimChannel | None = None
    ticket: str | None = None
    courier_rejected_at: datetime | None = None
    proposal: MoneyEvent | None = None
    paid: MoneyEvent | None = None
    complaint_at: datetime | None = None
    complaint_ticket: str | None = None
    appeal_at: datetime | None = None
    buyer_refunded_at: datetime | None = None

    @property
    def insured(self) -> bool:
        return self.insured_value is not None

    @property
    def filed(self) -> bool:
        """Whether the claim has been sent to the courier."""
        return self.claim_at is not None
