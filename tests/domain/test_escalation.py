"""When the courier does not pay: the grounds, the conditions and the amount of each step."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.escalation import (
    CheckStatus,
    EscalationKind,
    claim_figure,
    prepare_escalation,
)
from seller_app.domain.rules import assess
from tests.conftest import make_case

# The base case: a loss of goods worth 300 (claim figure: the engine's, see `claimed`); the claim
# was sent 2026-11-16 10:00. Figures are computed, not typed in, so they follow the engine.
NOW = datetime(2026, 12, 10, 10, 0, tzinfo=SHANGHAI)


def claimed(catalog: Catalog, **case: Any) -> Decimal:
    return claim_figure(assess(make_case(**case), catalog))


def prepare(catalog: Catalog, kind: str, now: datetime = NOW, **case: Any) -> Any:
    built = make_case(**case)
    return prepare_escalation(built, assess(built, catalog), kind, now)


@pytest.mark.parametrize(
    ("events", "now", "grounds"),
    [
        ({}, datetime(2026, 11, 16, 20, 0, tzinfo=SHANGHAI), []),  # the 24 h are not over
        ({}, datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI), ["no_reply"]),
        ({}, NOW, ["no_reply"]),
        ({"courier_replied_at": "2026-11-16T18:00"}, NOW, []),
        (
            {"courier_replied_at": "2026-11-16T18:00"},
            datetime(2027, 1, 2, tzinfo=SHANGHAI),
            ["no_proposal"],
        ),
        ({"courier_rejected_at": "2026-11-17T09:00"}, NOW, ["rejected"]),
        ({"proposal": {"amount": "1", "at": "2026-11-17T11:00"}}, NOW, ["proposal_low"]),
        ({"proposal": {"amount": "CLAIMED", "at": "2026-11-17T11:00"}}, NOW, []),
        ({"agreed_at": "2026-11-20T10:00"}, NOW, ["not_paid"]),
        ({"agreed_at": "2026-12-05T10:00"}, NOW, []),  # 7 days not over yet
        ({"paid": {"amount": "1", "at": "2026-11-25"}}, NOW, ["paid_short"]),
    ],
)
def test_complaint_grounds(
    catalog: Catalog, events: dict[str, Any], now: datetime, grounds: list[str]
) -> None:
    proposal = events.get("proposal")
    if proposal and proposal["amount"] == "CLAIMED":  # a proposal of exactly the claim figure
        events = {"proposal": {**proposal, "amount": str(claimed(catalog))}}
    facts = prepare(catalog, "courier_complaint", now, **events)
    assert [note.code for note in facts.grounds] == grounds
    assert ("no_grounds_yet" in {w.code for w in facts.warnings}) is (not grounds)


def test_the_amount_asked_is_the_claim_figure_less_what_was_paid(catalog: Catalog) -> None:
    case = make_case(paid={"amount": "30.50", "at": "2026-11-25"})
    assessment = assess(case, catalog)
    facts = prepare_escalation(case, assessment, "small_claims", NOW)
    figure = claim_figure(assessment)
    assert figure > Decimal("30.50")
    assert (facts.claimed, facts.paid, facts.outstanding) == (
        figure,
        Decimal("30.50"),
        figure - Decimal("30.50"),
    )
    more = str(figure + 1)
    paid_up = prepare(catalog, "courier_complaint", paid={"amount": more, "at": "2026-11-25"})
    assert paid_up.outstanding == 0 and "paid_in_full" in {w.code for w in paid_up.warnings}


def checks(facts: Any) -> dict[str, CheckStatus]:
    return {check.code: check.status for check in facts.checks}


def test_appeal_conditions_when_everything_is_in_order(catalog: Catalog) -> None:
    """申诉办法 art. 9: complained, 7 days passed, sender, within a year, first appeal."""
    facts = prepare(
        catalog,
        "postal_appeal",
        proposal={"amount": "20", "at": "2026-11-17T11:00"},
        complaint_at="2026-11-20T09:00",
    )
    assert checks(facts) == {
        "complained": CheckStatus.MET,
        "waited": CheckStatus.MET,
        "appellant": CheckStatus.MET,
        "within_year": CheckStatus.MET,
        "first_appeal": CheckStatus.MET,
        "no_court": CheckStatus.CONFIRM,
    }
    assert facts.ready and facts.warnings == ()
    assert facts.basis[:2] == ("邮政业消费者申诉处理办法 art. 9", "邮政法 art. 65")


@pytest.mark.parametrize(
    ("events", "now", "unmet", "warning"),
    [
        ({}, NOW, "complained", "appeal_no_complaint"),
        ({"complaint_at": "2026-12-08T09:00"}, NOW, "waited", "appeal_too_early"),
        (
            {"complaint_at": "2026-11-20T09:00"},
            datetime(2027, 11, 17, 9, 0, tzinfo=SHANGHAI),
            "within_year",
            "appeal_out_of_time",
        ),
    ],
)
def test_appeal_conditions_that_fail(
    catalog: Catalog, events: dict[str, Any], now: datetime, unmet: str, warning: str
) -> None:
    facts = prepare(catalog, "postal_appeal", now, **events)
    assert checks(facts)[unmet] is CheckStatus.UNMET
    assert warning in {w.code for w in facts.warnings}
    assert not facts.ready


def test_an_answer_to_the_complaint_opens_the_appeal_before_7_days(catalog: Catalog) -> None:
    facts = prepare(
        catalog,
        "postal_appeal",
        complaint_at="2026-12-08T09:00",
        courier_rejected_at="2026-12-09T09:00",
    )
    assert checks(facts)["waited"] is CheckStatus.MET


def test_a_second_appeal_needs_new_facts(catalog: Catalog) -> None:
    facts = prepare(
        catalog, "postal_appeal", complaint_at="2026-11-20T09:00", appeal_at="2026-11-28T09:00"
    )
    assert checks(facts)["first_appeal"] is CheckStatus.CONFIRM
    assert "appeal_already_made" in {w.code for w in facts.warnings}


def test_small_claims_limitation_and_basis(catalog: Catalog) -> None:
    facts = prepare(catalog, "small_claims")
    assert checks(facts)["limitation"] is CheckStatus.MET
    assert "民事诉讼法 art. 165" in facts.basis and "民法典 art. 832" in facts.basis
    late = prepare(catalog, "small_claims", datetime(2029, 11, 17, tzinfo=SHANGHAI))
    assert checks(late)["limitation"] is CheckStatus.UNMET


def test_not_sent_and_not_eligible_are_said(catalog: Catalog) -> None:
    facts = prepare(catalog, "courier_complaint", claim_at=None)
    assert {w.code for w in facts.warnings} >= {"not_filed"}
    barred = prepare(catalog, "courier_complaint", exemptions={"sender_fault": True})
    assert "not_eligible" in {w.code for w in barred.warnings}


def test_the_seller_s_own_weak_points_are_not_cited(catalog: Catalog) -> None:
    """民法典 art. 831 (signed without inspection) argues the courier's case: left out."""
    facts = prepare(
        catalog,
        "courier_complaint",
        incident="damage",
        damage={"extent": "partial", "lost_value": "120"},
        signer={"who": "buyer", "inspected": False},
    )
    assert "民法典 art. 831" not in facts.basis
    assert all(catalog.texts.clause(clause_id).quote for clause_id in facts.basis)


@pytest.mark.parametrize("kind", [kind.value for kind in EscalationKind])
def test_every_cited_clause_is_quoted_with_a_chinese_label(catalog: Catalog, kind: str) -> None:
    facts = prepare(catalog, kind, complaint_at="2026-11-20T09:00")
    for clause_id in facts.basis:
        clause = catalog.texts.clause(clause_id)
        assert clause.quote and clause.source
        assert "art." not in clause.label("zh")


def test_the_events_travel_with_the_facts(catalog: Catalog) -> None:
    facts = prepare(catalog, "postal_appeal", complaint_at="2026-11-20T09:00")
    assert [event.kind.value for event in facts.events] == ["filed", "complained"]
    assert facts.dated == NOW and facts.dated - timedelta(days=1) < NOW
