"""What happened to a claim after it was made: the follow-up events, one vocabulary for all.

The events live in the case file under their own keys (docs/case-format.md, "Follow-up events");
this module is the one place that knows which key each event uses, so the store, the command
line and the case view record, undo and list them the same way:

=======================  ==========================================  ==========================
event                    case-file keys                              needs
=======================  ==========================================  ==========================
``filed``                ``claim_at``, ``channel``, ``ticket``       --
``replied``              ``courier_replied_at``                      ``filed``
``rejected``             ``courier_rejected_at``                     ``filed``
``proposal``             ``proposal`` {amount, at}                   ``filed``
``agreed``               ``agreed_at``                               ``filed``
``paid``                 ``paid`` {amount, at}                       ``filed``
``complained``           ``complaint_at``, ``complaint_ticket``      ``filed``
``appealed``             ``appeal_at``                               ``filed``, after a complaint
``buyer_requested``      ``buyer_requested_at``                      --
``platform_escalated``   ``platform_escalated_at``                   after ``buyer_requested``
``buyer_refunded``       ``buyer_refunded_at``                       --
=======================  ==========================================  ==========================

`record_event` returns a new `Case` with the event set (recording an event again corrects it);
`clear_event` takes one back. Both go through `case_from_json`, so a recorded case obeys exactly
the rules a case file does (order of events, amounts), and an event may not lie in the future of
the injected `now`. `case_events` lists a case's events in time order for a timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from .case import SHANGHAI, Case, ClaimChannel, case_from_json, case_to_json
from .errors import CaseError
from .money import format_yuan
from .texts import Texts


class EventKind(StrEnum):
    FILED = "filed"
    REPLIED = "replied"
    REJECTED = "rejected"
    PROPOSAL = "proposal"
    AGREED = "agreed"
    PAID = "paid"
    COMPLAINED = "complained"
    APPEALED = "appealed"
    BUYER_REQUESTED = "buyer_requested"
    PLATFORM_ESCALATED = "platform_escalated"
    BUYER_REFUNDED = "buyer_refunded"


# The case-file key holding each event's moment (an object with "at" for the money events).
MOMENT_KEY: Mapping[EventKind, str] = {
    EventKind.FILED: "claim_at",
    EventKind.REPLIED: "courier_replied_at",
    EventKind.REJECTED: "courier_rejected_at",
    EventKind.PROPOSAL: "proposal",
    EventKind.AGREED: "agreed_at",
    EventKind.PAID: "paid",
    EventKind.COMPLAINED: "complaint_at",
    EventKind.APPEALED: "appeal_at",
    EventKind.BUYER_REQUESTED: "buyer_requested_at",
    EventKind.PLATFORM_ESCALATED: "platform_escalated_at",
    EventKind.BUYER_REFUNDED: "buyer_refunded_at",
}
MONEY_EVENTS = frozenset({EventKind.PROPOSAL, EventKind.PAID})
# Which event carries a ticket number, and under which key.
TICKET_KEY: Mapping[EventKind, str] = {
    EventKind.FILED: "ticket",
    EventKind.COMPLAINED: "complaint_ticket",
}
# The courier side: everything that happens once the claim is with the courier.
COURIER_EVENTS = frozenset(
    {
        EventKind.REPLIED,
        EventKind.REJECTED,
        EventKind.PROPOSAL,
        EventKind.AGREED,
        EventKind.PAID,
        EventKind.COMPLAINED,
        EventKind.APPEALED,
    }
)
BUYER_EVENTS = frozenset(
    {EventKind.BUYER_REQUESTED, EventKind.PLATFORM_ESCALATED, EventKind.BUYER_REFUNDED}
)


@dataclass(frozen=True)
class CaseEvent:
    """One event: its kind and moment, and what some kinds carry (amount, channel, ticket)."""

    kind: EventKind
    at: datetime
    amount: Decimal | None = None
    channel: ClaimChannel | None = None
    ticket: str | None = None


def _moment(case: Case, kind: EventKind) -> datetime | None:
    if kind is EventKind.PROPOSAL:
        return case.proposal.at if case.proposal else None
    if kind is EventKind.PAID:
        return case.paid.at if case.paid else None
    value = getattr(case, MOMENT_KEY[kind])
    assert value is None or isinstance(value, datetime)
    return value


def event_of(case: Case, kind: EventKind) -> CaseEvent | None:
    """The event of `kind` as the case records it, or None."""
    at = _moment(case, kind)
    if at is None:
        return None
    if kind is EventKind.FILED:
        return CaseEvent(kind, at, channel=case.channel, ticket=case.ticket)
    if kind is EventKind.COMPLAINED:
        return CaseEvent(kind, at, ticket=case.complaint_ticket)
    if kind is EventKind.PROPOSAL and case.proposal is not None:
        return CaseEvent(kind, at, amount=case.proposal.amount)
    if kind is EventKind.PAID and case.paid is not None:
        return CaseEvent(kind, at, amount=case.paid.amount)
    return CaseEvent(kind, at)


def case_events(case: Case) -> tuple[CaseEvent, ...]:
    """Every event the case records, oldest first (ties in `EventKind` order)."""
    order = list(EventKind)
    found = [event for kind in EventKind if (event := event_of(case, kind)) is not None]
    return tuple(sorted(found, key=lambda e: (e.at, order.index(e.kind))))


def _check_attributes(event: CaseEvent) -> None:
    if event.amount is not None and event.kind not in MONEY_EVENTS:
        raise CaseError("amount", "not_for_event")
    if event.amount is None and event.kind in MONEY_EVENTS:
        raise CaseError(f"{MOMENT_KEY[event.kind]}.amount", "required")
    if event.channel is not None and event.kind is not EventKind.FILED:
        raise CaseError("channel", "not_for_event")
    if event.ticket is not None and event.kind not in TICKET_KEY:
        raise CaseError("ticket", "not_for_event")


def record_event(case: Case, event: CaseEvent, now: datetime) -> Case:
    """`case` with `event` recorded (replacing an earlier record of the same kind; a channel or
    ticket not given is kept). Raises `CaseError` for an event in the future of `now`, one that
    breaks the order of events, or an attribute the kind does not take."""
    _check_attributes(event)
    key = MOMENT_KEY[event.kind]
    if event.at.tzinfo is None:
        raise CaseError(key, "bad_datetime", value=event.at)
    if event.at > now:
        raise CaseError(key, "in_future", value=_local(event.at))
    if event.kind in COURIER_EVENTS and case.claim_at is not None and event.at < case.claim_at:
        raise CaseError(key, "event_before_claim")
    if event.kind is EventKind.FILED:
        for other in case_events(case):
            if other.kind in COURIER_EVENTS and other.at < event.at:
                raise CaseError(MOMENT_KEY[other.kind], "event_before_claim")
    data = case_to_json(case)
    if event.kind in MONEY_EVENTS:
        data[key] = {"amount": str(event.amount), "at": event.at.isoformat()}
    else:
        data[key] = event.at.isoformat()
    if event.channel is not None:
        data["channel"] = event.channel.value
    if event.ticket is not None:
        data[TICKET_KEY[event.kind]] = event.ticket
    return case_from_json(data, now)


def clear_event(case: Case, kind: EventKind, now: datetime) -> Case:
    """`case` without the `kind` event (and what it carries); `CaseError` when a later event
    depends on it (clearing ``filed`` while a reply is recorded names the reply)."""
    data = case_to_json(case)
    data.pop(MOMENT_KEY[kind], None)
    if kind is EventKind.FILED:
        data.pop("channel", None)
    if kind in TICKET_KEY:
        data.pop(TICKET_KEY[kind], None)
    return case_from_json(data, now)


# --------------------------------------------------------------------------- words


def _local(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def event_title(kind: EventKind, texts: Texts, lang: str) -> str:
    return texts.get("event_title", kind.value, lang)


def event_text(event: CaseEvent, texts: Texts, lang: str) -> str:
    """One line for a timeline: ``2026-11-16 10:00 向快递公司提交索赔（官网，工单号 T1）``."""
    line = texts.get("event_title", event.kind.value, lang)
    if event.amount is not None:
        line += texts.get("event_detail", "amount", lang, amount=format_yuan(event.amount))
    details = []
    if event.channel is not None:
        details.append(texts.get("claim_channel", event.channel.name.lower(), lang))
    if event.ticket is not None:
        details.append(texts.get("event_detail", "ticket", lang, ticket=event.ticket))
    if details:
        separator = texts.get("event_detail", "separator", lang)
        line += texts.get("event_detail", "brackets", lang, inner=separator.join(details))
    return f"{_local(event.at)} {line}"


def event_to_dict(event: CaseEvent, texts: Texts, lang: str) -> dict[str, Any]:
    """A timeline entry for JSON output: kind, at (ISO 8601, +08:00), title, text, and the
    amount, channel and ticket when the event has them."""
    data: dict[str, Any] = {
        "kind": event.kind.value,
        "at": event.at.astimezone(SHANGHAI).isoformat(),
        "title": event_title(event.kind, texts, lang),
        "text": event_text(event, texts, lang),
    }
    if event.amount is not None:
        data["amount"] = format_yuan(event.amount)
    if event.channel is not None:
        data["channel"] = event.channel.value
    if event.ticket is not None:
        data["ticket"] = event.ticket
    return data


__all__ = [
    "BUYER_EVENTS",
    "COURIER_EVENTS",
    "MOMENT_KEY",
    "MONEY_EVENTS",
    "TICKET_KEY",
    "CaseEvent",
    "EventKind",
    "case_events",
    "clear_event",
    "event_of",
    "event_text",
    "event_title",
    "event_to_dict",
    "record_event",
]
