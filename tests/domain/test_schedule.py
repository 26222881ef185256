"""The follow-up schedule: one table per deadline kind, then reminders, warnings and words."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seller_app.domain.case import SHANGHAI
from seller_app.domain.catalog import Catalog
from seller_app.domain.rules import Note
from seller_app.domain.schedule import (
    BASIS,
    LEGAL_DUE_BASIS,
    PLATFORM_KINDS,
    Deadline,
    DeadlineKind,
    build_schedule,
    deadline_to_dict,
    reminders_for,
    schedule_to_dict,
    settled_deadlines,
)
from seller_app.domain.workdays import ChinaCalendar
from tests.conftest import make_case

CHINA = ChinaCalendar()
UNKNOWN_2027 = Note("calendar_year_unknown", {"year": 2027})
UNVERIFIED = Note("platform_rule_unverified")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def only(kind: str, **case: Any) -> Deadline:
    case.setdefault("posted_at", "2025-12-01T10:00:00")
    found = [d for d in build_schedule(make_case(**case), CHINA) if d.kind == kind]
    assert len(found) == 1, f"{kind}: {found}"
    return found[0]


def check(deadline: Deadline, due: str, legal_due: str | None, warnings: tuple[Note, ...]) -> None:
    assert deadline.due == at(due)
    assert deadline.due.utcoffset() == timedelta(hours=8)
    assert deadline.legal_due == (None if legal_due is None else at(legal_due))
    assert deadline.warnings == warnings
    assert deadline.basis == BASIS[DeadlineKind(deadline.kind)]


@pytest.mark.parametrize(
    ("claim_at", "due"),
    [
        ("2026-11-16T10:00:00", "2026-11-17T10:00"),
        ("2026-02-28T23:30:00", "2026-03-01T23:30"),  # month end, 2026 not a leap year
        ("2028-02-28T23:30:00", "2028-02-29T23:30"),  # leap year
        ("2026-11-16T02:00:00+00:00", "2026-11-17T10:00"),  # any offset, shown in Beijing time
        ("2026-10-01T09:00:00", "2026-10-02T09:00"),  # hours, so no holiday roll-over
    ],
)
def test_courier_reply_24_hours_after_the_claim(claim_at: str, due: str) -> None:
    check(only("courier_reply", claim_at=claim_at), due, None, ())


@pytest.mark.parametrize(
    ("complaint_at", "due", "legal_due", "warnings"),
    [
        ("2026-11-16T10:00:00", "2026-11-23T10:00", None, ()),  # Monday
        ("2026-11-14T10:00:00", "2026-11-21T10:00", "2026-11-23T10:00", ()),  # Saturday
        ("2026-09-26T10:00:00", "2026-10-03T10:00", "2026-10-08T10:00", ()),  # National Day
        ("2026-02-07T10:00:00", "2026-02-14T10:00", None, ()),  # make-up Saturday: working
        ("2026-02-09T10:00:00", "2026-02-16T10:00", "2026-02-24T10:00", ()),  # Spring Festival
        # 2 Jan 2027 is a Saturday in a year without its notice
        ("2026-12-26T10:00:00", "2027-01-02T10:00", "2027-01-04T10:00", (UNKNOWN_2027,)),
    ],
)
def test_courier_complaint_7_days_after_the_complaint(
    complaint_at: str, due: str, legal_due: str | None, warnings: tuple[Note, ...]
) -> None:
    """快递暂行条例 (2025) art. 29: counted from the complaint, not from the claim."""
    deadline = only("courier_complaint", claim_at="2026-01-05T09:00:00", complaint_at=complaint_at)
    check(deadline, due, legal_due, warnings)


def test_no_complaint_deadline_before_a_complaint() -> None:
    kinds = {d.kind for d in build_schedule(make_case(), CHINA)}
    assert not kinds & {"courier_complaint", "postal_appeal", "appeal_answer"}


@pytest.mark.parametrize(
    ("region", "claim_at", "replied_at", "due", "legal_due", "warnings"),
    [
        # no answer recorded: counted from the courier_reply due time
        ("domestic", "2026-11-16T10:00:00", None, "2026-12-17T10:00", None, ()),
        ("same_city", "2026-11-16T10:00:00", None, "2026-12-17T10:00", None, ()),
        (
            "international",
            "2026-11-16T10:00:00",
            None,
            "2027-01-16T10:00",  # Saturday in a year without official data
            "2027-01-18T10:00",
            (UNKNOWN_2027,),
        ),
        ("hk_mo_tw", "2026-01-05T10:00:00", "2026-01-10T15:00:00", "2026-02-09T15:00", None, ()),
        # month end: 31 Jan + 30 days = 2 Mar (February has 28 days in 2026)
        ("domestic", "2026-01-30T10:00:00", "2026-01-31T12:00:00", "2026-03-02T12:00", None, ()),
        # the last day is in the Spring Festival break: rolls to Tuesday 24 Feb
        (
            "same_city",
            "2026-01-15T10:00:00",
            "2026-01-16T09:00:00",
            "2026-02-15T09:00",
            "2026-02-24T09:00",
            (),
        ),
        (
            "international",
            "2026-08-01T10:00:00",
            "2026-08-03T10:00:00",
            "2026-10-02T10:00",
            "2026-10-08T10:00",
            (),
        ),
    ],
)
def test_courier_proposal_30_or_60_days_after_the_answer(
    region: str,
    claim_at: str,
    replied_at: str | None,
    due: str,
    legal_due: str | None,
    warnings: tuple[Note, ...],
) -> None:
    deadline = only(
        "courier_proposal", region=region, claim_at=claim_at, courier_replied_at=replied_at
    )
    check(deadline, due, legal_due, warnings)


@pytest.mark.parametrize(
    ("agreed_at", "due", "legal_due", "warnings"),
    [
        ("2026-11-20T16:00:00", "2026-11-27T16:00", None, ()),
        ("2026-09-24T16:00:00", "2026-10-01T16:00", "2026-10-08T16:00", ()),  # National Day
        ("2026-09-13T16:00:00", "2026-09-20T16:00", None, ()),  # make-up Sunday: working
        ("2026-12-28T16:00:00", "2027-01-04T16:00", None, (UNKNOWN_2027,)),
        # 1 Jan 2027 is 元旦 even before the 2027 notice: runs to Monday 4 Jan
        ("2026-12-25T16:00:00", "2027-01-01T16:00", "2027-01-04T16:00", (UNKNOWN_2027,)),
    ],
)
def test_payment_7_days_after_agreement(
    agreed_at: str, due: str, legal_due: str | None, warnings: tuple[Note, ...]
) -> None:
    check(only("payment", agreed_at=agreed_at), due, legal_due, warnings)


@pytest.mark.parametrize(
    ("posted_at", "due", "legal_due", "warnings"),
    [
        # The period ends with the anniversary day (24:00), whatever the posting time.
        ("2025-11-11T18:20:00", "2026-11-11T23:59:59", None, ()),  # Wednesday
        ("2024-02-29T08:00:00", "2025-02-28T23:59:59", None, ()),  # leap day -> 28 Feb (Friday)
        ("2025-10-03T09:00:00", "2026-10-03T23:59:59", "2026-10-08T23:59:59", ()),  # National Day
        ("2025-02-21T09:00:00", "2026-02-21T23:59:59", "2026-02-24T23:59:59", ()),  # Spring Fest.
        ("2025-02-28T09:00:00", "2026-02-28T23:59:59", None, ()),  # make-up Saturday
        ("2025-12-31T18:00:00", "2026-12-31T23:59:59", None, ()),  # year end
        ("2026-02-28T09:00:00", "2027-02-28T23:59:59", "2027-03-01T23:59:59", (UNKNOWN_2027,)),
        ("2026-01-31", "2027-01-31T23:59:59", "2027-02-01T23:59:59", (UNKNOWN_2027,)),
        # Posted late at night UTC is the next day in Shanghai.
        ("2025-11-10T20:00:00+00:00", "2026-11-11T23:59:59", None, ()),
    ],
)
def test_claim_deadline_one_year_after_posting(
    posted_at: str, due: str, legal_due: str | None, warnings: tuple[Note, ...]
) -> None:
    deadline = only("claim_deadline", posted_at=posted_at, claim_at="2026-03-02T10:00:00")
    check(deadline, due, legal_due, warnings)


@pytest.mark.parametrize(
    ("posted_at", "claim_at"),
    [
        ("2025-10-01T10:00", "2026-10-08T10:00"),  # anniversary in the National Day holiday
        ("2025-11-11T18:20", "2026-11-11T23:00"),  # the anniversary itself, late in the day
    ],
)
def test_schedule_and_engine_agree_on_the_last_day(
    catalog: Catalog, posted_at: str, claim_at: str
) -> None:
    """A claim made on the schedule's last day (legal_due, else due) is in time for `assess`;
    one made the day after is not."""
    from datetime import timedelta

    from seller_app.domain.rules import assess

    deadline = only("claim_deadline", posted_at=posted_at, claim_at="2026-03-02T10:00:00")
    last = (deadline.legal_due or deadline.due).date()
    assert last == at(claim_at).date()
    case = make_case(posted_at=posted_at, claim_at=claim_at)
    assert assess(case, catalog).eligible
    late = make_case(posted_at=posted_at, claim_at=(at(claim_at) + timedelta(days=1)).isoformat())
    assert not assess(late, catalog).eligible


@pytest.mark.parametrize(
    ("requested_at", "due"),
    [
        ("2026-11-14T12:00:00", "2026-11-16T12:00"),
        ("2026-09-30T20:00:00", "2026-10-02T20:00"),  # hours run through holidays
        ("2026-12-31T08:00:00", "2027-01-02T08:00"),  # hours need no calendar: no warning
    ],
)
def test_seller_response_48_hours_after_the_buyer(requested_at: str, due: str) -> None:
    check(only("seller_response", buyer_requested_at=requested_at), due, None, (UNVERIFIED,))


@pytest.mark.parametrize(
    ("escalated_at", "due", "warnings"),
    [
        ("2026-11-16T14:00:00", "2026-12-07T14:00", (UNVERIFIED,)),  # three plain weeks
        ("2026-02-12T10:00:00", "2026-03-11T10:00", (UNVERIFIED,)),  # Spring Festival
        ("2026-09-25T14:00:00", "2026-10-22T14:00", (UNVERIFIED,)),  # Mid-Autumn, National Day
        ("2026-09-19T14:00:00", "2026-10-15T14:00", (UNVERIFIED,)),  # starts on make-up Sunday
        ("2026-12-20T11:00:00", "2027-01-11T11:00", (UNVERIFIED, UNKNOWN_2027)),  # 元旦 2027
    ],
)
def test_platform_ruling_15_working_days(
    escalated_at: str, due: str, warnings: tuple[Note, ...]
) -> None:
    check(only("platform_ruling", platform_escalated_at=escalated_at), due, None, warnings)


def test_optional_deadlines_appear_only_when_their_start_is_given() -> None:
    plain = {d.kind for d in build_schedule(make_case(), CHINA)}
    assert plain == {"courier_reply", "courier_proposal", "claim_deadline"}
    full = make_case(
        courier_replied_at="2026-11-16T18:00:00",
        complaint_at="2026-11-18T10:00:00",
        appeal_at="2026-11-26T10:00:00",
        agreed_at="2026-11-28T10:00:00",
        buyer_requested_at="2026-11-12T10:00:00",
        platform_escalated_at="2026-11-14T10:00:00",
        signer={"who": "unauthorized", "inspected": False},
    )
    kinds = {d.kind for d in build_schedule(full, CHINA)}
    assert kinds == {
        "payment",
        "claim_deadline",
        "refund_buyer",
        "seller_response",
        "platform_intervention",
        "platform_ruling",
    }
    settled = {d.kind for d in settled_deadlines(full, CHINA)}
    # answered, then agreed: the proposal, the complaint, the appeal and its answer are settled
    assert settled == {
        "courier_reply",
        "courier_proposal",
        "courier_complaint",
        "postal_appeal",
        "appeal_answer",
    }
    every = kinds | settled | {"file_claim"}
    assert every == {kind.value for kind in DeadlineKind}


def test_schedule_is_sorted_by_due() -> None:
    case = make_case(
        agreed_at="2026-11-20T10:00:00",
        complaint_at="2026-11-17T10:00:00",
        buyer_requested_at="2026-11-12T10:00:00",
        platform_escalated_at="2026-11-14T10:00:00",
    )
    kinds = [d.kind for d in build_schedule(case, CHINA)]
    assert kinds == [
        "seller_response",  # 11-14 10:00
        "platform_intervention",  # 11-17 10:00
        "payment",  # 11-27 10:00
        "platform_ruling",  # 12-04 10:00
        "claim_deadline",  # 2027-11-11
    ]


def test_default_calendar_is_the_china_calendar() -> None:
    case = make_case(posted_at="2026-09-20T10:00:00", claim_at="2026-09-26T10:00:00")
    assert build_schedule(case) == build_schedule(case, CHINA)


class EveryDayWorks:
    """A calendar that knows everything and works every day, to see the injection."""

    def is_workday(self, day: date) -> bool:
        return True

    def knows(self, day: date) -> bool:
        return True


def test_an_injected_calendar_replaces_the_package() -> None:
    case = make_case(claim_at="2026-09-26T10:00:00", posted_at="2026-02-28T09:00:00")
    deadlines = build_schedule(case, EveryDayWorks())
    assert all(d.legal_due is None and not d.warnings for d in deadlines)


# --------------------------------------------------------------------------- reminders


@pytest.mark.parametrize(
    ("start", "due", "expected"),
    [
        ("2026-11-16T10:00", "2026-11-17T10:00", ["2026-11-16T09:00", "2026-11-17T09:00"]),
        ("2026-11-16T07:00", "2026-11-17T07:00", ["2026-11-16T09:00", "2026-11-17T07:00"]),
        ("2026-11-16T09:00", "2026-11-17T09:00", ["2026-11-16T09:00", "2026-11-17T09:00"]),
        ("2026-11-15T00:00", "2026-11-16T00:00", ["2026-11-15T09:00", "2026-11-16T00:00"]),
        ("2026-02-28T10:00", "2026-03-01T10:00", ["2026-02-28T09:00", "2026-03-01T09:00"]),
        (
            "2026-11-17T10:00",
            "2026-12-17T10:00",
            ["2026-12-10T09:00", "2026-12-16T09:00", "2026-12-17T09:00"],
        ),
        ("2026-11-10T10:00", "2026-11-23T10:00", ["2026-11-22T09:00", "2026-11-23T09:00"]),
        (
            "2026-11-09T10:00",
            "2026-11-23T10:00",
            ["2026-11-16T09:00", "2026-11-22T09:00", "2026-11-23T09:00"],
        ),
    ],
)
def test_reminders(start: str, due: str, expected: list[str]) -> None:
    assert reminders_for(at(start), at(due)) == tuple(at(moment) for moment in expected)


moments = st.datetimes(
    min_value=datetime(2004, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(SHANGHAI)
)


@settings(max_examples=60, deadline=None)
@given(claim_at=moments, gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)))
def test_every_deadline_is_reminded_the_day_before_and_on_the_day(
    claim_at: datetime, gap: timedelta
) -> None:
    posted_at = claim_at - gap
    case = make_case(
        posted_at=posted_at.isoformat(),
        claim_at=claim_at.isoformat(),
        complaint_at=(claim_at + gap / 4).isoformat(),
        agreed_at=(claim_at + gap / 3).isoformat(),
        platform_escalated_at=claim_at.isoformat(),
        buyer_requested_at=posted_at.isoformat(),
        signer={"who": "buyer", "inspected": True, "placed_without_consent": True},
    )
    deadlines = build_schedule(case, CHINA) + settled_deadlines(case, CHINA)
    assert len(deadlines) == 10  # every kind but file_claim (filed) and appeal_answer
    open_ = build_schedule(case, CHINA)
    assert [d.due for d in open_] == sorted(d.due for d in open_)
    for deadline in deadlines:
        days = {r.date() for r in deadline.reminders}
        assert deadline.due.date() - timedelta(days=1) in days
        assert deadline.due.date() in days
        assert all(r <= deadline.due for r in deadline.reminders)
        assert list(deadline.reminders) == sorted(set(deadline.reminders))
        if deadline.legal_due is not None:
            assert deadline.legal_due > deadline.due
            assert CHINA.is_workday(deadline.legal_due.date())
            assert not CHINA.is_workday(deadline.due.date())
        unknown = not CHINA.knows(deadline.due.date())
        calendar_days = deadline.kind in (
            "courier_complaint",
            "courier_proposal",
            "appeal_answer",
            "payment",
            "claim_deadline",
        )
        if unknown and calendar_days:
            assert Note("calendar_year_unknown", {"year": deadline.due.year}) in deadline.warnings


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", [kind.value for kind in DeadlineKind])
def test_every_kind_has_words_in_both_languages(catalog: Catalog, kind: str, lang: str) -> None:
    deadline = Deadline(kind, at("2026-10-03T10:00"), at("2026-10-08T10:00"), "A.4", ())
    data = deadline_to_dict(deadline, catalog.texts, lang)
    assert data["title"]
    assert "2026-10-03" in data["detail"]
    assert "2026-10-08 10:00" in data["detail"]
    other = deadline_to_dict(deadline, catalog.texts, "en" if lang == "zh" else "zh")
    assert data["title"] != other["title"]


@pytest.mark.parametrize(("lang", "word"), [("zh", "2027 年"), ("en", "2027")])
def test_the_2027_warning_says_the_holiday_list_is_missing(
    catalog: Catalog, lang: str, word: str
) -> None:
    deadline = only("claim_deadline", posted_at="2026-02-28T09:00:00", claim_at="2026-03-02")
    data = deadline_to_dict(deadline, catalog.texts, lang)
    assert data["warnings"][0]["code"] == "calendar_year_unknown"
    assert word in data["warnings"][0]["text"]
    assert ("节假日" if lang == "zh" else "holiday list") in data["warnings"][0]["text"]


def test_deadline_to_dict_shape(catalog: Catalog) -> None:
    case = make_case(
        posted_at="2026-09-20T10:00:00",
        claim_at="2026-09-24T10:00:00",
        complaint_at="2026-09-26T10:00:00",
        buyer_requested_at="2026-09-25T10:00:00",
    )
    out = schedule_to_dict(build_schedule(case, CHINA), catalog.texts, "en")
    by_kind = {entry["kind"]: entry for entry in out["deadlines"]}
    complaint = by_kind["courier_complaint"]
    assert list(complaint) == [
        "kind",
        "due",
        "legal_due",
        "title",
        "detail",
        "basis",
        "reminders",
        "warnings",
    ]
    assert complaint["due"] == "2026-10-03T10:00:00+08:00"
    assert complaint["legal_due"] == "2026-10-08T10:00:00+08:00"
    assert "art. 203" in complaint["detail"]
    assert complaint["basis"] == "快递暂行条例 art. 29"
    assert complaint["reminders"] == ["2026-10-02T09:00:00+08:00", "2026-10-03T09:00:00+08:00"]
    assert complaint["warnings"] == []
    assert "legal_due" not in by_kind["courier_reply"]
    assert by_kind["seller_response"]["warnings"][0]["code"] == "platform_rule_unverified"


def test_every_legal_basis_is_a_quoted_clause(catalog: Catalog) -> None:
    """Statute and standard bases cite clauses.toml; the platform ones are named rules."""
    for kind, basis in BASIS.items():
        if basis.startswith("platform-"):
            assert kind in PLATFORM_KINDS
        else:
            assert catalog.texts.clause(basis).quote
    assert "法定休假日" in catalog.texts.clause(LEGAL_DUE_BASIS).quote
