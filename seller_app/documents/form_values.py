"""The text of every claim-form field, from a case and its assessment, in one language.

Keys are those of ``forms/labels.toml [field]``; a layout picks and orders them. A value the case
does not have is an empty string, leaving the box blank to be filled in by hand.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ..domain.case import (
    SHANGHAI,
    Case,
    ClaimBasis,
    Extent,
    Incident,
    MismatchKind,
    PostedSource,
)
from ..domain.catalog import Catalog
from ..domain.money import format_yuan
from ..domain.rules import Assessment
from .amount_words import yuan_in_words
from .layout import Labels

TRACKING_SEPARATOR = "，"


def when(moment: datetime | None, labels: Labels, lang: str, *, with_time: bool = True) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(SHANGHAI)
    return labels.get(
        "word",
        "datetime" if with_time else "date",
        lang,
        y=local.year,
        m=local.month,
        d=local.day,
        H=local.hour,
        M=local.minute,
    )


def yuan(amount: Decimal | None, labels: Labels, lang: str) -> str:
    return "" if amount is None else labels.get("word", "yuan", lang, amount=format_yuan(amount))


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def _yes_no(flag: bool | None, labels: Labels, lang: str) -> str:
    if flag is None:
        return ""
    return labels.get("word", "yes" if flag else "no", lang)


def _incident_detail(case: Case, labels: Labels, lang: str) -> str:
    def lost(value: Decimal | None) -> str:
        return yuan(value, labels, lang)

    if case.incident is Incident.DAMAGE and case.damage:
        if case.damage.extent is Extent.FULL:
            return labels.get("word", "extent_full", lang)
        return labels.get("word", "extent_partial", lang, lost=lost(case.damage.lost_value))
    if case.incident is Incident.MISMATCH and case.mismatch:
        if case.mismatch.kind is MismatchKind.WRONG_ITEM:
            return labels.get("word", "wrong_item", lang)
        return labels.get("word", "short", lang, lost=lost(case.mismatch.lost_value))
    if case.incident is Incident.DELAY:
        destroyed = bool(case.delay and case.delay.value_destroyed)
        return labels.get("word", "delay_destroyed" if destroyed else "delay_plain", lang)
    return labels.get("word", "lost_parcel", lang)


def claim_values(
    case: Case,
    assessment: Assessment,
    catalog: Catalog,
    labels: Labels,
    lang: str,
    dated: datetime | None = None,
) -> dict[str, str]:
    """The claim figure (索赔金额合计 is ``claim.amount``), its basis, the terms figure beside it,
    the payee and the value proofs (A.1, A.5.1, A.5.4)."""
    texts = catalog.texts
    claim = assessment.claim
    assert claim is not None
    on = local_day(case, dated)
    policy = assessment.policy
    if claim.basis is ClaimBasis.ACTUAL_LOSS:
        separator = labels.get("word", "clause_separator", lang)
        cited = separator.join(texts.clause(c).label(lang, on) for c in claim.clauses[:3])
        basis = labels.get("word", "basis_actual_loss", lang, clauses=cited)
    else:
        basis = labels.get("word", "basis_courier_terms", lang, policy=policy.name(lang))
    payee = case.payee
    payee_text = ""
    if payee is not None:
        parts = [labels.get("word", "payee_name", lang, name=payee.name)]
        if payee.account:
            bank = payee.bank or ""
            parts.append(labels.get("word", "payee_bank", lang, bank=bank, account=payee.account))
        if payee.alipay:
            parts.append(labels.get("word", "payee_alipay", lang, alipay=payee.alipay))
        payee_text = labels.get("word", "list_separator", lang).join(parts)
    proofs = [
        texts.get("proof_kind", proof.kind.value, lang)
        + (labels.get("word", "proof_note", lang, note=proof.note) if proof.note else "")
        for proof in case.value_proofs
    ]
    return {
        "amount_claimed": yuan(claim.amount, labels, lang),
        "amount_in_words": yuan_in_words(claim.amount),
        "claim_basis": basis,
        "fee_refund": yuan(claim.fee, labels, lang),
        "value_compensation": yuan(claim.goods, labels, lang),
        "terms_amount": labels.get(
            "word",
            "terms_amount",
            lang,
            amount=yuan(assessment.amount, labels, lang),
            policy=policy.name(lang),
        ),
        "payee": payee_text,
        "origin": case.origin or "",
        "destination": case.destination or "",
        "value_proofs": labels.get("word", "list_separator", lang).join(proofs),
        "sender_kind": texts.get("sender_kind", case.sender_kind.value, lang)
        if case.sender_kind
        else "",
        "promised_at": when(case.promised_at, labels, lang),
        "inquired_at": when(case.inquired_at, labels, lang),
    }


def local_day(case: Case, dated: datetime | None = None) -> date:
    """The date the form bears (its clauses are numbered as on that day): when the claim was sent,
    else the day it is prepared (`dated`), else -- a form rendered with no date at all -- the day
    the parcel was posted."""
    moment = form_date(case, dated) or case.posted_at
    return moment.astimezone(SHANGHAI).date()


def _posted(case: Case, labels: Labels, lang: str) -> str:
    """The posting time as the courier should read it: a stand-in (the order's payment time) is
    said to be one, and the courier's own collection record prevails."""
    text = when(case.posted_at, labels, lang)
    if case.posted_at_source is PostedSource.PAYMENT_TIME:
        return labels.get("word", "posted_not_before", lang, time=text)
    return text


def form_values(
    case: Case,
    assessment: Assessment,
    catalog: Catalog,
    labels: Labels,
    lang: str,
    dated: datetime | None = None,
) -> dict[str, str]:
    """Every field of ``labels.toml [field]`` as display text (may be empty); `dated` is the day
    the form is prepared, its date while the claim has not been sent."""
    texts = catalog.texts
    shop, buyer, goods, signer = case.shop, case.buyer, case.goods, case.signer
    carrier = catalog.carriers.by_code.get(assessment.carrier.code)
    policy = assessment.policy
    if assessment.actual_loss_claim is not None:
        actual = yuan(assessment.actual_loss_claim, labels, lang)
    elif case.insured:
        actual = labels.get("word", "not_applicable", lang)
    else:
        actual = ""
    values = {
        "shop_name": (shop and shop.name) or "",
        "shop_contact": (shop and shop.contact) or "",
        "shop_phone": (shop and shop.phone) or "",
        "order_id": case.order_id or "",
        "carrier_name": carrier.name(lang) if carrier else assessment.carrier.code,
        "carrier_code": assessment.carrier.code.upper(),
        "carrier_hotline": (carrier and carrier.hotline) or "",
        "tracking_numbers": TRACKING_SEPARATOR.join(case.tracking_numbers),
        "posted_at": _posted(case, labels, lang),
        "region": texts.get("region", case.region.value, lang),
        "recipient_name": (buyer and buyer.name) or "",
        "recipient_phone": (buyer and buyer.phone) or "",
        "recipient_address": (buyer and buyer.address) or "",
        "goods_description": (goods and goods.description) or "",
        "goods_quantity": (
            labels.get("word", "pieces", lang, n=goods.quantity) if goods and goods.quantity else ""
        ),
        "weight_kg": labels.get("word", "kg", lang, kg=_plain(case.weight_kg)),
        "goods_value": yuan(case.goods_value, labels, lang),
        "service_fee": yuan(case.service_fee, labels, lang),
        "insured_value": (
            yuan(case.insured_value, labels, lang)
            if case.insured
            else labels.get("word", "no", lang)
        ),
        "insurance_fee": yuan(case.insurance_fee, labels, lang),
        "incident": texts.get("incident", case.incident.value, lang),
        "incident_detail": _incident_detail(case, labels, lang),
        "description": case.description or "",
        "claim_at": when(case.claim_at, labels, lang),
        "signer_who": texts.get("signer", signer.who.value, lang) if signer else "",
        "signer_name": (signer and signer.name) or "",
        "signer_inspected": _yes_no(signer.inspected, labels, lang) if signer else "",
        "placed_without_consent": (
            _yes_no(signer.placed_without_consent, labels, lang) if signer else ""
        ),
        "signed_at": when(signer.signed_at, labels, lang) if signer else "",
        "actual_loss_claim": actual,
        "treatment": texts.get("treatment", assessment.treatment, lang),
        "policy_name": policy.name(lang),
        "accepted_by": "",
        "accepted_at": "",
        "claim_reference": "",
        "courier_reply": "",
    }
    values.update(claim_values(case, assessment, catalog, labels, lang, dated))
    missing = set(labels.keys("field")) - set(values)
    if missing:
        raise KeyError(f"no value for form fields: {', '.join(sorted(missing))}")
    return values


def form_date(case: Case, dated: datetime | None = None) -> datetime | None:
    """The date a form bears: when the claim was sent, else the day it is prepared (`dated`)."""
    return case.claim_at or dated


def form_number(case: Case, dated: datetime | None = None) -> str:
    """A reference printed on the form: first tracking number and the form's date."""
    moment = form_date(case, dated) or case.posted_at
    return f"{case.tracking_numbers[0]}-{moment.astimezone(SHANGHAI):%Y%m%d}"
