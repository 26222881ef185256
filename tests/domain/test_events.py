"""The follow-up events in the case format: parsing, order, round trip, recording, words."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from seller_app.domain.case import SHANGHAI, ClaimChannel, MoneyEvent, case_from_json, case_to_json
from seller_app.domain.catalog import Catalog
from seller_app.domain.errors import CaseError
from seller_app.domain.events import (
    CaseEvent,
    EventKind,
    case_events,
    clear_event,
    event_text,
    event_to_dict,
    record_event,
)
from tests.conftest import NOW, case_dict, make_case

DAY = timedelta(days=1)

EVERY_EVENT: dict[str, Any] = {
    "claim_at": "2026-11-16T10:00:00+08:00",
    "channel": "官网",
    "ticket": "SF-CLAIM-0088",
    "courier_replied_at": "2026-11-16T18:00:00+08:00",
    "courier_rejected_at": "2026-11-17T09:00:00+08:00",
    "proposal": {"amount": "20.00", "at": "2026-11-17T11:00:00+08:00"},
    "complaint_at": "2026-11-18T09:00:00+08:00",
    "complaint_ticket": "TS-1",
    "appeal_at": "2026-11-26T09:00:00+08:00",
    "agreed_at": "2026-11-28T09:00:00+08:00",
    "paid": {"amount": "28.80", "at": "2026-11-30T15:00:00+08:00"},
    "buyer_requested_at": "2026-11-13T09:00:00+08:00",
    "platform_escalated_at": "2026-11-15T09:00:00+08:00",
    "buyer_refunded_at": "2026-11-15T12:00:00+08:00",
}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def test_every_event_round_trips() -> None:
    case = make_case(**EVERY_EVENT)
    data = case_to_json(case)
    for key, value in EVERY_EVENT.items():
        assert data[key] == value
    assert case_from_json(data, NOW) == case
    assert case.proposal == MoneyEvent(Decimal("20.00"), at("2026-11-17T11:00"))
    assert case.channel is ClaimChannel.WEBSITE


def test_the_timeline_lists_them_in_time_order() -> None:
    kinds = [event.kind.value for event in case_events(make_case(**EVERY_EVENT))]
    assert kinds == [
        "buyer_requested",
        "platform_escalated",
        "buyer_refunded",
        "filed",
        "replied",
        "rejected",
        "proposal",
        "complained",
        "appealed",
        "agreed",
        "paid",
    ]


@pytest.mark.parametrize(
    ("value", "channel"),
    [
        ("官网", ClaimChannel.WEBSITE),
        ("小程序", ClaimChannel.MINI_PROGRAM),
        ("网点", ClaimChannel.OUTLET),
        ("客服电话", ClaimChannel.HOTLINE),
        ("App", ClaimChannel.APP),
        ("website", ClaimChannel.WEBSITE),
        ("Hotline", ClaimChannel.HOTLINE),
        (" app ", ClaimChannel.APP),
    ],
)
def test_channels_in_chinese_or_english(value: str, channel: ClaimChannel) -> None:
    case = make_case(channel=value)
    assert case.channel is channel
    assert case_to_json(case)["channel"] == channel.value


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        (
            {"claim_at": None, "courier_replied_at": "2026-11-16"},
            "courier_replied_at",
            "needs_claim_at",
        ),
        ({"claim_at": None, "agreed_at": "2026-11-16"}, "agreed_at", "needs_claim_at"),
        ({"claim_at": None, "channel": "官网"}, "channel", "needs_claim_at"),
        ({"claim_at": None, "ticket": "T1"}, "ticket", "needs_claim_at"),
        (
            {"claim_at": None, "proposal": {"amount": "1", "at": "2026-11-17"}},
            "proposal.at",
            "needs_claim_at",
        ),
        ({"courier_rejected_at": "2026-11-15T09:00"}, "courier_rejected_at", "event_before_claim"),
        ({"complaint_at": "2026-11-15T09:00"}, "complaint_at", "event_before_claim"),
        ({"paid": {"amount": "5", "at": "2026-11-15"}}, "paid.at", "event_before_claim"),
        (
            {"complaint_at": "2026-11-20", "appeal_at": "2026-11-19"},
            "appeal_at",
            "appeal_before_complaint",
        ),
        ({"complaint_ticket": "TS-1"}, "complaint_ticket", "needs_complaint_at"),
        ({"channel": "微信"}, "channel", "not_one_of"),
        ({"ticket": "x" * 65}, "ticket", "bad_ticket"),
        ({"ticket": "T1\nT2"}, "ticket", "bad_ticket"),
        ({"proposal": {"amount": "10"}}, "proposal.at", "required"),
        ({"proposal": {"at": "2026-11-17"}}, "proposal.amount", "required"),
        ({"paid": {"amount": "0", "at": "2026-11-17"}}, "paid.amount", "must_be_positive"),
        ({"paid": {"amount": "5", "at": "2026-11-17", "by": "x"}}, "paid.by", "unknown_key"),
        ({"buyer_requested_at": "2026-11-01"}, "buyer_requested_at", "event_before_posting"),
        (
            {"buyer_requested_at": "2026-11-14", "platform_escalated_at": "2026-11-13"},
            "platform_escalated_at",
            "escalated_before_request",
        ),
        ({"buyer_refunded_at": "2026-11-01"}, "buyer_refunded_at", "event_before_posting"),
    ],
)
def test_events_out_of_order_or_malformed_are_refused(
    overrides: dict[str, Any], field: str, code: str
) -> None:
    with pytest.raises(CaseError) as error:
        case_from_json(case_dict(**overrides), NOW)
    assert (error.value.field, error.value.code) == (field, code)


def test_a_proposal_of_zero_is_allowed() -> None:
    """A courier offering nothing is a proposal the seller can complain about."""
    case = make_case(proposal={"amount": "0", "at": "2026-11-17"})
    assert case.proposal is not None and case.proposal.amount == 0


def test_answer_and_agreement_are_not_held_to_the_claim_moment() -> None:
    """Older files carry a claim_at that was the moment of data entry, after the answer."""
    case = make_case(courier_replied_at="2026-11-15T10:00", agreed_at="2026-11-15T12:00")
    assert case.courier_replied_at is not None and case.courier_replied_at < case.claim_at  # type: ignore[operator]


# --------------------------------------------------------------------------- recording


def test_record_filed_then_answer_and_correct_it() -> None:
    case = make_case(claim_at=None)
    sent = NOW - 3 * DAY
    case = record_event(
        case, CaseEvent(EventKind.FILED, sent, channel=ClaimChannel.HOTLINE, ticket="A1"), NOW
    )
    assert (case.claim_at, case.channel, case.ticket) == (sent, ClaimChannel.HOTLINE, "A1")
    case = record_event(case, CaseEvent(EventKind.FILED, sent - DAY, ticket="A2"), NOW)
    assert (case.claim_at, case.channel, case.ticket) == (sent - DAY, ClaimChannel.HOTLINE, "A2")
    case = record_event(case, CaseEvent(EventKind.PROPOSAL, NOW, amount=Decimal("8.5")), NOW)
    assert case.proposal == MoneyEvent(Decimal("8.5"), NOW)


@pytest.mark.parametrize(
    ("event", "field", "code"),
    [
        (CaseEvent(EventKind.REPLIED, NOW - 9 * DAY), "courier_replied_at", "event_before_claim"),
        (CaseEvent(EventKind.AGREED, NOW + timedelta(minutes=1)), "agreed_at", "in_future"),
        (CaseEvent(EventKind.PAID, NOW), "paid.amount", "required"),
        (CaseEvent(EventKind.AGREED, NOW, ticket="x"), "ticket", "not_for_event"),
    ],
)
def test_record_refuses(event: CaseEvent, field: str, code: str) -> None:
    case = make_case(claim_at=(NOW - 5 * DAY).isoformat())
    with pytest.raises(CaseError) as error:
        record_event(case, event, NOW)
    assert (error.value.field, error.value.code) == (field, code)


def test_a_later_filing_moment_cannot_pass_an_answer() -> None:
    case = make_case(claim_at=(NOW - 5 * DAY).isoformat())
    case = record_event(case, CaseEvent(EventKind.REPLIED, NOW - 4 * DAY), NOW)
    with pytest.raises(CaseError) as error:
        record_event(case, CaseEvent(EventKind.FILED, NOW - 3 * DAY), NOW)
    assert error.value.field == "courier_replied_at"


def test_clear_takes_the_event_and_what_it_carries() -> None:
    case = make_case(channel="官网", ticket="T1", complaint_at="2026-11-18", complaint_ticket="C")
    cleared = clear_event(clear_event(case, EventKind.COMPLAINED, NOW), EventKind.FILED, NOW)
    assert (cleared.claim_at, cleared.channel, cleared.ticket) == (None, None, None)
    assert (cleared.complaint_at, cleared.complaint_ticket) == (None, None)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "2026-11-16 10:00 向快递公司提交索赔（官网，工单号 SF-CLAIM-0088）"),
        ("en", "2026-11-16 10:00 Claim sent to the courier (website, ticket SF-CLAIM-0088)"),
    ],
)
def test_timeline_words(catalog: Catalog, lang: str, expected: str) -> None:
    events = case_events(make_case(**EVERY_EVENT))
    filed = next(e for e in events if e.kind is EventKind.FILED)
    assert event_text(filed, catalog.texts, lang) == expected
    paid = event_to_dict(events[-1], catalog.texts, lang)
    assert paid["amount"] == "28.80" and paid["at"] == "2026-11-30T15:00:00+08:00"
    assert "28.80" in paid["text"]
    for event in events:
        text = event_text(event, catalog.texts, lang)
        if lang == "zh":  # no internal key in a Chinese line
            assert "_" not in text and "claim" not in text
