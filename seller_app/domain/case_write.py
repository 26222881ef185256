"""Writing a `Case` back to the case-file JSON, so that
``case_from_json(case_to_json(c), now) == c``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from .case_model import (
    FORMAT_VERSION,
    Case,
    MoneyEvent,
)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def case_to_json(case: Case) -> dict[str, Any]:
    """The case as a JSON-ready dict (money as exact strings, datetimes ISO 8601 with offset)."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "tracking_numbers": list(case.tracking_numbers),
        "carrier": case.carrier,
        "region": case.region.value,
        "posted_at": _iso(case.posted_at),
        "claim_at": _iso(case.claim_at),
        "incident": case.incident.value,
        "service_fee": _money(case.service_fee),
        "insurance_fee": _money(case.insurance_fee),
        "insured_value": _money(case.insured_value),
        "goods_value": _money(case.goods_value),
        "weight_kg": _money(case.weight_kg),
        "salvage_value": _money(case.salvage_value),
        "policy": case.policy,
        "courier_replied_at": _iso(case.courier_replied_at),
        "agreed_at": _iso(case.agreed_at),
        "buyer_requested_at": _iso(case.buyer_requested_at),
        "platform_escalated_at": _iso(case.platform_escalated_at),
        "order_id": case.order_id,
        "description": case.description,
    }
    if case.damage:
        data["damage"] = _drop_none(
            {"extent": case.damage.extent.value, "lost_value": _money(case.damage.lost_value)}
        )
    if case.mismatch:
        data["mismatch"] = _drop_none(
            {"kind": case.mismatch.kind.value, "lost_value": _money(case.mismatch.lost_value)}
        )
    if case.delay:
        data["delay"] = _drop_none(
            {
                "value_destroyed": case.delay.value_destroyed,
                "lost_value": _money(case.delay.lost_value),
            }
        )
    if case.signer:
        data["signer"] = _drop_none(
            {
                "who": case.signer.who.value,
                "name": case.signer.name,
                "inspected": case.signer.inspected,
                "placed_without_consent": case.signer.placed_without_consent,
                "signed_at": _iso(case.signer.signed_at),
            }
        )
    data["exemptions"] = {
        "sender_fault": case.exemptions.sender_fault,
        "force_majeure": case.exemptions.force_majeure,
    }
    if case.shop:
        data["shop"] = _drop_none(vars(case.shop).copy())
    if case.buyer:
        data["buyer"] = _drop_none(vars(case.buyer).copy())
    if case.goods:
        data["goods"] = _drop_none(vars(case.goods).copy())
    data.update(_claim_fields_to_json(case))
    if case.photos:
        data["photos"] = [
            _drop_none(
                {"file": p.file, "kind": p.kind.value, "caption": p.caption, "sha256": p.sha256}
            )
            for p in case.photos
        ]
    data.update(_followup_to_json(case))
    return _drop_none(data)


def _claim_fields_to_json(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sender_kind": case.sender_kind.value if case.sender_kind else None,
        "posted_at_source": case.posted_at_source.value if case.posted_at_source else None,
        "claim_basis": case.claim_basis.value if case.claim_basis else None,
        "inquired_at": _iso(case.inquired_at),
        "promised_at": _iso(case.promised_at),
        "origin": case.origin,
        "destination": case.destination,
    }
    if case.payee:
        data["payee"] = _drop_none(vars(case.payee).copy())
    if case.value_proofs:
        data["value_proofs"] = [
            _drop_none({"kind": p.kind.value, "file": p.file, "note": p.note})
            for p in case.value_proofs
        ]
    return data


def _money_event_to_json(event: MoneyEvent | None) -> dict[str, str] | None:
    return None if event is None else {"amount": str(event.amount), "at": event.at.isoformat()}


def _followup_to_json(case: Case) -> dict[str, Any]:
    return {
        "channel": case.channel.value if case.channel else None,
        "ticket": case.ticket,
        "courier_rejected_at": _iso(case.courier_rejected_at),
        "proposal": _money_event_to_json(case.proposal),
        "paid": _money_event_to_json(case.paid),
        "complaint_at": _iso(case.complaint_at),
        "complaint_ticket": case.complaint_ticket,
        "appeal_at": _iso(case.appeal_at),
        "buyer_refunded_at": _iso(case.buyer_refunded_at),
    }
