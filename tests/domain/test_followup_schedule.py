"""The schedule follows the case's real events: before and after the claim is sent, the
complaint and the appeal, the buyer's side; what each event settles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import Note
from seller_app.domain.schedule import (
    build_schedule,
    deadline_to_dict,
    projected_schedule,
    settled_deadlines,
)
from seller_app.domain.workdays import ChinaCalendar
from tests.conftest import make_case

CHINA = ChinaCalendar()
UNVERIFIED = Note("platform_rule_unverified")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def kinds(**case: Any) -> list[str]:
    return [d.kind for d in build_schedule(make_case(**case), CHINA)]


def due(kind: str, **case: Any) -> datetime:
    (found,) = [d for d in build_schedule(make_case(**case), CHINA) if d.kind == kind]
    return found.due


def test_before_the_claim_is_sent_one_task_and_no_courier_deadline() -> None:
    (task,) = build_schedule(make_case(claim_at=None, posted_at="2026-11-11T18:20"), CHINA)
    assert task.kind == "file_claim" and task.basis == "A.4"
    assert task.due == at("2027-11-11T23:59:59")  # the claim period's last day
    assert task.reminders == (
        at("2027-10-12T09:00"),
        at("2027-11-04T09:00"),
        at("2027-11-10T09:00"),
        at("2027-11-11T09:00"),
    )
    assert settled_deadlines(make_case(claim_at=None), CHINA) == ()


def test_after_the_claim_is_sent_the_courier_deadlines_run_from_that_moment() -> None:
    expected = ["courier_reply", "courier_proposal", "claim_deadline"]
    assert kinds(claim_at="2026-11-18T15:30") == expected
    assert due("courier_reply", claim_at="2026-11-18T15:30") == at("2026-11-19T15:30")
    assert due("courier_proposal", claim_at="2026-11-18T15:30") == at("2026-12-19T15:30")
    settled = settled_deadlines(make_case(claim_at="2026-11-18T15:30"), CHINA)
    assert settled == ()


@pytest.mark.parametrize(
    ("events", "open_", "settled"),
    [
        ({"courier_replied_at": "2026-11-17T09:00"}, {"courier_proposal"}, {"courier_reply"}),
        (
            {"courier_rejected_at": "2026-11-17T09:00"},
            set(),
            {"courier_reply", "courier_proposal"},
        ),
        (
            {"proposal": {"amount": "10", "at": "2026-11-17T09:00"}},
            set(),
            {"courier_reply", "courier_proposal"},
        ),
        (
            {"agreed_at": "2026-11-17T09:00"},
            {"payment"},
            {"courier_reply", "courier_proposal"},
        ),
        (
            {"agreed_at": "2026-11-17T09:00", "paid": {"amount": "5", "at": "2026-11-18"}},
            set(),
            {"courier_reply", "courier_proposal", "payment"},
        ),
    ],
)
def test_what_each_courier_answer_settles(
    events: dict[str, Any], open_: set[str], settled: set[str]
) -> None:
    case = make_case(**events)
    assert {d.kind for d in build_schedule(case, CHINA)} - {"claim_deadline"} == open_
    assert {d.kind for d in settled_deadlines(case, CHINA)} == settled


def test_the_proposal_waits_for_the_real_answer() -> None:
    assert due("courier_proposal", courier_replied_at="2026-11-20T14:00") == at("2026-12-20T14:00")


def test_complaint_then_appeal_then_the_regulator_s_answer() -> None:
    """快递暂行条例 art. 29: 7 days from the complaint; then 12305 (申诉办法 art. 9), at the
    latest a year after the claim; the regulator answers within 30 days (邮政法 art. 65)."""
    complained = make_case(
        proposal={"amount": "10", "at": "2026-11-17T11:00"}, complaint_at="2026-11-18T09:00"
    )
    plan = {d.kind: d for d in build_schedule(complained, CHINA)}
    assert plan["courier_complaint"].due == at("2026-11-25T09:00")
    assert plan["courier_complaint"].basis == "快递暂行条例 art. 29"
    appeal = plan["postal_appeal"]
    assert appeal.due == at("2026-11-25T09:00")  # from when the appeal lies
    assert appeal.facts == {"until": "2027-11-16"}  # a year after the claim of 2026-11-16
    assert appeal.basis == "邮政业消费者申诉处理办法 art. 9"
    appealed = make_case(
        proposal={"amount": "10", "at": "2026-11-17T11:00"},
        complaint_at="2026-11-18T09:00",
        appeal_at="2026-11-26T09:00",
    )
    plan = {d.kind: d for d in build_schedule(appealed, CHINA)}
    assert set(plan) == {"appeal_answer", "claim_deadline"}
    assert plan["appeal_answer"].due == at("2026-12-26T09:00")
    assert plan["appeal_answer"].legal_due == at("2026-12-28T09:00")  # Saturday -> Monday
    assert plan["appeal_answer"].basis == "邮政法 art. 65"
    assert {d.kind for d in settled_deadlines(appealed, CHINA)} >= {
        "courier_complaint",
        "postal_appeal",
    }


def test_an_answer_after_the_complaint_settles_it_but_leaves_the_appeal_open() -> None:
    case = make_case(complaint_at="2026-11-18T09:00", courier_replied_at="2026-11-19T09:00")
    assert "courier_complaint" in {d.kind for d in settled_deadlines(case, CHINA)}
    assert "postal_appeal" in {d.kind for d in build_schedule(case, CHINA)}


def test_paid_in_full_settles_the_escalation() -> None:
    case = make_case(complaint_at="2026-11-18T09:00", paid={"amount": "72", "at": "2026-11-20"})
    assert [d.kind for d in build_schedule(case, CHINA)] == ["claim_deadline"]


@pytest.mark.parametrize(
    ("signer", "extra", "expected_due", "warnings"),
    [
        # the buyer asked on the platform: within its 48 h negotiation window
        (
            {"who": "unauthorized", "inspected": False},
            {"buyer_requested_at": "2026-11-13T09:00"},
            "2026-11-15T09:00",
            (UNVERIFIED,),
        ),
        # no request recorded: 48 h after the parcel was signed for (seed 002: at once)
        (
            {
                "who": "buyer",
                "inspected": True,
                "placed_without_consent": True,
                "signed_at": "2026-11-13T20:00",
            },
            {},
            "2026-11-15T20:00",
            (),
        ),
        ({"who": "unauthorized", "inspected": False}, {}, "2026-11-13T18:20", ()),
    ],
)
def test_refund_the_buyer_first_when_the_signer_was_not_the_buyer(
    signer: dict[str, Any], extra: dict[str, Any], expected_due: str, warnings: tuple[Note, ...]
) -> None:
    case = make_case(claim_at=None, signer=signer, **extra)
    (task,) = [d for d in build_schedule(case, CHINA) if d.kind == "refund_buyer"]
    assert task.due == at(expected_due) and task.warnings == warnings
    assert task.basis == "民法典 art. 604"
    refunded = make_case(claim_at=None, signer=signer, buyer_refunded_at="2026-11-14", **extra)
    assert "refund_buyer" in {d.kind for d in settled_deadlines(refunded, CHINA)}


@pytest.mark.parametrize(
    "signer",
    [
        None,
        {"who": "buyer", "inspected": False},
        {"who": "authorized", "inspected": True, "placed_without_consent": False},
        {"who": "unknown", "inspected": False},
    ],
)
def test_no_refund_task_when_the_buyer_or_their_proxy_signed(signer: Any) -> None:
    assert "refund_buyer" not in kinds(signer=signer)


def test_the_buyer_side_windows_48_72_hours_and_the_ruling() -> None:
    case = make_case(
        claim_at=None,
        buyer_requested_at="2026-11-14T10:00",
        platform_escalated_at="2026-11-16T11:00",
    )
    plan = {d.kind: d for d in build_schedule(case, CHINA)}
    assert plan["seller_response"].due == at("2026-11-16T10:00")
    assert plan["platform_intervention"].due == at("2026-11-19T11:00")
    assert plan["platform_ruling"].due == at("2026-12-07T11:00")
    for kind in ("seller_response", "platform_intervention", "platform_ruling"):
        assert UNVERIFIED in plan[kind].warnings
        assert plan[kind].basis.startswith("platform-")
    refunded = make_case(
        claim_at=None,
        buyer_requested_at="2026-11-14T10:00",
        platform_escalated_at="2026-11-16T11:00",
        buyer_refunded_at="2026-11-17T10:00",
    )
    assert [d.kind for d in build_schedule(refunded, CHINA)] == ["file_claim"]


def test_2027_deadlines_skip_its_statutory_holidays() -> None:
    """A proposal due on 除夕 2027 (Friday 5 Feb) runs past the Spring Festival to Tuesday
    9 Feb, and says the 2027 schedule is not official yet."""
    proposal = [
        d
        for d in build_schedule(make_case(claim_at="2027-01-05T10:00", posted_at="2027-01-01"))
        if d.kind == "courier_proposal"
    ][0]
    assert proposal.due == at("2027-02-05T10:00")
    assert proposal.legal_due == at("2027-02-09T10:00")
    assert Note("calendar_year_unknown", {"year": 2027}) in proposal.warnings


def test_the_claim_form_shows_the_deadlines_as_they_will_run_once_sent() -> None:
    case = make_case(claim_at=None)
    sent = at("2026-11-21T10:00")
    projected = {d.kind: d.due for d in projected_schedule(case, sent, CHINA)}
    assert projected["courier_reply"] == at("2026-11-22T10:00")
    assert build_schedule(case, CHINA)[0].kind == "file_claim"  # the case itself is unchanged
    filed = make_case()
    assert projected_schedule(filed, sent, CHINA) == build_schedule(filed, CHINA)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_new_deadlines_have_words(catalog: Catalog, lang: str) -> None:
    case = make_case(
        claim_at=None,
        signer={"who": "unauthorized", "inspected": False},
        buyer_requested_at="2026-11-14T10:00",
        platform_escalated_at="2026-11-16T11:00",
    )
    appealed = make_case(complaint_at="2026-11-18T09:00")
    for deadline in (*build_schedule(case, CHINA), *build_schedule(appealed, CHINA)):
        words = deadline_to_dict(deadline, catalog.texts, lang)
        assert words["title"] and words["detail"]
        if deadline.kind == "postal_appeal":
            assert "12305" in words["detail"] and "2027-11-16" in words["detail"]
        if lang == "zh":
            assert "_" not in words["detail"]
