"""The statement of claim (民事起诉状) for the small-claims procedure, as an outline to complete.

What 民事诉讼法 (2023) art. 124 requires, in the usual order: the parties (the shop as
plaintiff; the courier as defendant, whose registered name, address and representative the
seller fills in), the claims (the claim figure less what was paid, and costs), facts and
reasons with the clauses relied on (民法典 arts. 577, 832; 快递暂行条例 art. 28, 2025
revision), the evidence and its source, the court -- the defendant's domicile or the place of
performance (art. 24), or the court the waybill terms name (art. 35) -- and the signature.
A last part sums up the procedure: the small-claims ceiling (art. 165), one hearing and two
months (arts. 167-168), the court fee, the three-year limitation (民法典 art. 188). The buyer is
not a party: no buyer data.
"""

from __future__ import annotations

from ..domain.case import Case
from ..domain.catalog import Catalog
from ..domain.escalation import Escalation
from .escalation import EscalationDocument, Facts, Part, Row

KIND = "small_claims"


def small_claims_document(
    case: Case, escalation: Escalation, catalog: Catalog, lang: str
) -> EscalationDocument:
    facts = Facts(case, escalation, catalog, lang)

    def get(key: str, **params: object) -> str:
        return facts.get(KIND, key, **params)

    field = lambda key: facts.get("field", key)  # noqa: E731 - a short alias for the labels
    shop = case.shop
    plaintiff = (
        Row(field("plaintiff"), facts.or_blank(shop and shop.name)),
        Row(field("domicile"), facts.blank),
        Row(field("representative"), facts.or_blank(shop and shop.contact)),
        Row(field("phone"), facts.or_blank(shop and shop.phone)),
        Row(field("defendant"), get("defendant_name", carrier=facts.carrier_name())),
        Row(field("domicile"), facts.blank),
        Row(field("representative"), facts.blank),
        Row(field("credit_code"), facts.blank),
    )
    amount = facts.yuan_words(escalation.outstanding)
    goods = case.goods.description if case.goods and case.goods.description else facts.blank
    facts_text = [
        get(
            "contract",
            posted=facts.moment(case.posted_at),
            goods=goods,
            tracking=facts.tracking(),
            fee=facts.yuan(case.service_fee),
        ),
        get(
            "incident",
            incident=facts.incident_name(),
            detail=facts.incident_detail(),
            value=facts.yuan(case.goods_value),
        ),
    ]
    if case.claim_at is not None:
        ticket = get("claim_ticket", ticket=case.ticket) if case.ticket else ""
        facts_text.append(get("claim", at=facts.moment(case.claim_at), ticket=ticket))
    else:
        facts_text.append(get("not_claimed"))
    facts_text += list(facts.grounds())
    facts_text += [get("law", amount=amount), get("ending")]
    evidence = facts.evidence(complaint=True, appeal=True)
    parts = (
        Part(get("parties"), rows=plaintiff),
        Part(get("claims"), items=(get("claim_pay", amount=amount), get("claim_costs"))),
        Part(get("facts"), paragraphs=tuple(facts_text)),
        Part(
            get("evidence"),
            items=evidence,
            notes=(facts.get("evidence", "source"),),
        ),
    )
    appendix = (
        Part(
            get("checks"),
            checks=facts.check_lines(escalation.checks),
            notes=(facts.get("common", "check_legend"),),
        ),
        Part(
            get("notes"),
            paragraphs=(
                get("note_ceiling"),
                get("note_time"),
                get("note_fee"),
                get("note_limit"),
            ),
            items=facts.basis_items(),
        ),
    )
    return EscalationDocument(
        kind=KIND,
        title=get("title"),
        subtitle=get("subtitle"),
        tracking=case.tracking_numbers[0],
        parts=parts,
        closing=(get("to"), get("court"), get("court_note"), get("copies", n=len(evidence))),
        signature=get("signature"),
        dated=facts.get("common", "dated", date=facts.day(escalation.dated)),
        subject=f"{facts.carrier_name()} · {facts.incident_name()}",
        appendix=appendix,
    )
