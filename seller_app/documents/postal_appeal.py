"""The appeal to the postal regulator (邮政业消费者申诉书), for hotline 12305 or
sswz.spb.gov.cn, in the order that form asks: the appellant; the courier and the parcel (with
sender and recipient details, which the form requires); the complaint made to the courier and
its result; the kind of appeal; facts and reasons; the request; then the conditions of
《邮政业消费者申诉处理办法》 art. 9 checked against the case, the rules and the evidence.

The regulator answers within 30 days of receiving the appeal (邮政法 art. 65); it passes the
appeal to the courier, which answers within 15 days. The recipient's name, phone and address
are the only buyer data, because the form asks for them.
"""

from __future__ import annotations

from ..domain.case import Case
from ..domain.catalog import Catalog
from ..domain.escalation import Escalation
from .escalation import EscalationDocument, Facts, Part, Row

KIND = "postal_appeal"


def _courier_result(facts: Facts) -> str:
    case, get = facts.case, facts.get
    complaint = case.complaint_at
    if case.paid is not None and case.paid.amount < facts.escalation.claimed:
        return get("courier_result", "paid_short", amount=str(case.paid.amount))
    if case.agreed_at is not None and case.paid is None:
        return get("courier_result", "agreed_unpaid")
    if case.proposal is not None:
        return get("courier_result", "proposal", amount=str(case.proposal.amount))
    if case.courier_rejected_at is not None:
        return get("courier_result", "rejected")
    replied = case.courier_replied_at
    if complaint is not None and (replied is None or replied < complaint):
        return get("courier_result", "no_answer")
    return get("courier_result", "answered")


def appeal_document(
    case: Case, escalation: Escalation, catalog: Catalog, lang: str
) -> EscalationDocument:
    facts = Facts(case, escalation, catalog, lang)

    def get(key: str, **params: object) -> str:
        return facts.get(KIND, key, **params)

    field = lambda key: facts.get("field", key)  # noqa: E731 - a short alias for the labels
    shop, buyer = case.shop, case.buyer
    appellant = (
        Row(field("contact"), facts.or_blank((shop and shop.contact) or (shop and shop.name))),
        Row(field("phone"), facts.or_blank(shop and shop.phone)),
        Row(field("role"), field("sender")),
        Row(field("shop_name"), facts.or_blank(shop and shop.name)),
    )
    respondent = (
        Row(field("carrier"), facts.carrier_name()),
        Row(field("tracking"), facts.tracking()),
        Row(field("posted_at"), facts.moment(case.posted_at)),
        Row(field("sender_address"), facts.blank),
        Row(field("recipient"), facts.or_blank(buyer and buyer.name)),
        Row(field("recipient_phone"), facts.or_blank(buyer and buyer.phone)),
        Row(field("recipient_address"), facts.or_blank(buyer and buyer.address)),
    )
    complained = case.complaint_at is not None
    complaint_rows = [Row(field("complained"), facts.get("common", "yes" if complained else "no"))]
    if complained:
        complaint_rows += [
            Row(field("complaint_at"), facts.moment(case.complaint_at)),
            Row(field("complaint_ticket"), facts.or_blank(case.complaint_ticket)),
        ]
    complaint_rows.append(Row(field("courier_result"), _courier_result(facts)))
    content = [*facts.history(), *facts.grounds()]
    parts = (
        Part(get("appellant"), rows=appellant),
        Part(get("respondent"), rows=respondent),
        Part(get("complaint"), rows=tuple(complaint_rows)),
        Part(
            get("category"),
            paragraphs=(facts.get("appeal_category", case.incident.value),),
        ),
        Part(get("content"), items=tuple(content)),
        Part(
            get("request"),
            paragraphs=(
                get(
                    "request_text",
                    carrier=facts.carrier_name(),
                    amount=facts.yuan_words(escalation.outstanding),
                ),
            ),
        ),
        Part(
            get("checks"),
            checks=facts.check_lines(escalation.checks),
            notes=(facts.get("common", "check_legend"),),
        ),
        Part(get("basis"), items=facts.basis_items(), notes=(get("time_limits"),)),
        Part(get("evidence"), items=facts.evidence(complaint=True, appeal=False)),
    )
    return EscalationDocument(
        kind=KIND,
        title=get("title"),
        subtitle=get("subtitle"),
        tracking=case.tracking_numbers[0],
        parts=parts,
        signature=get("signature"),
        dated=facts.get("common", "dated", date=facts.day(escalation.dated)),
        subject=f"{facts.carrier_name()} · {facts.incident_name()}",
    )
