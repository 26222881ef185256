"""The complaint to the courier (快递服务投诉书): when the 24 h answer did not come, the
proposal is too low, the claim was refused or the payment is late.

The courier must handle a complaint within 7 days of receiving it and tell the user the result
(快递暂行条例 art. 29, 2025 revision). The document names the complainant (the sender), the
parcel, what happened since the claim, the grounds, the request (the claim figure less what was
paid), the rules and the evidence. It holds no buyer data: the courier finds the parcel by its
number.
"""

from __future__ import annotations

from ..domain.case import Case
from ..domain.catalog import Catalog
from ..domain.escalation import Escalation
from .escalation import EscalationDocument, Facts, Part

KIND = "courier_complaint"


def complaint_document(
    case: Case, escalation: Escalation, catalog: Catalog, lang: str
) -> EscalationDocument:
    facts = Facts(case, escalation, catalog, lang)

    def get(key: str, **params: object) -> str:
        return facts.get(KIND, key, **params)

    hotline = facts.hotline()
    lead = (
        get("addressee", carrier=facts.carrier_name(), hotline=hotline)
        if hotline
        else get("addressee_plain", carrier=facts.carrier_name())
    )
    grounds = facts.grounds() or (get("grounds_blank"),)
    parts = (
        Part(get("complainant"), rows=tuple(facts.shop_rows())),
        Part(get("parcel"), rows=tuple(facts.parcel_rows())),
        Part(get("history"), items=facts.history()),
        Part(get("grounds"), items=grounds),
        Part(
            get("request"),
            paragraphs=(get("request_text", amount=facts.yuan_words(escalation.outstanding)),),
        ),
        Part(get("basis"), items=facts.basis_items()),
        Part(get("evidence"), items=facts.evidence(complaint=False, appeal=False)),
    )
    return EscalationDocument(
        kind=KIND,
        title=get("title"),
        subtitle=get("subtitle"),
        tracking=case.tracking_numbers[0],
        lead=(lead,),
        parts=parts,
        closing=(get("closing"),),
        signature=get("signature"),
        dated=facts.get("common", "dated", date=facts.day(escalation.dated)),
        subject=f"{facts.carrier_name()} · {facts.incident_name()}",
    )
